"""Groups, members, plans and reports through the services, as a CLI or test would call them."""
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import User
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.enums import ActivityKind, MembershipStatus, ReviewStatus
from dialogues.learning_groups.models import GroupMember, WorkPlan
from tests.learning_groups.conftest import group, lp


def _user(app, user):
    return db.session.get(User, user.id)


def test_member_added_twice_is_refused_and_nothing_changes(app, world):
    with app.app_context():
        g = group(world)
        with pytest.raises(DomainError, match="already a member"):
            services.add_member(g, _user(app, world.member), actor=None, joined_on=date(2026, 3, 1))
        db.session.rollback()
        count = db.session.scalar(sa.select(sa.func.count()).select_from(GroupMember)
                                  .where(GroupMember.group_id == world.group_id))
        assert count == 1


def test_leaving_keeps_history_and_rejoining_is_a_new_row(app, world):
    with app.app_context():
        g = group(world)
        member = services.memberships(g)[0]
        services.end_membership(member, left_on=date(2026, 6, 30), actor=None)
        again = services.add_member(g, _user(app, world.member), actor=None, joined_on=date(2027, 1, 5))
        db.session.commit()
        rows = services.memberships(group(world))
        assert [(m.status, m.joined_on, m.left_on) for m in rows] == [
            (MembershipStatus.ACTIVE, date(2027, 1, 5), None),
            (MembershipStatus.LEFT, date(2026, 1, 10), date(2026, 6, 30)),
        ]
        assert again.id != member.id


def test_balance_warns_small_group_without_miners_and_dominant_group(app, world, make_user):
    with app.app_context():
        g = group(world)
        warnings = services.group_balance(g, services.memberships(g)).warnings
        assert any("1 member" in w and "at least 3" in w for w in warnings)
        assert not any("requires" in w for w in warnings)
        services.end_membership(services.memberships(g)[0], left_on=date(2026, 2, 1), actor=None)
        for n in range(2):
            person = User(email=f"gov{n}@example.org", name=f"Official {n}", languages=[],
                          stakeholder_group=StakeholderGroup.GOVERNMENT)
            db.session.add(person)
            services.add_member(g, person, actor=None, joined_on=date(2026, 3, 1))
        warnings = services.group_balance(g, services.memberships(g)).warnings
        assert any("2 members" in w for w in warnings)
        assert any("Artisanal and small-scale miners" in w and "requires" in w for w in warnings)
        assert any("Government" in w and "100.0 %" in w for w in warnings)


def _plan_with_activities(world, actor):
    g = group(world)
    plan = services.create_plan(g, year=2027, actor=actor)
    member = services.memberships(g)[0]
    for n, (kind, output) in enumerate([(ActivityKind.RESEARCH, 0), (ActivityKind.TRAINING, 1),
                                        (ActivityKind.ENGAGING_DECISION_MAKERS, 0)]):
        services.add_activity(plan, actor=actor, kind=kind, title=f"Activity {n}", output_id=world.output_ids[output],
                              lead_member_id=member.id, starts_on=date(2027, 2, 1), ends_on=date(2027, 11, 30))
    return plan


def test_plan_review_returned_then_approved_keeps_who_when_why(app, world):
    with app.app_context():
        coordinator, secretariat = _user(app, world.coordinator), _user(app, world.secretariat)
        plan = _plan_with_activities(world, coordinator)
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=coordinator)
        with pytest.raises(DomainError, match="Say what should change"):
            services.change_plan_status(plan, ReviewStatus.RETURNED, reason="  ", actor=secretariat)
        services.change_plan_status(plan, ReviewStatus.RETURNED, reason="Budget lines missing", actor=secretariat)
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="Added", actor=coordinator)
        services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=secretariat)
        db.session.commit()
        plan = db.session.get(WorkPlan, plan.id)
        assert [(d.from_status, d.to_status, d.reason, d.decided_by_id) for d in plan.decisions] == [
            (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, "", world.coordinator.id),
            (ReviewStatus.SUBMITTED, ReviewStatus.RETURNED, "Budget lines missing", world.secretariat.id),
            (ReviewStatus.RETURNED, ReviewStatus.SUBMITTED, "Added", world.coordinator.id),
            (ReviewStatus.SUBMITTED, ReviewStatus.APPROVED, "", world.secretariat.id),
        ]
        assert all(d.decided_at is not None for d in plan.decisions)


