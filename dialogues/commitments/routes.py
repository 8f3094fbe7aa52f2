"""Pages for commitments: logging, review, progress, the registry, dashboards and settings."""
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from dialogues.commitments import services
from dialogues.commitments.charts import progress_svg
from dialogues.commitments.exports import commitments_csv
from dialogues.commitments.forms import CommitmentForm, RecordForm, RegistryFilterForm, ReviewForm, SettingsForm, UpdateForm
from dialogues.commitments.models import Commitment
from dialogues.core import clock
from dialogues.core.views import run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes.services import action_steps
from dialogues.permissions import Action, authorize
from dialogues.programmes.models import Programme
from dialogues.settings import services as settings

bp = Blueprint("commitments", __name__)

_SETTINGS = {"inactive_after_days": services.INACTIVE_AFTER_DAYS,
             "remind_due_within_days": services.REMIND_DUE_WITHIN_DAYS,
             "remind_silent_months": services.REMIND_SILENT_MONTHS}


def _commitment(commitment_id: int, action: Action) -> Commitment:
    commitment = db.get_or_404(Commitment, commitment_id)
    authorize(action, commitment)
    return commitment


def _fields(form: CommitmentForm, owner) -> dict:
    fields = {name: form[name].data for name in ("title", "description", "due_on", "kind", "level", "visibility")}
    fields["organisation_id"] = owner.organisation_id if form.for_organisation.data else None
    fields["outcome_id"] = form.outcome_id.data if "outcome_id" in form else None
    return fields


