"""The preparation checklist: typical steps, owners, due dates, ticking off, what is late."""
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import render_template

from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.preparation import services
from dialogues.preparation.enums import TYPICAL_STEPS
from dialogues.preparation.models import PreparationTask

TODAY = datetime.now(UTC).date()


def _tasks(app, event_id: int) -> list[PreparationTask]:
    with app.app_context():
        tasks = db.session.scalars(
            sa.select(PreparationTask).where(PreparationTask.event_id == event_id).order_by(PreparationTask.position)
        ).all()
        db.session.expunge_all()
        return tasks


def _create_checklist(app, event_id: int) -> list[int]:
    with app.app_context():
        tasks = services.create_checklist(db.session.get(Event, event_id), actor=None)
        db.session.commit()
        return [t.id for t in tasks]


def _assign(app, task_id: int, owner_id: int | None) -> None:
    with app.app_context():
        db.session.get(PreparationTask, task_id).owner_id = owner_id
        db.session.commit()


@pytest.fixture
def checklist(app, cast) -> list[int]:
    """The cast's event with its typical steps; the ids of the steps in order."""
    return _create_checklist(app, cast.event.id)


def test_convener_creates_the_checklist_of_typical_steps_due_before_the_first_day(client, cast, app):
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/preparation"
    assert "Create the checklist" in client.get(url).get_data(as_text=True)
    assert client.submit(url, {}).status_code == 302
    tasks = _tasks(app, cast.event.id)
    assert [(t.title, t.due_on) for t in tasks] == [
        ("Issue identification and clarification", date(2031, 1, 4)),
        ("Preparatory work and background papers", date(2031, 3, 5)),
        ("Translation for all participants", date(2031, 4, 13)),
        ("Introduction of stakeholders", date(2031, 5, 4)),
        ("Ground rules", date(2031, 5, 4)),
        ("Sharing of experience", date(2031, 5, 4)),
        ("Exploration of views", date(2031, 5, 4)),
        ("Analysis and reasoned argument", date(2031, 5, 4)),
        ("Decisions on action steps or recommendations", date(2031, 5, 5)),
    ]
    assert [t.title for t in tasks] == [title for title, _ in TYPICAL_STEPS]
    assert {(t.owner_id, t.done_at) for t in tasks} == {(None, None)}
    page = client.get(url).get_data(as_text=True)
    assert "0 of 9 steps done." in page and "Create the checklist" not in page


def test_creating_the_checklist_again_adds_nothing(client, cast, app, checklist):
    client.login(cast.secretariat.email)
    assert client.submit(f"/events/{cast.event.id}/preparation", {}).status_code == 302
    assert [t.id for t in _tasks(app, cast.event.id)] == checklist


def test_owner_is_chosen_from_the_organisers_of_the_event(client, cast, app, checklist, make_user):
    series_participant = make_user(name="Paula Programme-Participant", roles=[(Role.PARTICIPANT, cast.programme)])
    elsewhere = make_user(name="Eli Elsewhere", roles=[(Role.CONVENER, cast.other_event)])
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/preparation/tasks/{checklist[2]}"
    page = client.get(url).get_data(as_text=True)
    for person in (cast.secretariat, cast.convener, cast.host, cast.steering):
        assert f'<option value="{person.id}">{person.name}</option>' in page
    for person in (cast.participant, cast.outsider, series_participant, elsewhere):
        assert person.name not in page
    response = client.submit(url, {"owner_id": str(cast.host.id), "due_on": "2031-04-01"})
    assert response.status_code == 302
    task = _tasks(app, cast.event.id)[2]
    assert (task.owner_id, task.due_on) == (cast.host.id, date(2031, 4, 1))
    assert "Hélène Host" in client.get(f"/events/{cast.event.id}/preparation").get_data(as_text=True)


