"""Sources of funds and the sources-and-uses report; the demo reproduces CASM's FY2009 figures."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from dialogues.budgets import services
from dialogues.extensions import db
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme


def test_demo_reproduces_casm_fy2009_sources_and_uses(runner, app, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        series = db.session.scalar(sa.select(Programme).where(Programme.kind == ProgrammeKind.CONFERENCE_SERIES))
        report = services.sources_and_uses(series, 2009)
        assert report.currency == "USD"
        assert [(s.kind.label, s.amount, s.status.value) for s in report.sources] == [
            ("Direct funding", Decimal("800000.00"), "received")]
        assert [(row.name, row.figures.actual) for row in report.uses] == [
            ("Advocacy", Decimal("60000.00")), ("Knowledge and partnerships", Decimal("540000.00")),
            ("Regional networks", Decimal("0")), ("Management and administration", Decimal("180000.00"))]
        assert (report.funded, report.unfunded, report.received, report.total.actual) == (
            Decimal("800000.00"), 0, Decimal("800000.00"), Decimal("780000.00"))
        series_id = series.id
    assert runner.invoke(args=["seed-demo"]).exit_code == 0  # twice adds nothing
    client.login("secretariat@example.org", "dialogues-demo")
    page = client.get(f"/programmes/{series_id}/budget/sources-and-uses?year=2009").get_data(as_text=True)
    for figure in ("800,000.00", "60,000.00", "540,000.00", "180,000.00", "Regional networks"):
        assert figure in page
    client.logout()
    client.login("participant@example.org", "dialogues-demo")
    assert client.get(f"/programmes/{series_id}/budget/sources-and-uses?year=2009").status_code == 403


def test_source_in_other_currency_needs_a_rate_and_keeps_it(app, client_as, cast):
    client = client_as("convener")
    url = f"/programmes/{cast.programme.id}/budget/sources/new?year=2031"
    data = {"donor": "Danida", "kind": "grant", "status": "confirmed", "amount": "100000", "currency": "DKK",
            "value_date": "2031-01-10", "description": "", "reference": ""}
    response = client.submit(url, data)
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "No exchange rate from DKK to GBP" in text and 'value="Danida"' in text
    with app.app_context():
        services.record_rate(base_currency="GBP", quote_currency="DKK", rate="8", rate_date=date(2031, 1, 1),
                             actor=None)
        db.session.commit()
    assert client.submit(url, data).status_code == 302
    page = client.get(f"/programmes/{cast.programme.id}/budget/sources-and-uses?year=2031").get_data(as_text=True)
    assert "12,500.00" in page and "1 GBP = 8 DKK (2031-01-01)" in page


def test_report_counts_event_budgets_of_the_year_and_names_those_left_out(app, make_programme, make_event):
    programme = make_programme()
    inside = make_event(programme_id=programme.id, starts_on=date(2031, 3, 1), ends_on=date(2031, 3, 2))
    other = make_event(programme_id=programme.id, title="In USD", starts_on=date(2031, 4, 1), ends_on=date(2031, 4, 2))
    with app.app_context():
        from dialogues.events.models import Event
        programme = db.session.get(Programme, programme.id)
        budget = services.open_event_budget(db.session.get(Event, inside.id), actor=None, currency="GBP")
        services.add_line(budget, category="other", amount="700", currency="GBP", value_date=date(2031, 1, 1),
                          actor=None)
        services.open_event_budget(db.session.get(Event, other.id), actor=None, currency="USD")
        report = services.sources_and_uses(programme, 2031)
        assert report.total.planned == Decimal("700.00") and report.unfunded == Decimal("700.00")
        assert [b.currency for b in report.left_out] == ["USD"]
