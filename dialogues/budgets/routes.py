"""Budget pages: one per event and per programme's fiscal year, their lines, plans, entries,
CSV export, and the secretariat's exchange rates and use-of-funds headings."""
from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.budgets import exports, services
from dialogues.budgets.charts import planned_actual_svg
from dialogues.accounts.enums import OrganisationKind
from dialogues.accounts.services import find_or_create_organisation
from dialogues.budgets.forms import (
    EntryForm, FinanceForm, HeadingForm, LineForm, OpenBudgetForm, RateForm, RevisionForm, SourceForm,
)
from dialogues.budgets.models import Budget, BudgetLine, BudgetOwner
from dialogues.core.views import child_or_404, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Action, authorize, can
from dialogues.programmes.models import Programme

bp = Blueprint("budgets", __name__)


@bp.app_template_global("budget_owner")
def budget_owner(programme=None, event=None) -> BudgetOwner:
    """What templates ask budget permissions about (no query)."""
    return BudgetOwner(programme=programme, event=event)


def _page(owner: BudgetOwner, budget: Budget | None, **extra):
    summary = services.summary(budget) if budget is not None else None
    return render_template("budgets/show.html", owner=owner, budget=budget, summary=summary,
                           chart=planned_actual_svg(summary) if summary and summary.lines else None,
                           edit=can(current_user, Action.EDIT_BUDGET, owner), open_form=OpenBudgetForm(), **extra)


def _budget(budget_id: int, action: Action) -> Budget:
    budget = db.get_or_404(Budget, budget_id)
    authorize(action, budget)
    return budget


def _back(budget: Budget):
    if budget.event_id is not None:
        return url_for("budgets.event_budget", event_id=budget.event_id)
    if budget.programme_id is not None:
        return url_for("budgets.programme_budget", programme_id=budget.programme_id, year=budget.fiscal_year)
    abort(404)


@bp.get("/events/<int:event_id>/budget")
@login_required
def event_budget(event_id: int):
    """An event's budget: planned, committed, actual and remaining per line, heading and total."""
    event = db.get_or_404(Event, event_id)
    owner = BudgetOwner(event=event)
    authorize(Action.VIEW_BUDGET, owner)
    return _page(owner, services.budget_of_event(event), event=event, programme=event.programme)


@bp.post("/events/<int:event_id>/budget")
@login_required
def open_event_budget(event_id: int):
    """Open an empty budget for an event that has none."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.EDIT_BUDGET, BudgetOwner(event=event))
    if OpenBudgetForm().validate_on_submit() and run_service(services.open_event_budget, event, actor=current_user):
        flash(_("Budget opened. Add its lines."), "success")
    return redirect(url_for(".event_budget", event_id=event.id))


@bp.get("/programmes/<int:programme_id>/budget")
@login_required
def programme_budget(programme_id: int):
    """A programme's budget for one fiscal year (the current one unless ?year= says)."""
    programme = db.get_or_404(Programme, programme_id)
    owner = BudgetOwner(programme=programme)
    authorize(Action.VIEW_BUDGET, owner)
    year = request.args.get("year", type=int)
    if year is None or not 1900 <= year <= 2200:
        year = services.current_fiscal_year(programme, date.today())
    budget = services.budget_of_programme(programme, year)
    db.session.commit()  # the programme's money settings, made on first visit
    return _page(owner, budget, programme=programme, year=year, headings=services.headings_of(programme.id),
                 heading_form=HeadingForm(), manage=can(current_user, Action.MANAGE_FINANCE, owner))


@bp.post("/programmes/<int:programme_id>/budget")
@login_required
def open_programme_budget(programme_id: int):
    """Open an empty budget for a programme's fiscal year."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.EDIT_BUDGET, BudgetOwner(programme=programme))
    year = request.args.get("year", type=int)
    if year is None:
        abort(404)
    if OpenBudgetForm().validate_on_submit() and run_service(services.open_programme_budget, programme, year,
                                                             actor=current_user):
        flash(_("Budget opened. Add its lines."), "success")
    return redirect(url_for(".programme_budget", programme_id=programme.id, year=year))


@bp.post("/programmes/<int:programme_id>/budget/headings")
@login_required
def add_heading(programme_id: int):
    """The secretariat adds a use-of-funds heading to a programme."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.MANAGE_FINANCE, BudgetOwner(programme=programme))
    form = HeadingForm()
    if form.validate_on_submit():
        if run_service(services.add_heading, programme, name=form.name.data, actor=current_user):
            flash(_("Heading added."), "success")
    else:
        flash(_("Give the heading a name."), "error")
    return redirect(url_for(".programme_budget", programme_id=programme.id, year=request.args.get("year", type=int)))


