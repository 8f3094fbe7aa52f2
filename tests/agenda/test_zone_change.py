"""Changing an event's time zone: its agenda keeps its local times or its instants, as the convener chooses."""
from datetime import date, time

import pytest

from dialogues.agenda import services as agenda
from dialogues.agenda.models import AgendaItem
from dialogues.events.models import Event
from dialogues.extensions import db


@pytest.fixture
def utc_event_with_agenda(app, make_event, add_item):
    event = make_event(timezone="UTC", country="MZ", starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 7))
    item_id = add_item(event.id, date(2031, 5, 5), "09:00", "10:30", title="Opening")
    return event, item_id


def _edit(event, **changes):
    return {
        "kind": event.kind.value, "title": event.title, "summary": event.summary,
        "starts_on": event.starts_on.isoformat(), "ends_on": event.ends_on.isoformat(), "timezone": event.timezone,
        "venue": event.venue, "city": event.city, "country": event.country or "", "visibility": event.visibility.value,
        "status": event.status.value, "programme_id": "", "registration_mode": event.registration_mode.value,
        "offer_hours": "72", "max_group_share": "40",
    } | changes


def _item(app, item_id):
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        db.session.expunge(item)
        return item


def test_changing_the_zone_of_an_event_with_an_agenda_asks_first_and_changes_nothing(
        client, cast, app, utc_event_with_agenda):
    event, item_id = utc_event_with_agenda
    client.login(cast.secretariat.email)
    response = client.submit(f"/events/{event.id}/edit", _edit(event, timezone="Africa/Maputo"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "choose whether they keep their local times" in page
    assert db_zone(app, event.id) == "UTC"
    assert _item(app, item_id).local_start("UTC").time() == time(9, 0)


def db_zone(app, event_id):
    with app.app_context():
        return db.session.get(Event, event_id).timezone


def test_agenda_keeps_its_local_times_when_asked(client, cast, app, utc_event_with_agenda):
    event, item_id = utc_event_with_agenda
    before = _item(app, item_id)
    client.login(cast.secretariat.email)
    response = client.submit(f"/events/{event.id}/edit", _edit(event, timezone="Africa/Maputo", agenda_times="local"))
    assert response.status_code == 302
    assert db_zone(app, event.id) == "Africa/Maputo"
    after = _item(app, item_id)
    assert after.local_start("Africa/Maputo").time() == time(9, 0)
    assert after.local_end("Africa/Maputo").time() == time(10, 30)
    assert after.sequence == before.sequence + 1
    agenda_page = client.get(f"/events/{event.id}/agenda").get_data(as_text=True)
    assert "09:00" in agenda_page


def test_agenda_keeps_its_instants_when_asked(client, cast, app, utc_event_with_agenda):
    event, item_id = utc_event_with_agenda
    before = _item(app, item_id)
    client.login(cast.secretariat.email)
    client.submit(f"/events/{event.id}/edit", _edit(event, timezone="Africa/Maputo", agenda_times="instant"))
    after = _item(app, item_id)
    assert after.starts_at == before.starts_at
    assert after.local_start("Africa/Maputo").time() == time(11, 0)


def test_event_without_agenda_changes_zone_without_asking(client, cast, app, make_event):
    event = make_event(timezone="UTC")
    client.login(cast.secretariat.email)
    page = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert "agenda_times" not in page
    response = client.submit(f"/events/{event.id}/edit", _edit(event, timezone="Africa/Maputo"))
    assert response.status_code == 302
    assert db_zone(app, event.id) == "Africa/Maputo"


def test_keeping_local_times_refuses_a_time_that_does_not_exist_in_the_new_zone(app, make_event, add_item):
    event = make_event(timezone="UTC", country="CL", starts_on=date(2031, 9, 6), ends_on=date(2031, 9, 7))
    # Chile's clocks go forward at 00:00 on the first Sunday of September: 00:00–01:00 never happens.
    add_item(event.id, date(2031, 9, 7), "00:15", "00:45", title="Night session")
    with app.app_context():
        loaded = db.session.get(Event, event.id)
        with pytest.raises(Exception, match="does not exist"):
            agenda.update_event_and_agenda(loaded, actor=None, agenda_times="local", timezone="America/Santiago")
