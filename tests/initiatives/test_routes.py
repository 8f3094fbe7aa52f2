"""From a selected issue to an initiative with its dialogues: the TFD path."""
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from dialogues.accounts.models import RoleGrant
from dialogues.events.enums import DialogueScope, EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.initiatives.enums import MemberKind
from dialogues.initiatives.models import Initiative
from dialogues.permissions import Role
from tests.proposals.conftest import committee, as_member, proposal_id  # noqa: F401  (shared fixtures)

INITIATIVE = {
    "title": "Mercury-free gold", "summary": "Carried over.", "starts_on": "2027-01-01", "ends_on": "2030-12-31",
    "planned_dialogues": "10", "co_chair": "member1@example.org\nmember2@example.org", "advisory_group": "member3@example.org",
    "partner": "UNEP", "donor": "GEF planetGOLD", "local_host": "Associação Mineira de Manica",
}


@pytest.fixture
def convener(committee, make_client):
    client = make_client()
    client.login(committee.convener.email)
    return client


@pytest.fixture
def selected(proposal_id, convener):
    page = f"/proposals/{proposal_id}"
    convener.submit(f"{page}/decision", {"status": "selected", "reason": "Top of the ranking"}, form_page=page)
    return proposal_id


@pytest.fixture
def initiative_id(selected, convener):
    response = convener.submit(f"/proposals/{selected}/initiative", INITIATIVE)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_form_carries_the_proposal_text_over(selected, convener):
    page = convener.get(f"/proposals/{selected}/initiative").get_data(as_text=True)
    assert 'value="Mercury-free gold processing"' in page
    assert "Mercury use in ASM gold harms miners and communities." in page
    assert "The Minamata Convention national action plans are due." in page


def test_initiative_is_created_with_its_people_and_its_convener(initiative_id, app, committee):
    with app.app_context():
        initiative = db.session.get(Initiative, initiative_id)
        assert (initiative.programme.title, initiative.starts_on, initiative.ends_on, initiative.planned_dialogues) == (
            "Mercury-free gold", date(2027, 1, 1), date(2030, 12, 31), 10)
        assert [m.name for m in initiative.members_of(MemberKind.CO_CHAIR)] == ["Member 1", "Member 2"]
        assert [m.name for m in initiative.members_of(MemberKind.LOCAL_HOST)] == ["Associação Mineira de Manica"]
        grant = db.session.scalar(sa.select(RoleGrant).where(RoleGrant.programme_id == initiative_id))
        assert (grant.user_id, grant.role) == (committee.convener.id, Role.CONVENER)


def test_unknown_emails_are_named_and_input_kept(selected, convener):
    response = convener.submit(f"/proposals/{selected}/initiative", INITIATIVE | {"co_chair": "nobody@example.org"})
    page = response.get_data(as_text=True)
    assert "No account has these emails (invite them first): nobody@example.org." in page
    assert "GEF planetGOLD" in page


def test_only_selected_issues_become_initiatives_once(proposal_id, convener, initiative_id):
    again = convener.submit(f"/proposals/{proposal_id}/initiative", INITIATIVE, form_page=f"/proposals/{proposal_id}/initiative")
    assert "This issue has already become an initiative." in again.get_data(as_text=True)


def test_issue_not_selected_cannot_become_initiative(proposal_id, convener):
    response = convener.submit(f"/proposals/{proposal_id}/initiative", INITIATIVE)
    assert "Only a selected issue becomes an initiative." in response.get_data(as_text=True)


