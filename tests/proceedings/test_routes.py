"""Downloading proceedings: who may, what comes back, and the links on the event page."""
import pytest

from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from tests.conftest import PASSWORD
from tests.proceedings.conftest import NAMES, UNLISTED


def _event_url(cast, **query):
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return f"/events/{cast.event.id}/proceedings.pdf{suffix}"


def _programme_url(cast):
    return f"/programmes/{cast.programme.id}/proceedings.pdf"


@pytest.mark.parametrize("url", [_event_url, _programme_url])
@pytest.mark.parametrize("role, status", [
    ("secretariat", 200), ("convener", 200),
    ("host", 403), ("steering", 403), ("participant", 403), ("outsider", 403),
])
def test_who_may_download(cast, client_as, url, role, status):
    response = client_as(role).get(url(cast))

    assert response.status_code == status
    if status == 200:
        assert response.mimetype == "application/pdf"
        assert response.data.startswith(b"%PDF-")


@pytest.mark.parametrize("url", [_event_url, _programme_url])
def test_anonymous_is_sent_to_log_in(cast, client_as, url):
    response = client_as("anonymous").get(url(cast))

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_convener_of_another_programme_is_refused(cast, client, make_user, make_programme):
    other = make_programme(title="Mercury and health")
    make_user("other.convener@example.org", roles=[(Role.CONVENER, other)])
    client.login("other.convener@example.org", PASSWORD)

    assert client.get(_event_url(cast)).status_code == 403
    assert client.get(_programme_url(cast)).status_code == 403
    assert client.get(f"/programmes/{other.id}/proceedings.pdf").status_code == 200


def test_secretariat_copy_lists_everyone(dialogue, client_as, pdf_text):
    response = client_as("secretariat").get(_event_url(dialogue, all=1))

    assert response.status_code == 200
    text = pdf_text(response.data)
    assert UNLISTED in text
    assert all(name in text for name in NAMES.values())


def test_normal_copy_leaves_out_who_did_not_consent(dialogue, client_as, pdf_text):
    text = pdf_text(client_as("secretariat").get(_event_url(dialogue)).data)

    assert UNLISTED not in text
    assert NAMES["Swahili"] in text


def test_only_the_secretariat_may_ask_for_everyone(cast, client_as):
    client = client_as("convener")

    assert client.get(_event_url(cast, all=1)).status_code == 403
    assert client.get(_programme_url(cast) + "?all=1").status_code == 403
    assert client.get(_event_url(cast, all=0)).status_code == 200


def test_file_name_is_plain_ascii(cast, client_as, app):
    with app.app_context():
        db.session.get(Event, cast.event.id).title = "Diálogo em Manica: <ouro> & mercúrio"
        db.session.commit()

    response = client_as("secretariat").get(_event_url(cast))

    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="proceedings-{cast.event.id}-dialogo-em-manica-ouro-mercurio.pdf"'
    assert response.headers["Content-Type"] == "application/pdf"


def test_missing_event_or_programme_is_404(cast, client_as):
    client = client_as("secretariat")

    assert client.get("/events/9999/proceedings.pdf").status_code == 404
    assert client.get("/programmes/9999/proceedings.pdf").status_code == 404


@pytest.mark.parametrize("role, links", [
    ("secretariat", {"proceedings.pdf\"", "proceedings.pdf?all=1", "programmes"}),
    ("convener", {"proceedings.pdf\"", "programmes"}),
    ("participant", set()),
])
def test_event_page_offers_the_downloads_to_those_who_may(cast, client_as, role, links):
    page = client_as(role).get(f"/events/{cast.event.id}").get_data(as_text=True)

    found = set()
    if f'href="/events/{cast.event.id}/proceedings.pdf"' in page:
        found.add("proceedings.pdf\"")
    if f'href="/events/{cast.event.id}/proceedings.pdf?all=1"' in page:
        found.add("proceedings.pdf?all=1")
    if f'href="/programmes/{cast.programme.id}/proceedings.pdf"' in page:
        found.add("programmes")
    assert found == links
    assert ("Download proceedings (PDF)" in page) == bool(links)
