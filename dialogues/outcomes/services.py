"""Outcome rules: recording what a dialogue produced, one item per point, in order within its kind."""
import logging
import re
from typing import Literal

import sqlalchemy as sa

from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.languages import services as content
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome

logger = logging.getLogger(__name__)

# What participants' commitments link to: "decisions on action steps or recommendations".
COMMITMENT_KINDS = (OutcomeKind.RECOMMENDATION, OutcomeKind.ACTION_STEP)

_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def _clean(text: str | None) -> str:
    """The text with browser line endings unified and paragraphs separated by exactly one blank line."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [paragraph.strip() for paragraph in _BLANK_LINES.split(text)]
    cleaned = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    if not cleaned:
        raise DomainError("Write the text of this item: it cannot be empty.")
    return cleaned


def _siblings(outcome: Outcome) -> list[Outcome]:
    return list(db.session.scalars(
        sa.select(Outcome)
        .where(Outcome.event_id == outcome.event_id, Outcome.kind == outcome.kind)
        .order_by(Outcome.position, Outcome.id)
    ))


def add_outcome(event: Event, kind: OutcomeKind, text: str, *, actor) -> Outcome:
    """Record a new item of ``kind`` for ``event``, after the items already recorded of that kind."""
    kind = OutcomeKind(kind)
    text = _clean(text)
    last = db.session.scalar(
        sa.select(sa.func.max(Outcome.position)).where(Outcome.event_id == event.id, Outcome.kind == kind)
    )
    outcome = Outcome(
        event_id=event.id, kind=kind, text=text, position=0 if last is None else last + 1,
        recorded_by_id=actor.id if actor is not None else None,
    )
    db.session.add(outcome)
    db.session.flush()
    logger.info("outcome %s (%s) added to event %s by %s", outcome.id, kind.value, event.id, describe(actor))
    return outcome


def update_outcome(outcome: Outcome, text: str, *, actor) -> Outcome:
    """Change the text of an item."""
    outcome.text = _clean(text)
    db.session.flush()
    logger.info("outcome %s of event %s updated by %s", outcome.id, outcome.event_id, describe(actor))
    return outcome


def remove_outcome(outcome: Outcome, *, actor) -> None:
    """Delete an item; the others of its kind keep their order."""
    outcome_id, event_id = outcome.id, outcome.event_id
    content.forget(outcome)
    db.session.delete(outcome)
    db.session.flush()
    logger.info("outcome %s of event %s removed by %s", outcome_id, event_id, describe(actor))


def move_outcome(outcome: Outcome, direction: Literal["up", "down"], *, actor) -> Outcome:
    """Swap an item with its neighbour above or below within its kind; at either end nothing moves."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    siblings = _siblings(outcome)
    index = siblings.index(outcome)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        # Renumbering the whole kind also mends equal positions left by two simultaneous additions.
        for position, sibling in enumerate(siblings):
            sibling.position = position
        db.session.flush()
        logger.info("outcome %s of event %s moved %s by %s", outcome.id, outcome.event_id, direction, describe(actor))
    return outcome


def outcomes_by_kind(event: Event) -> dict[OutcomeKind, list[Outcome]]:
    """Every item of ``event`` grouped by kind, in the order proceedings print them (empty kinds included)."""
    groups: dict[OutcomeKind, list[Outcome]] = {kind: [] for kind in OutcomeKind}
    outcomes = db.session.scalars(
        sa.select(Outcome).where(Outcome.event_id == event.id).order_by(Outcome.position, Outcome.id)
    )
    for outcome in outcomes:
        groups[outcome.kind].append(outcome)
    return groups


def action_steps(event: Event) -> list[Outcome]:
    """The recommendations and agreed action steps of ``event``, in order: what commitments link to."""
    groups = outcomes_by_kind(event)
    return [outcome for kind in COMMITMENT_KINDS for outcome in groups[kind]]


def outcome_counts(event: Event) -> dict[OutcomeKind, int]:
    """How many items of each kind ``event`` has (kinds with none left out), in OutcomeKind order."""
    rows = dict(db.session.execute(
        sa.select(Outcome.kind, sa.func.count()).where(Outcome.event_id == event.id).group_by(Outcome.kind)
    ).all())
    return {kind: rows[kind] for kind in OutcomeKind if kind in rows}
