from datetime import date

import pytest

from dialogues.accounts.enums import StakeholderGroup
from dialogues.events.enums import EventStatus
from dialogues.permissions import Role

DETAILS = {
    "stakeholder_group": "asm", "organisation_name": "Cooperativa Sol Naciente", "country": "PE",
    "languages": ["es", "qu"], "interpretation_needs": "Spanish to English", "access_needs": "",
    "dietary_needs": "Vegetarian", "visa_letter_needed": "y", "listed": "y",
}


@pytest.fixture
def open_event(make_programme, make_event):
    """An open field dialogue with 3 places, 1 of them sponsored, in a programme with a convener."""
    programme = make_programme(title="Formalising ASM")
    return make_event(title="Field dialogue in Madre de Dios", programme_id=programme.id, status=EventStatus.OPEN,
                      capacity=3, sponsored_places=1, offer_hours=48, starts_on=date(2031, 4, 13),
                      ends_on=date(2031, 4, 16), timezone="America/Lima", country="PE", city="Puerto Maldonado")


@pytest.fixture
def convener(open_event, make_user, make_client, app):
    from dialogues.extensions import db
    from dialogues.programmes.models import Programme
    with app.app_context():
        programme = db.session.get(Programme, open_event.programme_id)
        user = make_user("convener@example.org", "Chidi Convener", roles=[(Role.CONVENER, programme)])
    client = make_client()
    client.login(user.email)
    return client


@pytest.fixture
def people(make_user):
    return [make_user(f"miner{n}@example.org", f"Minero {n}", stakeholder_group=StakeholderGroup.ASM, country="PE")
            for n in range(1, 6)]


@pytest.fixture
def as_person(make_client, people):
    def login(n):
        client = make_client()
        client.login(people[n].email)
        return client
    return login
