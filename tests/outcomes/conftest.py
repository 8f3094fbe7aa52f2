"""Fixtures for outcomes: items recorded directly through the service, and a participants-only event."""
import pytest
import sqlalchemy as sa

from dialogues.core.enums import Visibility
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes import services
from dialogues.outcomes.enums import OutcomeKind


@pytest.fixture
def make_outcome(app):
    """Record an item (committed) and return it, detached with its columns loaded."""

    def make(event, text="Miners' associations are heard before licences change.", kind=OutcomeKind.CONSENSUS):
        with app.app_context():
            outcome = services.add_outcome(db.session.get(Event, event.id), kind, text, actor=None)
            db.session.commit()
            db.session.refresh(outcome)
            return outcome

    return make


@pytest.fixture
def participants_only(app):
    """Make an event readable only by those with a role around it."""

    def make(event):
        with app.app_context():
            db.session.execute(sa.update(Event).where(Event.id == event.id).values(visibility=Visibility.PARTICIPANTS))
            db.session.commit()
        return event

    return make
