"""Large synthetic data at realistic scale, for benchmarks. The app never imports this.

As a script, it migrates the database at ``--database-url`` and fills it:

    .venv/bin/python bench/generate.py --database-url sqlite:////tmp/bench.sqlite --people 2000

From Python (tests, other benchmarks), call ``generate()`` inside an app context on an
empty, migrated database, then commit.
"""
import argparse
import random
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    # Run as ``python bench/generate.py``: the project root, where config.py lives, is not on the path.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa
from flask import Flask, current_app
from flask_migrate import upgrade
from werkzeug.security import generate_password_hash

from config import Config
from dialogues import create_app
from dialogues.accounts.enums import ORGANISATION_KIND_FOR_GROUP, Gender, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import Organisation, RoleGrant, User
from dialogues.core.enums import Visibility
from dialogues.events.enums import EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme

BENCH_PASSWORD = "bench-password"
BENCH_SECRETARIAT_EMAIL = "bench-secretariat@example.org"
BENCH_CONVENER_EMAIL = "bench-convener@example.org"


class BenchConfig(Config):
    """A benchmark's own database, without CSRF or rate limits so that it can log in by posting."""

    ENV_NAME = "bench"
    SECRET_KEY = "bench-secret-key-not-for-production"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False

    def __init__(self, database_url: str) -> None:
        super().__init__()
        self.SQLALCHEMY_DATABASE_URI = database_url


@dataclass(frozen=True)
class Country:
    code: str
    timezone: str
    cities: tuple[str, ...]
    languages: tuple[str, ...]
    names: str  # key into NAMES
    weight: int  # how many of the people come from here, relatively


COUNTRIES: tuple[Country, ...] = (
    Country("MZ", "Africa/Maputo", ("Maputo", "Chimoio", "Manica", "Tete", "Nampula"), ("pt", "ndc", "sn"), "lusophone", 10),
    Country("TZ", "Africa/Dar_es_Salaam", ("Dar es Salaam", "Geita", "Mwanza", "Arusha", "Chunya"), ("sw", "en"), "swahili", 10),
    Country("GH", "Africa/Accra", ("Accra", "Tarkwa", "Obuasi", "Kumasi"), ("en", "ak"), "ghanaian", 8),
    Country("BF", "Africa/Ouagadougou", ("Ouagadougou", "Bobo-Dioulasso", "Kaya"), ("fr", "mos"), "west_african", 6),
    Country("ML", "Africa/Bamako", ("Bamako", "Kéniéba", "Sikasso"), ("fr", "bm"), "west_african", 5),
    Country("CD", "Africa/Lubumbashi", ("Bukavu", "Goma", "Lubumbashi", "Kolwezi"), ("fr", "sw", "ln"), "congolese", 8),
    Country("PE", "America/Lima", ("Lima", "Puerto Maldonado", "Arequipa", "Puno"), ("es", "qu"), "andean", 8),
    Country("BO", "America/La_Paz", ("La Paz", "Potosí", "Oruro"), ("es", "qu", "ay"), "andean", 5),
    Country("CO", "America/Bogota", ("Bogotá", "Medellín", "Segovia"), ("es",), "hispanic", 5),
    Country("EC", "America/Guayaquil", ("Quito", "Zaruma", "Portovelo"), ("es",), "hispanic", 4),
    Country("BR", "America/Sao_Paulo", ("Belo Horizonte", "Brasília", "São Paulo"), ("pt",), "lusophone", 4),
    Country("MN", "Asia/Ulaanbaatar", ("Ulaanbaatar", "Bayankhongor", "Zaamar"), ("mn", "ru"), "mongolian", 5),
    Country("VN", "Asia/Ho_Chi_Minh", ("Hà Nội", "Thái Nguyên", "Quảng Nam"), ("vi",), "vietnamese", 3),
    Country("PH", "Asia/Manila", ("Manila", "Baguio", "Davao"), ("tl", "en"), "filipino", 4),
    Country("GB", "Europe/London", ("London", "Edinburgh"), ("en",), "british", 4),
    Country("DK", "Europe/Copenhagen", ("Copenhagen",), ("da", "en"), "danish", 2),
    Country("PL", "Europe/Warsaw", ("Warsaw", "Kraków"), ("pl", "en"), "polish", 2),
    Country("TR", "Europe/Istanbul", ("Istanbul", "Ankara"), ("tr", "en"), "turkish", 2),
)

