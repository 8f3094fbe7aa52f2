"""Budgets and funding as plain functions: budgets per event and per programme's fiscal year,
lines under use-of-funds headings, planned figures with kept revisions, commitments and
actuals as dated entries, and the secretariat's exchange rates.

Every amount keeps its own currency and value date; its figure in the budget's reporting
currency is computed once, when recorded, with the rate that was valid on the value date,
and that rate is kept beside it. A missing rate is refused by name, never guessed.
"""
import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import joinedload
from flask_babel import gettext as _

from dialogues.budgets.enums import FUNDED, EntryKind, LineCategory, SourceKind, SourceStatus
from dialogues.budgets.models import (
    Budget, BudgetEntry, BudgetHeading, BudgetLine, ExchangeRate, FundingSource, PlanRevision, ProgrammeFinance,
)
from dialogues.core import codes
from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db

logger = logging.getLogger(__name__)

CENT = Decimal("0.01")
# Largest amount a MONEY column (Numeric(14, 2)) holds.
MAX_AMOUNT = Decimal("999999999999.99")
DEFAULT_CURRENCY = "GBP"


class MissingRate(DomainError):
    """No exchange rate recorded for a currency pair on or before a date."""

    def __init__(self, from_currency: str, to_currency: str, on: date):
        self.from_currency, self.to_currency, self.on = from_currency, to_currency, on
        super().__init__(_(
            "No exchange rate from %(base)s to %(quote)s on or before %(date)s. "
            "The secretariat records it under Exchange rates; nothing was changed.",
            base=from_currency, quote=to_currency, date=on.isoformat()))


# --- checking what people type ------------------------------------------------------------------

def parse_amount(value, *, allow_negative: bool = False) -> Decimal:
    """An amount as a Decimal of cents; a DomainError for text that is not one, or a negative one."""
    if isinstance(value, float):
        # Floats never carry money here; a caller passing one has a bug.
        raise TypeError("amounts are Decimals or text, never floats")
    try:
        amount = Decimal(str(value).strip().replace(",", "")) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        raise DomainError(_("%(value)s is not an amount; write it in figures, e.g. 1250.50.", value=value))
    if not amount.is_finite():
        raise DomainError(_("%(value)s is not an amount; write it in figures, e.g. 1250.50.", value=value))
    if amount < 0 and not allow_negative:
        raise DomainError(_("An amount cannot be negative."))
    if abs(amount) > MAX_AMOUNT:
        raise DomainError(_("That amount is too large."))
    if amount != amount.quantize(CENT):
        raise DomainError(_("Give amounts to the cent at most, e.g. 1250.50."))
    return amount.quantize(CENT)


def check_currency(code: str | None) -> str:
    """An ISO 4217 code, upper-cased; a DomainError naming it otherwise."""
    code = (code or "").strip().upper()
    if not codes.is_currency(code):
        raise DomainError(_("%(code)s is not an ISO 4217 currency code.", code=code or "—"))
    return code


# --- programme settings, budgets, headings -------------------------------------------------------

def finance_of(programme) -> ProgrammeFinance:
    """The programme's money settings, created with the defaults on first use."""
    finance = db.session.get(ProgrammeFinance, programme.id)
    if finance is None:
        finance = ProgrammeFinance(programme_id=programme.id, reporting_currency=DEFAULT_CURRENCY,
                                   fiscal_year_start_month=1)
        db.session.add(finance)
        db.session.flush()
    return finance


def set_finance(programme, *, reporting_currency: str, fiscal_year_start_month: int, actor) -> ProgrammeFinance:
    """The secretariat sets a programme's reporting currency and the month its fiscal year starts."""
    currency = check_currency(reporting_currency)
    if not 1 <= int(fiscal_year_start_month) <= 12:
        raise DomainError(_("The fiscal year starts in a month from 1 to 12."))
    finance = finance_of(programme)
    used = db.session.scalar(sa.select(sa.func.count()).select_from(Budget).where(
        Budget.programme_id == programme.id, Budget.currency != currency))
    if used:
        raise DomainError(_("This programme already has budgets in %(code)s; its reporting currency stays.",
                            code=finance.reporting_currency))
    finance.reporting_currency, finance.fiscal_year_start_month = currency, int(fiscal_year_start_month)
    db.session.flush()
    logger.info("finance of programme %s set to %s/%s by %s", programme.id, currency,
                fiscal_year_start_month, describe(actor))
    return finance


