"""Registration messages go out in the recipient's preferred language, whoever caused them."""
import sqlalchemy as sa
import vobject

from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.mail.models import MailMessage
from dialogues.registration.enums import RegistrationMode, RegistrationStatus
from dialogues.registration.models import Registration
from tests.registration.conftest import DETAILS


def _messages(app, kind: str) -> list[MailMessage]:
    with app.app_context():
        return db.session.scalars(sa.select(MailMessage).where(MailMessage.kind == kind).order_by(MailMessage.id)).all()


def test_swahili_participant_gets_the_confirmation_in_swahili(make_user, make_client, open_event, app):
    user = make_user("neema@example.org", "Neema Mollel", preferred_language="sw")
    client = make_client()
    client.login(user.email)
    page = client.submit(f"/events/{open_event.id}/register", DETAILS, follow_redirects=True)
    assert "Nafasi yako imethibitishwa. Tumekutumia maelezo kwa barua pepe." in page.get_data(as_text=True)
    [message] = _messages(app, "registration_confirmed")
    assert message.to_address == "neema@example.org"
    assert message.subject == "Nafasi yako imethibitishwa: Field dialogue in Madre de Dios"
    assert message.body.startswith("Ndugu Neema Mollel,\n")
    assert "Habari njema: nafasi yako katika Field dialogue in Madre de Dios imethibitishwa." in message.body
    # Dates written out in Swahili, the country in Swahili too.
    assert ("Litafanyika kuanzia Jumapili, 13 Aprili 2031 hadi Jumatano, 16 Aprili 2031, "
            "katika Puerto Maldonado, Peru.") in message.body
    assert message.body.endswith("Kwa salamu za dhati,\nWaandaaji\n")
    assert "Dear" not in message.body and "confirmed" not in message.body
    invitation = vobject.readOne(message.ical)
    assert invitation.vevent.description.value.startswith(
        "Nafasi yako katika Field dialogue in Madre de Dios imethibitishwa.")


def test_a_convener_reading_english_confirms_in_the_applicants_language(
        make_user, make_client, open_event, convener, app):
    with app.app_context():
        db.session.execute(sa.update(Event).values(registration_mode=RegistrationMode.REVIEW))
        db.session.commit()
    applicant = make_user("ana@example.org", "Ana Quispe", preferred_language="es")
    client = make_client()
    client.login(applicant.email)
    client.submit(f"/events/{open_event.id}/register", DETAILS)
    [received] = _messages(app, "application_received")
    assert received.subject == "Hemos recibido su solicitud: Field dialogue in Madre de Dios"
    with app.app_context():
        registration_id = db.session.scalar(sa.select(Registration.id).where(Registration.user_id == applicant.id))
    manage = f"/events/{open_event.id}/registrations"
    page = convener.submit(f"/registrations/{registration_id}/confirm", {}, form_page=manage, follow_redirects=True)
    assert "Ana Quispe: confirmed." in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Registration, registration_id).status == RegistrationStatus.CONFIRMED
    [confirmed] = _messages(app, "registration_confirmed")
    assert confirmed.subject == "Su plaza está confirmada: Field dialogue in Madre de Dios"
    assert "Se celebra del domingo, 13 de abril de 2031 al miércoles, 16 de abril de 2031" in confirmed.body


def test_an_english_reader_gets_english_whatever_the_senders_browser(make_user, make_client, open_event, app):
    user = make_user("john@example.org", "John Banda")
    client = make_client()
    client.login(user.email)
    client.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "pt-BR,pt;q=0.9"
    client.submit(f"/events/{open_event.id}/register", DETAILS)
    [message] = _messages(app, "registration_confirmed")
    assert message.subject == "Your place is confirmed: Field dialogue in Madre de Dios"
    assert "from Sunday, 13 April 2031 to Wednesday, 16 April 2031" in message.body
