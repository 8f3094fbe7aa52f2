"""Registrations for events and the sponsorship people ask for."""
from datetime import datetime
from decimal import Decimal

from flask_babel import gettext as _
import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.accounts.enums import StakeholderGroup
from dialogues.core import codes
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.registration.enums import (
    AWARDED, GONE, HOLDS_PLACE, REGISTRATION_MOVES, CostItem, RegistrationStatus, SponsorshipStatus,
)


class Registration(db.Model):
    """A person's place (or wish for one) at an event, with what the organisers need to know."""

    __tablename__ = "registrations"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "user_id", name="uq_registrations_event_user"),
        sa.Index("ix_registrations_event_id_status", "event_id", "status"),
        sa.Index("ix_registrations_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[RegistrationStatus] = mapped_column(enum_type(RegistrationStatus))
    # Who they are at this event, filled from the profile and editable per event.
    stakeholder_group: Mapped[StakeholderGroup | None] = mapped_column(enum_type(StakeholderGroup))
    organisation_name: Mapped[str] = mapped_column(sa.String(200), default="")
    country: Mapped[str | None] = mapped_column(sa.String(2))
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    interpretation_needs: Mapped[str] = mapped_column(sa.Text, default="")
    access_needs: Mapped[str] = mapped_column(sa.Text, default="")
    dietary_needs: Mapped[str] = mapped_column(sa.Text, default="")
    visa_letter_needed: Mapped[bool] = mapped_column(default=False)
    # Consent to appear in the participant list that other participants see.
    listed: Mapped[bool] = mapped_column(default=False)
    # The waiting list is served in this order; an offer holds a freed place until it expires.
    waitlisted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_in_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    invited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The invitation's life, for the conveners: last sent, first opened (link or page), answered.
    invitation_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    invitation_opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    invitation_answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
    sponsorship: Mapped["SponsorshipRequest | None"] = relationship(
        back_populates="registration", cascade="all, delete-orphan", uselist=False
    )
    status_changes: Mapped[list["RegistrationStatusChange"]] = relationship(
        back_populates="registration", cascade="all, delete-orphan", order_by="RegistrationStatusChange.id"
    )

    def may_move_to(self, new_status: RegistrationStatus) -> bool:
        """Whether the table of allowed moves lets this registration become ``new_status``."""
        return RegistrationStatus(new_status) in REGISTRATION_MOVES[self.status]

    def move_to(self, new_status: RegistrationStatus, *, actor, reason: str) -> "RegistrationStatusChange":
        """Become ``new_status`` if the table of moves allows it, keeping who, when and why."""
        new_status = RegistrationStatus(new_status)
        if not self.may_move_to(new_status):
            now = self.status.label.lower() if self.status else _("not yet made")
            raise DomainError(_("A registration that is %(now)s cannot become %(status)s.",
                                now=now, status=new_status.label.lower()))
        if not (reason or "").strip():
            raise DomainError(_("Say why: the reason is kept with the change."))
        change = RegistrationStatusChange(from_status=self.status, to_status=new_status, reason=reason.strip(),
                                          changed_by_id=actor.id if actor is not None else None)
        self.status_changes.append(change)
        self.status = new_status
        return change

    # What templates and views ask, instead of comparing statuses.

    @property
    def is_active(self) -> bool:
        """Still in play: not declined or cancelled."""
        return self.status not in GONE

    @property
    def is_invited(self) -> bool:
        return self.status == RegistrationStatus.INVITED

    @property
    def is_applied(self) -> bool:
        return self.status == RegistrationStatus.APPLIED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def attended(self) -> bool:
        return self.status == RegistrationStatus.ATTENDED

    @property
    def can_be_confirmed(self) -> bool:
        return self.is_active and not self.holds_place and self.may_move_to(RegistrationStatus.CONFIRMED)

    @property
    def can_be_waitlisted(self) -> bool:
        # Conveners put applications on the list; an invitee joins it only when accepting a full event.
        return self.is_applied

    @property
    def can_be_declined(self) -> bool:
        return self.may_move_to(RegistrationStatus.DECLINED)

    @property
    def can_be_cancelled(self) -> bool:
        """Whether its person may still withdraw (cancel, decline an invitation, give up a waiting-list place)."""
        return self.is_active and not self.attended

    @property
    def can_ask_sponsorship(self) -> bool:
        return self.is_active and not self.attended

    @property
    def holds_place(self) -> bool:
        return self.status in HOLDS_PLACE

    @property
    def has_offer(self) -> bool:
        return self.status == RegistrationStatus.WAITLISTED and self.offer_expires_at is not None

    @property
    def owner_id(self) -> int:
        return self.user_id

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self):
        return self.event.permission_scopes

    @property
    def country_name(self) -> str:
        return codes.country_name(self.country)


class RegistrationStatusChange(db.Model):
    """A change of a registration's status: from what, to what, who made it, when and why."""

    __tablename__ = "registration_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        sa.ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    # None: the registration was made by this change.
    from_status: Mapped[RegistrationStatus | None] = mapped_column(enum_type(RegistrationStatus))
    to_status: Mapped[RegistrationStatus] = mapped_column(enum_type(RegistrationStatus))
    reason: Mapped[str] = mapped_column(sa.Text)
    changed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    registration: Mapped[Registration] = relationship(back_populates="status_changes")
    changed_by: Mapped["User | None"] = relationship()  # noqa: F821


class SponsorshipRequest(db.Model):
    """What a registrant asks to have paid, and what the conveners award."""

    __tablename__ = "sponsorship_requests"
    __table_args__ = (sa.CheckConstraint(
        "travel >= 0 AND accommodation >= 0 AND per_diem >= 0 AND visa >= 0", name="amounts_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        sa.ForeignKey("registrations.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[SponsorshipStatus] = mapped_column(enum_type(SponsorshipStatus), default=SponsorshipStatus.REQUESTED)
    currency: Mapped[str] = mapped_column(sa.String(3))
    justification: Mapped[str] = mapped_column(sa.Text)
    travel: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2), default=Decimal("0"))
    accommodation: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2), default=Decimal("0"))
    per_diem: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2), default=Decimal("0"))
    visa: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2), default=Decimal("0"))
    awarded_travel: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    awarded_accommodation: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    awarded_per_diem: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    awarded_visa: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    decision_note: Mapped[str] = mapped_column(sa.Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    registration: Mapped[Registration] = relationship(back_populates="sponsorship")
    decided_by: Mapped["User | None"] = relationship()  # noqa: F821

    def requested(self, item: CostItem) -> Decimal:
        return getattr(self, item.value)

    def awarded(self, item: CostItem) -> Decimal | None:
        return getattr(self, f"awarded_{item.value}")

    @property
    def requested_total(self) -> Decimal:
        return sum((self.requested(i) for i in CostItem), Decimal("0"))

    @property
    def awarded_total(self) -> Decimal | None:
        if self.status not in AWARDED:
            return None
        return sum((self.awarded(i) or Decimal("0") for i in CostItem), Decimal("0"))

    @property
    def is_awarded(self) -> bool:
        return self.status in AWARDED
