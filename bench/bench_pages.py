"""Time the public pages on large synthetic data and count their SQL queries. Not a test.

    .venv/bin/python bench/bench_pages.py [--database-url URL] [--people N --events N --requests N]

Without --database-url the data goes into a temporary SQLite file that is removed
afterwards. A database that already holds generated data is reused as it is.
"""
import argparse
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    # Run as ``python bench/bench_pages.py``: the project root is not on the path.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from bench.generate import BENCH_CONVENER_EMAIL, BENCH_PASSWORD, BENCH_SECRETARIAT_EMAIL, build_app, generate
from dialogues.accounts.models import User
from dialogues.core.enums import Visibility
from dialogues.events.models import Event
from dialogues.extensions import db


@dataclass
class QueryCounter:
    """Counts statements sent to the database, via a before_cursor_execute listener."""

    count: int = 0

    def __call__(self, *_args) -> None:
        self.count += 1


@dataclass
class Result:
    visitor: str
    path: str
    statuses: set[int]
    milliseconds: list[float]
    queries: list[int]
    error: str | None = None

    def line(self) -> str:
        if self.error:
            return f"{self.visitor:<12} {self.path:<22} error: {self.error}"
        ms = sorted(self.milliseconds)
        p95 = statistics.quantiles(ms, n=20, method="inclusive")[-1] if len(ms) > 1 else ms[0]
        low, high = min(self.queries), max(self.queries)
        queries = str(low) if low == high else f"{low}-{high}"
        statuses = ",".join(str(s) for s in sorted(self.statuses))
        return f"{self.visitor:<12} {self.path:<22} {statuses:>7} {statistics.median(ms):>9.1f} {p95:>9.1f} {queries:>8}"


def prepare(app: Flask, *, people: int, events: int) -> None:
    """Generate the data unless this database already holds it."""
    with app.app_context():
        if db.session.scalar(sa.select(User.id).where(User.email == BENCH_SECRETARIAT_EMAIL)) is None:
            started = time.perf_counter()
            counts = generate(people=people, events=events)
            db.session.commit()
            print(f"generated {counts} in {time.perf_counter() - started:.2f} s")
        else:
            print("reusing the data already in this database")


def sample_event_id(app: Flask) -> int:
    """A public event with a programme, in the middle of the list: a typical event page."""
    with app.app_context():
        ids = db.session.scalars(
            sa.select(Event.id)
            .where(Event.visibility == Visibility.PUBLIC, Event.programme_id.is_not(None))
            .order_by(Event.starts_on)
        ).all()
        return ids[len(ids) // 2]


def log_in(client: FlaskClient, email: str) -> None:
    response = client.post("/login", data={"email": email, "password": BENCH_PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"logging in as {email} gave {response.status_code}, not a redirect")


def measure(client: FlaskClient, counter: QueryCounter, visitor: str, path: str, requests: int) -> Result:
    """Request ``path`` once to warm up, then ``requests`` times, timing each and counting its queries."""
    result = Result(visitor, path, set(), [], [])
    try:
        client.get(path)
        for _ in range(requests):
            counter.count = 0
            started = time.perf_counter()
            response = client.get(path)
            result.milliseconds.append((time.perf_counter() - started) * 1000)
            result.queries.append(counter.count)
            result.statuses.add(response.status_code)
    except Exception as error:  # noqa: BLE001 - pages still being written must not stop the others
        result.error = f"{type(error).__name__}: {error}"
        traceback.print_exc(limit=1, file=sys.stderr)
    return result


def run(database_url: str, *, people: int, events: int, requests: int) -> list[Result]:
    app = build_app(database_url)
    prepare(app, people=people, events=events)
    event_id = sample_event_id(app)
    counter = QueryCounter()
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", counter)
    # No application context stays open from here on, so each request gets a fresh session
    # as it would in production.
    paths = ["/", "/events", "/events?when=past", f"/events/{event_id}"]
    results = []
    for visitor, email in (("anonymous", None), ("secretariat", BENCH_SECRETARIAT_EMAIL),
                           ("convener", BENCH_CONVENER_EMAIL)):
        with app.test_client() as client:
            if email:
                log_in(client, email)
            results += [measure(client, counter, visitor, path, requests) for path in paths]
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        results = run(url, people=args.people, events=args.events, requests=args.requests)
    print(f"\n{args.requests} requests per page after one warm-up; times in milliseconds")
    print(f"{'visitor':<12} {'path':<22} {'status':>7} {'median':>9} {'p95':>9} {'queries':>8}")
    for result in results:
        print(result.line())


if __name__ == "__main__":
    main()
