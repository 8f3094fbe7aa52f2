"""``flask users create``: the first administrator of a fresh database."""
import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.extensions import db


def test_create_secretariat_with_password_from_stdin(runner, client, app):
    result = runner.invoke(args=["users", "create", "Admin@Example.org", "--name", "Ama Mensah",
                                 "--secretariat", "--password-stdin"], input="a long password\n")
    assert result.exit_code == 0, result.output
    assert "Created admin@example.org (secretariat)." in result.output
    assert "a long password" not in result.output
    client.login("admin@example.org", "a long password")
    assert client.get("/admin/users").status_code == 200


def test_create_prompts_for_password_twice(runner, app):
    result = runner.invoke(args=["users", "create", "p@example.org", "--name", "P"], input="pass word 1\npass word 1\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "p@example.org"))
        assert not user.is_secretariat


def test_create_refuses_duplicates_and_short_passwords(runner, make_user):
    make_user("taken@example.org")
    duplicate = runner.invoke(args=["users", "create", "TAKEN@example.org", "--name", "X", "--password-stdin"],
                              input="long enough pw\n")
    assert duplicate.exit_code == 1
    assert "already exists" in duplicate.output
    short = runner.invoke(args=["users", "create", "new@example.org", "--name", "X", "--password-stdin"], input="short\n")
    assert short.exit_code == 1
    assert "at least 8 characters" in short.output


def test_create_refuses_invalid_email(runner):
    result = runner.invoke(args=["users", "create", "not an email", "--name", "X", "--password-stdin"],
                           input="long enough pw\n")
    assert result.exit_code == 1
    assert "not a valid email address" in result.output
