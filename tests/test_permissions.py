"""Who may do what: every protected view, tried by every role, and the rules of can()."""
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from dialogues.core.enums import Visibility
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Action, Role, ScopeKind, can
from tests.conftest import ROLES, csrf_token

LOGIN = 302  # signed-out visitors are sent to the login page

# (method, url built from the cast, the roles allowed); everyone else gets 403 (or LOGIN if signed out).
CASES = [
    ("GET", lambda c: f"/events/{c.event.id}", {"participant", "steering", "host", "convener", "secretariat"}),
    ("GET", lambda c: f"/events/{c.event.id}/edit", {"convener", "secretariat"}),
    ("GET", lambda c: f"/events/{c.other_event.id}/edit", {"secretariat"}),
    ("GET", lambda c: "/events/new", {"convener", "secretariat"}),
    ("GET", lambda c: f"/programmes/{c.programme.id}/edit", {"convener", "secretariat"}),
    ("GET", lambda c: "/programmes/new", {"secretariat"}),
    ("GET", lambda c: "/admin/users", {"secretariat"}),
    ("GET", lambda c: f"/admin/users/{c.outsider.id}", {"secretariat"}),
    ("GET", lambda c: "/admin/users/invite", {"secretariat"}),
    ("POST", lambda c: f"/admin/users/{c.outsider.id}/roles", {"secretariat"}),
    ("POST", lambda c: f"/admin/users/{c.outsider.id}/link", {"secretariat"}),
]


@pytest.fixture
def private_cast(cast, app):
    """The cast's event made participants-only, so reading it needs a role."""
    with app.app_context():
        db.session.execute(sa.update(Event).where(Event.id == cast.event.id).values(visibility=Visibility.PARTICIPANTS))
        db.session.commit()
    return cast


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,url,allowed", CASES, ids=[f"{m} {i}" for i, (m, _, _) in enumerate(CASES)])
def test_view_permissions(client_as, private_cast, role, method, url, allowed):
    client = client_as(role)
    target = url(private_cast)
    if method == "GET":
        response = client.get(target)
    else:
        data = {"csrf_token": csrf_token(client, "/login" if role == "anonymous" else "/"), "role": "participant", "scope": f"event:{private_cast.event.id}"}
        response = client.post(target, data=data)
    if role in allowed:
        assert response.status_code in (200, 302) and "/login" not in response.headers.get("Location", "")
    elif role == "anonymous":
        assert response.status_code == LOGIN
        assert "/login" in response.headers["Location"]
    else:
        assert response.status_code == 403


def _user(*grants, active=True):
    return SimpleNamespace(
        is_authenticated=True, is_active=active,
        role_grants=[SimpleNamespace(role=role, scope=scope) for role, scope in grants],
    )


EVENT_IN_PROGRAMME = SimpleNamespace(is_public=False, permission_scopes={(ScopeKind.EVENT, 7), (ScopeKind.PROGRAMME, 2)})


def test_role_on_programme_covers_its_events():
    assert can(_user((Role.CONVENER, (ScopeKind.PROGRAMME, 2))), Action.EDIT_EVENT, EVENT_IN_PROGRAMME)


def test_role_on_another_programme_does_not():
    assert not can(_user((Role.CONVENER, (ScopeKind.PROGRAMME, 3))), Action.EDIT_EVENT, EVENT_IN_PROGRAMME)


def test_host_of_event_reads_but_does_not_edit():
    host = _user((Role.HOST, (ScopeKind.EVENT, 7)))
    assert can(host, Action.VIEW_EVENT, EVENT_IN_PROGRAMME)
    assert can(host, Action.VIEW_PARTICIPANTS, EVENT_IN_PROGRAMME)
    assert not can(host, Action.EDIT_EVENT, EVENT_IN_PROGRAMME)


def test_deactivated_secretariat_can_do_nothing():
    assert not can(_user((Role.SECRETARIAT, None), active=False), Action.MANAGE_USERS)
    assert can(_user((Role.SECRETARIAT, None)), Action.MANAGE_USERS)


def test_public_objects_are_readable_by_anyone():
    public_event = SimpleNamespace(is_public=True, permission_scopes={(ScopeKind.EVENT, 1)})
    anonymous = SimpleNamespace(is_authenticated=False, is_active=False, role_grants=[])
    assert can(anonymous, Action.VIEW_EVENT, public_event)
    assert not can(anonymous, Action.EDIT_EVENT, public_event)


def test_only_the_registrant_answers_for_themselves():
    registration = SimpleNamespace(is_public=False, owner_id=5, permission_scopes={(ScopeKind.EVENT, 7)})
    owner = _user()
    owner.id = 5
    convener = _user((Role.CONVENER, (ScopeKind.EVENT, 7)))
    convener.id = 6
    assert can(owner, Action.ANSWER_FOR_SELF, registration)
    assert not can(convener, Action.ANSWER_FOR_SELF, registration)


def test_only_the_secretariat_prints_everyone_including_those_not_listed():
    assert can(_user((Role.SECRETARIAT, None)), Action.PRINT_FULL_PARTICIPANT_LIST)
    assert not can(_user((Role.CONVENER, (ScopeKind.PROGRAMME, 2))), Action.PRINT_FULL_PARTICIPANT_LIST)
