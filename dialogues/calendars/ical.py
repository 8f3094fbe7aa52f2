"""Every iCalendar object: feeds of agendas, programmes and personal calendars (METHOD:PUBLISH),
and the invitation mailed with a confirmation (METHOD:REQUEST). Pure functions from objects
to calendars and text.

An event has one UID everywhere, so the invitation and a subscribed feed merge in a calendar.

The words we write (calendar names, descriptions, categories) are in the current language:
the page's for a download, the owner's for a personal feed (the route sets it).

Timed items are written in UTC (RFC 5545 form 2): every client converts them to its own
zone, and no VTIMEZONE is needed, so zones with odd offsets or shifting rules
(Pacific/Chatham, America/Santiago) cannot come out wrong. Whole events are all-day dates.
"""
import re
from datetime import UTC, timedelta
from email.utils import parseaddr

from flask_babel import gettext as _
from icalendar import Calendar, vCalAddress, vDuration, vGeo, vText
from icalendar import Event as VEvent

from dialogues.core.columns import utcnow
from dialogues.events.enums import EventStatus
from dialogues.mail.services import sender

PRODID = "-//Dialogues//Calendars//EN"
# The invitation asks the calendar to add the event (RFC 5546).
INVITATION_METHOD = "REQUEST"
# How often subscribed calendars should fetch the feed again.
REFRESH = timedelta(hours=6)


def item_uid(item) -> str:
    # No host name and nothing about a person: the UID travels to every calendar that holds it.
    return f"dialogues-agenda-item-{item.id}"


def event_uid(event) -> str:
    """The same for the feeds and every invitation, so they merge and a second invitation updates the first."""
    # No host name and nothing about a person: the UID travels to every calendar that holds it.
    return f"dialogues-event-{event.id}"


# Line breaks of any kind (CR, LF, CRLF) and the other control characters, which no TEXT may hold raw.
_BREAKS = re.compile(r"\r\n|\r|\n")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def text(value: str, *, one_line: bool = False) -> vText:
    """User text as an escaped TEXT value: every kind of line break becomes one escaped
    newline (or a space when ``one_line``), other control characters are dropped, so no
    text can end a property and start another (RFC 5545, 3.3.11)."""
    value = _BREAKS.sub(" " if one_line else "\n", value or "")
    return vText(_CONTROLS.sub("", value))


