"""Dates, times, numbers and money written the reader's way, through Babel.

Every function takes the language of the page (or of ``force_locale`` for an email, a feed
or a PDF), so "3 December 2026" reads "3 Desemba 2026" in Swahili and "1 234,50 MZN" in
French. Instants are stored in UTC and shown in the IANA zone of the place they happen.
"""
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel import Locale, dates, numbers
from flask_babel import get_locale


# English is written the international way, as readers in Maputo or Accra expect: "4 May 2031",
# a 24-hour clock; CLDR's plain "en" is American ("May 4, 2031, 2:00 PM").
_WRITTEN_AS = {"en": "en_GB"}


def current_locale() -> Locale:
    """The language being written in: the page's, or the one forced for a message."""
    try:
        locale = get_locale() or Locale.parse("en")
    except RuntimeError:  # outside any application context (a script, a unit test)
        locale = Locale.parse("en")
    return Locale.parse(_WRITTEN_AS.get(str(locale), str(locale)))


def _aware(instant: datetime) -> datetime:
    # Stored instants are UTC; SQLite hands them back without their zone.
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


def _zone(zone) -> ZoneInfo:
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone or "UTC")


def format_date(day: date | datetime | None, format: str = "medium", zone=None) -> str:
    """A day: "3 Dec 2026" (medium), "3 December 2026" (long), "Thursday, 3 December 2026" (full).

    A datetime is first moved into ``zone`` (UTC when none), so its day is the local one.
    """
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = _aware(day).astimezone(_zone(zone)).date()
    return dates.format_date(day, format, locale=current_locale())


def format_month(day: date | None) -> str:
    """A month and year: "Dec 2026", "Des 2026"."""
    if day is None:
        return ""
    return dates.format_skeleton("yMMM", day, locale=current_locale())


def format_time(instant: datetime | None, zone="UTC", format: str = "short") -> str:
    """The clock time of an instant in ``zone``: "14:00", "2:00 PM"."""
    if instant is None:
        return ""
    return dates.format_time(_aware(instant), format, tzinfo=_zone(zone), locale=current_locale())


def format_datetime(instant: datetime | None, zone="UTC", format: str = "medium") -> str:
    """Day and clock time of an instant in ``zone``, without seconds: "3 Dec 2026, 14:00"."""
    if instant is None:
        return ""
    locale = current_locale()
    local = _aware(instant).astimezone(_zone(zone))
    pattern = dates.get_datetime_format(format, locale=locale)
    clock = dates.format_time(local, "short", locale=locale)
    return pattern.replace("{1}", dates.format_date(local.date(), format, locale=locale)).replace("{0}", clock)


def format_number(value, decimals: int | None = None) -> str:
    """A number with the reader's separators: "1,234.5", "1 234,5"; ``decimals`` fixes the places."""
    if value is None:
        return ""
    if decimals is None:
        return numbers.format_decimal(value, locale=current_locale())
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return numbers.format_decimal(Decimal(value), format=pattern, locale=current_locale(), decimal_quantization=True)


def format_percent(share) -> str:
    """A share given in per cent (0–100): "40 %", "40%"."""
    if share is None:
        return ""
    return numbers.format_percent(Decimal(share) / 100, locale=current_locale())


def format_money(amount, currency: str | None) -> str:
    """An amount with its ISO 4217 currency: "MZN 1,234.50", "1 234,50 MZN"; no currency, just the number."""
    if amount is None:
        return ""
    if not currency:
        return format_number(amount, 2)
    return numbers.format_currency(Decimal(amount), currency, locale=current_locale())


def timezone_label(zone: str | None) -> str:
    """A zone as people say it, with its IANA name: "Mozambique Time (Africa/Maputo)"."""
    if not zone:
        return ""
    try:
        name = dates.get_timezone_location(ZoneInfo(zone), locale=current_locale())
    except (LookupError, ValueError):
        return zone.replace("_", " ")
    return f"{name} ({zone.replace('_', ' ')})"
