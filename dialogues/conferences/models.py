"""Conference editions, their sponsors, the call for contributions and its review.

An edition is one event of a conference series; everything here points at the
edition, so events keep their shape. Conflicts of interest are computed from our
own data each time they are asked about (``computed_conflicts``), so a change of
organisation or a new co-authorship counts at once.
"""
from collections import defaultdict
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dialogues.accounts.models import RoleGrant, User
from dialogues.conferences.enums import (
    CONTRIBUTION_TRANSITIONS, ConflictReason, ContributionStatus, ContributionType, SponsorDisplay, SponsorLevel,
    SponsorStatus,
)
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.learning_groups.enums import MembershipStatus
from dialogues.learning_groups.models import GroupMember
from dialogues.permissions import ScopeKind
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme


class Edition(db.Model):
    """One numbered edition of a conference series, held as one event."""

    __tablename__ = "conference_editions"
    __table_args__ = (
        sa.UniqueConstraint("series_id", "number", name="uq_conference_editions_series_number"),
        sa.CheckConstraint("number > 0", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    series_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    host_country: Mapped[str | None] = mapped_column(sa.String(2))
    host_city: Mapped[str] = mapped_column(sa.String(100), default="")
    host_organisations: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    theme: Mapped[str] = mapped_column(sa.String(300), default="")
    # Editions held before this software: what was counted and published then.
    recorded_participants: Mapped[int | None]
    proceedings_note: Mapped[str] = mapped_column(sa.String(300), default="")
    # What the accepted contributions may commit in sponsored travel.
    travel_cap: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    cap_currency: Mapped[str | None] = mapped_column(sa.String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped["Event"] = relationship()  # noqa: F821
    series: Mapped[Programme] = relationship()
    tracks: Mapped[list["Track"]] = relationship(back_populates="edition", cascade="all, delete-orphan",
                                                 order_by="Track.position, Track.id")
    criteria: Mapped[list["ReviewCriterion"]] = relationship(
        back_populates="edition", cascade="all, delete-orphan", order_by="ReviewCriterion.position, ReviewCriterion.id")
    reviewers: Mapped[list["Reviewer"]] = relationship(back_populates="edition", cascade="all, delete-orphan",
                                                       order_by="Reviewer.id")
    sponsors: Mapped[list["Sponsor"]] = relationship(back_populates="edition", cascade="all, delete-orphan",
                                                     order_by="Sponsor.id")
    call: Mapped["Call | None"] = relationship(back_populates="edition", cascade="all, delete-orphan")

    @property
    def is_public(self) -> bool:
        return self.event.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return {(ScopeKind.EVENT, self.event_id), (ScopeKind.PROGRAMME, self.series_id)}


class Track(db.Model):
    __tablename__ = "conference_tracks"

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.String(100))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    edition: Mapped[Edition] = relationship(back_populates="tracks")


class ReviewCriterion(db.Model):
    """A criterion reviewers score from 1 to 5; its weight says how much it counts."""

    __tablename__ = "conference_review_criteria"
    __table_args__ = (sa.CheckConstraint("weight > 0", name="weight_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(sa.String(100))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    weight: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2), default=Decimal(1))
    position: Mapped[int] = mapped_column(default=0)

    edition: Mapped[Edition] = relationship(back_populates="criteria")


reviewer_tracks = sa.Table(
    "conference_reviewer_tracks", db.metadata,
    sa.Column("reviewer_id", sa.ForeignKey("conference_reviewers.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("track_id", sa.ForeignKey("conference_tracks.id", ondelete="CASCADE"), primary_key=True),
)


class Reviewer(db.Model):
    """A person in an edition's reviewer pool: the tracks they review (none: any) and how many at most."""

    __tablename__ = "conference_reviewers"
    __table_args__ = (
        sa.UniqueConstraint("edition_id", "user_id", name="uq_conference_reviewers_edition_user"),
        sa.CheckConstraint("max_load > 0", name="max_load_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    max_load: Mapped[int] = mapped_column(default=10)

    edition: Mapped[Edition] = relationship(back_populates="reviewers")
    user: Mapped[User] = relationship()
    tracks: Mapped[list[Track]] = relationship(secondary=reviewer_tracks, order_by="Track.position, Track.id")

    def covers(self, track_id: int | None) -> bool:
        return not self.tracks or track_id in {t.id for t in self.tracks}


class Sponsor(db.Model):
    """An organisation sponsoring (or approached to sponsor) an edition."""

    __tablename__ = "conference_sponsors"
    __table_args__ = (sa.CheckConstraint("amount IS NULL OR amount >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id", ondelete="RESTRICT"), index=True)
    level: Mapped[SponsorLevel] = mapped_column(enum_type(SponsorLevel))
    status: Mapped[SponsorStatus] = mapped_column(enum_type(SponsorStatus), default=SponsorStatus.PROSPECT)
    amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    currency: Mapped[str | None] = mapped_column(sa.String(3))
    # What the money pays for, e.g. "sponsored places for 10 women miners from Manica".
    funds: Mapped[str] = mapped_column(sa.Text, default="")
    sponsored_places: Mapped[int | None]
    display: Mapped[SponsorDisplay] = mapped_column(enum_type(SponsorDisplay), default=SponsorDisplay.NAME)
    # The budgets area's source-of-funds row for this sponsorship, once it records one.
    funds_source_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    edition: Mapped[Edition] = relationship(back_populates="sponsors")
    organisation: Mapped["Organisation"] = relationship()  # noqa: F821

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.edition.permission_scopes


class Call(db.Model):
    """An edition's call for contributions: when it is open, what it asks for."""

    __tablename__ = "conference_calls"
    __table_args__ = (
        sa.CheckConstraint("closes_at > opens_at", name="closes_after_opening"),
        sa.CheckConstraint("reviewers_per_contribution BETWEEN 1 AND 10", name="reviewers_1_to_10"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"), unique=True)
    # Instants in UTC; entered and shown in the event's time zone.
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    introduction: Mapped[str] = mapped_column(sa.Text, default="")
    contribution_types: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    # The questions every submission answers, in order.
    questions: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    blind_review: Mapped[bool] = mapped_column(default=False)
    reviewers_per_contribution: Mapped[int] = mapped_column(default=3)

    edition: Mapped[Edition] = relationship(back_populates="call")

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now < self.closes_at

    @property
    def types(self) -> list[ContributionType]:
        return [ContributionType(t) for t in self.contribution_types]


class Contribution(db.Model):
    """A submission to a call: a talk, panel, poster, field-visit proposal or country case study."""

    __tablename__ = "conference_contributions"
    __table_args__ = (
        sa.Index("ix_conference_contributions_edition_id_status", "edition_id", "status"),
        sa.CheckConstraint("sponsored_places >= 0", name="sponsored_places_not_negative"),
        sa.CheckConstraint("travel_estimate IS NULL OR travel_estimate >= 0", name="travel_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"))
    track_id: Mapped[int | None] = mapped_column(sa.ForeignKey("conference_tracks.id", ondelete="SET NULL"),
                                                 index=True)
    kind: Mapped[ContributionType] = mapped_column(enum_type(ContributionType))
    accepted_as: Mapped[ContributionType | None] = mapped_column(enum_type(ContributionType))
    title: Mapped[str] = mapped_column(sa.String(200))
    abstract: Mapped[str] = mapped_column(sa.Text)
    language: Mapped[str] = mapped_column(sa.String(3))
    answers: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    needs_sponsorship: Mapped[bool] = mapped_column(default=False)
    sponsored_places: Mapped[int] = mapped_column(default=0)
    travel_estimate: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    travel_currency: Mapped[str | None] = mapped_column(sa.String(3))
    status: Mapped[ContributionStatus] = mapped_column(enum_type(ContributionStatus),
                                                       default=ContributionStatus.SUBMITTED)
    submitted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agenda_items.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    edition: Mapped[Edition] = relationship()
    track: Mapped[Track | None] = relationship()
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    authors: Mapped[list["ContributionAuthor"]] = relationship(
        back_populates="contribution", cascade="all, delete-orphan", order_by="ContributionAuthor.position")
    assignments: Mapped[list["ReviewAssignment"]] = relationship(
        back_populates="contribution", cascade="all, delete-orphan", order_by="ReviewAssignment.id")
    scores: Mapped[list["ReviewScore"]] = relationship(
        back_populates="contribution", cascade="all, delete-orphan", order_by="ReviewScore.id")
    decisions: Mapped[list["ContributionDecision"]] = relationship(
        back_populates="contribution", cascade="all, delete-orphan", order_by="ContributionDecision.id")
    agenda_item: Mapped["AgendaItem | None"] = relationship()  # noqa: F821

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.edition.permission_scopes

    @property
    def owner_id(self) -> int | None:
        return self.submitted_by_id

    @property
    def author_ids(self) -> set[int]:
        return {a.user_id for a in self.authors}

    @property
    def final_type(self) -> ContributionType:
        return self.accepted_as or self.kind

    def is_author(self, user_id: int) -> bool:
        return user_id == self.submitted_by_id or user_id in self.author_ids

    def is_assigned_to(self, user_id: int) -> bool:
        return any(a.reviewer_id == user_id for a in self.assignments)

    def conflicts_with(self, user_id: int) -> list[ConflictReason]:
        """Why ``user_id`` may not review this contribution (empty: no conflict)."""
        return computed_conflicts([self.id], [user_id]).get((self.id, user_id), [])

    def reviewable_by(self, user_id: int) -> bool:
        """Assigned, and not in conflict: conflicts found after assignment still close the door."""
        return self.is_assigned_to(user_id) and not self.conflicts_with(user_id)

    def change_status(self, new_status: ContributionStatus, *, message: str, actor,
                      accepted_as: ContributionType | None = None) -> "ContributionDecision":
        """Move to ``new_status``, keeping who decided, when and what the authors were told."""
        new_status = ContributionStatus(new_status)
        if new_status == self.status and accepted_as == self.accepted_as:
            raise DomainError(_("The contribution is already %(status)s.", status=new_status.label.lower()))
        if new_status != self.status and new_status not in CONTRIBUTION_TRANSITIONS[self.status]:
            raise DomainError(_("A %(old)s contribution cannot become %(new)s.", old=self.status.label.lower(),
                                new=new_status.label.lower()))
        if not (message or "").strip():
            raise DomainError(_("Write the message to the authors: it is kept with the decision."))
        decision = ContributionDecision(
            from_status=self.status, to_status=new_status, accepted_as=accepted_as, message=message.strip(),
            decided_by_id=actor.id if actor is not None else None,
        )
        self.decisions.append(decision)
        self.status = new_status
        self.accepted_as = accepted_as if new_status == ContributionStatus.ACCEPTED else None
        return decision


class ContributionAuthor(db.Model):
    """An author of a contribution; co-authors not yet known here are invited by email."""

    __tablename__ = "conference_contribution_authors"
    __table_args__ = (
        sa.UniqueConstraint("contribution_id", "user_id", name="uq_conference_contribution_authors_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        sa.ForeignKey("conference_contributions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    presenting: Mapped[bool] = mapped_column(default=False)

    contribution: Mapped[Contribution] = relationship(back_populates="authors")
    user: Mapped[User] = relationship()


class ContributionDecision(db.Model):
    """A change of a contribution's status: who, when, and the message sent to the authors."""

    __tablename__ = "conference_contribution_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        sa.ForeignKey("conference_contributions.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[ContributionStatus] = mapped_column(enum_type(ContributionStatus))
    to_status: Mapped[ContributionStatus] = mapped_column(enum_type(ContributionStatus))
    accepted_as: Mapped[ContributionType | None] = mapped_column(enum_type(ContributionType))
    message: Mapped[str] = mapped_column(sa.Text)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contribution: Mapped[Contribution] = relationship(back_populates="decisions")
    decided_by: Mapped[User | None] = relationship()


class ReviewAssignment(db.Model):
    __tablename__ = "conference_review_assignments"
    __table_args__ = (
        sa.UniqueConstraint("contribution_id", "reviewer_id", name="uq_conference_review_assignments_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        sa.ForeignKey("conference_contributions.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    automatic: Mapped[bool] = mapped_column(default=True)
    assigned_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contribution: Mapped[Contribution] = relationship(back_populates="assignments")
    reviewer: Mapped[User] = relationship(foreign_keys=[reviewer_id])


class ReviewScore(db.Model):
    """One reviewer's score, 1 to 5, and comment on one criterion of one contribution."""

    __tablename__ = "conference_review_scores"
    __table_args__ = (
        sa.UniqueConstraint("contribution_id", "reviewer_id", "criterion_id", name="uq_conference_review_scores_one"),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name="value_1_to_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        sa.ForeignKey("conference_contributions.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_review_criteria.id", ondelete="CASCADE"),
                                              index=True)
    value: Mapped[int]
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    contribution: Mapped[Contribution] = relationship(back_populates="scores")
    reviewer: Mapped[User] = relationship()
    criterion: Mapped[ReviewCriterion] = relationship()


class DeclaredConflict(db.Model):
    """A conflict a reviewer declares: with one contribution, or with a person (all their contributions)."""

    __tablename__ = "conference_declared_conflicts"
    __table_args__ = (
        sa.CheckConstraint("(contribution_id IS NULL) <> (person_id IS NULL)", name="one_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(sa.ForeignKey("conference_editions.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    contribution_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("conference_contributions.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def computed_conflicts(contribution_ids, reviewer_ids) -> dict[tuple[int, int], list[ConflictReason]]:
    """Every conflict between these contributions and these reviewers, in five queries whatever their number.

    From our data: being an author, the same organisation as an author, having written a
    contribution with an author before (in any edition), being a member of (or holding a
    role in) the same learning group as an author; plus what reviewers declared.
    """
    contribution_ids, reviewer_ids = list(set(contribution_ids)), list(set(reviewer_ids))
    if not contribution_ids or not reviewer_ids:
        return {}
    authors: dict[int, set[int]] = defaultdict(set)
    edition_of: dict[int, int] = {}
    rows = db.session.execute(
        sa.select(Contribution.id, Contribution.edition_id, Contribution.submitted_by_id,
                  ContributionAuthor.user_id)
        .outerjoin(ContributionAuthor, ContributionAuthor.contribution_id == Contribution.id)
        .where(Contribution.id.in_(contribution_ids))
    )
    for cid, edition_id, submitter, author in rows:
        edition_of[cid] = edition_id
        authors[cid].update(u for u in (submitter, author) if u is not None)
    people = set(reviewer_ids).union(*authors.values()) if authors else set(reviewer_ids)
    organisation_of = dict(db.session.execute(
        sa.select(User.id, User.organisation_id).where(User.id.in_(people))).all())
    everyone_authoring = set().union(*authors.values()) if authors else set()
    # Who has written with whom: pairs of a reviewer and an author on one contribution, anywhere.
    a1, a2 = sa.orm.aliased(ContributionAuthor), sa.orm.aliased(ContributionAuthor)
    co_authors: dict[int, set[int]] = defaultdict(set)
    for reviewer, other in db.session.execute(
            sa.select(a1.user_id, a2.user_id).join(a2, a2.contribution_id == a1.contribution_id)
            .where(a1.user_id.in_(reviewer_ids), a2.user_id.in_(everyone_authoring), a1.user_id != a2.user_id)
            .distinct()):
        co_authors[reviewer].add(other)
    # A learning group's members: its active roster, and anyone holding a role on it (its coordinator).
    groups: dict[int, set[int]] = defaultdict(set)
    for user_id, programme_id in db.session.execute(sa.union(
            sa.select(GroupMember.user_id, GroupMember.group_id).where(
                GroupMember.status == MembershipStatus.ACTIVE, GroupMember.user_id.in_(people)),
            sa.select(RoleGrant.user_id, RoleGrant.programme_id)
            .join(Programme, Programme.id == RoleGrant.programme_id)
            .where(Programme.kind == ProgrammeKind.LEARNING_GROUP, RoleGrant.user_id.in_(people)))):
        groups[user_id].add(programme_id)
    declared_contributions: set[tuple[int, int]] = set()
    declared_people: dict[int, set[int]] = defaultdict(set)
    for reviewer, contribution_id, person_id in db.session.execute(
            sa.select(DeclaredConflict.reviewer_id, DeclaredConflict.contribution_id, DeclaredConflict.person_id)
            .where(DeclaredConflict.reviewer_id.in_(reviewer_ids),
                   DeclaredConflict.edition_id.in_(set(edition_of.values())))):
        if contribution_id is not None:
            declared_contributions.add((contribution_id, reviewer))
        else:
            declared_people[reviewer].add(person_id)

    result: dict[tuple[int, int], list[ConflictReason]] = {}
    for cid in contribution_ids:
        writers = authors.get(cid, set())
        writer_orgs = {organisation_of.get(u) for u in writers} - {None}
        writer_groups = set().union(*(groups.get(u, set()) for u in writers)) if writers else set()
        for rid in reviewer_ids:
            reasons = []
            if rid in writers:
                reasons.append(ConflictReason.OWN_CONTRIBUTION)
            if organisation_of.get(rid) is not None and organisation_of.get(rid) in writer_orgs:
                reasons.append(ConflictReason.SAME_ORGANISATION)
            if co_authors.get(rid, set()) & writers:
                reasons.append(ConflictReason.CO_AUTHOR)
            if groups.get(rid, set()) & writer_groups:
                reasons.append(ConflictReason.SAME_LEARNING_GROUP)
            if (cid, rid) in declared_contributions or declared_people.get(rid, set()) & writers:
                reasons.append(ConflictReason.DECLARED)
            if reasons:
                result[(cid, rid)] = reasons
    return result
