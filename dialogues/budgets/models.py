"""Budgets and funding: lines under use-of-funds headings, planned / committed / actual money,
sources of funds, exchange rates and cost templates.

Every amount is kept as it really was (a Decimal, its ISO 4217 currency and its value date)
beside its figure in the budget's reporting currency and the exchange rate that produced it,
so a report printed today gives the same numbers next year.
"""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from dialogues.budgets.enums import (
    SOURCE_TRANSITIONS, CostBasis, EntryKind, LineCategory, SourceKind, SourceStatus,
)
from dialogues.core.columns import UTCDateTime, enum_type, utcnow
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.permissions import ScopeKind
from dialogues.programmes.enums import ProgrammeKind

MONEY = sa.Numeric(14, 2)
RATE = sa.Numeric(18, 8)


class ProgrammeFinance(db.Model):
    """A programme's money settings: the currency it reports in and when its fiscal year starts."""

    __tablename__ = "programme_finances"

    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True)
    reporting_currency: Mapped[str] = mapped_column(sa.String(3))
    # 1 for calendar years; 7 for the World Bank's July-June year (FY2009 ends in June 2009).
    fiscal_year_start_month: Mapped[int] = mapped_column(default=1)

    programme: Mapped["Programme"] = relationship()  # noqa: F821

    def fiscal_year_of(self, day: date) -> int:
        return fiscal_year_of(day, self.fiscal_year_start_month)

    def fiscal_year_bounds(self, fiscal_year: int) -> tuple[date, date]:
        return fiscal_year_bounds(fiscal_year, self.fiscal_year_start_month)


def fiscal_year_of(day: date, start_month: int) -> int:
    """A fiscal year is named by the calendar year it ends in."""
    return day.year if start_month == 1 or day.month < start_month else day.year + 1


def fiscal_year_bounds(fiscal_year: int, start_month: int) -> tuple[date, date]:
    """The first and last day of ``fiscal_year``."""
    if start_month == 1:
        return date(fiscal_year, 1, 1), date(fiscal_year, 12, 31)
    first = date(fiscal_year - 1, start_month, 1)
    last = date(fiscal_year, start_month, 1).toordinal() - 1
    return first, date.fromordinal(last)


