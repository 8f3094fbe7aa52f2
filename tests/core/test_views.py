"""The one way a view runs a service, and the shared parent-child loader."""
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import get_flashed_messages
from werkzeug.exceptions import NotFound

from dialogues.core import clock
from dialogues.core.errors import DomainError
from dialogues.core.views import child_or_404, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes import services as outcomes
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome


def _rename(event_id: int, title: str, *, refuse: bool = False):
    event = db.session.get(Event, event_id)
    event.title = title
    db.session.flush()
    if refuse:
        raise DomainError("Not this title.")
    return event


def test_run_service_commits_what_succeeds(app, make_event):
    event = make_event(title="Before")
    with app.test_request_context():
        done = run_service(_rename, event.id, "After")
        assert done and done.value.title == "After"
        db.session.remove()
        assert db.session.get(Event, event.id).title == "After"


def test_run_service_rolls_back_and_flashes_the_refusal(app, make_event):
    event = make_event(title="Before")
    with app.test_request_context():
        done = run_service(_rename, event.id, "After", refuse=True)
        assert not done and done.error == "Not this title."
        assert get_flashed_messages(with_categories=True) == [("error", "Not this title.")]
        db.session.remove()
        assert db.session.get(Event, event.id).title == "Before"


def test_run_service_puts_the_refusal_on_the_form_field_when_given(app, make_event):
    event = make_event(title="Before")

    class Field:
        errors: list[str] = []

    field = Field()
    field.errors = []
    with app.test_request_context():
        assert not run_service(_rename, event.id, "After", refuse=True, error_field=field)
        assert field.errors == ["Not this title."]
        assert get_flashed_messages() == []


def test_run_service_keeps_what_was_done_before_a_refusal_when_asked(app, make_event):
    event = make_event(title="Before")
    with app.test_request_context():
        assert not run_service(_rename, event.id, "Kept", refuse=True, keep_on_error=True)
        db.session.remove()
        assert db.session.get(Event, event.id).title == "Kept"


def test_child_of_another_parent_is_404(app, make_event):
    first, second = make_event(), make_event(title="Other")
    with app.app_context():
        outcome = outcomes.add_outcome(db.session.get(Event, first.id), OutcomeKind.RECOMMENDATION, "Keep it",
                                       actor=None)
        db.session.commit()
        assert child_or_404(Outcome, outcome.id, event_id=first.id).id == outcome.id
        with pytest.raises(NotFound):
            child_or_404(Outcome, outcome.id, event_id=second.id)
        with pytest.raises(NotFound):
            child_or_404(Outcome, outcome.id + 1, event_id=first.id)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_the_event_s_today_is_its_own_zone_s_date(make_event, zone):
    event = make_event(timezone=zone)
    assert event.today == datetime.now(ZoneInfo(zone)).date()
    assert clock.today_where(event) == event.today
    assert clock.today_where(None) == datetime.now(UTC).date()
    # Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC-11).
    assert clock.local_today("Pacific/Kiritimati") - clock.local_today("Pacific/Pago_Pago") >= timedelta(days=1)


def test_where_lists_what_is_known_in_order(make_event):
    assert make_event(venue="Centro", city="Manica", country="MZ").where == "Centro, Manica, Mozambique"
    assert make_event(venue=None, city="", country="MZ").where == "Mozambique"