def budget_of_event(event) -> Budget | None:
    return db.session.scalar(sa.select(Budget).where(Budget.event_id == event.id))


def budget_of_programme(programme, fiscal_year: int) -> Budget | None:
    return db.session.scalar(sa.select(Budget).where(
        Budget.programme_id == programme.id, Budget.fiscal_year == fiscal_year))


def open_event_budget(event, *, actor, currency: str | None = None) -> Budget:
    """The event's budget, opened (empty) if it has none yet.

    Its currency is the one asked for, else the event's budget currency, else its programme's
    reporting currency.
    """
    budget = budget_of_event(event)
    if budget is not None:
        return budget
    if currency is None:
        currency = getattr(event, "budget_currency", None) or (
            finance_of(event.programme).reporting_currency if event.programme is not None else DEFAULT_CURRENCY)
    budget = Budget(event_id=event.id, currency=check_currency(currency),
                    created_by_id=actor.id if actor is not None else None)
    db.session.add(budget)
    db.session.flush()
    logger.info("budget %s opened for event %s by %s", budget.id, event.id, describe(actor))
    return budget


def open_programme_budget(programme, fiscal_year: int, *, actor) -> Budget:
    """The programme's budget for ``fiscal_year``, opened (empty, in its reporting currency) if none yet."""
    fiscal_year = int(fiscal_year)
    if not 1900 <= fiscal_year <= 2200:
        raise DomainError(_("%(year)s is not a fiscal year.", year=fiscal_year))
    budget = budget_of_programme(programme, fiscal_year)
    if budget is not None:
        return budget
    budget = Budget(programme_id=programme.id, fiscal_year=fiscal_year,
                    currency=finance_of(programme).reporting_currency,
                    created_by_id=actor.id if actor is not None else None)
    db.session.add(budget)
    db.session.flush()
    logger.info("budget %s opened for programme %s FY%s by %s", budget.id, programme.id, fiscal_year,
                describe(actor))
    return budget


def headings_of(programme_id: int | None) -> list[BudgetHeading]:
    """A programme's use-of-funds headings, in order."""
    return list(db.session.scalars(sa.select(BudgetHeading).where(
        BudgetHeading.programme_id.is_(None) if programme_id is None else BudgetHeading.programme_id == programme_id,
    ).order_by(BudgetHeading.position, BudgetHeading.id)))


def add_heading(programme, *, name: str, categories=(), actor) -> BudgetHeading:
    """The secretariat adds a use-of-funds heading to a programme, with the line categories it takes by default."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the heading a name."))
    programme_id = programme.id if programme is not None else None
    existing = headings_of(programme_id)
    if any(h.name.casefold() == name.casefold() for h in existing):
        raise DomainError(_("This programme already has a heading called %(name)s.", name=name))
    categories = [LineCategory(c).value for c in categories]
    taken = {c for h in existing for c in (h.categories or [])}
    if taken & set(categories):
        raise DomainError(_("A category can fall under one heading only by default."))
    heading = BudgetHeading(programme_id=programme_id, name=name, categories=categories,
                            position=max((h.position for h in existing), default=0) + 1)
    db.session.add(heading)
    db.session.flush()
    logger.info("heading %s added to programme %s by %s", heading.id, programme_id, describe(actor))
    return heading


def _programme_id_of(budget: Budget) -> int | None:
    if budget.event_id is not None:
        return budget.event.programme_id
    return budget.programme_id


def heading_for(budget: Budget, category: LineCategory) -> BudgetHeading | None:
    """The heading a line of ``category`` falls under by default in ``budget``'s programme."""
    for heading in headings_of(_programme_id_of(budget)):
        if LineCategory(category).value in (heading.categories or []):
            return heading
    return None


