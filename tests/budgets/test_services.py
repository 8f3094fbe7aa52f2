"""Budgets as services: lines with plans and revisions, entries, exchange rates kept, missing rates named."""
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from dialogues.budgets import services
from dialogues.budgets.enums import EntryKind, LineCategory
from dialogues.budgets.models import BudgetEntry, BudgetLine, PlanRevision
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.programmes.models import Programme


@pytest.fixture
def event_budget(app, make_programme, make_event, make_user):
    programme = make_programme()
    event = make_event(programme_id=programme.id)
    with app.app_context():
        budget = services.open_event_budget(db.session.get(Event, event.id), actor=None, currency="GBP")
        db.session.commit()
        return budget.id


def _budget(budget_id):
    from dialogues.budgets.models import Budget
    return db.session.get(Budget, budget_id)


def test_line_keeps_original_plan_and_each_revision_with_reason(app, event_budget):
    with app.app_context():
        budget = _budget(event_budget)
        line = services.add_line(budget, category=LineCategory.VENUE_CATERING, amount="12000", currency="GBP",
                                 value_date=date(2031, 1, 1), actor=None)
        services.revise_plan(line, amount="15000.50", currency="GBP", value_date=date(2031, 2, 1),
                             reason="Second venue for the field visit", actor=None)
        db.session.commit()
        revisions = db.session.scalars(sa.select(PlanRevision).where(PlanRevision.line_id == line.id)
                                       .order_by(PlanRevision.id)).all()
        assert [(r.amount, r.reason) for r in revisions] == [
            (Decimal("12000.00"), "Original plan"), (Decimal("15000.50"), "Second venue for the field visit")]
        assert db.session.get(BudgetLine, line.id).planned == Decimal("15000.50")


def test_revision_refused_without_reason(app, event_budget):
    with app.app_context():
        line = services.add_line(_budget(event_budget), category="other", amount="10", currency="GBP",
                                 value_date=date(2031, 1, 1), actor=None)
        with pytest.raises(DomainError, match="Say why"):
            services.revise_plan(line, amount="20", currency="GBP", value_date=date(2031, 1, 1), reason=" ",
                                 actor=None)


@pytest.mark.parametrize("amount, message", [
    ("-5", "cannot be negative"), ("ten pounds", "is not an amount"), ("1.005", "to the cent"),
    ("NaN", "is not an amount"), ("1e20", "too large"),
])
def test_bad_amounts_refused_with_a_clear_message(app, event_budget, amount, message):
    with app.app_context():
        with pytest.raises(DomainError, match=message):
            services.add_line(_budget(event_budget), category="other", amount=amount, currency="GBP",
                              value_date=date(2031, 1, 1), actor=None)


def test_unknown_currency_refused_by_name(app, event_budget):
    with app.app_context():
        with pytest.raises(DomainError, match="XYZ is not an ISO 4217 currency code"):
            services.add_line(_budget(event_budget), category="other", amount="5", currency="xyz",
                              value_date=date(2031, 1, 1), actor=None)


def test_missing_rate_is_named_never_guessed(app, event_budget):
    with app.app_context():
        line = services.add_line(_budget(event_budget), category="other", amount="5", currency="GBP",
                                 value_date=date(2031, 1, 1), actor=None)
        with pytest.raises(services.MissingRate, match="No exchange rate from PEN to GBP on or before 2031-03-01"):
            services.record_entry(line, kind=EntryKind.COMMITMENT, amount="100", currency="PEN",
                                  value_date=date(2031, 3, 1), actor=None)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetEntry)) == 0


