"""``flask proceedings EVENT_ID -o FILE.pdf``: print proceedings in batches, without a browser."""
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.proceedings import pdf, services
from dialogues.programmes.models import Programme


@click.command("proceedings")
@click.argument("object_id", metavar="EVENT_ID", type=int)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True,
              help="The PDF file to write.")
@click.option("--programme", is_flag=True, help="EVENT_ID is a programme's id: compile all its events.")
@click.option("--all-participants", is_flag=True,
              help="The secretariat's copy: list participants who did not agree to be listed too.")
@with_appcontext
def proceedings_command(object_id: int, output: Path, programme: bool, all_participants: bool) -> None:
    """Write the proceedings of an event (or, with --programme, of a whole programme) to a PDF file."""
    try:
        fonts = pdf.fonts_from(current_app.config)
    except pdf.FontMissing as error:
        raise click.ClickException(str(error)) from None
    if programme:
        found = db.session.get(Programme, object_id)
        if found is None:
            raise click.ClickException(f"There is no programme {object_id}.")
        data = pdf.programme_pdf(services.programme_proceedings(found, everyone=all_participants), fonts)
    else:
        found = db.session.get(Event, object_id)
        if found is None:
            raise click.ClickException(f"There is no event {object_id}.")
        data = pdf.event_pdf(services.event_proceedings(found, everyone=all_participants), fonts)
    output.write_bytes(data)
    click.echo(f"Wrote {output} ({len(data):,} bytes).")