# (given names, family names); the vietnamese and mongolian patterns are built below.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "lusophone": (
        ("João", "Maria", "Lúcia", "António", "Inês", "Sérgio", "Fátima", "Tomás", "Célia", "Armando", "Conceição", "Gonçalo"),
        ("Muianga", "Macuácua", "Nhantumbo", "Sitoe", "Mabunda", "Cossa", "Chaúque", "Tembe", "Guambe", "Araújo", "Gonçalves"),
    ),
    "swahili": (
        ("Ngʼwanza", "Halima", "Emmanuel", "Neema", "Juma", "Rehema", "Baraka", "Zawadi", "Mussa", "Upendo"),
        ("Mwakyusa", "Mwinyi", "Kimaro", "Mushi", "Massawe", "Mollel", "Swai", "Lyimo", "Kombo", "Shirima"),
    ),
    "ghanaian": (
        ("Akosua", "Kwame", "Abena", "Yaw", "Ama", "Kofi", "Efua", "Kwabena", "Adwoa", "Kojo"),
        ("Mensah", "Owusu", "Darko", "Boateng", "Asante", "Appiah", "Ofori", "Amponsah", "Acheampong", "Ansah"),
    ),
    "west_african": (
        ("Zoé", "Amadou", "Aïssata", "Boukary", "Fatoumata", "Issouf", "Mariam", "Séni", "Awa", "Hervé"),
        ("Kaboré", "Ouédraogo", "Traoré", "Sawadogo", "Coulibaly", "Diallo", "Zongo", "Konaté", "Sanou", "Keïta"),
    ),
    "congolese": (
        ("Espérance", "Jean-Pierre", "Furaha", "Dieudonné", "Béatrice", "Patient", "Mapendo", "Chantal", "Gloire"),
        ("Mwamba", "Kabeya", "Ilunga", "Mukendi", "Tshibangu", "Bahati", "Kasongo", "Mbuyi", "Ngoy"),
    ),
    "andean": (
        ("Ana María", "José Luis", "Ñusta", "Juan Carlos", "Rosa Elvira", "Wilber", "Yolanda", "Edwin", "Maribel", "Teófilo"),
        ("Quispe", "Mamani", "Condori", "Huamán", "Ccori", "Choque", "Flores", "Apaza", "Ticona", "Yupanqui"),
    ),
    "hispanic": (
        ("Luis Fernando", "Catalina", "Andrés", "Valentina", "Jhon Jairo", "Mónica", "Sebastián", "Paola"),
        ("Ramírez", "Ortiz", "Gómez", "Muñoz", "Peña", "Zúñiga", "Londoño", "Córdoba"),
    ),
    "mongolian": (
        ("Batbayar", "Оюунчимэг", "Gantulga", "Enkhjargal", "Сарантуяа", "Tömörbaatar", "Narantsetseg", "Bold"),
        ("Tsogtbaatar", "Батсүх", "Erdenebat", "Dorjsüren", "Ганбаатар", "Lkhagvasüren"),
    ),
    "vietnamese": (
        ("Hương", "Lan", "Hùng", "Dũng", "Thảo", "Phương", "Quân", "Ngọc"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Hoàng"),
    ),
    "filipino": (
        ("Maricel", "Rodel", "Jocelyn", "Ramil", "Ligaya", "Danilo"),
        ("dela Cruz", "Santos", "Bautista", "Magbanua", "Villanueva", "Dimaculangan"),
    ),
    "british": (
        ("Siobhán", "Fiona", "Gareth", "Priya", "Oliver", "Niamh"),
        ("Ní Bhriain", "MacLeod", "Hughes", "Patel", "O'Connor", "Pritchard"),
    ),
    "danish": (("Søren", "Mette", "Jørgen", "Åse"), ("Østergaard", "Kjær", "Møller", "Sørensen")),
    "polish": (("Zofia", "Łukasz", "Małgorzata", "Paweł"), ("Wiśniewska", "Wójcik", "Dąbrowska", "Żukowski")),
    "turkish": (("Ayşe", "Mehmet", "Çağrı", "Gülşen"), ("Yılmaz", "Öztürk", "Şahin", "Doğan")),
}

