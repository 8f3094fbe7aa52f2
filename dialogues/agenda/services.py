"""Agenda rules: items in an event's local time, who speaks where, conflict checks, templates and feeds."""
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from dialogues.accounts.models import User
from dialogues.agenda.enums import ItemKind, ItemRole
from dialogues.agenda.models import AgendaItem, AgendaItemPerson, CalendarFeed
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.events import services as events
from dialogues.events.defaults import defaults_for
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.languages import services as content
from dialogues.permissions import Action, can
from dialogues.registration.enums import HOLDS_PLACE
from dialogues.registration.models import Registration

logger = logging.getLogger(__name__)

ITEM_FIELDS = (
    "title", "description", "kind", "starts_at", "ends_at", "location", "latitude", "longitude",
    "language_note", "track",
)
# A change to any of these moves the item in time or space, so calendars must replace their copy.
WHERE_AND_WHEN = ("starts_at", "ends_at", "location", "latitude", "longitude")


def local_instant(zone: str, day: date, at: time) -> datetime:
    """The UTC instant of ``day`` at ``at`` on the wall clocks of ``zone``.

    Refuses a wall time that never happens (skipped when clocks go forward); for one that
    happens twice (clocks go back) the first occurrence is meant.
    """
    tz = ZoneInfo(zone)
    local = datetime.combine(day, at, tzinfo=tz)
    instant = local.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise DomainError(
            f"{at:%H:%M} on {day:%d %B %Y} does not exist in {zone}: the clocks go forward then. "
            "Choose a time after the change."
        )
    return instant


def update_event_and_agenda(event: Event, *, actor, agenda_times: str | None = None, **fields) -> Event:
    """Edit an event; when its time zone changes, its agenda items keep their local times
    (``agenda_times="local"``, the usual wish: 09:00 stays 09:00) or their instants ("instant")."""
    zone_before = event.timezone
    events.update_event(event, actor=actor, **fields)
    if event.timezone == zone_before:
        return event
    items = db.session.scalars(sa.select(AgendaItem).where(AgendaItem.event_id == event.id)).all()
    if not items:
        return event
    if agenda_times not in ("local", "instant"):
        raise DomainError("The time zone changes and the agenda has items: choose whether they keep their "
                          "local times or their moments.")
    if agenda_times == "local":
        for item in items:
            start, end = item.local_start(zone_before), item.local_end(zone_before)
            item.starts_at = local_instant(event.timezone, start.date(), start.time())
            item.ends_at = local_instant(event.timezone, end.date(), end.time())
            # The instants moved: calendar clients must replace their copies.
            item.sequence += 1
    db.session.flush()
    logger.info("event %s moved from %s to %s by %s, agenda keeping its %s times",
                event.id, zone_before, event.timezone, describe(actor), agenda_times)
    return event


def has_items(event: Event) -> bool:
    return db.session.scalar(sa.select(sa.exists().where(AgendaItem.event_id == event.id)))


def event_items(event: Event) -> list[AgendaItem]:
    """An event's items in time order, with their speakers and facilitators loaded (a fixed number of queries)."""
    return list(db.session.scalars(
        sa.select(AgendaItem)
        .where(AgendaItem.event_id == event.id)
        .options(selectinload(AgendaItem.people).selectinload(AgendaItemPerson.user))
        .order_by(AgendaItem.starts_at, AgendaItem.track, AgendaItem.id)
    ))


@dataclass(frozen=True)
class CalendarVersion:
    """What an event's whole-agenda calendar is built from, in a few bytes: an ETag and a Last-Modified."""

    etag: str
    last_modified: datetime


def event_calendar_version(event: Event, *, variant: str = "") -> CalendarVersion:
    """The version of the event's calendar, from two narrow queries (no objects built).

    Everything the calendar shows is either on the event row, on an item row (whose
    ``updated_at`` moves on any change, people included) or a speaker's name; ``variant``
    adds what else the text depends on (the language, the code writing it).
    """
    items = db.session.execute(
        sa.select(AgendaItem.id, AgendaItem.updated_at, AgendaItem.sequence)
        .where(AgendaItem.event_id == event.id).order_by(AgendaItem.id)
    ).all()
    people = db.session.execute(
        sa.select(AgendaItemPerson.item_id, AgendaItemPerson.role, User.id, User.name)
        .join(AgendaItem, AgendaItem.id == AgendaItemPerson.item_id)
        .join(User, User.id == AgendaItemPerson.user_id)
        .where(AgendaItem.event_id == event.id).order_by(AgendaItemPerson.id)
    ).all()
    digest = hashlib.sha256(repr((variant, event.id, event.updated_at, event.sequence, items, people)).encode())
    last_modified = max([event.updated_at, *(row.updated_at for row in items)])
    return CalendarVersion(digest.hexdigest()[:32], last_modified)