def _form_page(form, budget: Budget, title: str, line: BudgetLine | None = None):
    return render_template("budgets/form.html", form=form, budget=budget, line=line, title=title,
                           back=_back(budget)), 400 if request.method == "POST" else 200


def _money(form) -> dict:
    return dict(amount=form.amount.data, currency=form.currency.data, value_date=form.value_date.data)


@bp.route("/budgets/<int:budget_id>/lines/new", methods=["GET", "POST"])
@login_required
def add_line(budget_id: int):
    """Add a line with its planned figure."""
    budget = _budget(budget_id, Action.EDIT_BUDGET)
    headings = services.headings_of(services._programme_id_of(budget))
    form = LineForm(headings=headings, data={"currency": budget.currency, "value_date": date.today()})
    if form.validate_on_submit():
        heading = next((h for h in headings if h.id == form.heading_id.data), None)
        if run_service(services.add_line, budget, category=form.category.data, description=form.description.data,
                       heading=heading, actor=current_user, error_field=form.amount, **_money(form)):
            flash(_("Line added."), "success")
            return redirect(_back(budget))
    return _form_page(form, budget, _("New budget line"))


@bp.get("/budgets/<int:budget_id>/lines/<int:line_id>")
@login_required
def show_line(budget_id: int, line_id: int):
    """A line's plan revisions (who, when, why) and its entries, each with the rate it used."""
    budget = _budget(budget_id, Action.VIEW_BUDGET)
    line = child_or_404(BudgetLine, line_id, budget_id=budget.id)
    figures = services.entry_sums([line.id]).get(line.id, services.Figures())
    figures.planned = line.planned
    entries = [e for e in services.entries_of(budget) if e.line_id == line.id]
    return render_template("budgets/line.html", budget=budget, line=line, figures=figures, entries=entries,
                           back=_back(budget), edit=can(current_user, Action.EDIT_BUDGET, budget))


@bp.route("/budgets/<int:budget_id>/lines/<int:line_id>/revise", methods=["GET", "POST"])
@login_required
def revise_line(budget_id: int, line_id: int):
    """Change a line's planned figure, saying why; earlier figures are kept."""
    budget = _budget(budget_id, Action.EDIT_BUDGET)
    line = child_or_404(BudgetLine, line_id, budget_id=budget.id)
    form = RevisionForm(data={"currency": budget.currency, "value_date": date.today(), "amount": line.planned})
    if form.validate_on_submit():
        if run_service(services.revise_plan, line, reason=form.reason.data, actor=current_user,
                       error_field=form.amount, **_money(form)):
            flash(_("Plan revised."), "success")
            return redirect(url_for(".show_line", budget_id=budget.id, line_id=line.id))
    return _form_page(form, budget, _("Revise the plan of %(line)s", line=line.name), line)


@bp.route("/budgets/<int:budget_id>/lines/<int:line_id>/entries/new", methods=["GET", "POST"])
@login_required
def add_entry(budget_id: int, line_id: int):
    """Record a commitment, disbursement or expenditure on a line."""
    budget = _budget(budget_id, Action.EDIT_BUDGET)
    line = child_or_404(BudgetLine, line_id, budget_id=budget.id)
    form = EntryForm(data={"currency": budget.currency, "value_date": date.today()})
    if form.validate_on_submit():
        if run_service(services.record_entry, line, kind=form.kind.data, payee=form.payee.data,
                       reference=form.reference.data, actor=current_user, error_field=form.amount, **_money(form)):
            flash(_("Entry recorded."), "success")
            return redirect(url_for(".show_line", budget_id=budget.id, line_id=line.id))
    return _form_page(form, budget, _("New entry on %(line)s", line=line.name), line)


