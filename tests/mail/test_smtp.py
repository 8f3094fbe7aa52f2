"""The SMTP backend against a real SMTP server on 127.0.0.1: what is delivered, failures and retries."""
import logging
from email import message_from_bytes, policy

import sqlalchemy as sa
import vobject

from dialogues.extensions import db
from dialogues.mail import services
from dialogues.mail.cli import mail_cli
from dialogues.mail.models import MailMessage, MailStatus
from dialogues.registration import messages
from dialogues.registration.models import Registration
from tests.mail.conftest import SmtpServer


def _confirm(app, registration_id: int) -> int:
    with app.app_context():
        messages.registration_confirmed(db.session.get(Registration, registration_id))
        db.session.commit()
        return db.session.scalar(sa.select(MailMessage.id))


def _message(app, message_id: int) -> MailMessage:
    with app.app_context():
        return db.session.get(MailMessage, message_id)


def test_confirmation_arrives_with_text_calendar_and_attachment(app, smtp_server, make_registration, make_user):
    smtp_server.start()
    user = make_user("amina@example.org", "Amina Mwale")
    message_id = _confirm(app, make_registration(user=user))
    with app.app_context():
        assert services.send_pending() == (1, 0)

    [envelope] = smtp_server.handler.envelopes
    assert envelope.mail_from == "no-reply@localhost"
    assert envelope.rcpt_tos == ["amina@example.org"]
    mime = message_from_bytes(envelope.original_content, policy=policy.default)
    assert mime["To"] == "amina@example.org"
    assert mime["Subject"] == "Your place is confirmed: Field dialogue in Manica"
    assert mime.get_content_type() == "multipart/mixed"
    alternative, attachment = mime.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    text, calendar = alternative.get_payload()
    assert text.get_content_type() == "text/plain"
    assert "Dear Amina Mwale," in text.get_content()
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_content_charset() == "utf-8"
    assert vobject.readOne(calendar.get_content()).method.value == "REQUEST"
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_param("method") == "REQUEST"
    assert attachment.get_content_type() == "application/ics"
    assert vobject.readOne(attachment.get_content().decode()).vevent.uid.value == "dialogues-event-1"
    assert _message(app, message_id).status == MailStatus.SENT


def test_non_ascii_user_text_survives_delivery(app, smtp_server, make_event, make_user, make_registration):
    smtp_server.start()
    event = make_event(venue="Sala 2; bloco B", city="Chimoio")
    with app.app_context():
        db.session.get(type(event), event.id).title = "Diálogo; ouro, mercúrio\nManica"
        db.session.commit()
    _confirm(app, make_registration(event=event, user=make_user("joao@example.org", "João Ngulube, Jr.")))
    with app.app_context():
        services.send_pending()
    mime = message_from_bytes(smtp_server.handler.envelopes[0].original_content, policy=policy.default)
    assert mime["Subject"] == "Your place is confirmed: Diálogo; ouro, mercúrio Manica"
    calendar = mime.get_body(preferencelist=("calendar",))
    vevent = vobject.readOne(calendar.get_content()).vevent
    assert vevent.summary.value == "Diálogo; ouro, mercúrio\nManica"
    assert vevent.location.value == "Sala 2; bloco B, Chimoio, Mozambique"
    assert vevent.attendee.params["CN"] == ["João Ngulube, Jr."]
    assert "Dear João Ngulube, Jr.," in mime.get_body(preferencelist=("plain",)).get_content()


def test_a_plain_message_is_text_only(app, smtp_server):
    smtp_server.start()
    with app.app_context():
        services.queue("ben@example.org", "Olá", "Uma mensagem em português.", kind="test")
        db.session.commit()
        services.send_pending()
    mime = message_from_bytes(smtp_server.handler.envelopes[0].original_content, policy=policy.default)
    assert mime.get_content_type() == "text/plain"
    assert mime["Subject"] == "Olá"
    assert mime.get_content().strip() == "Uma mensagem em português."


def test_failed_send_is_logged_kept_and_delivered_by_a_later_run(app, smtp_server, runner, caplog):
    caplog.set_level(logging.INFO)
    with app.app_context():
        message_id = services.queue("ana@example.org", "Hello", "secret body text", kind="test").id
        db.session.commit()

    failed = runner.invoke(mail_cli, ["send"])
    assert failed.exit_code == 1
    assert "Sent 0, failed 1." in failed.output
    message = _message(app, message_id)
    assert (message.status, message.attempts, message.sent_at) == (MailStatus.FAILED, 1, None)
    assert "Connection" in message.last_error or "refused" in message.last_error
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "dialogues.mail.services"]
    assert f"mail {message_id} (test) failed, attempt 1 of 5" in warning.getMessage()
    assert "secret body text" not in caplog.text

    smtp_server.start()
    retried = runner.invoke(mail_cli, ["send"])
    assert retried.exit_code == 0, retried.output
    assert "Sent 1, failed 0." in retried.output
    message = _message(app, message_id)
    assert (message.status, message.attempts, message.last_error) == (MailStatus.SENT, 2, "")
    assert message.sent_at is not None
    assert len(smtp_server.handler.envelopes) == 1


def test_login_works_and_the_password_is_never_logged_or_stored(app, caplog):
    caplog.set_level(logging.DEBUG)
    server = SmtpServer(username="dialogues", password="pa55 w0rd secret")
    server.configure(app)
    server.start()
    try:
        with app.app_context():
            app.config.update(MAIL_USERNAME="dialogues", MAIL_PASSWORD="wrong pa55 secret")
            refused = services.queue("ana@example.org", "Hello", "x", kind="test").id
            db.session.commit()
            assert services.send_pending() == (0, 1)
            assert "SMTPAuthenticationError" in _message(app, refused).last_error
            assert "pa55" not in _message(app, refused).last_error
            app.config["MAIL_PASSWORD"] = "pa55 w0rd secret"
            assert services.send_pending() == (1, 0)
    finally:
        server.stop()
    assert len(server.handler.envelopes) == 1
    assert "pa55" not in caplog.text
