"""Which language a page is shown in, and the switcher every page carries."""
import re

import pytest

from dialogues.accounts.models import User
from dialogues.extensions import db

LANG = re.compile(r'<html lang="([a-z]+)">')
# The switcher's label, in each language: proof the catalogue was used, not just the lang attribute.
LABEL = {"en": ">Language<", "fr": ">Langue<", "pt": ">Idioma<", "sw": ">Lugha<"}


def page_language(response) -> str:
    html = response.get_data(as_text=True)
    language = LANG.search(html).group(1)
    assert LABEL.get(language, "") in html
    return language


def switch(client, language: str, page: str):
    return client.submit("/language", {"language": language, "next": page}, form_page=page)


def test_english_when_nothing_is_known(client):
    assert page_language(client.get("/")) == "en"


def test_accept_language_portuguese_without_signing_in(client):
    response = client.get("/events", headers={"Accept-Language": "pt-BR,pt;q=0.9,en;q=0.5"})
    assert page_language(response) == "pt"


def test_unsupported_accept_language_falls_back_to_english(client):
    assert page_language(client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})) == "en"


def test_switch_keeps_the_visitor_on_the_same_page(client):
    response = switch(client, "fr", "/events?page=2")
    assert response.status_code == 302
    assert response.headers["Location"] == "/events?page=2"
    assert page_language(client.get("/events?page=2")) == "fr"


def test_visitor_choice_comes_before_accept_language(client):
    switch(client, "sw", "/")
    assert page_language(client.get("/", headers={"Accept-Language": "pt"})) == "sw"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_switch_never_sends_elsewhere(client, target):
    response = client.submit("/language", {"language": "fr", "next": target}, form_page="/")
    assert response.headers["Location"] == "/"


def test_unknown_language_changes_nothing(client):
    response = client.submit("/language", {"language": "de", "next": "/events"}, form_page="/")
    assert response.headers["Location"] == "/events"
    assert page_language(client.get("/events")) == "en"


def test_preferred_language_of_signed_in_person_comes_first(client, make_user):
    make_user(email="ana@example.org", preferred_language="pt")
    switch(client, "fr", "/")
    client.login("ana@example.org")
    assert page_language(client.get("/", headers={"Accept-Language": "sw"})) == "pt"


def test_unsupported_preferred_language_falls_back_to_the_visitors_choice(client, make_user):
    make_user(email="lingala@example.org", preferred_language="ln")
    client.login("lingala@example.org")
    assert page_language(client.get("/", headers={"Accept-Language": "fr"})) == "fr"
    switch(client, "sw", "/")
    assert page_language(client.get("/", headers={"Accept-Language": "fr"})) == "sw"


def test_switch_when_signed_in_changes_the_preference(app, client, make_user):
    user = make_user(email="juma@example.org", preferred_language="en")
    client.login("juma@example.org")
    response = switch(client, "sw", "/events")
    assert response.headers["Location"] == "/events"
    assert page_language(client.get("/events")) == "sw"
    with app.app_context():
        assert db.session.get(User, user.id).preferred_language == "sw"


def test_switch_needs_the_csrf_token(client):
    response = client.post("/language", data={"language": "fr", "next": "/"})
    assert response.status_code == 400
