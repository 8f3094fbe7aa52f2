"""Sponsorship: a registrant asks for travel, accommodation, per diem or visa costs to be paid;
the conveners award it in full or in part, within the event's sponsored-participant cap, or
decline it. An award locks the event first, as places do, so two conveners never pass the cap.
"""
import logging
from decimal import Decimal

from flask_babel import gettext as _, ngettext

from dialogues.core import codes
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.registration import messages
from dialogues.registration import services as places
from dialogues.registration.enums import CostItem, SponsorshipStatus
from dialogues.registration.models import Registration, SponsorshipRequest

logger = logging.getLogger(__name__)


def request_sponsorship(registration: Registration, *, actor, currency: str, justification: str,
                        amounts: dict[CostItem, Decimal]) -> SponsorshipRequest:
    """Ask for travel, accommodation, per diem or visa costs to be paid, with a justification."""
    if not registration.is_active:
        raise DomainError(_("Register for the event before asking for sponsorship."))
    if not codes.is_currency(currency):
        raise DomainError(_("%(currency)s is not an ISO 4217 currency code.", currency=repr(currency)))
    if any(Decimal(v) < 0 for v in amounts.values()) or sum(Decimal(v) for v in amounts.values()) <= 0:
        raise DomainError(_("Give the estimated amounts: none negative, and not all zero."))
    if not (justification or "").strip():
        raise DomainError(_("Say why you need sponsorship."))
    sponsorship = registration.sponsorship
    if sponsorship is not None and sponsorship.status not in (SponsorshipStatus.REQUESTED, SponsorshipStatus.WITHDRAWN):
        raise DomainError(_("Your request has already been decided; contact the conveners to change it."))
    if sponsorship is None:
        sponsorship = SponsorshipRequest(registration=registration)
    sponsorship.status = SponsorshipStatus.REQUESTED
    sponsorship.currency, sponsorship.justification = currency, justification.strip()
    for item in CostItem:
        setattr(sponsorship, item.value, Decimal(amounts.get(item, 0)))
    db.session.add(sponsorship)
    db.session.flush()
    logger.info("sponsorship requested for registration %s by %s", registration.id, describe(actor))
    return sponsorship


def award_sponsorship(sponsorship: SponsorshipRequest, *, actor, amounts: dict[CostItem, Decimal],
                      note: str = "") -> None:
    """Award a sponsorship in full or in part; never beyond the event's sponsored-participant cap."""
    event = sponsorship.registration.event
    if not sponsorship.registration.is_active:
        raise DomainError(_("This person is no longer registered."))
    if any(Decimal(amounts.get(i, 0)) < 0 for i in CostItem):
        raise DomainError(_("Awarded amounts cannot be negative."))
    if any(Decimal(amounts.get(i, 0)) > sponsorship.requested(i) for i in CostItem):
        raise DomainError(_("An award cannot be more than was asked for on any item."))
    if sum(Decimal(amounts.get(i, 0)) for i in CostItem) <= 0:
        raise DomainError(_("An award must give something; decline the request instead."))
    places.lock_event(event.id)
    db.session.refresh(sponsorship)
    if event.sponsored_places is not None and not sponsorship.is_awarded \
            and places.sponsored_awarded(event.id) >= event.sponsored_places:
        raise DomainError(ngettext("The %(num)d sponsored place is already awarded.",
                                   "All %(num)d sponsored places are already awarded.", event.sponsored_places))
    full = all(Decimal(amounts.get(i, 0)) == sponsorship.requested(i) for i in CostItem)
    sponsorship.status = SponsorshipStatus.AWARDED if full else SponsorshipStatus.PARTLY_AWARDED
    for item in CostItem:
        setattr(sponsorship, f"awarded_{item.value}", Decimal(amounts.get(item, 0)))
    _decided(sponsorship, actor, note)
    logger.info("sponsorship %s %s by %s", sponsorship.id, sponsorship.status, describe(actor))


def decline_sponsorship(sponsorship: SponsorshipRequest, *, actor, note: str = "") -> None:
    """Decline a sponsorship, saying why."""
    sponsorship.status = SponsorshipStatus.DECLINED
    for item in CostItem:
        setattr(sponsorship, f"awarded_{item.value}", None)
    _decided(sponsorship, actor, note)
    logger.info("sponsorship %s declined by %s", sponsorship.id, describe(actor))


def _decided(sponsorship: SponsorshipRequest, actor, note: str) -> None:
    sponsorship.decided_by_id = actor.id if actor is not None else None
    sponsorship.decided_at = utcnow()
    sponsorship.decision_note = (note or "").strip()
    messages.sponsorship_decided(sponsorship)
    db.session.flush()
