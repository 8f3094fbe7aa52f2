import re
from datetime import UTC, date, datetime

import pytest

from dialogues.agenda import services
from dialogues.agenda.models import AgendaItem, CalendarFeed
from dialogues.core.enums import Visibility
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration
from tests.agenda.readers import calcurse_appointments, parse
from tests.conftest import count_queries, csrf_token


def _item_form(**overrides):
    return {"title": "Session", "kind": "plenary", "day": "2031-05-06", "starts": "09:00", "ends": "10:00",
            "location": "", "latitude": "", "longitude": "", "track": "", "speakers": "", "facilitators": "",
            "language_note": "", "description": ""} | overrides


def test_convener_builds_two_day_agenda_with_parallel_session_and_sees_conflict(client_as, cast, app, tmp_path):
    client = client_as("convener")
    new = f"/events/{cast.event.id}/agenda/new"
    rows = [
        _item_form(title="Opening plenary", day="2031-05-06", starts="09:00", ends="10:30", location="Main hall",
                   speakers="participant@example.org"),
        _item_form(title="Licensing", kind="breakout", day="2031-05-06", starts="11:00", ends="12:30",
                   location="Room A", track="Room A", facilitators="host@example.org"),
        _item_form(title="Mercury", kind="breakout", day="2031-05-06", starts="11:00", ends="12:30",
                   location="Room B", track="Room B", facilitators="steering@example.org"),
        _item_form(title="Decisions", day="2031-05-07", starts="09:00", ends="12:00", location="Main hall",
                   language_note="Portuguese with English interpretation"),
    ]
    for row in rows:
        response = client.submit(new, row)
        assert response.status_code == 302, response.get_data(as_text=True)
    # The host is also put in the other breakout: a person in two places at once.
    clash = client.submit(new, _item_form(title="Markets", kind="breakout", day="2031-05-06", starts="12:00",
                                          ends="13:00", location="Room C", facilitators="host@example.org"),
                          follow_redirects=True)
    page = clash.get_data(as_text=True)
    assert clash.status_code == 200
    assert "Warning: Hélène Host is in both “Licensing” and “Markets”" in page
    with app.app_context():
        assert db.session.query(AgendaItem).filter_by(event_id=cast.event.id).count() == 5
    conflicts = client.get(f"/events/{cast.event.id}/agenda/conflicts").get_data(as_text=True)
    assert "Person in two places" in conflicts and "Hélène Host" in conflicts
    agenda = client.get(f"/events/{cast.event.id}/agenda").get_data(as_text=True)
    assert "Conflicts (1)" in agenda
    assert agenda.index("Licensing") < agenda.index("Mercury") < agenda.index("Decisions")
    assert "grid-column: 2" in agenda and "grid-column: 3" in agenda
    # A host downloads the .ics and calcurse shows the local (Maputo) times.
    client.logout()
    client.login("host@example.org")
    data = client.get(f"/events/{cast.event.id}/agenda.ics").data
    shown = calcurse_appointments(tmp_path, data, tz="Africa/Maputo", start=date(2031, 5, 6), days=2)
    assert shown == [
        "2031-05-06 09:00-10:30 Opening plenary",
        "2031-05-06 11:00-12:30 Licensing",
        "2031-05-06 11:00-12:30 Mercury",
        "2031-05-06 12:00-13:00 Markets",
        "2031-05-07 09:00-12:00 Decisions",
    ]


def test_room_clash_and_dates_outside_are_saved_with_warnings(client_as, cast, app):
    client = client_as("convener")
    new = f"/events/{cast.event.id}/agenda/new"
    client.submit(new, _item_form(title="First", location="Room A"))
    response = client.submit(new, _item_form(title="Second", location="Room A", day="2031-05-06"), follow_redirects=True)
    assert "Warning: “First” and “Second” are both in Room A" in response.get_data(as_text=True)
    response = client.submit(new, _item_form(title="Too late", day="2031-05-09"), follow_redirects=True)
    assert "Warning: “Too late” is outside the event&#39;s dates" in response.get_data(as_text=True)
    edit = client.get(response.request.path).get_data(as_text=True)
    assert "“Too late” is outside the event" in edit
    with app.app_context():
        assert db.session.query(AgendaItem).count() == 3


