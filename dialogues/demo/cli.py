"""``flask seed-demo``: load the demonstration data set."""
import click
from flask.cli import with_appcontext

from dialogues.demo.services import seed_demo
from dialogues.extensions import db


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Load realistic demo data (safe to run twice) and print the demo accounts."""
    accounts = seed_demo()
    db.session.commit()
    click.echo("Demo data loaded. Demo accounts:")
    role_width = max(len(role) for role, _, _ in accounts)
    email_width = max(len(email) for _, email, _ in accounts)
    click.echo(f"  {'Role':<{role_width}}  {'Email':<{email_width}}  Password")
    for role, email, password in accounts:
        click.echo(f"  {role:<{role_width}}  {email:<{email_width}}  {password}")
