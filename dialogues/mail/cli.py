"""``flask mail …``: send the outbox (from cron) and look at what is in it."""
import click
from flask.cli import AppGroup

from dialogues.mail import services
from dialogues.mail.models import MailStatus

mail_cli = AppGroup("mail", help="Send and inspect the outbox.")


@mail_cli.command("send")
@click.option("--max-attempts", default=5, show_default=True,
              help="Retry failed messages until they have had this many attempts.")
@click.option("--limit", type=int, help="Send at most this many messages.")
def send_command(max_attempts: int, limit: int | None) -> None:
    """Send waiting messages and retry failed ones; exits with 1 when any failed."""
    sent, failed = services.send_pending(max_attempts=max_attempts, limit=limit)
    click.echo(f"Sent {sent}, failed {failed}.")
    if failed:
        # A non-zero exit makes cron report it: mail that cannot go out must not go unnoticed.
        raise click.ClickException("Some messages failed; see `flask mail list --status failed`.")


@mail_cli.command("list")
@click.option("--status", type=click.Choice([s.value for s in MailStatus]), help="Only messages with this status.")
@click.option("--limit", default=50, show_default=True, help="How many of the newest messages to show.")
def list_command(status: str | None, limit: int) -> None:
    """Show the newest messages: id, status, attempts, recipient, subject and last error (never the body)."""
    messages = services.recent(MailStatus(status) if status else None, limit)
    if not messages:
        click.echo("No messages.")
    for message in messages:
        click.echo(f"{message.id}\t{message.status.value}\t{message.attempts}\t{message.to_address}\t{message.subject}")
        if message.last_error:
            click.echo(f"\t{' '.join(message.last_error.split())}")
