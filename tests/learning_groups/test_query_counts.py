"""Learning-group pages send as many SQL statements for a large programme as for a small one."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.enums import ActivityKind, ActivityStatus, ReviewStatus
from dialogues.learning_groups.models import ProgressReport, WorkPlan
from dialogues.programmes.models import Programme
from tests.conftest import count_queries
from tests.learning_groups.conftest import group


def _grow(app, world, make_user, round_: int) -> None:
    """More groups, members, activities and indicator values: every page's lists get longer."""
    people = [make_user(f"person{round_}-{n}@example.org", f"Person {round_}-{n}") for n in range(3)]
    with app.app_context():
        lp = db.session.get(Programme, world.programme_id).learning_programme
        for n, country in enumerate(["GH", "BF", "PE", "BO"][round_ * 2:round_ * 2 + 2]):
            services.create_group(lp, actor=None, title=f"Learning group {round_}-{n}", country=country)
        g = group(world)
        for person in people:
            services.add_member(g, db.session.get(User, person.id), actor=None, joined_on=date(2026, 2, 1))
        plan = db.session.scalar(sa.select(WorkPlan).where(WorkPlan.group_id == world.group_id))
        report = db.session.scalar(sa.select(ProgressReport).where(ProgressReport.group_id == world.group_id))
        lead = services.memberships(g)[-1]
        # The plan is approved, so a revision is where new activities go: reopen it the way the service allows.
        plan.status = ReviewStatus.DRAFT
        for n in range(3):
            services.add_activity(plan, actor=None, kind=ActivityKind.TRAINING, title=f"Training {round_}-{n}",
                                  output_id=world.output_ids[n % 2], lead_member_id=lead.id,
                                  starts_on=date(2027, 3, 1), ends_on=date(2027, 6, 30))
        plan.status = ReviewStatus.APPROVED
        activities = {a.id: (ActivityStatus.DONE, f"done {a.id}") for a in plan.activities}
        report.status = ReviewStatus.DRAFT
        services.save_report(report, summary=f"Round {round_}", activities=activities, actor=None,
                             values={world.indicator_ids["meetings"]: (Decimal(3 + round_), "minutes"),
                                     world.indicator_ids["licensed"]: (Decimal(20 + round_), "register")})
        report.status = ReviewStatus.SUBMITTED
        db.session.commit()


def _pages(app, world) -> list[str]:
    with app.app_context():
        plan_id = db.session.scalar(sa.select(WorkPlan.id).where(WorkPlan.group_id == world.group_id))
        report_id = db.session.scalar(sa.select(ProgressReport.id).where(ProgressReport.group_id == world.group_id))
    return [f"/learning/{world.programme_id}", f"/learning/{world.programme_id}/dashboard?year=2027",
            f"/groups/{world.group_id}", f"/plans/{plan_id}", f"/reports/{report_id}"]


def test_learning_pages_do_not_grow_with_the_programme(app, world, client, make_user):
    with app.app_context():
        g = group(world)
        plan = services.create_plan(g, year=2027, actor=None)
        member = services.memberships(g)[0]
        services.add_activity(plan, actor=None, kind=ActivityKind.RESEARCH, title="Baseline study",
                              output_id=world.output_ids[0], lead_member_id=member.id,
                              starts_on=date(2027, 2, 1), ends_on=date(2027, 11, 30))
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=None)
        services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=None)
        report = services.create_report(g, period_start=date(2027, 1, 1), actor=None)
        report.status = ReviewStatus.SUBMITTED
        db.session.commit()
    client.login(world.secretariat.email)
    pages = _pages(app, world)
    for url in pages:  # first visits make rows (the programme's rules) that later visits only read
        assert client.get(url).status_code == 200, url

    def counts() -> list[int]:
        found = []
        for url in pages:
            found.append(count_queries(app, lambda: client.get(url)))
        return found

    _grow(app, world, make_user, 0)
    small = counts()
    _grow(app, world, make_user, 1)
    assert counts() == small, pages
