"""Pages for agenda: the day-by-day agenda, editing items with conflict warnings, and calendar exports."""
import re
from itertools import groupby
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.http import is_resource_modified

from dialogues.agenda import services
from dialogues.agenda.forms import AgendaItemForm, ItemFormData
from dialogues.agenda.models import AgendaItem
from dialogues.calendars import cache, ical
from dialogues.core import codes
from dialogues.core.views import child_or_404, confirm_page, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.languages.selection import in_language_of
from dialogues.permissions import Action, authorize, can
from dialogues.programmes.models import Programme

bp = Blueprint("agenda", __name__)


@bp.app_template_global()
def webcal_url(endpoint: str, **values) -> str:
    """The subscribe link for a feed: the same address with the webcal:// scheme."""
    return re.sub(r"^https?://", "webcal://", url_for(endpoint, _external=True, **values))


def _ics(calendar, filename: str) -> Response:
    response = Response(ical.serialize(calendar), content_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})
    # Built each time, but a client polling an unchanged feed still gets a bodiless 304.
    response.add_etag(weak=True)
    return response.make_conditional(request)


def _versioned_ics(version: services.CalendarVersion, build, filename: str) -> Response:
    """A calendar known by its version: 304 when the client holds it, else the text kept since it was written."""
    # Weak: the same calendar compressed or not is the same version (Flask-Compress leaves weak tags alone).
    response = Response(content_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})
    response.set_etag(version.etag, weak=True)
    response.last_modified = version.last_modified
    if not is_resource_modified(request.environ, etag=version.etag, last_modified=version.last_modified):
        response.status_code = 304
        return response
    response.set_data(cache.serialised().get_or_build(version.etag, lambda: ical.serialize(build())))
    return response


def _viewer_zone(event: Event) -> str:
    zone = request.args.get("tz") or event.timezone
    if not codes.is_timezone(zone):
        abort(400, description="Unknown time zone: give an IANA name such as Europe/London.")
    return zone


def _days(items, zone: str):
    """Items grouped by local day, and for each day the rooms (tracks or places) in use."""
    tz = ZoneInfo(zone)
    days = []
    for day, group in groupby(items, key=lambda i: i.starts_at.astimezone(tz).date()):
        day_items = list(group)
        rooms = sorted({i.track or i.location for i in day_items if i.track or i.location})
        slots = [(start, list(g)) for start, g in groupby(day_items, key=lambda i: i.starts_at)]
        days.append((day, rooms, slots))
    return days


@bp.get("/events/<int:event_id>/agenda")
def show(event_id: int):
    """The day-by-day agenda, in the event's time zone or (with ?tz=) the viewer's."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.VIEW_EVENT, event)
    asked = request.args.get("tz", "").strip()
    # An unknown zone is typed text, not a broken link: say so beside the box and keep it there.
    zone = asked if codes.is_timezone(asked) else event.timezone
    unknown_zone = asked if asked and zone != asked else None
    items = services.event_items(event)
    editing = can(current_user, Action.EDIT_AGENDA, event)
    return render_template(
        "agenda/show.html", event=event, zone=zone, days=_days(items, zone), items=items, editing=editing,
        conflict_count=len(services.conflicts(event, items)) if editing else 0,
        zones=codes.suggested_timezones(event.country, event.timezone, zone), unknown_zone=unknown_zone,
    ), 400 if unknown_zone else 200


@bp.get("/events/<int:event_id>/agenda/print")
def printable(event_id: int):
    """The agenda as one plain table per day, for hosts to print."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.VIEW_EVENT, event)
    zone = _viewer_zone(event)
    return render_template("agenda/print.html", event=event, zone=zone, days=_days(services.event_items(event), zone))


