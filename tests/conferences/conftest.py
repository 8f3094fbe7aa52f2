"""A conference series with one edition, an open call, tracks, criteria and a reviewer pool."""
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from dialogues.accounts import services as accounts
from dialogues.accounts.enums import OrganisationKind
from dialogues.accounts.models import User
from dialogues.conferences import services
from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.programmes import services as programmes
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme
from tests.proceedings.conftest import pdf_text, qpdf_check  # noqa: F401  (fixtures)

OPENS = datetime(2026, 1, 1, tzinfo=UTC)
CLOSES = datetime(2030, 12, 31, 21, 59, tzinfo=UTC)  # 23:59 in Maputo
NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)

CONTRIBUTION = {
    "kind": "talk", "title": "Licensing artisanal gold in Manica",
    "abstract": "How three cooperatives obtained mining passes, and what it cost them.",
    "language": "pt", "answers": ["Miners and district officials."],
    "needs_sponsorship": True, "sponsored_places": 2, "travel_estimate": Decimal("1800.00"),
}


@dataclass
class Conference:
    series_id: int
    edition_id: int
    event_id: int
    track_ids: dict
    criterion_ids: list
    convener: object
    author: object
    reviewers: list  # four reviewers, the first of the author's own organisation
    outsider: object
    secretariat: object


def organise(user_id: int, name: str) -> None:
    user = db.session.get(User, user_id)
    user.organisation = accounts.find_or_create_organisation(name, OrganisationKind.RESEARCH, "MZ")


@pytest.fixture
def conference(app, make_user) -> Conference:
    with app.app_context():
        series = programmes.create_programme(actor=None, kind=ProgrammeKind.CONFERENCE_SERIES,
                                             title="Annual CASM conference", summary="")
        event = events.create_event(actor=None, kind=EventKind.CONFERENCE, title="Annual CASM Conference, Chimoio",
                                    starts_on=date(2031, 10, 4), ends_on=date(2031, 10, 8),
                                    timezone="Africa/Maputo", city="Chimoio", country="MZ",
                                    working_languages=["en", "pt"], programme_id=series.id, sponsored_places=10)
        edition = services.add_edition(event, actor=None, number=10, host_city="Chimoio", host_country="MZ",
                                       host_organisations=["Direcção Provincial de Recursos Minerais de Manica"],
                                       theme="From informal pits to licensed cooperatives",
                                       travel_cap=Decimal("20000.00"), cap_currency="USD")
        tracks = {t: services.add_track(edition, t, actor=None).id for t in ("formalisation", "mercury")}
        criteria = [services.add_criterion(edition, label, Decimal(w), actor=None).id
                    for label, w in (("Relevance", "2"), ("Evidence", "1"))]
        services.set_call(edition, actor=None, opens_at=OPENS, closes_at=CLOSES,
                          contribution_types=["talk", "panel", "poster", "field_visit", "country_case_study"],
                          languages=["en", "pt"], questions=["Who should hear this?"], reviewers_per_contribution=2)
        db.session.commit()
        ids = (series.id, edition.id, event.id, tracks, criteria)
    convener = make_user("convener@example.org", "Chidi Convener", roles=[])
    author = make_user("author@example.org", "João Muianga")
    reviewers = [make_user(f"reviewer{n}@example.org", f"Reviewer {n}") for n in range(1, 5)]
    outsider = make_user("outsider@example.org", "Olga Outsider")
    secretariat = make_user("secretariat@example.org", "Sam Secretariat", roles=[(Role.SECRETARIAT, None)])
    with app.app_context():
        accounts.grant_role(db.session.get(User, convener.id), Role.CONVENER,
                            programme=db.session.get(Programme, ids[0]), actor=None)
        organise(author.id, "Universidade Católica de Moçambique")
        organise(reviewers[0].id, "Universidade Católica de Moçambique")
        for n, reviewer in enumerate(reviewers[1:], start=2):
            organise(reviewer.id, f"Institute {n}")
        edition = db.session.get(services.Edition, ids[1])
        for reviewer in reviewers:
            services.add_reviewer(edition, reviewer.email, actor=None, max_load=10)
        db.session.commit()
    return Conference(*ids, convener=convener, author=author, reviewers=reviewers, outsider=outsider,
                      secretariat=secretariat)


@pytest.fixture
def submit(app, conference):
    """Submit a contribution as ``author`` (default the conference's author); returns its id."""

    def make(author=None, *, co_authors=(), now=NOW, **overrides):
        with app.app_context():
            edition = db.session.get(services.Edition, conference.edition_id)
            actor = db.session.get(User, (author or conference.author).id)
            fields = CONTRIBUTION | {"track_id": conference.track_ids["formalisation"]} | overrides
            contribution = services.submit(edition, actor=actor, now=now, co_authors=co_authors, **fields)
            db.session.commit()
            return contribution.id

    return make
