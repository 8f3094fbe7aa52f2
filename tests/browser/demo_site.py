"""The demo data set served over HTTP once per test module, the main pages of the site, and
one signed-in browser context per demo role, for the page-wide browser tests (phone layout,
accessibility, page weight)."""
import threading
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from config import TestConfig
from dialogues import create_app
from dialogues.accounts.models import User
from dialogues.commitments.models import Commitment
from dialogues.conferences.models import Edition
from dialogues.demo.services import (
    CHIMOIO_CONFERENCE, DEMO_PASSWORD, INITIATIVE, LEARNING_PROGRAMME, MADRE_DE_DIOS_DIALOGUE, SERIES, seed_demo,
)
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.preparation.models import PreparationTask
from dialogues.programmes.models import Programme
from dialogues.proposals.models import IssueProposal
from dialogues.registration.models import Registration
from tests.browser.fixtures import CHROMIUM_ARGS
from tests.conftest import migrate_to_head

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# The demo accounts, and "visitor" for someone not signed in.
ROLES = {
    "secretariat": "secretariat@example.org",
    "convener": "convener@example.org",
    "host": "host@example.org",
    "steering": "steering@example.org",
    "participant": "participant@example.org",
    "visitor": None,
}
EVERYONE = tuple(ROLES)
SIGNED_IN = tuple(r for r in ROLES if r != "visitor")


@dataclass(frozen=True)
class MainPage:
    name: str
    path: str  # with {placeholders} filled from the demo's ids
    roles: tuple[str, ...]  # who may open it (each is visited signed in as that role)


MAIN_PAGES = (
    MainPage("home", "/", EVERYONE),
    MainPage("events", "/events", EVERYONE),
    MainPage("event", "/events/{madre}", EVERYONE),
    MainPage("agenda", "/events/{madre}/agenda", EVERYONE),
    MainPage("outcomes", "/events/{tarkwa}/outcomes", EVERYONE),
    MainPage("programmes", "/programmes/", EVERYONE),
    MainPage("initiative", "/programmes/{initiative}", EVERYONE),
    MainPage("commitments", "/commitments", EVERYONE),
    MainPage("commitment", "/commitments/{commitment}", EVERYONE),
    MainPage("login", "/login", ("visitor",)),
    MainPage("signup", "/signup", ("visitor",)),
    MainPage("my events", "/my/events", SIGNED_IN),
    MainPage("my commitments", "/my/commitments", SIGNED_IN),
    MainPage("my calendar", "/my/calendar", SIGNED_IN),
    MainPage("profile", "/profile", SIGNED_IN),
    MainPage("register", "/events/{chimoio}/register", ("participant", "steering")),
    MainPage("registration", "/registrations/{registration}", ("participant",)),
    MainPage("sponsorship", "/registrations/{registration}/sponsorship", ("participant",)),
    MainPage("add commitment", "/events/{madre}/commitments/new", ("participant",)),
    MainPage("proposals", "/series/{series}/proposals", ("secretariat", "convener", "steering")),
    MainPage("proposal", "/proposals/{proposal}", ("secretariat", "convener", "steering")),
    MainPage("ranking", "/series/{series}/ranking", ("secretariat", "convener", "steering")),
    MainPage("preparation", "/events/{madre}/preparation", ("secretariat", "convener")),
    MainPage("task", "/events/{madre}/preparation/tasks/{task}", ("secretariat", "convener")),
    MainPage("papers", "/events/{madre}/papers", ("secretariat", "convener")),
    MainPage("registrations", "/events/{madre}/registrations", ("secretariat", "convener")),
    MainPage("participants (host)", "/events/{chimoio}/participants", ("host",)),
    MainPage("participants", "/events/{madre}/participants", ("secretariat", "convener", "participant")),
    MainPage("balance", "/events/{madre}/balance", ("secretariat", "convener")),
    MainPage("check-in", "/events/{chimoio}/check-in", ("secretariat", "host")),
    MainPage("follow-up", "/events/{tarkwa}/follow-up", ("secretariat", "convener")),
    MainPage("edit event", "/events/{madre}/edit", ("secretariat", "convener")),
    MainPage("new agenda item", "/events/{madre}/agenda/new", ("secretariat", "convener")),
    MainPage("new event", "/events/new", ("secretariat",)),
    MainPage("people", "/admin/users", ("secretariat",)),
    MainPage("person", "/admin/users/{convener}", ("secretariat",)),
    MainPage("propose", "/series/{series}/proposals/new", ("steering",)),
    MainPage("learning programme", "/learning/{learning}", EVERYONE),
    MainPage("learning group", "/groups/{group}", EVERYONE),
    MainPage("edition", "/editions/{edition}", EVERYONE),
    MainPage("call", "/editions/{edition}/call", ("convener",)),
    MainPage("review", "/editions/{edition}/review", ("convener",)),
)


