"""Secretariat pages: people, invitations, account links and role grants."""
import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.accounts import services
from dialogues.accounts.models import RoleGrant, User
from dialogues.admin.forms import GrantRoleForm, InviteUserForm
from dialogues.core.views import confirm_page, confirmed, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Action, Role, authorize
from dialogues.programmes.models import Programme

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@login_required
def _secretariat_only():
    authorize(Action.MANAGE_USERS)


def _grant_form(formdata=None) -> GrantRoleForm:
    programmes = db.session.scalars(sa.select(Programme).order_by(Programme.title)).all()
    events = db.session.scalars(sa.select(Event).order_by(Event.starts_on.desc())).all()
    return GrantRoleForm(formdata=formdata, programmes=programmes, events=events)


@bp.get("/users")
def list_users():
    """Everyone with an account, searchable by name or email, a page at a time."""
    query = request.args.get("q", "")
    page = db.paginate(
        services.search_users(query), page=request.args.get("page", 1, type=int),
        per_page=current_app.config["USERS_PER_PAGE"], error_out=False,
    )
    return render_template("admin/users.html", page=page, query=query)


@bp.get("/users/<int:user_id>")
def show_user(user_id: int):
    """One person: profile, roles, and the actions the secretariat can take."""
    user = db.get_or_404(User, user_id)
    return render_template("admin/user.html", user=user, grant_form=_grant_form())


@bp.post("/users/<int:user_id>/roles")
def grant_role(user_id: int):
    """Grant a role to a person, site-wide or on a programme or event."""
    user = db.get_or_404(User, user_id)
    authorize(Action.GRANT_ROLES)
    form = _grant_form(request.form)
    if form.validate_on_submit():
        if form.role.data == Role.SECRETARIAT and not confirmed():
            return _confirm_secretariat(user)
        kind, _sep, scope_id = form.scope.data.partition(":")
        programme = db.get_or_404(Programme, int(scope_id)) if kind == "programme" else None
        event = db.get_or_404(Event, int(scope_id)) if kind == "event" else None
        if run_service(services.grant_role, user, form.role.data, programme=programme, event=event, actor=current_user):
            flash(f"{form.role.data.label} role granted.", "success")
            return redirect(url_for("admin.show_user", user_id=user.id))
    return render_template("admin/user.html", user=user, grant_form=form), 400


def _confirm_secretariat(user: User):
    return confirm_page(
        title=_("Make %(name)s a member of the secretariat?", name=user.name),
        consequences=[
            _("The secretariat role is site-wide: %(name)s will be able to see and change every programme, event, "
              "registration and sponsorship, manage every account and grant roles, including this one.", name=user.name),
            _("You can remove the role later from this page."),
        ],
        action=url_for("admin.grant_role", user_id=user.id), fields={"role": Role.SECRETARIAT.value, "scope": ""},
        submit=_("Grant the secretariat role"), back=url_for("admin.show_user", user_id=user.id),
    )


@bp.post("/roles/<int:grant_id>/revoke")
def revoke_role(grant_id: int):
    """Take a role away, once asked whether to."""
    grant = db.get_or_404(RoleGrant, grant_id)
    authorize(Action.GRANT_ROLES)
    user_id = grant.user_id
    if not confirmed():
        where = grant.scope_object.title if grant.scope_object else _("site-wide")
        return confirm_page(
            title=_("Remove the %(role)s role from %(name)s?", role=grant.role.label, name=grant.user.name),
            consequences=[_("%(name)s will lose what the %(role)s role (%(where)s) lets them see and do.",
                            name=grant.user.name, role=grant.role.label, where=where),
                          _("You can grant it again later.")],
            action=url_for("admin.revoke_role", grant_id=grant.id), submit=_("Remove the role"),
            back=url_for("admin.show_user", user_id=user_id),
        )
    if run_service(services.revoke_role, grant, actor=current_user):
        flash("Role removed.", "success")
    return redirect(url_for("admin.show_user", user_id=user_id))


@bp.post("/users/<int:user_id>/link")
def issue_link(user_id: int):
    """Make an invitation or password-reset link to pass on to the person."""
    user = db.get_or_404(User, user_id)
    token = services.issue_account_link_token(user, actor=current_user)
    db.session.commit()
    return render_template("admin/link.html", user=user, link=url_for("accounts.account_link", token=token, _external=True))


@bp.post("/users/<int:user_id>/active")
def set_active(user_id: int):
    """Deactivate an account (its owner can no longer log in) or activate it again."""
    user = db.get_or_404(User, user_id)
    activate = request.form.get("active") == "1"
    if not activate and user.id != current_user.id and not confirmed():
        return confirm_page(
            title=_("Deactivate the account of %(name)s?", name=user.name),
            consequences=[_("%(name)s will be signed out and can no longer log in. Their registrations, "
                            "commitments and contributions stay as they are.", name=user.name),
                          _("You can activate the account again from this page.")],
            action=url_for("admin.set_active", user_id=user.id), fields={"active": "0"},
            submit=_("Deactivate the account"), back=url_for("admin.show_user", user_id=user.id),
        )
    if run_service(services.set_active, user, activate, actor=current_user):
        flash("Account activated." if user.active else "Account deactivated.", "success")
    return redirect(url_for("admin.show_user", user_id=user.id))


@bp.route("/users/invite", methods=["GET", "POST"])
def invite_user():
    """Create an account for someone and get the link with which they set their password."""
    form = InviteUserForm()
    if form.validate_on_submit():
        invited = run_service(services.invite_user, form.email.data, form.name.data, actor=current_user,
                              error_field=form.email)
        if invited:
            user, token = invited.value
            link = url_for("accounts.account_link", token=token, _external=True)
            return render_template("admin/link.html", user=user, link=link)
    return render_template("admin/invite.html", form=form)
