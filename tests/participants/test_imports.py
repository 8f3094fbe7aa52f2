"""Inviting people from a CSV file: everyone or nobody, with a report on each bad row."""
import re

import pytest
import sqlalchemy as sa

from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import User
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.participants import imports
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration

GOOD = (
    "email,name,organisation,country,stakeholder_group\n"
    "amina@example.org,Amina Mwale,Manica Miners' Association,MZ,asm\n"
    "joao@example.org,João Santos,Ministério dos Recursos Minerais,mz,Government\n"
    "outsider@example.org,Olga Outsider,,,\n"
)


def _people(app) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(sa.select(User.email)))


def _registrations(app, event) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(User.email, Registration.status, Registration.stakeholder_group, Registration.country,
                      Registration.organisation_name, Registration.invited_by_id)
            .join(User, Registration.user_id == User.id).where(Registration.event_id == event.id).order_by(User.email))
        return [tuple(row) for row in rows]


def _report_rows(page: str) -> list[tuple[str, str, str]]:
    """(row, email, what is wrong) from the report table."""
    report = page[page.index('id="report"'):]
    report = report[:report.index("</table>")]
    return re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", report)


def test_a_good_file_invites_everyone(client_as, cast, app, upload_csv):
    before = _people(app)
    client = client_as("convener")
    response = upload_csv(cast.event.id, GOOD.encode())
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"] == f"/events/{cast.event.id}/participants"
    assert _people(app) - before == {"amina@example.org", "joao@example.org"}
    asm, government = StakeholderGroup.ASM, StakeholderGroup.GOVERNMENT
    convener = cast.convener.id
    assert _registrations(app, cast.event) == [
        ("amina@example.org", RegistrationStatus.INVITED, asm, "MZ", "Manica Miners' Association", convener),
        ("joao@example.org", RegistrationStatus.INVITED, government, "MZ", "Ministério dos Recursos Minerais", convener),
        ("outsider@example.org", RegistrationStatus.INVITED, None, None, "", convener),
    ]
    with app.app_context():
        joao = db.session.scalar(sa.select(User).where(User.email == "joao@example.org"))
        assert (joao.name, joao.password_hash, joao.country, joao.stakeholder_group) == (
            "João Santos", None, "MZ", government)
        assert joao.organisation.name == "Ministério dos Recursos Minerais"
    page = client.get(f"/events/{cast.event.id}/participants").get_data(as_text=True)
    assert "3 invited (2 new accounts)." in page and "João Santos" in page


def test_an_existing_persons_profile_is_left_alone(client_as, cast, app, upload_csv):
    client_as("convener")
    upload_csv(cast.event.id, b"email,name,country,stakeholder_group\nOUTSIDER@example.org,O. Outsider,BO,donor\n")
    with app.app_context():
        outsider = db.session.get(User, cast.outsider.id)
        assert (outsider.name, outsider.country, outsider.stakeholder_group) == ("Olga Outsider", None, None)
    # The registration is for this event only: the file's details complete it.
    assert _registrations(app, cast.event) == [
        ("outsider@example.org", RegistrationStatus.INVITED, StakeholderGroup.DONOR, "BO", "", cast.convener.id)]


@pytest.mark.parametrize("bad_row,problem", [
    ("amina(at)example.org,Amina Mwale,,MZ,asm", "“amina(at)example.org” is not a valid email address"),
    ("amina@example.org,Amina Mwale,,XX,asm", "“XX” is not a two-letter ISO country code (such as MZ or BO)"),
    ("amina@example.org,Amina Mwale,,Mozambique,asm", "“Mozambique” is not a two-letter ISO country code"),
    ("amina@example.org,Amina Mwale,,MZ,miners", "“miners” is not a stakeholder group; use one of government, asm,"),
    ("amina@example.org,,,MZ,asm", "the name is missing"),
    ("JOAO@example.org,João again,,MZ,asm", "joao@example.org is already on row 2"),
    ("amina@example.org,Amina, Mwale,,MZ,asm", "more cells than there are columns"),
])
def test_one_bad_row_imports_nothing(client_as, cast, app, upload_csv, bad_row, problem):
    before = _people(app)
    client_as("convener")
    content = ("email,name,organisation,country,stakeholder_group\n"
               "joao@example.org,João Santos,,MZ,government\n"
               f"{bad_row}\n"
               "outsider@example.org,Olga Outsider,,,\n").encode()
    response = upload_csv(cast.event.id, content)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Nobody was invited." in page
    [(row, _email, wrong)] = _report_rows(page)
    assert row == "3" and problem in wrong.replace("&#39;", "'")
    assert _people(app) == before
    assert _registrations(app, cast.event) == []


def test_every_bad_row_is_reported_with_all_its_problems(client_as, cast, upload_csv):
    client_as("convener")
    content = ("email;name;country\n"
               "not-an-email;;ZZ\n"
               "ok@example.org;Fine Person;TZ\n"
               "\n"
               "ok@example.org;Same Person;TZ\n").encode()
    rows = _report_rows(upload_csv(cast.event.id, content).get_data(as_text=True))
    assert rows == [
        ("2", "not-an-email", "“not-an-email” is not a valid email address; the name is missing; "
                              "“ZZ” is not a two-letter ISO country code (such as MZ or BO)"),
        ("5", "ok@example.org", "ok@example.org is already on row 3"),
    ]