def pages_for(role: str) -> list[MainPage]:
    return [page for page in MAIN_PAGES if role in page.roles]


def role_pages() -> list[tuple[str, MainPage]]:
    """Every (role, page) pair to visit, for parametrising tests."""
    return [(role, page) for role in ROLES for page in pages_for(role)]


def role_page_id(value) -> str:
    return value.name.replace(" ", "-") if isinstance(value, MainPage) else str(value)


def _demo_ids() -> dict[str, int]:
    def event(title):
        return db.session.scalar(sa.select(Event.id).where(Event.title == title))

    def programme(title):
        return db.session.scalar(sa.select(Programme.id).where(Programme.title == title))

    madre = event(MADRE_DE_DIOS_DIALOGUE)
    participant = db.session.scalar(sa.select(User.id).where(User.email == ROLES["participant"]))
    tarkwa = event("Field dialogue: from informal pits to licensed cooperatives, Tarkwa")
    return {
        "madre": madre,
        "chimoio": event(CHIMOIO_CONFERENCE),
        "tarkwa": tarkwa,
        "series": programme(SERIES),
        "initiative": programme(INITIATIVE),
        "proposal": db.session.scalar(sa.select(IssueProposal.id).where(IssueProposal.title == "Mercury-free gold processing")),
        "registration": db.session.scalar(sa.select(Registration.id).where(
            Registration.event_id == madre, Registration.user_id == participant)),
        "task": db.session.scalar(sa.select(PreparationTask.id).where(PreparationTask.event_id == madre)
                                  .order_by(PreparationTask.id)),
        "commitment": db.session.scalar(sa.select(Commitment.id).where(Commitment.event_id == tarkwa)
                                        .order_by(Commitment.id)),
        "convener": db.session.scalar(sa.select(User.id).where(User.email == ROLES["convener"])),
        "learning": programme(LEARNING_PROGRAMME),
        "group": programme("Mozambique ASM learning group"),
        "edition": db.session.scalar(sa.select(Edition.id).join(Event, Event.id == Edition.event_id)
                                     .where(Event.title == CHIMOIO_CONFERENCE)),
    }


@dataclass
class DemoSite:
    url: str
    ids: dict[str, int]

    def address(self, page: MainPage) -> str:
        return self.url + page.path.format(**self.ids)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The demo data set on a migrated SQLite file, served over real HTTP in a thread."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    migrate_to_head(url)
    app = create_app(TestConfig(url))
    app.config["RATELIMIT_ENABLED"] = False
    with app.app_context():
        seed_demo()
        db.session.commit()
        ids = _demo_ids()
    assert all(ids.values()), ids
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield DemoSite(f"http://127.0.0.1:{server.server_port}", ids)
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module")
def module_browser():
    """One Chromium for the whole module (starting one costs about a second)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def signed_in_context(browser, site: DemoSite, role: str, viewport: dict):
    """A new browser context (own cookies and cache), signed in as the demo account of ``role``."""
    context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 600,
                                  device_scale_factor=2 if viewport["width"] < 600 else 1)
    context.set_default_timeout(10_000)
    email = ROLES[role]
    if email:
        page = context.new_page()
        page.goto(site.url + "/login")
        page.fill("#email", email)
        page.fill("#password", DEMO_PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(site.url + "/")
        page.close()
    return context


class RoleContexts:
    """Signed-in contexts made on first use and kept for the module, one per role and size."""

    def __init__(self, browser, site: DemoSite):
        self.browser, self.site = browser, site
        self._pages = {}

    def page(self, role: str, viewport: dict):
        key = (role, viewport["width"])
        if key not in self._pages:
            context = signed_in_context(self.browser, self.site, role, viewport)
            self._pages[key] = context.new_page()
        return self._pages[key]

    def close(self):
        for page in self._pages.values():
            page.context.close()


@pytest.fixture(scope="module")
def role_contexts(module_browser, demo_site):
    contexts = RoleContexts(module_browser, demo_site)
    yield contexts
    contexts.close()


def open_page(page, site: DemoSite, main_page: MainPage):
    """Go to a main page and check it opened (not an error, not the login page)."""
    response = page.goto(site.address(main_page))
    assert response.status == 200, f"{main_page.path} answered {response.status}"
    assert "/login" not in page.url or main_page.name == "login", f"{main_page.path} asked to log in"
    return response
