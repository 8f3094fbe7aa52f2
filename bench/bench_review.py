"""Time automatic reviewer assignment and the review table for a large call, and count the table's queries. Not a test.

    .venv/bin/python bench/bench_review.py [--database-url URL] [--contributions N --reviewers N --requests N]

Without --database-url the data goes into a temporary SQLite file that is removed
afterwards; give an empty database (the script generates people first).
"""
import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):
    # Run as ``python bench/bench_review.py``: the project root is not on the path.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from bench.bench_pages import QueryCounter, log_in, measure
from bench.generate import BENCH_SECRETARIAT_EMAIL, _insert, build_app, generate
from dialogues.accounts.models import User
from dialogues.conferences import services
from dialogues.conferences.enums import ContributionStatus, ContributionType
from dialogues.conferences.models import Contribution, ContributionAuthor, Edition, ReviewAssignment, ReviewScore
from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.extensions import db
from dialogues.programmes import services as programmes
from dialogues.programmes.enums import ProgrammeKind

TRACKS = ("formalisation", "mercury", "gender", "markets")


def prepare(*, contributions: int, reviewers: int, seed: int = 7) -> int:
    """A conference edition with its call, tracks, criteria, pool and contributions; returns the edition id."""
    rng = random.Random(seed)
    generate(people=max(2000, reviewers * 5), events=10)
    people = list(db.session.scalars(sa.select(User.id).order_by(User.id)))[2:]
    series = programmes.create_programme(actor=None, kind=ProgrammeKind.CONFERENCE_SERIES,
                                         title="Benchmark conference series", summary="")
    event = events.create_event(actor=None, kind=EventKind.CONFERENCE, title="Benchmark conference",
                                starts_on=date(2031, 10, 4), ends_on=date(2031, 10, 8), timezone="Africa/Maputo",
                                country="MZ", working_languages=["en", "pt"], programme_id=series.id)
    edition = services.add_edition(event, actor=None, number=1)
    tracks = [services.add_track(edition, title, actor=None) for title in TRACKS]
    for label, weight in (("Relevance", "2"), ("Evidence", "1.5"), ("Voices", "1"), ("Clarity", "1")):
        services.add_criterion(edition, label, Decimal(weight), actor=None)
    services.set_call(edition, actor=None, opens_at=datetime(2026, 1, 1, tzinfo=UTC),
                      closes_at=datetime(2030, 1, 1, tzinfo=UTC), contribution_types=[t.value for t in ContributionType],
                      languages=["en", "pt"], reviewers_per_contribution=3)
    pool = rng.sample(people, reviewers)
    emails = dict(db.session.execute(sa.select(User.id, User.email).where(User.id.in_(pool))).all())
    load = contributions * 3 // reviewers + 10
    for user_id in pool:
        picked = [t.id for t in tracks if rng.random() < 0.6]
        services.add_reviewer(edition, emails[user_id], actor=None, track_ids=picked, max_load=load)
    authors = [p for p in people if p not in set(pool)]
    now = datetime.now(UTC)
    rows = [{"edition_id": edition.id, "track_id": rng.choice(tracks).id, "kind": rng.choice(list(ContributionType)),
             "accepted_as": None, "title": f"Contribution {n}", "abstract": "An abstract. " * 30, "language": "en",
             "answers": [], "needs_sponsorship": n % 3 == 0, "sponsored_places": 1 if n % 3 == 0 else 0,
             "travel_estimate": Decimal("1500") if n % 3 == 0 else None, "travel_currency": None,
             "status": ContributionStatus.SUBMITTED, "submitted_by_id": None, "agenda_item_id": None,
             "created_at": now, "updated_at": now} for n in range(contributions)]
    ids = _insert(Contribution, rows)
    author_rows = []
    for cid in ids:
        for position, user_id in enumerate(rng.sample(authors, rng.randint(1, 3))):
            author_rows.append({"contribution_id": cid, "user_id": user_id, "position": position,
                                "presenting": position == 0})
            if position == 0:
                db.session.execute(sa.update(Contribution).where(Contribution.id == cid).values(
                    submitted_by_id=user_id))
    _insert(ContributionAuthor, author_rows)
    # Some reviewers have written with some authors before: co-authorship conflicts to respect.
    for user_id in rng.sample(pool, reviewers // 5):
        _insert(ContributionAuthor, [{"contribution_id": rng.choice(ids), "user_id": user_id, "position": 9,
                                      "presenting": False}])
    return edition.id


def score_most(edition_id: int, share: float = 0.7, seed: int = 7) -> int:
    rng = random.Random(seed)
    criteria = [c.id for c in db.session.get(Edition, edition_id).criteria]
    pairs = db.session.execute(sa.select(ReviewAssignment.contribution_id, ReviewAssignment.reviewer_id)).all()
    rows = [{"contribution_id": cid, "reviewer_id": rid, "criterion_id": criterion, "value": rng.randint(1, 5),
             "comment": "", "updated_at": datetime.now(UTC)}
            for cid, rid in pairs if rng.random() < share for criterion in criteria]
    _insert(ReviewScore, rows)
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--contributions", type=int, default=1000)
    parser.add_argument("--reviewers", type=int, default=100)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        with app.app_context():
            started = time.perf_counter()
            edition_id = prepare(contributions=args.contributions, reviewers=args.reviewers)
            db.session.commit()
            print(f"generated {args.contributions} contributions and {args.reviewers} reviewers "
                  f"in {time.perf_counter() - started:.2f} s")
            edition = db.session.get(Edition, edition_id)
            started = time.perf_counter()
            report = services.assign_automatically(edition, actor=None)
            db.session.commit()
            assigned = time.perf_counter() - started
            print(f"automatic assignment: {report.made} assignments, {len(report.short)} contributions short, "
                  f"in {assigned:.2f} s")
            print(f"scored {score_most(edition_id)} criterion scores")
            db.session.commit()
            timings = []
            for _ in range(args.requests):
                started = time.perf_counter()
                rows = services.review_table(db.session.get(Edition, edition_id))
                timings.append((time.perf_counter() - started) * 1000)
                db.session.expire_all()
            print(f"review table (service): {len(rows)} rows, {sum(r.disagreement for r in rows)} flagged, "
                  f"median {sorted(timings)[len(timings) // 2]:.0f} ms")
        counter = QueryCounter()
        with app.app_context():
            sa.event.listen(db.engine, "before_cursor_execute", counter)
        with app.test_client() as client:
            log_in(client, BENCH_SECRETARIAT_EMAIL)
            result = measure(client, counter, "secretariat", f"/editions/{edition_id}/review", args.requests)
        print(f"\n{args.requests} requests after one warm-up; times in milliseconds")
        print(f"{'visitor':<12} {'path':<22} {'status':>7} {'median':>9} {'p95':>9} {'queries':>8}")
        print(result.line())


if __name__ == "__main__":
    main()
