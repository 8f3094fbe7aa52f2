"""Exports read back by vobject (an independent parser) and imported into calcurse."""
import re
import time as clock
from datetime import date

import pytest

from dialogues.agenda import services
from dialogues.agenda.models import AgendaItem
from dialogues.events.enums import EventStatus
from dialogues.extensions import db
from dialogues.events.models import Event
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration
from tests.agenda.readers import calcurse_appointments, parse


def _by_uid(calendar):
    return {vevent.uid.value: vevent for vevent in calendar.vevent_list}


def test_event_export_has_stable_uids_and_change_times_not_download_times(client, make_event, add_item, app):
    event = make_event()
    first = add_item(event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening")
    add_item(event.id, date(2031, 5, 4), "10:00", "11:00", title="Panel")
    one = client.get(f"/events/{event.id}/agenda.ics")
    clock.sleep(1.1)
    two = client.get(f"/events/{event.id}/agenda.ics")
    assert one.data == two.data
    calendar = parse(one.data)
    assert sorted(_by_uid(calendar)) == [f"dialogues-agenda-item-{first}", f"dialogues-agenda-item-{first + 1}",
                                         f"dialogues-event-{event.id}"]
    with app.app_context():
        updated = db.session.get(AgendaItem, first).updated_at
    vevent = _by_uid(calendar)[f"dialogues-agenda-item-{first}"]
    assert vevent.dtstamp.value == updated.replace(microsecond=0)
    assert vevent.last_modified.value == updated.replace(microsecond=0)
    assert calendar.method.value == "PUBLISH"
    for uid in _by_uid(calendar):
        assert re.fullmatch(r"dialogues-(agenda-item|event)-\d+", uid)


def test_sequence_and_cancellation_reach_the_export(client, make_event, add_item, app):
    event = make_event()
    item_id = add_item(event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening", location="Room A")
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        services.update_item(item, actor=None, title="Opening plenary")
        db.session.commit()
    assert _by_uid(parse(client.get(f"/events/{event.id}/agenda.ics").data))[f"dialogues-agenda-item-{item_id}"].sequence.value == "0"
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        services.update_item(item, actor=None, location="Room B")
        services.cancel_item(item, actor=None)
        db.session.commit()
    vevent = _by_uid(parse(client.get(f"/events/{event.id}/agenda.ics").data))[f"dialogues-agenda-item-{item_id}"]
    assert (vevent.sequence.value, vevent.status.value) == ("2", "CANCELLED")


def test_export_headers_name_and_refresh_interval(client, make_event):
    event = make_event(title="Manica dialogue")
    response = client.get(f"/events/{event.id}/agenda.ics")
    assert response.content_type == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="agenda-event-{event.id}.ics"'
    calendar = parse(response.data)
    assert calendar.contents["name"][0].value == "Manica dialogue: agenda"
    assert calendar.x_wr_calname.value == "Manica dialogue: agenda"
    assert calendar.contents["refresh-interval"][0].value == "PT6H"
    assert calendar.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]


def test_user_text_is_escaped_and_folded(client, make_event, add_item):
    event = make_event()
    title = "Minería artesanal, ouro; «Ngʼwanza» — Улаанбаатар\\ " + "ü" * 60
    description = "Line one, with commas; semicolons\nLine two: São Tomé"
    add_item(event.id, date(2031, 5, 4), "09:00", "10:00", title=title, description=description)
    data = client.get(f"/events/{event.id}/agenda.ics").data
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert b"Miner\xc3\xada artesanal\\, ouro\\; " in data
    data.decode("utf-8")  # folding never splits a character
    vevent = next(v for v in parse(data).vevent_list if v.uid.value.startswith("dialogues-agenda-item-"))
    assert vevent.summary.value == title
    assert vevent.description.value.endswith(description)


@pytest.mark.parametrize(("zone", "day", "expected"), [
    # Santiago leaves summer time on the first Sunday of April 2031 (6 April, 00:00 -> 23:00).
    ("America/Santiago", date(2031, 4, 5), ["2031-04-05 09:00-10:00", "2031-04-06 09:00-10:00", "2031-04-07 09:00-10:00"]),
    # Chatham (+13:45 / +12:45) leaves summer time on 6 April 2031.
    ("Pacific/Chatham", date(2031, 4, 5), ["2031-04-05 09:00-10:00", "2031-04-06 09:00-10:00", "2031-04-07 09:00-10:00"]),
    ("Asia/Ulaanbaatar", date(2031, 4, 5), ["2031-04-05 09:00-10:00", "2031-04-06 09:00-10:00", "2031-04-07 09:00-10:00"]),
    ("Africa/Maputo", date(2031, 4, 5), ["2031-04-05 09:00-10:00", "2031-04-06 09:00-10:00", "2031-04-07 09:00-10:00"]),
    ("America/Lima", date(2031, 4, 5), ["2031-04-05 09:00-10:00", "2031-04-06 09:00-10:00", "2031-04-07 09:00-10:00"]),
])
def test_calcurse_shows_the_local_times_across_daylight_saving(client, make_event, add_item, tmp_path, zone, day, expected):
    event = make_event(timezone=zone, starts_on=day, ends_on=date(day.year, day.month, day.day + 2))
    for offset in range(3):
        add_item(event.id, date(day.year, day.month, day.day + offset), "09:00", "10:00", title=f"Day {offset + 1}")
    data = client.get(f"/events/{event.id}/agenda.ics").data
    shown = calcurse_appointments(tmp_path, data, tz=zone, start=day, days=3)
    assert shown == [f"{when} Day {n}" for n, when in enumerate(expected, start=1)]
    # The UTC instants differ across the change: the local times are right only if DST was applied.
    items = [v for v in parse(data).vevent_list if v.uid.value.startswith("dialogues-agenda-item-")]
    utc = [v.dtstart.value for v in sorted(items, key=lambda v: v.summary.value)]
    assert all(t.tzinfo is not None and t.utcoffset().total_seconds() == 0 for t in utc)
    if zone in ("America/Santiago", "Pacific/Chatham"):
        assert utc[1] - utc[0] != utc[2] - utc[1]


def test_event_without_agenda_exports_the_event_across_its_dates(client, make_event, tmp_path):
    event = make_event(title="Chimoio dialogue", starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 7),
                       venue="Centro Cultural", city="Chimoio", country="MZ")
    calendar = parse(client.get(f"/events/{event.id}/agenda.ics").data)
    (vevent,) = calendar.vevent_list
    assert vevent.uid.value == f"dialogues-event-{event.id}"
    assert vevent.summary.value == "Chimoio dialogue"
    assert (vevent.dtstart.value, vevent.dtend.value) == (date(2031, 5, 4), date(2031, 5, 8))
    assert vevent.dtstart.params["VALUE"] == ["DATE"]
    assert vevent.location.value == "Centro Cultural, Chimoio, Mozambique"


