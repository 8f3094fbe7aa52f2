"""A participant on a phone logs a commitment and reports progress on it twice."""
import re
from datetime import date

import pytest
import sqlalchemy as sa

from dialogues.accounts import services as accounts
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.extensions import db
from dialogues.permissions import Role
from tests.conftest import PASSWORD

from tests.browser.fixtures import browser, live_app, live_server, phone  # noqa: F401  (fixtures)
pytestmark = pytest.mark.browser


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_participant_logs_a_commitment_and_posts_two_updates_on_a_phone(live_app, live_server, phone):
    with live_app.app_context():
        event = events.create_event(
            actor=None, kind=EventKind.FIELD_DIALOGUE, title="Field dialogue in Manica",
            starts_on=date(2026, 5, 4), ends_on=date(2026, 5, 7), timezone="Africa/Maputo",
            city="Manica", country="MZ", working_languages=["pt", "en"])
        user = accounts.create_user("joao@example.org", "João Muianga", PASSWORD, actor=None)
        accounts.grant_role(user, Role.PARTICIPANT, event=event, actor=None)
        db.session.commit()
        event_id = event.id

    phone.goto(live_server + "/login")
    phone.fill("#email", "joao@example.org")
    phone.fill("#password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(live_server + "/")
    phone.goto(f"{live_server}/events/{event_id}")
    phone.click("text=Add my commitment")
    assert _fits_the_screen(phone)
    phone.fill("#title", "Train 40 miners in mercury-free processing")
    phone.fill("#due_on", "2027-06-30")
    phone.select_option("#kind", "practice")
    phone.select_option("#level", "local")
    phone.click("main button[type=submit]")
    phone.wait_for_url(re.compile(r"/commitments/\d+$"))
    assert "Awaiting review" in phone.inner_text("main")
    assert _fits_the_screen(phone)

    for share, note in (("25", "Two trainings held."), ("50", "Half the miners trained.")):
        phone.click("main >> text=Add an update")
        assert _fits_the_screen(phone)
        phone.select_option("#status", "in_progress")
        phone.select_option("#share_done", share)
        phone.fill("#note", note)
        phone.click("main button[type=submit]")
        phone.wait_for_url(re.compile(r"/commitments/\d+$"))
        assert note in phone.inner_text("main")

    phone.click("header >> text=My commitments")
    assert "Train 40 miners" in phone.inner_text("main")
    assert _fits_the_screen(phone)
    with live_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Commitment)) == 1
        shares = db.session.scalars(sa.select(CommitmentUpdate.share_done).order_by(CommitmentUpdate.id)).all()
        assert shares == [25, 50]
