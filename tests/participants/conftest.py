"""Registrations built directly with the models, a statement counter, and CSV uploads posted as a browser does."""
import io
from contextlib import contextmanager
from decimal import Decimal

import pytest
import sqlalchemy as sa

from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import User
from dialogues.extensions import db
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration, SponsorshipRequest
from tests.conftest import csrf_token


@pytest.fixture
def register(app):
    """Add a registration (for a new person unless ``user`` is given) to an event, committed; returns its id."""
    counter = iter(range(1, 100_000))

    def add(event, *, user=None, name=None, gender=None, status=RegistrationStatus.CONFIRMED,
            group=StakeholderGroup.ASM, country="MZ", listed=True, sponsorship=None, **fields) -> int:
        n = next(counter)
        with app.app_context():
            if user is None:
                user = User(email=f"registrant{n}@example.org", name=name or f"Registrant {n:03d}",
                            gender=gender, languages=[])
                db.session.add(user)
                db.session.flush()
            registration = Registration(event_id=event.id, user_id=user.id, status=status, stakeholder_group=group,
                                        country=country, listed=listed, **{"languages": []} | fields)
            if sponsorship is not None:
                registration.sponsorship = SponsorshipRequest(
                    status=sponsorship, currency="USD", justification="Bus and flight from Manica", travel=Decimal("300"))
            db.session.add(registration)
            db.session.commit()
            return registration.id

    return add


@pytest.fixture
def registration(app):
    """The stored registration with this id, read afresh."""

    def read(registration_id: int) -> Registration:
        with app.app_context():
            return db.session.get(Registration, registration_id)

    return read


@pytest.fixture
def count_statements(app):
    """A context manager whose list gets one entry per SQL statement sent while it is open."""

    @contextmanager
    def counting():
        statements = []
        with app.app_context():
            engine = db.engine

        def record(conn, cursor, statement, *args):
            statements.append(statement)

        sa.event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa.event.remove(engine, "before_cursor_execute", record)

    return counting


@pytest.fixture
def upload_csv(client):
    """Post the import form with ``content`` as the uploaded file (or ``text`` pasted), with a real CSRF token."""

    def post(event_id: int, content: bytes | None = None, *, text: str = "", filename: str = "invitees.csv"):
        page = f"/events/{event_id}/invitees/import"
        data = {"text": text, "csrf_token": csrf_token(client.client, page)}
        if content is not None:
            data["file"] = (io.BytesIO(content), filename)
        return client.client.post(page, data=data, content_type="multipart/form-data")

    return post

