"""``flask seed-demo``: load the demonstration data set."""
import click

from dialogues.demo.services import seed_demo
from dialogues.extensions import db


@click.command("seed-demo")
def seed_demo_command() -> None:
    """Load realistic demo data (safe to run twice) and print the demo accounts."""
    accounts = seed_demo()
    db.session.commit()
    click.echo("Demo data loaded. Demo accounts (password for all: see below):")
    for role, email, password in accounts:
        click.echo(f"  {role:<28} {email:<32} {password}")
