"""Pages for commitments, tried as each role would."""
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from dialogues.commitments.enums import ProgressStatus, ReviewStatus
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.extensions import db
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration
from tests.commitments.conftest import get, mails
from tests.conftest import ROLES, count_queries

TODAY = date.today()
NEW = {"title": "Train 40 miners in Manica in mercury-free processing", "description": "With the cooperative.",
       "due_on": (TODAY + timedelta(days=200)).isoformat(), "kind": "practice", "level": "local",
       "visibility": "public"}


def test_participant_logs_a_commitment_from_the_form(app, cast, client_as):
    client = client_as("participant")
    page = client.get(f"/events/{cast.event.id}")
    assert f"/events/{cast.event.id}/commitments/new" in page.get_data(as_text=True)
    form = client.get(f"/events/{cast.event.id}/commitments/new").get_data(as_text=True)
    assert 'name="viewport"' in client.get("/").get_data(as_text=True)
    assert 'type="date"' in form
    response = client.submit(f"/events/{cast.event.id}/commitments/new", NEW)
    assert response.status_code == 302
    with app.app_context():
        commitment = db.session.scalar(sa.select(Commitment))
        assert (commitment.owner_id, commitment.title, commitment.review_status, commitment.programme_id) == (
            cast.participant.id, NEW["title"], ReviewStatus.SUBMITTED, cast.programme.id)
    assert NEW["title"] in client.get("/my/commitments").get_data(as_text=True)


def test_outsider_cannot_log_at_an_event_they_do_not_attend(cast, client_as):
    assert client_as("outsider").get(f"/events/{cast.event.id}/commitments/new").status_code == 403


def test_review_ask_for_changes_then_resubmit_then_accept(app, cast, client, make_commitment):
    commitment_id = make_commitment()
    client.login(cast.convener.email)
    response = client.submit(f"/commitments/{commitment_id}/review",
                             {"decision": "changes", "comment": "How many miners, and where?"},
                             form_page=f"/commitments/{commitment_id}")
    assert response.status_code == 302
    assert get(app, commitment_id).review_status == ReviewStatus.CHANGES_REQUESTED
    client.logout()
    client.login(cast.participant.email)
    assert "How many miners, and where?" in client.get(f"/commitments/{commitment_id}").get_data(as_text=True)
    assert "How many miners, and where?" in client.get(f"/commitments/{commitment_id}/edit").get_data(as_text=True)
    client.submit(f"/commitments/{commitment_id}/edit", NEW)
    assert get(app, commitment_id).review_status == ReviewStatus.SUBMITTED
    client.logout()
    client.login(cast.convener.email)
    client.submit(f"/commitments/{commitment_id}/review", {"decision": "accept", "comment": ""},
                  form_page=f"/commitments/{commitment_id}")
    assert get(app, commitment_id).review_status == ReviewStatus.ACCEPTED
    client.logout()
    assert NEW["title"] in client.get("/commitments").get_data(as_text=True)


def test_owner_editing_an_accepted_commitment_is_told_it_goes_back_to_review(app, cast, client_as, make_commitment):
    commitment_id = make_commitment(accept=True)
    client = client_as("participant")
    assert "goes back to a convener for review" in client.get(f"/commitments/{commitment_id}/edit").get_data(as_text=True)
    page = client.submit(f"/commitments/{commitment_id}/edit", NEW, follow_redirects=True).get_data(as_text=True)
    assert "It goes back to a convener for review." in page
    assert get(app, commitment_id).review_status == ReviewStatus.SUBMITTED


def test_registry_shows_only_accepted_public_commitments(cast, client, make_commitment):
    make_commitment(title="Accepted public", accept=True)
    make_commitment(title="Awaiting review")
    make_commitment(title="Accepted for conveners", accept=True, visibility="conveners")
    page = client.get("/commitments").get_data(as_text=True)
    assert "Accepted public" in page
    assert "Awaiting review" not in page and "Accepted for conveners" not in page
    assert "Accepted public" not in client.get("/commitments?q=nothing-like-this").get_data(as_text=True)
    assert "Accepted public" in client.get("/commitments?q=public&kind=policy").get_data(as_text=True)
    assert "Accepted public" not in client.get("/commitments?kind=funding").get_data(as_text=True)
    csv_text = client.get("/commitments?format=csv").get_data(as_text=True)
    assert "Accepted public" in csv_text and "Awaiting review" not in csv_text


