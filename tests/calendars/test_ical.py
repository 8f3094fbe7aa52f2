"""The invitation that comes with a confirmation, read back by an independent parser (vobject)."""
from datetime import date, datetime, timedelta

import vobject

from dialogues.extensions import db
from dialogues.calendars import ical
from dialogues.registration.models import Registration

TITLE = "Diálogo; ouro, mercúrio\nManica"


def _invitation(app, registration_id: int, **kwargs):
    with app.app_context():
        text = ical.invitation(db.session.get(Registration, registration_id), **kwargs)
    return text, vobject.readOne(text)


def test_invitation_is_a_request_with_all_day_dates(app, make_event, make_user, make_registration):
    event = make_event(starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 7), venue="Centro Cultural")
    user = make_user("amina@example.org", "Amina Mwale")
    _, calendar = _invitation(app, make_registration(event=event, user=user))
    vevent = calendar.vevent
    assert calendar.method.value == "REQUEST"
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value == ical.PRODID
    assert vevent.uid.value == f"dialogues-event-{event.id}"
    assert "@" not in vevent.uid.value
    assert vevent.dtstart.value == date(2031, 5, 4)
    assert vevent.dtstart.params["VALUE"] == ["DATE"]
    assert vevent.dtend.value == date(2031, 5, 8)
    assert vevent.dtend.params["VALUE"] == ["DATE"]
    assert vevent.location.value == "Centro Cultural, Manica, Mozambique"
    assert vevent.status.value == "CONFIRMED"
    assert vevent.sequence.value == "0"
    assert isinstance(vevent.dtstamp.value, datetime)
    assert vevent.organizer.value == "mailto:no-reply@localhost"
    assert vevent.organizer.params["CN"] == ["Dialogues"]
    assert vevent.attendee.value == "mailto:amina@example.org"
    assert {k: v for k, v in vevent.attendee.params.items()} == {
        "CN": ["Amina Mwale"], "ROLE": ["REQ-PARTICIPANT"], "PARTSTAT": ["ACCEPTED"], "RSVP": ["FALSE"]}


def test_one_day_event_ends_the_next_day(app, make_event, make_registration):
    event = make_event(starts_on=date(2031, 12, 31), ends_on=date(2031, 12, 31))
    _, calendar = _invitation(app, make_registration(event=event))
    assert calendar.vevent.dtend.value - calendar.vevent.dtstart.value == timedelta(days=1)
    assert calendar.vevent.dtend.value == date(2032, 1, 1)


def test_uid_is_the_same_for_every_send_and_every_person(app, make_event, make_registration):
    event = make_event()
    _, first = _invitation(app, make_registration(event=event))
    _, second = _invitation(app, make_registration(event=event))
    assert first.vevent.uid.value == second.vevent.uid.value


def test_user_text_round_trips(app, make_event, make_user, make_registration):
    event = make_event(venue="Sala 2; bloco B, piso 1", city="Chimoio", country="MZ")
    with app.app_context():
        db.session.get(type(event), event.id).title = TITLE
        db.session.commit()
    user = make_user("joao@example.org", "João Ngulube, Jr.")
    text, calendar = _invitation(app, make_registration(event=event, user=user), url="https://d.example.org/events/1")
    assert calendar.vevent.summary.value == TITLE
    assert calendar.vevent.location.value == "Sala 2; bloco B, piso 1, Chimoio, Mozambique"
    assert calendar.vevent.attendee.params["CN"] == ["João Ngulube, Jr."]
    assert calendar.vevent.url.value == "https://d.example.org/events/1"
    assert "https://d.example.org/events/1" in calendar.vevent.description.value
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_organizer_follows_mail_sender(app, make_registration):
    app.config["MAIL_SENDER"] = "CASM Secretariat <secretariat@casm.example.org>"
    _, calendar = _invitation(app, make_registration())
    assert calendar.vevent.organizer.value == "mailto:secretariat@casm.example.org"
    assert calendar.vevent.organizer.params["CN"] == ["CASM Secretariat"]