class ExchangeRate(db.Model):
    """One unit of ``base_currency`` is worth ``rate`` units of ``quote_currency`` from ``rate_date`` on."""

    __tablename__ = "exchange_rates"
    __table_args__ = (
        sa.UniqueConstraint("base_currency", "quote_currency", "rate_date", name="uq_exchange_rates_pair_date"),
        sa.CheckConstraint("rate > 0", name="rate_positive"),
        sa.CheckConstraint("base_currency <> quote_currency", name="two_currencies"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    base_currency: Mapped[str] = mapped_column(sa.String(3))
    quote_currency: Mapped[str] = mapped_column(sa.String(3))
    rate: Mapped[Decimal] = mapped_column(RATE)
    rate_date: Mapped[date]
    source: Mapped[str] = mapped_column(sa.String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def pair(self) -> str:
        return f"{self.base_currency}/{self.quote_currency}"


class ConvertedMoney:
    """An amount as it really is, and its figure in the reporting currency with the rate used.

    ``rate_inverted`` says the rate was recorded the other way round (reported = amount / rate).
    With no rate (same currency) the reported figure equals the amount.
    """

    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(sa.String(3))
    value_date: Mapped[date]
    reported_amount: Mapped[Decimal] = mapped_column(MONEY)
    reported_currency: Mapped[str] = mapped_column(sa.String(3))
    rate_id: Mapped[int | None] = mapped_column(sa.ForeignKey("exchange_rates.id", ondelete="RESTRICT"))
    rate_inverted: Mapped[bool] = mapped_column(default=False)

    @declared_attr
    def rate(cls) -> Mapped[ExchangeRate | None]:
        return relationship(ExchangeRate)

    @property
    def rate_note(self) -> str:
        """The rate as a reader checks it, e.g. "1 USD = 3.75 PEN (2026-05-01)"; empty when none was needed."""
        if self.rate is None:
            return ""
        r = self.rate
        return f"1 {r.base_currency} = {r.rate.normalize():f} {r.quote_currency} ({r.rate_date.isoformat()})"


class BudgetHeading(db.Model):
    """A use-of-funds heading of a programme (None: the secretariat's core costs), e.g. CASM's "Advocacy"."""

    __tablename__ = "budget_headings"
    __table_args__ = (sa.UniqueConstraint("programme_id", "name", name="uq_budget_headings_programme_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[int] = mapped_column(default=0)
    # The line categories that fall under this heading unless a line says otherwise.
    categories: Mapped[list[str]] = mapped_column(sa.JSON, default=list)


@dataclass(frozen=True)
class BudgetOwner:
    """What a budget belongs to (a programme, an event, or neither: the secretariat's core costs).

    It is what permissions are asked about, also before any budget exists.
    """

    programme: object | None = None
    event: object | None = None

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self) -> set[tuple[ScopeKind, int]]:
        if self.event is not None:
            return self.event.permission_scopes
        if self.programme is not None:
            # A learning group's budget is also its learning-group programme's conveners' business.
            group = getattr(self.programme, "learning_group", None) if self.is_learning_group else None
            return group.permission_scopes if group is not None else self.programme.permission_scopes
        # Core costs: no grant reaches them; only the secretariat.
        return set()

    @property
    def the_programme(self):
        if self.event is not None:
            return self.event.programme
        return self.programme

    @property
    def is_learning_group(self) -> bool:
        programme = self.the_programme
        return programme is not None and programme.kind == ProgrammeKind.LEARNING_GROUP


class Budget(db.Model):
    """An event's budget, a programme's budget for a fiscal year, or the secretariat's core costs for one."""

    __tablename__ = "budgets"
    __table_args__ = (
        sa.CheckConstraint("programme_id IS NULL OR event_id IS NULL", name="programme_or_event"),
        sa.CheckConstraint("event_id IS NOT NULL OR fiscal_year IS NOT NULL", name="fiscal_year_unless_event"),
        sa.UniqueConstraint("programme_id", "fiscal_year", name="uq_budgets_programme_fiscal_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    fiscal_year: Mapped[int | None]
    # The reporting currency every converted figure on this budget is in.
    currency: Mapped[str] = mapped_column(sa.String(3))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    programme: Mapped["Programme | None"] = relationship()  # noqa: F821
    event: Mapped["Event | None"] = relationship()  # noqa: F821
    lines: Mapped[list["BudgetLine"]] = relationship(
        back_populates="budget", cascade="all, delete-orphan", order_by="BudgetLine.position, BudgetLine.id")

    @property
    def owner(self) -> BudgetOwner:
        return BudgetOwner(programme=self.programme, event=self.event)

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self):
        return self.owner.permission_scopes

    @property
    def is_learning_group(self) -> bool:
        return self.owner.is_learning_group

    @property
    def is_core(self) -> bool:
        return self.programme_id is None and self.event_id is None

    @property
    def title(self) -> str:
        if self.event is not None:
            return _("Budget of %(event)s", event=self.event.title)
        if self.programme is not None:
            return _("Budget of %(programme)s, FY%(year)s", programme=self.programme.title, year=self.fiscal_year)
        return _("Secretariat core costs, FY%(year)s", year=self.fiscal_year)


class BudgetLine(db.Model):
    """One line of a budget: a category under a use-of-funds heading, with its plan and its entries."""

    __tablename__ = "budget_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(sa.ForeignKey("budgets.id", ondelete="CASCADE"), index=True)
    heading_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("budget_headings.id", ondelete="SET NULL"), index=True)
    category: Mapped[LineCategory] = mapped_column(enum_type(LineCategory))
    description: Mapped[str] = mapped_column(sa.String(200), default="")
    position: Mapped[int] = mapped_column(default=0)
    # The latest plan revision's figure in the budget's currency, kept here so reports sum in SQL.
    planned: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    budget: Mapped[Budget] = relationship(back_populates="lines")
    heading: Mapped[BudgetHeading | None] = relationship()
    revisions: Mapped[list["PlanRevision"]] = relationship(
        back_populates="line", cascade="all, delete-orphan", order_by="PlanRevision.id")

    @property
    def is_public(self) -> bool:
        return False

    @property
    def permission_scopes(self):
        return self.budget.permission_scopes

    @property
    def is_learning_group(self) -> bool:
        return self.budget.is_learning_group

    @property
    def name(self) -> str:
        return self.description or self.category.label


class PlanRevision(ConvertedMoney, db.Model):
    """The planned figure of a line: the first is the original, each later one a kept revision."""

    __tablename__ = "plan_revisions"
    __table_args__ = (sa.CheckConstraint("amount >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(sa.ForeignKey("budget_lines.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    revised_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    revised_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    line: Mapped[BudgetLine] = relationship(back_populates="revisions")
    revised_by: Mapped["User | None"] = relationship()  # noqa: F821


class BudgetEntry(ConvertedMoney, db.Model):
    """A dated commitment, disbursement or expenditure on a line; never overwritten.

    A released sponsorship award is a negative commitment entry, so the history stays whole.
    """

    __tablename__ = "budget_entries"
    __table_args__ = (sa.Index("ix_budget_entries_line_id_kind", "line_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(sa.ForeignKey("budget_lines.id", ondelete="CASCADE"))
    kind: Mapped[EntryKind] = mapped_column(enum_type(EntryKind))
    payee: Mapped[str] = mapped_column(sa.String(200), default="")
    reference: Mapped[str] = mapped_column(sa.String(100), default="")
    sponsorship_request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("sponsorship_requests.id", ondelete="SET NULL"), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    line: Mapped[BudgetLine] = relationship()
    recorded_by: Mapped["User | None"] = relationship()  # noqa: F821


class FundingSource(ConvertedMoney, db.Model):
    """Money (or its value in kind) from a donor or sponsor, for a programme's fiscal year.

    No programme: general funds of the secretariat. An event or a line narrows the earmark.
    """

    __tablename__ = "funding_sources"
    __table_args__ = (
        sa.CheckConstraint("amount >= 0", name="amount_not_negative"),
        sa.Index("ix_funding_sources_programme_id_fiscal_year", "programme_id", "fiscal_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[SourceKind] = mapped_column(enum_type(SourceKind))
    status: Mapped[SourceStatus] = mapped_column(enum_type(SourceStatus), default=SourceStatus.PLEDGED)
    programme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("programmes.id", ondelete="CASCADE"))
    fiscal_year: Mapped[int]
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    line_id: Mapped[int | None] = mapped_column(sa.ForeignKey("budget_lines.id", ondelete="SET NULL"))
    # What it funds, in the donor's words; and a sponsor's level at a conference edition.
    description: Mapped[str] = mapped_column(sa.Text, default="")
    level: Mapped[str] = mapped_column(sa.String(100), default="")
    reference: Mapped[str] = mapped_column(sa.String(100), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    donor: Mapped["Organisation"] = relationship()  # noqa: F821
    programme: Mapped["Programme | None"] = relationship()  # noqa: F821
    event: Mapped["Event | None"] = relationship()  # noqa: F821
    line: Mapped[BudgetLine | None] = relationship()
    changes: Mapped[list["SourceStatusChange"]] = relationship(
        back_populates="source", cascade="all, delete-orphan", order_by="SourceStatusChange.id")

    @property
    def is_public(self) -> bool:
        return False

    @property
    def owner(self) -> BudgetOwner:
        return BudgetOwner(programme=self.programme, event=self.event)

    @property
    def permission_scopes(self):
        return self.owner.permission_scopes

    @property
    def is_learning_group(self) -> bool:
        return self.owner.is_learning_group

    def change_status(self, new_status: SourceStatus, *, reason: str, actor) -> "SourceStatusChange":
        """Move to ``new_status`` within the allowed moves, recording who, when and why."""
        new_status = SourceStatus(new_status)
        if new_status == self.status:
            raise DomainError(_("This source is already %(status)s.", status=new_status.label.lower()))
        if new_status not in SOURCE_TRANSITIONS[self.status]:
            raise DomainError(_("A source that is %(old)s cannot become %(new)s.",
                                old=self.status.label.lower(), new=new_status.label.lower()))
        if not (reason or "").strip():
            raise DomainError(_("Say why: the reason is kept with the change."))
        change = SourceStatusChange(from_status=self.status, to_status=new_status, reason=reason.strip(),
                                    changed_by_id=actor.id if actor is not None else None)
        self.changes.append(change)
        self.status = new_status
        return change


class SourceStatusChange(db.Model):
    __tablename__ = "source_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(sa.ForeignKey("funding_sources.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[SourceStatus] = mapped_column(enum_type(SourceStatus))
    to_status: Mapped[SourceStatus] = mapped_column(enum_type(SourceStatus))
    reason: Mapped[str] = mapped_column(sa.Text)
    changed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    source: Mapped[FundingSource] = relationship(back_populates="changes")
    changed_by: Mapped["User | None"] = relationship()  # noqa: F821


class CostTemplate(db.Model):
    """What a new event of one kind is expected to cost; the secretariat edits it."""

    __tablename__ = "cost_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_kind: Mapped[str] = mapped_column(sa.String(40), unique=True)
    currency: Mapped[str] = mapped_column(sa.String(3))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    lines: Mapped[list["CostTemplateLine"]] = relationship(
        back_populates="template", cascade="all, delete-orphan",
        order_by="CostTemplateLine.position, CostTemplateLine.id")


class CostTemplateLine(db.Model):
    __tablename__ = "cost_template_lines"
    __table_args__ = (sa.CheckConstraint("unit_amount >= 0", name="unit_amount_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("cost_templates.id", ondelete="CASCADE"), index=True)
    category: Mapped[LineCategory] = mapped_column(enum_type(LineCategory))
    description: Mapped[str] = mapped_column(sa.String(200), default="")
    basis: Mapped[CostBasis] = mapped_column(enum_type(CostBasis))
    unit_amount: Mapped[Decimal] = mapped_column(MONEY)
    position: Mapped[int] = mapped_column(default=0)

    template: Mapped[CostTemplate] = relationship(back_populates="lines")

    def amount_for(self, *, participants: int, sponsored: int, days: int) -> Decimal:
        factor = {
            CostBasis.PER_PARTICIPANT: participants,
            CostBasis.PER_SPONSORED_PARTICIPANT: sponsored,
            CostBasis.PER_DAY: days,
            CostBasis.FIXED: 1,
        }[self.basis]
        return self.unit_amount * factor
