"""Pages for registering, invitations, the waiting list, sponsorship and "My events"."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.core.clock import utc_today
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.core.views import confirm_page, confirmed, run_service
from dialogues.dashboard import services as dashboard
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Action, authorize
from dialogues.registration import services
from dialogues.registration import sponsorship as sponsorships
from dialogues.registration.enums import CostItem, RegistrationStatus
from dialogues.registration.forms import AwardForm, RegistrationForm, SponsorshipForm
from dialogues.registration.models import Registration, SponsorshipRequest

bp = Blueprint("registration", __name__)


def _done(message: str, registration: Registration):
    flash(message, "success")
    return redirect(url_for("registration.show", registration_id=registration.id))


@bp.route("/events/<int:event_id>/register", methods=["GET", "POST"])
@login_required
def register(event_id: int):
    """Register for an event; the form starts from your profile."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.REGISTER, event)
    existing = services.registration_of(event, current_user)
    if existing is not None and existing.status not in (RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED):
        return redirect(url_for("registration.show", registration_id=existing.id))
    form = RegistrationForm(data=services.details_from_profile(current_user))
    if form.validate_on_submit():
        if registered := run_service(services.register, event, current_user, actor=current_user, **form.details()):
            return _done(_status_message(registered.value), registered.value)
    return render_template("registration/form.html", form=form, event=event, registration=None, invitation=None)


def _status_message(registration: Registration) -> str:
    return {
        RegistrationStatus.CONFIRMED: _("Your place is confirmed. We have sent you the details by email."),
        RegistrationStatus.WAITLISTED: _("The event is full: you are on the waiting list. We will write if a place frees up."),
        RegistrationStatus.APPLIED: _("Your application is received. The conveners will confirm it."),
    }.get(registration.status, _("Saved."))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@login_required
def invitation(token: str):
    """Answer an invitation through its personal link."""
    try:
        registration = services.registration_for_invitation(token)
    except services.InvitationLinkExpired as expired:
        return render_template("registration/invitation_expired.html", registration=expired.registration,
                               event=expired.registration.event), 410
    except DomainError as error:
        return render_template("accounts/link_invalid.html", message=str(error)), 404
    authorize(Action.ANSWER_FOR_SELF, registration)
    return _answer(registration, action=url_for("registration.invitation", token=token))


@bp.route("/registrations/<int:registration_id>/accept", methods=["GET", "POST"])
@login_required
def accept(registration_id: int):
    """Accept (or decline) an invitation from one's registration page, without the emailed link."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.ANSWER_FOR_SELF, registration)
    return _answer(registration, action=url_for("registration.accept", registration_id=registration.id))


def _answer(registration: Registration, *, action: str):
    if registration.status != RegistrationStatus.INVITED:
        return redirect(url_for("registration.show", registration_id=registration.id))
    services.note_invitation_opened(registration)
    db.session.commit()
    form = RegistrationForm(obj=registration)
    if form.validate_on_submit():
        if run_service(services.accept_invitation, registration, actor=current_user, **form.details()):
            return _done(_status_message(registration), registration)
    return render_template("registration/form.html", form=form, event=registration.event,
                           registration=registration, invitation=action)


@bp.post("/registrations/<int:registration_id>/resend-invitation")
@login_required
def resend_invitation(registration_id: int):
    """A convener sends an unanswered invitation again, with a fresh link."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.MANAGE_REGISTRATIONS, registration)
    if run_service(services.resend_invitation, registration, actor=current_user):
        flash(_("The invitation is sent again to %(name)s.", name=registration.user.name), "success")
    return redirect(url_for("registration.manage", event_id=registration.event_id))


@bp.get("/registrations/<int:registration_id>")
@login_required
def show(registration_id: int):
    """One registration: status, offer, details and sponsorship."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.EDIT_REGISTRATION, registration)
    if registration.user_id == current_user.id:
        services.note_invitation_opened(registration)
        db.session.commit()
    return render_template("registration/show.html", registration=registration, event=registration.event,
                           now=utcnow(), cost_items=list(CostItem), places_left=services.places_left(registration.event, utcnow()))


@bp.route("/registrations/<int:registration_id>/edit", methods=["GET", "POST"])
@login_required
def edit(registration_id: int):
    """Change your details and needs for an event."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.EDIT_REGISTRATION, registration)
    form = RegistrationForm(obj=registration)
    if form.validate_on_submit():
        if run_service(services.update_details, registration, actor=current_user, **form.details()):
            return _done(_("Your details are saved."), registration)
    return render_template("registration/form.html", form=form, event=registration.event,
                           registration=registration, invitation=None)


