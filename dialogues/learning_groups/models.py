"""Country learning groups, the programme they belong to, its logframe, and the groups' plans and reports.

A learning group stays a ``Programme`` of kind learning group (its meetings, role grants,
commitments and calendars keep working unchanged); what it adds lives in tables that point
at it, as an initiative's do. The programme-wide level is itself a programme (kind
learning-group programme), so that its conveners hold an ordinary role grant on it and its
international learning events are ordinary events in it.
"""
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from dialogues.accounts.enums import Gender, StakeholderGroup
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.learning_groups.enums import (
    NEEDS_REASON, REVIEW_TRANSITIONS, ActivityKind, ActivityStatus, IndicatorUnit, MembershipStatus, ReviewStatus,
)
from dialogues.permissions import ScopeKind


class LearningProgramme(db.Model):
    """What the learning-group programme adds to its programme row: the rules its groups are held to."""

    __tablename__ = "learning_programmes"

    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True)
    # Stakeholder groups every country group should include (artisanal miners, by default).
    required_groups: Mapped[list[str]] = mapped_column(sa.JSON, default=lambda: [StakeholderGroup.ASM.value])
    min_members: Mapped[int] = mapped_column(default=3)
    max_members: Mapped[int] = mapped_column(default=25)
    # Per cent of the seats above which one stakeholder group dominates.
    max_group_share: Mapped[int] = mapped_column(default=50)
    report_period_months: Mapped[int] = mapped_column(default=6)
    # How long after a period ends its progress report is due.
    report_due_days: Mapped[int] = mapped_column(default=30)

    programme: Mapped["Programme"] = relationship(  # noqa: F821
        backref=backref("learning_programme", uselist=False, cascade="all, delete-orphan"))
    outputs: Mapped[list["Output"]] = relationship(
        back_populates="learning_programme", cascade="all, delete-orphan", order_by="Output.position, Output.id")

    @property
    def is_public(self) -> bool:
        return self.programme.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return {(ScopeKind.PROGRAMME, self.programme_id)}


class LearningGroup(db.Model):
    """What a country learning group adds to its programme row: its programme, host and coordinator."""

    __tablename__ = "learning_groups"
    __table_args__ = (sa.Index("ix_learning_groups_learning_programme_id", "learning_programme_id"),)

    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True)
    learning_programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("learning_programmes.programme_id", ondelete="CASCADE"))
    host_organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id", ondelete="SET NULL"))
    coordinator_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)
    # What the public may see besides the group's name, country, host and summary.
    publish_members: Mapped[bool] = mapped_column(default=False)
    publish_work: Mapped[bool] = mapped_column(default=True)

    programme: Mapped["Programme"] = relationship(  # noqa: F821
        foreign_keys=[programme_id], backref=backref("learning_group", uselist=False, cascade="all, delete-orphan"))
    learning_programme: Mapped[LearningProgramme] = relationship(backref="groups")
    host_organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    coordinator: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def title(self) -> str:
        return self.programme.title

    @property
    def country(self) -> str | None:
        return self.programme.country

    @property
    def country_name(self) -> str:
        return self.programme.country_name

    @property
    def is_public(self) -> bool:
        return self.programme.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return {(ScopeKind.PROGRAMME, self.programme_id), (ScopeKind.PROGRAMME, self.learning_programme_id)}

    @property
    def roster(self) -> "Published":
        """The member list, as a thing to ask permissions about."""
        return Published(self, self.publish_members)

    @property
    def work(self) -> "Published":
        """The group's approved plans and reports, as a thing to ask permissions about."""
        return Published(self, self.publish_work)


class Published:
    """A part of a group's page that the group may choose to show the public."""

    def __init__(self, group: LearningGroup, published: bool):
        self.group = group
        self.is_public = group.is_public and published
        self.permission_scopes = group.permission_scopes