def test_time_in_dst_gap_is_refused_on_the_form(client_as, cast, app):
    with app.app_context():
        db.session.get(Event, cast.event.id).timezone = "America/Santiago"
        db.session.get(Event, cast.event.id).starts_on = date(2031, 9, 6)
        db.session.get(Event, cast.event.id).ends_on = date(2031, 9, 8)
        db.session.commit()
    client = client_as("convener")
    # Santiago's clocks go from 00:00 to 01:00 on 7 September 2031.
    response = client.submit(f"/events/{cast.event.id}/agenda/new",
                             _item_form(day="2031-09-07", starts="00:30", ends="02:00"))
    assert response.status_code == 200
    assert "does not exist in America/Santiago" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(AgendaItem).count() == 0


def test_edit_changes_item_and_sequence(client_as, cast, add_item, app):
    item_id = add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening", location="Hall")
    client = client_as("convener")
    url = f"/events/{cast.event.id}/agenda/{item_id}/edit"
    form = client.get(url).get_data(as_text=True)
    assert 'value="09:00"' in form and 'value="2031-05-04"' in form
    assert client.submit(url, _item_form(title="Opening", day="2031-05-04", starts="09:30", ends="10:30",
                                         location="Hall")).status_code == 302
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        assert (item.sequence, item.local_start("Africa/Maputo").strftime("%H:%M")) == (1, "09:30")


@pytest.mark.parametrize("role", ["anonymous", "outsider", "participant", "steering", "host"])
def test_only_conveners_and_secretariat_edit(client_as, cast, add_item, role):
    item_id = add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00")
    client = client_as(role)
    base = f"/events/{cast.event.id}/agenda"
    expected = 302 if role == "anonymous" else 403
    assert client.get(f"{base}/new").status_code == expected
    assert client.get(f"{base}/{item_id}/edit").status_code == expected
    assert client.get(f"{base}/conflicts").status_code == expected
    token = {"csrf_token": csrf_token(client, "/login" if role == "anonymous" else "/")}
    for action in (f"{item_id}/cancel", f"{item_id}/delete", "template"):
        assert client.post(f"{base}/{action}", data=token).status_code == expected
    assert client.get(f"{base}").status_code == 200


def test_deleting_an_item_asks_first(client_as, cast, add_item, app):
    item_id = add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00", title="Mistaken item")
    client = client_as("convener")
    base = f"/events/{cast.event.id}/agenda"
    edit = client.get(f"{base}/{item_id}/edit").get_data(as_text=True)
    assert f'href="{base}/{item_id}/delete"' in edit
    asked = client.get(f"{base}/{item_id}/delete").get_data(as_text=True)
    assert "Delete “Mistaken item”?" in asked and "cancel the item instead" in asked
    assert f'href="{base}/{item_id}/edit"' in asked
    with app.app_context():
        assert db.session.get(AgendaItem, item_id) is not None
    assert client.submit(f"{base}/{item_id}/delete", {"confirmed": "1"}, form_page=f"{base}/{item_id}/delete").status_code == 302
    with app.app_context():
        assert db.session.get(AgendaItem, item_id) is None


@pytest.mark.parametrize("role", ["convener", "secretariat"])
def test_editors_may_edit(client_as, cast, role):
    client = client_as(role)
    assert client.get(f"/events/{cast.event.id}/agenda/new").status_code == 200
    response = client.submit(f"/events/{cast.event.id}/agenda/template", {}, form_page=f"/events/{cast.event.id}/agenda")
    assert response.status_code == 302
    assert "Introduction of stakeholders" in client.get(f"/events/{cast.event.id}/agenda").get_data(as_text=True)


