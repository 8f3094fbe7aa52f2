"""The secretariat's people pages: search, paging, roles, deactivation."""
import sqlalchemy as sa

from dialogues.accounts.models import RoleGrant, User
from dialogues.extensions import db
from dialogues.permissions import Role


def test_grant_then_revoke_a_role(client, cast, app):
    client.login(cast.secretariat.email)
    user_page = f"/admin/users/{cast.outsider.id}"
    response = client.submit(f"{user_page}/roles", {"role": "host", "scope": f"event:{cast.event.id}"}, form_page=user_page)
    assert response.status_code == 302
    page = client.get(user_page).get_data(as_text=True)
    assert "Host – Field dialogue in Manica" in page
    with app.app_context():
        grant = db.session.scalar(sa.select(RoleGrant).where(RoleGrant.user_id == cast.outsider.id))
        assert (grant.role, grant.event_id) == (Role.HOST, cast.event.id)
    asked = client.submit(f"/admin/roles/{grant.id}/revoke", {}, form_page=user_page)
    assert "Remove the Host role from" in asked.get_data(as_text=True)
    assert client.submit(f"/admin/roles/{grant.id}/revoke", {"confirmed": "1"}, form_page=user_page).status_code == 302
    with app.app_context():
        assert db.session.scalar(sa.select(RoleGrant).where(RoleGrant.user_id == cast.outsider.id)) is None


def test_role_needs_a_matching_scope(client, cast):
    client.login(cast.secretariat.email)
    user_page = f"/admin/users/{cast.outsider.id}"
    response = client.submit(f"{user_page}/roles", {"role": "convener", "scope": ""}, form_page=user_page)
    assert response.status_code == 400
    assert "Choose the programme or event this role is for." in response.get_data(as_text=True)
    response = client.submit(f"{user_page}/roles", {"role": "secretariat", "scope": f"event:{cast.event.id}"}, form_page=user_page)
    assert "The secretariat role is site-wide" in response.get_data(as_text=True)
    response = client.submit(f"{user_page}/roles", {"role": "host", "scope": "event:99999"}, form_page=user_page)
    assert response.status_code == 400


def test_granting_the_secretariat_role_asks_first(client, cast, app):
    client.login(cast.secretariat.email)
    user_page = f"/admin/users/{cast.outsider.id}"
    page = client.get(user_page).get_data(as_text=True)
    assert '<option selected value="">' in page or '<option value="" selected>' in page
    assert "Choose the role to grant." in client.submit(f"{user_page}/roles", {"role": "", "scope": ""},
                                                        form_page=user_page).get_data(as_text=True)
    asked = client.submit(f"{user_page}/roles", {"role": "secretariat", "scope": ""}, form_page=user_page)
    text = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "a member of the secretariat?" in text and "site-wide" in text
    assert f'href="{user_page}"' in text
    with app.app_context():
        assert db.session.scalar(sa.select(RoleGrant).where(RoleGrant.user_id == cast.outsider.id)) is None
    done = client.submit(f"{user_page}/roles", {"role": "secretariat", "scope": "", "confirmed": "1"}, form_page=user_page)
    assert done.status_code == 302
    with app.app_context():
        assert db.session.scalar(sa.select(RoleGrant.role).where(RoleGrant.user_id == cast.outsider.id)) == Role.SECRETARIAT


def test_granted_role_takes_effect(client, make_client, cast):
    client.login(cast.secretariat.email)
    user_page = f"/admin/users/{cast.outsider.id}"
    client.submit(f"{user_page}/roles", {"role": "convener", "scope": f"programme:{cast.programme.id}"}, form_page=user_page)
    outsider = make_client()
    outsider.login(cast.outsider.email)
    assert outsider.get(f"/events/{cast.event.id}/edit").status_code == 200


def test_deactivated_user_is_logged_out_and_cannot_log_in(client, make_client, cast, app):
    person = make_client()
    person.login(cast.outsider.email)
    client.login(cast.secretariat.email)
    user_page = f"/admin/users/{cast.outsider.id}"
    asked = client.submit(f"{user_page}/active", {"active": "0"}, form_page=user_page)
    assert "Deactivate the account of" in asked.get_data(as_text=True)
    assert person.get("/profile").status_code == 200
    client.submit(f"{user_page}/active", {"active": "0", "confirmed": "1"}, form_page=user_page)
    assert person.get("/profile").status_code == 302
    assert "do not match an active account" in person.submit(
        "/login", {"email": cast.outsider.email, "password": "correct horse battery"}).get_data(as_text=True)


def test_secretariat_cannot_lock_itself_out(client, cast):
    client.login(cast.secretariat.email)
    user_page = f"/admin/users/{cast.secretariat.id}"
    response = client.submit(f"{user_page}/active", {"active": "0"}, form_page=user_page, follow_redirects=True)
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)


def test_people_list_searches_and_pages(client, cast, app):
    with app.app_context():
        db.session.add_all(User(email=f"miner{n}@example.org", name=f"Mineiro {n:03d}", languages=[]) for n in range(60))
        db.session.commit()
    client.login(cast.secretariat.email)
    page = client.get("/admin/users?q=mineiro").get_data(as_text=True)
    assert "Mineiro 000" in page and "Mineiro 049" in page and "Mineiro 050" not in page
    assert "Page 1 of 2 (60 in all)" in page
    assert "Mineiro 059" in client.get("/admin/users?q=mineiro&page=2").get_data(as_text=True)
    assert "Nobody matches." in client.get("/admin/users?q=%25_nobody").get_data(as_text=True)
