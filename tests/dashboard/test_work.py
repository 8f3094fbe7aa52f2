"""My events as a home for each role's work: what a person hosts, convenes, steers, reviews or attends."""
from datetime import date

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.registration.enums import RegistrationStatus
from tests.conftest import count_queries


def test_host_finds_the_event_they_host(client_as, cast):
    page = client_as("host").get("/my/events").get_data(as_text=True)
    assert "You have not registered" not in page and "You have no part" not in page
    assert f'href="/events/{cast.event.id}"' in page and "Field dialogue in Manica" in page
    assert "Host" in page


def test_convener_sees_applications_to_decide(client_as, cast, make_registration, make_user):
    for n in range(3):
        make_registration(event=cast.event, user=make_user(f"applicant{n}@example.org"), status=RegistrationStatus.APPLIED)
    page = client_as("convener").get("/my/events").get_data(as_text=True)
    assert "Formalising ASM" in page and "Convener" in page
    assert "3 applications to decide" in page
    assert f'href="/events/{cast.event.id}/registrations?status=applied"' in page


def test_invited_person_is_asked_to_answer(client_as, cast, make_registration, app):
    with app.app_context():
        participant = db.session.scalar(sa.select(User).where(User.email == cast.participant.email))
    registration_id = make_registration(event=cast.other_event, user=participant, status=RegistrationStatus.INVITED)
    page = client_as("participant").get("/my/events").get_data(as_text=True)
    assert "Workshop elsewhere" in page and "Answer your invitation" in page
    assert f'href="/registrations/{registration_id}"' in page


def test_someone_with_no_part_is_shown_where_to_start(client_as):
    page = client_as("outsider").get("/my/events").get_data(as_text=True)
    assert "You have no part in any event or programme yet." in page


def test_past_events_are_listed_apart(client_as, cast, make_event, make_user, app):
    old = make_event(title="Dialogue of 2019", starts_on=date(2019, 3, 1), ends_on=date(2019, 3, 2))
    with app.app_context():
        from dialogues.accounts import services as accounts
        host = db.session.scalar(sa.select(User).where(User.email == cast.host.email))
        accounts.grant_role(host, Role.HOST, event=db.session.get(Event, old.id), actor=None)
        db.session.commit()
    page = client_as("host").get("/my/events").get_data(as_text=True)
    assert page.index("Coming events") < page.index("Field dialogue in Manica") < page.index("Past events") \
        < page.index("Dialogue of 2019")


def test_query_count_does_not_grow_with_the_work(client, cast, make_event, make_registration, make_user, app):
    client.login(cast.convener.email)

    def queries():
        return count_queries(app, lambda: client.get("/my/events"))

    make_registration(event=cast.event, user=make_user(), status=RegistrationStatus.APPLIED)
    few = queries()
    for n in range(6):
        event = make_event(title=f"Dialogue {n}", programme_id=cast.programme.id)
        for _ in range(3):
            make_registration(event=event, user=make_user(), status=RegistrationStatus.APPLIED)
    with app.app_context():
        convener = db.session.scalar(sa.select(User).where(User.email == cast.convener.email))
        make_registration(event=cast.other_event, user=convener)
    assert queries() == few
    assert client.get("/my/events").get_data(as_text=True).count("3 applications to decide") == 6


def test_demo_people_see_their_work(runner, client, app):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    client.login("host@example.org", "dialogues-demo")
    page = client.get("/my/events").get_data(as_text=True)
    # The demo host prefers Portuguese: the page speaks it, the event keeps its own title.
    assert "Annual CASM Conference, Chimoio 2027" in page and "Anfitrião" in page
    client.logout()
    client.login("convener@example.org", "dialogues-demo")
    page = client.get("/my/events").get_data(as_text=True)
    # The demo convener prefers French.
    assert "Organisateur" in page and "points requièrent votre attention" in page
    client.logout()
    client.login("steering@example.org", "dialogues-demo")
    page = client.get("/my/events").get_data(as_text=True)
    assert "Steering committee" in page
