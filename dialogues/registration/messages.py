"""What people are told when their registration or sponsorship changes.

Each function queues one message in the outbox, in the transaction of the change, written
in the recipient's preferred language (``in_language_of``), dates and amounts included. The
words are for readers who often do not have the language as their first: short sentences,
dates written out in full, no abbreviations.
"""
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from dialogues.accounts import services as accounts
from dialogues.calendars import ical
from dialogues.core import formatting
from dialogues.core.links import absolute_link as _link
from dialogues.languages.selection import in_language_of
from dialogues.mail import services as mail
from dialogues.registration.enums import CostItem, RegistrationStatus, SponsorshipStatus


def _in_registrants_language(compose):
    """Compose the message in the language of the registrant it goes to."""
    @wraps(compose)
    def in_their_language(registration_or_sponsorship, *args, **kwargs):
        registration = getattr(registration_or_sponsorship, "registration", registration_or_sponsorship)
        with in_language_of(registration.user):
            return compose(registration_or_sponsorship, *args, **kwargs)
    return in_their_language


@_in_registrants_language
def application_received(registration) -> None:
    """Queue: we have your application; conveners will confirm."""
    event = registration.event
    _send(registration, "application_received", _("We have your application: %(event)s", event=event.title), [
        _("Thank you for applying to take part in %(event)s.", event=event.title),
        _when_and_where(event),
        "",
        _("The organisers will read your application. We will write to you again when they decide."),
        *_event_link(event),
    ])


@_in_registrants_language
def registration_confirmed(registration) -> None:
    """Queue: your place is confirmed, with the event as an iCalendar invitation (METHOD:REQUEST)."""
    event = registration.event
    link = _link("events.show_event", event_id=event.id)
    _send(registration, "registration_confirmed", _("Your place is confirmed: %(event)s", event=event.title), [
        _("Good news: your place at %(event)s is confirmed.", event=event.title),
        _when_and_where(event),
        "",
        _("This email has a calendar invitation. Your calendar can add the event from it."),
        _("If you cannot come, please cancel your registration. Then someone else can have your place."),
        *_event_link(event),
    ], ical=ical.invitation(registration, url=link), ical_method=ical.INVITATION_METHOD)


@_in_registrants_language
def waitlisted(registration) -> None:
    """Queue: the event is full; you are on the waiting list."""
    event = registration.event
    _send(registration, "waitlisted", _("You are on the waiting list: %(event)s", event=event.title), [
        _("%(event)s is full at the moment. You are on the waiting list.", event=event.title),
        _when_and_where(event),
        "",
        _("If a place becomes free, we will write to you."),
        _("You will then have a short time to accept the place."),
        *_event_link(event),
    ])


@_in_registrants_language
def place_offered(registration) -> None:
    """Queue: a place has freed up; take it before registration.offer_expires_at."""
    event = registration.event
    expires_at = registration.offer_expires_at
    _send(registration, "place_offered", _("A place is free for you: %(event)s", event=event.title), [
        _("A place at %(event)s is now free. We are keeping it for you.", event=event.title),
        _when_and_where(event),
        "",
        _("Please accept the place before %(when)s.", when=event_time(expires_at, event)),
        _("After that time, the place goes to the next person on the waiting list."),
        _("To accept, open the event page and then your registration."),
        *_event_link(event),
    ], dedupe_key=f"offer:{registration.id}:{expires_at.isoformat()}")


@_in_registrants_language
def offer_expired(registration) -> None:
    """Queue: the offer lapsed; the place went to the next person."""
    event = registration.event
    _send(registration, "offer_expired", _("The place offered to you has gone: %(event)s", event=event.title), [
        _("We offered you a place at %(event)s, but the time to accept it has passed.", event=event.title),
        _("The place went to the next person on the waiting list, and your registration is now cancelled."),
        "",
        _("You can register again if registration is still open."),
        *_event_link(event),
    ])


