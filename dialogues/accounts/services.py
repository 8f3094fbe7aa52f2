"""Account rules: sign-up, passwords, one-time account links, profiles and role grants."""
import hashlib
import logging
from functools import cache

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash
from flask_babel import gettext as _

from dialogues.accounts import messages
from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import Organisation, RoleGrant, User
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.core.actors import describe
from dialogues.extensions import db
from dialogues.permissions import Role

logger = logging.getLogger(__name__)

_LINK_SALT = "account-link"


@cache
def _dummy_hash(method: str) -> str:
    # Checked when the email is unknown, with the same method as real passwords, so
    # that response times do not tell which emails have accounts.
    return generate_password_hash("not a real password", method=method)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def _hash(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def create_user(
    email: str,
    name: str,
    password: str | None = None,
    *,
    actor: User | None,
    preferred_language: str = "en",
) -> User:
    """A new account; without a password it waits for an invitation link to be used."""
    email = normalise_email(email)
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        raise DomainError(_("This is not a valid email address.")) from None
    if user_by_email(email) is not None:
        raise DomainError(_("An account with this email address already exists."))
    user = User(
        email=email,
        name=name.strip(),
        preferred_language=preferred_language,
        password_hash=_hash(password) if password else None,
        languages=[],
    )
    db.session.add(user)
    db.session.flush()
    logger.info("user %s created by %s", user.id, describe(actor))
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with this email and password, or None."""
    user = user_by_email(email)
    if user is None or user.password_hash is None:
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    if not user.active:
        return None
    user.last_login_at = utcnow()
    return user


def set_password(user: User, password: str, *, actor: User | None) -> None:
    user.password_hash = _hash(password)
    db.session.flush()
    logger.info("password of user %s set by %s", user.id, describe(actor))


def change_password(user: User, current_password: str, new_password: str) -> None:
    """The user changes their own password, proving they know the current one."""
    if user.password_hash is None or not check_password_hash(user.password_hash, current_password or ""):
        raise DomainError(_("Your current password is not correct."))
    set_password(user, new_password, actor=user)


def _fingerprint(user: User) -> str:
    # Changes whenever the password does, so a used link stops working.
    return hashlib.sha256((user.password_hash or "no password").encode()).hexdigest()[:20]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_LINK_SALT)


def issue_account_link_token(user: User, *, actor: User) -> str:
    """A token for an invitation or password-reset link; it expires and works once."""
    logger.info("account link for user %s issued by %s", user.id, describe(actor))
    return _serializer().dumps({"user": user.id, "fp": _fingerprint(user)})


def user_for_account_link(token: str) -> User:
    """The user a link is for, or DomainError if it is unknown, expired or already used."""
    max_age = current_app.config["ACCOUNT_TOKEN_MAX_AGE"]
    try:
        data = _serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise DomainError(_("This link has expired. Ask the secretariat for a new one.")) from None
    except BadSignature:
        raise DomainError(_("This link is not valid. Check that you copied all of it.")) from None
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or not user.active:
        raise DomainError(_("This link is not valid. Check that you copied all of it."))
    if data.get("fp") != _fingerprint(user):
        raise DomainError(_("This link has already been used. Ask the secretariat for a new one."))
    return user


def use_account_link(token: str, new_password: str) -> User:
    """Set the password through an invitation or reset link, which then stops working."""
    user = user_for_account_link(token)
    set_password(user, new_password, actor=user)
    return user


def request_password_reset(email: str) -> None:
    """Send a one-time link to choose a new password, if an active account has this email.

    Says nothing either way, so the form cannot be used to find out who has an account.
    """
    user = user_by_email(email)
    if user is None or not user.active:
        logger.info("password reset asked for an unknown or inactive address")
        return
    messages.password_reset(user, issue_account_link_token(user, actor=None))
    logger.info("password reset link sent to user %s", user.id)


def invite_user(email: str, name: str, *, actor: User) -> tuple[User, str]:
    """Create an account without a password and the link with which its owner sets one."""
    user = create_user(email, name, actor=actor)
    return user, issue_account_link_token(user, actor=actor)


def set_active(user: User, active: bool, *, actor: User) -> None:
    if user.id == actor.id and not active:
        raise DomainError(_("You cannot deactivate your own account."))
    user.active = active
    db.session.flush()
    logger.info("user %s %s by %s", user.id, "activated" if active else "deactivated", describe(actor))


def find_or_create_organisation(name: str, kind: OrganisationKind, country: str | None) -> Organisation:
    name = " ".join(name.split())
    key = name.lower()
    organisation = db.session.scalar(
        sa.select(Organisation).where(Organisation.name_key == key, Organisation.country == country)
    )
    if organisation is None:
        organisation = Organisation(name=name, name_key=key, kind=kind, country=country)
        db.session.add(organisation)
        db.session.flush()
    return organisation


def update_profile(
    user: User,
    *,
    name: str,
    preferred_language: str,
    country: str | None,
    organisation_name: str | None,
    organisation_kind: OrganisationKind | None,
    stakeholder_group: StakeholderGroup | None,
    gender: Gender | None,
    gender_self_description: str | None,
    languages: list[str],
    actor: User,
) -> None:
    """Save a person's profile; the organisation is found by name and country or created."""
    user.name = name.strip()
    user.preferred_language = preferred_language
    user.country = country or None
    user.stakeholder_group = stakeholder_group
    user.gender = gender
    described = (gender_self_description or "").strip()
    user.gender_self_description = described or None if gender == Gender.SELF_DESCRIBED else None
    user.languages = list(dict.fromkeys(languages))
    if organisation_name and organisation_name.strip():
        user.organisation = find_or_create_organisation(
            organisation_name, organisation_kind or OrganisationKind.OTHER, user.country
        )
    else:
        user.organisation = None
    db.session.flush()
    logger.info("profile of user %s updated by %s", user.id, describe(actor))


def grant_role(user: User, role: Role, *, programme=None, event=None, actor: User | None) -> RoleGrant:
    """Give ``user`` a role site-wide (secretariat) or on a programme or an event; idempotent."""
    role = Role(role)
    if role == Role.SECRETARIAT and (programme or event):
        raise DomainError(_("The secretariat role is site-wide; it is not granted on a programme or event."))
    if role != Role.SECRETARIAT and (programme is None) == (event is None):
        raise DomainError(_("Choose one programme or one event for this role."))
    programme_id = programme.id if programme else None
    event_id = event.id if event else None
    for grant in user.role_grants:
        if (grant.role, grant.programme_id, grant.event_id) == (role, programme_id, event_id):
            return grant
    grant = RoleGrant(role=role, programme_id=programme_id, event_id=event_id, granted_by=actor)
    user.role_grants.append(grant)
    db.session.flush()
    logger.info("role %s on %s granted to user %s by %s", role, grant.scope, user.id, describe(actor))
    return grant


def revoke_role(grant: RoleGrant, *, actor: User) -> None:
    if grant.role == Role.SECRETARIAT and grant.user_id == actor.id:
        raise DomainError(_("You cannot remove your own secretariat role."))
    logger.info("role %s on %s revoked from user %s by %s", grant.role, grant.scope, grant.user_id, describe(actor))
    grant.user.role_grants.remove(grant)
    db.session.flush()


def search_users(query: str | None):
    """A select of users, by name, matching a name or email fragment."""
    stmt = sa.select(User).order_by(sa.func.lower(User.name), User.id)
    if query and query.strip():
        fragment = query.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{fragment}%"
        stmt = stmt.where(
            sa.or_(sa.func.lower(User.name).like(pattern, escape="\\"), User.email.like(pattern, escape="\\"))
        )
    return stmt


def choose_language(user: User, language: str, *, actor: User) -> None:
    """Remember the language a person reads the site and their messages in."""
    user.preferred_language = language
    db.session.flush()
    logger.info("language of user %s set to %s by %s", user.id, language, describe(actor))
