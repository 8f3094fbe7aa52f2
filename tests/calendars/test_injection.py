"""Every text that reaches an .ics, carrying CR, LF and CRLF, read back by two independent
parsers (icalendar and vobject): nothing can end a property and forge another."""
from datetime import UTC, date, datetime

import icalendar
import pytest
import vobject

from dialogues.agenda import services as agenda
from dialogues.calendars import ical
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.registration.models import Registration

# Each break is followed by what an attacker would like a calendar to read as a new property.
FORGED = "ATTENDEE;CN=Mallory:mailto:mallory@example.org"
BREAKS = {"cr": "\r", "lf": "\n", "crlf": "\r\n"}


def hostile(label: str, brk: str) -> str:
    return f"{label}{brk}{FORGED}{brk}END:VEVENT{brk}BEGIN:VEVENT{brk}SUMMARY:forged"


def _parse_both(body: bytes):
    text = body.decode("utf-8")
    first = icalendar.Calendar.from_ical(text)
    second = vobject.readOne(text)
    return first, second


def _assert_not_forged(body: bytes, expected_vevents: int) -> None:
    first, second = _parse_both(body)
    assert len(first.walk("VEVENT")) == expected_vevents
    assert len(second.contents.get("vevent", [])) == expected_vevents
    assert not any("ATTENDEE" in vevent for vevent in first.walk("VEVENT"))
    assert all("attendee" not in vevent.contents for vevent in second.contents.get("vevent", []))
    for line in body.split(b"\r\n"):
        assert b"\r" not in line and b"\n" not in line
        assert not line.startswith((b"ATTENDEE", b"SUMMARY:forged"))


@pytest.fixture(params=sorted(BREAKS))
def brk(request):
    return BREAKS[request.param]


@pytest.fixture
def hostile_world(app, make_user, make_programme, make_event, make_registration, brk):
    programme = make_programme(title=hostile("Programme", brk))
    event = make_event(programme_id=programme.id, title=hostile("Event", brk), summary=hostile("Summary", brk),
                       venue=hostile("Venue", brk), city=hostile("City", brk))
    speaker = make_user("speaker@example.org", hostile("Speaker", brk))
    make_registration(event=event, user=speaker)
    with app.app_context():
        agenda.add_item(db.session.get(Event, event.id), actor=None, speakers=[speaker.email],
                        title=hostile("Item", brk), description=hostile("Description", brk),
                        location=hostile("Room", brk), track=hostile("Track", brk),
                        language_note=hostile("Language", brk),
                        starts_at=datetime(2031, 5, 4, 8, tzinfo=UTC), ends_at=datetime(2031, 5, 4, 9, tzinfo=UTC))
        feed = agenda.feed_of(speaker)
        db.session.commit()
        token = feed.token
    return event, programme, speaker, token


def test_event_agenda_feed_escapes_every_text(client, hostile_world, brk):
    event, *_ = hostile_world
    response = client.get(f"/events/{event.id}/agenda.ics")
    assert response.status_code == 200
    # The event itself and its one agenda item.
    _assert_not_forged(response.data, 2)
    calendar, second = _parse_both(response.data)
    (vevent,) = [v for v in calendar.walk("VEVENT") if str(v["SUMMARY"]) == hostile("Item", "\n")]
    assert hostile("Description", "\n") in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]).startswith(hostile("Room", "\n"))
    # icalendar does not unescape these non-standard properties; vobject does.
    assert second.contents["x-wr-calname"][0].value == hostile("Event", " ") + ": agenda"
    assert second.contents["name"][0].value == hostile("Event", " ") + ": agenda"


def test_programme_feed_escapes_programme_and_event_texts(client, hostile_world):
    _, programme, *_ = hostile_world
    response = client.get(f"/programmes/{programme.id}/calendar.ics?items=1")
    assert response.status_code == 200
    _assert_not_forged(response.data, 2)
    calendar, second = _parse_both(response.data)
    assert second.contents["name"][0].value == hostile("Programme", " ")
    assert second.contents["x-wr-calname"][0].value == hostile("Programme", " ")
    assert {str(v["SUMMARY"]) for v in calendar.walk("VEVENT")} == {hostile("Event", "\n"), hostile("Item", "\n")}


def test_personal_feed_escapes_the_persons_name(client, hostile_world):
    *_, token = hostile_world
    response = client.get(f"/calendar/feeds/{token}.ics")
    assert response.status_code == 200
    _assert_not_forged(response.data, 2)
    _, second = _parse_both(response.data)
    assert second.contents["x-wr-calname"][0].value == hostile("Speaker", " ") + ": dialogues"


def test_invitation_keeps_one_attendee(app, hostile_world):
    event, _, speaker, _ = hostile_world
    with app.app_context():
        registration = db.session.scalars(db.select(Registration).filter_by(user_id=speaker.id)).one()
        body = ical.invitation(registration, url="https://d.example.org/events/1").encode()
    first, second = _parse_both(body)
    (vevent,) = first.walk("VEVENT")
    assert len(second.vevent.contents["attendee"]) == 1
    assert second.vevent.attendee.value == "mailto:speaker@example.org"
    assert second.vevent.attendee.params["CN"] == [hostile("Speaker", " ")]
    assert str(vevent["SUMMARY"]) == hostile("Event", "\n")


def test_other_control_characters_are_dropped(app):
    assert ical.text("a\x00b\x1bc\td\x7fe") == "abc\tde"
    assert ical.text("a\r\nb\rc\nd", one_line=True) == "a b c d"
