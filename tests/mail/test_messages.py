"""Each registration message queues one message, to the registrant, with the facts they need."""
import logging
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa
import vobject

from dialogues.extensions import db
from dialogues.mail.cli import mail_cli
from dialogues.mail.models import MailMessage
from dialogues.registration import messages
from dialogues.registration.enums import RegistrationStatus, SponsorshipStatus
from dialogues.registration.models import Registration, SponsorshipRequest

BASE_URL = "https://dialogues.example.org"


@pytest.fixture
def registration(app, make_event, make_user, make_registration):
    """Amina's registration for a four-day field dialogue in Manica; the site lives at BASE_URL."""
    app.config["BASE_URL"] = BASE_URL
    event = make_event(venue="Centro Cultural")
    user = make_user("amina@example.org", "Amina Mwale")
    return make_registration(event=event, user=user)


def _queue(app, registration_id: int, function, *args, **changes) -> list[MailMessage]:
    """Call a message function on the registration, commit, and return every queued message."""
    with app.app_context():
        registration = db.session.get(Registration, registration_id)
        for name, value in changes.items():
            setattr(registration, name, value)
        function(registration, *args)
        db.session.commit()
        return db.session.scalars(sa.select(MailMessage).order_by(MailMessage.id)).all()


WHEN = "from Sunday, 4 May 2031 to Wednesday, 7 May 2031, in Centro Cultural, Manica, Mozambique."


@pytest.mark.parametrize("function, kind, subject, says", [
    (messages.application_received, "application_received", "We have your application", "will read your application"),
    (messages.waitlisted, "waitlisted", "You are on the waiting list", "If a place becomes free"),
    (messages.offer_expired, "offer_expired", "The place offered to you has gone", "the time to accept it has passed"),
    (messages.registration_cancelled, "registration_cancelled", "You are no longer registered",
     "contact the organisers"),
])
def test_plain_messages(app, registration, function, kind, subject, says):
    [message] = _queue(app, registration, function)
    assert (message.to_address, message.kind) == ("amina@example.org", kind)
    assert message.subject == f"{subject}: Field dialogue in Manica"
    assert message.body.startswith("Dear Amina Mwale,\n")
    assert says in message.body
    assert message.ical is None


@pytest.mark.parametrize("function", [messages.application_received, messages.waitlisted,
                                      messages.registration_confirmed, messages.registration_cancelled])
def test_messages_say_when_and_where_and_link_to_the_event(app, registration, function):
    [message] = _queue(app, registration, function)
    assert WHEN in message.body
    assert f"{BASE_URL}/events/1" in message.body


def test_confirmation_carries_a_request_invitation(app, registration):
    [message] = _queue(app, registration, messages.registration_confirmed)
    assert (message.to_address, message.kind, message.ical_method) == (
        "amina@example.org", "registration_confirmed", "REQUEST")
    assert message.subject == "Your place is confirmed: Field dialogue in Manica"
    calendar = vobject.readOne(message.ical)
    assert calendar.method.value == "REQUEST"
    assert calendar.vevent.dtstart.value == date(2031, 5, 4)
    assert calendar.vevent.attendee.value == "mailto:amina@example.org"
    assert calendar.vevent.url.value == f"{BASE_URL}/events/1"


def test_cancellation_of_a_declined_registration_is_neutral(app, registration):
    [message] = _queue(app, registration, messages.registration_cancelled, status=RegistrationStatus.DECLINED)
    assert "You are no longer registered for Field dialogue in Manica." in message.body
    assert "cancelled" not in message.body


def test_offer_states_the_deadline_in_the_event_time_zone_and_goes_once(app, registration):
    expires = datetime(2031, 4, 30, 12, 0, tzinfo=UTC)
    _queue(app, registration, messages.place_offered, status=RegistrationStatus.WAITLISTED, offer_expires_at=expires)
    [message] = _queue(app, registration, messages.place_offered)
    assert (message.to_address, message.kind) == ("amina@example.org", "place_offered")
    assert "before 14:00 on Wednesday, 30 April 2031 (Africa/Maputo time, UTC+02:00)." in message.body
    assert message.dedupe_key == f"offer:{registration}:{expires.isoformat()}"
    later = datetime(2031, 5, 1, 12, 0, tzinfo=UTC)
    assert len(_queue(app, registration, messages.place_offered, offer_expires_at=later)) == 2


def test_invitation_gives_the_personal_link_and_never_logs_it(app, registration, runner, caplog):
    caplog.set_level(logging.DEBUG)
    token = "InR0b2tlbi1zZWNyZXQi.personal-token-xyz"
    [message] = _queue(app, registration, messages.invitation, token)
    assert (message.to_address, message.kind) == ("amina@example.org", "invitation")
    assert f"{BASE_URL}/invitations/{token}" in message.body
    with app.app_context():
        assert runner.invoke(mail_cli, ["send"]).exit_code == 0
        listed = runner.invoke(mail_cli, ["list"])
    assert "You are invited: Field dialogue in Manica" in listed.output
    assert token not in listed.output
    assert token not in caplog.text