@bp.route("/registrations/<int:registration_id>/cancel", methods=["GET", "POST"])
@login_required
def cancel(registration_id: int):
    """Cancel a registration, decline an invitation, or give up a place on the waiting list, once asked."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.EDIT_REGISTRATION, registration)
    if not confirmed():
        return _confirm_cancel(registration)
    if not run_service(services.cancel, registration, actor=current_user):
        return redirect(url_for("registration.show", registration_id=registration_id))
    return _done(_("Your registration is cancelled."), registration)


def _confirm_cancel(registration: Registration):
    event, back = registration.event, url_for("registration.show", registration_id=registration.id)
    if not registration.can_be_cancelled:
        flash(_("This registration cannot be cancelled any more."), "error")
        return redirect(back)
    if registration.is_invited:
        title = _("Decline the invitation to %(event)s?", event=event.title)
        consequences = [_("The conveners will be told that you cannot come.")]
        submit = _("Decline the invitation")
    else:
        title = _("Cancel your registration for %(event)s?", event=event.title)
        consequences = [_("You give up your place; if people are waiting, it is offered to the next of them."),
                        _("To come after all you would have to register again, and the place may be gone.")]
        if registration.sponsorship is not None:
            consequences.append(_("Your sponsorship request is given up with it."))
        submit = _("Cancel my registration")
    if registration.user_id != current_user.id:
        consequences.insert(0, _("This is the registration of %(name)s.", name=registration.user.name))
    return confirm_page(title=title, consequences=consequences, submit=submit, back=back,
                        action=url_for("registration.cancel", registration_id=registration.id))


@bp.post("/registrations/<int:registration_id>/accept-offer")
@login_required
def accept_offer(registration_id: int):
    """Take the place offered from the waiting list."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.ANSWER_FOR_SELF, registration)
    # On refusal the lapse itself, and the offer to the next person, are kept.
    if not run_service(services.accept_offer, registration, actor=current_user, keep_on_error=True):
        return redirect(url_for("registration.show", registration_id=registration_id))
    return _done(_("The place is yours. Your place is confirmed."), registration)


@bp.route("/registrations/<int:registration_id>/sponsorship", methods=["GET", "POST"])
@login_required
def sponsorship(registration_id: int):
    """Ask for sponsorship: travel, accommodation, per diem, visa costs."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.ANSWER_FOR_SELF, registration)
    form = SponsorshipForm(obj=registration.sponsorship)
    if form.validate_on_submit():
        if run_service(sponsorships.request_sponsorship, registration, actor=current_user, currency=form.currency.data,
                       justification=form.justification.data, amounts=form.amounts()):
            return _done(_("Your sponsorship request is sent to the conveners."), registration)
    return render_template("registration/sponsorship.html", form=form, registration=registration,
                           event=registration.event)


@bp.get("/my/events")
@login_required
def my_events():
    """Your work: every event and programme where you have a part, and what needs you next."""
    return render_template("registration/my_events.html", work=dashboard.work_of(current_user, utc_today()),
                           now=utcnow())


@bp.get("/events/<int:event_id>/registrations")
@login_required
def manage(event_id: int):
    """Conveners' list of registrations, by status, with places and sponsored places left."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.MANAGE_REGISTRATIONS, event)
    status = request.args.get("status")
    status = RegistrationStatus(status) if status in RegistrationStatus.__members__.values() else None
    page = db.paginate(services.registrations_of_event(event, status), page=request.args.get("page", 1, type=int),
                       per_page=100, error_out=False)
    return render_template("registration/manage.html", event=event, page=page, status=status,
                           statuses=list(RegistrationStatus), places_left=services.places_left(event, utcnow()),
                           sponsored=services.sponsored_awarded(event.id))


_DECISIONS = {"confirm": services.confirm, "waitlist": services.waitlist, "decline": services.decline}


@bp.post("/registrations/<int:registration_id>/<any(confirm, waitlist, decline):decision>")
@login_required
def decide(registration_id: int, decision: str):
    """A convener confirms, waitlists or declines a registration."""
    registration = db.get_or_404(Registration, registration_id)
    authorize(Action.MANAGE_REGISTRATIONS, registration)
    back = url_for("registration.manage", event_id=registration.event_id)
    if run_service(_DECISIONS[decision], registration, actor=current_user):
        flash(_("%(name)s: %(status)s.", name=registration.user.name, status=registration.status.label.lower()), "success")
    return redirect(back)


@bp.route("/sponsorships/<int:request_id>/decision", methods=["GET", "POST"])
@login_required
def decide_sponsorship(request_id: int):
    """A convener awards a sponsorship request in full or in part, or declines it."""
    sponsorship = db.get_or_404(SponsorshipRequest, request_id)
    authorize(Action.MANAGE_REGISTRATIONS, sponsorship.registration)
    form = AwardForm(data={f"awarded_{i.value}": getattr(sponsorship, i.value) for i in CostItem})
    if form.validate_on_submit():
        if form.decision.data == "decline":
            decided = run_service(sponsorships.decline_sponsorship, sponsorship, actor=current_user, note=form.note.data)
        else:
            decided = run_service(sponsorships.award_sponsorship, sponsorship, actor=current_user,
                                  amounts=form.amounts(), note=form.note.data)
        if decided:
            flash(_("Sponsorship: %(status)s.", status=sponsorship.status.label.lower()), "success")
            return redirect(url_for("registration.manage", event_id=sponsorship.registration.event_id))
    return render_template("registration/award.html", form=form, sponsorship=sponsorship, cost_items=list(CostItem),
                           registration=sponsorship.registration, event=sponsorship.registration.event,
                           awarded=services.sponsored_awarded(sponsorship.registration.event_id))