@bp.route("/events/<int:event_id>/agenda/new", methods=["GET", "POST"])
@login_required
def new_item(event_id: int):
    """Add an item; conflicts are saved with it and shown as warnings."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.EDIT_AGENDA, event)
    form = AgendaItemForm(event=event, data={"day": event.starts_on})
    if form.validate_on_submit():
        added = run_service(services.add_item, event, actor=current_user, **form.item_fields())
        if added:
            return _saved(added.value)
    return render_template("agenda/form.html", event=event, form=form, item=None, warnings=[])


@bp.route("/events/<int:event_id>/agenda/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit_item(event_id: int, item_id: int):
    """Edit an item, with the conflicts it is part of shown as warnings."""
    item = child_or_404(AgendaItem, item_id, event_id=event_id)
    event = item.event
    authorize(Action.EDIT_AGENDA, event)
    form = AgendaItemForm(event=event, obj=ItemFormData(item, event.timezone))
    if form.validate_on_submit():
        if run_service(services.update_item, item, actor=current_user, **form.item_fields()):
            return _saved(item)
    return render_template("agenda/form.html", event=event, form=form, item=item,
                           warnings=services.conflicts_of(item))


def _saved(item: AgendaItem):
    warnings = services.conflicts_of(item)
    flash("Item saved." if not warnings else f"Item saved, with {len(warnings)} warning(s) below.", "success")
    for conflict in warnings:
        flash(f"Warning: {conflict.message}", "warning")
    return redirect(url_for("agenda.edit_item", event_id=item.event_id, item_id=item.id))


@bp.post("/events/<int:event_id>/agenda/<int:item_id>/cancel")
@login_required
def cancel_item(event_id: int, item_id: int):
    """Cancel an item; calendars that hold it are told."""
    item = child_or_404(AgendaItem, item_id, event_id=event_id)
    authorize(Action.EDIT_AGENDA, item.event)
    if run_service(services.cancel_item, item, actor=current_user):
        flash("Item cancelled.", "success")
    return redirect(url_for("agenda.show", event_id=event_id))


@bp.route("/events/<int:event_id>/agenda/<int:item_id>/delete", methods=["GET", "POST"])
@login_required
def delete_item(event_id: int, item_id: int):
    """Delete an item entered by mistake, once asked whether to."""
    item = child_or_404(AgendaItem, item_id, event_id=event_id)
    authorize(Action.EDIT_AGENDA, item.event)
    if request.method == "GET":
        return confirm_page(
            title=_("Delete “%(title)s”?", title=item.title),
            consequences=[_("The item disappears from the agenda. Calendars that already hold it keep their copy: "
                            "to tell them it will not happen, cancel the item instead."),
                          _("This cannot be undone.")],
            action=url_for("agenda.delete_item", event_id=event_id, item_id=item.id), submit=_("Delete the item"),
            back=url_for("agenda.edit_item", event_id=event_id, item_id=item.id),
        )
    if run_service(services.delete_item, item, actor=current_user):
        flash("Item deleted.", "success")
    return redirect(url_for("agenda.show", event_id=event_id))


@bp.post("/events/<int:event_id>/agenda/template")
@login_required
def apply_template(event_id: int):
    """Start an empty agenda from the template for the event's kind."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.EDIT_AGENDA, event)
    if started := run_service(services.apply_template, event, actor=current_user):
        flash(f"Agenda started with {len(started.value)} items from the template.", "success")
    return redirect(url_for("agenda.show", event_id=event_id))


@bp.get("/events/<int:event_id>/agenda/conflicts")
@login_required
def conflicts(event_id: int):
    """Every conflict in the agenda: outside the dates, double-booked rooms and people."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.EDIT_AGENDA, event)
    return render_template("agenda/conflicts.html", event=event, conflicts=services.conflicts(event))


@bp.get("/events/<int:event_id>/agenda.ics")
def event_ics(event_id: int):
    """The event's agenda as an iCalendar file."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.VIEW_EVENT, event)
    version = services.event_calendar_version(event, variant=cache.variant())
    return _versioned_ics(version, lambda: ical.event_calendar(event, services.event_items(event)),
                          f"agenda-event-{event.id}.ics")


@bp.get("/programmes/<int:programme_id>/calendar.ics")
def programme_ics(programme_id: int):
    """A programme's events (with ?items=1, their agenda items too) as an iCalendar file."""
    programme = db.get_or_404(Programme, programme_id)
    authorize(Action.VIEW_PROGRAMME, programme)
    with_items = request.args.get("items") == "1"
    events, by_event = services.programme_entries(programme, current_user, with_items=with_items)
    return _ics(ical.programme_calendar(programme, events, by_event if with_items else None),
                f"programme-{programme.id}.ics")


@bp.get("/my/calendar")
@login_required
def my_calendar():
    """The person's own calendar feed: its secret address, to download or subscribe to."""
    feed = services.feed_of(current_user)
    db.session.commit()
    events, items = services.personal_entries(current_user)
    return render_template("agenda/my_calendar.html", feed=feed, events=events, items=items)


@bp.post("/my/calendar/regenerate")
@login_required
def regenerate_feed():
    """Give the feed a new secret address; the old one stops working."""
    if run_service(services.regenerate_feed, current_user, actor=current_user):
        flash("Your calendar has a new address. Subscribe again with it; the old one no longer works.", "success")
    return redirect(url_for("agenda.my_calendar"))


@bp.get("/calendar/feeds/<token>.ics")
def personal_feed(token: str):
    """A person's calendar, for calendar clients that hold the secret address."""
    user = services.feed_owner(token)
    if user is None:
        abort(404)
    events, items = services.personal_entries(user)
    # A calendar client fetches the feed without the owner's session: write it in their language.
    with in_language_of(user):
        return _ics(ical.personal_calendar(user, events, items), "my-dialogues.ics")