def test_conversion_uses_latest_rate_on_value_date_and_keeps_it(app, event_budget):
    with app.app_context():
        services.record_rate(base_currency="GBP", quote_currency="PEN", rate="4.80", rate_date=date(2031, 1, 1),
                             actor=None)
        later = services.record_rate(base_currency="GBP", quote_currency="PEN", rate="5.00",
                                     rate_date=date(2031, 3, 1), actor=None)
        services.record_rate(base_currency="GBP", quote_currency="PEN", rate="6.00", rate_date=date(2031, 6, 1),
                             actor=None)
        line = services.add_line(_budget(event_budget), category=LineCategory.SPONSORED_PARTICIPANTS, amount="1000",
                                 currency="GBP", value_date=date(2031, 1, 1), actor=None)
        entry = services.record_entry(line, kind=EntryKind.COMMITMENT, amount="1250", currency="PEN",
                                      value_date=date(2031, 4, 15), payee="Travel for Rosa", actor=None)
        db.session.commit()
        entry = db.session.get(BudgetEntry, entry.id)
        assert (entry.amount, entry.currency, entry.reported_amount, entry.reported_currency) == (
            Decimal("1250.00"), "PEN", Decimal("250.00"), "GBP")
        assert entry.rate_id == later.id and entry.rate_inverted
        assert entry.rate_note == "1 GBP = 5 PEN (2031-03-01)"


def test_rate_direct_way_round(app, event_budget):
    with app.app_context():
        services.record_rate(base_currency="USD", quote_currency="GBP", rate="0.8", rate_date=date(2031, 1, 1),
                             actor=None)
        line = services.add_line(_budget(event_budget), category="other", amount="100", currency="USD",
                                 value_date=date(2031, 1, 2), actor=None)
        assert line.planned == Decimal("80.00")


def test_rates_are_kept_not_overwritten(app):
    with app.app_context():
        services.record_rate(base_currency="USD", quote_currency="MZN", rate="63.5", rate_date=date(2031, 1, 1),
                             actor=None)
        with pytest.raises(DomainError, match="already recorded"):
            services.record_rate(base_currency="USD", quote_currency="MZN", rate="64", rate_date=date(2031, 1, 1),
                                 actor=None)
        for bad in ("0", "-1", "abc"):
            with pytest.raises(DomainError):
                services.record_rate(base_currency="USD", quote_currency="MZN", rate=bad, rate_date=date(2031, 2, 1),
                                     actor=None)


def test_summary_by_heading_with_remaining(app, make_programme):
    programme = make_programme()
    with app.app_context():
        programme = db.session.get(Programme, programme.id)
        advocacy = services.add_heading(programme, name="Advocacy", categories=["communications"], actor=None)
        services.add_heading(programme, name="Regional networks", actor=None)
        budget = services.open_programme_budget(programme, 2031, actor=None)
        line = services.add_line(budget, category="communications", amount="1000", currency="GBP",
                                 value_date=date(2031, 1, 1), actor=None)
        other = services.add_line(budget, category="other", amount="500", currency="GBP",
                                  value_date=date(2031, 1, 1), actor=None)
        assert line.heading_id == advocacy.id and other.heading_id is None
        services.record_entry(line, kind="commitment", amount="700", currency="GBP", value_date=date(2031, 2, 1),
                              actor=None)
        services.record_entry(line, kind="expenditure", amount="400", currency="GBP", value_date=date(2031, 3, 1),
                              actor=None)
        services.record_entry(other, kind="expenditure", amount="600", currency="GBP",
                              value_date=date(2031, 3, 1), actor=None)
        result = services.summary(budget)
        assert [(h.name, h.figures.planned, h.figures.committed, h.figures.actual, h.figures.remaining)
                for h in result.headings] == [
            ("Advocacy", Decimal("1000.00"), Decimal("700.00"), Decimal("400.00"), Decimal("300.00")),
            ("Regional networks", 0, 0, 0, 0),
            ("No heading", Decimal("500.00"), 0, Decimal("600.00"), Decimal("-100.00")),
        ]
        assert result.total.planned == Decimal("1500.00") and result.lines[1].figures.overspent


def test_fiscal_year_of_a_july_year():
    from dialogues.budgets.models import fiscal_year_bounds, fiscal_year_of
    assert fiscal_year_of(date(2008, 7, 1), 7) == 2009
    assert fiscal_year_of(date(2009, 6, 30), 7) == 2009
    assert fiscal_year_bounds(2009, 7) == (date(2008, 7, 1), date(2009, 6, 30))
