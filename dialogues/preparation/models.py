"""Preparing a dialogue: the checklist of typical steps, and background papers."""
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.core import codes
from dialogues.core.columns import UTCDateTime, utcnow
from dialogues.extensions import db
from dialogues.permissions import ScopeKind


class PreparationTask(db.Model):
    __tablename__ = "preparation_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    due_on: Mapped[date | None]
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    event: Mapped["Event"] = relationship()  # noqa: F821
    owner: Mapped["User | None"] = relationship(foreign_keys=[owner_id])  # noqa: F821
    done_by: Mapped["User | None"] = relationship(foreign_keys=[done_by_id])  # noqa: F821

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_late(self, today: date) -> bool:
        return not self.is_done and self.due_on is not None and self.due_on < today

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.event.permission_scopes


class BackgroundPaper(db.Model):
    """A paper prepared for a dialogue: an uploaded file or a link."""

    __tablename__ = "background_papers"
    __table_args__ = (sa.CheckConstraint("(url IS NULL) <> (file_id IS NULL)", name="file_or_link"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    authors: Mapped[str] = mapped_column(sa.String(300), default="")
    language: Mapped[str] = mapped_column(sa.String(3))
    url: Mapped[str | None] = mapped_column(sa.String(1000))
    file_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_files.id", ondelete="RESTRICT"))
    added_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    file: Mapped["StoredFile | None"] = relationship()  # noqa: F821

    @property
    def language_name(self) -> str:
        return codes.language_name(self.language)
