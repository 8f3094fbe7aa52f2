"""Fixtures for commitments: a factory that logs one (optionally accepted, with updates) and the CLI."""
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.commitments import services
from dialogues.commitments.cli import commitments_cli
from dialogues.commitments.enums import ActionKind, Level
from dialogues.commitments.models import Commitment
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.mail.models import MailMessage

TODAY = datetime.now(UTC).date()


@pytest.fixture
def make_commitment(app, cast):
    """Log a commitment (committed) and return its id; ``accept`` reviews it, ``updates`` adds progress."""
    counter = iter(range(1, 10_000))

    def make(owner=None, event=None, *, accept=False, visibility="public", due_on=None, updates=(),
             created_on=None, kind=ActionKind.POLICY, level=Level.NATIONAL, title=None):
        with app.app_context():
            owner_ = db.session.get(User, (owner or cast.participant).id)
            event_ = db.session.get(Event, (event or cast.event).id)
            commitment = services.create_commitment(
                owner=owner_, event=event_, actor=owner_, title=title or f"Commitment {next(counter)}",
                description="", due_on=due_on or TODAY + timedelta(days=365), kind=kind, level=level,
                visibility=visibility)
            if accept:
                services.review_commitment(commitment, accept=True, comment="", actor=None)
            for reported_on, status, share in updates:
                services.add_update(commitment, status=status, share_done=share, reported_on=reported_on, actor=owner_)
            if created_on is not None:
                commitment.created_at = datetime(created_on.year, created_on.month, created_on.day, tzinfo=UTC)
            db.session.commit()
            return commitment.id

    return make


@pytest.fixture
def cli(app):
    app.cli.add_command(commitments_cli)
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(commitments_cli, list(args))


def mails(app, kind_prefix="commitment_") -> list[tuple[str, str]]:
    with app.app_context():
        return [(m.kind, m.to_address) for m in db.session.scalars(
            sa.select(MailMessage).where(MailMessage.kind.like(f"{kind_prefix}%")).order_by(MailMessage.id))]


def get(app, commitment_id: int) -> Commitment:
    with app.app_context():
        commitment = db.session.get(Commitment, commitment_id)
        db.session.expunge(commitment)
        return commitment

