"""Who may do what on learning groups, tried by every role through the pages; and the published parts."""
from datetime import date

import pytest
import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.core.enums import Visibility
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.enums import ActivityKind, ReviewStatus
from dialogues.programmes.models import Programme
from tests.learning_groups.conftest import group

ROLES = ["anonymous", "outsider", "member", "other_coordinator", "coordinator", "convener", "secretariat"]
LOGIN = 302


@pytest.fixture
def setting(app, world):
    """The Mozambique group made participants-only, with a submitted plan and a submitted report."""
    with app.app_context():
        g = group(world)
        db.session.get(Programme, world.group_id).visibility = Visibility.PARTICIPANTS
        plan = services.create_plan(g, year=2026, actor=None)
        services.add_activity(plan, actor=None, kind=ActivityKind.RESEARCH, title="Study", output_id=world.output_ids[0])
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=None)
        services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=None)
        draft = services.create_plan(g, year=2027, actor=None)
        services.add_activity(draft, actor=None, kind=ActivityKind.TRAINING, title="Clinics",
                              output_id=world.output_ids[1])
        services.change_plan_status(draft, ReviewStatus.SUBMITTED, reason="", actor=None)
        report = services.create_report(g, period_start=date(2026, 1, 1), actor=None)
        services.change_report_status(report, ReviewStatus.SUBMITTED, reason="", actor=None)
        member_id = services.memberships(g)[0].id
        db.session.commit()
        return {"plan": plan.id, "draft": draft.id, "report": report.id, "member": member_id}


GROUP_PEOPLE = {"member", "coordinator", "convener", "secretariat"}
CASES = [
    # (method, url, allowed)
    ("GET", lambda w, s: f"/groups/{w.group_id}", GROUP_PEOPLE),
    ("GET", lambda w, s: f"/plans/{s['plan']}", GROUP_PEOPLE),
    ("GET", lambda w, s: f"/reports/{s['report']}", GROUP_PEOPLE),
    ("GET", lambda w, s: f"/groups/{w.group_id}/members/new", {"coordinator", "secretariat"}),
    ("GET", lambda w, s: f"/groups/{w.group_id}/members/{s['member']}/leave", {"coordinator", "secretariat"}),
    ("GET", lambda w, s: f"/groups/{w.group_id}/settings", {"coordinator", "secretariat"}),
    ("GET", lambda w, s: f"/groups/{w.group_id}/plans/new", {"coordinator", "secretariat"}),
    ("GET", lambda w, s: f"/groups/{w.group_id}/reports/new", {"coordinator", "secretariat"}),
    ("GET", lambda w, s: f"/groups/{w.group_id}/host", {"secretariat"}),
    ("GET", lambda w, s: f"/learning/{w.programme_id}/outputs/new", {"convener", "secretariat"}),
    ("GET", lambda w, s: f"/learning/{w.programme_id}/groups/new", {"secretariat"}),
    ("GET", lambda w, s: f"/learning/{w.programme_id}/events/new", {"convener", "secretariat"}),
    # A participants-only group: only those it already knows may ask to join (the page refuses them twice).
    ("GET", lambda w, s: f"/groups/{w.group_id}/join", GROUP_PEOPLE),
]


def _client(client, world, role):
    if role != "anonymous":
        client.login(getattr(world, role).email)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_pages_per_role(client, world, setting, role):
    """Every page tried by one role (one test per role keeps the matrix fast)."""
    c = _client(client, world, role)
    for method, url, allowed in CASES:
        target = url(world, setting)
        response = c.get(target)
        if role in allowed:
            expected = 200
        elif role == "anonymous":
            expected = LOGIN
        else:
            expected = 403
        assert response.status_code == expected, f"{role} {target}"
        if expected == LOGIN:
            assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_only_reviewers_approve_and_only_the_host_submits(app, client, world, setting, role):
    """The review form offers each role only its own moves; a forged move is refused."""
    c = _client(client, world, role)
    page = c.get(f"/plans/{setting['draft']}")
    body = page.get_data(as_text=True)
    may_decide = role in {"convener", "secretariat"}
    assert ('value="approved"' in body) == may_decide
    if role == "anonymous":
        return
    from tests.conftest import csrf_token
    token = csrf_token(c.client, "/")
    response = c.post(f"/plans/{setting['draft']}/status", data={"csrf_token": token, "status": "approved"})
    with app.app_context():
        status = db.session.scalar(sa.select(services.WorkPlan.status).where(services.WorkPlan.id == setting["draft"]))
    if may_decide:
        assert response.status_code == 302 and status == ReviewStatus.APPROVED
    else:
        assert response.status_code in (400, 403) and status == ReviewStatus.SUBMITTED


def test_the_public_sees_only_what_the_group_publishes(app, client, world, setting):
    with app.app_context():
        db.session.get(Programme, world.group_id).visibility = Visibility.PUBLIC
        db.session.commit()
    page = client.get(f"/groups/{world.group_id}").get_data(as_text=True)
    assert "Mozambique ASM learning group" in page and "Kuwuka JDA" in page
    assert "João Muianga" not in page  # members are not published
    assert f"/plans/{setting['plan']}" in page  # the approved plan is
    assert f"/plans/{setting['draft']}" not in page and f"/reports/{setting['report']}" not in page
    assert client.get(f"/plans/{setting['draft']}").status_code == 302  # to the login page
    with app.app_context():
        g = group(world)
        services.update_settings(g, publish_members=True, publish_work=False, output_ids=world.output_ids, actor=None)
        db.session.commit()
    page = client.get(f"/groups/{world.group_id}").get_data(as_text=True)
    assert "João Muianga" in page and f"/plans/{setting['plan']}" not in page


def test_a_member_who_left_no_longer_reads_the_group(app, client, world, setting):
    client.login(world.member.email)
    assert client.get(f"/groups/{world.group_id}").status_code == 200
    with app.app_context():
        services.end_membership(services.memberships(group(world))[0], left_on=date(2026, 12, 1), actor=None)
        db.session.commit()
        assert not any(g.programme_id == world.group_id for g in db.session.get(User, world.member.id).role_grants)
    assert client.get(f"/groups/{world.group_id}").status_code == 403
