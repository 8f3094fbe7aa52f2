"""Fixtures for agenda tests: items added through the services at local wall-clock times."""
from datetime import date, time

import pytest

from dialogues.agenda import services
from dialogues.agenda.enums import ItemKind
from dialogues.events.models import Event
from dialogues.extensions import db


@pytest.fixture
def add_item(app):
    """Add an item to an event (by id) at local wall-clock times; returns the item's id."""

    def add(event_id, day: date, start: str, end: str, title="Session", **fields):
        with app.app_context():
            event = db.session.get(Event, event_id)
            item = services.add_item(
                event, actor=None, title=title, kind=fields.pop("kind", ItemKind.PLENARY),
                starts_at=services.local_instant(event.timezone, day, time.fromisoformat(start)),
                ends_at=services.local_instant(event.timezone, day, time.fromisoformat(end)), **fields)
            db.session.commit()
            return item.id

    return add
