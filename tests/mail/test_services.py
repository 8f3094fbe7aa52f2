"""The outbox: queueing with the change it announces, dedupe keys, and sending with the recording backend."""
import pytest
import sqlalchemy as sa

from dialogues.extensions import db
from dialogues.mail import services
from dialogues.mail.backends import RecordingBackend, SmtpBackend
from dialogues.mail.models import MailMessage, MailStatus


def _all() -> list[MailMessage]:
    return db.session.scalars(sa.select(MailMessage).order_by(MailMessage.id)).all()


def test_queue_adds_a_pending_message(app_ctx):
    message = services.queue("ana@example.org", "Hello", "Body text", kind="test")
    assert message.id is not None
    assert (message.status, message.attempts, message.to_address, message.kind) == (
        MailStatus.PENDING, 0, "ana@example.org", "test")


def test_queue_with_a_known_dedupe_key_adds_nothing(app_ctx):
    first = services.queue("ana@example.org", "Reminder", "x", kind="reminder", dedupe_key="reminder:1:2031-05-01")
    db.session.commit()
    again = services.queue("ana@example.org", "Reminder", "x", kind="reminder", dedupe_key="reminder:1:2031-05-01")
    other = services.queue("ana@example.org", "Reminder", "x", kind="reminder", dedupe_key="reminder:1:2031-05-02")
    assert first is not None and again is None and other is not None
    assert len(_all()) == 2


def test_dedupe_sees_a_message_queued_earlier_in_the_same_transaction(app_ctx):
    services.queue("ana@example.org", "Offer", "x", kind="offer", dedupe_key="offer:1")
    assert services.queue("ana@example.org", "Offer", "x", kind="offer", dedupe_key="offer:1") is None


def test_rollback_drops_the_message_and_commit_keeps_it(app_ctx):
    services.queue("gone@example.org", "Dropped", "x", kind="test")
    db.session.rollback()
    services.queue("kept@example.org", "Kept", "x", kind="test")
    db.session.commit()
    assert [m.to_address for m in _all()] == ["kept@example.org"]


def test_queue_keeps_the_subject_on_one_line(app_ctx):
    message = services.queue("ana@example.org", "Diálogo\nManica\r\n  2031", "x", kind="test")
    assert message.subject == "Diálogo Manica 2031"


def test_send_pending_with_the_recording_backend_marks_sent(app_ctx):
    services.queue("ana@example.org", "One", "x", kind="test")
    services.queue("ben@example.org", "Two", "x", kind="test", ical="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                   ical_method="request")
    db.session.commit()
    assert services.send_pending() == (2, 0)
    messages = _all()
    assert [(m.status, m.attempts) for m in messages] == [(MailStatus.SENT, 1), (MailStatus.SENT, 1)]
    assert all(m.sent_at is not None and m.last_error == "" for m in messages)
    assert messages[1].ical_method == "REQUEST"
    assert services.send_pending() == (0, 0)


def test_send_pending_retries_failed_messages_until_max_attempts(app_ctx):
    retryable = services.queue("ana@example.org", "Retry me", "x", kind="test")
    exhausted = services.queue("ben@example.org", "Given up", "x", kind="test")
    retryable.status = exhausted.status = MailStatus.FAILED
    retryable.attempts, exhausted.attempts = 4, 5
    db.session.commit()
    assert services.send_pending(max_attempts=5) == (1, 0)
    assert db.session.get(MailMessage, exhausted.id).status == MailStatus.FAILED
    assert services.send_pending(max_attempts=6) == (1, 0)
    assert db.session.get(MailMessage, exhausted.id).attempts == 6


def test_send_pending_sends_at_most_limit_oldest_first(app_ctx):
    for n in range(3):
        services.queue(f"p{n}@example.org", f"Message {n}", "x", kind="test")
    db.session.commit()
    assert services.send_pending(limit=2) == (2, 0)
    assert [m.status for m in _all()] == [MailStatus.SENT, MailStatus.SENT, MailStatus.PENDING]


def test_a_message_that_cannot_be_built_fails_and_the_rest_are_sent(app_ctx, caplog):
    bad = services.queue("not an address\nBcc: victim@example.org", "Bad", "x", kind="test")
    services.queue("ana@example.org", "Good", "x", kind="test")
    db.session.commit()
    assert services.send_pending() == (1, 1)
    bad = db.session.get(MailMessage, bad.id)
    assert (bad.status, bad.attempts) == (MailStatus.FAILED, 1)
    assert bad.last_error.startswith("ValueError")
    assert f"mail {bad.id} (test) failed, attempt 1 of 5" in caplog.text
    assert services.send_pending(max_attempts=2) == (0, 1)
    assert f"mail {bad.id} (test) given up after 2 attempts" in caplog.text
    assert services.send_pending(max_attempts=2) == (0, 0)


def test_backend_is_chosen_by_mail_backend():
    assert isinstance(services.backend_for({}), RecordingBackend)
    assert isinstance(services.backend_for({"MAIL_BACKEND": "record"}), RecordingBackend)
    smtp = services.backend_for({"MAIL_BACKEND": "smtp", "MAIL_SERVER": "mail.example.org", "MAIL_PORT": "587",
                                 "MAIL_USE_TLS": True, "MAIL_USERNAME": "dialogues", "MAIL_PASSWORD": "s3cret pw"})
    assert isinstance(smtp, SmtpBackend)
    assert (smtp.host, smtp.port, smtp.use_tls, smtp.use_ssl, smtp.timeout) == (
        "mail.example.org", 587, True, False, 10)
    assert smtp.sender == "Dialogues <no-reply@localhost>"
    assert "s3cret" not in repr(smtp)
    with pytest.raises(RuntimeError, match="MAIL_BACKEND"):
        services.backend_for({"MAIL_BACKEND": "carrier-pigeon"})


def test_smtp_flags_given_as_strings():
    smtp = services.backend_for({"MAIL_BACKEND": "smtp", "MAIL_USE_TLS": "false", "MAIL_USE_SSL": "True"})
    assert (smtp.use_tls, smtp.use_ssl) == (False, True)


def test_smtp_defaults():
    smtp = services.backend_for({"MAIL_BACKEND": "smtp"})
    assert (smtp.host, smtp.port, smtp.use_tls, smtp.use_ssl, smtp.username, smtp.password) == (
        "localhost", 25, False, False, None, None)