def _users(refs) -> list[User]:
    """Users named by id, email or User object, in the order given; unknown emails are refused."""
    refs = [ref for ref in refs or () if ref not in ("", None)]
    ids = {ref for ref in refs if isinstance(ref, int)}
    emails = {ref.strip().lower() for ref in refs if isinstance(ref, str)}
    found: dict = {}
    if ids or emails:
        rows = db.session.scalars(sa.select(User).where(sa.or_(User.id.in_(ids), User.email.in_(emails))))
        for user in rows:
            found[user.id] = found[user.email] = user
    users, missing = [], []
    for ref in refs:
        key = ref.id if isinstance(ref, User) else ref.strip().lower() if isinstance(ref, str) else ref
        user = ref if isinstance(ref, User) else found.get(key)
        if user is None:
            missing.append(str(ref))
        elif user not in users:
            users.append(user)
    if missing:
        raise DomainError(f"No one with an account here has these addresses: {', '.join(missing)}.")
    return users


def _set_people(item: AgendaItem, role: ItemRole, refs) -> None:
    wanted = _users(refs)
    keep = [p for p in item.people if p.role != role or p.user_id in {u.id for u in wanted}]
    have = {p.user_id for p in keep if p.role == role}
    item.people = keep + [AgendaItemPerson(user=u, user_id=u.id, role=role) for u in wanted if u.id not in have]


def _apply(item: AgendaItem, fields: dict) -> None:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"not agenda item fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    if not item.title:
        raise DomainError("Give the item a title.")
    if item.starts_at is None or item.ends_at is None:
        raise DomainError("Give the start and the end.")
    if item.ends_at <= item.starts_at:
        raise DomainError("The item must end after it starts.")
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = getattr(item, name)
        if value is not None and not -limit <= value <= limit:
            raise DomainError(f"The {name} must lie between -{limit} and {limit}.")


def add_item(event: Event, *, actor, speakers=(), facilitators=(), **fields) -> AgendaItem:
    """A new agenda item; warnings about conflicts are the caller's to show (see ``conflicts``)."""
    item = AgendaItem(event=event, event_id=event.id, people=[], kind=fields.pop("kind", ItemKind.PLENARY),
                      description="", location="", language_note="", track="", cancelled=False, sequence=0)
    _apply(item, fields)
    _set_people(item, ItemRole.SPEAKER, speakers)
    _set_people(item, ItemRole.FACILITATOR, facilitators)
    db.session.add(item)
    db.session.flush()
    logger.info("agenda item %s added to event %s by %s", item.id, event.id, describe(actor))
    return item


def update_item(item: AgendaItem, *, actor, speakers=None, facilitators=None, **fields) -> AgendaItem:
    """Change an item; its SEQUENCE rises only when its time or place changes."""
    before = tuple(getattr(item, name) for name in WHERE_AND_WHEN)
    _apply(item, fields)
    if tuple(getattr(item, name) for name in WHERE_AND_WHEN) != before:
        item.sequence += 1
    people_before = {(p.user_id, p.role) for p in item.people}
    if speakers is not None:
        _set_people(item, ItemRole.SPEAKER, speakers)
    if facilitators is not None:
        _set_people(item, ItemRole.FACILITATOR, facilitators)
    if {(p.user_id, p.role) for p in item.people} != people_before:
        # Only the people changed: the item's row would keep its old LAST-MODIFIED otherwise.
        item.updated_at = utcnow()
    db.session.flush()
    logger.info("agenda item %s updated by %s", item.id, describe(actor))
    return item


def cancel_item(item: AgendaItem, *, actor) -> AgendaItem:
    """Mark an item cancelled; it stays in feeds as STATUS:CANCELLED so calendars drop it."""
    if not item.cancelled:
        item.cancelled = True
        # A cancellation is a change calendars must take over their copy (RFC 5546, 2.1.4).
        item.sequence += 1
        db.session.flush()
        logger.info("agenda item %s cancelled by %s", item.id, describe(actor))
    return item