def test_new_field_dialogue_starts_from_tfd_defaults(initiative_id, convener, app):
    form = convener.get(f"/events/new?programme_id={initiative_id}&kind=field_dialogue").get_data(as_text=True)
    for expected in ('name="capacity" type="number" value="50"', 'name="sponsored_places" type="number" value="35"',
                     'name="field_days" type="number" value="2"', 'name="meeting_days" type="number" value="2"',
                     'value="100000.00"', '<option selected value="GBP">'):
        assert expected in form, expected
    fields = {
        "kind": "field_dialogue", "title": "Field dialogue in Tarkwa", "starts_on": "2027-11-08", "ends_on": "",
        "timezone": "Africa/Accra", "country": "GH", "city": "Tarkwa", "visibility": "public", "status": "planned",
        "programme_id": str(initiative_id), "scope": "local", "capacity": "50", "sponsored_places": "35",
        "field_days": "2", "meeting_days": "2", "indicative_budget": "95000.50", "budget_currency": "GBP",
        "working_languages": ["en"],
    }
    response = convener.submit(f"/events/new?programme_id={initiative_id}&kind=field_dialogue", fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        event = db.session.scalar(sa.select(Event).where(Event.title == "Field dialogue in Tarkwa"))
        assert (event.ends_on, event.capacity, event.sponsored_places, event.field_days, event.meeting_days) == (
            date(2027, 11, 11), 50, 35, 2, 2)
        assert (event.indicative_budget, event.budget_currency, event.scope) == (Decimal("95000.50"), "GBP", DialogueScope.LOCAL)


@pytest.mark.parametrize("kind,capacity,sponsored,budget", [
    ("non_field_dialogue", 40, 35, "70000.00"), ("technical_workshop", 10, 6, "30000.00"),
])
def test_other_dialogue_types_have_their_defaults(initiative_id, convener, kind, capacity, sponsored, budget):
    form = convener.get(f"/events/new?programme_id={initiative_id}&kind={kind}").get_data(as_text=True)
    assert f'name="capacity" type="number" value="{capacity}"' in form
    assert f'name="sponsored_places" type="number" value="{sponsored}"' in form
    assert f'value="{budget}"' in form


def test_more_sponsored_than_places_is_refused(initiative_id, convener):
    response = convener.submit(f"/events/new?programme_id={initiative_id}&kind=technical_workshop", {
        "kind": "technical_workshop", "title": "Workshop", "starts_on": "2028-02-01", "ends_on": "2028-02-02",
        "timezone": "UTC", "visibility": "public", "status": "planned", "programme_id": str(initiative_id),
        "capacity": "10", "sponsored_places": "12", "indicative_budget": "", "budget_currency": ""})
    assert "There cannot be more sponsored places than places." in response.get_data(as_text=True)


def test_initiative_page_shows_timeline_and_mix(initiative_id, convener, make_event):
    make_event(title="Held in Manica", programme_id=initiative_id, status=EventStatus.HELD,
               starts_on=date(2027, 5, 4), ends_on=date(2027, 5, 7), scope=DialogueScope.LOCAL)
    make_event(title="Workshop in Lima", programme_id=initiative_id, kind=EventKind.TECHNICAL_WORKSHOP,
               starts_on=date(2029, 3, 1), ends_on=date(2029, 3, 2), timezone="America/Lima",
               scope=DialogueScope.REGIONAL)
    page = convener.get(f"/programmes/{initiative_id}").get_data(as_text=True)
    assert "Dialogues: 2 of 10 planned" in page
    for text in ("Field dialogue: 1", "Technical workshop: 1", "Local: 1", "Regional: 1", "Held: 1", "Planned: 1",
                 "<h3>2027</h3>", "<h3>2028</h3>", "<h3>2030</h3>", "Member 1, Member 2", "GEF planetGOLD"):
        assert text in page, text
    assert page.index("Held in Manica") < page.index("<h3>2028</h3>") < page.index("Workshop in Lima")


def test_convener_manages_own_initiative_only(initiative_id, committee, make_client, make_programme, make_user):
    other = make_programme(title="Other initiative")
    client = make_client()
    client.login(committee.convener.email)
    assert client.get(f"/initiatives/{initiative_id}/edit").status_code == 200
    outsider = make_user("conv2@example.org", roles=[(Role.CONVENER, other)])
    other_client = make_client()
    other_client.login(outsider.email)
    assert other_client.get(f"/initiatives/{initiative_id}/edit").status_code == 403
    assert other_client.get(f"/events/new?programme_id={initiative_id}&kind=field_dialogue").get_data(
        as_text=True).count(f'value="{initiative_id}"') == 0


def test_edit_initiative_changes_plan_and_people(initiative_id, convener, app):
    response = convener.submit(f"/initiatives/{initiative_id}/edit",
                               INITIATIVE | {"planned_dialogues": "12", "co_chair": "member3@example.org", "donor": ""})
    assert response.status_code == 302
    with app.app_context():
        initiative = db.session.get(Initiative, initiative_id)
        assert initiative.planned_dialogues == 12
        assert [m.name for m in initiative.members_of(MemberKind.CO_CHAIR)] == ["Member 3"]
        assert initiative.members_of(MemberKind.DONOR) == []


def test_public_reads_public_initiative(initiative_id, make_client):
    page = make_client().get(f"/programmes/{initiative_id}")
    assert page.status_code == 200 and "Mercury-free gold" in page.get_data(as_text=True)


def test_new_dialogue_gets_checklist_and_late_steps_show_on_the_initiative(initiative_id, convener, make_client):
    soon = date.today().replace(day=1).isoformat()
    fields = {
        "kind": "non_field_dialogue", "title": "Dialogue next door", "starts_on": soon, "ends_on": "",
        "timezone": "Africa/Maputo", "visibility": "public", "status": "planned", "programme_id": str(initiative_id),
        "capacity": "40", "sponsored_places": "35", "indicative_budget": "70000", "budget_currency": "GBP",
    }
    response = convener.submit(f"/events/new?programme_id={initiative_id}&kind=non_field_dialogue", fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = convener.get(f"/programmes/{initiative_id}").get_data(as_text=True)
    assert "Late preparation" in page and "Issue identification and clarification" in page
    assert "Late preparation" not in make_client().get(f"/programmes/{initiative_id}").get_data(as_text=True)
