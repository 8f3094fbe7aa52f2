"""``flask users …``: account commands for setting up an installation."""
import sys

import click
from flask.cli import AppGroup

from dialogues.accounts import services
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.permissions import Role

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The person's display name.")
@click.option("--secretariat", is_flag=True, help="Grant the site-wide secretariat role.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user_command(email: str, name: str, secretariat: bool, password_stdin: bool) -> None:
    """Create an account (the first administrator of a fresh database, for instance)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        raise click.ClickException("The password must have at least 8 characters.")
    try:
        user = services.create_user(email, name, password, actor=None)
        if secretariat:
            services.grant_role(user, Role.SECRETARIAT, actor=None)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Created {user.email}{' (secretariat)' if secretariat else ''}.")
