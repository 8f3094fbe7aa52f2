"""Budget pages through the browser's paths: who may see them, forms that keep what was typed, CSV, query counts."""
from datetime import date

import pytest
import sqlalchemy as sa

from dialogues.budgets import services
from dialogues.budgets.models import Budget, BudgetEntry, BudgetLine
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.programmes.models import Programme
from tests.conftest import ROLES, count_queries


@pytest.fixture
def budget_id(app, cast):
    with app.app_context():
        programme = db.session.get(Programme, cast.programme.id)
        services.add_heading(programme, name="Knowledge and partnerships", categories=["venue_catering"], actor=None)
        budget = services.open_event_budget(db.session.get(Event, cast.event.id), actor=None, currency="GBP")
        line = services.add_line(budget, category="venue_catering", amount="12000", currency="GBP",
                                 value_date=date(2031, 1, 1), actor=None)
        services.record_entry(line, kind="expenditure", amount="13000", currency="GBP",
                              value_date=date(2031, 5, 5), payee="=HYPERLINK(\"x\")", actor=None)
        db.session.commit()
        return budget.id


def _pages(cast, budget_id):
    return [f"/events/{cast.event.id}/budget", f"/programmes/{cast.programme.id}/budget",
            f"/budgets/{budget_id}.csv", f"/budgets/{budget_id}/lines/new"]


ALLOWED = {"convener", "secretariat"}


@pytest.mark.parametrize("role", ROLES)
def test_only_conveners_and_secretariat_see_any_budget_figure(client_as, cast, budget_id, role):
    client = client_as(role)
    for url in _pages(cast, budget_id):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
        elif role == "anonymous":
            assert response.status_code == 302, url
        else:
            assert response.status_code == 403, url
            assert "12,000" not in response.get_data(as_text=True)
    event_page = client.get(f"/events/{cast.event.id}").get_data(as_text=True)
    assert (f"/events/{cast.event.id}/budget" in event_page) == (role in ALLOWED)


def test_event_budget_page_shows_lines_heading_total_warning_and_chart(client_as, cast, budget_id):
    page = client_as("convener").get(f"/events/{cast.event.id}/budget").get_data(as_text=True)
    assert "Knowledge and partnerships" in page and "12,000.00" in page and "13,000.00" in page
    assert "-1,000.00" in page and "Over plan" in page and "<svg" in page


def test_add_line_with_bad_amount_keeps_what_was_typed_and_changes_nothing(client_as, app, cast, budget_id):
    client = client_as("convener")
    url = f"/budgets/{budget_id}/lines/new"
    for amount, message in [("-40", "cannot be negative"), ("lots", "is not an amount")]:
        response = client.submit(url, {"category": "facilitation", "description": "Co-chairs", "amount": amount,
                                       "currency": "GBP", "value_date": "2031-02-01", "heading_id": ""})
        text = response.get_data(as_text=True)
        assert response.status_code == 400 and message in text and 'value="Co-chairs"' in text
    response = client.submit(url, {"category": "facilitation", "description": "Co-chairs", "amount": "500",
                                   "currency": "QQQ", "value_date": "2031-02-01", "heading_id": ""})
    assert "QQQ is not an ISO 4217 currency code" in response.get_data(as_text=True)
    response = client.submit(url, {"category": "facilitation", "description": "Co-chairs", "amount": "500",
                                   "currency": "USD", "value_date": "2031-02-01", "heading_id": ""})
    assert "No exchange rate from USD to GBP on or before 2031-02-01" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetLine)) == 1


def test_secretariat_records_rate_then_entry_in_another_currency_shows_rate(client_as, app, cast, budget_id):
    client = client_as("secretariat")
    response = client.submit("/budgets/rates", {"base_currency": "GBP", "quote_currency": "PEN", "rate": "5",
                                                "rate_date": "2031-01-01", "source": "Central bank"})
    assert response.status_code == 302
    with app.app_context():
        line_id = db.session.scalar(sa.select(BudgetLine.id))
    url = f"/budgets/{budget_id}/lines/{line_id}/entries/new"
    response = client.submit(url, {"kind": "commitment", "amount": "2500", "currency": "PEN",
                                   "value_date": "2031-03-01", "payee": "Rosa's flights", "reference": ""})
    assert response.status_code == 302
    page = client.get(f"/budgets/{budget_id}/lines/{line_id}").get_data(as_text=True)
    assert "2,500.00 PEN (500.00 GBP)" in page and "1 GBP = 5 PEN (2031-01-01)" in page


def test_rates_page_is_the_secretariats(client_as, cast):
    assert client_as("convener").get("/budgets/rates").status_code == 403


def test_revision_needs_a_reason_and_is_kept(client_as, app, cast, budget_id):
    client = client_as("convener")
    with app.app_context():
        line_id = db.session.scalar(sa.select(BudgetLine.id))
    url = f"/budgets/{budget_id}/lines/{line_id}/revise"
    response = client.submit(url, {"amount": "14000", "currency": "GBP", "value_date": "2031-02-01", "reason": ""})
    assert response.status_code == 400
    response = client.submit(url, {"amount": "14000", "currency": "GBP", "value_date": "2031-02-01",
                                   "reason": "Bigger room"})
    assert response.status_code == 302
    page = client.get(f"/budgets/{budget_id}/lines/{line_id}").get_data(as_text=True)
    assert "Original plan" in page and "Bigger room" in page and "Chidi Convener" in page


def test_csv_is_formula_safe(client_as, cast, budget_id):
    response = client_as("convener").get(f"/budgets/{budget_id}.csv")
    text = response.get_data(as_text=True)
    assert response.content_type.startswith("text/csv")
    assert "'=HYPERLINK" in text and "12000.00" in text


def test_budget_page_queries_stay_constant_as_lines_and_entries_grow(app, client_as, cast, budget_id):
    client = client_as("convener")
    url = f"/events/{cast.event.id}/budget"

    def grow(n):
        with app.app_context():
            budget = db.session.get(Budget, budget_id)
            for i in range(n):
                line = services.add_line(budget, category="other", amount="100", currency="GBP",
                                         value_date=date(2031, 1, 1), actor=None)
                for _ in range(3):
                    services.record_entry(line, kind="commitment", amount="10", currency="GBP",
                                          value_date=date(2031, 1, 1), actor=None)
            db.session.commit()

    grow(2)
    small = count_queries(app, lambda: client.get(url))
    grow(20)
    large = count_queries(app, lambda: client.get(url))
    assert large == small
    csv_small = count_queries(app, lambda: client.get(f"/budgets/{budget_id}.csv"))
    grow(10)
    assert count_queries(app, lambda: client.get(f"/budgets/{budget_id}.csv")) == csv_small
