"""ISO 3166-1 countries, ISO 639 languages and IANA time zones: choices and checks.

Names are in the language being written in (Babel's CLDR names: "Tanzanie", "Kiswahili"),
with pycountry's English name for the few codes CLDR does not name.
"""
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import pycountry
from babel import Locale
from babel.numbers import get_currency_name

from dialogues.core.formatting import current_locale


def _sorted_by_name(pairs) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[0]))


def country_choices() -> list[tuple[str, str]]:
    """(alpha-2 code, name) for every ISO 3166-1 country, by name in the current language."""
    return _country_choices(str(current_locale()))


@cache
def _country_choices(language: str) -> list[tuple[str, str]]:
    cldr = Locale.parse(language).territories
    # The common name ("Tanzania", "Bolivia") reads better than the official one.
    return _sorted_by_name((c.alpha_2, cldr.get(c.alpha_2) or getattr(c, "common_name", c.name))
                           for c in pycountry.countries)


@cache
def _country_names_in(language: str) -> dict[str, str]:
    return dict(_country_choices(language))


def _country_names() -> dict[str, str]:
    return _country_names_in(str(current_locale()))


def is_country(code: str | None) -> bool:
    return bool(code) and code in _country_names()


def country_name(code: str | None) -> str:
    """The name of an ISO 3166-1 alpha-2 code in the current language, or the code itself if unknown."""
    if not code:
        return ""
    return _country_names().get(code, code)


def language_choices() -> list[tuple[str, str]]:
    """(ISO 639-1 code, name) for every language that has a two-letter code, by name in the current language."""
    return _language_choices(str(current_locale()))


@cache
def _language_choices(language: str) -> list[tuple[str, str]]:
    cldr = Locale.parse(language).languages
    return _sorted_by_name((lang.alpha_2, _name(cldr, lang.alpha_2, lang.name))
                           for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def _name(cldr: dict, code: str, english: str) -> str:
    name = cldr.get(code) or _short(english)
    # CLDR writes language names in lower case in French, Portuguese and Spanish; a list starts each with a capital.
    return name[:1].upper() + name[1:]


def _short(name: str) -> str:
    return name.removesuffix(" (macrolanguage)")


# The languages the seeds' countries work in, offered first in every language list.
COMMON_LANGUAGES = ("en", "fr", "pt", "es", "sw", "ar", "zh", "mn", "id", "ru", "am", "ha", "ln", "qu")


def _language_names() -> dict[str, str]:
    return _language_names_in(str(current_locale()))


@cache
def _language_names_in(language: str) -> dict[str, str]:
    names = dict(_language_choices(language))
    cldr = Locale.parse(language).languages
    # Three-letter ISO 639-3 codes are accepted too: many local languages have no two-letter code.
    for lang in pycountry.languages:
        names.setdefault(lang.alpha_3, _name(cldr, lang.alpha_3, lang.name))
    return names


def is_language(code: str | None) -> bool:
    return bool(code) and code in _language_names()


def language_name(code: str | None) -> str:
    """The name of an ISO 639 code in the current language, or the code itself if unknown."""
    if not code:
        return ""
    return _language_names().get(code, code)


@cache
def timezone_choices() -> list[tuple[str, str]]:
    """(IANA name, IANA name) for every canonical-looking zone, sorted."""
    zones = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    return [(z, z.replace("_", " ")) for z in ["UTC", *zones]]


@cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    # zone.tab (shipped by tzdata) names the zones used in each country, most populous first.
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    zones: dict[str, list[str]] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _, zone = line.split("\t")[:3]
            zones.setdefault(country, []).append(zone)
    return {country: tuple(names) for country, names in zones.items()}


def country_timezones(code: str | None) -> tuple[str, ...]:
    """The IANA zones in use in the ISO 3166-1 country ``code`` (empty when unknown)."""
    return _zones_by_country().get(code or "", ())


# The countries of the seeds and the demo, whose zones a new event is offered first.
COMMON_COUNTRIES = ("MZ", "TZ", "CD", "BF", "ML", "GH", "PE", "BO", "EC", "BR", "MN")


def suggested_timezones(country: str | None, *also: str | None) -> list[str]:
    """A short list of zones to offer: the country's own (or, with no country, those of the
    sector's common countries), then UTC and any zone given in ``also``, without repeats."""
    countries = (country,) if country_timezones(country) else COMMON_COUNTRIES
    zones = [zone for code in countries for zone in country_timezones(code)]
    return list(dict.fromkeys([*zones, "UTC", *(z for z in also if z and is_timezone(z))]))


def is_timezone(name: str | None) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def currency_choices() -> list[tuple[str, str]]:
    """(ISO 4217 code, "code – name") for every currency, by code, named in the current language."""
    return _currency_choices(str(current_locale()))


# ISO 4217 codes that are no one's money: precious metals, bond-market units, funds codes, the
# testing and "no currency" codes. Nobody budgets a dialogue in them, and every phone would download them.
NOT_MONEY = frozenset({"XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA", "XTS", "XXX",
                       "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"})


@cache
def _currency_choices(language: str) -> list[tuple[str, str]]:
    return sorted((c.alpha_3, f"{c.alpha_3} – {get_currency_name(c.alpha_3, locale=language) or c.name}")
                  for c in pycountry.currencies if c.alpha_3 not in NOT_MONEY)


def is_currency(code: str | None) -> bool:
    return bool(code) and code not in NOT_MONEY and pycountry.currencies.get(alpha_3=code) is not None
