"""Proceedings at scale: builds one large event and times its PDF. Not a test; run it by hand.

    .venv/bin/python bench/bench_proceedings.py
    .venv/bin/python bench/bench_proceedings.py --participants 5000 --items 600 --commitments 3000

The event (2,000 confirmed participants, most of them consenting to be listed, 300 agenda
items over 4 days in 3 rooms, 1,000 commitments with progress reports) goes into a
temporary SQLite database migrated to head, by bulk inserts. ``fill_large_event`` also
serves the tests, inside an app context.
"""
import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from bench.generate import COUNTRIES, NAMES, build_app
from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import User
from dialogues.agenda.enums import ItemKind, ItemRole
from dialogues.agenda.models import AgendaItem, AgendaItemPerson
from dialogues.commitments.enums import ActionKind, CommitmentVisibility, Level, ProgressStatus, ReviewStatus
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.core.enums import Visibility
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration

ROOMS = ("Plenary hall", "Room Limpopo", "Room Zambezi")


def _insert(model, rows: list[dict]) -> list[int]:
    stmt = sa.insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(stmt, rows, execution_options={"render_nulls": True}))


def fill_large_event(event_id: int, *, participants: int = 2000, items: int = 300, commitments: int = 1000,
                     days: int = 4, seed: int = 1) -> None:
    """Fill the event ``event_id`` by bulk inserts (inside an app context; the caller commits)."""
    rng = random.Random(seed)
    event = db.session.get(Event, event_id)
    groups = list(StakeholderGroup)
    people = []
    for n in range(participants):
        country = rng.choice(COUNTRIES)
        given, family = NAMES[country.names]
        people.append({"email": f"large.{event_id}.{n}@example.org", "name": f"{rng.choice(given)} {rng.choice(family)}",
                       "password_hash": None, "country": country.code, "languages": list(country.languages[:1])})
    user_ids = _insert(User, people)
    db.session.execute(sa.insert(Registration), [
        {"event_id": event_id, "user_id": user_id, "status": RegistrationStatus.CONFIRMED,
         "stakeholder_group": rng.choice(groups) if rng.random() < 0.95 else None,
         "organisation_name": f"Organisation {rng.randint(1, 300)} of {person['country']}",
         "country": person["country"], "languages": person["languages"], "listed": rng.random() < 0.85}
        for user_id, person in zip(user_ids, people)
    ], execution_options={"render_nulls": True})

    zone = event.timezone
    per_room = -(-items // (days * len(ROOMS)))
    item_rows = []
    for n in range(items):
        day, rest = divmod(n, per_room * len(ROOMS))
        room, slot = divmod(rest, per_room)
        local = datetime.combine(event.starts_on + timedelta(days=day), datetime.min.time()).replace(
            hour=8, tzinfo=ZoneInfo(zone)) + timedelta(minutes=25 * slot)
        item_rows.append({"event_id": event_id, "title": f"Session {n + 1}: {rng.choice(('licensing', 'mercury', 'finance', 'women in mining', 'traceability'))}",
                          "kind": ItemKind.BREAKOUT if room else ItemKind.PLENARY,
                          "starts_at": local.astimezone(UTC), "ends_at": (local + timedelta(minutes=20)).astimezone(UTC),
                          "location": ROOMS[room], "track": f"Track {room + 1}", "cancelled": n % 37 == 0})
    item_ids = _insert(AgendaItem, item_rows)
    db.session.execute(sa.insert(AgendaItemPerson), [
        {"item_id": item_id, "user_id": rng.choice(user_ids), "role": ItemRole.SPEAKER} for item_id in item_ids
    ])

    outcome_ids = _insert(Outcome, [
        {"event_id": event_id, "kind": kind, "text": f"{kind.label} {n + 1}: miners are heard before licences change.",
         "position": n} for kind in OutcomeKind for n in range(5)
    ])
    commitment_rows = [
        {"owner_id": rng.choice(user_ids), "event_id": event_id, "outcome_id": rng.choice(outcome_ids),
         "title": f"Commitment {n + 1}: train miners in mercury-free processing",
         "due_on": event.ends_on + timedelta(days=rng.randint(30, 900)), "kind": rng.choice(list(ActionKind)),
         "level": rng.choice(list(Level)), "visibility": CommitmentVisibility.PUBLIC,
         "review_status": ReviewStatus.ACCEPTED if rng.random() < 0.9 else ReviewStatus.SUBMITTED}
        for n in range(commitments)
    ]
    commitment_ids = _insert(Commitment, commitment_rows)
    updates = []
    for commitment_id in commitment_ids:
        for k in range(rng.randint(0, 3)):
            status = rng.choice(list(ProgressStatus))
            updates.append({"commitment_id": commitment_id, "reported_on": event.ends_on + timedelta(days=60 * (k + 1)),
                            "status": status, "share_done": 100 if status == ProgressStatus.DONE else rng.choice((0, 25, 50, 75)),
                            "note": "", "evidence_links": []})
    if updates:
        db.session.execute(sa.insert(CommitmentUpdate), updates)


def _profile(generate, top: int) -> None:
    """One generation under cProfile: the costliest functions by their own time and by cumulative time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(generate)
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> None:
    """Build the large event in a temporary database and time its proceedings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--commitments", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1,
                        help="multiply participants, items and commitments (10: the ten-times-larger programme)")
    parser.add_argument("--output", type=Path, help="also write the PDF here, to look at")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile one more generation with cProfile and print its N costliest functions")
    args = parser.parse_args(argv)
    args.participants *= args.scale
    args.items *= args.scale
    args.commitments *= args.scale

    # Imported here so that the module imports cheaply for the tests that use fill_large_event.
    from dialogues.events import services as events
    from dialogues.proceedings import pdf, services

    with tempfile.TemporaryDirectory() as folder:
        app = build_app(f"sqlite:///{folder}/bench.sqlite")
        with app.app_context():
            event = events.create_event(
                actor=None, kind=EventKind.CONFERENCE, title="Annual CASM Conference, Chimoio 2027",
                starts_on=date(2027, 9, 6), ends_on=date(2027, 9, 9), timezone="Africa/Maputo", country="MZ",
                city="Chimoio", venue="Centro de Conferências", working_languages=["pt", "en"],
                visibility=Visibility.PUBLIC)
            started = time.perf_counter()
            fill_large_event(event.id, participants=args.participants, items=args.items, commitments=args.commitments)
            db.session.commit()
            print(f"data inserted in {time.perf_counter() - started:.2f} s")
            event_id = event.id
            fonts = pdf.fonts_from(app.config)

            def generate() -> bytes:
                db.session.expire_all()
                return pdf.event_pdf(services.event_proceedings(db.session.get(Event, event_id)), fonts)

            timings, cpu_timings, gather_timings = [], [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                data = services.event_proceedings(db.session.get(Event, event_id))
                gather_timings.append(time.perf_counter() - started)
                started, cpu = time.perf_counter(), time.process_time()
                document = generate()
                timings.append(time.perf_counter() - started)
                cpu_timings.append(time.process_time() - cpu)
            if args.profile:
                _profile(generate, args.profile)
            tracemalloc.start()
            generate()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            if args.output:
                args.output.write_bytes(document)
            pages = document.count(b"/Type /Page\n") or document.count(b"/Type /Page")
            print(f"participants {args.participants}, agenda items {args.items}, commitments {args.commitments}")
            print(f"PDF: {len(document) / 1024:.0f} KiB, about {pages} pages; "
                  f"{sum(len(g.people) for g in data.participants)} participants listed")
            print(f"gathering (queries): median {statistics.median(gather_timings):.3f} s")
            print(f"generation (queries + PDF): median of {args.runs} {statistics.median(timings):.2f} s "
                  f"(runs: {', '.join(f'{t:.2f}' for t in timings)}); "
                  f"CPU time median {statistics.median(cpu_timings):.2f} s")
            print(f"peak memory during one generation (tracemalloc): {peak / 2**20:.1f} MiB")
            print(f"process peak RSS (getrusage maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
