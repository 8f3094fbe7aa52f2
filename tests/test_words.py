"""Words people read: plurals through ngettext, regions named from their table (issue 13, smaller items)."""
from datetime import date

import pytest

from dialogues.core.errors import DomainError
from dialogues.events.enums import EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.programmes.enums import ProgrammeKind
from tests.proposals.conftest import PROPOSAL


def test_programme_kinds_are_headed_in_the_plural(client, make_programme):
    make_programme(kind=ProgrammeKind.CONFERENCE_SERIES, title="Annual CASM conference")
    make_programme(kind=ProgrammeKind.DIALOGUE_INITIATIVE, title="Formalising ASM")
    page = client.get("/programmes/").get_data(as_text=True)
    assert "<h2>Conference series</h2>" in page and "<h2>Dialogue initiatives</h2>" in page
    assert "seriess" not in page


def test_regions_read_as_written(client, app, make_programme, make_user):
    from dialogues.permissions import Role
    series = make_programme(kind=ProgrammeKind.DIALOGUE_SERIES, title="ASM Dialogue")
    member = make_user("member@example.org", roles=[(Role.STEERING_COMMITTEE, series)])
    client.login(member.email)
    response = client.submit(f"/series/{series.id}/proposals/new", PROPOSAL, form_page=f"/series/{series.id}/proposals/new")
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Africa, Latin America and the Caribbean" in page and "Latin america" not in page


def test_an_event_in_the_future_cannot_be_marked_held(app, make_event):
    event = make_event(starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 7), status=EventStatus.CLOSED)
    with app.app_context():
        loaded = db.session.get(Event, event.id)
        with pytest.raises(DomainError, match="cannot be marked held before then"):
            loaded.change_status(EventStatus.HELD)
        loaded.starts_on, loaded.ends_on = date(2020, 5, 4), date(2020, 5, 7)
        loaded.change_status(EventStatus.HELD)
        assert loaded.status == EventStatus.HELD
