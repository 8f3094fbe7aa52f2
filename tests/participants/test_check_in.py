"""Check-in on the day: hosts and conveners mark who attended."""
import pytest

from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.participants import services
from dialogues.permissions import Role
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration

S = RegistrationStatus


def _mark(client, event_id: int, registration_id: int, attended: str = "1", **fields):
    return client.submit(f"/events/{event_id}/check-in/{registration_id}", {"attended": attended, **fields},
                         form_page=f"/events/{event_id}/check-in")


@pytest.mark.parametrize("role", ["host", "convener", "secretariat"])
def test_host_and_convener_check_people_in(client_as, cast, register, registration, role):
    registration_id = register(cast.event, name="Amina Mwale")
    client = client_as(role)
    response = _mark(client, cast.event.id, registration_id)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/events/{cast.event.id}/check-in#registration-{registration_id}"
    checked = registration(registration_id)
    assert (checked.status, checked.checked_in_by_id) == (S.ATTENDED, getattr(cast, role).id)
    assert checked.attended_at is not None
    page = client.get(f"/events/{cast.event.id}/check-in").get_data(as_text=True)
    assert "Amina Mwale is checked in." in page and "✓ Present" in page
    assert "<strong>1</strong> of 1 confirmed participants are checked in." in page


def test_a_check_in_can_be_undone(client_as, cast, register, registration):
    registration_id = register(cast.event)
    client = client_as("host")
    _mark(client, cast.event.id, registration_id, "1")
    assert _mark(client, cast.event.id, registration_id, "0").status_code == 302
    undone = registration(registration_id)
    assert (undone.status, undone.attended_at, undone.checked_in_by_id) == (S.CONFIRMED, None, None)


def test_a_second_check_in_keeps_the_first(client_as, cast, register, registration, make_client):
    registration_id = register(cast.event)
    _mark(client_as("host"), cast.event.id, registration_id)
    first = registration(registration_id)
    convener = make_client()
    convener.login(cast.convener.email)
    assert _mark(convener, cast.event.id, registration_id).status_code == 302
    second = registration(registration_id)
    assert (second.attended_at, second.checked_in_by_id) == (first.attended_at, cast.host.id)


@pytest.mark.parametrize("status", [S.INVITED, S.APPLIED, S.WAITLISTED, S.DECLINED, S.CANCELLED])
def test_only_confirmed_people_can_be_checked_in(client_as, cast, register, registration, status):
    registration_id = register(cast.event, name="Dario Applied", status=status)
    client = client_as("host")
    response = _mark(client, cast.event.id, registration_id)
    assert response.status_code == 302
    assert registration(registration_id).status == status
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"Dario Applied is {status.label.lower()}: only confirmed participants can be checked in." in page


def test_check_in_service_refuses_other_statuses(app, cast, register):
    registration_id = register(cast.event, status=S.WAITLISTED)
    with app.app_context():
        with pytest.raises(DomainError, match="only confirmed participants can be checked in"):
            services.check_in(db.session.get(Registration, registration_id), True, actor=None)


def test_a_registration_of_another_event_is_404(client_as, cast, register, registration):
    elsewhere = register(cast.other_event)
    assert _mark(client_as("convener"), cast.event.id, elsewhere).status_code == 404
    assert registration(elsewhere).status == S.CONFIRMED


def test_an_unknown_registration_is_404(client_as, cast):
    assert _mark(client_as("host"), cast.event.id, 999999).status_code == 404


def test_a_bad_form_is_400(client_as, cast, register, registration):
    registration_id = register(cast.event)
    assert _mark(client_as("host"), cast.event.id, registration_id, "yes").status_code == 400
    assert registration(registration_id).status == S.CONFIRMED


@pytest.mark.parametrize("role", ["participant", "outsider", "steering"])
def test_others_may_not_check_in(client_as, cast, register, registration, role):
    registration_id = register(cast.event)
    client = client_as(role)
    assert client.get(f"/events/{cast.event.id}/check-in").status_code == 403
    response = client.submit(f"/events/{cast.event.id}/check-in/{registration_id}", {"attended": "1"},
                             form_page=f"/events/{cast.event.id}")
    assert response.status_code == 403
    assert registration(registration_id).status == S.CONFIRMED


def test_anonymous_is_sent_to_log_in(client, cast, register, registration):
    registration_id = register(cast.event)
    assert "/login" in client.get(f"/events/{cast.event.id}/check-in").headers["Location"]
    response = client.submit(f"/events/{cast.event.id}/check-in/{registration_id}", {"attended": "1"},
                             form_page="/login")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert registration(registration_id).status == S.CONFIRMED


def test_host_of_another_event_may_not_check_in_here(client_as, cast, register, make_user):
    other_host = make_user("other.host@example.org", roles=[(Role.HOST, cast.other_event)])
    registration_id = register(cast.event)
    client = client_as("anonymous")
    client.login(other_host.email)
    assert client.get(f"/events/{cast.event.id}/check-in").status_code == 403
    assert _mark(client, cast.other_event.id, registration_id).status_code == 404


def test_the_list_shows_confirmed_people_and_finds_them_by_name(client_as, cast, register):
    register(cast.event, name="Amina Mwale")
    register(cast.event, name="Amílcar Sousa", status=S.ATTENDED)
    register(cast.event, name="Bruno Santos")
    register(cast.event, name="Amélia Applied", status=S.APPLIED)
    client = client_as("host")
    page = client.get(f"/events/{cast.event.id}/check-in").get_data(as_text=True)
    assert [n for n in ("Amina Mwale", "Amílcar Sousa", "Bruno Santos", "Amélia Applied") if n in page] == [
        "Amina Mwale", "Amílcar Sousa", "Bruno Santos"]
    assert "<strong>1</strong> of 3 confirmed participants are checked in." in page
    found = client.get(f"/events/{cast.event.id}/check-in?q=AM").get_data(as_text=True)
    assert "Amina Mwale" in found and "Amílcar Sousa" in found and "Bruno Santos" not in found
    assert 'value="AM"' in found
    assert "Nobody matches “%”." in client.get(f"/events/{cast.event.id}/check-in?q=%25").get_data(as_text=True)


def test_the_list_pages_and_a_check_in_returns_to_the_same_page_and_search(client_as, cast, register, registration):
    ids = [register(cast.event, name=f"Mineiro {n:03d}") for n in range(60)]
    client = client_as("host")
    first = client.get(f"/events/{cast.event.id}/check-in?q=mineiro").get_data(as_text=True)
    assert "Mineiro 049" in first and "Mineiro 050" not in first and "Page 1 of 2 (60 in all)" in first
    assert f'href="/events/{cast.event.id}/check-in?q=mineiro&amp;page=2"' in first
    second = client.get(f"/events/{cast.event.id}/check-in?q=mineiro&page=2").get_data(as_text=True)
    assert "Mineiro 059" in second
    response = _mark(client, cast.event.id, ids[55], q="mineiro", page="2")
    assert response.headers["Location"] == f"/events/{cast.event.id}/check-in?q=mineiro&page=2#registration-{ids[55]}"
    assert registration(ids[55]).status == S.ATTENDED
