"""Event rules: creating and editing events, and which events a person may list."""
import logging
from datetime import date, timedelta

from flask_babel import gettext as _, ngettext
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from dialogues.core import codes
from dialogues.core.enums import Visibility
from dialogues.core.errors import DomainError
from dialogues.events.defaults import defaults_for
from dialogues.events.enums import EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.core.actors import describe
from dialogues.extensions import db
from dialogues.permissions import Action, ScopeKind, is_secretariat, scopes_where

logger = logging.getLogger(__name__)

# What a convener or the secretariat edits on an event; ``status`` goes through
# Event.change_status so that impossible moves are refused.
EDITABLE_FIELDS = (
    "kind", "title", "summary", "starts_on", "ends_on", "timezone", "venue", "city",
    "country", "working_languages", "visibility", "programme_id", "scope", "capacity", "sponsored_places",
    "field_days", "meeting_days", "indicative_budget", "budget_currency", "registration_mode", "offer_hours",
    "max_group_share",
)


def _apply(event: Event, fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS) - {"status"}
    if unknown:
        raise TypeError(f"not event fields: {sorted(unknown)}")
    for name, value in fields.items():
        if name != "status":
            setattr(event, name, value.strip() if isinstance(value, str) else value)
    if event.ends_on is None:
        defaults = defaults_for(event.kind)
        if defaults is None or event.starts_on is None:
            raise DomainError(_("Give the last day."))
        event.ends_on = event.starts_on + timedelta(days=defaults.days - 1)
    if event.ends_on < event.starts_on:
        raise DomainError(_("The last day cannot be before the first day."))
    if not codes.is_timezone(event.timezone):
        raise DomainError(_("%(timezone)s is not an IANA time zone.", timezone=repr(event.timezone)))
    if event.country is not None and not codes.is_country(event.country):
        raise DomainError(_("%(country)s is not an ISO 3166-1 country code.", country=repr(event.country)))
    if event.sponsored_places is not None and event.capacity is not None and event.sponsored_places > event.capacity:
        raise DomainError(_("There cannot be more sponsored places than places."))
    if (event.field_days or 0) + (event.meeting_days or 0) > event.days:
        raise DomainError(ngettext("Field and meeting days add up to more than the event's %(num)d day.",
                                   "Field and meeting days add up to more than the event's %(num)d days.", event.days))
    if event.budget_currency is not None and not codes.is_currency(event.budget_currency):
        raise DomainError(_("%(currency)s is not an ISO 4217 currency code.", currency=repr(event.budget_currency)))
    unknown_languages = [code for code in event.working_languages or [] if not codes.is_language(code)]
    if unknown_languages:
        raise DomainError(_("Not ISO 639 language codes: %(codes)s.", codes=", ".join(unknown_languages)))


def create_event(*, actor, **fields) -> Event:
    """A new event, planned unless another status is given."""
    status = EventStatus(fields.pop("status", EventStatus.PLANNED))
    event = Event(status=status, working_languages=[])
    _apply(event, fields)
    db.session.add(event)
    db.session.flush()
    logger.info("event %s created by %s", event.id, describe(actor))
    return event


def update_event(event: Event, *, actor, **fields) -> Event:
    """Change an event's details and, within the allowed moves, its status."""
    status = fields.pop("status", None)
    before = (event.starts_on, event.ends_on, event.timezone, event.venue, event.city, event.country)
    _apply(event, fields)
    if (event.starts_on, event.ends_on, event.timezone, event.venue, event.city, event.country) != before:
        event.sequence += 1
    if status is not None:
        event.change_status(status)
    db.session.flush()
    logger.info("event %s updated by %s", event.id, describe(actor))
    return event


def visible_events(user, *, when: str = "upcoming", kind: EventKind | None = None,
                   country: str | None = None, today: date):
    """A select of the events ``user`` may see, upcoming (soonest first) or past (latest first)."""
    stmt = sa.select(Event).options(selectinload(Event.programme))
    if not is_secretariat(user):
        scopes = scopes_where(user, Action.VIEW_EVENT)
        event_ids = [i for k, i in scopes if k == ScopeKind.EVENT]
        programme_ids = [i for k, i in scopes if k == ScopeKind.PROGRAMME]
        stmt = stmt.where(
            sa.or_(
                Event.visibility == Visibility.PUBLIC,
                Event.id.in_(event_ids),
                Event.programme_id.in_(programme_ids),
            )
        )
    if kind is not None:
        stmt = stmt.where(Event.kind == kind)
    if country:
        stmt = stmt.where(Event.country == country)
    if when == "past":
        return stmt.where(Event.ends_on < today).order_by(Event.starts_on.desc(), Event.id.desc())
    return stmt.where(Event.ends_on >= today).order_by(Event.starts_on, Event.id)


def initial_fields(kind: EventKind | None, programme_id: int | None) -> dict:
    """What a new event form starts with: the kind's typical size, length and cost."""
    fields = {"programme_id": programme_id}
    if kind is None:
        return fields
    fields["kind"] = kind
    defaults = defaults_for(kind)
    if defaults is not None:
        fields.update(
            capacity=defaults.capacity, sponsored_places=defaults.sponsored_places,
            field_days=defaults.field_days, meeting_days=defaults.meeting_days, scope=defaults.scope,
            indicative_budget=defaults.indicative_budget, budget_currency=defaults.budget_currency,
        )
    return fields
