"""What a dialogue produced, each point its own item so that later work can cite it."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.extensions import db
from dialogues.outcomes.enums import OutcomeKind


class Outcome(db.Model):
    __tablename__ = "outcomes"
    __table_args__ = (sa.Index("ix_outcomes_event_id_kind", "event_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    kind: Mapped[OutcomeKind] = mapped_column(enum_type(OutcomeKind))
    text: Mapped[str] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(default=0)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
