"""The learning-group demo: three groups with hosts and members, two years of plans and reports,
and the coming international learning event with a slot per team; loading twice adds nothing."""
import sqlalchemy as sa

from dialogues.agenda.enums import ItemKind
from dialogues.agenda.models import AgendaItem
from dialogues.extensions import db
from dialogues.learning_groups.enums import MembershipStatus, ReviewStatus
from dialogues.learning_groups.models import (
    GroupMember, IndicatorValue, LearningGroup, ProgressReport, TeamPresentation, WorkPlan,
)

MODELS = (LearningGroup, GroupMember, WorkPlan, ProgressReport, IndicatorValue, TeamPresentation, AgendaItem)


def _counts():
    return {m.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(m)) for m in MODELS}


def test_demo_groups_plans_reports_and_the_learning_event(runner, app, make_client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        first = _counts()
        groups = db.session.scalars(sa.select(LearningGroup)).all()
        assert sorted(g.country for g in groups) == ["GH", "MZ", "TZ"]
        for group in groups:
            assert group.host_organisation is not None and group.coordinator is not None
            members = [m for m in group.memberships if m.status == MembershipStatus.ACTIVE]
            assert len(members) >= 4
            approved = {p.year for p in db.session.scalars(sa.select(WorkPlan).where(
                WorkPlan.group_id == group.programme_id, WorkPlan.status == ReviewStatus.APPROVED))}
            assert approved == {2025, 2026}
            reports = db.session.scalars(sa.select(ProgressReport).where(
                ProgressReport.group_id == group.programme_id)).all()
            assert len([r for r in reports if r.status == ReviewStatus.APPROVED]) == 3
        names = set(db.session.scalars(sa.select(GroupMember).where(GroupMember.status == MembershipStatus.ACTIVE)))
        assert {"Lúcia Mabunda", "Ngʼwanza Mwakyusa", "Kwame Asante-Ɔfori"} <= {m.user.name for m in names}
        presentations = db.session.scalars(sa.select(TeamPresentation)).all()
        assert len(presentations) == 3 and len({p.event_id for p in presentations}) == 1
        event_id = presentations[0].event_id
        kinds = [i.kind for i in db.session.scalars(sa.select(AgendaItem).where(AgendaItem.event_id == event_id))]
        assert kinds.count(ItemKind.FIELD_VISIT) == 1 and kinds.count(ItemKind.PLENARY) == 3
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        assert _counts() == first
    client = make_client()
    client.login("coordinator@example.org", "dialogues-demo")
    page = client.get(f"/events/{event_id}/teams").get_data(as_text=True)
    # The demo coordinator prefers Portuguese: countries are named in it.
    assert all(country in page for country in ("Moçambique", "Tanzânia", "Gana"))
