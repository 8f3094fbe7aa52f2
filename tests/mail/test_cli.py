"""``flask mail send`` and ``flask mail list``."""
from dialogues.extensions import db
from dialogues.mail import services
from dialogues.mail.cli import mail_cli
from dialogues.mail.models import MailMessage, MailStatus


def _queue(app, subject: str, **fields) -> int:
    with app.app_context():
        message = services.queue("ana@example.org", subject, "the body stays private", kind="test")
        for name, value in fields.items():
            setattr(message, name, value)
        db.session.commit()
        return message.id


def test_send_prints_counts(app, runner):
    _queue(app, "One")
    _queue(app, "Two")
    result = runner.invoke(mail_cli, ["send"])
    assert result.exit_code == 0, result.output
    assert result.output == "Sent 2, failed 0.\n"


def test_send_retries_given_up_messages_with_more_attempts(app, runner):
    message_id = _queue(app, "Given up", status=MailStatus.FAILED, attempts=5, last_error="timed out")
    assert runner.invoke(mail_cli, ["send"]).output == "Sent 0, failed 0.\n"
    result = runner.invoke(mail_cli, ["send", "--max-attempts", "10"])
    assert result.output == "Sent 1, failed 0.\n"
    with app.app_context():
        assert db.session.get(MailMessage, message_id).status == MailStatus.SENT


def test_list_shows_newest_first_without_bodies(app, runner):
    first = _queue(app, "First")
    second = _queue(app, "Second", status=MailStatus.FAILED, attempts=2, last_error="SMTPServerDisconnected:\nclosed")
    result = runner.invoke(mail_cli, ["list"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{second}\tfailed\t2\tana@example.org\tSecond",
        "\tSMTPServerDisconnected: closed",
        f"{first}\tpending\t0\tana@example.org\tFirst",
    ]
    assert "the body stays private" not in result.output


def test_list_filters_by_status(app, runner):
    _queue(app, "Waiting")
    failed = _queue(app, "Broken", status=MailStatus.FAILED, attempts=1, last_error="refused")
    result = runner.invoke(mail_cli, ["list", "--status", "failed"])
    assert result.output.splitlines() == [f"{failed}\tfailed\t1\tana@example.org\tBroken", "\trefused"]
    assert runner.invoke(mail_cli, ["list", "--status", "sent"]).output == "No messages.\n"
