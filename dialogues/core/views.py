"""What every page shares: error pages, the helpers templates may call, and the one way a
view loads what it works on and runs a service."""
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import Flask, flash, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from dialogues.core import codes
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.permissions import Action, can, is_secretariat

logger = logging.getLogger(__name__)

ERROR_TEXT = {
    400: (_l("Something in the request was not right"), _l("Please go back and try again.")),
    403: (_l("You do not have access to this page"), _l("If you think you should, ask the secretariat.")),
    404: (_l("Page not found"), _l("The page or item you asked for does not exist, or the link is incomplete.")),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    413: (_l("The file is too large"),
          _l("Files can be at most 10 MB. Please go back and choose a smaller file, or add a link instead.")),
    429: (_l("Too many attempts"), _l("Please wait a minute, then try again.")),
    500: (_l("Something went wrong on our side"), _l("The secretariat has been told. Please try again later.")),
}


def child_or_404(model, child_id: int, **parent):
    """The ``model`` row with ``child_id`` if it belongs to the parent named, e.g.
    ``child_or_404(AgendaItem, item_id, event_id=event_id)``; else 404, as for an unknown id."""
    ((column, parent_id),) = parent.items()
    return db.first_or_404(sa.select(model).where(model.id == child_id, getattr(model, column) == parent_id))


@dataclass(frozen=True)
class Outcome:
    """What a service run gave: true when it succeeded (``value`` is its result), else ``error``."""

    ok: bool
    value: Any = None
    error: str | None = None

    def __bool__(self) -> bool:
        return self.ok


def run_service(service: Callable, /, *args, error_field=None, keep_on_error: bool = False, **kwargs) -> Outcome:
    """Run ``service(*args, **kwargs)`` for a view: commit when it succeeds; when a rule refuses
    (DomainError), roll back and show the message, on ``error_field`` of a re-rendered form
    when given, else as a flashed error.

    ``keep_on_error`` commits what the service did before refusing, for the few services
    whose refusal itself changes something that must last (a lapsed waiting-list offer).
    """
    try:
        value = service(*args, **kwargs)
    except DomainError as error:
        db.session.commit() if keep_on_error else db.session.rollback()
        if error_field is not None:
            error_field.errors.append(str(error))
        else:
            flash(str(error), "error")
        return Outcome(False, error=str(error))
    db.session.commit()
    return Outcome(True, value)


def confirmed() -> bool:
    """Whether the person answered the confirmation page (its form carries ``confirmed=1``)."""
    return request.method == "POST" and request.form.get("confirmed") == "1"


def confirm_page(*, title: str, consequences: list[str], action: str, submit: str, back: str, fields=None):
    """The page that asks before a dangerous action: what will happen, a button doing it, a way back."""
    return render_template("confirm.html", title=title, consequences=consequences, action=action, submit=submit,
                           back=back, fields=fields or {})


def _error_page(code: int, detail: str | None = None):
    title, text = ERROR_TEXT[code]
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def register(app: Flask) -> None:
    for code in ERROR_TEXT:
        app.register_error_handler(code, lambda error, code=code: _error_page(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _error_page(400, _("The form had expired or was sent from elsewhere. "
                                  "Please go back, reload the page and send it again."))

    app.jinja_env.globals.update(
        can=can,
        Action=Action,
        is_secretariat=is_secretariat,
        country_name=codes.country_name,
        language_name=codes.language_name,
    )
