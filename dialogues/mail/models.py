"""The outbox: every message is stored before it is sent, so none is lost silently."""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.extensions import db


class MailStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class MailMessage(db.Model):
    __tablename__ = "mail_messages"
    __table_args__ = (sa.Index("ix_mail_messages_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    # An iCalendar attachment and its METHOD (REQUEST for invitations), when the message carries one.
    ical: Mapped[str | None] = mapped_column(sa.Text)
    ical_method: Mapped[str | None] = mapped_column(sa.String(20))
    kind: Mapped[str] = mapped_column(sa.String(50))
    # Messages with the same key are sent once only (reminders run daily from cron).
    dedupe_key: Mapped[str | None] = mapped_column(sa.String(200), unique=True)
    status: Mapped[MailStatus] = mapped_column(enum_type(MailStatus), default=MailStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
