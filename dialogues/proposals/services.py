"""The steering committee's work: proposing issues, scoring them, ranking and deciding."""
import logging
import statistics
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from dialogues.core import codes
from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.programmes.enums import ProgrammeKind
from dialogues.proposals.enums import OPEN_STATUSES, Criterion, ProposalStatus, Region
from dialogues.proposals.models import CriterionWeight, IssueProposal, ProposalDecision, ProposalScore

logger = logging.getLogger(__name__)

PROPOSAL_FIELDS = (
    "title", "problem_statement", "why_now", "regions", "countries", "potential_partners", "funding_prospects",
)
TWO_PLACES = Decimal("0.01")


def _check_fields(fields: dict) -> dict:
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise TypeError(f"not proposal fields: {sorted(unknown)}")
    if not (fields.get("title") or "").strip() or not (fields.get("problem_statement") or "").strip():
        raise DomainError("A proposal needs a title and a problem statement.")
    bad_countries = [c for c in fields.get("countries", []) if not codes.is_country(c)]
    if bad_countries:
        raise DomainError(f"Not ISO 3166-1 country codes: {', '.join(bad_countries)}.")
    for region in fields.get("regions", []):
        Region(region)
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


def propose_issue(series, *, actor, **fields) -> IssueProposal:
    """A committee member or convener puts an issue forward for the series to consider."""
    if series.kind != ProgrammeKind.DIALOGUE_SERIES:
        raise DomainError("Issues are proposed to a dialogue series.")
    proposal = IssueProposal(series_id=series.id, proposed_by_id=actor.id if actor else None,
                             **_check_fields(fields))
    db.session.add(proposal)
    db.session.flush()
    logger.info("issue proposal %s proposed by %s", proposal.id, describe(actor))
    return proposal


def update_proposal(proposal: IssueProposal, *, actor, **fields) -> None:
    """Correct or complete a proposal's text while it is still open."""
    if not proposal.is_open:
        raise DomainError("Only proposed or being-scoped issues can be edited.")
    for name, value in _check_fields(fields).items():
        setattr(proposal, name, value)
    db.session.flush()
    logger.info("issue proposal %s edited by %s", proposal.id, describe(actor))


def submit_scores(proposal: IssueProposal, scores: dict[Criterion, tuple[int, str]], *, actor) -> None:
    """Record (or replace) one member's score and comment on every criterion."""
    if proposal.scoring_closed:
        raise DomainError("Scoring on this proposal is closed.")
    if not proposal.is_open:
        raise DomainError("Only proposed or being-scoped issues are scored.")
    if set(scores) != set(Criterion):
        raise DomainError("Score every one of the six criteria.")
    mine = {s.criterion: s for s in proposal.scores if s.member_id == actor.id}
    for criterion, (value, comment) in scores.items():
        if not 1 <= int(value) <= 5:
            raise DomainError("Scores go from 1 to 5.")
        score = mine.get(int(criterion))
        if score is None:
            score = ProposalScore(member_id=actor.id, criterion=int(criterion))
            proposal.scores.append(score)
        score.value = int(value)
        score.comment = (comment or "").strip()
    db.session.flush()
    logger.info("scores on issue proposal %s submitted by %s", proposal.id, describe(actor))


def close_scoring(proposal: IssueProposal, *, actor) -> None:
    """The convener closes the round: scores can no longer change, and all members see them."""
    proposal.close_scoring(actor=actor)
    db.session.flush()
    logger.info("scoring on issue proposal %s closed by %s", proposal.id, describe(actor))


def decide(proposal: IssueProposal, status: ProposalStatus, reason: str, *, actor) -> ProposalDecision:
    """Change a proposal's status, keeping who decided, when and why."""
    decision = proposal.change_status(status, reason=reason, actor=actor)
    db.session.flush()
    logger.info("issue proposal %s moved to %s by %s", proposal.id, proposal.status, describe(actor))
    return decision


def criterion_weights(series_id: int) -> dict[Criterion, Decimal]:
    """The weight of each criterion in a series' ranking; 1 where none was set."""
    stored = dict(db.session.execute(
        sa.select(CriterionWeight.criterion, CriterionWeight.weight).where(CriterionWeight.series_id == series_id)
    ).all())
    return {c: Decimal(stored.get(int(c), Decimal(1))) for c in Criterion}


def set_criterion_weights(series, weights: dict[Criterion, Decimal], *, actor) -> None:
    """The secretariat sets how much each criterion counts (0 leaves it out of the ranking)."""
    if any(w < 0 for w in weights.values()) or not any(w > 0 for w in weights.values()):
        raise DomainError("Weights cannot be negative, and at least one must be above zero.")
    existing = {w.criterion: w for w in db.session.scalars(
        sa.select(CriterionWeight).where(CriterionWeight.series_id == series.id))}
    for criterion, weight in weights.items():
        row = existing.get(int(criterion)) or CriterionWeight(series_id=series.id, criterion=int(criterion))
        row.weight = Decimal(weight)
        db.session.add(row)
    db.session.flush()
    logger.info("criterion weights of series %s set by %s", series.id, describe(actor))


@dataclass(frozen=True)
class CriterionStats:
    criterion: Criterion
    scorers: int
    mean: Decimal | None
    spread: Decimal | None  # population standard deviation
    lowest: int | None
    highest: int | None


def criterion_stats(scores: list[ProposalScore]) -> list[CriterionStats]:
    """Per criterion: how many scored it, the mean, the spread and the range."""
    result = []
    for criterion in Criterion:
        values = [Decimal(s.value) for s in scores if s.criterion == criterion]
        if not values:
            result.append(CriterionStats(criterion, 0, None, None, None, None))
            continue
        result.append(CriterionStats(
            criterion, len(values),
            statistics.mean(values).quantize(TWO_PLACES),
            statistics.pstdev(values).quantize(TWO_PLACES),
            int(min(values)), int(max(values)),
        ))
    return result


def weighted_score(stats: list[CriterionStats], weights: dict[Criterion, Decimal]) -> Decimal | None:
    """The weighted mean of the criterion means, over the criteria anyone has scored."""
    scored = [s for s in stats if s.mean is not None and weights[s.criterion] > 0]
    total_weight = sum(weights[s.criterion] for s in scored)
    if not scored or total_weight == 0:
        return None
    return (sum(weights[s.criterion] * s.mean for s in scored) / total_weight).quantize(TWO_PLACES)


@dataclass(frozen=True)
class RankedProposal:
    proposal: IssueProposal
    score: Decimal | None
    stats: list[CriterionStats]

    @property
    def most_disputed(self) -> CriterionStats | None:
        """The criterion on which scorers disagree most (largest spread), if any disagree."""
        spread = [s for s in self.stats if s.spread]
        return max(spread, key=lambda s: s.spread) if spread else None

    @property
    def scorers(self) -> int:
        return max((s.scorers for s in self.stats), default=0)


def ranking(series_id: int) -> list[RankedProposal]:
    """Open proposals of a series, best weighted score first; unscored ones last."""
    proposals = db.session.scalars(
        sa.select(IssueProposal)
        .where(IssueProposal.series_id == series_id, IssueProposal.status.in_(OPEN_STATUSES))
        .options(selectinload(IssueProposal.scores))
        .order_by(IssueProposal.id)
    ).all()
    weights = criterion_weights(series_id)
    ranked = []
    for proposal in proposals:
        stats = criterion_stats(proposal.scores)
        ranked.append(RankedProposal(proposal, weighted_score(stats, weights), stats))
    return sorted(ranked, key=lambda r: (r.score is None, -(r.score or 0), r.proposal.id))


def proposals_of(series_id: int) -> list[IssueProposal]:
    """Every proposal of a series, newest first."""
    return db.session.scalars(
        sa.select(IssueProposal).where(IssueProposal.series_id == series_id)
        .options(selectinload(IssueProposal.scores), selectinload(IssueProposal.proposed_by))
        .order_by(IssueProposal.created_at.desc(), IssueProposal.id.desc())
    ).all()