def test_public_agenda_is_read_by_anyone(client, cast, add_item):
    add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening")
    assert "Opening" in client.get(f"/events/{cast.event.id}/agenda").get_data(as_text=True)
    assert client.get(f"/events/{cast.event.id}/agenda/print").status_code == 200
    assert client.get(f"/events/{cast.event.id}/agenda.ics").status_code == 200
    assert "Edit" not in client.get(f"/events/{cast.event.id}/agenda").get_data(as_text=True)


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("outsider", 403), ("participant", 200),
                                              ("host", 200), ("convener", 200)])
def test_participants_only_agenda_is_refused_to_outsiders(client_as, cast, app, role, status):
    with app.app_context():
        db.session.get(Event, cast.event.id).visibility = Visibility.PARTICIPANTS
        db.session.commit()
    client = client_as(role)
    for path in ("agenda", "agenda.ics", "agenda/print"):
        assert client.get(f"/events/{cast.event.id}/{path}").status_code == status


def test_viewer_time_zone_on_request_and_validated(client, cast, add_item):
    add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening")
    page = client.get(f"/events/{cast.event.id}/agenda?tz=Europe/London").get_data(as_text=True)
    # 09:00 in Maputo (UTC+2) is 08:00 in London (UTC+1 in May).
    assert "08:00</time>–<time" in page and "Times in <strong>Europe/London</strong>" in page
    assert "09:00</time>" in client.get(f"/events/{cast.event.id}/agenda").get_data(as_text=True)
    assert client.get(f"/events/{cast.event.id}/agenda?tz=Mars/Olympus").status_code == 400


def test_event_page_panel_links_agenda_download_and_webcal(client, cast):
    page = client.get(f"/events/{cast.event.id}").get_data(as_text=True)
    assert f'href="/events/{cast.event.id}/agenda"' in page
    assert f'href="/events/{cast.event.id}/agenda.ics" download' in page
    assert f'href="webcal://localhost/events/{cast.event.id}/agenda.ics"' in page


def test_participant_subscribes_regenerates_and_old_feed_is_gone(client_as, cast, app):
    with app.app_context():
        db.session.add(Registration(event_id=cast.event.id, user_id=cast.participant.id,
                                    status=RegistrationStatus.CONFIRMED))
        db.session.commit()
    client = client_as("participant")
    page = client.get("/my/calendar").get_data(as_text=True)
    with app.app_context():
        old = db.session.get(CalendarFeed, cast.participant.id).token
    assert f"webcal://localhost/calendar/feeds/{old}.ics" in page
    assert f'href="/calendar/feeds/{old}.ics" download' in page
    client.logout()
    feed = client.get(f"/calendar/feeds/{old}.ics")
    assert [v.summary.value for v in parse(feed.data).vevent_list] == ["Field dialogue in Manica"]
    client.login(cast.participant.email)
    assert client.submit("/my/calendar/regenerate", {}, form_page="/my/calendar").status_code == 302
    with app.app_context():
        new = db.session.get(CalendarFeed, cast.participant.id).token
    assert new != old
    assert client.get(f"/calendar/feeds/{old}.ics").status_code == 404
    assert client.get(f"/calendar/feeds/{new}.ics").status_code == 200
    assert client.get("/calendar/feeds/not-a-token.ics").status_code == 404


def test_my_calendar_needs_login(client, cast):
    assert client.get("/my/calendar").status_code == 302


def _fill(app, add_item, event_id, speaker_id, count):
    for n in range(count):
        add_item(event_id, date(2031, 5, 4 + n % 4), f"{8 + n % 10:02d}:00", f"{8 + n % 10:02d}:30",
                 title=f"Item {n}", location=f"Room {n % 3}", track=f"Room {n % 3}", speakers=[speaker_id])


