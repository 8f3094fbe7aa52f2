"""The issue's "done when", tried through the pages as people would, with real form posts and CSRF."""
import re
from datetime import date

import sqlalchemy as sa

from dialogues.extensions import db
from dialogues.learning_groups.enums import ReviewStatus
from dialogues.learning_groups.models import GroupMember, IndicatorValue, PlanActivity, ProgressReport, WorkPlan
from tests.learning_groups.conftest import group


def _achieved(client, programme_id, year=2027):
    page = client.get(f"/learning/{programme_id}/dashboard?year={year}").get_data(as_text=True)
    return re.findall(r'class="achieved">[^:]+: ([^<]+)<', page)


def test_host_plans_reports_and_the_dashboard_moves_by_exactly_the_values(app, client, make_client, world):
    host = client
    host.login(world.coordinator.email)
    g = f"/groups/{world.group_id}"

    # The coordinator adds a member (someone new, with a name in Portuguese).
    response = host.submit(f"{g}/members/new", {
        "email": "lucia.mabunda@example.org", "name": "Lúcia Mabunda", "stakeholder_group": "local_community",
        "organisation_name": "Comité de Gestão Comunitária", "gender": "woman", "languages": ["pt"],
        "joined_on": "2026-11-01"})
    assert response.status_code == 302
    page = host.get(g).get_data(as_text=True)
    assert "Lúcia Mabunda" in page and "Comité de Gestão Comunitária" in page

    # Adding her twice says so and changes nothing.
    again = host.submit(f"{g}/members/new", {"email": "lucia.mabunda@example.org", "name": "Lúcia",
                                             "joined_on": "2026-11-02"})
    assert again.status_code == 200 and "already a member" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(GroupMember)
                                 .where(GroupMember.group_id == world.group_id)) == 2

    # The 2027 plan: three activities against two outputs, then submitted.
    response = host.submit(f"{g}/plans/new", {"year": "2027", "summary": "Licensing in Manica"})
    plan_url = response.headers["Location"]
    plan_id = int(plan_url.rsplit("/", 1)[1])
    for title, kind, output in [("Study of licence backlogs", "research", 0), ("Miners' licence clinics", "training", 1),
                                ("Meet the provincial director", "engaging_decision_makers", 0)]:
        response = host.submit(f"/plans/{plan_id}/activities/new", {
            "kind": kind, "title": title, "output_id": str(world.output_ids[output]), "status": "planned",
            "starts_on": "2027-02-01", "ends_on": "2027-10-31"})
        assert response.status_code == 302, response.get_data(as_text=True)
    duplicate = host.submit(f"{g}/plans/new", {"year": "2027"})
    assert "already has a work plan for 2027" in duplicate.get_data(as_text=True)
    host.submit(f"/plans/{plan_id}/status", {"status": "submitted", "reason": ""}, form_page=f"/plans/{plan_id}")

    # The secretariat returns it with a comment, the host resubmits, the secretariat approves.
    secretariat = make_client()
    secretariat.login(world.secretariat.email)
    response = secretariat.submit(f"/plans/{plan_id}/status", {"status": "returned", "reason": ""},
                                  form_page=f"/plans/{plan_id}")
    assert response.status_code == 400 and "Say what should change" in response.get_data(as_text=True)
    secretariat.submit(f"/plans/{plan_id}/status", {"status": "returned", "reason": "Name a lead for each activity"},
                       form_page=f"/plans/{plan_id}")
    assert "Name a lead for each activity" in host.get(f"/plans/{plan_id}").get_data(as_text=True)
    host.submit(f"/plans/{plan_id}/status", {"status": "submitted", "reason": "Leads named"},
                form_page=f"/plans/{plan_id}")
    secretariat.submit(f"/plans/{plan_id}/status", {"status": "approved", "reason": ""}, form_page=f"/plans/{plan_id}")
    with app.app_context():
        plan = db.session.get(WorkPlan, plan_id)
        assert plan.status == ReviewStatus.APPROVED
        assert [d.to_status for d in plan.decisions] == ["submitted", "returned", "submitted", "approved"]

    # The half-year report; a value of the wrong unit is refused and nothing is saved.
    response = host.submit(f"{g}/reports/new", {"period_start": "2027-01-01"})
    report_id = int(response.headers["Location"].split("/")[-2])
    meetings, licensed = world.indicator_ids["meetings"], world.indicator_ids["licensed"]
    wrong = host.submit(f"/reports/{report_id}/edit", {
        "summary": "Half a meeting?", f"indicator_{meetings}_value": "2.5", f"indicator_{licensed}_value": "25"})
    assert "give a whole number" in wrong.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue)) == 0
        assert db.session.get(ProgressReport, report_id).summary == ""
    before = _achieved(secretariat, world.programme_id)
    host.submit(f"/reports/{report_id}/edit", {
        "summary": "Clinics held", f"indicator_{meetings}_value": "4", f"indicator_{meetings}_evidence": "Minutes",
        f"indicator_{licensed}_value": "22.5", f"indicator_{licensed}_evidence": "Cadastre extract"})
    host.submit(f"/reports/{report_id}/status", {"status": "submitted"}, form_page=f"/reports/{report_id}")
    assert _achieved(secretariat, world.programme_id) == before == ["—", "—"]
    secretariat.submit(f"/reports/{report_id}/status", {"status": "approved"}, form_page=f"/reports/{report_id}")
    assert _achieved(secretariat, world.programme_id) == ["4", "22.5"]


