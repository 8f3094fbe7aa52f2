"""Registration rules: places, the waiting list and its offers, invitations; sponsorship is in ``sponsorship.py``.

Every status change goes through ``Registration.move_to`` (the table of allowed moves in
``enums.py``), which keeps who made it, when and why.

Every change that takes or frees a place, or awards a sponsored place, first locks the
event (``lock_event``) and only then counts, so that simultaneous requests for the
last places are served one after the other and never over-book.
"""
import logging
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from dialogues.accounts import services as accounts
from dialogues.accounts.models import User
from dialogues.core import codes
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.events.enums import EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.registration import messages
from dialogues.registration.enums import (
    AWARDED, HOLDS_PLACE, RegistrationMode, RegistrationStatus,
)
from dialogues.registration.models import Registration, SponsorshipRequest

logger = logging.getLogger(__name__)

DETAIL_FIELDS = (
    "stakeholder_group", "organisation_name", "country", "languages", "interpretation_needs",
    "access_needs", "dietary_needs", "visa_letter_needed", "listed",
)
_INVITATION_SALT = "registration-invitation"


# Places

def lock_event(event_id: int) -> None:
    # A no-op UPDATE takes the event's row lock on PostgreSQL and the write lock on
    # SQLite, on both before anything is counted; a raw statement leaves updated_at alone.
    db.session.execute(sa.text("UPDATE events SET id = id WHERE id = :id"), {"id": event_id})


def _count(stmt) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))


def places_taken(event_id: int, now: datetime) -> int:
    """Confirmed and attending people, plus open offers, which hold a place until they lapse."""
    return _count(sa.select(Registration.id).where(
        Registration.event_id == event_id,
        sa.or_(Registration.status.in_(HOLDS_PLACE),
               sa.and_(Registration.status == RegistrationStatus.WAITLISTED,
                       Registration.offer_expires_at > now)),
    ))


def places_left(event: Event, now: datetime) -> int | None:
    """Free places, or None when the event has no capacity set."""
    if event.capacity is None:
        return None
    return max(event.capacity - places_taken(event.id, now), 0)


def sponsored_awarded(event_id: int) -> int:
    return _count(sa.select(SponsorshipRequest.id).join(Registration).where(
        Registration.event_id == event_id, SponsorshipRequest.status.in_(AWARDED)))


def registration_of(event: Event, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(sa.select(Registration).where(
        Registration.event_id == event.id, Registration.user_id == user.id))


def details_from_profile(user) -> dict:
    """What a registration form starts with: the person's profile."""
    return {
        "stakeholder_group": user.stakeholder_group,
        "organisation_name": user.organisation.name if user.organisation else "",
        "country": user.country, "languages": list(user.languages or []),
        "interpretation_needs": "", "access_needs": "", "dietary_needs": "",
        "visa_letter_needed": False, "listed": False,
    }


def _apply_details(registration: Registration, details: dict) -> None:
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"not registration fields: {sorted(unknown)}")
    if details.get("country") and not codes.is_country(details["country"]):
        raise DomainError(_("%(country)s is not an ISO 3166-1 country code.", country=repr(details['country'])))
    for name, value in details.items():
        setattr(registration, name, value.strip() if isinstance(value, str) else value)


def _confirm(registration: Registration, *, actor, reason: str) -> None:
    registration.move_to(RegistrationStatus.CONFIRMED, actor=actor, reason=reason)
    registration.confirmed_at = utcnow()
    registration.offer_expires_at = None
    # A confirmed participant holds the participant role on the event: it is what lets
    # them see a participants-only event and the list of fellow participants.
    accounts.grant_role(registration.user, Role.PARTICIPANT, event=registration.event, actor=actor)
    messages.registration_confirmed(registration)


def _leave(registration: Registration, status: RegistrationStatus, *, actor, reason: str) -> None:
    had_place = registration.holds_place or registration.has_offer
    registration.move_to(status, actor=actor, reason=reason)
    registration.offer_expires_at = None
    for grant in list(registration.user.role_grants):
        if grant.role == Role.PARTICIPANT and grant.event_id == registration.event_id:
            accounts.revoke_role(grant, actor=actor)
    if had_place:
        offer_next(registration.event, now=utcnow())