class GroupMember(db.Model):
    """One person's membership of a group, from asking to join to leaving; a person who rejoins gets a new row."""

    __tablename__ = "learning_group_members"
    __table_args__ = (
        sa.Index("ix_learning_group_members_group_id", "group_id"),
        sa.Index("ix_learning_group_members_user_id", "user_id"),
        sa.CheckConstraint("left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on", name="left_after_joining"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_groups.programme_id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[MembershipStatus] = mapped_column(enum_type(MembershipStatus), default=MembershipStatus.REQUESTED)
    # As the group counts them: the voice the member brings may differ from their profile.
    stakeholder_group: Mapped[StakeholderGroup | None] = mapped_column(enum_type(StakeholderGroup))
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id", ondelete="SET NULL"))
    gender: Mapped[Gender | None] = mapped_column(enum_type(Gender))
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    joined_on: Mapped[date | None]
    left_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    group: Mapped[LearningGroup] = relationship(backref=backref("memberships", cascade="all, delete-orphan"))
    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])  # noqa: F821

    @property
    def is_public(self) -> bool:
        return self.group.roster.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.group.permission_scopes


class Output(db.Model):
    """A logframe output of the programme, under a theme (e.g. "illegal and corrupt practice reduced")."""

    __tablename__ = "learning_outputs"
    __table_args__ = (sa.Index("ix_learning_outputs_learning_programme_id", "learning_programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learning_programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("learning_programmes.programme_id", ondelete="CASCADE"))
    theme: Mapped[str] = mapped_column(sa.String(200), default="")
    title: Mapped[str] = mapped_column(sa.String(300))
    position: Mapped[int] = mapped_column(default=0)

    learning_programme: Mapped[LearningProgramme] = relationship(back_populates="outputs")
    indicators: Mapped[list["Indicator"]] = relationship(
        back_populates="output", cascade="all, delete-orphan", order_by="Indicator.id")

    @property
    def is_public(self) -> bool:
        return self.learning_programme.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return {(ScopeKind.PROGRAMME, self.learning_programme_id)}


class Indicator(db.Model):
    __tablename__ = "learning_indicators"
    __table_args__ = (sa.Index("ix_learning_indicators_output_id", "output_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    output_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_outputs.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(300))
    unit: Mapped[IndicatorUnit] = mapped_column(enum_type(IndicatorUnit))
    baseline: Mapped[Decimal] = mapped_column(sa.Numeric(14, 2), default=Decimal("0"))

    output: Mapped[Output] = relationship(back_populates="indicators")
    targets: Mapped[list["IndicatorTarget"]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorTarget.year")

    def target_for(self, year: int) -> Decimal | None:
        return next((t.target for t in self.targets if t.year == year), None)


class IndicatorTarget(db.Model):
    __tablename__ = "learning_indicator_targets"
    __table_args__ = (sa.UniqueConstraint("indicator_id", "year", name="uq_learning_indicator_targets_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_indicators.id", ondelete="CASCADE"))
    year: Mapped[int]
    target: Mapped[Decimal] = mapped_column(sa.Numeric(14, 2))

    indicator: Mapped[Indicator] = relationship(back_populates="targets")


class OutputAdoption(db.Model):
    """A group works on this output of the programme's logframe."""

    __tablename__ = "learning_output_adoptions"
    __table_args__ = (sa.UniqueConstraint("group_id", "output_id", name="uq_learning_output_adoptions_group_output"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_groups.programme_id", ondelete="CASCADE"))
    output_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_outputs.id", ondelete="CASCADE"), index=True)

    output: Mapped[Output] = relationship()


class Reviewed:
    """Shared by plans and reports: the guarded move through draft, submitted, returned and approved."""

    status: ReviewStatus

    def change_status(self, new_status: ReviewStatus, *, reason: str, actor) -> "ReviewDecision":
        """Move to ``new_status`` if the table of allowed moves permits, keeping who, when and why."""
        new_status = ReviewStatus(new_status)
        noun = self.noun
        if new_status == self.status:
            raise DomainError(f"The {noun} is already {new_status.label.lower()}.")
        if new_status not in REVIEW_TRANSITIONS[self.status]:
            raise DomainError(f"A {noun} that is {self.status.label.lower()} cannot become {new_status.label.lower()}.")
        reason = (reason or "").strip()
        if new_status in NEEDS_REASON and not reason:
            raise DomainError("Say what should change: the comment is kept with the decision and shown to the host.")
        decision = ReviewDecision(from_status=self.status, to_status=new_status, reason=reason,
                                  decided_by_id=actor.id if actor is not None else None)
        self.decisions.append(decision)
        self.status = new_status
        return decision


class WorkPlan(Reviewed, db.Model):
    """A group's plan for one year; an approved plan is frozen, and changing it means a new revision."""

    __tablename__ = "learning_work_plans"
    __table_args__ = (sa.UniqueConstraint("group_id", "year", "revision", name="uq_learning_work_plans_revision"),)
    noun = "work plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_groups.programme_id", ondelete="CASCADE"))
    year: Mapped[int]
    revision: Mapped[int] = mapped_column(default=1)
    status: Mapped[ReviewStatus] = mapped_column(enum_type(ReviewStatus), default=ReviewStatus.DRAFT)
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    group: Mapped[LearningGroup] = relationship()
    activities: Mapped[list["PlanActivity"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanActivity.id")
    decisions: Mapped[list["ReviewDecision"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="ReviewDecision.id")

    @property
    def is_public(self) -> bool:
        return self.status in (ReviewStatus.APPROVED, ReviewStatus.SUPERSEDED) and self.group.work.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.group.permission_scopes


class PlanActivity(db.Model):
    __tablename__ = "learning_plan_activities"
    __table_args__ = (
        sa.Index("ix_learning_plan_activities_plan_id", "plan_id"),
        sa.CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_work_plans.id", ondelete="CASCADE"))
    kind: Mapped[ActivityKind] = mapped_column(enum_type(ActivityKind))
    title: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    output_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_outputs.id", ondelete="RESTRICT"))
    lead_member_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("learning_group_members.id", ondelete="SET NULL"))
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    status: Mapped[ActivityStatus] = mapped_column(enum_type(ActivityStatus), default=ActivityStatus.PLANNED)

    plan: Mapped[WorkPlan] = relationship(back_populates="activities")
    output: Mapped[Output] = relationship()
    lead_member: Mapped[GroupMember | None] = relationship()
    budget_links: Mapped[list["ActivityBudgetLine"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityBudgetLine.id")


class ActivityBudgetLine(db.Model):
    """An activity paid from a line of the group's budget for the plan's fiscal year (the budgets area's lines)."""

    __tablename__ = "learning_activity_budget_lines"
    __table_args__ = (sa.UniqueConstraint("activity_id", "budget_line_id", name="uq_learning_activity_budget_lines"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_plan_activities.id", ondelete="CASCADE"))
    budget_line_id: Mapped[int] = mapped_column(sa.ForeignKey("budget_lines.id", ondelete="CASCADE"), index=True)

    activity: Mapped[PlanActivity] = relationship(back_populates="budget_links")
    budget_line: Mapped["BudgetLine"] = relationship()  # noqa: F821


class ProgressReport(Reviewed, db.Model):
    """The host's report on one period of an approved plan: per activity what happened, per indicator the value."""

    __tablename__ = "learning_progress_reports"
    __table_args__ = (
        sa.UniqueConstraint("group_id", "period_start", name="uq_learning_progress_reports_period"),
        sa.CheckConstraint("period_end >= period_start", name="period_ends_after_start"),
    )
    noun = "progress report"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_groups.programme_id", ondelete="CASCADE"))
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_work_plans.id", ondelete="CASCADE"), index=True)
    period_start: Mapped[date]
    period_end: Mapped[date]
    status: Mapped[ReviewStatus] = mapped_column(enum_type(ReviewStatus), default=ReviewStatus.DRAFT)
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    group: Mapped[LearningGroup] = relationship()
    plan: Mapped[WorkPlan] = relationship()
    activity_notes: Mapped[list["ActivityProgress"]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ActivityProgress.id")
    values: Mapped[list["IndicatorValue"]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="IndicatorValue.id")
    decisions: Mapped[list["ReviewDecision"]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ReviewDecision.id")

    @property
    def is_public(self) -> bool:
        return self.status == ReviewStatus.APPROVED and self.group.work.is_public

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        return self.group.permission_scopes


class ActivityProgress(db.Model):
    __tablename__ = "learning_activity_progress"
    __table_args__ = (sa.UniqueConstraint("report_id", "activity_id", name="uq_learning_activity_progress_activity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_progress_reports.id", ondelete="CASCADE"))
    activity_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_plan_activities.id", ondelete="CASCADE"),
                                             index=True)
    status: Mapped[ActivityStatus] = mapped_column(enum_type(ActivityStatus))
    text: Mapped[str] = mapped_column(sa.Text, default="")

    report: Mapped[ProgressReport] = relationship(back_populates="activity_notes")
    activity: Mapped[PlanActivity] = relationship()


class IndicatorValue(db.Model):
    __tablename__ = "learning_indicator_values"
    __table_args__ = (sa.UniqueConstraint("report_id", "indicator_id", name="uq_learning_indicator_values_indicator"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_progress_reports.id", ondelete="CASCADE"))
    indicator_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_indicators.id", ondelete="CASCADE"), index=True)
    value: Mapped[Decimal] = mapped_column(sa.Numeric(14, 2))
    evidence: Mapped[str] = mapped_column(sa.Text, default="")

    report: Mapped[ProgressReport] = relationship(back_populates="values")
    indicator: Mapped[Indicator] = relationship()


class ReviewDecision(db.Model):
    """A move of a plan or report: who made it, when, and why."""

    __tablename__ = "learning_review_decisions"
    __table_args__ = (
        sa.CheckConstraint("(plan_id IS NULL) <> (report_id IS NULL)", name="plan_or_report"),
        sa.Index("ix_learning_review_decisions_plan_id", "plan_id"),
        sa.Index("ix_learning_review_decisions_report_id", "report_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(sa.ForeignKey("learning_work_plans.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(sa.ForeignKey("learning_progress_reports.id", ondelete="CASCADE"))
    from_status: Mapped[ReviewStatus] = mapped_column(enum_type(ReviewStatus))
    to_status: Mapped[ReviewStatus] = mapped_column(enum_type(ReviewStatus))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    plan: Mapped[WorkPlan | None] = relationship(back_populates="decisions")
    report: Mapped[ProgressReport | None] = relationship(back_populates="decisions")
    decided_by: Mapped["User | None"] = relationship()  # noqa: F821


class TeamPresentation(db.Model):
    """A country team's presentation at an international learning event, in its agenda slot."""

    __tablename__ = "learning_team_presentations"
    __table_args__ = (sa.UniqueConstraint("event_id", "group_id", name="uq_learning_team_presentations_team"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_groups.programme_id", ondelete="CASCADE"),
                                          index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agenda_items.id", ondelete="SET NULL"))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    file_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_files.id", ondelete="SET NULL"))
    achievements: Mapped[str] = mapped_column(sa.Text, default="")
    tactics: Mapped[str] = mapped_column(sa.Text, default="")
    lessons: Mapped[str] = mapped_column(sa.Text, default="")
    challenges: Mapped[str] = mapped_column(sa.Text, default="")
    next_work_plan: Mapped[str] = mapped_column(sa.Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    event: Mapped["Event"] = relationship()  # noqa: F821
    group: Mapped[LearningGroup] = relationship()
    agenda_item: Mapped["AgendaItem | None"] = relationship()  # noqa: F821
    file: Mapped["StoredFile | None"] = relationship()  # noqa: F821
    reviews: Mapped[list["PeerReview"]] = relationship(
        back_populates="presentation", cascade="all, delete-orphan", order_by="PeerReview.id")

    TEXT_PARTS = ("achievements", "tactics", "lessons", "challenges", "next_work_plan")

    @property
    def has_content(self) -> bool:
        return self.file_id is not None or self.file is not None or any(
            getattr(self, part).strip() for part in self.TEXT_PARTS)

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        # The team's own scopes: its coordinator uploads, its members read.
        return self.group.permission_scopes

    def local_due(self, zone: str) -> datetime:
        return self.due_at.astimezone(ZoneInfo(zone))

    def ensure_open(self, now: datetime) -> None:
        if now > self.due_at:
            raise DomainError("The deadline for presentations has passed; ask the secretariat to accept a late one.")


class PeerReview(db.Model):
    """A participant's comment on another team's presentation; the team sees it."""

    __tablename__ = "learning_peer_reviews"
    __table_args__ = (sa.Index("ix_learning_peer_reviews_presentation_id", "presentation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    presentation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("learning_team_presentations.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    presentation: Mapped[TeamPresentation] = relationship(back_populates="reviews")
    author: Mapped["User | None"] = relationship()  # noqa: F821
