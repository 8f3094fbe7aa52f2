"""The participant list as a CSV file that is safe to open in a spreadsheet."""
import csv
import io
from collections.abc import Iterable

from werkzeug.utils import secure_filename
from flask_babel import gettext as _

from dialogues.core import codes
from dialogues.events.models import Event
from dialogues.registration.models import Registration

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheet programs take a file for UTF-8 only when it starts with a byte order mark.
BOM = "\ufeff"


def safe_cell(value) -> str:
    """The cell's text, with a leading ' when a spreadsheet would otherwise run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _row(registration: Registration, full: bool) -> list:
    sponsorship = registration.sponsorship
    group = registration.stakeholder_group
    return [
        registration.user.name,
        *([registration.user.email] if full else []),
        registration.organisation_name,
        str(group.label) if group else "",
        registration.country_name,
        str(registration.status.label),
        _yes_no(sponsorship is not None and sponsorship.is_awarded),
        "; ".join(codes.language_name(code) for code in registration.languages or []),
        registration.interpretation_needs,
        registration.access_needs,
        registration.dietary_needs,
        _yes_no(registration.visa_letter_needed),
    ]


def _header(full: bool) -> list[str]:
    return [_("Name"), *([_("Email")] if full else []), _("Organisation"), _("Stakeholder group"), _("Country"),
            _("Status"), _("Sponsored"), _("Languages"), _("Interpretation needs"), _("Access needs"),
            _("Dietary needs"), _("Visa letter")]


def participants_csv(registrations: Iterable[Registration], *, full: bool = True) -> str:
    """One row per registration (with its user and sponsorship loaded); emails only in the ``full`` export."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header(full))
    for registration in registrations:
        writer.writerow([safe_cell(value) for value in _row(registration, full)])
    return BOM + buffer.getvalue()


def csv_filename(event: Event) -> str:
    """An ASCII file name for the export, e.g. participants-field-dialogue-in-manica-2031-05-04.csv."""
    stem = secure_filename(event.title.lower().replace(" ", "-"))[:60] or f"event-{event.id}"
    return f"participants-{stem}-{event.starts_on.isoformat()}.csv"
