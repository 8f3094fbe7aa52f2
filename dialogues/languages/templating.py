"""What templates need to speak the reader's language: the switcher's choices and the page's language."""
from flask import Flask, has_request_context, request
from flask_babel import get_locale

from dialogues.languages.selection import AUTONYMS, SUPPORTED


def _current_path() -> str:
    return request.full_path.removesuffix("?") if has_request_context() else "/"


def register(app: Flask) -> None:
    # {% trans %} blocks may wrap over several lines without the line breaks reaching the catalogue.
    app.jinja_env.policies["ext.i18n.trimmed"] = True

    @app.context_processor
    def languages():
        return {
            "current_language": str(get_locale() or "en"),
            "interface_languages": [(code, AUTONYMS[code]) for code in SUPPORTED],
            "current_path": _current_path,
        }
