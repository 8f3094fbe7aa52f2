"""A newcomer on a phone: signs up, logs out and in again, and opens an event."""
from datetime import date

import pytest

from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.extensions import db

pytestmark = pytest.mark.browser


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_sign_up_log_in_and_open_an_event(live_app, live_server, phone):
    with live_app.app_context():
        event = events.create_event(
            actor=None, kind=EventKind.FIELD_DIALOGUE, title="Diálogo de campo em Manica",
            starts_on=date(2031, 5, 4), ends_on=date(2031, 5, 7), timezone="Africa/Maputo",
            city="Manica", country="MZ", working_languages=["pt", "en"],
        )
        db.session.commit()
        event_id = event.id

    phone.goto(live_server + "/signup")
    assert _fits_the_screen(phone)
    phone.fill("#name", "João Muianga")
    phone.fill("#email", "joao@example.org")
    phone.fill("#password", "ouro-limpo-2031")
    phone.fill("#confirm", "ouro-limpo-2031")
    phone.select_option("#preferred_language", "pt")
    phone.click("main button[type=submit]")
    phone.wait_for_url("**/profile")
    # João chose Portuguese: from here on every page speaks it, even after he logs out.
    assert "Boas-vindas!" in phone.inner_text("main")

    phone.click("text=Sair")
    phone.wait_for_url(live_server + "/")
    phone.click("header >> text=Entrar")
    phone.fill("#email", "JOAO@example.org")
    phone.fill("#password", "wrong password")
    phone.click("main button[type=submit]")
    assert "não correspondem a uma conta ativa" in phone.inner_text("main")
    assert phone.input_value("#email") == "JOAO@example.org"
    phone.fill("#password", "ouro-limpo-2031")
    phone.click("main button[type=submit]")
    phone.wait_for_url(live_server + "/")
    assert "João Muianga" in phone.inner_text("header")

    phone.click("header >> text=Eventos")
    assert _fits_the_screen(phone)
    phone.click("text=Diálogo de campo em Manica")
    phone.wait_for_url(f"**/events/{event_id}")
    assert phone.inner_text("h1") == "Diálogo de campo em Manica"
    assert "português, inglês" in phone.inner_text("main").lower()
    assert _fits_the_screen(phone)
