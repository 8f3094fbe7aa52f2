"""On a 360 px phone: a participant submits a contribution with a co-author, edits it before the deadline, and cannot after."""
import re
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from dialogues.accounts import services as accounts
from dialogues.conferences import services
from dialogues.conferences.models import Call, Contribution
from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.extensions import db
from dialogues.programmes import services as programmes
from dialogues.programmes.enums import ProgrammeKind
from tests.browser.fixtures import browser, live_app, live_server, phone  # noqa: F401  (fixtures)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_participant_submits_with_a_co_author_edits_then_cannot_after_the_deadline(live_app, live_server, phone):
    with live_app.app_context():
        series = programmes.create_programme(actor=None, kind=ProgrammeKind.CONFERENCE_SERIES,
                                             title="Annual CASM conference", summary="")
        event = events.create_event(actor=None, kind=EventKind.CONFERENCE, title="Annual CASM Conference, Chimoio",
                                    starts_on=date(2031, 10, 4), ends_on=date(2031, 10, 8), timezone="Africa/Maputo",
                                    city="Chimoio", country="MZ", working_languages=["en", "pt"],
                                    programme_id=series.id)
        edition = services.add_edition(event, actor=None, number=10)
        services.add_track(edition, "mercury", actor=None)
        services.set_call(edition, actor=None, opens_at=datetime(2026, 1, 1, tzinfo=UTC),
                          closes_at=datetime(2030, 12, 31, tzinfo=UTC), contribution_types=["talk", "poster"],
                          languages=["en", "pt"], questions=["Who should hear this?"])
        accounts.create_user("joao@example.org", "João Muianga", PASSWORD, actor=None)
        db.session.commit()
        edition_id = edition.id

    phone.goto(live_server + "/login")
    phone.fill("#email", "joao@example.org")
    phone.fill("#password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(live_server + "/")
    phone.goto(f"{live_server}/editions/{edition_id}")
    assert _fits_the_screen(phone)
    phone.click("text=Submit a contribution")
    assert _fits_the_screen(phone)
    phone.fill("#title", "Retortas em Manica")
    phone.select_option("#kind", "poster")
    phone.select_option("#language", "pt")
    phone.fill("#abstract", "Um ano de medições de mercúrio.")
    phone.fill("#answer_0", "Associações de mineiros.")
    phone.fill("#co_authors", "lucia@example.org, Lúcia Mabunda")
    phone.check("#needs_sponsorship")
    phone.fill("#sponsored_places", "2")
    phone.click("main button[type=submit]")
    phone.wait_for_url(re.compile(r"/contributions/\d+$"))
    main = phone.inner_text("main")
    assert "Submitted" in main and "Lúcia Mabunda" in main
    assert _fits_the_screen(phone)

    phone.click("main >> text=Edit")
    phone.fill("#title", "Retortas artesanais em Manica")
    phone.click("main button[type=submit]")
    phone.wait_for_url(re.compile(r"/contributions/\d+$"))
    assert "Retortas artesanais em Manica" in phone.inner_text("main")

    with live_app.app_context():
        db.session.execute(sa.update(Call).values(opens_at=datetime(2020, 1, 1, tzinfo=UTC),
                                                  closes_at=datetime(2021, 1, 1, tzinfo=UTC)))
        db.session.commit()
        contribution_id = db.session.scalar(sa.select(Contribution.id))
    phone.reload()
    main = phone.inner_text("main")
    assert "can no longer be changed" in main and "Edit\n" not in main
    phone.goto(f"{live_server}/contributions/{contribution_id}/edit")
    assert "The call is closed" in phone.inner_text("main")
    assert phone.locator("#title").count() == 0
    with live_app.app_context():
        contribution = db.session.get(Contribution, contribution_id)
        assert contribution.title == "Retortas artesanais em Manica"
        assert [a.user.name for a in contribution.authors] == ["João Muianga", "Lúcia Mabunda"]
