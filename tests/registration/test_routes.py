"""Registering for events: places, the waiting list with offers that lapse, invitations, My events."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from dialogues.accounts.models import RoleGrant
from dialogues.core.columns import utcnow
from dialogues.events.enums import EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.mail.models import MailMessage
from dialogues.permissions import Role
from dialogues.registration import services
from dialogues.registration.enums import RegistrationMode, RegistrationStatus
from dialogues.registration.models import Registration
from tests.conftest import csrf_token
from tests.registration.conftest import DETAILS


def _status(app, registration_id):
    with app.app_context():
        return db.session.get(Registration, registration_id).status


def _register(client, event_id, **changes):
    response = client.submit(f"/events/{event_id}/register", DETAILS | changes)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_form_starts_from_the_profile(as_person, open_event):
    page = as_person(0).get(f"/events/{open_event.id}/register").get_data(as_text=True)
    assert '<option selected value="asm">' in page and '<option selected value="PE">' in page


def test_registering_confirms_a_place_and_grants_the_participant_role(as_person, open_event, app, people):
    registration_id = _register(as_person(0), open_event.id)
    with app.app_context():
        registration = db.session.get(Registration, registration_id)
        assert (registration.status, registration.interpretation_needs, registration.visa_letter_needed, registration.listed) == (
            RegistrationStatus.CONFIRMED, "Spanish to English", True, True)
        assert db.session.scalar(sa.select(RoleGrant.role).where(
            RoleGrant.user_id == people[0].id, RoleGrant.event_id == open_event.id)) == Role.PARTICIPANT
        assert db.session.scalar(sa.select(MailMessage.kind).where(MailMessage.to_address == people[0].email)) is not None


def test_full_event_puts_people_on_the_waiting_list_in_order(as_person, open_event, app):
    ids = [_register(as_person(n), open_event.id) for n in range(5)]
    assert [_status(app, i) for i in ids] == [RegistrationStatus.CONFIRMED] * 3 + [RegistrationStatus.WAITLISTED] * 2
    page = as_person(3).get(f"/registrations/{ids[3]}").get_data(as_text=True)
    assert "You are on the waiting list" in page


def test_freed_place_is_offered_to_the_next_person_who_takes_it(as_person, open_event, app):
    clients = [as_person(n) for n in range(5)]
    ids = [_register(c, open_event.id) for c in clients]
    clients[1].submit(f"/registrations/{ids[1]}/cancel", {"confirmed": "1"}, form_page=f"/registrations/{ids[1]}")
    with app.app_context():
        first_waiting = db.session.get(Registration, ids[3])
        assert first_waiting.has_offer and first_waiting.offer_expires_at > utcnow() + timedelta(hours=47)
        assert not db.session.get(Registration, ids[4]).has_offer
    assert "A place has freed up for you." in clients[3].get(f"/registrations/{ids[3]}").get_data(as_text=True)
    clients[3].submit(f"/registrations/{ids[3]}/accept-offer", {}, form_page=f"/registrations/{ids[3]}")
    assert _status(app, ids[3]) == RegistrationStatus.CONFIRMED
    assert _status(app, ids[4]) == RegistrationStatus.WAITLISTED


def test_offer_not_taken_in_time_passes_to_the_next_person(as_person, open_event, app):
    clients = [as_person(n) for n in range(5)]
    ids = [_register(c, open_event.id) for c in clients]
    clients[0].submit(f"/registrations/{ids[0]}/cancel", {"confirmed": "1"}, form_page=f"/registrations/{ids[0]}")
    with app.app_context():
        lapsed = services.expire_offers(now=utcnow() + timedelta(hours=49))
        db.session.commit()
        assert lapsed == 1
        assert db.session.get(Registration, ids[3]).status == RegistrationStatus.CANCELLED
        assert db.session.get(Registration, ids[4]).has_offer
        kinds = db.session.scalars(sa.select(MailMessage.kind).where(MailMessage.to_address == "miner4@example.org")).all()
        assert len(kinds) == 3  # waiting list, offer, offer lapsed
    response = clients[3].submit(f"/registrations/{ids[3]}/accept-offer", {}, form_page=f"/registrations/{ids[3]}",
                                 follow_redirects=True)
    assert "cannot" in response.get_data(as_text=True) or "lapsed" in response.get_data(as_text=True)


def test_expire_offers_command_for_cron(as_person, open_event, app, runner):
    clients = [as_person(n) for n in range(4)]
    ids = [_register(c, open_event.id) for c in clients]
    clients[0].submit(f"/registrations/{ids[0]}/cancel", {"confirmed": "1"}, form_page=f"/registrations/{ids[0]}")
    with app.app_context():
        db.session.execute(sa.update(Registration).where(Registration.id == ids[3]).values(
            offer_expires_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    result = runner.invoke(args=["registration", "expire-offers"])
    assert result.exit_code == 0, result.output
    assert "1 offer lapsed" in result.output
    assert _status(app, ids[3]) == RegistrationStatus.CANCELLED


def test_review_mode_takes_applications_for_conveners_to_confirm(as_person, open_event, convener, app):
    with app.app_context():
        db.session.execute(sa.update(Event).values(registration_mode=RegistrationMode.REVIEW))
        db.session.commit()
    registration_id = _register(as_person(0), open_event.id)
    assert _status(app, registration_id) == RegistrationStatus.APPLIED
    manage = f"/events/{open_event.id}/registrations"
    assert "Minero 1" in convener.get(manage).get_data(as_text=True)
    convener.submit(f"/registrations/{registration_id}/confirm", {}, form_page=manage)
    assert _status(app, registration_id) == RegistrationStatus.CONFIRMED


def test_convener_cannot_confirm_beyond_capacity(as_person, open_event, convener, app):
    with app.app_context():
        db.session.execute(sa.update(Event).values(registration_mode=RegistrationMode.REVIEW, capacity=1))
        db.session.commit()
    ids = [_register(as_person(n), open_event.id) for n in range(2)]
    manage = f"/events/{open_event.id}/registrations"
    convener.submit(f"/registrations/{ids[0]}/confirm", {}, form_page=manage)
    response = convener.submit(f"/registrations/{ids[1]}/confirm", {}, form_page=manage, follow_redirects=True)
    assert "The event is full: no place is free to confirm." in response.get_data(as_text=True)
    assert _status(app, ids[1]) == RegistrationStatus.APPLIED


def test_invitation_only_event_needs_the_personal_link(as_person, open_event, app, people):
    with app.app_context():
        db.session.execute(sa.update(Event).values(registration_mode=RegistrationMode.INVITATION))
        db.session.commit()
    client = as_person(0)
    response = client.submit(f"/events/{open_event.id}/register", DETAILS, follow_redirects=True)
    assert "by invitation only" in response.get_data(as_text=True)
    with app.app_context():
        registration = services.invite(db.session.get(Event, open_event.id), db.session.get(type(people[0]), people[0].id), actor=None)
        token = services.invitation_token(registration)
        db.session.commit()
        registration_id = registration.id
    assert as_person(1).get(f"/invitations/{token}").status_code == 403
    assert client.get("/invitations/forged-token").status_code == 404
    response = client.submit(f"/invitations/{token}", DETAILS)
    assert response.status_code == 302
    assert _status(app, registration_id) == RegistrationStatus.CONFIRMED


def test_registration_closed_unless_open(as_person, make_event):
    event = make_event(status=EventStatus.PLANNED)
    response = as_person(0).submit(f"/events/{event.id}/register", DETAILS, follow_redirects=True)
    assert "Registration is not open for this event." in response.get_data(as_text=True)


def test_bad_registration_input_is_reported_and_kept(as_person, open_event):
    response = as_person(0).submit(f"/events/{open_event.id}/register", DETAILS | {"country": "", "dietary_needs": "Halal"})
    page = response.get_data(as_text=True)
    assert "Choose your country." in page and "Halal" in page


def test_my_events_lists_own_registrations_only(as_person, open_event, make_event):
    client = as_person(0)
    _register(client, open_event.id)
    page = client.get("/my/events").get_data(as_text=True)
    assert "Field dialogue in Madre de Dios" in page and "Confirmed" in page
    assert "Field dialogue in Madre de Dios" not in as_person(1).get("/my/events").get_data(as_text=True)


def test_cancelling_asks_first_and_the_answer_cancels(as_person, open_event, app):
    person = as_person(0)
    registration_id = _register(person, open_event.id)
    page = person.get(f"/registrations/{registration_id}").get_data(as_text=True)
    assert f'action="/registrations/{registration_id}/cancel"' in page
    asked = person.submit(f"/registrations/{registration_id}/cancel", {}, form_page=f"/registrations/{registration_id}")
    text = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "Cancel your registration for Field dialogue in Madre de Dios?" in text
    assert 'name="confirmed" value="1"' in text and f'href="/registrations/{registration_id}"' in text
    assert _status(app, registration_id) == RegistrationStatus.CONFIRMED
    assert "Cancel your registration" in person.get(f"/registrations/{registration_id}/cancel").get_data(as_text=True)
    assert _status(app, registration_id) == RegistrationStatus.CONFIRMED
    done = person.submit(f"/registrations/{registration_id}/cancel", {"confirmed": "1"}, form_page=f"/registrations/{registration_id}")
    assert done.status_code == 302
    assert _status(app, registration_id) == RegistrationStatus.CANCELLED


def test_people_cannot_see_or_change_others_registrations(as_person, open_event):
    registration_id = _register(as_person(0), open_event.id)
    other = as_person(1)
    assert other.get(f"/registrations/{registration_id}").status_code == 403
    token = csrf_token(other, "/")
    assert other.post(f"/registrations/{registration_id}/cancel", data={"csrf_token": token}).status_code == 403
    assert other.get(f"/registrations/{registration_id}/sponsorship").status_code == 403


@pytest.mark.parametrize("role,expected", [("participant", 403), ("host", 403), ("steering", 403), ("outsider", 403),
                                           ("convener", 200), ("secretariat", 200), ("anonymous", 302)])
def test_who_manages_registrations(client_as, cast, role, expected):
    assert client_as(role).get(f"/events/{cast.event.id}/registrations").status_code == expected


def test_event_page_offers_registration_and_shows_places(as_person, open_event):
    client = as_person(0)
    page = client.get(f"/events/{open_event.id}").get_data(as_text=True)
    assert "3 places, 3 free" in page and f"/events/{open_event.id}/register" in page
    _register(client, open_event.id)
    page = client.get(f"/events/{open_event.id}").get_data(as_text=True)
    assert "3 places, 2 free" in page and "Your registration" in page
