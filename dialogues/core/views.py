"""What every page shares: error pages and the helpers templates may call."""
import logging

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

from dialogues.core import codes
from dialogues.permissions import Action, can, is_secretariat

logger = logging.getLogger(__name__)

ERROR_TEXT = {
    400: ("Something in the request was not right", "Please go back and try again."),
    403: ("You do not have access to this page", "If you think you should, ask the secretariat."),
    404: ("Page not found", "The page or item you asked for does not exist, or the link is incomplete."),
    405: ("Not allowed", "This page cannot be used that way."),
    413: ("The file is too large", "Files can be at most 10 MB. Please go back and choose a smaller file, or add a link instead."),
    429: ("Too many attempts", "Please wait a minute, then try again."),
    500: ("Something went wrong on our side", "The secretariat has been told. Please try again later."),
}


def _error_page(code: int, detail: str | None = None):
    title, text = ERROR_TEXT[code]
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def register(app: Flask) -> None:
    for code in ERROR_TEXT:
        app.register_error_handler(code, lambda error, code=code: _error_page(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _error_page(400, "The form had expired or was sent from elsewhere. Please go back, reload the page and send it again.")

    app.jinja_env.globals.update(
        can=can,
        Action=Action,
        is_secretariat=is_secretariat,
        country_name=codes.country_name,
        language_name=codes.language_name,
    )
