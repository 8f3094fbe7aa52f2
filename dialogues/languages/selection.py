"""Which of the supported languages a page is shown in, and a message or feed is written in."""
from collections.abc import Iterator
from contextlib import contextmanager

from flask import has_request_context, request, session
from flask_babel import force_locale
from flask_login import current_user

# The site's own languages: every catalogue under translations/ is complete for each.
# To add one, see "Languages" in README.md.
SUPPORTED = ("en", "fr", "pt", "es", "sw")
DEFAULT = "en"
SESSION_KEY = "language"

# Each language named in itself, so a reader finds their own whatever the page's language.
AUTONYMS = {
    "en": "English",
    "fr": "Français",
    "pt": "Português",
    "es": "Español",
    "sw": "Kiswahili",
}


def supported(code: str | None) -> str | None:
    """``code`` if the site is translated into it (``pt-BR`` counts as ``pt``), else None."""
    if not code:
        return None
    primary = code.replace("_", "-").split("-")[0].lower()
    return primary if primary in SUPPORTED else None


def select_locale() -> str:
    """The signed-in person's preferred language, else the visitor's choice on the
    switcher, else the browser's Accept-Language, else English."""
    if not has_request_context():
        return DEFAULT
    if current_user.is_authenticated:
        preferred = supported(current_user.preferred_language)
        if preferred:
            return preferred
    chosen = supported(session.get(SESSION_KEY))
    if chosen:
        return chosen
    return request.accept_languages.best_match(SUPPORTED, default=DEFAULT)


def message_language(code: str | None) -> str:
    """The language to write to someone in: theirs if supported, else English."""
    return supported(code) or DEFAULT


@contextmanager
def in_language_of(person) -> Iterator[str]:
    """Write in ``person``'s preferred language (English if the site does not speak it): gettext,
    lazy labels and the date, number and money formats inside the block all follow it.

    For what goes to one person outside the page they are looking at: emails, their calendar feed.
    Lazy strings must be made text inside the block to take its language.
    """
    language = message_language(getattr(person, "preferred_language", None))
    with force_locale(language):
        yield language