def _place_free(event: Event, now: datetime) -> bool:
    left = places_left(event, now)
    return left is None or left > 0


def _place_or_waitlist(registration: Registration, place_free: bool, now: datetime, *, actor, why: str) -> None:
    if place_free:
        _confirm(registration, actor=actor, reason=f"{why}; a place was free")
    else:
        registration.move_to(RegistrationStatus.WAITLISTED, actor=actor, reason=f"{why}; the event was full")
        registration.waitlisted_at = now
        messages.waitlisted(registration)


# Registering

def register(event: Event, user, *, actor, **details) -> Registration:
    """Self-registration: a place while places remain (or an application), else the waiting list."""
    if event.status != EventStatus.OPEN:
        raise DomainError(_("Registration is not open for this event."))
    if event.registration_mode == RegistrationMode.INVITATION:
        raise DomainError(_("This event is by invitation only; use the personal link in your invitation."))
    lock_event(event.id)
    now = utcnow()
    expire_offers(event, now=now)
    registration = registration_of(event, user)
    if registration is not None and registration.is_active:
        raise DomainError(_("You are already registered: %(status)s.", status=registration.status.label.lower()))
    # Counted before a new registration joins the session: it must not be flushed without a status.
    place_free = event.registration_mode == RegistrationMode.REVIEW or _place_free(event, now)
    if registration is None:
        registration = Registration(event=event, user=user)
        db.session.add(registration)
    _apply_details(registration, details)
    registration.confirmed_at = registration.waitlisted_at = None
    if event.registration_mode == RegistrationMode.REVIEW:
        registration.move_to(RegistrationStatus.APPLIED, actor=actor, reason="Applied to take part")
        messages.application_received(registration)
    else:
        _place_or_waitlist(registration, place_free, now, actor=actor, why="Registered")
    db.session.flush()
    logger.info("registration %s for event %s: %s, by %s", registration.id, event.id, registration.status, describe(actor))
    return registration


def invite(event: Event, user, *, actor) -> Registration:
    """Invite a person: an invited registration and a message with their personal link."""
    if event.status in (EventStatus.HELD, EventStatus.CANCELLED):
        raise DomainError(_("The event is %(status)s: nobody can be invited to it now.", status=event.status.label.lower()))
    registration = registration_of(event, user)
    if registration is not None and registration.is_active:
        raise DomainError(_("%(name)s is already registered (%(status)s).", name=user.name, status=registration.status.label.lower()))
    if registration is None:
        registration = Registration(event=event, user=user, **_profile_snapshot(user))
        db.session.add(registration)
    registration.move_to(RegistrationStatus.INVITED, actor=actor, reason="Invited by the organisers")
    registration.invited_by_id = actor.id if actor is not None else None
    registration.invitation_sent_at = utcnow()
    registration.invitation_opened_at = registration.invitation_answered_at = None
    db.session.flush()
    messages.invitation(registration, invitation_token(registration))
    logger.info("user %s invited to event %s by %s", user.id, event.id, describe(actor))
    return registration


def _profile_snapshot(user) -> dict:
    details = details_from_profile(user)
    return {k: details[k] for k in ("stakeholder_group", "organisation_name", "country", "languages")}


class InvitationLinkExpired(DomainError):
    """An invitation link older than INVITATION_LINK_DAYS: its registration, for saying how to get a new one."""

    def __init__(self, registration: Registration):
        super().__init__("This invitation link has expired.")
        self.registration = registration


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_INVITATION_SALT)


def invitation_token(registration: Registration) -> str:
    """The secret part of a person's invitation link (it names the registration, signed and dated)."""
    return _serializer().dumps(registration.id)


def registration_for_invitation(token: str) -> Registration:
    """The registration an invitation link names; InvitationLinkExpired once the link is too old."""
    max_age = current_app.config["INVITATION_LINK_DAYS"] * 24 * 3600
    try:
        registration_id = _serializer().loads(token, max_age=max_age)
    except SignatureExpired as expired:
        # Genuine but too old: the payload is trustworthy, so we can say which invitation it was.
        registration_id = _serializer().load_payload(expired.payload)
        registration = db.session.get(Registration, registration_id) if isinstance(registration_id, int) else None
        if registration is None:
            raise DomainError(_("This invitation no longer exists.")) from None
        raise InvitationLinkExpired(registration) from None
    except BadSignature:
        raise DomainError(_("This invitation link is not valid. Check that you copied all of it.")) from None
    registration = db.session.get(Registration, registration_id)
    if registration is None:
        raise DomainError(_("This invitation no longer exists."))
    return registration


