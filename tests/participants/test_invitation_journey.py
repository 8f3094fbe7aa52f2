"""Invitations from any door: a CSV-invited person accepts from their registration page; conveners resend
and see when an invitation was sent, opened and answered; an expired link says how to get a new one."""
import re

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.events.enums import EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.mail.models import MailMessage
from dialogues.registration import services
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration
from tests.registration.conftest import DETAILS

CSV = "email,name,organisation,country,stakeholder_group\namina@example.org,Amina Mwale,Manica Miners,MZ,asm\n"


def _open(app, event_id):
    with app.app_context():
        db.session.get(Event, event_id).change_status(EventStatus.OPEN)
        db.session.commit()


def _amina(app):
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "amina@example.org"))
        registration = db.session.scalar(sa.select(Registration).where(Registration.user_id == user.id))
        body = db.session.scalars(sa.select(MailMessage.body).where(MailMessage.to_address == user.email)
                                  .order_by(MailMessage.id)).all()
        return registration, body


def test_csv_invited_person_sets_a_password_then_accepts_from_their_registration(
        client_as, cast, app, upload_csv, make_client):
    _open(app, cast.event.id)
    convener = client_as("convener")
    assert upload_csv(cast.event.id, CSV.encode()).status_code == 302
    registration, bodies = _amina(app)
    assert registration.invitation_sent_at is not None and registration.invitation_opened_at is None
    account_link = re.search(r"https?://[^/\s]+(/account-link/[^\s?]+)", bodies[-1]).group(1)

    amina = make_client()
    page = amina.get(account_link)
    assert page.status_code == 200
    assert amina.submit(account_link, {"password": "a long new password", "confirm": "a long new password"}).status_code == 302
    work = amina.get("/my/events").get_data(as_text=True)
    assert "Answer your invitation" in work
    shown = amina.get(f"/registrations/{registration.id}").get_data(as_text=True)
    assert "Open the link in your invitation email" not in shown
    assert f'href="/registrations/{registration.id}/accept"' in shown
    form = amina.get(f"/registrations/{registration.id}/accept").get_data(as_text=True)
    assert "Accept the invitation" in form and f'href="/registrations/{registration.id}/cancel"' in form
    assert amina.submit(f"/registrations/{registration.id}/accept", DETAILS).status_code == 302
    registration, _ = _amina(app)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.invitation_opened_at is not None and registration.invitation_answered_at is not None
    manage = convener.get(f"/events/{cast.event.id}/registrations").get_data(as_text=True)
    assert "Invitation sent" in manage and "answered" in manage


def test_invited_person_declines_from_the_registration_page(client_as, cast, app, upload_csv, make_client):
    _open(app, cast.event.id)
    client_as("convener")
    upload_csv(cast.event.id, CSV.encode())
    registration, bodies = _amina(app)
    amina = make_client()
    link = re.search(r"https?://[^/\s]+(/account-link/[^\s?]+)", bodies[-1]).group(1)
    amina.submit(link, {"password": "a long new password", "confirm": "a long new password"}, form_page=link)
    asked = amina.get(f"/registrations/{registration.id}/cancel").get_data(as_text=True)
    assert "Decline the invitation to" in asked
    amina.submit(f"/registrations/{registration.id}/cancel", {"confirmed": "1"}, form_page=f"/registrations/{registration.id}")
    registration, _ = _amina(app)
    assert registration.status == RegistrationStatus.DECLINED and registration.invitation_answered_at is not None


def test_convener_resends_an_unanswered_invitation(client_as, cast, app, upload_csv):
    _open(app, cast.event.id)
    convener = client_as("convener")
    upload_csv(cast.event.id, CSV.encode())
    registration, bodies = _amina(app)
    manage = f"/events/{cast.event.id}/registrations"
    page = convener.get(manage).get_data(as_text=True)
    assert f'action="/registrations/{registration.id}/resend-invitation"' in page and "not opened" in page
    response = convener.submit(f"/registrations/{registration.id}/resend-invitation", {}, form_page=manage,
                               follow_redirects=True)
    assert "The invitation is sent again to Amina Mwale." in response.get_data(as_text=True)
    again, after = _amina(app)
    assert len(after) == len(bodies) + 1 and "/invitations/" in after[-1]
    assert again.invitation_sent_at >= registration.invitation_sent_at


def test_others_cannot_resend(client_as, cast, app, make_registration, make_user):
    registration_id = make_registration(event=cast.event, user=make_user(), status=RegistrationStatus.INVITED)
    client = client_as("host")
    assert client.submit(f"/registrations/{registration_id}/resend-invitation", {}, form_page="/").status_code == 403


def test_an_expired_link_says_so_and_how_to_get_a_new_one(client_as, cast, app, make_registration):
    with app.app_context():
        participant = db.session.scalar(sa.select(User).where(User.email == cast.participant.email))
    registration_id = make_registration(event=cast.other_event, user=participant, status=RegistrationStatus.INVITED)
    with app.app_context():
        token = services.invitation_token(db.session.get(Registration, registration_id))
    client = client_as("participant")
    assert client.get(f"/invitations/{token}").status_code == 200  # still valid: the form to answer
    app.config["INVITATION_LINK_DAYS"] = -1
    response = client.get(f"/invitations/{token}")
    text = response.get_data(as_text=True)
    assert response.status_code == 410
    assert "This invitation link has expired" in text
    assert f'href="/registrations/{registration_id}/accept"' in text and "send the invitation again" in text
