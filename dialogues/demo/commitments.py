"""Demo commitments: what participants of the held demo dialogues promised, with years of progress."""
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.commitments import services
from dialogues.commitments.enums import ActionKind, CommitmentVisibility, Level, ProgressStatus
from dialogues.commitments.models import Commitment
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome

logger = logging.getLogger(__name__)

MAPUTO = "Scoping dialogue on ASM formalisation, Maputo"
TARKWA = "Field dialogue: from informal pits to licensed cooperatives, Tarkwa"
CASM = "9th Annual CASM Conference, Maputo 2009"

S = ProgressStatus


@dataclass(frozen=True)
class DemoCommitment:
    event_title: str
    owner_email: str
    title: str
    kind: ActionKind
    level: Level
    due_on: date
    made_on: date
    updates: tuple = ()  # (reported_on, status, share done, note)
    visibility: CommitmentVisibility = CommitmentVisibility.PUBLIC
    accepted: bool = True
    on_action_step: bool = False


COMMITMENTS = (
    DemoCommitment(MAPUTO, "joao.muianga@example.org", "Register 12 Manica mining associations as cooperatives",
                   ActionKind.PRACTICE, Level.LOCAL, date(2026, 6, 30), date(2025, 3, 12), (
                       (date(2025, 6, 20), S.IN_PROGRESS, 25, "Four associations have filed papers."),
                       (date(2025, 12, 5), S.IN_PROGRESS, 50, "Six registered; two waiting for the notary."),
                       (date(2026, 5, 28), S.IN_PROGRESS, 75, "Nine registered."))),
    DemoCommitment(MAPUTO, "lucia.mabunda@example.org", "Hold quarterly community meetings on land for mining",
                   ActionKind.COMMUNICATION, Level.LOCAL, date(2026, 3, 31), date(2025, 3, 12), (
                       (date(2025, 7, 1), S.IN_PROGRESS, 25, "First meeting held in Sussundenga."),
                       (date(2026, 3, 30), S.DONE, 100, "Four meetings held; notes shared with the district."))),
    DemoCommitment(MAPUTO, "zofia.wisniewska@example.com", "Fund a two-year formalisation helpdesk in Manica",
                   ActionKind.FUNDING, Level.NATIONAL, date(2027, 3, 31), date(2025, 3, 12), (
                       (date(2025, 10, 14), S.IN_PROGRESS, 50, "Grant agreement signed."),)),
    DemoCommitment(MAPUTO, "participant@example.org", "Share Peru's cooperative statutes with Manica associations",
                   ActionKind.PARTNERSHIP, Level.INTERNATIONAL, date(2025, 12, 31), date(2025, 3, 12), (
                       (date(2025, 5, 2), S.IN_PROGRESS, 25, "Statutes translated into Portuguese."),)),
    DemoCommitment(TARKWA, "abena.owusu@example.org", "Test river water below the Tarkwa pits every quarter",
                   ActionKind.RESEARCH, Level.LOCAL, date(2026, 12, 31), date(2026, 6, 12), (
                       (date(2026, 7, 10), S.IN_PROGRESS, 25, "First samples taken with the university."),
                       (date(2026, 10, 12), S.IN_PROGRESS, 50, "Two rounds done."))),
    DemoCommitment(TARKWA, "yaw.darko@example.org", "Open a one-stop licensing desk in the district office",
                   ActionKind.POLICY, Level.NATIONAL, date(2026, 9, 30), date(2026, 6, 12), (
                       (date(2026, 7, 15), S.NOT_STARTED, 0, "Waiting for the budget."),),
                   on_action_step=True),
    DemoCommitment(TARKWA, "gabriel.kowalczyk@example.com", "Offer buying agreements to two licensed cooperatives",
                   ActionKind.PARTNERSHIP, Level.REGIONAL, date(2027, 6, 30), date(2026, 6, 12),
                   visibility=CommitmentVisibility.CONVENERS, accepted=False),
    DemoCommitment(CASM, "esperance.mwamba@example.net", "Publish a yearly report on artisanal mining in Kivu",
                   ActionKind.COMMUNICATION, Level.REGIONAL, date(2027, 12, 31), date(2024, 10, 1)),
    DemoCommitment(CASM, "dang.thi.huong@example.org", "Map mercury use at 30 small gold sites",
                   ActionKind.RESEARCH, Level.NATIONAL, date(2025, 6, 30), date(2024, 10, 1), (
                       (date(2025, 2, 1), S.IN_PROGRESS, 50, "Fifteen sites mapped."),
                       (date(2025, 9, 1), S.DROPPED, 50, "Funding ended; data shared with the ministry."))),
)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def seed_commitments(*, actor) -> None:
    """Add the demo commitments that are not there yet; skip those whose event or owner is missing."""
    titles = {spec.event_title for spec in COMMITMENTS}
    events = {e.title: e for e in db.session.scalars(sa.select(Event).where(Event.title.in_(titles)))}
    emails = {spec.owner_email for spec in COMMITMENTS}
    people = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.in_(emails)))}
    for spec in COMMITMENTS:
        event, owner = events.get(spec.event_title), people.get(spec.owner_email)
        if event is None or owner is None:
            continue
        exists = db.session.scalar(sa.select(Commitment.id).where(
            Commitment.owner_id == owner.id, Commitment.event_id == event.id, Commitment.title == spec.title))
        if exists is not None:
            continue
        step = None
        if spec.on_action_step:
            step = db.session.scalar(sa.select(Outcome.id).where(
                Outcome.event_id == event.id, Outcome.kind == OutcomeKind.ACTION_STEP).order_by(Outcome.position))
        commitment = services.create_commitment(
            owner=owner, event=event, actor=owner, title=spec.title, due_on=spec.due_on, kind=spec.kind,
            level=spec.level, visibility=spec.visibility, outcome_id=step,
            organisation_id=owner.organisation_id,
            description="Agreed at the dialogue; progress reported by the owner.")
        commitment.created_at = _at(spec.made_on)
        if spec.accepted:
            services.review_commitment(commitment, accept=True, comment="", actor=actor)
        for reported_on, status, share, note in spec.updates:
            services.add_update(commitment, status=status, share_done=share, note=note,
                                reported_on=reported_on, actor=owner)
    db.session.flush()
    logger.info("demo commitments seeded")