def note_invitation_opened(registration: Registration) -> None:
    """Keep when the invited person first opened their invitation (link or registration page)."""
    if registration.is_invited and registration.invitation_opened_at is None:
        registration.invitation_opened_at = utcnow()
        db.session.flush()


def resend_invitation(registration: Registration, *, actor) -> Registration:
    """Send an unanswered invitation again, with a fresh link (the old one keeps working until it expires)."""
    if not registration.is_invited:
        raise DomainError(_("Only an unanswered invitation can be sent again; this one is %(status)s.",
                            status=registration.status.label.lower()))
    if registration.event.status in (EventStatus.HELD, EventStatus.CANCELLED):
        raise DomainError(_("The event is %(status)s: the invitation cannot be sent again.", status=registration.event.status.label.lower()))
    registration.invitation_sent_at = utcnow()
    db.session.flush()
    messages.invitation(registration, invitation_token(registration))
    logger.info("invitation %s sent again by %s", registration.id, describe(actor))
    return registration


def accept_invitation(registration: Registration, *, actor, **details) -> Registration:
    """The invited person gives their details and takes a place (or joins the waiting list)."""
    if not registration.is_invited:
        raise DomainError(_("This invitation has already been answered (%(status)s).", status=registration.status.label.lower()))
    if registration.event.status != EventStatus.OPEN:
        raise DomainError(_("Registration is not open for this event."))
    lock_event(registration.event_id)
    now = utcnow()
    expire_offers(registration.event, now=now)
    _apply_details(registration, details)
    _place_or_waitlist(registration, _place_free(registration.event, now), now, actor=actor,
                       why="Accepted the invitation")
    registration.invitation_answered_at = now
    registration.invitation_opened_at = registration.invitation_opened_at or now
    db.session.flush()
    logger.info("invitation %s accepted (%s) by %s", registration.id, registration.status, describe(actor))
    return registration


def update_details(registration: Registration, *, actor, **details) -> None:
    """Change what the organisers need to know (needs, languages, consent to be listed)."""
    _apply_details(registration, details)
    db.session.flush()
    logger.info("registration %s details updated by %s", registration.id, describe(actor))


# Conveners' decisions

def confirm(registration: Registration, *, actor) -> None:
    """A convener confirms an application or someone on the waiting list, if a place is free."""
    if not registration.can_be_confirmed:
        raise DomainError(_("A registration that is %(status)s cannot be confirmed.", status=registration.status.label.lower()))
    lock_event(registration.event_id)
    now = utcnow()
    expire_offers(registration.event, now=now)
    left = places_left(registration.event, now)
    if left is not None and left <= 0 and not registration.has_offer:
        raise DomainError(_("The event is full: no place is free to confirm."))
    _confirm(registration, actor=actor, reason="Confirmed by a convener")
    db.session.flush()
    logger.info("registration %s confirmed by %s", registration.id, describe(actor))


def waitlist(registration: Registration, *, actor) -> None:
    """A convener puts an application on the waiting list."""
    if not registration.can_be_waitlisted:
        raise DomainError(_("Only applications are put on the waiting list."))
    registration.move_to(RegistrationStatus.WAITLISTED, actor=actor, reason="Put on the waiting list by a convener")
    registration.waitlisted_at = utcnow()
    messages.waitlisted(registration)
    db.session.flush()
    logger.info("registration %s waitlisted by %s", registration.id, describe(actor))


def decline(registration: Registration, *, actor) -> None:
    """A convener declines an application (or withdraws a place); a freed place goes to the waiting list."""
    if not registration.can_be_declined:
        raise DomainError(_("A registration that is %(status)s cannot be declined.", status=registration.status.label.lower()))
    lock_event(registration.event_id)
    _leave(registration, RegistrationStatus.DECLINED, actor=actor, reason="Declined by a convener")
    messages.registration_cancelled(registration)
    db.session.flush()
    logger.info("registration %s declined by %s", registration.id, describe(actor))


