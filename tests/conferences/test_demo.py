"""The demo's CASM editions: two past, the coming Chimoio one with an open call under review."""
from datetime import datetime

import sqlalchemy as sa

from dialogues.conferences import services
from dialogues.conferences.models import Contribution, Edition, ReviewAssignment, computed_conflicts
from dialogues.core.columns import utcnow
from dialogues.extensions import db
from dialogues.programmes.models import Programme


def test_demo_casm_editions_call_reviews_conflicts_and_disagreements(runner, app, make_client):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "reviewer@example.org" in result.output
    with app.app_context():
        series = db.session.scalar(sa.select(Programme).where(Programme.title == "Annual CASM conference"))
        editions = {e.number: e for e in db.session.scalars(sa.select(Edition).where(Edition.series_id == series.id))}
        assert sorted(editions) == [8, 9, 10]
        assert editions[8].host_country == "BR" and editions[9].host_city == "Maputo"
        chimoio = editions[10]
        assert chimoio.event.title == "Annual CASM Conference, Chimoio 2027"
        assert chimoio.call.is_open(datetime(2027, 1, 15, tzinfo=utcnow().tzinfo))
        assert [t.title for t in chimoio.tracks] == ["formalisation", "mercury", "gender", "markets"]
        contributions = db.session.scalars(sa.select(Contribution).where(Contribution.edition_id == chimoio.id)).all()
        assert len(contributions) == 30
        pairs = db.session.execute(sa.select(ReviewAssignment.contribution_id, ReviewAssignment.reviewer_id)
                                   .where(ReviewAssignment.contribution_id.in_([c.id for c in contributions]))).all()
        conflicts = computed_conflicts([c.id for c in contributions], [r.user_id for r in chimoio.reviewers])
        assert len(conflicts) >= 5
        assert not set(conflicts) & set(pairs)
        flagged = [r for r in services.review_table(chimoio) if r.disagreement]
        assert 1 <= len(flagged) <= 5
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0, again.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Contribution)) == 33
    landing = make_client().get(f"/programmes/{series.id}").get_data(as_text=True)
    assert landing.index("10th edition") < landing.index("9th edition") < landing.index("8th edition")
