"""Invitation and password-reset links issued by the secretariat: they expire and work once."""
import re

import pytest
import sqlalchemy as sa

from dialogues.accounts import services
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.mail.models import MailMessage
from dialogues.accounts.models import User
from tests.conftest import csrf_token


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
    return csrf_token(client, "/profile")


def test_forgotten_password_link_is_mailed_and_works_once(client, make_user, app, make_client):
    make_user("amina@example.org", "Amina")
    response = client.submit("/password/forgot", {"email": "AMINA@example.org"}, follow_redirects=True)
    assert "If an account exists for this address" in response.get_data(as_text=True)
    with app.app_context():
        messages = db.session.scalars(sa.select(MailMessage).where(MailMessage.kind == "password_reset")).all()
        assert [m.to_address for m in messages] == ["amina@example.org"]
        link = re.search(r"https?://[^/\s]+(/account-link/\S+)", messages[0].body).group(1)
    person = make_client()
    assert person.submit(link, {"password": "a new pass 1", "confirm": "a new pass 1"}).status_code == 302
    assert person.get(link).status_code == 404
    person.logout()
    person.login("amina@example.org", "a new pass 1")


def test_forgotten_password_for_unknown_address_says_the_same_and_sends_nothing(client, app):
    response = client.submit("/password/forgot", {"email": "nobody@example.org"}, follow_redirects=True)
    assert "If an account exists for this address" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(MailMessage)) == 0
