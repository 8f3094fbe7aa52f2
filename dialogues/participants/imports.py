"""Inviting a list of people from a CSV file: every row is checked before anyone is invited."""
import csv
import io
import logging
from dataclasses import dataclass, field

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from dialogues.accounts import services as accounts
from dialogues.accounts.enums import ORGANISATION_KIND_FOR_GROUP, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.core import codes, formatting
from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.files.services import human_size
from dialogues.registration import services as registrations
from dialogues.registration.enums import GONE
from dialogues.registration.models import Registration

logger = logging.getLogger(__name__)

MAX_ROWS = 2000
MAX_BYTES = 1024 * 1024
REQUIRED = ("email", "name")
OPTIONAL = ("organisation", "country", "stakeholder_group")
COLUMNS = REQUIRED + OPTIONAL
_NAME_MAX, _ORGANISATION_MAX = 200, 200



@dataclass(frozen=True)
class Invitee:
    """One good row, cleaned: what an invitation needs."""

    row: int
    email: str
    name: str
    organisation: str
    country: str | None
    stakeholder_group: StakeholderGroup | None


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    email: str
    problems: tuple[str, ...]


@dataclass
class ImportReport:
    """What an import did: either everyone invited, or the problems and nobody invited."""

    error: str | None = None  # a problem with the whole file
    problems: list[RowProblem] = field(default_factory=list)
    invited: list[Registration] = field(default_factory=list)
    accounts_created: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and not self.problems


def read_upload(file_storage: FileStorage) -> str:
    """The text of an uploaded CSV file (UTF-8, with or without a byte order mark)."""
    content = file_storage.stream.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise DomainError(_too_big())
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(_("The file is not in UTF-8. In your spreadsheet, save it as “CSV UTF-8”.")) from None


def _too_big() -> str:
    return _("The file is larger than %(size)s. Please split it into several files.", size=human_size(MAX_BYTES))


def _too_many() -> str:
    return _("The file has more than %(rows)s people. Please split it into several files.",
             rows=formatting.format_number(MAX_ROWS))


def _delimiter(header_line: str) -> str:
    # Spreadsheets set to French, Portuguese or Spanish save CSV with semicolons.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _column_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _records(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header's column keys and the non-blank records with their row numbers."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.partition("\n")[0]))
    header = [_column_key(name) for name in next(reader, [])]
    # Spreadsheets often save empty columns after the last one used.
    while header and not header[-1]:
        header.pop()
    records = []
    for number, cells in enumerate(reader, start=2):
        if any(cell.strip() for cell in cells):
            records.append((number, cells))
        if len(records) > MAX_ROWS:
            raise DomainError(_too_many())
    return header, records


def _header_error(header: list[str]) -> str | None:
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if missing or unknown or repeated:
        wrong = "; ".join(filter(None, [
            missing and _("missing column(s): %(columns)s", columns=", ".join(missing)),
            unknown and _("unknown column(s): %(columns)s", columns=", ".join(c or _("(blank)") for c in unknown)),
            repeated and _("repeated column(s): %(columns)s", columns=", ".join(repeated)),
        ]))
        return _("The first row must name the columns: %(wrong)s. Use email and name, and optionally %(optional)s.",
                 wrong=wrong, optional=", ".join(OPTIONAL))
    return None


def _group(value: str) -> StakeholderGroup | None:
    try:
        return StakeholderGroup(value.lower())
    except ValueError:
        return None


def _clean(header: list[str], number: int, cells: list[str]) -> Invitee | RowProblem:
    """The row as an invitee, or everything that is wrong with it on its own."""
    values = {key: cell.strip() for key, cell in zip(header, cells)}
    problems = []
    if any(cell.strip() for cell in cells[len(header):]):
        problems.append(_("more cells than there are columns (is there an unquoted comma or semicolon?)"))
    email = accounts.normalise_email(values.get("email", ""))
    if not email:
        problems.append(_("the email address is missing"))
    else:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            problems.append(_("“%(email)s” is not a valid email address", email=email))
    name = values.get("name", "")
    if not name:
        problems.append(_("the name is missing"))
    elif len(name) > _NAME_MAX:
        problems.append(_("the name is longer than %(max)d characters", max=_NAME_MAX))
    organisation = " ".join(values.get("organisation", "").split())
    if len(organisation) > _ORGANISATION_MAX:
        problems.append(_("the organisation is longer than %(max)d characters", max=_ORGANISATION_MAX))
    country = values.get("country", "").upper() or None
    if country and not codes.is_country(country):
        problems.append(_("“%(country)s” is not a two-letter ISO country code (such as MZ or BO)",
                          country=values["country"]))
    group = _group(values.get("stakeholder_group", ""))
    if values.get("stakeholder_group") and group is None:
        problems.append(_("“%(group)s” is not a stakeholder group; use one of %(groups)s",
                          group=values["stakeholder_group"], groups=", ".join(g.value for g in StakeholderGroup)))
    if problems:
        return RowProblem(number, email, tuple(problems))
    return Invitee(number, email, name, organisation, country, group)


