"""Proposing issues, deciding on them, ranking them, and who may do which."""
import pytest
import sqlalchemy as sa

from dialogues.extensions import db
from dialogues.proposals.enums import ProposalStatus
from dialogues.proposals.models import IssueProposal, ProposalDecision
from tests.proposals.conftest import PROPOSAL, all_scores


def test_proposal_keeps_what_was_proposed(proposal_id, app, committee):
    with app.app_context():
        proposal = db.session.get(IssueProposal, proposal_id)
        assert (proposal.title, proposal.regions, proposal.countries, proposal.status, proposal.proposed_by_id) == (
            PROPOSAL["title"], ["africa", "latin_america"], ["GH", "PE"], ProposalStatus.PROPOSED, committee.members[0].id)


def test_proposal_form_reports_missing_text_and_keeps_input(committee, as_member):
    response = as_member(1).submit(f"/series/{committee.series.id}/proposals/new",
                                   PROPOSAL | {"problem_statement": "", "countries": ["GH", "XX"]})
    page = response.get_data(as_text=True)
    assert "This field is required." in page and "&#39;XX&#39; is not a valid choice" in page
    assert 'value="Mercury-free gold processing"' in page


def test_decision_records_who_when_and_why(proposal_id, make_client, committee, app):
    convener = make_client()
    convener.login(committee.convener.email)
    page = f"/proposals/{proposal_id}"
    no_reason = convener.submit(f"{page}/decision", {"status": "being_scoped", "reason": ""}, form_page=page)
    assert "Say why: the reason is kept with the decision." in no_reason.get_data(as_text=True)
    convener.submit(f"{page}/decision", {"status": "being_scoped", "reason": "Need a scoping study in Ghana"}, form_page=page)
    convener.submit(f"{page}/decision", {"status": "selected", "reason": "Top of the ranking"}, form_page=page)
    with app.app_context():
        decisions = db.session.scalars(sa.select(ProposalDecision).order_by(ProposalDecision.id)).all()
        assert [(d.from_status, d.to_status, d.reason, d.decided_by_id) for d in decisions] == [
            (ProposalStatus.PROPOSED, ProposalStatus.BEING_SCOPED, "Need a scoping study in Ghana", committee.convener.id),
            (ProposalStatus.BEING_SCOPED, ProposalStatus.SELECTED, "Top of the ranking", committee.convener.id),
        ]
        assert all(d.decided_at is not None for d in decisions)
    history = convener.get(page).get_data(as_text=True)
    assert "Need a scoping study in Ghana" in history and "Chidi Convener" in history


def test_selected_is_final(proposal_id, make_client, committee):
    convener = make_client()
    convener.login(committee.convener.email)
    page = f"/proposals/{proposal_id}"
    convener.submit(f"{page}/decision", {"status": "selected", "reason": "Clear winner"}, form_page=page)
    response = convener.submit(f"{page}/decision", {"status": "parked", "reason": "Changed mind"}, form_page=page)
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)


def test_ranking_orders_by_weighted_score_and_shows_disagreement(committee, as_member, make_client):
    ids = []
    first = as_member(0)
    for title in ("Issue A", "Issue B"):
        response = first.submit(f"/series/{committee.series.id}/proposals/new", PROPOSAL | {"title": title})
        ids.append(int(response.headers["Location"].rsplit("/", 1)[1]))
    # A: strong on significance only; B: middling everywhere; members disagree on A's support.
    a = [5, 1, 1, 1, 1, 5]
    for n, support in enumerate((5, 1, 3)):
        member = as_member(n)
        member.submit(f"/proposals/{ids[0]}/scores", all_scores(a[:5] + [support]), form_page=f"/proposals/{ids[0]}")
        member.submit(f"/proposals/{ids[1]}/scores", all_scores(3), form_page=f"/proposals/{ids[1]}")
    convener = make_client()
    convener.login(committee.convener.email)
    page = convener.get(f"/series/{committee.series.id}/ranking").get_data(as_text=True)
    assert page.index("Issue B") < page.index("Issue A")  # 3.00 against 2.00
    assert "Support (SD 1.63, 1–5)" in page
    secretariat = make_client()
    secretariat.login(committee.secretariat.email)
    weights = {f"weight_{n}": "1" for n in range(1, 7)} | {"weight_1": "10"}
    assert secretariat.submit(f"/series/{committee.series.id}/weights", weights).status_code == 302
    page = convener.get(f"/series/{committee.series.id}/ranking").get_data(as_text=True)
    assert page.index("Issue A") < page.index("Issue B")  # (10·5 + 1+1+1+1+3)/15 = 3.80


