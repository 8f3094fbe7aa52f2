"""Time a large conference's agenda page, its .ics export and a personal feed, and count their SQL queries. Not a test.

    .venv/bin/python bench/bench_agenda.py [--database-url URL] [--items N --rooms N --participants N --requests N]

Without --database-url the data goes into a temporary SQLite file that is removed
afterwards. A database that already holds the benchmark conference is reused as it is.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    # Run as ``python bench/bench_agenda.py``: the project root is not on the path.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa
from flask import Flask

from bench.bench_pages import QueryCounter, Result, measure
from bench.conference import CONFERENCE_TITLE, generate_conference
from bench.generate import build_app
from dialogues.accounts.models import User
from dialogues.agenda import services
from dialogues.agenda.models import AgendaItemPerson
from dialogues.events.models import Event
from dialogues.extensions import db


def prepare(app: Flask, *, items: int, rooms: int, participants: int) -> tuple[int, str]:
    """The conference's id and the feed token of its busiest speaker, generating the data if needed."""
    with app.app_context():
        event_id = db.session.scalar(sa.select(Event.id).where(Event.title == CONFERENCE_TITLE))
        if event_id is None:
            started = time.perf_counter()
            event_id = generate_conference(items=items, rooms=rooms, participants=participants)
            db.session.commit()
            print(f"generated the conference ({items} items, {rooms} rooms, {participants} confirmed) "
                  f"in {time.perf_counter() - started:.2f} s")
        else:
            print("reusing the conference already in this database")
        speaker_id = db.session.scalar(
            sa.select(AgendaItemPerson.user_id).group_by(AgendaItemPerson.user_id)
            .order_by(sa.func.count().desc(), AgendaItemPerson.user_id).limit(1)
        )
        token = services.feed_of(db.session.get(User, speaker_id)).token
        db.session.commit()
        return event_id, token


def run(database_url: str, *, items: int, rooms: int, participants: int, requests: int) -> list[Result]:
    app = build_app(database_url)
    event_id, token = prepare(app, items=items, rooms=rooms, participants=participants)
    counter = QueryCounter()
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", counter)
    paths = [f"/events/{event_id}/agenda", f"/events/{event_id}/agenda.ics", f"/calendar/feeds/{token}.ics"]
    with app.test_client() as client:
        return [measure(client, counter, "anonymous", path, requests) for path in paths]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--rooms", type=int, default=3)
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        results = run(url, items=args.items, rooms=args.rooms, participants=args.participants,
                      requests=args.requests)
    print(f"\n{args.requests} requests per page after one warm-up; times in milliseconds")
    print(f"{'visitor':<12} {'path':<22} {'status':>7} {'median':>9} {'p95':>9} {'queries':>8}")
    for result in results:
        print(result.line())


if __name__ == "__main__":
    main()