def test_approved_plan_is_frozen_and_a_revision_supersedes_it(app, world):
    with app.app_context():
        coordinator = _user(app, world.coordinator)
        plan = _plan_with_activities(world, coordinator)
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=coordinator)
        services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=None)
        with pytest.raises(DomainError, match="no longer be changed"):
            services.add_activity(plan, actor=coordinator, kind=ActivityKind.OTHER, title="Late idea",
                                  output_id=world.output_ids[0])
        with pytest.raises(DomainError, match="cannot become"):
            services.change_plan_status(plan, ReviewStatus.RETURNED, reason="x", actor=None)
        revision = services.revise_plan(plan, actor=coordinator)
        assert (revision.revision, revision.status, len(revision.activities)) == (2, ReviewStatus.DRAFT, 3)
        assert services.approved_plan(group(world), 2027).id == plan.id
        services.change_plan_status(revision, ReviewStatus.SUBMITTED, reason="", actor=coordinator)
        services.change_plan_status(revision, ReviewStatus.APPROVED, reason="", actor=None)
        assert plan.status == ReviewStatus.SUPERSEDED
        assert services.approved_plan(group(world), 2027).id == revision.id


def test_second_plan_for_a_year_is_refused(app, world):
    with app.app_context():
        services.create_plan(group(world), year=2027, actor=None)
        with pytest.raises(DomainError, match="already has a work plan for 2027"):
            services.create_plan(group(world), year=2027, actor=None)


def _approved_report(world, values):
    g = group(world)
    plan = _plan_with_activities(world, None)
    services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=None)
    services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=None)
    report = services.create_report(g, period_start=date(2027, 1, 1), actor=None)
    services.save_report(report, summary="First half", activities={}, values=values, actor=None)
    services.change_report_status(report, ReviewStatus.SUBMITTED, reason="", actor=None)
    return report


def test_indicator_value_of_the_wrong_unit_is_refused_and_nothing_saved(app, world):
    with app.app_context():
        report = _approved_report(world, {})
        services.change_report_status(report, ReviewStatus.RETURNED, reason="Values missing", actor=None)
        with pytest.raises(DomainError, match="whole number"):
            services.save_report(report, summary="changed", activities={}, actor=None, values={
                world.indicator_ids["meetings"]: (Decimal("2.5"), "")})
        with pytest.raises(DomainError, match="between 0 and 100"):
            services.save_report(report, summary="changed", activities={}, actor=None, values={
                world.indicator_ids["licensed"]: (Decimal("140"), "")})
        assert report.values == [] and report.summary == "First half"


def test_dashboard_rolls_up_approved_values_only(app, world):
    with app.app_context():
        report = _approved_report(world, {world.indicator_ids["meetings"]: (Decimal(5), "Minutes"),
                                          world.indicator_ids["licensed"]: (Decimal(20), "Cadastre")})
        _, before = services.dashboard(lp(world), 2027)
        assert [f.achieved for f in before] == [None, None]
        services.change_report_status(report, ReviewStatus.APPROVED, reason="", actor=None)
        _, after = services.dashboard(lp(world), 2027)
        assert [(f.indicator.name, f.achieved, f.target, f.by_group) for f in after] == [
            ("Meetings with decision makers", Decimal(5), Decimal(12), {world.group_id: Decimal(5)}),
            ("Share of members' sites licensed", Decimal("20.00"), Decimal(30), {world.group_id: Decimal("20.00")}),
        ]


def test_reports_due_and_overdue_are_reminded_once(app, world):
    with app.app_context():
        plan = _plan_with_activities(world, None)
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=None)
        services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=None)
        db.session.commit()
        # The first half-year's report is due on 30 July 2027.
        soon = services.send_report_reminders(date(2027, 7, 20), dry_run=False)
        assert [(r.kind, r.to, r.due_on) for r in soon] == [("due_soon", "coordinator@example.org", date(2027, 7, 30))]
        assert services.send_report_reminders(date(2027, 7, 21), dry_run=False) == []
        late = services.send_report_reminders(date(2027, 8, 2), dry_run=False)
        assert [r.kind for r in late] == ["overdue"]
        assert services.send_report_reminders(date(2027, 8, 3), dry_run=False) == []
