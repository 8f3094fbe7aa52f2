"""A large conference for agenda benchmarks: 4 days, 300 agenda items in 3 rooms, 2,000 confirmed people.

From Python, inside an app context on a migrated database (with or without ``generate()``'s
data already in it), then commit:

    event_id = generate_conference(items=300, rooms=3, participants=2000)
"""
import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from werkzeug.security import generate_password_hash

from bench.generate import BENCH_PASSWORD, _insert, _user_rows
from dialogues.accounts.models import User
from dialogues.agenda.enums import ItemKind, ItemRole
from dialogues.agenda.models import AgendaItem, AgendaItemPerson
from dialogues.core.enums import Visibility
from dialogues.events.enums import EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration

CONFERENCE_TITLE = "Benchmark conference: CASM Chimoio"
DAYS = 4
ZONE = "Africa/Maputo"
# Sessions run 08:00 to 18:00 local time; each room's day is cut into equal slots.
DAY_START, DAY_END = time(8), time(18)


def generate_conference(*, items: int = 300, rooms: int = 3, participants: int = 2000, seed: int = 1) -> int:
    """Insert the conference and its people in a few bulk statements; return the event's id (caller commits)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    starts_on = date(now.year + 1, 10, 4)
    password_hash = generate_password_hash(BENCH_PASSWORD, method=current_app.config["PASSWORD_HASH_METHOD"])
    rows = _user_rows(rng, participants, password_hash, {})
    taken = set(db.session.scalars(sa.select(User.email)))
    for n, row in enumerate(rows):
        # Emails must be unique when generate() has already filled the same database.
        row["email"] = f"conference.{n}.{row['email']}" if row["email"] in taken else row["email"]
        row["password_hash"] = password_hash
        row["active"] = True
    user_ids = _insert(User, rows)

    [event_id] = _insert(Event, [{
        "kind": EventKind.CONFERENCE, "title": CONFERENCE_TITLE, "summary": "Synthetic data for benchmarks.",
        "starts_on": starts_on, "ends_on": starts_on + timedelta(days=DAYS - 1), "timezone": ZONE,
        "venue": "Centro Cultural de Chimoio", "city": "Chimoio", "country": "MZ", "working_languages": ["en", "pt"],
        "visibility": Visibility.PUBLIC, "status": EventStatus.OPEN, "capacity": participants, "sequence": 0,
        "created_at": now, "updated_at": now,
    }])

    tz = ZoneInfo(ZONE)
    per_room_day = max(1, -(-items // (rooms * DAYS)))
    slot = (datetime.combine(starts_on, DAY_END) - datetime.combine(starts_on, DAY_START)) / per_room_day
    item_rows = []
    for n in range(items):
        room, rest = n % rooms, n // rooms
        day, index = divmod(rest, per_room_day)
        start = datetime.combine(starts_on + timedelta(days=day % DAYS), DAY_START, tzinfo=tz) + slot * index
        item_rows.append({
            "event_id": event_id, "title": f"Session {n + 1}: {rng.choice(TOPICS)}", "description": "",
            "kind": ItemKind.BREAKOUT if rooms > 1 else ItemKind.PLENARY,
            "starts_at": start.astimezone(UTC), "ends_at": (start + slot).astimezone(UTC),
            "location": f"Room {room + 1}", "track": f"Room {room + 1}", "language_note": "English and Portuguese",
            "latitude": None, "longitude": None, "cancelled": False, "sequence": 0,
            "created_at": now, "updated_at": now,
        })
    item_ids = _insert(AgendaItem, item_rows)
    people = []
    for item_id in item_ids:
        speakers = rng.sample(user_ids, 2)
        people += [{"item_id": item_id, "user_id": uid, "role": ItemRole.SPEAKER} for uid in speakers]
        people.append({"item_id": item_id, "user_id": rng.choice(user_ids), "role": ItemRole.FACILITATOR})
    # One person speaks in many sessions, so a personal feed has something to carry.
    people += [{"item_id": item_id, "user_id": user_ids[0], "role": ItemRole.SPEAKER} for item_id in item_ids[::10]]
    people = list({(p["item_id"], p["user_id"], p["role"]): p for p in people}.values())
    db.session.execute(sa.insert(AgendaItemPerson), people)
    db.session.execute(sa.insert(Registration), [
        {"event_id": event_id, "user_id": uid, "status": RegistrationStatus.CONFIRMED, "organisation_name": "",
         "languages": [], "interpretation_needs": "", "access_needs": "", "dietary_needs": "",
         "visa_letter_needed": False, "listed": False, "confirmed_at": now, "created_at": now, "updated_at": now}
        for uid in user_ids
    ])
    return event_id


TOPICS = (
    "licensing for artisanal miners", "mercury-free processing", "women in artisanal gold", "traceability",
    "finance for small-scale miners", "land rights and the mining cadastre", "health and safety in pits",
    "cooperatives and associations", "gold buyers and export", "environmental rehabilitation",
)
