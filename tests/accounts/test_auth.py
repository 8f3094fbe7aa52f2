"""Sign-up, login, logout and password changes, through real form posts with CSRF."""
import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.extensions import db
from tests.conftest import PASSWORD

SIGNUP = {"name": "Zoé Kaboré", "email": "Zoe.Kabore@Example.org", "password": "minerais-2027",
          "confirm": "minerais-2027", "preferred_language": "fr"}


def _user(app, email):
    with app.app_context():
        return db.session.scalar(sa.select(User).where(User.email == email))


def test_sign_up_creates_account_and_logs_in(client, app):
    response = client.submit("/signup", SIGNUP)
    assert response.status_code == 302
    assert response.headers["Location"] == "/profile"
    user = _user(app, "zoe.kabore@example.org")
    assert (user.name, user.preferred_language) == ("Zoé Kaboré", "fr")
    assert user.password_hash != "minerais-2027"
    assert "Zoé Kaboré" in client.get("/profile").get_data(as_text=True)


def test_sign_up_refuses_same_email_in_other_case_and_keeps_what_was_typed(client, make_user):
    make_user("zoe.kabore@example.org")
    response = client.submit("/signup", SIGNUP | {"email": "ZOE.KABORE@example.org"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "An account with this email address already exists." in page
    assert 'value="Zoé Kaboré"' in page
    assert 'value="ZOE.KABORE@example.org"' in page


def test_sign_up_reports_each_bad_field(client):
    response = client.submit("/signup", {"name": "", "email": "not-an-email", "password": "short",
                                         "confirm": "other", "preferred_language": "xx"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This field is required." in page
    assert "Invalid email address." in page
    assert "Use between 8 and 128 characters." in page
    assert "The two passwords differ." in page
    assert "Not a valid choice" in page


def test_login_is_case_insensitive_on_email(client, make_user):
    make_user("amina@example.org", "Amina")
    response = client.submit("/login", {"email": "  AMINA@Example.ORG ", "password": PASSWORD})
    assert response.status_code == 302
    assert "Amina" in client.get("/").get_data(as_text=True)


def test_wrong_password_is_refused_and_email_kept(client, make_user):
    make_user("amina@example.org")
    response = client.submit("/login", {"email": "amina@example.org", "password": "wrong password"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "That email and password do not match an active account." in page
    assert 'value="amina@example.org"' in page


def test_deactivated_account_cannot_log_in(client, make_user):
    make_user("gone@example.org", active=False)
    response = client.submit("/login", {"email": "gone@example.org", "password": PASSWORD})
    assert "do not match an active account" in response.get_data(as_text=True)


def test_login_redirects_only_to_paths_on_this_site(client, make_user):
    make_user("amina@example.org")
    token_page = "/login?next=https://evil.example/steal"
    response = client.submit(token_page, {"email": "amina@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/"
    client.logout()
    response = client.submit("/login?next=/profile", {"email": "amina@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/profile"


def test_login_attempts_are_rate_limited(client, make_user):
    make_user("amina@example.org")
    statuses = [
        client.submit("/login", {"email": "amina@example.org", "password": f"guess {i}"}).status_code
        for i in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    # Even the right password waits until the window passes.
    response = client.submit("/login", {"email": "amina@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)


def test_logout_needs_a_post_with_csrf(client, make_user):
    make_user("amina@example.org", "Amina")
    client.login("amina@example.org")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert client.logout().status_code == 302
    assert client.get("/profile").status_code == 302


def test_post_without_csrf_token_is_refused(client):
    response = client.post("/signup", data=SIGNUP)
    assert response.status_code == 400
    assert "form had expired" in response.get_data(as_text=True)


def test_change_password_needs_the_current_one(client, make_user, app):
    make_user("amina@example.org")
    client.login("amina@example.org")
    response = client.submit("/password", {"current_password": "nope", "password": "new password 1",
                                           "confirm": "new password 1"})
    assert "Your current password is not correct." in response.get_data(as_text=True)
    response = client.submit("/password", {"current_password": PASSWORD, "password": "new password 1",
                                           "confirm": "new password 1"})
    assert response.status_code == 302
    client.logout()
    assert client.submit("/login", {"email": "amina@example.org", "password": PASSWORD}).status_code == 200
    assert client.submit("/login", {"email": "amina@example.org", "password": "new password 1"}).status_code == 302


def test_passwords_and_tokens_never_reach_the_log(client, make_user, caplog):
    make_user("amina@example.org")
    caplog.set_level("DEBUG")
    client.submit("/login", {"email": "amina@example.org", "password": "secret-guess-123"})
    client.login("amina@example.org")
    assert "secret-guess-123" not in caplog.text
    assert PASSWORD not in caplog.text