def test_group_with_two_members_and_no_miners_shows_its_warning(app, client, world):
    with app.app_context():
        from dialogues.learning_groups import services
        services.end_membership(services.memberships(group(world))[0], left_on=date(2026, 5, 1), actor=None)
        db.session.commit()
    client.login(world.coordinator.email)
    for n in (1, 2):
        client.submit(f"/groups/{world.group_id}/members/new", {
            "email": f"official{n}@example.org", "name": f"Official {n}", "stakeholder_group": "government",
            "joined_on": "2026-06-01"})
    page = client.get(f"/groups/{world.group_id}").get_data(as_text=True)
    warnings = page[page.index('id="balance-warnings"'):page.index("</div>", page.index('id="balance-warnings"'))]
    assert "2 members" in warnings and "at least 3" in warnings
    assert "Artisanal and small-scale miners and their associations" in warnings
    assert "100.0 %" in warnings


def test_joining_waits_for_the_coordinators_decision(app, client, make_client, world):
    client.login(world.outsider.email)
    client.submit(f"/groups/{world.group_id}/join", {"note": "I run a cooperative in Manica"})
    assert client.get(f"/groups/{world.group_id}").status_code == 200
    with app.app_context():
        request = db.session.scalar(sa.select(GroupMember).where(GroupMember.user_id == world.outsider.id))
        assert request.status == "requested"
        request_id = request.id
    coordinator = make_client()
    coordinator.login(world.coordinator.email)
    coordinator.submit(f"/groups/{world.group_id}/members/{request_id}/decide",
                       {"decision": "accept", "joined_on": "2026-12-01"})
    with app.app_context():
        assert db.session.get(GroupMember, request_id).status == "active"
    # Now a member, she sees the others.
    assert "João Muianga" in client.get(f"/groups/{world.group_id}").get_data(as_text=True)


def test_activity_of_another_plan_is_not_found(app, client, world):
    client.login(world.coordinator.email)
    response = client.submit(f"/groups/{world.group_id}/plans/new", {"year": "2027"})
    plan_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        from dialogues.learning_groups import services
        from dialogues.learning_groups.models import LearningGroup
        other = services.create_plan(db.session.get(LearningGroup, world.other_group_id), year=2027, actor=None)
        activity = services.add_activity(other, actor=None, kind="research", title="Elsewhere",
                                         output_id=world.output_ids[0])
        db.session.commit()
        activity_id = activity.id
    assert client.get(f"/plans/{plan_id}/activities/{activity_id}/edit").status_code == 404
    with app.app_context():
        assert db.session.get(PlanActivity, activity_id) is not None
