"""``flask registration …``: the waiting list's clock, for cron."""
import click
from flask.cli import AppGroup

from dialogues.core.columns import utcnow
from dialogues.extensions import db
from dialogues.registration import services

registration_cli = AppGroup("registration", help="Registration upkeep.")


@registration_cli.command("expire-offers")
def expire_offers_command() -> None:
    """Lapse waiting-list offers not taken in time and offer the places to the next people."""
    lapsed = services.expire_offers(now=utcnow())
    db.session.commit()
    click.echo(f"{lapsed} offer{'s' if lapsed != 1 else ''} lapsed.")
