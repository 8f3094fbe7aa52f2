"""Serialised calendars kept in memory, each under the version of what it was built from.

A calendar client polls a feed every few hours and most polls find nothing changed: the
text is written once per version (icalendar's object model is most of a feed's time) and
served from here until the version moves. Each process keeps its own few dozen entries.
"""
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from threading import Lock

from flask import current_app
from flask_babel import get_locale

from dialogues.calendars import ical

SIZE = 64


class Serialised:
    """A small least-recently-used map from a version to the calendar's bytes."""

    def __init__(self, size: int = SIZE):
        self.size = size
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = Lock()

    def get_or_build(self, key: str, build: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        # Built outside the lock: two requests may both build a new version, never wait on each other.
        data = build()
        with self._lock:
            self._entries[key] = data
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return data


def serialised() -> Serialised:
    """This app's store (one per app, so tests with their own databases never share one)."""
    return current_app.extensions.setdefault("calendars.serialised", Serialised())


@cache
def _code_version() -> str:
    # A new release that writes calendars differently must not be answered "not modified".
    return hashlib.sha256(Path(ical.__file__).read_bytes()).hexdigest()[:12]


def variant() -> str:
    """What a calendar's text depends on besides its data: the language and the code writing it."""
    return f"{get_locale()}-{_code_version()}"
