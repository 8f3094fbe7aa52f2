from datetime import UTC, date, datetime, time

import pytest

from dialogues.agenda import services
from dialogues.agenda.enums import ItemKind
from dialogues.agenda.models import AgendaItem
from dialogues.core.errors import DomainError
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.preparation.enums import TYPICAL_STEPS


def test_local_time_is_stored_as_the_utc_instant():
    assert services.local_instant("Africa/Maputo", date(2031, 5, 4), time(9)) == datetime(2031, 5, 4, 7, tzinfo=UTC)
    assert services.local_instant("Pacific/Chatham", date(2031, 1, 10), time(9)) == datetime(2031, 1, 9, 19, 15, tzinfo=UTC)  # +13:45 in summer


def test_time_in_the_daylight_saving_gap_is_refused_with_a_message():
    # Clocks in London jump from 01:00 to 02:00 on 30 March 2031.
    with pytest.raises(DomainError, match="does not exist in Europe/London"):
        services.local_instant("Europe/London", date(2031, 3, 30), time(1, 30))


def test_sequence_rises_on_time_or_place_change_only(app, make_event, add_item):
    event = make_event()
    item_id = add_item(event.id, date(2031, 5, 4), "09:00", "10:00", location="Room A")
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        services.update_item(item, actor=None, title="Renamed", description="More words")
        assert item.sequence == 0
        services.update_item(item, actor=None, location="Room B")
        assert item.sequence == 1
        services.update_item(item, actor=None, starts_at=item.starts_at.replace(minute=30))
        assert item.sequence == 2
        services.cancel_item(item, actor=None)
        assert (item.cancelled, item.sequence) == (True, 3)


def test_people_are_given_by_email_or_id_and_unknown_addresses_refused(app, make_event, make_user, add_item):
    event = make_event()
    ana, ben = make_user("ana@example.org", "Ana"), make_user("ben@example.org", "Ben")
    item_id = add_item(event.id, date(2031, 5, 4), "09:00", "10:00", speakers=["ANA@example.org"], facilitators=[ben.id])
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        assert sorted((p.user.name, p.role.value) for p in item.people) == [("Ana", "speaker"), ("Ben", "facilitator")]
        with pytest.raises(DomainError, match="nobody@example.org"):
            services.update_item(item, actor=None, speakers=["nobody@example.org"])


def test_conflicts_outside_dates_same_room_and_same_person(app, make_event, make_user, add_item):
    event = make_event()  # 4 to 7 May 2031, Africa/Maputo
    ana = make_user("ana@example.org", "Ana")
    add_item(event.id, date(2031, 5, 4), "09:00", "10:30", title="Opening", location="Room A", speakers=[ana.id])
    add_item(event.id, date(2031, 5, 4), "10:00", "11:00", title="Miners' panel", location="room a")
    add_item(event.id, date(2031, 5, 4), "10:15", "11:00", title="Breakout", location="Room B", facilitators=[ana.id])
    add_item(event.id, date(2031, 5, 8), "09:00", "10:00", title="Late extra")
    add_item(event.id, date(2031, 5, 5), "09:00", "10:00", title="Fine", location="Room A", speakers=[ana.id])
    with app.app_context():
        found = services.conflicts(db.session.get(Event, event.id))
    assert sorted((c.kind, c.message) for c in found) == [
        ("outside", "“Late extra” is outside the event's dates (04 May to 07 May 2031)."),
        ("person", "Ana is in both “Opening” and “Breakout” at Sun 04 May 10:15."),
        ("room", "“Opening” and “Miners' panel” are both in Room A at Sun 04 May 10:00."),
    ]


def test_cancelled_items_cause_no_conflict(app, make_event, add_item):
    event = make_event()
    add_item(event.id, date(2031, 5, 4), "09:00", "10:00", location="Room A")
    second = add_item(event.id, date(2031, 5, 4), "09:00", "10:00", location="Room A")
    with app.app_context():
        services.cancel_item(db.session.get(AgendaItem, second), actor=None)
        assert services.conflicts(db.session.get(Event, event.id)) == []


def test_field_dialogue_template_begins_with_its_field_days(app, make_event):
    event = make_event()  # field dialogue: 2 field days then 2 in the room
    with app.app_context():
        items = services.apply_template(db.session.get(Event, event.id), actor=None)
        titles = [i.title for i in items]
        first_day = [i for i in items if i.local_start(event.timezone).date() == date(2031, 5, 4)]
        assert {i.kind for i in first_day} == {ItemKind.TRAVEL, ItemKind.FIELD_VISIT, ItemKind.MEAL}
        assert items[0].local_start(event.timezone).time() == time(7, 30)
        in_event_steps = [title for title, days_before in TYPICAL_STEPS if days_before <= 0]
        assert [t for t in titles if t in in_event_steps] == in_event_steps
        room_days = {i.local_start(event.timezone).date() for i in items if i.title in in_event_steps}
        assert room_days == {date(2031, 5, 6), date(2031, 5, 7)}
        assert services.conflicts(db.session.get(Event, event.id)) == []
        with pytest.raises(DomainError, match="already has items"):
            services.apply_template(db.session.get(Event, event.id), actor=None)


def test_workshop_template_has_no_field_days(app, make_event):
    event = make_event(kind=EventKind.TECHNICAL_WORKSHOP, starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 5),
                       field_days=None, meeting_days=2)
    with app.app_context():
        items = services.apply_template(db.session.get(Event, event.id), actor=None)
        assert ItemKind.FIELD_VISIT not in {i.kind for i in items}
        assert items[0].title == "Introduction of stakeholders"


def test_changing_only_the_people_moves_last_modified_not_sequence(app, make_event, make_user, add_item):
    event = make_event()
    ana = make_user("ana@example.org", "Ana")
    item_id = add_item(event.id, date(2031, 5, 4), "09:00", "10:00")
    with app.app_context():
        item = db.session.get(AgendaItem, item_id)
        before = item.updated_at
        services.update_item(item, actor=None, speakers=[ana.email])
        db.session.commit()
        assert (item.sequence, item.updated_at > before) == (0, True)