def test_event_entry_stays_beside_the_items_and_follows_date_changes(client, make_event, add_item, app):
    event = make_event(starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 5))
    item_id = add_item(event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening")
    calendar = _by_uid(parse(client.get(f"/events/{event.id}/agenda.ics").data))
    assert set(calendar) == {f"dialogues-event-{event.id}", f"dialogues-agenda-item-{item_id}"}
    assert calendar[f"dialogues-event-{event.id}"].sequence.value == "0"
    with app.app_context():
        moved = db.session.get(Event, event.id)
        moved.starts_on, moved.ends_on = date(2031, 6, 1), date(2031, 6, 2)
        moved.sequence += 1
        db.session.commit()
    whole = _by_uid(parse(client.get(f"/events/{event.id}/agenda.ics").data))[f"dialogues-event-{event.id}"]
    assert (whole.dtstart.value, whole.dtend.value, whole.sequence.value) == (date(2031, 6, 1), date(2031, 6, 3), "1")


def test_programme_export_has_each_event_once_and_items_on_request(client, make_programme, make_event, add_item, app, tmp_path):
    programme = make_programme(title="Formalising ASM")
    first = make_event(programme_id=programme.id, title="Manica", starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 7))
    second = make_event(programme_id=programme.id, title="Lima", timezone="America/Lima",
                        starts_on=date(2031, 8, 4), ends_on=date(2031, 8, 5))
    make_event(title="Not in it")
    add_item(first.id, date(2031, 5, 4), "09:00", "10:00", title="Opening")
    plain = client.get(f"/programmes/{programme.id}/calendar.ics")
    assert plain.headers["Content-Disposition"] == f'attachment; filename="programme-{programme.id}.ics"'
    calendar = parse(plain.data)
    assert sorted(_by_uid(calendar)) == [f"dialogues-event-{first.id}", f"dialogues-event-{second.id}"]
    event_entry = _by_uid(calendar)[f"dialogues-event-{second.id}"]
    assert (event_entry.dtstart.value, event_entry.dtend.value) == (date(2031, 8, 4), date(2031, 8, 6))
    with_items = parse(client.get(f"/programmes/{programme.id}/calendar.ics?items=1").data)
    assert len(with_items.vevent_list) == 3
    with app.app_context():
        event = db.session.get(Event, second.id)
        event.change_status(EventStatus.CANCELLED)
        db.session.commit()
    assert _by_uid(parse(client.get(f"/programmes/{programme.id}/calendar.ics").data))[
        f"dialogues-event-{second.id}"].status.value == "CANCELLED"
    shown = calcurse_appointments(tmp_path, client.get(f"/programmes/{programme.id}/calendar.ics?items=1").data,
                                  tz="Africa/Maputo", start=date(2031, 5, 4), days=1)
    assert shown == ["2031-05-04 09:00-10:00 Opening"]


def test_personal_feed_holds_confirmed_events_and_own_items(client, make_event, make_user, add_item, app, tmp_path):
    me = make_user("me@example.org", "Mé Ñandú")
    confirmed = make_event(title="Confirmed one")
    waiting = make_event(title="Waiting one")
    elsewhere = make_event(title="Where I speak", timezone="Asia/Ulaanbaatar", starts_on=date(2031, 9, 1), ends_on=date(2031, 9, 2))
    with app.app_context():
        db.session.add_all([
            Registration(event_id=confirmed.id, user_id=me.id, status=RegistrationStatus.CONFIRMED),
            Registration(event_id=waiting.id, user_id=me.id, status=RegistrationStatus.WAITLISTED),
        ])
        token = services.feed_of(db.session.get(type(me), me.id)).token
        db.session.commit()
    add_item(elsewhere.id, date(2031, 9, 1), "09:00", "10:00", title="My talk", speakers=[me.id])
    add_item(elsewhere.id, date(2031, 9, 1), "11:00", "12:00", title="Not mine")
    response = client.get(f"/calendar/feeds/{token}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="my-dialogues.ics"'
    calendar = parse(response.data)
    assert sorted(v.summary.value for v in calendar.vevent_list) == ["Confirmed one", "My talk"]
    assert calendar.x_wr_calname.value == "Mé Ñandú: dialogues"
    assert b"me@example.org" not in response.data
    shown = calcurse_appointments(tmp_path, response.data, tz="Asia/Ulaanbaatar", start=date(2031, 9, 1), days=1)
    assert shown == ["2031-09-01 09:00-10:00 My talk"]