@bp.get("/budgets/<int:budget_id>.csv")
@login_required
def export(budget_id: int):
    """The budget's lines and entries as a spreadsheet file."""
    budget = _budget(budget_id, Action.VIEW_BUDGET)
    body = exports.budget_csv(services.summary(budget), services.entries_of(budget))
    return Response(body, content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f"attachment; filename={exports.csv_filename(budget)}",
        "Cache-Control": "private, no-store"})


@bp.route("/budgets/rates", methods=["GET", "POST"])
@login_required
def exchange_rates():
    """The secretariat's exchange rates: record one; earlier ones are kept."""
    authorize(Action.MANAGE_FINANCE)
    form = RateForm(data={"rate_date": date.today()})
    if form.validate_on_submit():
        if run_service(services.record_rate, base_currency=form.base_currency.data,
                       quote_currency=form.quote_currency.data, rate=form.rate.data, rate_date=form.rate_date.data,
                       source=form.source.data, actor=current_user, error_field=form.rate):
            flash(_("Rate recorded."), "success")
            return redirect(url_for(".exchange_rates"))
    return render_template("budgets/rates.html", form=form, rates=services.rates()), \
        400 if request.method == "POST" else 200


def _programme_year(programme_id: int, action: Action):
    programme = db.get_or_404(Programme, programme_id)
    authorize(action, BudgetOwner(programme=programme))
    year = request.args.get("year", type=int)
    if year is None or not 1900 <= year <= 2200:
        year = services.current_fiscal_year(programme, date.today())
    return programme, year


@bp.get("/programmes/<int:programme_id>/budget/sources-and-uses")
@login_required
def sources_and_uses(programme_id: int):
    """Where a programme's money for a fiscal year comes from, what it is used for, funded and unfunded."""
    programme, year = _programme_year(programme_id, Action.VIEW_BUDGET)
    report = services.sources_and_uses(programme, year)
    db.session.commit()  # the programme's money settings, made on first visit
    return render_template("budgets/sources_uses.html", report=report, programme=programme, year=year,
                           record=can(current_user, Action.RECORD_FUNDING, BudgetOwner(programme=programme)))


@bp.route("/programmes/<int:programme_id>/budget/sources/new", methods=["GET", "POST"])
@login_required
def add_source(programme_id: int):
    """Record a grant, pledge, sponsorship or in-kind contribution for the programme's fiscal year."""
    programme, year = _programme_year(programme_id, Action.RECORD_FUNDING)
    finance = services.finance_of(programme)
    form = SourceForm(data={"currency": finance.reporting_currency, "value_date": date.today(), "status": "pledged"})
    back = url_for(".sources_and_uses", programme_id=programme.id, year=year)
    if form.validate_on_submit():
        donor = find_or_create_organisation(form.donor.data, OrganisationKind.DONOR, None)
        if run_service(services.record_source, donor=donor, kind=form.kind.data, status=form.status.data,
                       amount=form.amount.data, currency=form.currency.data, value_date=form.value_date.data,
                       fiscal_year=year, programme=programme, description=form.description.data,
                       reference=form.reference.data, actor=current_user, error_field=form.amount):
            flash(_("Source of funds recorded."), "success")
            return redirect(back)
    return render_template("budgets/simple_form.html", form=form, title=_("New source of funds, FY%(year)s",
                                                                           year=year), back=back), \
        400 if request.method == "POST" else 200


@bp.route("/programmes/<int:programme_id>/budget/finance", methods=["GET", "POST"])
@login_required
def programme_finance(programme_id: int):
    """The secretariat sets a programme's reporting currency and fiscal year."""
    programme, year = _programme_year(programme_id, Action.MANAGE_FINANCE)
    finance = services.finance_of(programme)
    form = FinanceForm(obj=finance)
    back = url_for(".programme_budget", programme_id=programme.id)
    if form.validate_on_submit():
        if run_service(services.set_finance, programme, reporting_currency=form.reporting_currency.data,
                       fiscal_year_start_month=form.fiscal_year_start_month.data, actor=current_user,
                       error_field=form.reporting_currency):
            flash(_("Money settings saved."), "success")
            return redirect(back)
    return render_template("budgets/simple_form.html", form=form, title=_("Money settings of %(programme)s",
                                                                           programme=programme.title), back=back), \
        400 if request.method == "POST" else 200
