"""What templates need to speak the reader's language: the switcher's choices and the page's language."""
from flask import Flask, has_request_context, request
from flask_babel import get_locale

from dialogues.core import formatting
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


def register(app: Flask) -> None:
    # {% trans %} blocks may wrap over several lines without the line breaks reaching the catalogue.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.filters.update(FILTERS)

    @app.context_processor
    def languages():
        return {
            "current_language": str(get_locale() or "en"),
            "interface_languages": [(code, AUTONYMS[code]) for code in SUPPORTED],
            "current_path": _current_path,
        }
