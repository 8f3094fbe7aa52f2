"""Pages for taking up an issue as a dialogue initiative and keeping its plan."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_babel import gettext as _

from dialogues.core import clock
from dialogues.core.views import run_service
from dialogues.extensions import db
from dialogues.initiatives import services
from dialogues.initiatives.enums import MemberKind
from dialogues.initiatives.forms import HINTS, InitiativeForm
from dialogues.initiatives.models import Initiative
from dialogues.permissions import Action, authorize
from dialogues.proposals.models import IssueProposal

bp = Blueprint("initiatives", __name__)


def _members(form: InitiativeForm) -> dict:
    """People (by email) and organisations (by name) from the form."""
    return {"member_emails": {k: form.lines(k) for k in MemberKind if k.is_person},
            "organisations": {k: form.lines(k) for k in MemberKind if not k.is_person}}


@bp.route("/proposals/<int:proposal_id>/initiative", methods=["GET", "POST"])
@login_required
def create(proposal_id: int):
    """Take up a selected issue as an initiative; its text carries over."""
    proposal = db.get_or_404(IssueProposal, proposal_id)
    authorize(Action.DECIDE_PROPOSAL, proposal)
    form = InitiativeForm()
    if request.method == "GET":
        form.title.data = proposal.title
        form.summary.data = "\n\n".join(t for t in (proposal.problem_statement, proposal.why_now) if t)
        today = clock.utc_today()
        form.starts_on.data, form.ends_on.data = today, today.replace(year=today.year + 4)
    if form.validate_on_submit():
        created = run_service(
            services.take_up_issue, proposal, actor=current_user, title=form.title.data,
            summary=form.summary.data or "", starts_on=form.starts_on.data, ends_on=form.ends_on.data,
            planned_dialogues=form.planned_dialogues.data, **_members(form))
        if created:
            flash(_("Initiative created. Plan its first dialogue."), "success")
            return redirect(url_for("programmes.show_programme", programme_id=created.value.id))
    return render_template("initiatives/form.html", form=form, proposal=proposal, initiative=None, hints=HINTS)


@bp.route("/initiatives/<int:programme_id>/edit", methods=["GET", "POST"])
@login_required
def edit(programme_id: int):
    """Change an initiative's title, dates, plan and people."""
    initiative = db.get_or_404(Initiative, programme_id)
    authorize(Action.EDIT_PROGRAMME, initiative.programme)
    form = InitiativeForm(obj=initiative)
    if request.method == "GET":
        form.title.data, form.summary.data = initiative.programme.title, initiative.programme.summary
        form.fill_members(initiative)
    if form.validate_on_submit():
        if run_service(services.edit_initiative, initiative, actor=current_user, title=form.title.data,
                       summary=form.summary.data or "", starts_on=form.starts_on.data, ends_on=form.ends_on.data,
                       planned_dialogues=form.planned_dialogues.data, **_members(form)):
            flash(_("Initiative saved."), "success")
            return redirect(url_for("programmes.show_programme", programme_id=programme_id))
    return render_template("initiatives/form.html", form=form, proposal=None, initiative=initiative, hints=HINTS)
