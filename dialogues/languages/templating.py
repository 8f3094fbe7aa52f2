"""What templates need to speak the reader's language: the switcher's choices and the page's language."""
from flask import Flask, g, has_request_context, request
from flask_babel import get_locale

from dialogues.core import formatting
from dialogues.languages import services as content
from dialogues.languages.selection import AUTONYMS, SUPPORTED

# Dates, times, numbers and money in the page's language: use these, never strftime or "{:,.2f}".
FILTERS = {
    "date": formatting.format_date,          # {{ day|date }}, {{ day|date("full") }}
    "month": formatting.format_month,        # {{ day|month }}
    "time": formatting.format_time,          # {{ instant|time(event.timezone) }}
    "datetime": formatting.format_datetime,  # {{ instant|datetime(event.timezone) }}
    "number": formatting.format_number,      # {{ share|number }}, {{ amount|number(2) }}
    "percent": formatting.format_percent,    # {{ 40|percent }}
    "money": formatting.format_money,        # {{ amount|money(currency) }}
    "zone_name": formatting.timezone_label,  # {{ event.timezone|zone_name }}
}


def _current_path() -> str:
    return request.full_path.removesuffix("?") if has_request_context() else "/"


def translated(obj, field: str) -> content.Shown:
    """``{% set title = translated(event, "title") %}``: the reader's language if given, else the original
    (``title.original``, ``title.language``); an event's translations are loaded once per page."""
    language = str(get_locale() or "en")
    event = content.event_of(obj)
    loaded = g.setdefault("content_translations", {})
    if (event.id, language) not in loaded:
        loaded[event.id, language] = content.translations_in(event, language)
    return content.text_in(obj, field, language, known=loaded[event.id, language])


def untranslated(objs, field: str) -> content.Shown | None:
    """The first of ``objs`` shown in its original for want of the reader's language, or None:
    a page of many pieces (an agenda, outcomes) says so once rather than under each."""
    return next((shown for shown in (translated(obj, field) for obj in objs) if shown.original), None)


def register(app: Flask) -> None:
    # {% trans %} blocks may wrap over several lines without the line breaks reaching the catalogue.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(translated=translated, untranslated=untranslated)

    @app.context_processor
    def languages():
        return {
            "current_language": str(get_locale() or "en"),
            "interface_languages": [(code, AUTONYMS[code]) for code in SUPPORTED],
            "current_path": _current_path,
        }