# --- exchange rates and conversion --------------------------------------------------------------

def record_rate(*, base_currency: str, quote_currency: str, rate, rate_date: date, source: str = "",
                actor) -> ExchangeRate:
    """The secretariat records that one ``base_currency`` is worth ``rate`` ``quote_currency`` from ``rate_date``."""
    base, quote = check_currency(base_currency), check_currency(quote_currency)
    if base == quote:
        raise DomainError(_("A rate needs two different currencies."))
    try:
        rate = Decimal(str(rate).strip()) if not isinstance(rate, Decimal) else rate
    except (InvalidOperation, ValueError):
        raise DomainError(_("%(value)s is not a rate; write it in figures, e.g. 3.75.", value=rate))
    if not rate.is_finite() or rate <= 0:
        raise DomainError(_("A rate is a positive number."))
    if rate != rate.quantize(Decimal("0.00000001")) or rate >= Decimal("10000000000"):
        raise DomainError(_("A rate has at most 10 figures before the point and 8 after it."))
    if rate_date is None:
        raise DomainError(_("Give the date the rate applies from."))
    clash = db.session.scalar(sa.select(ExchangeRate).where(
        ExchangeRate.base_currency == base, ExchangeRate.quote_currency == quote, ExchangeRate.rate_date == rate_date))
    if clash is not None:
        raise DomainError(_("A %(pair)s rate for %(date)s is already recorded; rates are kept, not overwritten.",
                            pair=f"{base}/{quote}", date=rate_date.isoformat()))
    recorded = ExchangeRate(base_currency=base, quote_currency=quote, rate=rate, rate_date=rate_date,
                            source=(source or "").strip()[:200], recorded_by_id=actor.id if actor is not None else None)
    db.session.add(recorded)
    db.session.flush()
    logger.info("rate %s %s on %s recorded by %s", recorded.pair, rate, rate_date, describe(actor))
    return recorded


def rates(*, limit: int = 200) -> list[ExchangeRate]:
    return list(db.session.scalars(sa.select(ExchangeRate).order_by(
        ExchangeRate.rate_date.desc(), ExchangeRate.base_currency, ExchangeRate.quote_currency).limit(limit)))


def find_rate(from_currency: str, to_currency: str, on: date) -> tuple[ExchangeRate, bool]:
    """The latest rate between the two currencies dated on or before ``on``, either way round.

    Returns the rate and whether it was recorded the other way round; raises MissingRate.
    """
    candidates = db.session.scalars(sa.select(ExchangeRate).where(
        sa.or_(sa.and_(ExchangeRate.base_currency == from_currency, ExchangeRate.quote_currency == to_currency),
               sa.and_(ExchangeRate.base_currency == to_currency, ExchangeRate.quote_currency == from_currency)),
        ExchangeRate.rate_date <= on,
    ).order_by(ExchangeRate.rate_date.desc(), (ExchangeRate.base_currency == from_currency).desc()).limit(1)).all()
    if not candidates:
        raise MissingRate(from_currency, to_currency, on)
    rate = candidates[0]
    return rate, rate.base_currency != from_currency


def converted(amount: Decimal, currency: str, value_date: date, to_currency: str) -> dict:
    """The ConvertedMoney columns for ``amount`` in ``currency`` reported in ``to_currency``."""
    currency = check_currency(currency)
    if value_date is None:
        raise DomainError(_("Give the amount's value date."))
    if currency == to_currency:
        return dict(amount=amount, currency=currency, value_date=value_date, reported_amount=amount,
                    reported_currency=to_currency, rate_id=None, rate_inverted=False)
    rate, inverted = find_rate(currency, to_currency, value_date)
    reported = amount / rate.rate if inverted else amount * rate.rate
    return dict(amount=amount, currency=currency, value_date=value_date,
                reported_amount=reported.quantize(CENT, rounding=ROUND_HALF_UP), reported_currency=to_currency,
                rate_id=rate.id, rate=rate, rate_inverted=inverted)


# --- lines, plans, entries ----------------------------------------------------------------------

