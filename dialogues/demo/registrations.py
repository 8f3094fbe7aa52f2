"""Demo registrations: a dialogue filling up with a waiting list and sponsorship requests."""
from decimal import Decimal

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.registration import services as registrations
from dialogues.registration import sponsorship as sponsorships
from dialogues.registration.enums import CostItem, RegistrationMode

SPONSORSHIP_ASKS = {
    "participant@example.org": ("USD", "I speak for 300 women miners of our cooperative; we cannot pay the flight from "
                                "Puerto Maldonado.", {CostItem.TRAVEL: Decimal("420.00"),
                                                      CostItem.ACCOMMODATION: Decimal("360.00"),
                                                      CostItem.PER_DIEM: Decimal("150.00")}),
    "nusta.condori@example.net": ("PEN", "Community monitor from Madre de Dios; no budget for travel.",
                                  {CostItem.TRAVEL: Decimal("900.00"), CostItem.PER_DIEM: Decimal("300.00")}),
}


def seed_registrations(event: Event, *, convener: User) -> None:
    """Fill ``event`` (a dialogue) with registrations from the demo people: a few more than fit."""
    if db.session.scalar(sa.select(sa.func.count()).select_from(registrations.Registration)
                         .where(registrations.Registration.event_id == event.id)):
        return
    people = db.session.scalars(sa.select(User).where(User.password_hash.is_(None)).order_by(User.id)).all()
    event.registration_mode = RegistrationMode.OPEN
    # A small room, so the demo shows a waiting list; most places are sponsored, as at TFD.
    event.capacity = 12
    event.sponsored_places = 8
    participant = db.session.scalar(sa.select(User).where(User.email == "participant@example.org"))
    for person in [participant, *people[:13]]:
        details = registrations.details_from_profile(person)
        details["listed"] = person.id % 3 != 0
        registration = registrations.register(event, person, actor=person, **details)
        ask = SPONSORSHIP_ASKS.get(person.email)
        if ask is not None:
            currency, why, amounts = ask
            sponsorship = sponsorships.request_sponsorship(registration, actor=person, currency=currency,
                                                           justification=why, amounts=amounts)
            if person.email != "participant@example.org":
                sponsorships.award_sponsorship(sponsorship, actor=convener, amounts=amounts, note="Welcome!")
    db.session.flush()
