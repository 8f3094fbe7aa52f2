"""Pages for programmes: dialogue initiatives, learning groups, conference series."""
import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_babel import gettext as _

from dialogues.conferences import services as conferences
from dialogues.events.defaults import DIALOGUE_KINDS
from dialogues.events.models import Event
from dialogues.initiatives import services as initiatives
from dialogues.initiatives.enums import MemberKind
from dialogues.core import clock
from dialogues.core.views import run_service
from dialogues.extensions import db
from dialogues.permissions import Action, authorize, can
from dialogues.preparation import services as preparation
from dialogues.programmes import services
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.forms import ProgrammeForm
from dialogues.programmes.models import Programme

bp = Blueprint("programmes", __name__, url_prefix="/programmes")


@bp.get("/")
def list_programmes():
    """Every programme the visitor may see, grouped by kind."""
    programmes = db.session.scalars(services.visible_programmes(current_user)).all()
    return render_template("programmes/list.html", programmes=programmes)


@bp.get("/<int:programme_id>")
def show_programme(programme_id: int):
    """A programme and the events in it that the visitor may see."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.VIEW_PROGRAMME, programme)
    if programme.initiative is not None:
        return _show_initiative(programme)
    # Learning groups and their programme have pages of their own.
    if programme.kind == ProgrammeKind.LEARNING_PROGRAMME:
        return redirect(url_for("learning_groups.show_programme", programme_id=programme.id))
    if programme.kind == ProgrammeKind.LEARNING_GROUP and programme.learning_group is not None:
        return redirect(url_for("learning_groups.show_group", group_id=programme.id))
    events = db.session.scalars(
        sa.select(Event).where(Event.programme_id == programme.id).order_by(Event.starts_on)
    ).all()
    events = [e for e in events if can(current_user, Action.VIEW_EVENT, e)]
    # A conference series' page is its landing page: the coming edition, then the past ones.
    landing = None
    if programme.kind == ProgrammeKind.CONFERENCE_SERIES:
        landing = conferences.landing(programme)
        landing.past = [f for f in landing.past if can(current_user, Action.VIEW_EVENT, f.edition.event)]
        if landing.coming and not can(current_user, Action.VIEW_EVENT, landing.coming.edition.event):
            landing.coming = None
    return render_template("programmes/show.html", programme=programme, events=events, landing=landing)


def _show_initiative(programme: Programme):
    """An initiative's page: its dialogues year by year, their mix, what is late, its people."""
    timeline = initiatives.timeline(programme.initiative)
    years = [(year, [e for e in events if can(current_user, Action.VIEW_EVENT, e)]) for year, events in timeline.years]
    return render_template(
        "initiatives/show.html", programme=programme, initiative=programme.initiative, timeline=timeline,
        years=years, dialogue_kinds=DIALOGUE_KINDS, member_kinds=list(MemberKind),
        late_tasks=preparation.late_tasks(clock.utc_today(), programme_id=programme.id)
        if can(current_user, Action.PREPARE_EVENT, programme) else [],
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create_programme():
    """The secretariat starts a new initiative, learning group or conference series."""
    authorize(Action.CREATE_PROGRAMME)
    form = ProgrammeForm()
    if form.validate_on_submit():
        if created := run_service(services.create_programme, actor=current_user, **form.data):
            flash(_("Programme created."), "success")
            return redirect(url_for("programmes.show_programme", programme_id=created.value.id))
    return render_template("programmes/form.html", form=form, programme=None)


@bp.route("/<int:programme_id>/edit", methods=["GET", "POST"])
@login_required
def edit_programme(programme_id: int):
    """Edit a programme's name, summary and visibility."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.EDIT_PROGRAMME, programme)
    form = ProgrammeForm(obj=programme)
    if form.validate_on_submit():
        if run_service(services.update_programme, programme, actor=current_user, **form.data):
            flash(_("Programme saved."), "success")
            return redirect(url_for("programmes.show_programme", programme_id=programme.id))
    return render_template("programmes/form.html", form=form, programme=programme)
