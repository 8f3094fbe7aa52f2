"""Content in several languages: each reader sees the event's title, summary, agenda and
outcomes in their own language when a convener has given it, else the original, marked."""
from datetime import time, timedelta

import pytest
import sqlalchemy as sa

from dialogues.agenda import services as agenda

from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.languages import services as content
from dialogues.languages.models import ContentTranslation
from dialogues.outcomes import services as outcomes
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome

SUMMARY_PT = "Mineiros artesanais e o governo discutem o licenciamento em Manica."
SUMMARY_EN = "Artisanal miners and the government discuss licensing in Manica."
TITLE_PT = "Diálogo de campo em Manica"
TITLE_EN = "Field dialogue in Manica"


def _page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


@pytest.fixture
def bilingual(app, client, cast):
    """The cast's event typed in Portuguese, its convener signed in, an English version given through the forms."""
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        event.title, event.summary = TITLE_PT, SUMMARY_PT
        db.session.commit()
    client.login(cast.convener.email)
    event_id = cast.event.id
    response = client.submit(f"/events/{event_id}/translations/original", {"content_language": "pt"},
                             form_page=f"/events/{event_id}/translations")
    assert response.status_code == 302
    response = client.submit(f"/events/{event_id}/translations/event/{event_id}",
                             {"language": "en", "title": TITLE_EN, "summary": SUMMARY_EN})
    assert response.status_code == 302, response.get_data(as_text=True)
    client.logout()
    return cast.event


def test_each_reader_sees_their_own_summary(bilingual, make_client):
    english = _page(make_client().get(f"/events/{bilingual.id}", headers={"Accept-Language": "en-GB,en;q=0.8"}))
    portuguese = _page(make_client().get(f"/events/{bilingual.id}", headers={"Accept-Language": "pt-BR,pt;q=0.9"}))
    assert SUMMARY_EN in english and SUMMARY_PT not in english
    assert f"<h1>{TITLE_EN}</h1>" in english
    assert SUMMARY_PT in portuguese and SUMMARY_EN not in portuguese
    assert f"<h1>{TITLE_PT}</h1>" in portuguese
    assert "original-language" not in english + portuguese


def test_a_reader_of_another_language_sees_the_original_marked(bilingual, make_client):
    visitor = make_client()
    response = visitor.submit("/language", {"language": "fr", "next": f"/events/{bilingual.id}"}, form_page="/")
    assert response.headers["Location"].endswith(f"/events/{bilingual.id}")
    page = _page(visitor.get(f"/events/{bilingual.id}"))
    assert f'<h1 lang="pt">{TITLE_PT}</h1>' in page
    assert f'<div lang="pt">' in page and SUMMARY_PT in page
    assert page.count('class="meta original-language"') == 1
    assert "portugais" in page.lower()  # the note names the original in the reader's language


def test_convener_translation_is_escaped_and_bounded(app, client, cast, make_client):
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/translations/event/{cast.event.id}"
    response = client.submit(url, {"language": "pt", "title": "<script>alert(1)</script>", "summary": ""})
    assert response.status_code == 302
    response = client.submit(url, {"language": "pt", "title": "x" * 201, "summary": ""})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.get_data(as_text=True)
    visitor_page = _page(make_client().get(f"/events/{cast.event.id}", headers={"Accept-Language": "pt"}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in visitor_page and "<script>alert(1)" not in visitor_page


def test_translation_only_into_the_events_other_working_languages(app, client, cast):
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/translations/event/{cast.event.id}"
    for language in ("sw", "en"):  # not a working language; the original
        response = client.submit(url, {"language": language, "title": "Majadiliano", "summary": ""})
        assert response.status_code == 200
        assert "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ContentTranslation)) == 0
        with pytest.raises(DomainError):
            content.save_translation(db.session.get(Event, cast.event.id), "sw", {"title": "x"}, actor=None)


def test_empty_text_removes_a_translation(app, client, cast):
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/translations/event/{cast.event.id}"
    client.submit(url, {"language": "pt", "title": TITLE_PT, "summary": SUMMARY_PT})
    form = _page(client.get(url + "?language=pt"))
    assert f'value="{TITLE_PT}"' in form and SUMMARY_PT in form
    client.submit(url, {"language": "pt", "title": TITLE_PT, "summary": ""})
    with app.app_context():
        assert db.session.scalars(sa.select(ContentTranslation.field)).all() == ["title"]


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("outsider", 403), ("participant", 403),
                                          ("steering", 403), ("convener", 200), ("secretariat", 200)])
