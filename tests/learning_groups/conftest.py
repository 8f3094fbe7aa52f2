"""A learning-group programme with the Mozambique group, its coordinator, members and the people around it."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from dialogues.accounts.enums import Gender, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.enums import IndicatorUnit
from dialogues.learning_groups.models import LearningGroup
from dialogues.permissions import Role
from dialogues.programmes.models import Programme


@dataclass
class World:
    programme_id: int  # the learning-group programme
    group_id: int  # the Mozambique group's programme
    output_ids: list[int]
    indicator_ids: dict[str, int]  # "meetings" (number), "licensed" (percentage)
    secretariat: User
    convener: User
    coordinator: User
    member: User
    other_coordinator: User
    outsider: User
    other_group_id: int


def lp(app_world):
    return db.session.get(Programme, app_world.programme_id).learning_programme


def group(world) -> LearningGroup:
    return db.session.get(LearningGroup, world.group_id)


@pytest.fixture
def world(app, make_user) -> World:
    secretariat = make_user("secretariat@example.org", "Rosa Macuácua", roles=[(Role.SECRETARIAT, None)])
    coordinator = make_user("coordinator@example.org", "Célia Mondlane", stakeholder_group=StakeholderGroup.CIVIL_SOCIETY)
    member = make_user("member@example.org", "João Muianga", stakeholder_group=StakeholderGroup.ASM,
                       gender=Gender.MAN, country="MZ")
    other_coordinator = make_user("tz.coordinator@example.org", "Neema Mushi")
    outsider = make_user("outsider@example.org", "Olga Outsider")
    with app.app_context():
        programme = services.create_learning_programme(actor=None, title="ASM learning groups")
        group_ = services.create_group(programme, actor=None, title="Mozambique ASM learning group", country="MZ")
        other = services.create_group(programme, actor=None, title="Tanzania ASM learning group", country="TZ")
        services.set_host(group_, organisation_name="Kuwuka JDA", coordinator=db.session.get(User, coordinator.id),
                          actor=None)
        services.set_host(other, organisation_name="HakiMadini", coordinator=db.session.get(User, other_coordinator.id),
                          actor=None)
        services.add_member(group_, db.session.get(User, member.id), actor=None, joined_on=date(2026, 1, 10))
        first = services.add_output(programme, theme="Governance", actor=None,
                                    title="Illegal and corrupt practice reduced through practical approaches")
        second = services.add_output(programme, theme="Livelihoods", actor=None,
                                     title="Miners' licences obtained through simpler procedures")
        meetings = services.add_indicator(first, name="Meetings with decision makers", unit=IndicatorUnit.NUMBER,
                                          baseline=Decimal(0), targets={2027: Decimal(12)}, actor=None)
        licensed = services.add_indicator(second, name="Share of members' sites licensed",
                                          unit=IndicatorUnit.PERCENTAGE, baseline=Decimal(10),
                                          targets={2027: Decimal(30)}, actor=None)
        ids = (programme.programme_id, group_.programme_id, [first.id, second.id],
               {"meetings": meetings.id, "licensed": licensed.id}, other.programme_id)
        db.session.commit()
    convener = make_user("convener@example.org", "Amadou Ouédraogo")
    with app.app_context():
        from dialogues.accounts.services import grant_role
        grant_role(db.session.get(User, convener.id), Role.CONVENER, programme=db.session.get(Programme, ids[0]),
                   actor=None)
        db.session.commit()
    return World(ids[0], ids[1], ids[2], ids[3], secretariat, convener, coordinator, member, other_coordinator,
                 outsider, ids[4])