ORGANISATION_TEMPLATES: dict[OrganisationKind, tuple[str, ...]] = {
    OrganisationKind.GOVERNMENT: ("Directorate of Mines, {city}", "Mining Cadastre Office, {city}", "District Council of {city}"),
    OrganisationKind.ASM_ASSOCIATION: ("{city} Small-scale Miners' Association", "Cooperative of {city} Gold Miners", "{city} Women Miners' Network"),
    OrganisationKind.MINING_COMPANY: ("{city} Gold Mining Ltd", "{city} Minerals", "Southern {city} Resources"),
    OrganisationKind.CIVIL_SOCIETY: ("{city} Centre for Mining Communities", "Friends of {city} Rivers", "{city} Legal Aid for Miners"),
    OrganisationKind.DONOR: ("Development Cooperation Office, {city}", "{city} Mining Fund"),
    OrganisationKind.RESEARCH: ("{city} Institute of Mining Studies", "University of {city}, Department of Geology"),
    OrganisationKind.TRADER: ("{city} Gold Buyers", "{city} Precious Metals Trading"),
    OrganisationKind.OTHER: ("{city} Radio", "{city} Community Forum"),
}

ORGANISATION_KIND_WEIGHTS = {
    OrganisationKind.GOVERNMENT: 15, OrganisationKind.ASM_ASSOCIATION: 30, OrganisationKind.MINING_COMPANY: 8,
    OrganisationKind.CIVIL_SOCIETY: 18, OrganisationKind.DONOR: 5, OrganisationKind.RESEARCH: 10,
    OrganisationKind.TRADER: 8, OrganisationKind.OTHER: 6,
}

# None stands for a profile the person has not filled in.
STAKEHOLDER_GROUP_WEIGHTS: dict[StakeholderGroup | None, int] = {
    StakeholderGroup.GOVERNMENT: 14, StakeholderGroup.ASM: 24, StakeholderGroup.INDUSTRY: 7,
    StakeholderGroup.CIVIL_SOCIETY: 14, StakeholderGroup.DONOR: 5, StakeholderGroup.RESEARCH: 9,
    StakeholderGroup.TRADER: 6, StakeholderGroup.INDIGENOUS_PEOPLES: 5, StakeholderGroup.LOCAL_COMMUNITY: 7,
    StakeholderGroup.OTHER: 3, None: 6,
}


GENDER_WEIGHTS: dict[Gender | None, int] = {
    Gender.WOMAN: 45, Gender.MAN: 45, Gender.SELF_DESCRIBED: 2, Gender.PREFER_NOT_TO_SAY: 4, None: 4,
}

TOPICS = (
    "licensing and cadastre", "mercury-free processing", "access to finance", "women in mining",
    "child labour", "land rights and conflict", "traceability and due diligence", "health and safety",
    "revenue sharing with communities", "rehabilitation of mined land", "fair gold markets",
)

