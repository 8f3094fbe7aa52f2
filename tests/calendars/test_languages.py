"""A personal calendar feed speaks its owner's language, whoever's calendar client fetches it."""
from datetime import date, time

import vobject

from dialogues.agenda import services as agenda
from dialogues.agenda.enums import ItemKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration


def _feed(app, make_event, make_user, language: str):
    """A person speaking at a plenary of an event they hold a place at; their feed's secret address."""
    me = make_user("neema@example.org", "Neema Mollel", preferred_language=language)
    event = make_event(title="Dialogue in Geita", timezone="Africa/Dar_es_Salaam", country="TZ", city="Geita")
    with app.app_context():
        db.session.add(Registration(event_id=event.id, user_id=me.id, status=RegistrationStatus.CONFIRMED))
        stored = db.session.get(Event, event.id)
        agenda.add_item(stored, actor=None, title="Mercury-free processing", kind=ItemKind.PLENARY,
                        starts_at=agenda.local_instant(stored.timezone, date(2031, 5, 4), time(9)),
                        ends_at=agenda.local_instant(stored.timezone, date(2031, 5, 4), time(10)),
                        speakers=[me.id], track="Environment")
        token = agenda.feed_of(db.session.get(type(me), me.id)).token
        db.session.commit()
    return f"/calendar/feeds/{token}.ics"


def test_swahili_owners_feed_is_in_swahili_for_an_english_calendar_client(client, app, make_event, make_user):
    feed = _feed(app, make_event, make_user, "sw")
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    calendar = vobject.readOne(client.get(feed).get_data(as_text=True))
    assert calendar.x_wr_calname.value == "Neema Mollel: majadiliano"
    assert calendar.x_wr_caldesc.value.startswith("Matukio ambayo Neema Mollel ana nafasi")
    [item] = [v for v in calendar.vevent_list if v.summary.value == "Mercury-free processing"]
    assert item.description.value.split("\n") == [
        "Dialogue in Geita", "Eneo la mada: Environment", "Wazungumzaji: Neema Mollel"]
    assert item.categories.value == ["Kikao cha wote"]
    # The owner's own words stay as typed; the protocol's status keyword is not translated.
    assert item.status.value == "CONFIRMED"
    assert item.location.value.endswith("Geita, Tanzania")


def test_english_owners_feed_stays_english_for_a_french_calendar_client(client, app, make_event, make_user):
    feed = _feed(app, make_event, make_user, "en")
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr-FR,fr;q=0.9"
    calendar = vobject.readOne(client.get(feed).get_data(as_text=True))
    assert calendar.x_wr_calname.value == "Neema Mollel: dialogues"
    [item] = [v for v in calendar.vevent_list if v.summary.value == "Mercury-free processing"]
    assert item.description.value.split("\n") == ["Dialogue in Geita", "Track: Environment", "Speakers: Neema Mollel"]
    assert item.categories.value == ["Plenary"]