def test_convener_records_on_someones_behalf_and_the_owner_can_edit(app, cast, make_user, client):
    person = make_user("miner@example.org", "Maria Miner")
    with app.app_context():
        db.session.add(Registration(event_id=cast.event.id, user_id=person.id, status=RegistrationStatus.ATTENDED))
        db.session.commit()
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/commitments/record"
    assert "Maria Miner" in client.get(url).get_data(as_text=True)
    assert client.submit(url, NEW | {"owner_id": person.id}).status_code == 302
    with app.app_context():
        commitment = db.session.scalar(sa.select(Commitment))
        assert (commitment.owner_id, commitment.recorded_by_id) == (person.id, cast.convener.id)
        commitment_id = commitment.id
    assert mails(app) == [("commitment_recorded", "miner@example.org")]
    client.logout()
    client.login("miner@example.org")
    response = client.submit(f"/commitments/{commitment_id}/edit", NEW | {"title": "Train 50 miners"})
    assert response.status_code == 302
    assert get(app, commitment_id).title == "Train 50 miners"


def test_participant_cannot_record_for_others(cast, client_as):
    assert client_as("participant").get(f"/events/{cast.event.id}/commitments/record").status_code == 403


def test_two_updates_from_the_page_keep_history(app, cast, client_as, make_commitment):
    commitment_id = make_commitment()
    client = client_as("participant")
    url = f"/commitments/{commitment_id}/updates/new"
    client.submit(url, {"status": "in_progress", "share_done": "25", "note": "Started.",
                        "evidence_links": "https://example.org/report"})
    client.submit(url, {"status": "in_progress", "share_done": "50", "note": "Half way."})
    bad = client.submit(url, {"status": "in_progress", "share_done": "30", "note": "Odd."})
    assert bad.status_code == 200 and "Not a valid choice" in bad.get_data(as_text=True)
    with app.app_context():
        rows = db.session.execute(sa.select(CommitmentUpdate.share_done, CommitmentUpdate.note, CommitmentUpdate.evidence_links)
                                  .order_by(CommitmentUpdate.id)).all()
    assert [tuple(r) for r in rows] == [(25, "Started.", ["https://example.org/report"]), (50, "Half way.", [])]
    page = client.get(f"/commitments/{commitment_id}").get_data(as_text=True)
    assert "Started." in page and "Half way." in page


def test_traffic_light_on_lists_and_inactive_setting_changed_by_the_secretariat(app, cast, client, make_commitment):
    overdue_id = make_commitment(title="Late one", accept=True, due_on=TODAY - timedelta(days=2))
    quiet_id = make_commitment(title="Quiet one", accept=True, updates=[(TODAY - timedelta(days=400), ProgressStatus.IN_PROGRESS, 25)])
    client.login(cast.participant.email)
    page = client.get("/my/commitments").get_data(as_text=True)
    assert _light(page, overdue_id) == "red" and _light(page, quiet_id) == "green"
    assert _light(client.get("/commitments").get_data(as_text=True), overdue_id) == "red"
    client.logout()
    client.login(cast.participant.email)
    assert client.get("/admin/follow-up-settings").status_code == 403
    client.logout()
    client.login(cast.secretariat.email)
    response = client.submit("/admin/follow-up-settings", {"inactive_after_days": "365", "remind_due_within_days": "30",
                                                          "remind_silent_months": "6"})
    assert response.status_code == 302
    assert _light(client.get("/commitments").get_data(as_text=True), quiet_id) == "amber"


def _light(page: str, commitment_id: int) -> str:
    start = page.index(f'id="commitment-{commitment_id}"')
    marker = 'data-light="'
    at = page.index(marker, start) + len(marker)
    return page[at:page.index('"', at)]


