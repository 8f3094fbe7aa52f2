"""Finding, reading, creating and editing events."""
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from dialogues.core.enums import Visibility
from dialogues.events.enums import EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from tests.conftest import count_queries

TODAY = datetime.now(UTC).date()

NEW_EVENT = {
    "kind": "non_field_dialogue", "title": "Mercury & <gold> in Lima", "summary": "Two days.",
    "starts_on": "2031-03-10", "ends_on": "2031-03-11", "timezone": "America/Lima", "venue": "Hotel",
    "city": "Lima", "country": "PE", "working_languages": ["es", "en"], "visibility": "public",
    "status": "planned", "programme_id": "",
}


def test_events_list_shows_upcoming_soonest_first_and_past_separately(client, make_event):
    make_event(title="Later", starts_on=TODAY + timedelta(days=60), ends_on=TODAY + timedelta(days=61))
    make_event(title="Sooner", starts_on=TODAY + timedelta(days=5), ends_on=TODAY + timedelta(days=6))
    make_event(title="Maputo 2009", starts_on=date(2009, 10, 19), ends_on=date(2009, 10, 23))
    page = client.get("/events").get_data(as_text=True)
    assert page.index("Sooner") < page.index("Later")
    assert "Maputo 2009" not in page
    past = client.get("/events?when=past").get_data(as_text=True)
    assert "Maputo 2009" in past and "Sooner" not in past


def test_events_list_filters_by_kind_and_country(client, make_event):
    make_event(title="Workshop in Ghana", kind=EventKind.TECHNICAL_WORKSHOP, country="GH", timezone="Africa/Accra")
    make_event(title="Dialogue in Mozambique", kind=EventKind.FIELD_DIALOGUE, country="MZ")
    by_kind = client.get("/events?kind=technical_workshop").get_data(as_text=True)
    assert "Workshop in Ghana" in by_kind and "Dialogue in Mozambique" not in by_kind
    by_country = client.get("/events?country=MZ").get_data(as_text=True)
    assert "Dialogue in Mozambique" in by_country and "Workshop in Ghana" not in by_country


@pytest.mark.parametrize("query", ["?kind=nonsense", "?country=ZZ", "?when=yesterday", "?page=abc", "?page=-3", "?page=999"])
def test_odd_filters_never_fail(client, make_event, query):
    make_event(title="Dialogue in Mozambique")
    response = client.get("/events" + query)
    assert response.status_code == 200


def test_events_list_pages_through_many_events(client, make_event, app):
    for n in range(25):
        make_event(title=f"Dialogue number {n:02d}", starts_on=date(2031, 1, 1) + timedelta(days=n),
                   ends_on=date(2031, 1, 1) + timedelta(days=n))
    first = client.get("/events").get_data(as_text=True)
    second = client.get("/events?page=2").get_data(as_text=True)
    assert "Dialogue number 00" in first and "Dialogue number 19" in first and "Dialogue number 20" not in first
    assert "Dialogue number 20" in second and "Dialogue number 24" in second
    assert "Page 2 of 2 (25 in all)" in second


def test_participants_only_events_are_listed_only_for_those_involved(client, cast, app):
    with app.app_context():
        db.session.execute(sa.update(Event).where(Event.id == cast.event.id).values(visibility=Visibility.PARTICIPANTS))
        db.session.commit()
    assert cast.event.title not in client.get("/events").get_data(as_text=True)
    client.login(cast.outsider.email)
    assert cast.event.title not in client.get("/events").get_data(as_text=True)
    client.logout()
    client.login(cast.participant.email)
    assert cast.event.title in client.get("/events").get_data(as_text=True)


def test_event_page_shows_details_and_escapes_user_text(client, make_event):
    event = make_event(title="<script>alert(1)</script> Dialogue", working_languages=["pt", "sw"])
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Dialogue" in page
    assert "<script>alert(1)" not in page
    assert "Portuguese, Swahili" in page
    assert "Africa/Maputo" in page


@pytest.mark.parametrize("url", ["/events/999999", "/events/999999/edit", "/programmes/999999", "/events/abc"])
def test_unknown_ids_are_404(client, cast, url):
    client.login(cast.secretariat.email)
    assert client.get(url).status_code == 404


