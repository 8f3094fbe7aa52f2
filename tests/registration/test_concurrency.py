"""100 simultaneous requests for the last places never over-book, on PostgreSQL.

Each request is a real POST through its own test client, on its own thread, with its
own database session and connection (a pool of 40 connections serves the 100 requests,
so dozens of transactions overlap; PostgreSQL here allows 100 connections in all).

Only PostgreSQL, the production database, is tried: the embedded SQLite file takes one
writer at a time and answers "database is locked" to a request that read before another
wrote, which is a refusal, not an over-booking, and is why production runs PostgreSQL.
"""
import os
import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa

from config import TestConfig
from dialogues import create_app
from dialogues.accounts import services as accounts
from dialogues.events.enums import EventStatus
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.registration.enums import RegistrationStatus, SponsorshipStatus
from dialogues.registration.models import Registration, SponsorshipRequest
from tests.conftest import (
    DATABASES, FormClient, csrf_token, drop_postgresql_database, migrate_to_head, own_postgresql_database,
)
from tests.registration.conftest import DETAILS

REQUESTS = 100


@pytest.fixture(scope="module", params=[kind for kind in DATABASES if kind == "postgresql"])
def database_url(request):
    """This module's own PostgreSQL database, upgraded by the migrations (none without TEST_DATABASE_URL)."""
    admin_url = os.environ["TEST_DATABASE_URL"]
    url = own_postgresql_database(admin_url)
    migrate_to_head(url)
    yield url
    drop_postgresql_database(admin_url, url)


@pytest.fixture
def busy_app(database_url, app):
    """A second app on the same database, with a pool big enough for real overlap."""
    config = TestConfig(database_url)
    config.SQLALCHEMY_ENGINE_OPTIONS = {"pool_size": 40, "max_overflow": 0, "pool_timeout": 60}
    config.LOGIN_RATE_LIMIT = "10000 per minute"
    busy = create_app(config)
    yield busy
    with busy.app_context():
        db.engine.dispose()


def _fire(clients, send):
    """Send one request per client, all released at the same moment."""
    start = threading.Barrier(len(clients))
    statuses = [None] * len(clients)

    def run(i):
        start.wait()
        statuses[i] = send(i, clients[i]).status_code

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return statuses


def _users(busy, n, prefix, roles=()):
    with busy.app_context():
        users = [accounts.create_user(f"{prefix}{i}@example.org", f"{prefix} {i}", "password 123", actor=None)
                 for i in range(n)]
        for user in users:
            for role, scope in roles:
                accounts.grant_role(user, role, programme=scope, actor=None)
        db.session.commit()
        return [u.email for u in users]


def _logged_in(busy, emails):
    clients = []
    for email in emails:
        client = FormClient(busy.test_client())
        client.login(email, "password 123")
        clients.append(client)
    return clients


def test_hundred_simultaneous_registrations_for_the_last_places(busy_app, make_event, make_programme):
    programme = make_programme()
    event = make_event(programme_id=programme.id, status=EventStatus.OPEN, capacity=5, sponsored_places=5)
    clients = _logged_in(busy_app, _users(busy_app, REQUESTS, "racer"))
    url = f"/events/{event.id}/register"
    tokens = [csrf_token(c, url) for c in clients]
    statuses = _fire(clients, lambda i, c: c.post(url, data=DETAILS | {"csrf_token": tokens[i]}))
    assert statuses == [302] * REQUESTS
    with busy_app.app_context():
        counts = dict(db.session.execute(sa.select(Registration.status, sa.func.count())
                                         .where(Registration.event_id == event.id).group_by(Registration.status)).all())
    assert counts == {RegistrationStatus.CONFIRMED: 5, RegistrationStatus.WAITLISTED: REQUESTS - 5}


def test_hundred_simultaneous_awards_for_the_last_sponsored_places(busy_app, make_event, make_programme):
    programme = make_programme()
    event = make_event(programme_id=programme.id, status=EventStatus.OPEN, capacity=200, sponsored_places=3)
    emails = _users(busy_app, REQUESTS, "asker")
    with busy_app.app_context():
        requests = []
        for email in emails:
            user = accounts.user_by_email(email)
            registration = Registration(event_id=event.id, user_id=user.id, status=RegistrationStatus.CONFIRMED)
            registration.sponsorship = SponsorshipRequest(currency="USD", justification="Miner", travel=Decimal("500"))
            db.session.add(registration)
            requests.append(registration.sponsorship)
        db.session.commit()
        request_ids = [r.id for r in requests]
        scope = db.session.get(type(programme), programme.id)
        conveners = [accounts.create_user(f"conv{i}@example.org", f"Convener {i}", "password 123", actor=None)
                     for i in range(REQUESTS)]
        for user in conveners:
            accounts.grant_role(user, Role.CONVENER, programme=scope, actor=None)
        db.session.commit()
        convener_emails = [u.email for u in conveners]
    clients = _logged_in(busy_app, convener_emails)
    tokens = [csrf_token(c, "/") for c in clients]
    award = {"decision": "award", "awarded_travel": "500", "awarded_accommodation": "0",
             "awarded_per_diem": "0", "awarded_visa": "0"}
    statuses = _fire(clients, lambda i, c: c.post(f"/sponsorships/{request_ids[i]}/decision",
                                                  data=award | {"csrf_token": tokens[i]}))
    assert statuses.count(302) == 3 and statuses.count(200) == REQUESTS - 3
    with busy_app.app_context():
        awarded = db.session.scalar(sa.select(sa.func.count()).select_from(SponsorshipRequest)
                                    .where(SponsorshipRequest.status == SponsorshipStatus.AWARDED))
    assert awarded == 3