def add_line(budget: Budget, *, category, amount, currency: str, value_date: date, actor,
             description: str = "", heading: BudgetHeading | None = None, reason: str = "") -> BudgetLine:
    """Add a line to a budget with its original planned figure (kept as the first plan revision)."""
    category = LineCategory(category)
    amount = parse_amount(amount)
    money = converted(amount, currency, value_date, budget.currency)
    if heading is not None and heading.programme_id != _programme_id_of(budget):
        raise DomainError(_("That heading belongs to another programme."))
    line = BudgetLine(budget=budget, category=category, description=(description or "").strip()[:200],
                      heading=heading if heading is not None else heading_for(budget, category),
                      planned=money["reported_amount"],
                      position=db.session.scalar(sa.select(sa.func.coalesce(sa.func.max(BudgetLine.position), 0))
                                                 .where(BudgetLine.budget_id == budget.id)) + 1 if budget.id else 1)
    line.revisions.append(PlanRevision(reason=(reason or "").strip() or _("Original plan"),
                                       revised_by_id=actor.id if actor is not None else None, **money))
    db.session.add(line)
    db.session.flush()
    logger.info("line %s added to budget %s by %s", line.id, budget.id, describe(actor))
    return line


def revise_plan(line: BudgetLine, *, amount, currency: str, value_date: date, reason: str, actor) -> PlanRevision:
    """Change a line's planned figure; the earlier figures stay, with who changed it, when and why."""
    amount = parse_amount(amount)
    if not (reason or "").strip():
        raise DomainError(_("Say why the plan changes: the reason is kept with the revision."))
    money = converted(amount, currency, value_date, line.budget.currency)
    revision = PlanRevision(line=line, reason=reason.strip(), revised_by_id=actor.id if actor is not None else None,
                            **money)
    db.session.add(revision)
    line.planned = money["reported_amount"]
    db.session.flush()
    logger.info("line %s plan revised to %s %s by %s", line.id, amount, money["currency"], describe(actor))
    return revision


def record_entry(line: BudgetLine, *, kind, amount, currency: str, value_date: date, actor, payee: str = "",
                 reference: str = "", sponsorship_request_id: int | None = None,
                 allow_negative: bool = False) -> BudgetEntry:
    """Record a commitment, disbursement or expenditure on a line; entries are added, never overwritten.

    ``allow_negative`` is for releases (a declined or reduced award gives back what it committed).
    """
    kind = EntryKind(kind)
    amount = parse_amount(amount, allow_negative=allow_negative)
    if amount == 0:
        raise DomainError(_("An entry of zero changes nothing."))
    money = converted(amount, currency, value_date, line.budget.currency)
    entry = BudgetEntry(line=line, kind=kind, payee=(payee or "").strip()[:200],
                        reference=(reference or "").strip()[:100], sponsorship_request_id=sponsorship_request_id,
                        recorded_by_id=actor.id if actor is not None else None, **money)
    db.session.add(entry)
    db.session.flush()
    logger.info("%s %s %s on line %s recorded by %s", kind, amount, money["currency"], line.id, describe(actor))
    return entry


# --- figures ------------------------------------------------------------------------------------

ZERO = Decimal("0.00")


@dataclass
class Figures:
    """Planned, committed and actual money in one currency, and what remains of the plan.

    A commitment that is later paid is recorded again as actual, so what the plan has lost is
    the larger of the two, not their sum.
    """

    planned: Decimal = ZERO
    committed: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def remaining(self) -> Decimal:
        return self.planned - max(self.committed, self.actual)

    @property
    def overspent(self) -> bool:
        return max(self.committed, self.actual) > self.planned

    def add(self, other: "Figures") -> None:
        self.planned += other.planned
        self.committed += other.committed
        self.actual += other.actual


@dataclass
class LineRow:
    line: BudgetLine
    figures: Figures


@dataclass
class HeadingRow:
    heading: BudgetHeading | None
    lines: list[LineRow] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)

    @property
    def name(self) -> str:
        return self.heading.name if self.heading is not None else _("No heading")