@_in_registrants_language
def invitation(registration, link: str) -> None:
    """Queue: you are invited; register through this personal link.

    ``link`` is the personal link; an invitation token alone is made into that link.
    """
    event = registration.event
    personal = link if "://" in link else _link("registration.invitation", token=link) or link
    _send(registration, "invitation", _("You are invited: %(event)s", event=event.title), [
        _("You are invited to take part in %(event)s.", event=event.title),
        _when_and_where(event),
        "",
        *_first_password(registration, link),
        _("To accept or decline, please open your personal link:"),
        personal,
        "",
        _("This link is only for you. Please do not share it."),
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
    return [_("You do not have a password yet. First choose one here (the link works once):"), choose, ""]


@_in_registrants_language
def registration_cancelled(registration) -> None:
    """Queue: your registration is cancelled (or declined)."""
    event = registration.event
    if registration.status == RegistrationStatus.CANCELLED:
        opening = _("Your registration for %(event)s is cancelled.", event=event.title)
    else:
        opening = _("You are no longer registered for %(event)s.", event=event.title)
    _send(registration, "registration_cancelled", _("You are no longer registered: %(event)s", event=event.title), [
        opening,
        _when_and_where(event),
        "",
        _("If you think this is a mistake, please contact the organisers."),
        *_event_link(event),
    ])


@_in_registrants_language
def sponsorship_decided(sponsorship) -> None:
    """Queue: your sponsorship request was awarded in full, in part, or declined."""
    registration = sponsorship.registration
    event = registration.event
    if sponsorship.is_awarded:
        subject = _("Your sponsorship is awarded: %(event)s", event=event.title)
        lines = _award_lines(sponsorship)
    else:
        subject = _("Your sponsorship request: %(event)s", event=event.title)
        lines = [_("We are sorry. We cannot sponsor you to attend %(event)s.", event=event.title),
                 _("Your registration for the event does not change.")]
    if sponsorship.decision_note:
        lines += ["", _("A note from the organisers:"), sponsorship.decision_note]
    _send(registration, "sponsorship_decided", subject, [*lines, *_event_link(event)])


def _award_lines(sponsorship) -> list[str]:
    event = sponsorship.registration.event
    opening = {
        SponsorshipStatus.AWARDED: _("Good news: your sponsorship to attend %(event)s is awarded.", event=event.title),
        SponsorshipStatus.PARTLY_AWARDED: _("Your sponsorship to attend %(event)s is awarded in part.",
                                            event=event.title),
    }
    lines = [opening[sponsorship.status], "", _("The sponsorship covers:")]
    for item in CostItem:
        asked, given = sponsorship.requested(item), sponsorship.awarded(item) or Decimal("0")
        if asked or given:
            if given != asked:
                lines.append(_("- %(item)s: %(amount)s (you asked for %(asked)s)", item=item.label,
                               amount=money(given, sponsorship.currency), asked=money(asked, sponsorship.currency)))
            else:
                lines.append(_("- %(item)s: %(amount)s", item=item.label, amount=money(given, sponsorship.currency)))
    lines.append(_("- Total: %(amount)s", amount=money(sponsorship.awarded_total, sponsorship.currency)))
    return lines


def money(amount: Decimal, currency: str) -> str:
    """An amount with its ISO code, in the reader's figures: "1,250.00 USD", "1 250,00 USD"."""
    return f"{formatting.format_number(Decimal(amount), 2)} {currency}"


def long_date(day: date) -> str:
    """A date written out in full in the reader's language: "Monday, 4 May 2031", "Jumatatu, 4 Mei 2031"."""
    return formatting.format_date(day, "full")


def event_time(instant: datetime, event) -> str:
    """An instant in the event's time zone, as "14:00 on Friday, 2 May 2031 (Africa/Maputo time, UTC+02:00)"."""
    local = instant.astimezone(ZoneInfo(event.timezone))
    offset = local.strftime("%z")
    offset = offset[:3] + ":" + offset[3:]
    return _("%(time)s on %(date)s (%(zone)s time, UTC%(offset)s)", time=formatting.format_time(local, local.tzinfo),
             date=long_date(local.date()), zone=event.timezone.replace("_", " "), offset=offset)


def _when_and_where(event) -> str:
    where = event.where
    if event.starts_on == event.ends_on:
        if where:
            return _("It takes place on %(date)s, in %(place)s.", date=long_date(event.starts_on), place=where)
        return _("It takes place on %(date)s.", date=long_date(event.starts_on))
    start, end = long_date(event.starts_on), long_date(event.ends_on)
    if where:
        return _("It takes place from %(start)s to %(end)s, in %(place)s.", start=start, end=end, place=where)
    return _("It takes place from %(start)s to %(end)s.", start=start, end=end)


def _event_link(event) -> list[str]:
    link = _link("events.show_event", event_id=event.id)
    return ["", _("The event page:"), link] if link else []


def _send(registration, kind: str, subject: str, lines: list[str], **extra) -> None:
    user = registration.user
    body = "\n".join([_("Dear %(name)s,", name=user.name), "", *lines, "",
                      _("With best wishes,"), _("The organisers"), ""])
    mail.queue(user.email, subject, body, kind=kind, **extra)
