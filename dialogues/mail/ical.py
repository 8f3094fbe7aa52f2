"""The iCalendar invitation that comes with a confirmation, so that calendars offer to add the event."""
from datetime import timedelta
from email.utils import parseaddr

from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as VEvent

from dialogues.core.columns import utcnow
from dialogues.mail.services import sender

PRODID = "-//Dialogues//Registration//EN"
METHOD = "REQUEST"


def event_uid(event) -> str:
    """The same for every message about the event, so a second invitation updates the first."""
    # No host name and nothing about the person: the UID is visible to every calendar it reaches.
    return f"dialogues-event-{event.id}"


def invitation(registration, *, url: str | None = None) -> str:
    """A METHOD:REQUEST calendar holding the event, with the registrant as a confirmed attendee."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", METHOD)
    calendar.add_component(_vevent(registration, url))
    return calendar.to_ical().decode("utf-8")


def _vevent(registration, url: str | None) -> VEvent:
    event = registration.event
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", utcnow())
    vevent.add("sequence", 0)
    vevent.add("summary", event.title)
    # All-day dates: the end is exclusive, the day after the last day (RFC 5545, 3.6.1).
    vevent.add("dtstart", event.starts_on)
    vevent.add("dtend", event.ends_on + timedelta(days=1))
    if location := place(event):
        vevent.add("location", location)
    vevent.add("description", _description(event, url))
    if url:
        vevent.add("url", url)
    vevent.add("status", "CONFIRMED")
    # All-day events default to free time in some calendars; people are busy at a dialogue.
    vevent.add("transp", "OPAQUE")
    vevent.add("organizer", _organizer())
    vevent.add("attendee", _attendee(registration.user))
    return vevent


def place(event) -> str:
    """Venue, city and country, those that are known, in that order."""
    return ", ".join(part for part in (event.venue, event.city, event.country_name) if part)


def _description(event, url: str | None) -> str:
    text = f"Your place at {event.title} is confirmed."
    return f"{text}\nEvent page: {url}" if url else text


def _organizer() -> vCalAddress:
    name, address = parseaddr(sender())
    organizer = vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = vText(name)
    return organizer


def _attendee(user) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{user.email}")
    attendee.params["cn"] = vText(user.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED")
    attendee.params["rsvp"] = vText("FALSE")
    return attendee