def delete_item(item: AgendaItem, *, actor) -> None:
    """Remove an item entered by mistake (subscribers keep a copy: cancel published items instead)."""
    item_id = item.id
    # The agenda changed though no remaining row did: move the calendar's Last-Modified.
    item.event.updated_at = utcnow()
    content.forget(item)
    db.session.delete(item)
    db.session.flush()
    logger.info("agenda item %s deleted by %s", item_id, describe(actor))


@dataclass(frozen=True)
class Conflict:
    """Something in the agenda that is probably a mistake: shown, never refused."""

    kind: str  # "outside", "room" or "person"
    message: str
    item_ids: tuple[int, ...]


def conflicts(event: Event, items: list[AgendaItem] | None = None) -> list[Conflict]:
    """Items outside the event's dates, two items in one room at once, one person in two places at once."""
    items = [i for i in (event_items(event) if items is None else items) if not i.cancelled]
    tz = ZoneInfo(event.timezone)
    found = []
    first = datetime.combine(event.starts_on, time(0), tzinfo=tz)
    after_last = datetime.combine(event.ends_on + timedelta(days=1), time(0), tzinfo=tz)
    for item in items:
        if item.starts_at < first or item.ends_at > after_last:
            found.append(Conflict(
                "outside", f"“{item.title}” is outside the event's dates "
                f"({event.starts_on:%d %b} to {event.ends_on:%d %b %Y}).", (item.id,)))
    ordered = sorted(items, key=lambda i: (i.starts_at, i.id))
    for n, one in enumerate(ordered):
        for other in ordered[n + 1:]:
            if other.starts_at >= one.ends_at:
                break
            when = f"at {max(one.starts_at, other.starts_at).astimezone(tz):%a %d %b %H:%M}"
            if one.location and one.location.strip().lower() == other.location.strip().lower():
                found.append(Conflict(
                    "room", f"“{one.title}” and “{other.title}” are both in {one.location} {when}.",
                    (one.id, other.id)))
            shared = {p.user_id for p in one.people} & {p.user_id for p in other.people}
            for person in sorted({p.user.name for p in one.people if p.user_id in shared}):
                found.append(Conflict(
                    "person", f"{person} is in both “{one.title}” and “{other.title}” {when}.",
                    (one.id, other.id)))
    return found


def conflicts_of(item: AgendaItem) -> list[Conflict]:
    """The conflicts that involve one item, for the warnings shown while editing it."""
    return [c for c in conflicts(item.event) if item.id in c.item_ids]


# Two days in the meeting room, built from the in-event steps of TFD's typical steps
# (dialogues.preparation.enums.TYPICAL_STEPS): (step or title, kind, start, end).
_MEETING_SLOTS = (
    (("Introduction of stakeholders", ItemKind.PLENARY, "09:00", "10:00"),
     ("Ground rules", ItemKind.PLENARY, "10:00", "10:30"),
     ("Break", ItemKind.BREAK, "10:30", "11:00"),
     ("Sharing of experience", ItemKind.PLENARY, "11:00", "12:30"),
     ("Lunch", ItemKind.MEAL, "12:30", "13:30"),
     ("Exploration of views", ItemKind.BREAKOUT, "13:30", "17:00")),
    (("Analysis and reasoned argument", ItemKind.BREAKOUT, "09:00", "12:30"),
     ("Lunch", ItemKind.MEAL, "12:30", "13:30"),
     ("Decisions on action steps or recommendations", ItemKind.PLENARY, "13:30", "16:30"),
     ("Closing reception", ItemKind.RECEPTION, "18:00", "20:00")),
)
_FIELD_SLOTS = (
    ("Travel to the field sites", ItemKind.TRAVEL, "07:30", "09:00"),
    ("Field visit", ItemKind.FIELD_VISIT, "09:00", "12:30"),
    ("Lunch in the field", ItemKind.MEAL, "12:30", "13:30"),
    ("Field visit", ItemKind.FIELD_VISIT, "13:30", "16:30"),
    ("Return from the field", ItemKind.TRAVEL, "16:30", "18:00"),
)