@dataclass
class BudgetSummary:
    budget: Budget
    headings: list[HeadingRow]
    total: Figures

    @property
    def lines(self) -> list[LineRow]:
        return [row for heading in self.headings for row in heading.lines]


def entry_sums(line_ids) -> dict[int, Figures]:
    """Committed and actual per line, summed in the database (one query whatever the entries)."""
    sums: dict[int, Figures] = {}
    if not line_ids:
        return sums
    rows = db.session.execute(sa.select(BudgetEntry.line_id, BudgetEntry.kind, sa.func.sum(BudgetEntry.reported_amount))
                              .where(BudgetEntry.line_id.in_(list(line_ids)))
                              .group_by(BudgetEntry.line_id, BudgetEntry.kind))
    for line_id, kind, total in rows:
        figures = sums.setdefault(line_id, Figures())
        if EntryKind(kind).is_actual:
            figures.actual += Decimal(total)
        else:
            figures.committed += Decimal(total)
    return sums


def summary(budget: Budget) -> BudgetSummary:
    """A budget's lines grouped by heading, with planned, committed, actual and remaining per line,
    heading and total (a fixed number of queries, however many lines and entries)."""
    lines = list(db.session.scalars(sa.select(BudgetLine).where(BudgetLine.budget_id == budget.id)
                                    .options(joinedload(BudgetLine.heading))
                                    .order_by(BudgetLine.position, BudgetLine.id)))
    sums = entry_sums(line.id for line in lines)
    rows: dict[int | None, HeadingRow] = {
        h.id: HeadingRow(h) for h in headings_of(_programme_id_of(budget))}
    total = Figures()
    for line in lines:
        figures = sums.get(line.id, Figures())
        figures.planned = line.planned
        row = rows.setdefault(line.heading_id, HeadingRow(line.heading))
        row.lines.append(LineRow(line, figures))
        row.figures.add(figures)
        total.add(figures)
    return BudgetSummary(budget, list(rows.values()), total)


def entries_of(budget: Budget) -> list[BudgetEntry]:
    """Every entry of a budget with its line and rate, oldest first (a fixed number of queries)."""
    return list(db.session.scalars(
        sa.select(BudgetEntry).join(BudgetLine).where(BudgetLine.budget_id == budget.id)
        .options(joinedload(BudgetEntry.line), joinedload(BudgetEntry.rate))
        .order_by(BudgetEntry.value_date, BudgetEntry.id)))


def current_fiscal_year(programme, today: date) -> int:
    return finance_of(programme).fiscal_year_of(today)


# --- sources of funds and the sources-and-uses report ------------------------------------------

def record_source(*, donor, kind, amount, currency: str, value_date: date, fiscal_year: int, actor,
                  programme=None, event=None, line: BudgetLine | None = None, status=SourceStatus.PLEDGED,
                  description: str = "", level: str = "", reference: str = "") -> FundingSource:
    """Record a grant, pledge, sponsorship or in-kind contribution (at its stated value) for a
    programme's fiscal year, optionally earmarked for an event or a line."""
    kind, status = SourceKind(kind), SourceStatus(status)
    amount = parse_amount(amount)
    if amount == 0:
        raise DomainError(_("Give the amount pledged or given."))
    if event is not None and programme is None:
        programme = event.programme
    reporting = finance_of(programme).reporting_currency if programme is not None else DEFAULT_CURRENCY
    money = converted(amount, currency, value_date, reporting)
    source = FundingSource(donor_id=donor.id, kind=kind, status=status, programme_id=getattr(programme, "id", None),
                           fiscal_year=int(fiscal_year), event_id=getattr(event, "id", None),
                           line_id=getattr(line, "id", None), description=(description or "").strip(),
                           level=(level or "").strip()[:100], reference=(reference or "").strip()[:100],
                           recorded_by_id=actor.id if actor is not None else None, **money)
    db.session.add(source)
    db.session.flush()
    logger.info("source %s (%s %s %s) recorded by %s", source.id, kind, amount, money["currency"], describe(actor))
    return source