def test_weights_must_leave_something_to_rank(committee, make_client):
    secretariat = make_client()
    secretariat.login(committee.secretariat.email)
    response = secretariat.submit(f"/series/{committee.series.id}/weights", {f"weight_{n}": "0" for n in range(1, 7)})
    assert "at least one must be above zero" in response.get_data(as_text=True)
    response = secretariat.submit(f"/series/{committee.series.id}/weights", {f"weight_{n}": "-1" for n in range(1, 7)})
    assert "Number must be between 0 and 100." in response.get_data(as_text=True)


@pytest.mark.parametrize("who,page,expected", [
    ("outsider", "list", 403), ("other_convener", "list", 403), ("member", "list", 200), ("convener", "list", 200),
    ("outsider", "show", 403), ("other_convener", "show", 403), ("member", "show", 200),
    ("convener", "propose", 200), ("member", "propose", 200), ("outsider", "propose", 403),
    ("member", "weights", 403), ("convener", "weights", 403), ("secretariat", "weights", 200),
    ("anonymous", "list", 302),
])
def test_who_may_open_committee_pages(committee, proposal_id, make_client, who, page, expected):
    client = make_client()
    user = committee.members[1] if who == "member" else getattr(committee, who, None)
    if user is not None:
        client.login(user.email)
    url = {"list": f"/series/{committee.series.id}/proposals", "show": f"/proposals/{proposal_id}",
           "propose": f"/series/{committee.series.id}/proposals/new", "weights": f"/series/{committee.series.id}/weights"}[page]
    assert client.get(url).status_code == expected


@pytest.mark.parametrize("who", ["member", "outsider", "other_convener"])
def test_only_series_conveners_decide_and_close(committee, proposal_id, make_client, who, app):
    client = make_client()
    client.login((committee.members[1] if who == "member" else getattr(committee, who)).email)
    from tests.conftest import csrf_token
    token = csrf_token(client, "/")
    assert client.post(f"/proposals/{proposal_id}/close", data={"csrf_token": token}).status_code == 403
    assert client.post(f"/proposals/{proposal_id}/decision",
                       data={"csrf_token": token, "status": "selected", "reason": "x"}).status_code == 403
    with app.app_context():
        assert db.session.get(IssueProposal, proposal_id).status == ProposalStatus.PROPOSED


def test_conveners_and_outsiders_do_not_score(committee, proposal_id, make_client):
    client = make_client()
    client.login(committee.convener.email)
    from tests.conftest import csrf_token
    response = client.post(f"/proposals/{proposal_id}/scores", data=all_scores(3) | {"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 403


def test_proposer_edits_while_open_others_cannot(committee, proposal_id, as_member):
    proposer, other = as_member(0), as_member(1)
    assert other.get(f"/proposals/{proposal_id}/edit").status_code == 403
    response = proposer.submit(f"/proposals/{proposal_id}/edit", PROPOSAL | {"title": "Mercury-free gold, revised"})
    assert response.status_code == 302
    assert "Mercury-free gold, revised" in proposer.get(f"/proposals/{proposal_id}").get_data(as_text=True)


def test_unknown_series_and_programmes_that_are_not_series_are_404(committee, make_programme, make_client):
    client = make_client()
    client.login(committee.secretariat.email)
    initiative = make_programme(title="Not a series")
    assert client.get("/series/99999/proposals").status_code == 404
    assert client.get(f"/series/{initiative.id}/proposals").status_code == 404
    assert client.get("/proposals/99999").status_code == 404
