"""Asking for sponsorship and awarding it, in full or in part, never beyond the cap."""
from decimal import Decimal

import pytest

from dialogues.extensions import db
from dialogues.registration.enums import SponsorshipStatus
from dialogues.registration.models import SponsorshipRequest
from tests.registration.conftest import DETAILS

ASK = {"currency": "USD", "travel": "1250.50", "accommodation": "400", "per_diem": "120.25", "visa": "",
       "justification": "I represent 300 women miners of the cooperative and cannot pay the flight."}


def _register(client, event_id):
    response = client.submit(f"/events/{event_id}/register", DETAILS)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def _ask(client, event_id, **changes):
    registration_id = _register(client, event_id)
    response = client.submit(f"/registrations/{registration_id}/sponsorship", ASK | changes)
    assert response.status_code == 302, response.get_data(as_text=True)
    return registration_id


def _request(app, registration_id) -> SponsorshipRequest:
    with app.app_context():
        return db.session.scalar(db.select(SponsorshipRequest).where(SponsorshipRequest.registration_id == registration_id))


def test_request_keeps_amounts_as_decimal_with_currency(as_person, open_event, app):
    registration_id = _ask(as_person(0), open_event.id)
    request = _request(app, registration_id)
    assert (request.currency, request.travel, request.accommodation, request.per_diem, request.visa) == (
        "USD", Decimal("1250.50"), Decimal("400.00"), Decimal("120.25"), Decimal("0.00"))
    assert request.requested_total == Decimal("1770.75")


@pytest.mark.parametrize("changes,message", [
    ({"travel": "-5"}, "Cannot be negative."),
    ({"travel": "", "accommodation": "", "per_diem": ""}, "none negative, and not all zero"),
    ({"currency": "XYZ"}, "Not a valid choice"),
    ({"justification": ""}, "This field is required."),
    ({"travel": "lots"}, "Not a valid decimal value"),
])
def test_bad_requests_are_explained_and_kept(as_person, open_event, changes, message):
    client = as_person(0)
    registration_id = _register(client, open_event.id)
    response = client.submit(f"/registrations/{registration_id}/sponsorship", ASK | changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page
    if changes.get("justification", None) != "":
        assert "cannot pay the flight" in page


def test_convener_awards_in_part_and_the_person_sees_it(as_person, open_event, convener, app):
    client = as_person(0)
    registration_id = _ask(client, open_event.id)
    request = _request(app, registration_id)
    page = f"/sponsorships/{request.id}/decision"
    form = convener.get(page).get_data(as_text=True)
    assert 'value="1250.50"' in form
    response = convener.submit(page, {"decision": "award", "awarded_travel": "1000", "awarded_accommodation": "400",
                                      "awarded_per_diem": "120.25", "awarded_visa": "0", "note": "Economy fare only"})
    assert response.status_code == 302
    request = _request(app, registration_id)
    assert (request.status, request.awarded_travel, request.awarded_total) == (
        SponsorshipStatus.PARTLY_AWARDED, Decimal("1000.00"), Decimal("1520.25"))
    mine = client.get(f"/registrations/{registration_id}").get_data(as_text=True)
    assert "Partly awarded" in mine and "1,000.00" in mine and "Economy fare only" in mine


def test_award_cannot_exceed_what_was_asked(as_person, open_event, convener, app):
    request = _request(app, _ask(as_person(0), open_event.id))
    response = convener.submit(f"/sponsorships/{request.id}/decision", {
        "decision": "award", "awarded_travel": "5000", "awarded_accommodation": "0", "awarded_per_diem": "0", "awarded_visa": "0"})
    assert "An award cannot be more than was asked for on any item." in response.get_data(as_text=True)


def test_awards_never_pass_the_sponsored_cap(as_person, open_event, convener, app):
    first = _request(app, _ask(as_person(0), open_event.id))
    second = _request(app, _ask(as_person(1), open_event.id))
    full = {"decision": "award", "awarded_travel": "1250.50", "awarded_accommodation": "400",
            "awarded_per_diem": "120.25", "awarded_visa": "0"}
    assert convener.submit(f"/sponsorships/{first.id}/decision", full).status_code == 302
    response = convener.submit(f"/sponsorships/{second.id}/decision", full)
    assert "The 1 sponsored place is already awarded." in response.get_data(as_text=True)
    assert _request(app, second.registration_id).status == SponsorshipStatus.REQUESTED
    declined = convener.submit(f"/sponsorships/{second.id}/decision", {"decision": "decline", "note": "No places left"})
    assert declined.status_code == 302
    assert _request(app, second.registration_id).status == SponsorshipStatus.DECLINED


def test_only_conveners_decide_sponsorship(as_person, open_event, app):
    client = as_person(0)
    request = _request(app, _ask(client, open_event.id))
    assert client.get(f"/sponsorships/{request.id}/decision").status_code == 403
    assert as_person(1).get(f"/sponsorships/{request.id}/decision").status_code == 403
