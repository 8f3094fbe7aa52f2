"""The language switcher: choose a language and stay on the same page."""
import logging

from flask import Blueprint, redirect, session, url_for
from flask_login import current_user

from dialogues.accounts import services as accounts
from dialogues.core.redirects import safe_next
from dialogues.extensions import db
from dialogues.languages.forms import LanguageSwitchForm
from dialogues.languages.selection import SESSION_KEY

bp = Blueprint("languages", __name__)
logger = logging.getLogger(__name__)


@bp.post("/language")
def switch():
    """Show the site in the chosen language from now on, back on the page the switch was on."""
    form = LanguageSwitchForm()
    back = safe_next(form.next.data) or url_for("events.home")
    if form.validate_on_submit():
        session[SESSION_KEY] = form.language.data
        # A signed-in person's preference comes first, so the switch must change it too.
        if current_user.is_authenticated:
            accounts.choose_language(current_user, form.language.data, actor=current_user)
            db.session.commit()
    return redirect(back)