def test_invitation_keeps_a_full_link_as_given(app, registration):
    [message] = _queue(app, registration, messages.invitation, "https://other.example.org/invitations/abc")
    assert "https://other.example.org/invitations/abc" in message.body


def test_links_follow_the_request_without_base_url(app, make_registration):
    registration_id = make_registration()
    with app.test_request_context(base_url="https://host.example.org"):
        messages.waitlisted(db.session.get(Registration, registration_id))
        assert "https://host.example.org/events/1" in db.session.scalar(sa.select(MailMessage.body))


def test_base_url_wins_over_the_request_host(app, registration):
    with app.test_request_context(base_url="https://attacker.example.net"):
        messages.waitlisted(db.session.get(Registration, registration))
        body = db.session.scalar(sa.select(MailMessage.body))
    assert f"{BASE_URL}/events/1" in body
    assert "attacker" not in body


def test_base_url_with_a_path_prefix(app, registration):
    app.config["BASE_URL"] = "https://example.org/dialogues/"
    [message] = _queue(app, registration, messages.waitlisted)
    assert "https://example.org/dialogues/events/1" in message.body


def test_messages_leave_out_the_link_when_the_site_address_is_unknown(app, make_registration):
    [message] = _queue(app, make_registration(), messages.registration_confirmed)
    assert "http" not in message.body
    assert "URL" not in message.ical


def _sponsorship(app, registration_id: int, **fields) -> int:
    with app.app_context():
        request = SponsorshipRequest(registration_id=registration_id, currency="USD", justification="Travel from Tete",
                                     travel=Decimal("1250"), accommodation=Decimal("600"), visa=Decimal("80"), **fields)
        db.session.add(request)
        db.session.commit()
        return request.id


def _decide(app, request_id: int) -> MailMessage:
    with app.app_context():
        messages.sponsorship_decided(db.session.get(SponsorshipRequest, request_id))
        db.session.commit()
        return db.session.scalar(sa.select(MailMessage))


def test_partly_awarded_sponsorship_lists_amounts_per_item(app, registration):
    request_id = _sponsorship(app, registration, status=SponsorshipStatus.PARTLY_AWARDED,
                              awarded_travel=Decimal("1250.00"), awarded_accommodation=Decimal("300.5"),
                              awarded_per_diem=Decimal("0"), awarded_visa=Decimal("0"),
                              decision_note="Accommodation is shared.")
    message = _decide(app, request_id)
    assert (message.to_address, message.kind) == ("amina@example.org", "sponsorship_decided")
    assert message.subject == "Your sponsorship is awarded: Field dialogue in Manica"
    assert "is awarded in part." in message.body
    assert "- Travel: 1,250.00 USD\n" in message.body
    assert "- Accommodation: 300.50 USD (you asked for 600.00 USD)\n" in message.body
    assert "- Visa costs: 0.00 USD (you asked for 80.00 USD)\n" in message.body
    assert "Per diem" not in message.body
    assert "- Total: 1,550.50 USD\n" in message.body
    assert "A note from the organisers:\nAccommodation is shared." in message.body


def test_fully_awarded_sponsorship(app, registration):
    request_id = _sponsorship(app, registration, status=SponsorshipStatus.AWARDED, awarded_travel=Decimal("1250"),
                              awarded_accommodation=Decimal("600"), awarded_per_diem=Decimal("0"),
                              awarded_visa=Decimal("80"))
    message = _decide(app, request_id)
    assert "Good news: your sponsorship to attend Field dialogue in Manica is awarded." in message.body
    assert "you asked for" not in message.body
    assert "- Total: 1,930.00 USD\n" in message.body


def test_declined_sponsorship_gives_the_note(app, registration):
    request_id = _sponsorship(app, registration, status=SponsorshipStatus.DECLINED,
                              decision_note="All sponsored places are taken.")
    message = _decide(app, request_id)
    assert message.subject == "Your sponsorship request: Field dialogue in Manica"
    assert "We cannot sponsor you to attend Field dialogue in Manica." in message.body
    assert "A note from the organisers:\nAll sponsored places are taken." in message.body
    assert "USD" not in message.body


def test_long_dates_and_money():
    assert messages.long_date(date(2031, 5, 5)) == "Monday, 5 May 2031"
    assert messages.money(Decimal("1250"), "USD") == "1,250.00 USD"
    assert messages.money(Decimal("0.5"), "EUR") == "0.50 EUR"