# (kind, days, sponsored participants) for each programme kind; from the TFD and FGLG figures.
EVENT_SHAPES: dict[ProgrammeKind | None, tuple[tuple[EventKind, int, int], ...]] = {
    ProgrammeKind.DIALOGUE_INITIATIVE: (
        (EventKind.FIELD_DIALOGUE, 4, 50), (EventKind.NON_FIELD_DIALOGUE, 2, 40), (EventKind.TECHNICAL_WORKSHOP, 2, 10),
    ),
    ProgrammeKind.LEARNING_GROUP: (
        (EventKind.LEARNING_GROUP_MEETING, 2, 15), (EventKind.LEARNING_GROUP_MEETING, 1, 12),
        (EventKind.INTERNATIONAL_LEARNING_EVENT, 4, 40),
    ),
    ProgrammeKind.CONFERENCE_SERIES: ((EventKind.CONFERENCE, 5, 150),),
    None: ((EventKind.OTHER, 1, 20),),
}


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ".".join("".join(c for c in part if c.isalnum()).lower() for part in folded.split() if part.isascii())


def _person_name(rng: random.Random, culture: str) -> str:
    given, family = NAMES[culture]
    if culture == "vietnamese":
        return f"{rng.choice(family)} {rng.choice(('Thị', 'Văn', 'Đức', 'Minh'))} {rng.choice(given)}"
    if culture in ("andean", "hispanic"):
        first, second = rng.sample(family, 2)
        return f"{rng.choice(given)} {first} {second}"
    return f"{rng.choice(given)} {rng.choice(family)}"


def _organisation_rows(rng: random.Random, count: int) -> list[dict]:
    countries = rng.choices(COUNTRIES, weights=[c.weight for c in COUNTRIES], k=count)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    rows = []
    for country in countries:
        kind = _pick(rng, ORGANISATION_KIND_WEIGHTS)
        name = rng.choice(ORGANISATION_TEMPLATES[kind]).format(city=rng.choice(country.cities))
        seen[(name.lower(), country.code)] += 1
        if seen[(name.lower(), country.code)] > 1:
            name = f"{name} {seen[(name.lower(), country.code)]}"
        rows.append({"name": name, "name_key": name.lower(), "kind": kind, "country": country.code})
    return rows


def _user_rows(rng: random.Random, count: int, password_hash: str, organisations: dict) -> list[dict]:
    """``organisations`` maps (country, kind) to organisation ids."""
    countries = rng.choices(COUNTRIES, weights=[c.weight for c in COUNTRIES], k=count)
    domains = ("example.org", "example.net", "example.com")
    rows = []
    for n, country in enumerate(countries, start=1):
        name = _person_name(rng, country.names)
        group = _pick(rng, STAKEHOLDER_GROUP_WEIGHTS)
        filled_in = group is not None
        gender = _pick(rng, GENDER_WEIGHTS) if filled_in else None
        kind = ORGANISATION_KIND_FOR_GROUP.get(group, OrganisationKind.OTHER)
        candidates = organisations.get((country.code, kind), [])
        spoken = rng.sample(country.languages, rng.randint(1, len(country.languages)))
        if rng.random() < 0.4 and "en" not in spoken:
            spoken.append("en")
        if rng.random() < 0.15 and "fr" not in spoken:
            spoken.append("fr")
        rows.append({
            "email": f"{_ascii_slug(name) or 'person'}.{n}@{domains[n % 3]}",
            # About a third have been invited but not yet set a password.
            "password_hash": password_hash if rng.random() < 0.65 else None,
            "name": name,
            "preferred_language": spoken[0] if len(spoken[0]) == 2 else "en",
            "active": rng.random() > 0.02,
            "country": country.code if filled_in else None,
            "organisation_id": rng.choice(candidates) if filled_in and candidates and rng.random() < 0.85 else None,
            "stakeholder_group": group,
            "gender": gender,
            "gender_self_description": rng.choice(("Non-binary", "Agender", "Genderqueer"))
            if gender == Gender.SELF_DESCRIBED else None,
            "languages": spoken if filled_in else [],
        })
    return rows