def _csv(rows, name: str) -> Response:
    return Response(commitments_csv(rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


@bp.get("/my/commitments")
@login_required
def mine():
    """Your commitments, their review and progress, with a traffic light each."""
    return render_template("commitments/mine.html", rows=services.rows(services.mine(current_user), clock.utc_today()))


@bp.route("/events/<int:event_id>/commitments/new", methods=["GET", "POST"])
@login_required
def add(event_id: int):
    """Log your own commitment at an event you take part in."""
    event = db.get_or_404(Event, event_id)
    if not services.may_add_at(current_user, event):
        abort(403)
    form = CommitmentForm(action_steps=action_steps(event))
    if form.validate_on_submit():
        created = run_service(services.create_commitment, owner=current_user, event=event, actor=current_user,
                              **_fields(form, current_user))
        if created:
            flash("Commitment saved. A convener will review it before it is public.", "success")
            return redirect(url_for("commitments.show", commitment_id=created.value.id))
    return render_template("commitments/form.html", form=form, event=event, commitment=None, recording=False)


@bp.route("/events/<int:event_id>/commitments/record", methods=["GET", "POST"])
@login_required
def record(event_id: int):
    """A convener records a commitment on a participant's behalf; the participant is told."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.RECORD_COMMITMENT, event)
    people = services.people_at(event)
    form = RecordForm(people=people, action_steps=action_steps(event))
    if form.validate_on_submit():
        owner = next(p for p in people if p.id == form.owner_id.data)
        created = run_service(services.create_commitment, owner=owner, event=event, actor=current_user,
                              **_fields(form, owner))
        if created:
            flash(f"Commitment recorded for {owner.name}, who has been told.", "success")
            return redirect(url_for("commitments.show", commitment_id=created.value.id))
    return render_template("commitments/form.html", form=form, event=event, commitment=None, recording=True)


@bp.get("/commitments/<int:commitment_id>")
def show(commitment_id: int):
    """One commitment: what, by when, its review and the full history of its progress."""
    commitment = _commitment(commitment_id, Action.VIEW_COMMITMENT)
    return render_template("commitments/show.html", commitment=commitment,
                           row=services.row_of(commitment, clock.today_where(commitment.event)), review_form=ReviewForm())


@bp.route("/commitments/<int:commitment_id>/edit", methods=["GET", "POST"])
@login_required
def edit(commitment_id: int):
    """Change a commitment; changing what or by when sends it back to review."""
    commitment = _commitment(commitment_id, Action.EDIT_COMMITMENT)
    steps = action_steps(commitment.event) if commitment.event else []
    form = CommitmentForm(obj=commitment, action_steps=steps)
    if request.method == "GET":
        form.for_organisation.data = commitment.organisation_id is not None
    if form.validate_on_submit():
        updated = run_service(services.update_commitment, commitment, actor=current_user,
                              **_fields(form, commitment.owner))
        if updated:
            flash("Saved. It goes back to a convener for review." if updated.value else "Saved.", "success")
            return redirect(url_for("commitments.show", commitment_id=commitment.id))
    return render_template("commitments/form.html", form=form, event=commitment.event, commitment=commitment,
                           recording=False)


@bp.post("/commitments/<int:commitment_id>/review")
@login_required
def review(commitment_id: int):
    """Accept a commitment as SMART, or ask for changes with a comment."""
    commitment = _commitment(commitment_id, Action.REVIEW_COMMITMENT)
    form = ReviewForm()
    if not form.validate():
        abort(400)
    if run_service(services.review_commitment, commitment, accept=form.decision.data == "accept",
                   comment=form.comment.data, actor=current_user):
        flash("Review saved.", "success")
    return redirect(url_for("commitments.show", commitment_id=commitment.id))


@bp.route("/commitments/<int:commitment_id>/updates/new", methods=["GET", "POST"])
@login_required
def add_update(commitment_id: int):
    """Report progress: status, share done, a short note and evidence links."""
    commitment = _commitment(commitment_id, Action.EDIT_COMMITMENT)
    form = UpdateForm()
    if form.validate_on_submit():
        if run_service(services.add_update, commitment, status=form.status.data, share_done=form.share_done.data,
                       note=form.note.data, evidence_links=(form.evidence_links.data or "").splitlines(),
                       reported_on=clock.today_where(commitment.event), actor=current_user, error_field=form.evidence_links):
            flash("Progress saved.", "success")
            return redirect(url_for("commitments.show", commitment_id=commitment.id))
    return render_template("commitments/update_form.html", form=form, commitment=commitment)


@bp.get("/commitments")
def registry():
    """The public registry: accepted public commitments, with search and filters."""
    form = RegistryFilterForm(request.args)
    if not form.validate():
        form = RegistryFilterForm(formdata=None)
    stmt = services.public_registry(search=form.q.data, kind=form.kind.data, level=form.level.data)
    found = services.rows(stmt, clock.utc_today())
    if request.args.get("format") == "csv":
        return _csv(found, "commitments")
    return render_template("commitments/registry.html", form=form, rows=found)


@bp.get("/events/<int:event_id>/follow-up")
def event_dashboard(event_id: int):
    """The follow-up of an event's commitments, for its conveners and hosts."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.VIEW_FOLLOW_UP, event)
    board = services.dashboard(services.of_event(event), event.today)
    if request.args.get("format") == "csv":
        return _csv(board.rows, f"commitments-event-{event.id}")
    return render_template("commitments/dashboard.html", board=board, event=event, programme=None,
                           chart=progress_svg(board.timeline))


@bp.get("/programmes/<int:programme_id>/follow-up")
def programme_dashboard(programme_id: int):
    """The follow-up of an initiative's, learning group's or conference series' commitments."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.VIEW_FOLLOW_UP, programme)
    board = services.dashboard(services.of_programme(programme), clock.utc_today())
    if request.args.get("format") == "csv":
        return _csv(board.rows, f"commitments-programme-{programme.id}")
    return render_template("commitments/dashboard.html", board=board, event=None, programme=programme,
                           chart=progress_svg(board.timeline))


@bp.route("/admin/follow-up-settings", methods=["GET", "POST"])
@login_required
def follow_up_settings():
    """The secretariat sets when a commitment counts as inactive and when reminders go out."""
    authorize(Action.CHANGE_SETTINGS)
    form = SettingsForm(data={name: services.setting(key) for name, key in _SETTINGS.items()})
    if form.validate_on_submit():
        if run_service(settings.set_values, {key: form[name].data for name, key in _SETTINGS.items()},
                       actor=current_user):
            flash("Settings saved.", "success")
            return redirect(url_for("commitments.follow_up_settings"))
    return render_template("commitments/settings.html", form=form)