def change_source_status(source: FundingSource, status, *, reason: str, actor) -> None:
    """Move a source between pledged, confirmed, received and withdrawn, saying why."""
    source.change_status(status, reason=reason, actor=actor)
    db.session.flush()
    logger.info("source %s now %s by %s", source.id, source.status, describe(actor))


def sources_of(programme, fiscal_year: int) -> list[FundingSource]:
    return list(db.session.scalars(sa.select(FundingSource).where(
        FundingSource.programme_id == programme.id, FundingSource.fiscal_year == fiscal_year)
        .options(joinedload(FundingSource.donor), joinedload(FundingSource.rate))
        .order_by(FundingSource.id)))


@dataclass
class SourcesAndUses:
    """A programme's fiscal year: where the money comes from, what it is used for, and the gap."""

    programme: object
    fiscal_year: int
    currency: str
    sources: list[FundingSource]
    uses: list[HeadingRow]
    total: Figures
    pledged: Decimal
    funded: Decimal
    received: Decimal
    # Budgets of the year in another currency, left out rather than converted at a guessed rate.
    left_out: list[Budget]

    @property
    def unfunded(self) -> Decimal:
        return max(self.total.planned - self.funded, ZERO)

    @property
    def unspent_received(self) -> Decimal:
        return self.received - self.total.actual


def budgets_of_year(programme, fiscal_year: int) -> list[Budget]:
    """The programme's budget for the year and the budgets of its events starting in that year."""
    first, last = finance_of(programme).fiscal_year_bounds(fiscal_year)
    return list(db.session.scalars(sa.select(Budget).outerjoin(Event, Budget.event_id == Event.id).where(sa.or_(
        sa.and_(Budget.programme_id == programme.id, Budget.fiscal_year == fiscal_year),
        sa.and_(Event.programme_id == programme.id, Event.starts_on >= first, Event.starts_on <= last),
    )).options(joinedload(Budget.event))))


def sources_and_uses(programme, fiscal_year: int) -> SourcesAndUses:
    """The sources-and-uses report of a programme's fiscal year (a fixed number of queries)."""
    currency = finance_of(programme).reporting_currency
    budgets = budgets_of_year(programme, fiscal_year)
    counted = [b.id for b in budgets if b.currency == currency]
    planned = dict(db.session.execute(
        sa.select(BudgetLine.heading_id, sa.func.sum(BudgetLine.planned))
        .where(BudgetLine.budget_id.in_(counted)).group_by(BudgetLine.heading_id)).all())
    moved = db.session.execute(
        sa.select(BudgetLine.heading_id, BudgetEntry.kind, sa.func.sum(BudgetEntry.reported_amount))
        .join(BudgetLine, BudgetEntry.line_id == BudgetLine.id)
        .where(BudgetLine.budget_id.in_(counted)).group_by(BudgetLine.heading_id, BudgetEntry.kind)).all()
    rows = {h.id: HeadingRow(h) for h in headings_of(programme.id)}
    for heading_id in set(planned) | {h for h, _k, _s in moved}:
        rows.setdefault(heading_id, HeadingRow(None))
    for heading_id, total in planned.items():
        rows[heading_id].figures.planned += Decimal(total or 0)
    for heading_id, kind, total in moved:
        figures = rows[heading_id].figures
        if EntryKind(kind).is_actual:
            figures.actual += Decimal(total or 0)
        else:
            figures.committed += Decimal(total or 0)
    total = Figures()
    for row in rows.values():
        total.add(row.figures)
    sources = sources_of(programme, fiscal_year)
    live = [s for s in sources if s.status != SourceStatus.WITHDRAWN]
    return SourcesAndUses(
        programme=programme, fiscal_year=fiscal_year, currency=currency, sources=sources, uses=list(rows.values()),
        total=total,
        pledged=sum((s.reported_amount for s in live), ZERO),
        funded=sum((s.reported_amount for s in live if s.status in FUNDED), ZERO),
        received=sum((s.reported_amount for s in live if s.status == SourceStatus.RECEIVED), ZERO),
        left_out=[b for b in budgets if b.currency != currency])
