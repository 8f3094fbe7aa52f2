"""Events: every gathering (dialogues, workshops, learning group meetings, conferences)."""
from datetime import date, datetime
from decimal import Decimal

from flask_babel import gettext as _
import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.core import clock, codes
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.enums import Visibility
from dialogues.core import formatting
from dialogues.core.errors import DomainError
from dialogues.events.enums import STATUS_TRANSITIONS, DialogueScope, EventKind, EventStatus
from dialogues.extensions import db
from dialogues.registration.enums import RegistrationMode
from dialogues.permissions import ScopeKind


class Event(db.Model):
    __tablename__ = "events"
    __table_args__ = (
        sa.CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        sa.Index("ix_events_starts_on", "starts_on"),
        sa.Index("ix_events_programme_id", "programme_id"),
        sa.Index("ix_events_country", "country"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[EventKind] = mapped_column(enum_type(EventKind))
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    # Calendar dates in the event's own time zone.
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    timezone: Mapped[str] = mapped_column(sa.String(64))
    venue: Mapped[str] = mapped_column(sa.String(200), default="")
    city: Mapped[str] = mapped_column(sa.String(100), default="")
    country: Mapped[str | None] = mapped_column(sa.String(2))
    working_languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    # The language the title, summary, agenda and outcomes were typed in (ISO 639); None: the
    # first working language. Other languages are in languages.models.ContentTranslation.
    content_language: Mapped[str | None] = mapped_column(sa.String(8))
    visibility: Mapped[Visibility] = mapped_column(enum_type(Visibility), default=Visibility.PUBLIC)
    status: Mapped[EventStatus] = mapped_column(enum_type(EventStatus), default=EventStatus.PLANNED)
    programme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("programmes.id", ondelete="SET NULL"))
    scope: Mapped[DialogueScope | None] = mapped_column(enum_type(DialogueScope))
    # How many may take part, and of them how many may be sponsored.
    capacity: Mapped[int | None]
    sponsored_places: Mapped[int | None]
    # A field dialogue spends its first days in the field, then meets in a room.
    field_days: Mapped[int | None]
    meeting_days: Mapped[int | None]
    indicative_budget: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    budget_currency: Mapped[str | None] = mapped_column(sa.String(3))
    registration_mode: Mapped[RegistrationMode] = mapped_column(
        enum_type(RegistrationMode), default=RegistrationMode.OPEN, server_default=RegistrationMode.OPEN.value
    )
    # How long a freed place is held for the next person on the waiting list.
    offer_hours: Mapped[int] = mapped_column(default=72, server_default="72")
    # The balance dashboard warns when one stakeholder group passes this share (per cent).
    max_group_share: Mapped[int] = mapped_column(default=40, server_default="40")
    # Raised whenever the dates or place change, so calendar clients replace their copy.
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    programme: Mapped["Programme | None"] = relationship(back_populates="events")  # noqa: F821

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        scopes = {(ScopeKind.EVENT, self.id)}
        if self.programme_id is not None:
            scopes.add((ScopeKind.PROGRAMME, self.programme_id))
        return scopes

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def country_name(self) -> str:
        return codes.country_name(self.country)

    @property
    def can_register(self) -> bool:
        """Whether people may register (or apply) themselves now; invitees use their link."""
        return self.status == EventStatus.OPEN and self.registration_mode != RegistrationMode.INVITATION

    @property
    def by_invitation(self) -> bool:
        return self.registration_mode == RegistrationMode.INVITATION

    @property
    def by_application(self) -> bool:
        return self.registration_mode == RegistrationMode.REVIEW

    @property
    def where(self) -> str:
        """Where the event is: venue, city and country, those that are known, in that order."""
        return ", ".join(part for part in (self.venue, self.city, self.country_name) if part)

    @property
    def today(self) -> date:
        """Today's date where the event is held (in its IANA zone)."""
        return clock.local_today(self.timezone)

    @property
    def working_language_names(self) -> list[str]:
        return [codes.language_name(code) for code in self.working_languages or []]

    def change_status(self, new_status: EventStatus) -> None:
        """Move to ``new_status``, refusing moves that make no sense (e.g. held back to open)."""
        new_status = EventStatus(new_status)
        if new_status == self.status:
            return
        if new_status not in STATUS_TRANSITIONS[self.status]:
            raise DomainError(_("An event that is %(status)s cannot become %(new)s.",
                                status=self.status.label.lower(), new=new_status.label.lower()))
        # Held means it happened: not before its first day has come where it takes place.
        if new_status == EventStatus.HELD and self.starts_on > self.today:
            raise DomainError(_("The event starts on %(day)s: it cannot be marked held before then.",
                                day=formatting.format_date(self.starts_on, "long")))
        self.status = new_status

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.title!r}>"
