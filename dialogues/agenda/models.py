"""Agenda items: what happens when and where during an event, and who speaks or facilitates."""
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.agenda.enums import ItemKind, ItemRole
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.extensions import db
from dialogues.permissions import ScopeKind


class AgendaItem(db.Model):
    __tablename__ = "agenda_items"
    __table_args__ = (
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        sa.Index("ix_agenda_items_event_id_starts_at", "event_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    kind: Mapped[ItemKind] = mapped_column(enum_type(ItemKind), default=ItemKind.PLENARY)
    # Instants in UTC; entered and shown in the event's own time zone.
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(sa.String(200), default="")
    latitude: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    longitude: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    language_note: Mapped[str] = mapped_column(sa.String(200), default="")
    # Parallel sessions run in tracks (often one per room).
    track: Mapped[str] = mapped_column(sa.String(100), default="")
    cancelled: Mapped[bool] = mapped_column(default=False)
    # Raised whenever the time or place changes, so calendar clients replace their copy.
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    people: Mapped[list["AgendaItemPerson"]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="AgendaItemPerson.id"
    )

    @property
    def is_public(self) -> bool:
        return self.event.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.event.permission_scopes

    def local_start(self, zone: str) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(zone))

    def local_end(self, zone: str) -> datetime:
        return self.ends_at.astimezone(ZoneInfo(zone))


class AgendaItemPerson(db.Model):
    """A speaker or facilitator of an agenda item."""

    __tablename__ = "agenda_item_people"
    __table_args__ = (sa.UniqueConstraint("item_id", "user_id", "role", name="uq_agenda_item_people_item_user_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[ItemRole] = mapped_column(enum_type(ItemRole))

    item: Mapped[AgendaItem] = relationship(back_populates="people")
    user: Mapped["User"] = relationship()  # noqa: F821


class CalendarFeed(db.Model):
    """A person's private calendar feed, reached through a secret token they can regenerate."""

    __tablename__ = "calendar_feeds"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
