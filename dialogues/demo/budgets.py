"""Demo budgets: the CASM conference series' FY2009 sources and uses of funds, as its report gives them.

Source: direct funding of 800,000 USD (the multi-donor trust fund). Uses: advocacy 60,000;
knowledge and partnerships 540,000; regional networks 0; management and administration 180,000
(shared/DOMAIN.md). The World Bank's fiscal year runs July to June.
"""
from datetime import date

from dialogues.accounts.enums import OrganisationKind
from dialogues.accounts.services import find_or_create_organisation
from dialogues.budgets import services
from dialogues.budgets.enums import EntryKind, LineCategory, SourceKind, SourceStatus

FY = 2009
# (heading, the line categories it takes, FY2009 figure)
CASM_USES = (
    ("Advocacy", [LineCategory.COMMUNICATIONS], "60000"),
    ("Knowledge and partnerships", [LineCategory.RESEARCH, LineCategory.PUBLICATIONS, LineCategory.VENUE_CATERING,
                                    LineCategory.SPONSORED_PARTICIPANTS], "540000"),
    ("Regional networks", [LineCategory.FACILITATION], "0"),
    ("Management and administration", [LineCategory.STAFF], "180000"),
)


def seed_budgets(series, *, secretariat) -> None:
    """The conference series' headings, FY2009 budget with its spending, and the trust fund's grant."""
    if services.budget_of_programme(series, FY) is not None:
        return
    services.set_finance(series, reporting_currency="USD", fiscal_year_start_month=7, actor=secretariat)
    budget = services.open_programme_budget(series, FY, actor=secretariat)
    for name, categories, amount in CASM_USES:
        heading = services.add_heading(series, name=name, categories=categories, actor=secretariat)
        line = services.add_line(budget, category=categories[0], description=name, heading=heading, amount=amount,
                                 currency="USD", value_date=date(2008, 7, 1), actor=secretariat)
        if amount != "0":
            services.record_entry(line, kind=EntryKind.EXPENDITURE, amount=amount, currency="USD",
                                  value_date=date(2009, 6, 30), payee=name, reference="FY2009 report",
                                  actor=secretariat)
    fund = find_or_create_organisation("CASM multi-donor trust fund (DFID, Denmark, World Bank)",
                                       OrganisationKind.DONOR, None)
    services.record_source(donor=fund, kind=SourceKind.GRANT, status=SourceStatus.RECEIVED, amount="800000",
                           currency="USD", value_date=date(2008, 7, 1), fiscal_year=FY, programme=series,
                           description="Direct funding", actor=secretariat)
