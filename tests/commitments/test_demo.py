"""The demo commitments: on the demo data, safe to seed twice, with a few years of progress."""
from datetime import date

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.commitments import services
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.demo.commitments import TARKWA, seed_commitments
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome
from dialogues.outcomes.services import add_outcome


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_seed_commitments_on_the_demo_twice(runner, app):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        tarkwa = db.session.scalar(sa.select(Event).where(Event.title == TARKWA))
        if db.session.scalar(sa.select(Outcome.id).where(Outcome.event_id == tarkwa.id,
                                                          Outcome.kind == OutcomeKind.ACTION_STEP)) is None:
            add_outcome(tarkwa, OutcomeKind.ACTION_STEP, "Pilot a one-stop licensing desk.", actor=None)
        seed_commitments(actor=None)
        db.session.commit()
        counts = (_count(Commitment), _count(CommitmentUpdate))
        seed_commitments(actor=None)
        db.session.commit()
        assert (_count(Commitment), _count(CommitmentUpdate)) == counts
        assert counts[0] >= 8
        participant = db.session.scalar(sa.select(User).where(User.email == "participant@example.org"))
        assert db.session.scalar(sa.select(sa.func.count()).where(Commitment.owner_id == participant.id)) == 1
        linked = db.session.scalar(sa.select(Commitment).where(Commitment.outcome_id.is_not(None)))
        assert linked.event_id == tarkwa.id
        rows = services.rows(sa.select(Commitment), date(2026, 11, 23))
        assert any(r.overdue for r in rows) and any(r.inactive for r in rows)
        assert any(r.status.value == "done" for r in rows)
