"""Registrations for events and the sponsorship people ask for."""
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.accounts.enums import StakeholderGroup
from dialogues.core import codes
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.extensions import db
from dialogues.registration.enums import AWARDED, HOLDS_PLACE, CostItem, RegistrationStatus, SponsorshipStatus


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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
    sponsorship: Mapped["SponsorshipRequest | None"] = relationship(
        back_populates="registration", cascade="all, delete-orphan", uselist=False
    )

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
