"""What day it is: in UTC for what spans many places, in a zone for what happens in one.

An event's "today" is the date in its own IANA zone (``Event.today``): a step due on the
4th is late from midnight where the dialogue is held, not where the server runs.
"""
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def utc_today() -> date:
    """Today's date in UTC, for lists that span events in many zones."""
    return datetime.now(UTC).date()


def local_today(zone: str) -> date:
    """Today's date in the IANA zone ``zone``."""
    return datetime.now(ZoneInfo(zone)).date()


def today_where(event=None) -> date:
    """The event's today (in its zone), or UTC's for what belongs to no single event."""
    return local_today(event.timezone) if event is not None else utc_today()