def cancel(registration: Registration, *, actor) -> None:
    """A person cancels their own registration (or declines an invitation or an offer)."""
    if not registration.can_be_cancelled:
        raise DomainError(_("A registration that is %(status)s cannot be cancelled.", status=registration.status.label.lower()))
    lock_event(registration.event_id)
    if registration.is_invited:
        registration.invitation_answered_at = utcnow()
        _leave(registration, RegistrationStatus.DECLINED, actor=actor, reason="Invitation declined by its person")
    else:
        _leave(registration, RegistrationStatus.CANCELLED, actor=actor, reason="Cancelled by its person")
    messages.registration_cancelled(registration)
    db.session.flush()
    logger.info("registration %s cancelled by %s", registration.id, describe(actor))


# The waiting list

def offer_next(event: Event, *, now: datetime) -> list[Registration]:
    """Offer free places to the people longest on the waiting list, each for the event's offer time."""
    left = places_left(event, now)
    if left is None:
        waiting = db.session.scalars(_waiting(event.id)).all()
        for registration in waiting:
            _confirm(registration, actor=None, reason="A place freed up and the event has no limit")
        return list(waiting)
    if left <= 0:
        return []
    offered = db.session.scalars(_waiting(event.id).limit(left)).all()
    for registration in offered:
        registration.offer_expires_at = now + timedelta(hours=event.offer_hours)
        messages.place_offered(registration)
        logger.info("place offered to registration %s until %s", registration.id, registration.offer_expires_at)
    return list(offered)


def _waiting(event_id: int):
    return (sa.select(Registration)
            .where(Registration.event_id == event_id, Registration.status == RegistrationStatus.WAITLISTED,
                   Registration.offer_expires_at.is_(None))
            .order_by(Registration.waitlisted_at, Registration.id))


def expire_offers(event: Event | None = None, *, now: datetime) -> int:
    """Lapse offers not taken in time and pass their places on; for cron and before counting."""
    stmt = sa.select(Registration).where(
        Registration.status == RegistrationStatus.WAITLISTED, Registration.offer_expires_at <= now)
    if event is not None:
        stmt = stmt.where(Registration.event_id == event.id)
    lapsed = db.session.scalars(stmt.options(selectinload(Registration.event))).all()
    for registration in lapsed:
        registration.move_to(RegistrationStatus.CANCELLED, actor=None, reason="The offered place was not taken in time")
        registration.offer_expires_at = None
        messages.offer_expired(registration)
        logger.info("offer to registration %s lapsed", registration.id)
    for affected in {r.event for r in lapsed}:
        offer_next(affected, now=now)
    db.session.flush()
    return len(lapsed)


def accept_offer(registration: Registration, *, actor) -> None:
    """Take the place offered from the waiting list, before the offer lapses."""
    lock_event(registration.event_id)
    now = utcnow()
    if not registration.has_offer or registration.offer_expires_at <= now:
        expire_offers(registration.event, now=now)
        raise DomainError(_("This offer has lapsed; the place went to the next person on the waiting list."))
    _confirm(registration, actor=actor, reason="Took the place offered from the waiting list")
    db.session.flush()
    logger.info("offer taken by registration %s, by %s", registration.id, describe(actor))


# Lists

def registrations_of_user(user) -> list[Registration]:
    """A person's own registrations, newest events first, with their events and sponsorship."""
    return db.session.scalars(
        sa.select(Registration).join(Event).where(Registration.user_id == user.id)
        .options(selectinload(Registration.event), selectinload(Registration.sponsorship))
        .order_by(Event.starts_on.desc(), Registration.id)
    ).all()


def registrations_of_event(event: Event, status: RegistrationStatus | None = None):
    """A select of an event's registrations: the waiting list in its order, everyone else by name."""
    stmt = (sa.select(Registration).join(User, Registration.user_id == User.id)
            .where(Registration.event_id == event.id)
            .options(selectinload(Registration.user), selectinload(Registration.sponsorship)))
    if status is not None:
        stmt = stmt.where(Registration.status == status)
    if status == RegistrationStatus.WAITLISTED:
        return stmt.order_by(Registration.waitlisted_at, Registration.id)
    return stmt.order_by(sa.func.lower(User.name), Registration.id)