@pytest.mark.parametrize("change,message", [
    ({"owner_id": "outsider"}, "Not a valid choice"),
    ({"owner_id": "participant"}, "Not a valid choice"),
    ({"due_on": "1 April"}, "Not a valid date value."),
])
def test_bad_owner_or_date_is_refused_and_typed_values_kept(client, cast, app, checklist, change, message):
    client.login(cast.convener.email)
    fields = {"owner_id": str(cast.host.id), "due_on": "2031-04-01"} | change
    if fields["owner_id"] in ("outsider", "participant"):
        fields["owner_id"] = str(getattr(cast, fields["owner_id"]).id)
    response = client.submit(f"/events/{cast.event.id}/preparation/tasks/{checklist[0]}", fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert f'value="{fields["due_on"]}"' in page
    assert (_tasks(app, cast.event.id)[0].owner_id, _tasks(app, cast.event.id)[0].due_on) == (None, date(2031, 1, 4))


def test_a_step_can_be_left_without_owner_or_due_date(client, cast, app, checklist):
    _assign(app, checklist[0], cast.host.id)
    client.login(cast.convener.email)
    assert client.submit(f"/events/{cast.event.id}/preparation/tasks/{checklist[0]}", {"owner_id": "", "due_on": ""}).status_code == 302
    task = _tasks(app, cast.event.id)[0]
    assert (task.owner_id, task.due_on) == (None, None)


def test_convener_ticks_a_step_off_and_opens_it_again(client, cast, app, checklist):
    client.login(cast.convener.email)
    page = f"/events/{cast.event.id}/preparation"
    tick = f"{page}/tasks/{checklist[1]}/done"
    assert client.submit(tick, {"done": "1"}, form_page=page).status_code == 302
    task = _tasks(app, cast.event.id)[1]
    assert task.done_by_id == cast.convener.id
    assert task.done_at is not None and abs(task.done_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert "1 of 9 steps done." in client.get(page).get_data(as_text=True)
    assert client.submit(tick, {"done": "0"}, form_page=page).status_code == 302
    task = _tasks(app, cast.event.id)[1]
    assert (task.done_at, task.done_by_id) == (None, None)


def test_ticking_twice_keeps_who_did_it_first(client, make_client, cast, app, checklist):
    page = f"/events/{cast.event.id}/preparation"
    tick = f"{page}/tasks/{checklist[0]}/done"
    client.login(cast.convener.email)
    client.submit(tick, {"done": "1"}, form_page=page)
    first = _tasks(app, cast.event.id)[0]
    other = make_client()
    other.login(cast.secretariat.email)
    other.submit(tick, {"done": "1"}, form_page=page)
    again = _tasks(app, cast.event.id)[0]
    assert (again.done_at, again.done_by_id) == (first.done_at, cast.convener.id)


def test_odd_tick_value_is_a_bad_request(client, cast, app, checklist):
    client.login(cast.convener.email)
    page = f"/events/{cast.event.id}/preparation"
    assert client.submit(f"{page}/tasks/{checklist[0]}/done", {"done": "maybe"}, form_page=page).status_code == 400
    assert _tasks(app, cast.event.id)[0].done_at is None


def test_owner_sees_and_ticks_only_their_own_steps(client, cast, app, checklist):
    _assign(app, checklist[3], cast.host.id)
    client.login(cast.host.email)
    page = f"/events/{cast.event.id}/preparation"
    text = client.get(page).get_data(as_text=True)
    assert "Introduction of stakeholders" in text and "Ground rules" not in text
    assert "Owner and due date" not in text and "Add a step" not in text
    assert client.submit(f"{page}/tasks/{checklist[3]}/done", {"done": "1"}, form_page=page).status_code == 302
    assert client.submit(f"{page}/tasks/{checklist[4]}/done", {"done": "1"}, form_page=page).status_code == 403
    assert client.get(f"{page}/tasks/{checklist[3]}").status_code == 403
    tasks = _tasks(app, cast.event.id)
    assert (tasks[3].done_by_id, tasks[4].done_at) == (cast.host.id, None)


REQUESTS = [
    ("get", "/events/{event}/preparation", None),
    ("post", "/events/{event}/preparation", {}),
    ("post", "/events/{event}/preparation/tasks", {"title": "Book interpreters", "due_on": ""}),
    ("get", "/events/{event}/preparation/tasks/{task}", None),
    ("post", "/events/{event}/preparation/tasks/{task}", {"owner_id": "", "due_on": "2031-01-01"}),
    ("post", "/events/{event}/preparation/tasks/{task}/done", {"done": "1"}),
]


def _send(client, role: str, method: str, url: str, data):
    if method == "get":
        return client.get(url)
    return client.submit(url, data, form_page="/login" if role == "anonymous" else "/")


@pytest.mark.parametrize("method,url,data", REQUESTS)
@pytest.mark.parametrize("role,expected", [
    ("anonymous", 302), ("outsider", 403), ("participant", 403), ("host", 403), ("steering", 403),
    ("convener", None), ("secretariat", None),
])
def test_only_those_preparing_the_event_use_the_checklist(client_as, cast, app, checklist, role, expected, method, url, data):
    client = client_as(role)
    response = _send(client, role, method, url.format(event=cast.event.id, task=checklist[0]), data)
    if expected is None:
        assert response.status_code in (200, 302)
        assert "/login" not in response.headers.get("Location", "")
        return
    assert response.status_code == expected
    if role == "anonymous":
        assert response.headers["Location"].startswith("/login")
    tasks = _tasks(app, cast.event.id)
    assert len(tasks) == 9
    assert (tasks[0].done_at, tasks[0].due_on) == (None, date(2031, 1, 4))


def test_convener_of_another_programme_cannot_prepare_this_event(client, cast, app):
    client.login(cast.convener.email)
    other = f"/events/{cast.other_event.id}/preparation"
    assert client.get(other).status_code == 403
    assert client.submit(other, {}, form_page="/").status_code == 403
    assert _tasks(app, cast.other_event.id) == []


@pytest.mark.parametrize("url", [
    "/events/999999/preparation",
    "/events/{event}/preparation/tasks/999999",
    "/events/{event}/preparation/tasks/{other_task}",
    "/events/{other_event}/preparation/tasks/{task}",
])
def test_unknown_or_mismatched_ids_are_404(client, cast, app, checklist, url):
    other_tasks = _create_checklist(app, cast.other_event.id)
    client.login(cast.secretariat.email)
    url = url.format(event=cast.event.id, other_event=cast.other_event.id, task=checklist[0], other_task=other_tasks[0])
    assert client.get(url).status_code == 404
    assert client.submit(url + "/done", {"done": "1"}, form_page="/").status_code == 404


def test_convener_adds_a_step_of_their_own(client, cast, app, checklist):
    client.login(cast.convener.email)
    response = client.submit(f"/events/{cast.event.id}/preparation/tasks",
                             {"title": "Book Portuguese–Swahili interpreters", "due_on": "2031-04-20"},
                             form_page=f"/events/{cast.event.id}/preparation")
    assert response.status_code == 302
    last = _tasks(app, cast.event.id)[-1]
    assert (last.title, last.due_on, last.position) == ("Book Portuguese–Swahili interpreters", date(2031, 4, 20), 10)


def test_a_step_needs_a_name_and_keeps_what_was_typed(client, cast, app, checklist):
    client.login(cast.convener.email)
    response = client.submit(f"/events/{cast.event.id}/preparation/tasks", {"title": " ", "due_on": "2031-04-20"},
                             form_page=f"/events/{cast.event.id}/preparation")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Give the step a name." in page and 'value="2031-04-20"' in page
    assert len(_tasks(app, cast.event.id)) == 9


def test_step_titles_are_escaped(client, cast, app):
    with app.app_context():
        services.add_task(db.session.get(Event, cast.event.id), "<script>alert(1)</script> visas", actor=None)
        db.session.commit()
    client.login(cast.convener.email)
    page = client.get(f"/events/{cast.event.id}/preparation").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; visas" in page
    assert "<script>alert(1)" not in page


@pytest.fixture
def soon(app, cast, make_event):
    """An event in ten days whose first three steps are late (one of them done), another in its programme."""
    event = make_event(title="Dialogue in Mwanza", programme_id=cast.programme.id,
                       starts_on=TODAY + timedelta(days=10), ends_on=TODAY + timedelta(days=11))
    task_ids = _create_checklist(app, event.id)
    _assign(app, task_ids[0], cast.host.id)
    with app.app_context():
        services.set_task_done(db.session.get(PreparationTask, task_ids[1]), True, actor=None)
        db.session.commit()
    return event


def test_late_steps_are_counted_and_marked(client, cast, soon):
    client.login(cast.convener.email)
    page = client.get(f"/events/{soon.id}/preparation").get_data(as_text=True)
    assert "1 of 9 steps done, <strong>2 late</strong>." in page
    assert page.count(">Late</strong>") == 2
    event_page = client.get(f"/events/{soon.id}").get_data(as_text=True)
    assert "1 of 9 steps done, <strong>2 late</strong>." in event_page


def test_late_overview_lists_late_steps_of_a_programme(app, cast, soon, make_event):
    elsewhere = make_event(title="Elsewhere", programme_id=cast.other_event.programme_id,
                           starts_on=TODAY + timedelta(days=5), ends_on=TODAY + timedelta(days=5))
    _create_checklist(app, elsewhere.id)
    _create_checklist(app, cast.event.id)  # in 2031: nothing late
    with app.test_request_context():
        late = services.late_tasks(TODAY, programme_id=cast.programme.id)
        assert [(t.event.title, t.title) for t in late] == [
            ("Dialogue in Mwanza", "Issue identification and clarification"),
            ("Dialogue in Mwanza", "Translation for all participants"),
        ]
        assert [t.title for t in services.late_tasks(TODAY, event_ids=[elsewhere.id])] == [
            "Issue identification and clarification", "Preparatory work and background papers",
            "Translation for all participants",
        ]
        html = render_template("preparation/_late_tasks.html", late_tasks=late)
        assert "Dialogue in Mwanza" in html and "Hélène Host" in html
        assert (TODAY - timedelta(days=110)).strftime("%d %b %Y") in html
        assert "No preparation step is late." in render_template("preparation/_late_tasks.html", late_tasks=[])


def test_late_overview_needs_one_scope(app):
    with app.app_context(), pytest.raises(TypeError):
        services.late_tasks(TODAY)


@pytest.mark.parametrize("role,sees", [("anonymous", False), ("participant", False), ("host", True), ("convener", True)])
def test_event_page_shows_progress_only_to_those_who_prepare_or_own_steps(client_as, cast, app, checklist, role, sees):
    _assign(app, checklist[0], cast.host.id)
    page = client_as(role).get(f"/events/{cast.event.id}").get_data(as_text=True)
    assert ("0 of 9 steps done" in page) is sees
    assert ("Open the checklist" in page) is sees


def test_event_page_offers_to_create_the_checklist(client, cast):
    client.login(cast.convener.email)
    page = client.get(f"/events/{cast.event.id}").get_data(as_text=True)
    assert "No checklist yet." in page and "Create the checklist" in page


def test_changes_are_logged_with_who_made_them(client, cast, app, checklist, caplog):
    client.login(cast.host.email)
    _assign(app, checklist[0], cast.host.id)
    page = f"/events/{cast.event.id}/preparation"
    with caplog.at_level("INFO", logger="dialogues.preparation.services"):
        client.submit(f"{page}/tasks/{checklist[0]}/done", {"done": "1"}, form_page=page)
    assert f"preparation task {checklist[0]} marked done by user {cast.host.id}" in caplog.messages
