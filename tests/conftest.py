"""Fixtures: an app on a migrated database (SQLite, and PostgreSQL when TEST_DATABASE_URL
is set), a client that posts real forms with CSRF tokens, and users of every role."""
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from config import TestConfig
from dialogues import create_app
from dialogues.accounts import services as accounts
from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.programmes import services as programmes
from dialogues.programmes.enums import ProgrammeKind
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration

PASSWORD = "correct horse battery"
DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def own_postgresql_database(url: str) -> str:
    """A fresh database of our own beside TEST_DATABASE_URL's, one per xdist worker and run,
    so that parallel workers (and several people's runs) never share tables."""
    suffix = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{sa.make_url(url).database}_{suffix}_{os.getpid()}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return sa.make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_postgresql_database(admin_url: str, url: str) -> None:
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{sa.make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def migrate_to_head(url: str) -> None:
    app = create_app(TestConfig(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()


@pytest.fixture(scope="session", params=DATABASES)
def database_url(request, tmp_path_factory) -> str:
    """A database upgraded to head by the migrations, once per test session and kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        migrate_to_head(url)
        yield url
        return
    admin_url = os.environ["TEST_DATABASE_URL"]
    url = own_postgresql_database(admin_url)
    migrate_to_head(url)
    yield url
    drop_postgresql_database(admin_url, url)


def _empty_all_tables() -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                conn.execute(sa.text(f"DELETE FROM {name}"))
            has_sequences = conn.execute(
                sa.text("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
            ).first()
            if has_sequences:
                conn.execute(sa.text("DELETE FROM sqlite_sequence"))


@pytest.fixture
def app(database_url):
    """The app on an empty, migrated database; emptied again afterwards, pass or fail."""
    app = create_app(TestConfig(database_url))
    yield app
    with app.app_context():
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_token(client, url: str) -> str:
    """The CSRF token from a page's form, as a browser would send it back."""
    page = client.get(url)
    match = _CSRF.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {url} (status {page.status_code})"
    return match.group(1) or match.group(2)


class FormClient:
    """Wraps a test client: ``submit`` fetches the form page first and posts with its CSRF token."""

    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        return getattr(self.client, name)

    def submit(self, url: str, data: dict, *, form_page: str | None = None, follow_redirects=False):
        data = {**data, "csrf_token": csrf_token(self.client, form_page or url)}
        return self.client.post(url, data=data, follow_redirects=follow_redirects)

    def login(self, email: str, password: str = PASSWORD):
        response = self.submit("/login", {"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return response

    def logout(self):
        return self.submit("/logout", {}, form_page="/")


@pytest.fixture
def client(app) -> FormClient:
    return FormClient(app.test_client())


@pytest.fixture
def make_client(app):
    """Another independent browser, for tests that need two people at once."""
    return lambda: FormClient(app.test_client())


def _loaded(obj):
    db.session.refresh(obj)
    return obj


@pytest.fixture
def make_user(app):
    """Create a user (committed) and return it, detached with its columns loaded."""
    counter = iter(range(1, 10_000))

    def make(email=None, name=None, password=PASSWORD, roles=(), **profile):
        n = next(counter)
        with app.app_context():
            user = accounts.create_user(email or f"person{n}@example.org", name or f"Person {n}", password, actor=None)
            for role, scope in roles:
                kind = {"Programme": "programme", "Event": "event"}.get(type(scope).__name__) if scope else None
                target = db.session.get(type(scope), scope.id) if scope else None
                accounts.grant_role(user, role, actor=None, **({kind: target} if kind else {}))
            for name_, value in profile.items():
                setattr(user, name_, value)
            db.session.commit()
            return _loaded(user)

    return make


@pytest.fixture
def make_programme(app):
    def make(**overrides):
        fields = {"kind": ProgrammeKind.DIALOGUE_INITIATIVE, "title": "Formalising ASM", "summary": ""} | overrides
        with app.app_context():
            programme = programmes.create_programme(actor=None, **fields)
            db.session.commit()
            return _loaded(programme)

    return make


@pytest.fixture
def make_event(app):
    def make(**overrides):
        fields = {
            "kind": EventKind.FIELD_DIALOGUE,
            "title": "Field dialogue in Manica",
            "starts_on": date(2031, 5, 4),
            "ends_on": date(2031, 5, 7),
            "timezone": "Africa/Maputo",
            "country": "MZ",
            "city": "Manica",
            "working_languages": ["en", "pt"],
        } | overrides
        with app.app_context():
            event = events.create_event(actor=None, **fields)
            db.session.commit()
            return _loaded(event)

    return make


@pytest.fixture
def make_registration(app, make_event, make_user):
    """Create a registration (committed) and return its id; an event and a person are made unless given."""

    def make(event=None, user=None, status=RegistrationStatus.CONFIRMED, **fields) -> int:
        event = event or make_event()
        user = user or make_user()
        with app.app_context():
            registration = Registration(event_id=event.id, user_id=user.id, status=status, **fields)
            db.session.add(registration)
            db.session.commit()
            return registration.id

    return make


@dataclass
class Cast:
    """A programme with one event, and one person in each role around them."""

    programme: object
    event: object
    other_event: object
    secretariat: object
    convener: object
    host: object
    steering: object
    participant: object
    outsider: object


@pytest.fixture
def cast(make_user, make_programme, make_event) -> Cast:
    programme = make_programme()
    event = make_event(programme_id=programme.id)
    other_programme = make_programme(title="Another initiative")
    other_event = make_event(title="Workshop elsewhere", programme_id=other_programme.id)
    return Cast(
        programme=programme,
        event=event,
        other_event=other_event,
        secretariat=make_user("secretariat@example.org", "Sam Secretariat", roles=[(Role.SECRETARIAT, None)]),
        convener=make_user("convener@example.org", "Chidi Convener", roles=[(Role.CONVENER, programme)]),
        host=make_user("host@example.org", "Hélène Host", roles=[(Role.HOST, event)]),
        steering=make_user("steering@example.org", "Sipho Steering", roles=[(Role.STEERING_COMMITTEE, programme)]),
        participant=make_user("participant@example.org", "Paulo Participant", roles=[(Role.PARTICIPANT, event)]),
        outsider=make_user("outsider@example.org", "Olga Outsider"),
    )


ROLES = ["anonymous", "outsider", "participant", "steering", "host", "convener", "secretariat"]


@pytest.fixture
def client_as(client, cast):
    """A client logged in as one of ROLES ("anonymous" stays logged out)."""

    def as_(role: str) -> FormClient:
        if role != "anonymous":
            client.login(getattr(cast, role).email)
        return client

    return as_


def count_queries(app, fn) -> int:
    """How many SQL statements ``fn`` sends to the app's database."""
    statements = []

    def listener(*args, **kwargs):
        statements.append(args[2])

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        fn()
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)
    return len(statements)


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent
