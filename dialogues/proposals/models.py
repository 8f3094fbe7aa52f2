"""Issue proposals, the steering committee's scores, and the decisions taken on them."""
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.permissions import ScopeKind
from dialogues.proposals.enums import OPEN_STATUSES, PROPOSAL_TRANSITIONS, Criterion, ProposalStatus, Region


class IssueProposal(db.Model):
    __tablename__ = "issue_proposals"
    __table_args__ = (sa.Index("ix_issue_proposals_series_id", "series_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(200))
    problem_statement: Mapped[str] = mapped_column(sa.Text)
    why_now: Mapped[str] = mapped_column(sa.Text, default="")
    regions: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    countries: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    potential_partners: Mapped[str] = mapped_column(sa.Text, default="")
    funding_prospects: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[ProposalStatus] = mapped_column(enum_type(ProposalStatus), default=ProposalStatus.PROPOSED)
    proposed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    scoring_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scoring_closed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    series: Mapped["Programme"] = relationship()  # noqa: F821
    proposed_by: Mapped["User | None"] = relationship(foreign_keys=[proposed_by_id])  # noqa: F821
    scores: Mapped[list["ProposalScore"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan", order_by="ProposalScore.id"
    )
    decisions: Mapped[list["ProposalDecision"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan", order_by="ProposalDecision.id"
    )

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return {(ScopeKind.PROGRAMME, self.series_id)}

    @property
    def owner_id(self) -> int | None:
        return self.proposed_by_id

    @property
    def region_labels(self) -> list[str]:
        """The regions concerned, named as people write them (from Region's table, not the stored codes)."""
        return [Region(code).label for code in self.regions or [] if code in Region.__members__.values()]

    @property
    def scoring_closed(self) -> bool:
        return self.scoring_closed_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def has_complete_scores_from(self, user_id: int) -> bool:
        return len({s.criterion for s in self.scores if s.member_id == user_id}) == len(Criterion)

    def change_status(self, new_status: ProposalStatus, *, reason: str, actor) -> "ProposalDecision":
        """Move to ``new_status``, recording who decided, when and why."""
        new_status = ProposalStatus(new_status)
        if new_status == self.status:
            raise DomainError(f"The proposal is already {new_status.label.lower()}.")
        if new_status not in PROPOSAL_TRANSITIONS[self.status]:
            raise DomainError(f"A proposal that is {self.status.label.lower()} cannot become {new_status.label.lower()}.")
        if not (reason or "").strip():
            raise DomainError("Say why: the reason is kept with the decision.")
        decision = ProposalDecision(
            from_status=self.status, to_status=new_status, reason=reason.strip(),
            decided_by_id=actor.id if actor is not None else None,
        )
        self.decisions.append(decision)
        self.status = new_status
        return decision

    def close_scoring(self, *, actor) -> None:
        if self.scoring_closed:
            raise DomainError("Scoring on this proposal is already closed.")
        self.scoring_closed_at = utcnow()
        self.scoring_closed_by_id = actor.id if actor is not None else None


class ProposalScore(db.Model):
    """One committee member's score, 1 to 5, on one criterion of one proposal."""

    __tablename__ = "proposal_scores"
    __table_args__ = (
        sa.UniqueConstraint("proposal_id", "member_id", "criterion", name="uq_proposal_scores_member_criterion"),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name="value_1_to_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(sa.ForeignKey("issue_proposals.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[int]  # a Criterion value
    value: Mapped[int]
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    proposal: Mapped[IssueProposal] = relationship(back_populates="scores")
    member: Mapped["User"] = relationship()  # noqa: F821


class ProposalDecision(db.Model):
    """A change of a proposal's status: who decided, when, and why."""

    __tablename__ = "proposal_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(sa.ForeignKey("issue_proposals.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[ProposalStatus] = mapped_column(enum_type(ProposalStatus))
    to_status: Mapped[ProposalStatus] = mapped_column(enum_type(ProposalStatus))
    reason: Mapped[str] = mapped_column(sa.Text)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    proposal: Mapped[IssueProposal] = relationship(back_populates="decisions")
    decided_by: Mapped["User | None"] = relationship()  # noqa: F821


class CriterionWeight(db.Model):
    """How much a criterion counts in a series' ranking; equal (1) unless the secretariat sets otherwise."""

    __tablename__ = "criterion_weights"
    __table_args__ = (sa.UniqueConstraint("series_id", "criterion", name="uq_criterion_weights_series_criterion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    criterion: Mapped[int]  # a Criterion value
    weight: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))
