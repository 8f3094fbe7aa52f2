"""Scoring against the six criteria: the arithmetic, no anchoring, one score per member and criterion."""
from decimal import Decimal
from types import SimpleNamespace

import sqlalchemy as sa

from dialogues.extensions import db
from dialogues.proposals.enums import Criterion
from dialogues.proposals.models import ProposalScore
from dialogues.proposals.services import criterion_stats, weighted_score
from tests.proposals.conftest import all_scores


def _scores(criterion, *values):
    return [SimpleNamespace(criterion=int(criterion), value=v) for v in values]


def test_stats_give_mean_spread_range_and_scorers():
    stats = {s.criterion: s for s in criterion_stats(_scores(Criterion.SIGNIFICANCE, 1, 3, 5) + _scores(Criterion.SUPPORT, 4, 4))}
    significance = stats[Criterion.SIGNIFICANCE]
    assert (significance.mean, significance.spread, significance.lowest, significance.highest, significance.scorers) == (
        Decimal("3.00"), Decimal("1.63"), 1, 5, 3)
    assert (stats[Criterion.SUPPORT].mean, stats[Criterion.SUPPORT].spread) == (Decimal("4.00"), Decimal("0.00"))
    assert stats[Criterion.REACH].scorers == 0 and stats[Criterion.REACH].mean is None


def test_weighted_score_uses_weights_over_scored_criteria():
    stats = criterion_stats(_scores(Criterion.SIGNIFICANCE, 5) + _scores(Criterion.SUPPORT, 2))
    equal = {c: Decimal(1) for c in Criterion}
    assert weighted_score(stats, equal) == Decimal("3.50")
    heavy_significance = equal | {Criterion.SIGNIFICANCE: Decimal(3)}
    assert weighted_score(stats, heavy_significance) == Decimal("4.25")
    assert weighted_score(criterion_stats([]), equal) is None


def test_member_sees_others_scores_only_after_submitting_own(proposal_id, as_member):
    first, second = as_member(0), as_member(1)
    assert first.submit(f"/proposals/{proposal_id}/scores", all_scores(5, "Strong case"),
                        form_page=f"/proposals/{proposal_id}").status_code == 302
    before = second.get(f"/proposals/{proposal_id}").get_data(as_text=True)
    assert "You will see the other members' scores once you have scored all six criteria." in before
    assert "Strong case" not in before and "Spread (SD)" not in before
    second.submit(f"/proposals/{proposal_id}/scores", all_scores(3), form_page=f"/proposals/{proposal_id}")
    after = second.get(f"/proposals/{proposal_id}").get_data(as_text=True)
    assert "Spread (SD)" in after and "Strong case" in after
    assert "<td>4.00</td>" in after  # mean of 5 and 3


def test_convener_sees_all_scores_without_scoring(proposal_id, as_member, make_client, committee):
    as_member(0).submit(f"/proposals/{proposal_id}/scores", all_scores(4, "Solid"), form_page=f"/proposals/{proposal_id}")
    convener = make_client()
    convener.login(committee.convener.email)
    page = convener.get(f"/proposals/{proposal_id}").get_data(as_text=True)
    assert "Spread (SD)" in page and "Solid" in page


def test_half_filled_scores_are_refused_and_kept(proposal_id, as_member):
    member = as_member(0)
    data = all_scores(4)
    del data["score_6"]
    data["comment_2"] = "Wide support in Ghana"
    response = member.submit(f"/proposals/{proposal_id}/scores", data, form_page=f"/proposals/{proposal_id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Give a score from 1 to 5." in page
    assert 'value="Wide support in Ghana"' in page


def test_rescoring_replaces_until_the_round_closes(proposal_id, as_member, make_client, committee, app):
    member = as_member(0)
    page = f"/proposals/{proposal_id}"
    member.submit(f"{page}/scores", all_scores(2), form_page=page)
    member.submit(f"{page}/scores", all_scores(4), form_page=page)
    with app.app_context():
        values = db.session.scalars(sa.select(ProposalScore.value).where(ProposalScore.proposal_id == proposal_id)).all()
    assert sorted(values) == [4] * 6
    convener = make_client()
    convener.login(committee.convener.email)
    convener.submit(f"{page}/close", {}, form_page=page)
    refused = member.submit(f"{page}/scores", all_scores(1), form_page=page, follow_redirects=True)
    assert "Scoring on this proposal is closed." in refused.get_data(as_text=True)
    with app.app_context():
        values = db.session.scalars(sa.select(ProposalScore.value).where(ProposalScore.proposal_id == proposal_id)).all()
    assert sorted(values) == [4] * 6
    # Once closed, a member who never scored sees everything.
    assert "Spread (SD)" in as_member(2).get(page).get_data(as_text=True)


def test_scores_outside_one_to_five_are_refused(proposal_id, as_member):
    response = as_member(0).submit(f"/proposals/{proposal_id}/scores", all_scores(6), form_page=f"/proposals/{proposal_id}")
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