def test_who_may_translate(client_as, cast, role, status):
    client = client_as(role)
    assert client.get(f"/events/{cast.event.id}/translations").status_code == status
    assert client.get(f"/events/{cast.event.id}/translations/event/{cast.event.id}").status_code == status


def test_pieces_are_reached_through_their_own_event(app, client, cast):
    with app.app_context():
        other = outcomes.add_outcome(db.session.get(Event, cast.other_event.id), OutcomeKind.SUMMARY, "Elsewhere.",
                                     actor=None)
        db.session.commit()
        other_id = other.id
    client.login(cast.secretariat.email)
    assert client.get(f"/events/{cast.event.id}/translations/outcome/{other_id}").status_code == 404
    assert client.get(f"/events/{cast.event.id}/translations/event/{cast.other_event.id}").status_code == 404
    assert client.get(f"/events/{cast.event.id}/translations/budget/1").status_code == 404


def test_outcomes_and_agenda_titles_in_the_readers_language(app, client, cast, make_client):
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        outcome = outcomes.add_outcome(event, OutcomeKind.CONSENSUS, "Licences must be affordable.", actor=None)
        db.session.commit()
        outcome_id = outcome.id
    client.login(cast.convener.email)
    assert client.submit(f"/events/{cast.event.id}/translations/outcome/{outcome_id}",
                         {"language": "pt", "text": "As licenças devem ser acessíveis."}).status_code == 302
    overview = _page(client.get(f"/events/{cast.event.id}/translations"))
    assert "Licences must be affordable." in overview and "Portuguese" in overview
    portuguese = _page(make_client().get(f"/events/{cast.event.id}/outcomes", headers={"Accept-Language": "pt"}))
    assert "As licenças devem ser acessíveis." in portuguese and "Licences must be affordable." not in portuguese
    assert "original-language" not in portuguese
    french = _page(make_client().get(f"/events/{cast.event.id}/outcomes", headers={"Accept-Language": "fr"}))
    assert '<div lang="en">' in french and french.count('class="meta original-language"') == 1
    with app.app_context():
        outcomes.remove_outcome(db.session.get(Outcome, outcome_id), actor=None)
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ContentTranslation)) == 0


def test_text_in_without_a_request(app, make_event):
    event = make_event(working_languages=["pt", "en"], summary=SUMMARY_PT)
    with app.app_context():
        event = db.session.get(Event, event.id)
        assert content.original_language(event) == "pt"
        assert content.text_in(event, "summary", "en") == content.Shown(SUMMARY_PT, "pt", original=True)
        content.save_translation(event, "en", {"summary": SUMMARY_EN}, actor=None)
        assert content.text_in(event, "summary", "en") == content.Shown(SUMMARY_EN, "en", original=False)
        assert content.text_in(event, "summary", "pt") == content.Shown(SUMMARY_PT, "pt", original=False)
        with pytest.raises(ValueError):
            content.text_in(event, "venue", "en")


def test_agenda_titles_in_the_readers_language_else_marked_once(app, client, cast, make_client):
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        starts = agenda.local_instant(event.timezone, event.starts_on, time(9))
        opening = agenda.add_item(event, actor=None, title="Opening", starts_at=starts,
                                  ends_at=starts + timedelta(hours=1))
        agenda.add_item(event, actor=None, title="Field visit", starts_at=starts + timedelta(hours=2),
                        ends_at=starts + timedelta(hours=4))
        db.session.commit()
        opening_id = opening.id
    client.login(cast.convener.email)
    assert client.submit(f"/events/{cast.event.id}/translations/agenda_item/{opening_id}",
                         {"language": "pt", "title": "Abertura"}).status_code == 302
    page = _page(make_client().get(f"/events/{cast.event.id}/agenda", headers={"Accept-Language": "pt"}))
    assert "<h4>Abertura</h4>" in page and "Opening" not in page
    assert '<h4 lang="en">Field visit</h4>' in page
    assert page.count('class="meta original-language"') == 1
    english = _page(make_client().get(f"/events/{cast.event.id}/agenda", headers={"Accept-Language": "en"}))
    assert "<h4>Opening</h4>" in english and "original-language" not in english
