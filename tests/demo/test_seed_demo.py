"""``flask seed-demo``: a realistic data set, safe to run twice, with one account per role."""
import sqlalchemy as sa

from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import Organisation, RoleGrant, User
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme

DEMO_ACCOUNTS = {
    "secretariat@example.org": Role.SECRETARIAT,
    "convener@example.org": Role.CONVENER,
    "host@example.org": Role.HOST,
    "steering@example.org": Role.STEERING_COMMITTEE,
    "participant@example.org": Role.PARTICIPANT,
}


def _counts():
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (User, Organisation, Programme, Event, RoleGrant)}


def test_seed_demo_twice_adds_nothing_the_second_time(runner, app):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    with app.app_context():
        after_first = _counts()
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    with app.app_context():
        assert _counts() == after_first
    for email in DEMO_ACCOUNTS:
        assert email in second.output


def test_demo_has_every_role_every_stakeholder_group_and_the_programmes(runner, app, make_client):
    runner.invoke(args=["seed-demo"])
    with app.app_context():
        for email, role in DEMO_ACCOUNTS.items():
            user = db.session.scalar(sa.select(User).where(User.email == email))
            assert {g.role for g in user.role_grants} == {role}
        groups = set(db.session.scalars(sa.select(User.stakeholder_group).distinct()))
        assert set(StakeholderGroup) <= groups
        names = db.session.scalars(sa.select(User.name)).all()
        assert any(not name.isascii() for name in names)
        learning_group_countries = set(db.session.scalars(
            sa.select(Programme.country).where(Programme.kind == ProgrammeKind.LEARNING_GROUP)))
        assert {"MZ", "TZ", "GH"} <= learning_group_countries
        cities = set(db.session.scalars(sa.select(Event.city)))
        assert {"Maputo", "Chimoio"} <= cities
    for email in DEMO_ACCOUNTS:
        make_client().login(email, "dialogues-demo")


def test_demo_walks_the_tfd_path(runner, app, make_client):
    runner.invoke(args=["seed-demo"])
    with app.app_context():
        from dialogues.initiatives.models import Initiative
        from dialogues.outcomes.models import Outcome
        from dialogues.proposals.enums import ProposalStatus
        from dialogues.proposals.models import IssueProposal

        statuses = {p.title: p.status for p in db.session.scalars(sa.select(IssueProposal))}
        assert statuses["Formalising artisanal and small-scale mining"] == ProposalStatus.SELECTED
        assert {ProposalStatus.PROPOSED, ProposalStatus.BEING_SCOPED, ProposalStatus.PARKED} <= set(statuses.values())
        initiative = db.session.scalar(sa.select(Initiative))
        assert initiative.proposal.title == "Formalising artisanal and small-scale mining"
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Outcome)) == 7
        mercury = db.session.scalar(sa.select(IssueProposal).where(IssueProposal.title == "Mercury-free gold processing"))
    steering = make_client()
    steering.login("steering@example.org", "dialogues-demo")
    page = steering.get(f"/proposals/{mercury.id}").get_data(as_text=True)
    assert "You will see the other members' scores once you have scored all six criteria." in page