def _known_people(event: Event, emails: set[str]) -> tuple[dict[str, User], dict[int, Registration]]:
    """Existing accounts by email, and their registrations for ``event`` by user id."""
    if not emails:
        return {}, {}
    users = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.in_(emails)))}
    registered = {r.user_id: r for r in db.session.scalars(sa.select(Registration).where(
        Registration.event_id == event.id, Registration.user_id.in_([u.id for u in users.values()])))}
    return users, registered


def _problems_here(invitee: Invitee, first_row: dict[str, int], users, registered) -> list[str]:
    """What is wrong with a well-formed row given the rest of the file and who is already registered."""
    problems = []
    if first_row[invitee.email] != invitee.row:
        problems.append(_("%(email)s is already on row %(row)d", email=invitee.email, row=first_row[invitee.email]))
    user = users.get(invitee.email)
    if user is not None and not user.active:
        problems.append(_("the account of %(email)s is deactivated", email=invitee.email))
    registration = registered.get(user.id) if user is not None else None
    if registration is not None and registration.status not in GONE:
        problems.append(_("%(email)s is already %(status)s for this event", email=invitee.email,
                          status=registration.status.label.lower()))
    return problems


def _read(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and records, or a DomainError saying what is wrong with the file as a whole."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise DomainError(_too_big())
    try:
        header, records = _records(text)
    except csv.Error as error:
        raise DomainError(_("The file could not be read as CSV (%(error)s).", error=error)) from None
    if (header_error := _header_error(header)) is not None:
        raise DomainError(header_error)
    if not records:
        raise DomainError(_("There is nobody to invite: the file has no rows below the header."))
    return header, records


def _check(event: Event, text: str) -> tuple[list[Invitee], dict[str, User], ImportReport]:
    """Check every row; the report lists each bad row with all that is wrong with it."""
    try:
        header, records = _read(text)
    except DomainError as error:
        return [], {}, ImportReport(error=str(error))
    report, invitees = ImportReport(), []
    for number, cells in records:
        cleaned = _clean(header, number, cells)
        (invitees if isinstance(cleaned, Invitee) else report.problems).append(cleaned)
    first_row: dict[str, int] = {}
    for invitee in invitees:
        first_row.setdefault(invitee.email, invitee.row)
    users, registered = _known_people(event, set(first_row))
    for invitee in invitees:
        if problems := _problems_here(invitee, first_row, users, registered):
            report.problems.append(RowProblem(invitee.row, invitee.email, tuple(problems)))
    report.problems.sort(key=lambda problem: problem.row)
    return invitees, users, report


def _new_account(invitee: Invitee, *, actor) -> User:
    # No password: the invitation's link is how they come in.
    user, _token = accounts.invite_user(invitee.email, invitee.name, actor=actor)
    user.country = invitee.country
    user.stakeholder_group = invitee.stakeholder_group
    if invitee.organisation:
        kind = ORGANISATION_KIND_FOR_GROUP.get(invitee.stakeholder_group, OrganisationKind.OTHER)
        user.organisation = accounts.find_or_create_organisation(invitee.organisation, kind, invitee.country)
    db.session.flush()
    return user


def _fill_blanks(registration: Registration, invitee: Invitee) -> None:
    # The file speaks for this event only: it completes a registration, never overrides it.
    registration.organisation_name = registration.organisation_name or invitee.organisation
    registration.country = registration.country or invitee.country
    registration.stakeholder_group = registration.stakeholder_group or invitee.stakeholder_group


def import_invitees(event: Event, csv_text: str, *, actor) -> ImportReport:
    """Invite everyone in a CSV file (columns email, name; optionally organisation, country,
    stakeholder_group), creating accounts for new people; if any row is wrong, nobody.

    Changes are only flushed; the caller commits when ``report.ok`` and rolls back otherwise.
    """
    invitees, users, report = _check(event, csv_text)
    if not report.ok:
        return report
    for invitee in invitees:
        user = users.get(invitee.email)
        if user is None:
            user = _new_account(invitee, actor=actor)
            report.accounts_created += 1
        try:
            registration = registrations.invite(event, user, actor=actor)
        except DomainError as error:
            # Someone registered between the check and now: report it, and let the caller roll back.
            report.problems.append(RowProblem(invitee.row, invitee.email, (str(error),)))
            report.invited.clear()
            return report
        _fill_blanks(registration, invitee)
        report.invited.append(registration)
    db.session.flush()
    logger.info("%d invited to event %s from a file (%d new accounts) by %s",
                len(report.invited), event.id, report.accounts_created, describe(actor))
    return report
