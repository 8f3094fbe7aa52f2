"""Pages for a dialogue's outcomes: everyone allowed reads them, conveners record them."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from dialogues.core.views import child_or_404, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes import services
from dialogues.outcomes.forms import MoveForm, OutcomeForm, OutcomeTextForm
from dialogues.outcomes.models import Outcome
from dialogues.permissions import Action, authorize, can

bp = Blueprint("outcomes", __name__)


def _event(event_id: int, action: Action) -> Event:
    event = db.get_or_404(Event, event_id)
    authorize(action, event)
    return event


def _outcome(event_id: int, outcome_id: int) -> Outcome:
    # An item is only ever reached through its own event, so a wrong pairing is a 404.
    event = _event(event_id, Action.RECORD_OUTCOMES)
    return child_or_404(Outcome, outcome_id, event_id=event.id)


def _item_url(outcome: Outcome) -> str:
    return url_for("outcomes.show", event_id=outcome.event_id, _anchor=f"outcome-{outcome.id}")


@bp.get("/events/<int:event_id>/outcomes")
def show(event_id: int):
    """What a dialogue produced, grouped by kind in the order proceedings print them."""
    event = _event(event_id, Action.VIEW_EVENT)
    return render_template(
        "outcomes/show.html", event=event, groups=services.outcomes_by_kind(event),
        may_record=can(current_user, Action.RECORD_OUTCOMES, event),
    )


@bp.route("/events/<int:event_id>/outcomes/new", methods=["GET", "POST"])
@login_required
def add(event_id: int):
    """Record one item: the co-chairs' summary, a point of (dis)agreement, a recommendation or an action step."""
    event = _event(event_id, Action.RECORD_OUTCOMES)
    form = OutcomeForm(kind=request.args.get("kind"))
    if form.validate_on_submit():
        added = run_service(services.add_outcome, event, form.kind.data, form.text.data, actor=current_user,
                            error_field=form.text)
        if added:
            flash(f"Added to {added.value.kind.label.lower()}.", "success")
            return redirect(_item_url(added.value))
    return render_template("outcomes/form.html", event=event, form=form, outcome=None)


@bp.route("/events/<int:event_id>/outcomes/<int:outcome_id>/edit", methods=["GET", "POST"])
@login_required
def edit(event_id: int, outcome_id: int):
    """Correct the text of an item."""
    outcome = _outcome(event_id, outcome_id)
    form = OutcomeTextForm(obj=outcome)
    if form.validate_on_submit():
        if run_service(services.update_outcome, outcome, form.text.data, actor=current_user, error_field=form.text):
            flash("Item saved.", "success")
            return redirect(_item_url(outcome))
    return render_template("outcomes/form.html", event=outcome.event, form=form, outcome=outcome)


@bp.route("/events/<int:event_id>/outcomes/<int:outcome_id>/remove", methods=["GET", "POST"])
@login_required
def remove(event_id: int, outcome_id: int):
    """Ask for confirmation, then delete an item for good."""
    outcome = _outcome(event_id, outcome_id)
    if request.method == "POST":  # the app-wide CSRF check has already passed
        kind = outcome.kind
        if run_service(services.remove_outcome, outcome, actor=current_user):
            flash(f"Item removed from {kind.label.lower()}.", "success")
        return redirect(url_for("outcomes.show", event_id=event_id, _anchor=f"kind-{kind.value}"))
    return render_template("outcomes/remove.html", event=outcome.event, outcome=outcome)


@bp.post("/events/<int:event_id>/outcomes/<int:outcome_id>/move")
@login_required
def move(event_id: int, outcome_id: int):
    """Move an item up or down among the others of its kind."""
    outcome = _outcome(event_id, outcome_id)
    form = MoveForm()
    if not form.validate():
        abort(400)
    run_service(services.move_outcome, outcome, form.direction.data, actor=current_user)
    return redirect(_item_url(outcome))