def template_rows(event: Event) -> list[tuple[date, str, ItemKind, time, time]]:
    """The agenda a new dialogue starts from: its field days first, then the typical steps in the room."""
    field_days = event.field_days
    if field_days is None:
        # Not filled in: a field dialogue still begins with its kind's field days.
        defaults = defaults_for(event.kind)
        field_days = defaults.field_days if defaults is not None and defaults.field_days else 0
    field_days = min(field_days, event.days)
    rows = []
    for n in range(field_days):
        day = event.starts_on + timedelta(days=n)
        rows += [(day, f"{title}: day {n + 1}" if kind == ItemKind.FIELD_VISIT else title, kind,
                  time.fromisoformat(start), time.fromisoformat(end)) for title, kind, start, end in _FIELD_SLOTS]
    meeting_days = event.days - field_days
    if meeting_days <= 0:
        return rows
    plan = list(_MEETING_SLOTS)
    if meeting_days == 1:
        # One day only: the morning of the first plan and the afternoon of the second.
        plan = [plan[0][:5] + plan[1][2:3]]
    for n, slots in enumerate(plan):
        day = event.starts_on + timedelta(days=field_days + min(n, meeting_days - 1))
        if n >= meeting_days:
            break
        rows += [(day, title, kind, time.fromisoformat(start), time.fromisoformat(end))
                 for title, kind, start, end in slots]
    return rows


def apply_template(event: Event, *, actor) -> list[AgendaItem]:
    """Start an empty agenda from the template for its kind; an agenda that has items is left alone."""
    if db.session.scalar(sa.select(sa.func.count()).where(AgendaItem.event_id == event.id)):
        raise DomainError("This agenda already has items; the template only starts an empty one.")
    items = []
    for day, title, kind, start, end in template_rows(event):
        item = AgendaItem(
            event=event, event_id=event.id, title=title, kind=kind, description="", location="",
            language_note="", track="", cancelled=False, sequence=0,
            starts_at=local_instant(event.timezone, day, start), ends_at=local_instant(event.timezone, day, end),
        )
        db.session.add(item)
        items.append(item)
    db.session.flush()
    logger.info("agenda template (%s items) applied to event %s by %s", len(items), event.id, describe(actor))
    return items


# Personal calendar feeds.

def feed_of(user, *, create: bool = True) -> CalendarFeed | None:
    """A person's feed, made on first use."""
    feed = db.session.get(CalendarFeed, user.id)
    if feed is None and create:
        feed = CalendarFeed(user_id=user.id, token=secrets.token_urlsafe(32))
        db.session.add(feed)
        db.session.flush()
        logger.info("calendar feed created for user %s", user.id)
    return feed


def regenerate_feed(user, *, actor) -> CalendarFeed:
    """A new secret address for the person's feed; the old one stops working at once."""
    feed = feed_of(user, create=False)
    if feed is None:
        return feed_of(user)
    feed.token = secrets.token_urlsafe(32)
    feed.created_at = datetime.now(UTC)
    db.session.flush()
    logger.info("calendar feed of user %s regenerated by %s", user.id, describe(actor))
    return feed


def feed_owner(token: str) -> User | None:
    """Whose feed ``token`` opens, or None."""
    return db.session.scalar(
        sa.select(User).join(CalendarFeed, CalendarFeed.user_id == User.id)
        .where(CalendarFeed.token == token, User.active.is_(True))
    )


def personal_entries(user) -> tuple[list[Event], list[AgendaItem]]:
    """The events the person holds a place at, and the items where they speak or facilitate."""
    events = list(db.session.scalars(
        sa.select(Event).join(Registration, Registration.event_id == Event.id)
        .where(Registration.user_id == user.id, Registration.status.in_(HOLDS_PLACE))
        .order_by(Event.starts_on, Event.id)
    ))
    items = list(db.session.scalars(
        sa.select(AgendaItem)
        .where(AgendaItem.id.in_(sa.select(AgendaItemPerson.item_id).where(AgendaItemPerson.user_id == user.id)))
        .options(selectinload(AgendaItem.event),
                 selectinload(AgendaItem.people).selectinload(AgendaItemPerson.user))
        .order_by(AgendaItem.starts_at, AgendaItem.id)
    ))
    return events, items


def programme_entries(programme, user, *, with_items: bool) -> tuple[list[Event], dict[int, list[AgendaItem]]]:
    """A programme's events the user may see, and (on request) their items by event."""
    events = [e for e in db.session.scalars(
        sa.select(Event).where(Event.programme_id == programme.id).order_by(Event.starts_on, Event.id)
    ) if can(user, Action.VIEW_EVENT, e)]
    by_event: dict[int, list[AgendaItem]] = {e.id: [] for e in events}
    if with_items and events:
        for item in db.session.scalars(
            sa.select(AgendaItem).where(AgendaItem.event_id.in_(list(by_event)))
            .options(selectinload(AgendaItem.people).selectinload(AgendaItemPerson.user))
            .order_by(AgendaItem.starts_at, AgendaItem.id)
        ):
            by_event[item.event_id].append(item)
    return events, by_event