def _empty(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _calendar(name: str, description: str = "") -> Calendar:
    calendar = _empty("PUBLISH")
    # icalendar leaves these non-standard properties unescaped unless given a vText.
    calendar.add("name", text(name, one_line=True))
    calendar.add("x-wr-calname", text(name, one_line=True))
    if description:
        calendar.add("x-wr-caldesc", text(description))
    refresh = vDuration(REFRESH)
    refresh.params["VALUE"] = "DURATION"
    calendar.add("refresh-interval", refresh)
    calendar.add("x-published-ttl", REFRESH)
    return calendar


def _stamp(vevent: VEvent, obj) -> None:
    # When the entry last changed, not when it was downloaded: clients compare these.
    changed = obj.updated_at.astimezone(UTC)
    vevent.add("dtstamp", changed)
    vevent.add("last-modified", changed)
    vevent.add("created", obj.created_at.astimezone(UTC))


def item_vevent(item, event) -> VEvent:
    """One agenda item, in UTC."""
    vevent = VEvent()
    vevent.add("uid", item_uid(item))
    _stamp(vevent, item)
    vevent.add("sequence", item.sequence)
    vevent.add("summary", text(item.title))
    vevent.add("dtstart", item.starts_at.astimezone(UTC))
    vevent.add("dtend", item.ends_at.astimezone(UTC))
    location = ", ".join(p for p in (item.location, event.where) if p)
    if location:
        vevent.add("location", text(location))
    if item.latitude is not None and item.longitude is not None:
        vevent.add("geo", vGeo((float(item.latitude), float(item.longitude))))
    vevent.add("description", text(_item_description(item, event)))
    vevent.add("categories", [text(str(item.kind.label))])
    vevent.add("status", "CANCELLED" if item.cancelled or event.status == EventStatus.CANCELLED else "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    return vevent


def _item_description(item, event) -> str:
    lines = [event.title]
    if item.track:
        lines.append(_("Track: %(track)s", track=item.track))
    speakers = [p.user.name for p in item.people if p.role.value == "speaker"]
    if speakers:
        lines.append(_("Speakers: %(names)s", names=", ".join(speakers)))
    facilitators = [p.user.name for p in item.people if p.role.value == "facilitator"]
    if facilitators:
        lines.append(_("Facilitators: %(names)s", names=", ".join(facilitators)))
    if item.language_note:
        lines.append(_("Language: %(note)s", note=item.language_note))
    if item.description:
        lines += ["", item.description]
    return "\n".join(lines)


def _whole_event(event) -> VEvent:
    """An event as one all-day entry: what the feeds and the invitation share."""
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("summary", text(event.title))
    # All-day dates: the end is exclusive, the day after the last day (RFC 5545, 3.6.1).
    vevent.add("dtstart", event.starts_on)
    vevent.add("dtend", event.ends_on + timedelta(days=1))
    if location := event.where:
        vevent.add("location", text(location))
    return vevent


def event_vevent(event) -> VEvent:
    """A whole event as one all-day entry."""
    vevent = _whole_event(event)
    _stamp(vevent, event)
    vevent.add("sequence", event.sequence)
    if event.summary:
        vevent.add("description", text(event.summary))
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    return vevent


def event_calendar(event, items) -> Calendar:
    """An event's whole agenda, with the event itself across its dates, so subscribers see it from day one."""
    calendar = _calendar(_("%(event)s: agenda", event=event.title),
                         _("Times are in UTC; the event runs on %(zone)s time.", zone=event.timezone))
    # Before the agenda is built the event is all there is to see; afterwards it frames the items.
    calendar.add_component(event_vevent(event))
    for item in items:
        calendar.add_component(item_vevent(item, event))
    return calendar


def programme_calendar(programme, events, items_by_event=None) -> Calendar:
    """A programme's events, each one entry, with their agenda items when ``items_by_event`` is given."""
    calendar = _calendar(programme.title)
    for event in events:
        calendar.add_component(event_vevent(event))
        for item in (items_by_event or {}).get(event.id, ()):
            calendar.add_component(item_vevent(item, event))
    return calendar


def personal_calendar(user, events, items) -> Calendar:
    """A person's calendar: the events they hold a place at and the items where they speak or facilitate."""
    calendar = _calendar(_("%(name)s: dialogues", name=user.name),
                         _("The events where %(name)s has a place, and the agenda items where they speak "
                           "or facilitate.", name=user.name))
    for event in events:
        calendar.add_component(event_vevent(event))
    for item in items:
        calendar.add_component(item_vevent(item, item.event))
    return calendar


def serialize(calendar: Calendar) -> bytes:
    """The calendar as RFC 5545 text (escaped, folded at 75 octets, CRLF line ends)."""
    return calendar.to_ical()


def invitation(registration, *, url: str | None = None) -> str:
    """A METHOD:REQUEST calendar holding the event, with the registrant as a confirmed attendee."""
    calendar = _empty(INVITATION_METHOD)
    calendar.add_component(_invitation_vevent(registration, url))
    return calendar.to_ical().decode("utf-8")


def _invitation_vevent(registration, url: str | None) -> VEvent:
    event = registration.event
    vevent = _whole_event(event)
    vevent.add("dtstamp", utcnow())
    vevent.add("sequence", 0)
    vevent.add("description", text(_invitation_description(event, url)))
    if url:
        vevent.add("url", url)
    vevent.add("status", "CONFIRMED")
    # All-day events default to free time in some calendars; people are busy at a dialogue.
    vevent.add("transp", "OPAQUE")
    vevent.add("organizer", _organizer())
    vevent.add("attendee", _attendee(registration.user))
    return vevent


def _invitation_description(event, url: str | None) -> str:
    confirmed = _("Your place at %(event)s is confirmed.", event=event.title)
    return "\n".join([confirmed, _("Event page: %(url)s", url=url)]) if url else confirmed


def _organizer() -> vCalAddress:
    name, address = parseaddr(sender())
    organizer = vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = text(name, one_line=True)
    return organizer


def _attendee(user) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{user.email}")
    attendee.params["cn"] = text(user.name, one_line=True)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED")
    attendee.params["rsvp"] = vText("FALSE")
    return attendee