def _programme_rows() -> list[dict]:
    rows = []
    for title in ("Formalising artisanal and small-scale mining", "Mercury and health in artisanal gold mining",
                  "Women's rights and livelihoods in ASM"):
        rows.append({"kind": ProgrammeKind.DIALOGUE_INITIATIVE, "title": title, "country": None,
                     "summary": f"A dialogue initiative on {title.lower()}.", "visibility": Visibility.PUBLIC})
    for code in ("MZ", "TZ", "GH", "CD", "PE", "MN"):
        rows.append({"kind": ProgrammeKind.LEARNING_GROUP, "title": f"ASM learning group ({code})", "country": code,
                     "summary": "An in-country learning group with a local host organisation.",
                     "visibility": Visibility.PARTICIPANTS if code == "CD" else Visibility.PUBLIC})
    for title in ("Annual CASM conference", "Regional CASM Asia-Pacific meeting"):
        rows.append({"kind": ProgrammeKind.CONFERENCE_SERIES, "title": title, "country": None,
                     "summary": "Numbered annual editions hosted in mining countries.", "visibility": Visibility.PUBLIC})
    return rows


def _event_rows(rng: random.Random, count: int, programmes: list[tuple[int, ProgrammeKind, str | None]],
                today: date) -> list[dict]:
    """``programmes`` are (id, kind, country) triples."""
    by_code = {c.code: c for c in COUNTRIES}
    rows = []
    for n in range(count):
        programme = rng.choice([*programmes, None]) if rng.random() < 0.95 else None
        kind, days, _ = rng.choice(EVENT_SHAPES[programme[1] if programme else None])
        country = by_code.get(programme[2]) if programme and programme[2] else rng.choice(COUNTRIES)
        # Two thirds in the past (back to 2009), the rest over the coming two years.
        if rng.random() < 0.67:
            starts_on = today - timedelta(days=rng.randint(1, 17 * 365))
        else:
            starts_on = today + timedelta(days=rng.randint(0, 2 * 365))
        ends_on = starts_on + timedelta(days=days - 1)
        if ends_on < today:
            status = EventStatus.CANCELLED if rng.random() < 0.04 else EventStatus.HELD
        else:
            status = _pick(rng, {EventStatus.PLANNED: 5, EventStatus.OPEN: 4, EventStatus.CLOSED: 1, EventStatus.CANCELLED: 0.3})
        city = rng.choice(country.cities)
        topic = rng.choice(TOPICS)
        rows.append({
            "kind": kind,
            "title": f"{kind.label}: {topic}, {city} {starts_on.year}",
            "summary": f"A {kind.label.lower()} on {topic} in {city}, with {country.code} stakeholders and invited peers.",
            "starts_on": starts_on,
            "ends_on": ends_on,
            "timezone": country.timezone,
            "venue": rng.choice(("Community hall", "Hotel conference room", "University auditorium", "District council hall")),
            "city": city,
            "country": country.code,
            "working_languages": list(dict.fromkeys([country.languages[0], "en"])),
            "visibility": Visibility.PARTICIPANTS if rng.random() < 0.1 else Visibility.PUBLIC,
            "status": status,
            "programme_id": programme[0] if programme else None,
        })
    return rows


def _insert(model, rows: list[dict]) -> list[int]:
    """Insert ``rows`` in one statement and return their new ids, in order."""
    if not rows:
        return []
    stmt = sa.insert(model).returning(model.id, sort_by_parameter_order=True)
    # Without render_nulls the ORM leaves out None values, splitting the rows into many small batches.
    return list(db.session.scalars(stmt, rows, execution_options={"render_nulls": True}))


