"""Pages for a dialogue series' steering committee: proposals, scores, ranking, decisions."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from dialogues.core.views import run_service
from dialogues.extensions import db
from dialogues.permissions import Action, authorize, can
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme
from dialogues.proposals import services
from dialogues.proposals.enums import Criterion
from dialogues.proposals.forms import DecisionForm, ProposalForm, WeightsForm, score_form, scores_from
from dialogues.proposals.models import IssueProposal

bp = Blueprint("proposals", __name__)


def _series_or_404(series_id: int) -> Programme:
    series = db.get_or_404(Programme, series_id)
    if series.kind != ProgrammeKind.DIALOGUE_SERIES:
        abort(404)
    return series


def _proposal_fields(form) -> dict:
    return {name: form[name].data for name in services.PROPOSAL_FIELDS}


@bp.get("/series/<int:series_id>/proposals")
@login_required
def list_proposals(series_id: int):
    """Every issue proposed to a series, with its status."""
    series = _series_or_404(series_id)
    authorize(Action.VIEW_PROPOSALS, series)
    return render_template("proposals/list.html", series=series, proposals=services.proposals_of(series.id))


@bp.route("/series/<int:series_id>/proposals/new", methods=["GET", "POST"])
@login_required
def propose(series_id: int):
    """Propose an issue for the series to take up."""
    series = _series_or_404(series_id)
    authorize(Action.PROPOSE_ISSUE, series)
    form = ProposalForm()
    if form.validate_on_submit():
        if proposed := run_service(services.propose_issue, series, actor=current_user, **_proposal_fields(form)):
            flash("Issue proposed. Committee members can now score it.", "success")
            return redirect(url_for("proposals.show", proposal_id=proposed.value.id))
    return render_template("proposals/form.html", form=form, series=series, proposal=None)


@bp.route("/proposals/<int:proposal_id>/edit", methods=["GET", "POST"])
@login_required
def edit(proposal_id: int):
    """Correct or complete a proposal (its proposer or a convener), while it is open."""
    proposal = db.get_or_404(IssueProposal, proposal_id)
    authorize(Action.EDIT_PROPOSAL, proposal)
    form = ProposalForm(obj=proposal)
    if form.validate_on_submit():
        if run_service(services.update_proposal, proposal, actor=current_user, **_proposal_fields(form)):
            flash("Proposal saved.", "success")
            return redirect(url_for("proposals.show", proposal_id=proposal.id))
    return render_template("proposals/form.html", form=form, series=proposal.series, proposal=proposal)


def _render_proposal(proposal: IssueProposal, scores=None, decision=None, status=200):
    may_see_all = can(current_user, Action.VIEW_ALL_SCORES, proposal)
    return render_template(
        "proposals/show.html", proposal=proposal, criteria=list(Criterion),
        score_form=scores or score_form(proposal, current_user.id),
        decision_form=decision or DecisionForm(proposal=proposal),
        stats=services.criterion_stats(proposal.scores) if may_see_all else None,
        may_see_all=may_see_all,
        my_scores={s.criterion: s for s in proposal.scores if s.member_id == current_user.id},
    ), status


@bp.get("/proposals/<int:proposal_id>")
@login_required
def show(proposal_id: int):
    """A proposal: its case, your scores, and (once you have scored) everyone's."""
    proposal = db.get_or_404(IssueProposal, proposal_id)
    authorize(Action.VIEW_PROPOSALS, proposal)
    return _render_proposal(proposal)


@bp.post("/proposals/<int:proposal_id>/scores")
@login_required
def score(proposal_id: int):
    """A committee member scores the six criteria (again, until the round closes)."""
    proposal = db.get_or_404(IssueProposal, proposal_id)
    authorize(Action.SCORE_PROPOSAL, proposal)
    form = score_form(proposal, current_user.id, formdata=request.form)
    if not form.validate():
        return _render_proposal(proposal, scores=form, status=400)
    if not run_service(services.submit_scores, proposal, scores_from(form), actor=current_user):
        return _render_proposal(db.get_or_404(IssueProposal, proposal_id), scores=form, status=400)
    flash("Your scores are saved.", "success")
    return redirect(url_for("proposals.show", proposal_id=proposal.id))


@bp.post("/proposals/<int:proposal_id>/close")
@login_required
def close(proposal_id: int):
    """The convener closes the scoring round."""
    proposal = db.get_or_404(IssueProposal, proposal_id)
    authorize(Action.DECIDE_PROPOSAL, proposal)
    if run_service(services.close_scoring, proposal, actor=current_user):
        flash("Scoring closed.", "success")
    return redirect(url_for("proposals.show", proposal_id=proposal.id))


@bp.post("/proposals/<int:proposal_id>/decision")
@login_required
def decide(proposal_id: int):
    """The convener changes a proposal's status, saying why."""
    proposal = db.get_or_404(IssueProposal, proposal_id)
    authorize(Action.DECIDE_PROPOSAL, proposal)
    form = DecisionForm(proposal=proposal)
    if not form.validate_on_submit():
        return _render_proposal(proposal, decision=form, status=400)
    if run_service(services.decide, proposal, form.status.data, form.reason.data, actor=current_user):
        flash(f"The proposal is now {proposal.status.label.lower()}.", "success")
    return redirect(url_for("proposals.show", proposal_id=proposal_id))


@bp.get("/series/<int:series_id>/ranking")
@login_required
def ranking(series_id: int):
    """Open proposals ranked by weighted score, with where scorers disagree most."""
    series = _series_or_404(series_id)
    authorize(Action.VIEW_PROPOSALS, series)
    ranked = services.ranking(series.id)
    visible = {r.proposal.id for r in ranked if can(current_user, Action.VIEW_ALL_SCORES, r.proposal)}
    return render_template("proposals/ranking.html", series=series, ranked=ranked, visible=visible,
                           weights=services.criterion_weights(series.id), criteria=list(Criterion))


@bp.route("/series/<int:series_id>/weights", methods=["GET", "POST"])
@login_required
def weights(series_id: int):
    """The secretariat sets how much each criterion counts in the ranking."""
    series = _series_or_404(series_id)
    authorize(Action.SET_CRITERION_WEIGHTS, series)
    current = services.criterion_weights(series.id)
    form = WeightsForm(data={f"weight_{c.value}": w for c, w in current.items()})
    if form.validate_on_submit():
        if run_service(services.set_criterion_weights,
                       series, {c: form[f"weight_{c.value}"].data for c in Criterion}, actor=current_user):
            flash("Weights saved.", "success")
            return redirect(url_for("proposals.ranking", series_id=series.id))
    return render_template("proposals/weights.html", form=form, series=series)
