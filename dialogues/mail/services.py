"""The outbox: a message is queued in the transaction of the change it announces, and sent later.

A rollback drops the message with the change; a commit keeps both. ``send_pending``
(``flask mail send``, from cron) sends what is waiting and keeps failures for a retry.
"""
import logging
from collections.abc import Mapping

import sqlalchemy as sa
from flask import current_app

from dialogues.core.columns import utcnow
from dialogues.extensions import db
from dialogues.mail.backends import RecordingBackend, SmtpBackend
from dialogues.mail.models import MailMessage, MailStatus

logger = logging.getLogger(__name__)

DEFAULT_SENDER = "Dialogues <no-reply@localhost>"
_SUBJECT_LENGTH = MailMessage.subject.type.length


def sender() -> str:
    """The From address of every message (MAIL_SENDER)."""
    return current_app.config.get("MAIL_SENDER") or DEFAULT_SENDER


def queue(to: str, subject: str, body: str, *, kind: str, ical: str | None = None,
          ical_method: str | None = None, dedupe_key: str | None = None) -> MailMessage | None:
    """Put a message in the outbox; None, and nothing added, when one with ``dedupe_key`` already is.

    ``kind`` names the message for the list (``registration_confirmed``, ...); a
    ``dedupe_key`` makes a message go out once only, however often its cause runs.
    """
    # Check, then insert: of two transactions queueing the same key at once, the later one
    # meets the unique constraint and rolls back whole, change and message together, so
    # nothing is half done. A savepoint could spare the change, but pysqlite's are unreliable.
    if dedupe_key is not None and db.session.scalar(
            sa.select(MailMessage.id).where(MailMessage.dedupe_key == dedupe_key)) is not None:
        logger.info("%s message not queued again (key %s)", kind, dedupe_key)
        return None
    message = MailMessage(
        to_address=to, subject=" ".join(subject.split())[:_SUBJECT_LENGTH], body=body, kind=kind,
        ical=ical, ical_method=ical_method.upper() if ical_method else None, dedupe_key=dedupe_key,
        status=MailStatus.PENDING, attempts=0, last_error="",
    )
    db.session.add(message)
    db.session.flush()
    logger.info("mail %s (%s) queued", message.id, kind)
    return message


def backend_for(config: Mapping):
    """The backend named by MAIL_BACKEND: "record" (the default) or "smtp"."""
    name = config.get("MAIL_BACKEND") or "record"
    from_address = config.get("MAIL_SENDER") or DEFAULT_SENDER
    if name == "record":
        return RecordingBackend(from_address)
    if name == "smtp":
        return SmtpBackend(
            config.get("MAIL_SERVER") or "localhost", int(config.get("MAIL_PORT") or 25), sender=from_address,
            use_tls=_flag(config.get("MAIL_USE_TLS")), use_ssl=_flag(config.get("MAIL_USE_SSL")),
            username=config.get("MAIL_USERNAME") or None, password=config.get("MAIL_PASSWORD") or None,
            timeout=float(config.get("MAIL_TIMEOUT") or 10),
        )
    raise RuntimeError(f"MAIL_BACKEND must be 'record' or 'smtp', not {name!r}")


def _flag(value) -> bool:
    # Settings read from the environment arrive as strings, and "false" must not mean True.
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def send_pending(*, max_attempts: int = 5, limit: int | None = None) -> tuple[int, int]:
    """Send waiting and failed-but-retryable messages, oldest first; returns (sent, failed)."""
    backend = backend_for(current_app.config)
    stmt = _sendable(max_attempts).with_only_columns(MailMessage.id).order_by(MailMessage.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    sent = failed = 0
    for message_id in db.session.scalars(stmt).all():
        outcome = _send_one(backend, message_id, max_attempts)
        sent += outcome is MailStatus.SENT
        failed += outcome is MailStatus.FAILED
    return sent, failed


def _sendable(max_attempts: int):
    return sa.select(MailMessage).where(
        MailMessage.status.in_([MailStatus.PENDING, MailStatus.FAILED]), MailMessage.attempts < max_attempts)


def _send_one(backend, message_id: int, max_attempts: int) -> MailStatus | None:
    # Each message commits on its own: this is a batch run from the command line, and a
    # message that went out must stay marked sent even if a later one fails or the run dies.
    # The row lock (PostgreSQL) keeps two overlapping runs from sending the same message.
    message = db.session.scalar(
        _sendable(max_attempts).where(MailMessage.id == message_id).with_for_update(skip_locked=True))
    if message is None:
        db.session.rollback()
        return None
    message.attempts += 1
    try:
        backend.send(message)
    except Exception as error:  # any failure, so that one bad message never blocks the rest
        message.status = MailStatus.FAILED
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        logger.warning("mail %s (%s) failed, attempt %s of %s: %s",
                       message.id, message.kind, message.attempts, max_attempts, message.last_error)
        if message.attempts >= max_attempts:
            logger.error("mail %s (%s) given up after %s attempts; `flask mail send --max-attempts` retries it",
                         message.id, message.kind, message.attempts)
    else:
        message.status = MailStatus.SENT
        message.sent_at = utcnow()
        message.last_error = ""
        logger.info("mail %s (%s) sent, attempt %s", message.id, message.kind, message.attempts)
    status = message.status
    db.session.commit()
    return status


def recent(status: MailStatus | None = None, limit: int = 50) -> list[MailMessage]:
    """The newest messages in the outbox, optionally of one status."""
    stmt = sa.select(MailMessage).order_by(MailMessage.id.desc()).limit(limit)
    if status is not None:
        stmt = stmt.where(MailMessage.status == status)
    return db.session.scalars(stmt).all()
