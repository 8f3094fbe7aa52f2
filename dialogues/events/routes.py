"""Pages for finding, reading, creating and editing events."""
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.agenda import services as agenda
from dialogues.core import clock
from dialogues.core.columns import utcnow
from dialogues.core.views import run_service
from dialogues.events import services
from dialogues.events.enums import EventKind
from dialogues.events.forms import EventFilterForm, EventForm
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes import services as outcomes
from dialogues.permissions import Action, authorize, can
from dialogues.preparation import services as preparation
from dialogues.registration import services as registrations
from dialogues.programmes.services import programmes_open_to_new_events, visible_programmes

bp = Blueprint("events", __name__)


@bp.get("/")
def home():
    """The front page: what is coming up and the programmes behind it."""
    upcoming = db.session.scalars(services.visible_events(current_user, today=clock.utc_today()).limit(5)).all()
    programmes = db.session.scalars(visible_programmes(current_user).limit(12)).all()
    return render_template("events/home.html", upcoming=upcoming, programmes=programmes)


@bp.get("/events")
def list_events():
    """Upcoming or past events, filtered by kind and country, a page at a time."""
    form = EventFilterForm(request.args)
    if not form.validate():
        # Odd query strings fall back to the defaults instead of failing.
        form = EventFilterForm(formdata=None)
    stmt = services.visible_events(
        current_user, when=form.when.data, kind=form.kind.data, country=form.country.data, today=clock.utc_today()
    )
    page = db.paginate(
        stmt, page=request.args.get("page", 1, type=int),
        per_page=current_app.config["EVENTS_PER_PAGE"], error_out=False,
    )
    return render_template("events/list.html", page=page, form=form)


@bp.get("/events/<int:event_id>")
def show_event(event_id: int):
    """One event: when, where, in which languages, and what it is about."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.VIEW_EVENT, event)
    return render_template(
        "events/show.html", event=event, outcome_counts=outcomes.outcome_counts(event),
        preparation=preparation.event_panel(event, current_user, event.today),
        my_registration=registrations.registration_of(event, current_user),
        places_left=registrations.places_left(event, utcnow()), now=utcnow(),
    )


def _programme_choices(event: Event | None = None):
    programmes = programmes_open_to_new_events(current_user)
    if event is not None and event.programme is not None and event.programme not in programmes:
        programmes.append(event.programme)
    return programmes


@bp.route("/events/new", methods=["GET", "POST"])
@login_required
def create_event():
    """Create an event: the secretariat anywhere, conveners in their own programmes."""
    programmes = _programme_choices()
    if not programmes:
        authorize(Action.CREATE_EVENT)
    form = EventForm(programmes=programmes, data=_initial(request.args))
    if not can(current_user, Action.CREATE_EVENT):
        # Conveners must place the event in one of their programmes.
        form.programme_id.choices = form.programme_id.choices[1:]
    if form.validate_on_submit():
        created = run_service(preparation.plan_event, actor=current_user, **_event_fields(form))
        if created:
            flash(_("Event created."), "success")
            return redirect(url_for("events.show_event", event_id=created.value.id))
    return render_template("events/form.html", form=form, event=None)


@bp.route("/events/<int:event_id>/edit", methods=["GET", "POST"])
@login_required
def edit_event(event_id: int):
    """Edit an event's details and status."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.EDIT_EVENT, event)
    form = EventForm(obj=event, programmes=_programme_choices(event), zone_before=event.timezone,
                     has_agenda=agenda.has_items(event))
    if not can(current_user, Action.CREATE_EVENT) and event.programme_id is not None:
        form.programme_id.choices = form.programme_id.choices[1:]
    if form.validate_on_submit():
        agenda_times = form.agenda_times.data if "agenda_times" in form else None
        if run_service(agenda.update_event_and_agenda, event, actor=current_user, agenda_times=agenda_times,
                       **_event_fields(form)):
            flash(_("Event saved."), "success")
            return redirect(url_for("events.show_event", event_id=event.id))
    return render_template("events/form.html", form=form, event=event)


def _initial(args) -> dict:
    """Defaults for a new event from ?kind=…&programme_id=…, ignoring values that make no sense."""
    kind = args.get("kind")
    return services.initial_fields(
        EventKind(kind) if kind in EventKind.__members__.values() else None,
        args.get("programme_id", type=int),
    )


def _event_fields(form: EventForm) -> dict:
    return {name: form[name].data for name in (*services.EDITABLE_FIELDS, "status")}
