"""What people are told when their registration or sponsorship changes.

Each function queues one message in the outbox, in the transaction of the change. The
words are for readers who often do not have English as their first language: short
sentences, dates written out in full, no abbreviations.
"""
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from dialogues.accounts import services as accounts
from dialogues.calendars import ical
from dialogues.mail import services as mail
from dialogues.core.links import absolute_link as _link
from dialogues.registration.enums import CostItem, RegistrationStatus, SponsorshipStatus


def application_received(registration) -> None:
    """Queue: we have your application; conveners will confirm."""
    event = registration.event
    _send(registration, "application_received", f"We have your application: {event.title}", [
        f"Thank you for applying to take part in {event.title}.",
        _when_and_where(event),
        "",
        "The organisers will read your application. We will write to you again when they decide.",
        *_event_link(event),
    ])


def registration_confirmed(registration) -> None:
    """Queue: your place is confirmed, with the event as an iCalendar invitation (METHOD:REQUEST)."""
    event = registration.event
    link = _link("events.show_event", event_id=event.id)
    _send(registration, "registration_confirmed", f"Your place is confirmed: {event.title}", [
        f"Good news: your place at {event.title} is confirmed.",
        _when_and_where(event),
        "",
        "This email has a calendar invitation. Your calendar can add the event from it.",
        "If you cannot come, please cancel your registration. Then someone else can have your place.",
        *_event_link(event),
    ], ical=ical.invitation(registration, url=link), ical_method=ical.INVITATION_METHOD)


def waitlisted(registration) -> None:
    """Queue: the event is full; you are on the waiting list."""
    event = registration.event
    _send(registration, "waitlisted", f"You are on the waiting list: {event.title}", [
        f"{event.title} is full at the moment. You are on the waiting list.",
        _when_and_where(event),
        "",
        "If a place becomes free, we will write to you.",
        "You will then have a short time to accept the place.",
        *_event_link(event),
    ])


def place_offered(registration) -> None:
    """Queue: a place has freed up; take it before registration.offer_expires_at."""
    event = registration.event
    expires_at = registration.offer_expires_at
    _send(registration, "place_offered", f"A place is free for you: {event.title}", [
        f"A place at {event.title} is now free. We are keeping it for you.",
        _when_and_where(event),
        "",
        f"Please accept the place before {event_time(expires_at, event)}.",
        "After that time, the place goes to the next person on the waiting list.",
        "To accept, open the event page and then your registration.",
        *_event_link(event),
    ], dedupe_key=f"offer:{registration.id}:{expires_at.isoformat()}")


def offer_expired(registration) -> None:
    """Queue: the offer lapsed; the place went to the next person."""
    event = registration.event
    _send(registration, "offer_expired", f"The place offered to you has gone: {event.title}", [
        f"We offered you a place at {event.title}, but the time to accept it has passed.",
        "The place went to the next person on the waiting list, and your registration is now cancelled.",
        "",
        "You can register again if registration is still open.",
        *_event_link(event),
    ])


def invitation(registration, link: str) -> None:
    """Queue: you are invited; register through this personal link.

    ``link`` is the personal link; an invitation token alone is made into that link.
    """
    event = registration.event
    personal = link if "://" in link else _link("registration.invitation", token=link) or link
    _send(registration, "invitation", f"You are invited: {event.title}", [
        f"You are invited to take part in {event.title}.",
        _when_and_where(event),
        "",
        *_first_password(registration, link),
        "To accept or decline, please open your personal link:",
        personal,
        "",
        "This link is only for you. Please do not share it.",
    ])


def _first_password(registration, link: str) -> list[str]:
    """For someone invited without an account password: a link to choose one first."""
    user = registration.user
    if user.has_password or "://" in link:
        return []
    invitation = _link("registration.invitation", token=link)
    if invitation is None:
        return []
    token = accounts.issue_account_link_token(user, actor=None)
    choose = _link("accounts.account_link", token=token, next=urlsplit(invitation).path)
    return ["You do not have a password yet. First choose one here (the link works once):", choose, ""]


def registration_cancelled(registration) -> None:
    """Queue: your registration is cancelled (or declined)."""
    event = registration.event
    opening = ("Your registration for {title} is cancelled." if registration.status == RegistrationStatus.CANCELLED
               else "You are no longer registered for {title}.")
    _send(registration, "registration_cancelled", f"You are no longer registered: {event.title}", [
        opening.format(title=event.title),
        _when_and_where(event),
        "",
        "If you think this is a mistake, please contact the organisers.",
        *_event_link(event),
    ])


def sponsorship_decided(sponsorship) -> None:
    """Queue: your sponsorship request was awarded in full, in part, or declined."""
    registration = sponsorship.registration
    event = registration.event
    if sponsorship.is_awarded:
        subject = f"Your sponsorship is awarded: {event.title}"
        lines = _award_lines(sponsorship)
    else:
        subject = f"Your sponsorship request: {event.title}"
        lines = [f"We are sorry. We cannot sponsor you to attend {event.title}.",
                 "Your registration for the event does not change."]
    if sponsorship.decision_note:
        lines += ["", "A note from the organisers:", sponsorship.decision_note]
    _send(registration, "sponsorship_decided", subject, [*lines, *_event_link(event)])


def _award_lines(sponsorship) -> list[str]:
    event = sponsorship.registration.event
    opening = {SponsorshipStatus.AWARDED: f"Good news: your sponsorship to attend {event.title} is awarded.",
               SponsorshipStatus.PARTLY_AWARDED: f"Your sponsorship to attend {event.title} is awarded in part."}
    lines = [opening[sponsorship.status], "", "The sponsorship covers:"]
    for item in CostItem:
        asked, given = sponsorship.requested(item), sponsorship.awarded(item) or Decimal("0")
        if asked or given:
            also = f" (you asked for {money(asked, sponsorship.currency)})" if given != asked else ""
            lines.append(f"- {item.label}: {money(given, sponsorship.currency)}{also}")
    lines.append(f"- Total: {money(sponsorship.awarded_total, sponsorship.currency)}")
    return lines


def money(amount: Decimal, currency: str) -> str:
    """An amount as "1,250.00 USD"."""
    return f"{Decimal(amount):,.2f} {currency}"


def long_date(day: date) -> str:
    """A date as "Monday 4 May 2031", the same in every country."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def event_time(instant: datetime, event) -> str:
    """An instant in the event's time zone, as "14:00 on Friday 2 May 2031 (Africa/Maputo time, UTC+02:00)"."""
    local = instant.astimezone(ZoneInfo(event.timezone))
    offset = local.strftime("%z")
    zone = event.timezone.replace("_", " ")
    return f"{local:%H:%M} on {long_date(local.date())} ({zone} time, UTC{offset[:3]}:{offset[3:]})"


def _when_and_where(event) -> str:
    if event.starts_on == event.ends_on:
        when = f"It takes place on {long_date(event.starts_on)}"
    else:
        when = f"It takes place from {long_date(event.starts_on)} to {long_date(event.ends_on)}"
    where = event.where
    return f"{when}, in {where}." if where else f"{when}."


def _event_link(event) -> list[str]:
    link = _link("events.show_event", event_id=event.id)
    return ["", "The event page:", link] if link else []


def _send(registration, kind: str, subject: str, lines: list[str], **extra) -> None:
    user = registration.user
    body = "\n".join([f"Dear {user.name},", "", *lines, "", "With best wishes,", "The organisers", ""])
    mail.queue(user.email, subject, body, kind=kind, **extra)
