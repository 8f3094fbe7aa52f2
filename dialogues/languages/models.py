"""Content given in more than one language: a title, summary or outcome in another of the event's working languages."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from dialogues.core.columns import UTCDateTime, utcnow
from dialogues.extensions import db


class ContentTranslation(db.Model):
    """One field of one piece of an event's content (the event itself, an agenda item, an outcome) in one language.

    The original stays where it was typed; this holds the other languages. ``event_id`` ties
    every piece to its event, so a page loads an event's translations in one query and they go
    with the event when it is deleted.
    """

    __tablename__ = "content_translations"
    __table_args__ = (
        sa.UniqueConstraint("kind", "object_id", "field", "language", name="uq_content_translations_piece_language"),
        sa.Index("ix_content_translations_event_id_language", "event_id", "language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    # "event", "agenda_item" or "outcome" (see services.TRANSLATABLE), and that row's id.
    kind: Mapped[str] = mapped_column(sa.String(20))
    object_id: Mapped[int]
    field: Mapped[str] = mapped_column(sa.String(40))
    language: Mapped[str] = mapped_column(sa.String(8))
    text: Mapped[str] = mapped_column(sa.Text)
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
