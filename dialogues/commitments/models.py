"""Commitments to act, made at or after an event, and the dated progress reported on them."""
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.commitments.enums import ActionKind, CommitmentVisibility, Level, ProgressStatus, ReviewStatus
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.extensions import db
from dialogues.permissions import ScopeKind


class Commitment(db.Model):
    __tablename__ = "commitments"
    __table_args__ = (
        sa.CheckConstraint("event_id IS NOT NULL OR programme_id IS NOT NULL", name="event_or_programme"),
        sa.Index("ix_commitments_owner_id", "owner_id"),
        sa.Index("ix_commitments_event_id", "event_id"),
        sa.Index("ix_commitments_programme_id", "programme_id"),
        sa.Index("ix_commitments_due_on", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id", ondelete="SET NULL"))
    # Made at an event (and so in its programme), or directly to a programme.
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="SET NULL"))
    programme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("programmes.id", ondelete="SET NULL"))
    # The agreed action step or recommendation of a dialogue this commitment carries out.
    outcome_id: Mapped[int | None] = mapped_column(sa.ForeignKey("outcomes.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    due_on: Mapped[date]
    kind: Mapped[ActionKind] = mapped_column(enum_type(ActionKind))
    level: Mapped[Level] = mapped_column(enum_type(Level))
    visibility: Mapped[CommitmentVisibility] = mapped_column(
        enum_type(CommitmentVisibility), default=CommitmentVisibility.PUBLIC)
    review_status: Mapped[ReviewStatus] = mapped_column(enum_type(ReviewStatus), default=ReviewStatus.SUBMITTED)
    review_comment: Mapped[str] = mapped_column(sa.Text, default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when a convener recorded it on the owner's behalf.
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    owner: Mapped["User"] = relationship(foreign_keys=[owner_id])  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    event: Mapped["Event | None"] = relationship()  # noqa: F821
    programme: Mapped["Programme | None"] = relationship()  # noqa: F821
    outcome: Mapped["Outcome | None"] = relationship()  # noqa: F821
    updates: Mapped[list["CommitmentUpdate"]] = relationship(
        back_populates="commitment", cascade="all, delete-orphan",
        order_by=lambda: (CommitmentUpdate.reported_on, CommitmentUpdate.id),
    )

    @property
    def is_public(self) -> bool:
        return self.visibility == CommitmentVisibility.PUBLIC and self.review_status == ReviewStatus.ACCEPTED

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        scopes = set()
        if self.event_id is not None:
            scopes.add((ScopeKind.EVENT, self.event_id))
        if self.programme_id is not None:
            scopes.add((ScopeKind.PROGRAMME, self.programme_id))
        return scopes


class CommitmentUpdate(db.Model):
    """A dated report of progress; history is kept, no update replaces another."""

    __tablename__ = "commitment_updates"
    __table_args__ = (
        sa.CheckConstraint("share_done IN (0, 25, 50, 75, 100)", name="share_done_in_quarters"),
        # The latest report of a commitment is one probe (proceedings, lists of commitments).
        sa.Index("ix_commitment_updates_latest", "commitment_id", "reported_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(sa.ForeignKey("commitments.id", ondelete="CASCADE"))
    reported_on: Mapped[date]
    status: Mapped[ProgressStatus] = mapped_column(enum_type(ProgressStatus))
    share_done: Mapped[int]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    evidence_links: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    commitment: Mapped[Commitment] = relationship(back_populates="updates")
    author: Mapped["User | None"] = relationship()  # noqa: F821