def test_event_dashboard_shows_figures(app, cast, client_as, make_commitment):
    make_commitment(updates=[(TODAY, ProgressStatus.DONE, 100)])
    make_commitment(due_on=TODAY - timedelta(days=1))
    make_commitment(event=cast.other_event)
    page = client_as("convener").get(f"/events/{cast.event.id}/follow-up").get_data(as_text=True)
    assert "2 commitments" in page
    assert '<span id="overdue-count">1</span>' in page
    assert '<tr data-key="done"><td>Done</td><td class="count">1</td><td>50 %</td>' in page
    assert "<svg" in page


# Who may do what. Commitment: the participant's own, awaiting review, at the cast's event.
EXPECTED = {
    # role: (view own-awaiting, edit, review, event dashboard, programme dashboard, record)
    "anonymous": (302, 302, 302, 302, 302, 302),
    "outsider": (403, 403, 403, 403, 403, 403),
    "participant": (200, 200, 403, 403, 403, 403),
    "steering": (403, 403, 403, 403, 403, 403),
    "host": (200, 403, 403, 200, 403, 403),
    "convener": (200, 200, 302, 200, 200, 200),
    "secretariat": (200, 200, 302, 200, 200, 200),
}


@pytest.mark.parametrize("role", ROLES)
def test_permissions_per_role(role, app, cast, client_as, make_commitment):
    commitment_id = make_commitment()
    client = client_as(role)
    statuses = (
        client.get(f"/commitments/{commitment_id}").status_code,
        client.get(f"/commitments/{commitment_id}/edit").status_code,
        _review_status(client, role, commitment_id),
        client.get(f"/events/{cast.event.id}/follow-up").status_code,
        client.get(f"/programmes/{cast.programme.id}/follow-up").status_code,
        client.get(f"/events/{cast.event.id}/commitments/record").status_code,
    )
    assert statuses == EXPECTED[role]
    accepted = get(app, commitment_id).review_status == ReviewStatus.ACCEPTED
    assert accepted == (EXPECTED[role][2] == 302 and role != "anonymous")


def _review_status(client, role, commitment_id) -> int:
    # A token from any page with a form (the log-out button) is a valid CSRF token for the session.
    if role == "anonymous":
        return client.get(f"/commitments/{commitment_id}/edit").status_code
    return client.submit(f"/commitments/{commitment_id}/review", {"decision": "accept", "comment": ""},
                         form_page="/").status_code


def test_convener_of_another_programme_sees_nothing_here(cast, make_user, make_programme, client, make_commitment):
    other = make_programme(title="Learning group Ghana")
    make_user("otherconvener@example.org", roles=[("convener", other)])
    commitment_id = make_commitment(visibility="conveners", accept=True)
    client.login("otherconvener@example.org")
    assert client.get(f"/commitments/{commitment_id}").status_code == 403
    assert client.get(f"/events/{cast.event.id}/follow-up").status_code == 403
    assert client.get(f"/programmes/{cast.programme.id}/follow-up").status_code == 403


def test_public_accepted_commitment_is_visible_to_anyone(client, make_commitment):
    commitment_id = make_commitment(accept=True)
    hidden_id = make_commitment(accept=True, visibility="conveners")
    assert client.get(f"/commitments/{commitment_id}").status_code == 200
    assert client.get(f"/commitments/{hidden_id}").status_code == 302


@pytest.mark.parametrize("url", ["/my/commitments", "/commitments", "/events/{event}/follow-up",
                                 "/programmes/{programme}/follow-up"])
def test_query_counts_do_not_grow_with_commitments(app, cast, client, make_commitment, url):
    url = url.format(event=cast.event.id, programme=cast.programme.id)
    client.login(cast.convener.email if "follow-up" in url else cast.participant.email)

    def add(n):
        for i in range(n):
            make_commitment(accept=True, updates=[(TODAY - timedelta(days=30), ProgressStatus.IN_PROGRESS, 25),
                                                  (TODAY, ProgressStatus.IN_PROGRESS, 50)])

    def load():
        response = client.get(url)
        assert response.status_code == 200

    add(5)
    few = count_queries(app, load)
    add(35)
    many = count_queries(app, load)
    assert few == many
