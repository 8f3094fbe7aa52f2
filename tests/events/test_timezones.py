"""An event's time zone: taken from its country when it is not chosen."""
import sqlalchemy as sa

from dialogues.events.models import Event
from dialogues.extensions import db

NEW_EVENT = {
    "kind": "non_field_dialogue", "title": "Garimpo e mercúrio", "summary": "", "starts_on": "2031-03-10",
    "ends_on": "2031-03-11", "timezone": "", "venue": "", "city": "", "country": "MZ",
    "visibility": "public", "status": "planned", "programme_id": "", "registration_mode": "open",
    "offer_hours": "72", "max_group_share": "40",
}


def _event_titled(app, title):
    with app.app_context():
        return db.session.scalar(sa.select(Event).where(Event.title == title))


def test_new_event_takes_the_zone_of_a_country_with_one(client, cast, app):
    client.login(cast.secretariat.email)
    response = client.submit("/events/new", NEW_EVENT)
    assert response.status_code == 302
    assert _event_titled(app, "Garimpo e mercúrio").timezone == "Africa/Maputo"


def test_new_event_in_a_country_with_several_zones_asks_which_and_keeps_what_was_typed(client, cast, app):
    client.login(cast.secretariat.email)
    response = client.submit("/events/new", NEW_EVENT | {"country": "BR"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Brazil has" in page and "time zones: choose one" in page and "America/Sao_Paulo" in page
    assert 'value="Garimpo e mercúrio"' in page
    assert _event_titled(app, "Garimpo e mercúrio") is None
    client.submit("/events/new", NEW_EVENT | {"country": "BR", "timezone": "America/Manaus"})
    assert _event_titled(app, "Garimpo e mercúrio").timezone == "America/Manaus"


def test_new_event_without_a_country_is_in_utc(client, cast, app):
    client.login(cast.secretariat.email)
    client.submit("/events/new", NEW_EVENT | {"country": ""})
    assert _event_titled(app, "Garimpo e mercúrio").timezone == "UTC"