@pytest.mark.parametrize("status", [RegistrationStatus.INVITED, RegistrationStatus.APPLIED, RegistrationStatus.CONFIRMED])
def test_people_already_registered_are_reported(client_as, cast, app, upload_csv, register, status):
    register(cast.event, user=cast.outsider, status=status)
    client_as("convener")
    page = upload_csv(cast.event.id, GOOD.encode()).get_data(as_text=True)
    assert _report_rows(page) == [
        ("4", "outsider@example.org", f"outsider@example.org is already {status.label.lower()} for this event")]
    assert len(_registrations(app, cast.event)) == 1


def test_people_who_declined_may_be_invited_again(client_as, cast, app, upload_csv, register):
    register(cast.event, user=cast.outsider, status=RegistrationStatus.DECLINED)
    client_as("convener")
    assert upload_csv(cast.event.id, GOOD.encode()).status_code == 302
    assert [r[:2] for r in _registrations(app, cast.event)][-1] == ("outsider@example.org", RegistrationStatus.INVITED)


def test_a_bom_and_semicolons_are_understood(client_as, cast, app, upload_csv):
    client_as("convener")
    content = "\ufeffEmail;Name;Stakeholder group\r\nzainabu@example.org;Zainabu Mrema;civil_society\r\n".encode()
    assert upload_csv(cast.event.id, content).status_code == 302
    assert _registrations(app, cast.event) == [
        ("zainabu@example.org", RegistrationStatus.INVITED, StakeholderGroup.CIVIL_SOCIETY, None, "", cast.convener.id)]


def test_empty_columns_after_the_last_are_ignored(client_as, cast, app, upload_csv):
    client_as("convener")
    assert upload_csv(cast.event.id, b"email,name,,\r\nhassan@example.org,Hassan Ali,,\r\n,,,\r\n").status_code == 302
    assert [r[0] for r in _registrations(app, cast.event)] == ["hassan@example.org"]


def test_pasted_rows_are_imported(client_as, cast, app, upload_csv):
    client_as("convener")
    assert upload_csv(cast.event.id, text="email,name\nhassan@example.org,Hassan Ali\n").status_code == 302
    assert [r[0] for r in _registrations(app, cast.event)] == ["hassan@example.org"]


def test_pasted_rows_come_back_with_the_report(client_as, cast, upload_csv):
    client_as("convener")
    page = upload_csv(cast.event.id, text="email,name\nhassan@example,Hassan Ali\n").get_data(as_text=True)
    assert ">\r\nemail,name\nhassan@example,Hassan Ali\n</textarea>" in page
    assert _report_rows(page) == [("2", "hassan@example", "“hassan@example” is not a valid email address")]


@pytest.mark.parametrize("content,message", [
    (b"e-mail,full name\nx@example.org,X\n", "missing column(s): email, name; unknown column(s): e_mail, full_name"),
    (b"email,name,notes\nx@example.org,X,hi\n", "unknown column(s): notes"),
    (b"email,name\n", "There is nobody to invite: the file has no rows below the header."),
    ("email,name\nzé@example.org,Zé\n".encode("latin-1"), "The file is not in UTF-8."),
    (b"email,name\n" + b"x@example.org,X\n" * (imports.MAX_ROWS + 1), "The file has more than 2,000 people."),
])
def test_a_file_that_cannot_be_read_is_refused_clearly(client_as, cast, app, upload_csv, content, message):
    client_as("convener")
    response = upload_csv(cast.event.id, content)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert _registrations(app, cast.event) == []


@pytest.mark.parametrize("as_file", [True, False])
def test_a_file_over_the_size_limit_is_refused(client_as, cast, app, upload_csv, monkeypatch, as_file):
    # A small limit: a real megabyte would be spooled to a temporary file by the test client.
    monkeypatch.setattr(imports, "MAX_BYTES", 1000)
    client_as("convener")
    content = "email,name\n" + "x@example.org,X\n" * 70
    response = upload_csv(cast.event.id, content.encode()) if as_file else upload_csv(cast.event.id, text=content)
    assert "The file is larger than 1000 bytes. Please split it into several files." in response.get_data(as_text=True)
    assert _registrations(app, cast.event) == []


def test_a_file_or_pasted_rows_are_needed(client_as, cast, upload_csv):
    client_as("convener")
    assert "Choose a CSV file, or paste the rows" in upload_csv(cast.event.id).get_data(as_text=True)


@pytest.mark.parametrize("role,status", [
    ("anonymous", 302), ("outsider", 403), ("participant", 403), ("steering", 403), ("host", 403), ("convener", 200),
    ("secretariat", 200),
])
def test_who_may_import(client_as, cast, role, status):
    assert client_as(role).get(f"/events/{cast.event.id}/invitees/import").status_code == status


def test_a_host_cannot_post_an_import(client_as, cast, app):
    host = client_as("host")
    response = host.submit(f"/events/{cast.event.id}/invitees/import", {"text": GOOD},
                           form_page=f"/events/{cast.event.id}/participants")
    assert response.status_code == 403
    assert _registrations(app, cast.event) == []


def test_the_service_reports_without_a_request(app, cast):
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        report = imports.import_invitees(event, "email,name\nbad,Bad\n", actor=None)
        assert (report.ok, report.invited, [(p.row, p.email) for p in report.problems]) == (False, [], [(2, "bad")])
        report = imports.import_invitees(event, "email,name\nnew@example.org,New Person\n", actor=None)
        assert report.ok and [r.user.email for r in report.invited] == ["new@example.org"]
        assert report.invited[0].invited_by_id is None
