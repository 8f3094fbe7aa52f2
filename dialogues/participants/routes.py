"""Pages for an event's participants: list, balance of voices, CSV, check-in."""
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_babel import gettext as _, ngettext

from dialogues.accounts.enums import StakeholderGroup
from dialogues.core.errors import DomainError
from dialogues.core.views import child_or_404, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.participants import exports, imports, services
from dialogues.participants.forms import CheckInForm, ImportForm
from dialogues.permissions import Action, authorize, can
from dialogues.registration.models import Registration

bp = Blueprint("participants", __name__)

LIST_PER_PAGE = 100
CHECK_IN_PER_PAGE = 50


def _event(event_id: int, action: Action) -> Event:
    event = db.get_or_404(Event, event_id)
    authorize(action, event)
    return event


def _page(stmt, per_page: int):
    return db.paginate(stmt, page=request.args.get("page", 1, type=int), per_page=per_page, error_out=False)


@bp.get("/events/<int:event_id>/participants")
@login_required
def listed(event_id: int):
    """Who takes part: those who agreed to be listed; conveners and hosts see everyone, with status."""
    event = _event(event_id, Action.VIEW_LISTED_PARTICIPANTS)
    full = can(current_user, Action.VIEW_PARTICIPANTS, event)
    page = _page(services.participant_list(event, full=full), LIST_PER_PAGE)
    return render_template("participants/list.html", event=event, page=page, full=full)


@bp.get("/events/<int:event_id>/participants.csv")
@login_required
def export(event_id: int):
    """Everyone registered, with needs and sponsorship, as a spreadsheet file."""
    event = _event(event_id, Action.VIEW_PARTICIPANTS)
    registrations = db.session.scalars(services.participant_list(event, full=True)).all()
    return Response(exports.participants_csv(registrations), content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f"attachment; filename={exports.csv_filename(event)}",
        "Cache-Control": "private, no-store",
    })


@bp.get("/events/<int:event_id>/balance")
@login_required
def balance(event_id: int):
    """The balance of voices among those who applied and those confirmed, with what to act on."""
    event = _event(event_id, Action.VIEW_BALANCE)
    result = services.balance(event)
    return render_template("participants/balance.html", event=event, balance=result,
                           warnings=services.balance_warnings(result, event.max_group_share))


def _import(event: Event, form: ImportForm) -> imports.ImportReport:
    try:
        text = imports.read_upload(form.file.data) if form.file.data is not None else form.text.data
    except DomainError as error:
        return imports.ImportReport(error=str(error))
    return imports.import_invitees(event, text, actor=current_user)


@bp.route("/events/<int:event_id>/invitees/import", methods=["GET", "POST"])
@login_required
def import_invitees(event_id: int):
    """Invite a list of people from a CSV file; if any row is wrong, nobody is invited."""
    event = _event(event_id, Action.MANAGE_REGISTRATIONS)
    form, report = ImportForm(), None
    if form.validate_on_submit():
        report = _import(event, form)
        if report.ok:
            db.session.commit()
            flash(_("%(invited)s (%(accounts)s). Their invitations are on their way.",
                    invited=ngettext("%(num)d invited", "%(num)d invited", len(report.invited)),
                    accounts=ngettext("%(num)d new account", "%(num)d new accounts", report.accounts_created)),
                  "success")
            return redirect(url_for(".listed", event_id=event.id))
        db.session.rollback()
    return render_template("participants/import.html", event=event, form=form, report=report,
                           max_rows=imports.MAX_ROWS, groups=list(StakeholderGroup))


@bp.get("/events/<int:event_id>/check-in")
@login_required
def check_in(event_id: int):
    """On the day: find a confirmed participant by name and mark them present."""
    event = _event(event_id, Action.CHECK_IN)
    query = request.args.get("q", "").strip()
    page = _page(services.check_in_list(event, query), CHECK_IN_PER_PAGE)
    return render_template("participants/check_in.html", event=event, page=page, query=query,
                           attendance=services.attendance(event))


def _back_to_check_in(form: CheckInForm, registration: Registration) -> str:
    return url_for(".check_in", event_id=registration.event_id, q=form.q.data or None, page=form.page.data,
                   _anchor=f"registration-{registration.id}")


@bp.post("/events/<int:event_id>/check-in/<int:registration_id>")
@login_required
def mark_attendance(event_id: int, registration_id: int):
    """Mark one person present, or undo a mistaken check-in."""
    event = _event(event_id, Action.CHECK_IN)
    registration = child_or_404(Registration, registration_id, event_id=event.id)
    form = CheckInForm()
    if not form.validate_on_submit():
        abort(400)
    attended = form.attended.data == "1"
    if run_service(services.check_in, registration, attended, actor=current_user):
        name = registration.user.name
        flash(_("%(name)s is checked in.", name=name) if attended else _("%(name)s is no longer checked in.", name=name),
              "success")
    return redirect(_back_to_check_in(form, registration))
