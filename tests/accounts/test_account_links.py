"""Invitation and password-reset links issued by the secretariat: they expire and work once."""
import re

import pytest

from dialogues.accounts import services
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.accounts.models import User


def _link_from(page: str) -> str:
    return re.search(r'<code id="account-link">https?://[^/]+(/account-link/[^<]+)</code>', page).group(1)


def test_secretariat_invites_someone_who_then_sets_a_password(client, cast, make_client):
    client.login(cast.secretariat.email)
    response = client.submit("/admin/users/invite", {"name": "Ngʼwanza Mwakyusa", "email": "ngwanza@example.org"})
    link = _link_from(response.get_data(as_text=True))

    invitee = make_client()
    page = invitee.get(link).get_data(as_text=True)
    assert "Ngʼwanza Mwakyusa" in page
    response = invitee.submit(link, {"password": "dhahabu-2027", "confirm": "dhahabu-2027"})
    assert response.status_code == 302
    invitee.logout()
    invitee.login("ngwanza@example.org", "dhahabu-2027")


def test_link_works_only_once(client, cast, make_client):
    client.login(cast.secretariat.email)
    link = _link_from(client.submit(f"/admin/users/{cast.outsider.id}/link", {},
                                    form_page=f"/admin/users/{cast.outsider.id}").get_data(as_text=True))
    person = make_client()
    assert person.submit(link, {"password": "first new pw", "confirm": "first new pw"}).status_code == 302
    again = person.get(link)
    assert again.status_code == 404
    assert "already been used" in again.get_data(as_text=True)


def test_expired_link_is_refused(app, cast):
    app.config["ACCOUNT_TOKEN_MAX_AGE"] = -1
    with app.app_context():
        user = db.session.get(User, cast.outsider.id)
        token = services.issue_account_link_token(user, actor=user)
        with pytest.raises(DomainError, match="expired"):
            services.user_for_account_link(token)


def test_tampered_link_is_404_not_500(client):
    response = client.get("/account-link/not-a-real-token")
    assert response.status_code == 404
    assert "not valid" in response.get_data(as_text=True)


def test_only_the_secretariat_issues_links(client_as, cast):
    client = client_as("convener")
    response = client.post(f"/admin/users/{cast.outsider.id}/link",
                           data={"csrf_token": _any_csrf(client)})
    assert response.status_code == 403


def _any_csrf(client):
    from tests.conftest import csrf_token
    return csrf_token(client, "/profile")