def generate(*, people: int = 2000, organisations: int = 300, events: int = 50, seed: int = 1) -> dict[str, int]:
    """Fill an empty, migrated database with synthetic data (inside an app context; the caller commits)."""
    if db.session.scalar(sa.select(User.id).where(User.email == BENCH_SECRETARIAT_EMAIL)) is not None:
        raise RuntimeError("this database already holds generated data")
    rng = random.Random(seed)
    today = datetime.now(UTC).date()
    # One hash for everyone: hashing thousands of passwords would take minutes with scrypt.
    password_hash = generate_password_hash(BENCH_PASSWORD, method=current_app.config["PASSWORD_HASH_METHOD"])

    organisation_rows = _organisation_rows(rng, organisations)
    organisation_ids = _insert(Organisation, organisation_rows)
    by_country_kind: dict[tuple[str, OrganisationKind], list[int]] = defaultdict(list)
    for organisation_id, row in zip(organisation_ids, organisation_rows):
        by_country_kind[(row["country"], row["kind"])].append(organisation_id)

    user_rows = _user_rows(rng, people, password_hash, by_country_kind)
    # The accounts a benchmark logs in with; same columns as the others so they go in one batch.
    bench_accounts = [
        {**user_rows[0], "email": BENCH_SECRETARIAT_EMAIL, "name": "Benchmark Secretariat",
         "password_hash": password_hash, "active": True},
        {**user_rows[0], "email": BENCH_CONVENER_EMAIL, "name": "Benchmark Convener",
         "password_hash": password_hash, "active": True},
    ]
    secretariat_id, convener_id, *people_ids = _insert(User, bench_accounts + user_rows)

    programme_rows = _programme_rows()
    programme_ids = _insert(Programme, programme_rows)
    programmes = [(pid, row["kind"], row["country"]) for pid, row in zip(programme_ids, programme_rows)]
    event_rows = _event_rows(rng, events, programmes, today)
    event_ids = _insert(Event, event_rows)

    grants = [{"user_id": secretariat_id, "role": Role.SECRETARIAT}]
    initiatives = [pid for pid, kind, _ in programmes if kind == ProgrammeKind.DIALOGUE_INITIATIVE]
    grants.append({"user_id": convener_id, "role": Role.CONVENER, "programme_id": initiatives[0]})
    for pid, kind, _ in programmes:
        conveners = 2 if kind == ProgrammeKind.DIALOGUE_INITIATIVE else 1
        grants += [{"user_id": uid, "role": Role.CONVENER, "programme_id": pid} for uid in rng.sample(people_ids, conveners)]
        if kind == ProgrammeKind.DIALOGUE_INITIATIVE:
            grants += [{"user_id": uid, "role": Role.STEERING_COMMITTEE, "programme_id": pid}
                       for uid in rng.sample(people_ids, 8)]
    shapes = {kind: size for options in EVENT_SHAPES.values() for kind, _, size in options}
    for event_id, row in zip(event_ids, event_rows):
        if rng.random() < 0.3:
            grants.append({"user_id": rng.choice(people_ids), "role": Role.HOST, "event_id": event_id})
        size = min(len(people_ids), int(shapes[row["kind"]] * rng.uniform(0.6, 1.0)))
        grants += [{"user_id": uid, "role": Role.PARTICIPANT, "event_id": event_id}
                   for uid in rng.sample(people_ids, size)]
    for grant in grants:
        grant.setdefault("programme_id", None)
        grant.setdefault("event_id", None)
        grant["granted_by_id"] = secretariat_id
    db.session.execute(sa.insert(RoleGrant), grants, execution_options={"render_nulls": True})

    return {
        "organisations": len(organisation_ids),
        "users": len(people_ids) + 2,
        "programmes": len(programme_ids),
        "events": len(event_ids),
        "role_grants": len(grants),
    }


def build_app(database_url: str) -> Flask:
    """The app on ``database_url``, migrated to the latest schema."""
    app = create_app(BenchConfig(database_url))
    with app.app_context():
        upgrade()
    return app


def main(argv: list[str] | None = None) -> None:
    """Migrate the database at --database-url and fill it with synthetic data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="e.g. sqlite:////tmp/bench.sqlite")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    app = build_app(args.database_url)
    with app.app_context():
        started = time.perf_counter()
        counts = generate(people=args.people, organisations=args.organisations, events=args.events, seed=args.seed)
        db.session.commit()
        elapsed = time.perf_counter() - started
    for name, count in counts.items():
        print(f"{name:<14} {count:>7}")
    print(f"generated in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
