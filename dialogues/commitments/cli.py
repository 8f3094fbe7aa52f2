"""``flask commitments …``: the follow-up reminders, for cron."""
import click
from flask.cli import AppGroup

from dialogues.commitments import services
from dialogues.core import clock
from dialogues.extensions import db
from dialogues.learning_groups import services as learning_groups

commitments_cli = AppGroup("commitments", help="Follow-up of commitments.")


@commitments_cli.command("remind")
@click.option("--dry-run", is_flag=True, help="Only list what would be sent.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="The day to act as (tests).")
def remind_command(dry_run: bool, today) -> None:
    """Remind owners of commitments due soon, overdue, or without a recent update; once a day at most."""
    day = today.date() if today else clock.utc_today()
    reminders = services.send_reminders(day, dry_run=dry_run)
    for reminder in reminders:
        click.echo(f"{reminder.kind}\t{reminder.to}\t{reminder.commitment.id}\t{reminder.commitment.title}")
    # Learning groups' progress reports due and overdue go out with the same daily run.
    report_reminders = learning_groups.send_report_reminders(day, dry_run=dry_run)
    for reminder in report_reminders:
        click.echo(f"report_{reminder.kind}\t{reminder.to}\t{reminder.group.programme_id}\t{reminder.group.title}"
                   f" {reminder.period_start.isoformat()}")
    reminders = [*reminders, *report_reminders]
    if dry_run:
        db.session.rollback()
        click.echo(f"{len(reminders)} reminder{'s' if len(reminders) != 1 else ''} would be sent (dry run).")
    else:
        db.session.commit()
        click.echo(f"{len(reminders)} reminder{'s' if len(reminders) != 1 else ''} queued.")