def test_secretariat_creates_an_event(client, cast, app):
    client.login(cast.secretariat.email)
    response = client.submit("/events/new", NEW_EVENT)
    assert response.status_code == 302
    with app.app_context():
        event = db.session.scalar(sa.select(Event).where(Event.city == "Lima"))
        assert (event.title, event.timezone, event.working_languages) == ("Mercury & <gold> in Lima", "America/Lima", ["es", "en"])
        assert (event.starts_on, event.ends_on, event.status) == (date(2031, 3, 10), date(2031, 3, 11), EventStatus.PLANNED)


@pytest.mark.parametrize("change,message", [
    ({"ends_on": "2031-03-01"}, "The last day cannot be before the first day."),
    ({"timezone": "Mars/Olympus_Mons"}, "Choose a time zone from the list"),
    ({"starts_on": "10/03/2031"}, "Give the first day (YYYY-MM-DD)."),
    ({"country": "XX"}, "Not a valid choice"),
    ({"title": ""}, "This field is required."),
    ({"working_languages": ["xx"]}, "is not a valid choice"),
])
def test_bad_event_input_is_reported_and_typed_text_kept(client, cast, change, message):
    client.login(cast.secretariat.email)
    response = client.submit("/events/new", NEW_EVENT | change)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert 'value="Hotel"' in page


def test_convener_creates_events_only_in_own_programme(client, cast, app):
    client.login(cast.convener.email)
    with app.app_context():
        other_programme_id = db.session.get(Event, cast.other_event.id).programme_id
    refused = client.submit("/events/new", NEW_EVENT | {"programme_id": str(other_programme_id)})
    assert "Not a valid choice" in refused.get_data(as_text=True)
    no_programme = client.submit("/events/new", NEW_EVENT)
    assert "Not a valid choice" in no_programme.get_data(as_text=True)
    accepted = client.submit("/events/new", NEW_EVENT | {"programme_id": str(cast.programme.id)})
    assert accepted.status_code == 302


def test_held_event_cannot_reopen(client, cast, make_event):
    event = make_event(programme_id=cast.programme.id, status=EventStatus.HELD)
    client.login(cast.convener.email)
    fields = NEW_EVENT | {"programme_id": str(cast.programme.id), "status": "open"}
    response = client.submit(f"/events/{event.id}/edit", fields)
    assert "An event that is held cannot become open for registration." in response.get_data(as_text=True)
    fields["status"] = "closed"
    assert client.submit(f"/events/{event.id}/edit", fields).status_code == 302


def test_convener_edit_saves_changes(client, cast, app):
    client.login(cast.convener.email)
    fields = NEW_EVENT | {"programme_id": str(cast.programme.id), "title": "Diálogo em Manica", "status": "open"}
    assert client.submit(f"/events/{cast.event.id}/edit", fields).status_code == 302
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        assert (event.title, event.status) == ("Diálogo em Manica", EventStatus.OPEN)




def test_events_list_query_count_does_not_grow_with_events(client, cast, make_event, make_programme, app):
    client.login(cast.participant.email)
    few = count_queries(app, lambda: client.get("/events"))
    for n in range(15):
        programme = make_programme(title=f"Programme {n}")
        make_event(title=f"Event {n}", programme_id=programme.id)
    many = count_queries(app, lambda: client.get("/events"))
    assert few == many


def test_programme_page_lists_its_events(client, cast):
    page = client.get(f"/programmes/{cast.programme.id}").get_data(as_text=True)
    assert cast.event.title in page and cast.other_event.title not in page


def test_event_form_suggests_the_event_country_zones_and_keeps_a_typed_zone(client, cast):
    client.login(cast.secretariat.email)
    event_id = cast.event.id  # in Mozambique
    page = client.get(f"/events/{event_id}/edit").get_data(as_text=True)
    suggested = page.split('<datalist id="timezone-zones">')[1].split("</datalist>")[0]
    assert suggested.startswith('<option value="Africa/Maputo">') and "America/Lima" not in suggested
    assert suggested.count("<option") < 10
    response = client.submit("/events/new", NEW_EVENT | {"timezone": "Mars/Olympus_Mons"})
    page = response.get_data(as_text=True)
    assert 'value="Mars/Olympus_Mons"' in page
    suggested = page.split('<datalist id="timezone-zones">')[1].split("</datalist>")[0]
    assert suggested.startswith('<option value="America/Lima">')  # the zones of Peru, chosen as the country