def test_query_counts_do_not_grow_with_items(app, client, make_event, make_user, add_item):
    speaker = make_user("speaker@example.org", "Speaker")
    counts = []
    for size in (5, 40):
        event = make_event(title=f"Event with {size}")
        _fill(app, add_item, event.id, speaker.id, size)
        with app.app_context():
            db.session.add(Registration(event_id=event.id, user_id=speaker.id, status=RegistrationStatus.CONFIRMED))
            token = services.feed_of(db.session.get(type(speaker), speaker.id)).token
            db.session.commit()
        paths = [f"/events/{event.id}/agenda", f"/events/{event.id}/agenda.ics", f"/calendar/feeds/{token}.ics"]
        for path in paths:
            assert client.get(path).status_code == 200
        counts.append([count_queries(app, lambda p=path: client.get(p)) for path in paths])
    assert counts[0] == counts[1]
    assert len(parse(client.get(f"/calendar/feeds/{token}.ics").data).vevent_list) == 2 + 45


def test_unknown_viewer_zone_is_explained_beside_the_box_and_kept(client, cast):
    response = client.get(f"/events/{cast.event.id}/agenda?tz=Mars/Olympus")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="tz-error"' in page and "Unknown time zone" in page
    assert 'value="Mars/Olympus"' in page
    assert "Times in <strong>Africa/Maputo</strong>" in page


def test_zone_chooser_offers_the_event_country_zones_not_every_zone(client, cast):
    page = client.get(f"/events/{cast.event.id}/agenda").get_data(as_text=True)
    offered = re.findall(r'<option value="([^"]+)">', page.split('<datalist id="tz-zones">')[1].split("</datalist>")[0])
    assert offered[0] == "Africa/Maputo" and "UTC" in offered
    assert len(offered) < 10 and "America/Lima" not in offered


def test_calendar_poll_gets_304_until_the_agenda_changes(client, cast, add_item, app):
    opening = add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening",
                       speakers=["participant@example.org"])
    path = f"/events/{cast.event.id}/agenda.ics"
    first = client.get(path)
    assert first.status_code == 200
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('W/"') and modified.endswith(" GMT")
    assert [e.summary.value for e in parse(first.data).vevent_list][1:] == ["Opening"]

    # A calendar client polling with what it was given gets nothing to download.
    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        again = client.get(path, headers=headers)
        assert (again.status_code, again.data, again.headers["ETag"]) == (304, b"", etag)
    # The text kept since the first request is the text that would be written now.
    assert client.get(path).data == first.data

    # A speaker's new name is in the calendar, though no item row changed.
    with app.app_context():
        db.session.get(AgendaItem, opening).people[0].user.name = "Paula Renamed"
        db.session.commit()
    renamed = client.get(path, headers={"If-None-Match": etag})
    assert renamed.status_code == 200 and renamed.headers["ETag"] != etag
    assert "Paula Renamed" in parse(renamed.data).vevent_list[1].description.value

    with app.app_context():
        services.delete_item(db.session.get(AgendaItem, opening), actor=None)
        db.session.get(Event, cast.event.id).updated_at = datetime(2040, 1, 1, tzinfo=UTC)
        db.session.commit()
    emptied = client.get(path, headers={"If-Modified-Since": modified})
    assert emptied.status_code == 200 and emptied.headers["Last-Modified"] == "Sun, 01 Jan 2040 00:00:00 GMT"
    assert len(parse(emptied.data).vevent_list) == 1


def test_deleting_an_item_moves_the_calendars_last_modified(app, cast, add_item):
    item_id = add_item(cast.event.id, date(2031, 5, 4), "09:00", "10:00", title="Opening")
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        event.updated_at = datetime(2020, 1, 1, tzinfo=UTC)
        db.session.get(AgendaItem, item_id).updated_at = datetime(2020, 1, 1, tzinfo=UTC)
        db.session.commit()
        before = services.event_calendar_version(event)
        services.delete_item(db.session.get(AgendaItem, item_id), actor=None)
        db.session.commit()
        after = services.event_calendar_version(event)
    assert after.etag != before.etag and after.last_modified > before.last_modified
