"""Sign-up, login, logout, password changes, account links and the profile page."""
import logging

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_babel import gettext as _, refresh

from dialogues.accounts import services
from dialogues.accounts.forms import (
    ChangePasswordForm, ForgotPasswordForm, LoginForm, ProfileForm, SetPasswordForm, SignUpForm,
)
from dialogues.accounts.models import User
from dialogues.core.errors import DomainError
from dialogues.core.redirects import safe_next
from dialogues.core.views import run_service
from dialogues.extensions import db, limiter, login_manager
from dialogues.languages.selection import SESSION_KEY, supported

bp = Blueprint("accounts", __name__)
logger = logging.getLogger(__name__)

@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _email_key() -> str:
    return "login-email:" + services.normalise_email(request.form.get("email", ""))


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """A participant creates their own account."""
    if current_user.is_authenticated:
        return redirect(url_for("events.home"))
    form = SignUpForm()
    if form.validate_on_submit():
        created = run_service(services.create_user, form.email.data, form.name.data, form.password.data,
                              actor=None, preferred_language=form.preferred_language.data, error_field=form.email)
        if created:
            login_user(created.value)
            refresh()  # this request began in the visitor's language; the welcome is in the one just chosen
            flash(_("Welcome! Tell us a little about yourself so conveners can plan a balanced dialogue."), "success")
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/signup.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_email_key)
def login():
    """Log in with email and password."""
    if current_user.is_authenticated:
        return redirect(url_for("events.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("That email and password do not match an active account."))
        else:
            db.session.commit()
            login_user(user, remember=form.remember.data)
            logger.info("user %s logged in", user.id)
            return redirect(safe_next(request.args.get("next")) or url_for("events.home"))
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
def logout():
    """Log out (a POST, so another site cannot log people out with a link)."""
    # The visitor keeps reading their own language after logging out, not the browser's.
    language = supported(current_user.preferred_language) if current_user.is_authenticated else None
    logout_user()
    if language:
        session[SESSION_KEY] = language
    flash(_("You are logged out."), "info")
    return redirect(url_for("events.home"))


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    """A person's own profile: who they are, where from, which languages."""
    form = ProfileForm(obj=current_user)
    if request.method == "GET" and current_user.organisation:
        form.organisation_name.data = current_user.organisation.name
        form.organisation_kind.data = current_user.organisation.kind
    if form.validate_on_submit():
        fields = {name: form[name].data for name in (
            "name", "preferred_language", "country", "organisation_name", "organisation_kind",
            "stakeholder_group", "gender", "gender_self_description", "languages",
        )}
        services.update_profile(current_user, actor=current_user, **fields)
        db.session.commit()
        flash(_("Profile saved."), "success")
        return redirect(url_for("accounts.profile"))
    return render_template("accounts/profile.html", form=form)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if run_service(services.change_password, current_user, form.current_password.data, form.password.data,
                       error_field=form.current_password):
            flash(_("Your password is changed."), "success")
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/password.html", form=form)


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def forgot_password():
    """Ask for a link to choose a new password, sent to your email address."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()
        flash(_("If an account exists for this address, we have sent it a link to choose a new password."), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/account-link/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def account_link(token: str):
    """Set a password through an invitation or reset link from the secretariat."""
    try:
        user = services.user_for_account_link(token)
    except DomainError as error:
        return render_template("accounts/link_invalid.html", message=str(error)), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        services.use_account_link(token, form.password.data)
        db.session.commit()
        logout_user()
        login_user(user)
        flash(_("Your password is set. Welcome!"), "success")
        return redirect(safe_next(request.args.get("next")) or url_for("accounts.profile"))
    return render_template("accounts/set_password.html", form=form, user=user)
