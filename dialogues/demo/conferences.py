"""Demo CASM editions: the 8th (Brazil) and 9th (Maputo 2009) as past editions, and the coming
Chimoio edition with an open call, four tracks, 30 submissions, a reviewer pool, reviews with
a few disagreements, and conflicts of interest of every kind our data can show."""
import logging
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.accounts.services import create_user, grant_role, update_profile, user_by_email
from dialogues.conferences import services as conferences
from dialogues.conferences.enums import Decision
from dialogues.conferences.models import Contribution, Edition, ReviewAssignment
from dialogues.events.enums import EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.events.services import create_event
from dialogues.extensions import db
from dialogues.permissions import Role

logger = logging.getLogger(__name__)

SERIES = "Annual CASM conference"
BRAZIL = "8th Annual CASM Conference, Brazil 2008"
MAPUTO = "9th Annual CASM Conference, Maputo 2009"
CHIMOIO = "Annual CASM Conference, Chimoio 2027"
REVIEWER_EMAIL = "reviewer@example.org"

TRACKS = (
    ("formalisation", "Licences, cadastres and cooperatives that miners can actually use."),
    ("mercury", "Mercury-free processing and the Minamata Convention's national action plans."),
    ("gender", "Women in artisanal mining: access to sites, money and decisions."),
    ("markets", "Fair prices, responsible gold buying and access to finance."),
)
CRITERIA = (
    ("Relevance to ASM policy", "2", "Does it speak to a choice governments, miners or buyers face now?"),
    ("Evidence from the field", "1.5", "Is it grounded in what happens at mining sites?"),
    ("Miners' voices", "1", "Are artisanal miners among the authors or clearly heard?"),
    ("Clarity", "1", "Will a mixed audience follow it, with interpretation?"),
)
# (email, tracks they review (empty: any), most contributions)
REVIEWERS = (
    (REVIEWER_EMAIL, (), 12),
    ("siobhan.nibhriain@example.com", (), 12),
    ("dang.thi.huong@example.org", ("mercury", "gender"), 10),
    ("tsiry.rakotomalala@example.net", ("markets", "mercury"), 10),
    ("zofia.wisniewska@example.com", (), 12),
    ("yaw.darko@example.org", ("formalisation",), 10),
    ("halima.mwinyi@example.org", ("formalisation", "gender"), 10),
    ("esperance.mwamba@example.net", (), 10),
)


@dataclass(frozen=True)
class DemoSubmission:
    track: str
    kind: str
    language: str
    submitter: str
    co_author: str | None
    title: str
    places: int = 0  # sponsored places asked for; 0: no sponsorship needed
    travel: str | None = None


SUBMISSIONS = (
    DemoSubmission("formalisation", "country_case_study", "pt", "joao.muianga@example.org", "lucia.mabunda@example.org",
                   "Manica's mining passes: three cooperatives, three years", 2, "2400"),
    DemoSubmission("formalisation", "talk", "es", "participant@example.org", None,
                   "Del socavón a la cooperativa: formalización en Madre de Dios", 1, "3100"),
    DemoSubmission("formalisation", "panel", "en", "host@example.org", "joao.muianga@example.org",
                   "Provincial mining offices and miners at one table"),
    DemoSubmission("formalisation", "talk", "en", "kwame.asante@example.org", None,
                   "Small-scale licences in Tarkwa: what the backlog costs", 1, "1900"),
    DemoSubmission("formalisation", "talk", "sw", "emmanuel.kimaro@example.org", "halima.mwinyi@example.org",
                   "Leseni za wachimbaji wadogo Geita: mafanikio na changamoto", 2, "1500"),
    DemoSubmission("formalisation", "country_case_study", "en", "batbayar.tsogtbaatar@example.org", None,
                   "Ninja miners into partnerships: Mongolia's formalisation law ten years on", 1, "4200"),
    DemoSubmission("formalisation", "talk", "es", "jose.huaman@example.net", None,
                   "El REINFO: registro, plazos y lo que falta"),
    DemoSubmission("formalisation", "field_visit", "pt", "lucia.mabunda@example.org", None,
                   "Visita a uma mina licenciada em Manica", 1, "300"),
    DemoSubmission("mercury", "talk", "en", "oyunchimeg.batsukh@example.org", None,
                   "Mercury-free gravity concentration in Bayankhongor", 1, "3900"),
    DemoSubmission("mercury", "poster", "pt", "joao.muianga@example.org", None,
                   "Retortas artesanais: um ano de medições", 1, "0"),
    DemoSubmission("mercury", "panel", "en", "gabriel.kowalczyk@example.com", "siobhan.nibhriain@example.com",
                   "Large mines sharing processing plants with small ones"),
    DemoSubmission("mercury", "country_case_study", "fr", "zoe.kabore@example.net", None,
                   "Le mercure dans les sites d'orpaillage du Burkina Faso", 2, "2600"),
    DemoSubmission("mercury", "talk", "es", "nusta.condori@example.net", None,
                   "Agua, mercurio y ayllus en el norte de Potosí", 1, "3300"),
    DemoSubmission("mercury", "field_visit", "en", "host@example.org", None,
                   "Field visit: a processing centre without mercury near Chimoio"),
    DemoSubmission("mercury", "poster", "en", "abena.owusu@example.org", None,
                   "Testing well water near galamsey sites", 1, "2100"),
    DemoSubmission("gender", "talk", "fr", "marie-claire.nzeyimana@example.net", None,
                   "Les femmes dans les mines artisanales des Grands Lacs", 1, "2300"),
    DemoSubmission("gender", "panel", "pt", "lucia.mabunda@example.org", "joao.muianga@example.org",
                   "Mulheres mineiras de Manica falam por si", 3, "900"),
    DemoSubmission("gender", "talk", "sw", "ngwanza.mwakyusa@example.org", None,
                   "Wanawake katika uchimbaji mdogo wa dhahabu Nyarugusu", 1, "1500"),
    DemoSubmission("gender", "country_case_study", "es", "participant@example.org", "nusta.condori@example.net",
                   "Pallaqueras: mujeres que recuperan oro en los relaves", 2, "5600"),
    DemoSubmission("gender", "poster", "en", "abena.owusu@example.org", None,
                   "Childcare at mine sites: a community pilot in Tarkwa", 1, "2100"),
    DemoSubmission("gender", "talk", "fr", "zoe.kabore@example.net", None,
                   "Accès des femmes aux permis d'exploitation artisanale", 1, "2600"),
    DemoSubmission("gender", "talk", "en", "kwame.asante@example.org", "abena.owusu@example.org",
                   "Women licence holders in the Western Region"),
    DemoSubmission("markets", "talk", "tr", "ayse.yilmaz@example.com", None,
                   "Responsible gold buying from small mines: a refiner's view"),
    DemoSubmission("markets", "talk", "es", "luis.ramirez@example.net", None,
                   "Comprar oro formal en el sur del Perú: precios y trazabilidad"),
    DemoSubmission("markets", "panel", "en", "gabriel.kowalczyk@example.com", None,
                   "Offtake agreements between large and small miners"),
    DemoSubmission("markets", "country_case_study", "pt", "host@example.org", "joao.muianga@example.org",
                   "O banco central compra ouro artesanal: a experiência de Moçambique"),
    DemoSubmission("markets", "talk", "en", "batbayar.tsogtbaatar@example.org", None,
                   "Selling gold to the central bank: Mongolia's experience", 1, "4200"),
    DemoSubmission("markets", "poster", "sw", "emmanuel.kimaro@example.org", None,
                   "Masoko ya dhahabu Geita: bei na uwazi", 1, "1500"),
    DemoSubmission("markets", "talk", "fr", "marie-claire.nzeyimana@example.net", None,
                   "Traçabilité de l'or artisanal dans le Kivu", 1, "2300"),
    DemoSubmission("markets", "field_visit", "pt", "joao.muianga@example.org", None,
                   "Visita ao mercado de ouro de Manica", 1, "300"),
)

# Contributions to the 9th edition: one written by a Chimoio reviewer with a Chimoio author,
# so the co-authorship conflict shows.
PAST_CONTRIBUTIONS = (
    ("talk", "dang.thi.huong@example.org", "batbayar.tsogtbaatar@example.org",
     "Mercury use at small gold sites in Viet Nam and Mongolia"),
    ("country_case_study", "esperance.mwamba@example.net", None, "Artisanal mining in Kivu after the conflicts"),
    ("talk", "joao.muianga@example.org", None, "Miners' associations in Manica"),
)

# (reviewer, contribution title): scores far apart, so the review table flags them.
SPLIT_REVIEWS = (
    "Ninja miners into partnerships: Mongolia's formalisation law ten years on",
    "Large mines sharing processing plants with small ones",
    "Responsible gold buying from small mines: a refiner's view",
)


def _ensure(email: str, name: str, country: str, group: StakeholderGroup, organisation: str,
            kind: OrganisationKind, gender: Gender, languages: tuple[str, ...], password: str | None, *, actor):
    user = user_by_email(email)
    if user is None:
        user = create_user(email, name, password, actor=actor, preferred_language=languages[0])
        update_profile(user, name=name, preferred_language=languages[0], country=country,
                       organisation_name=organisation, organisation_kind=kind, stakeholder_group=group,
                       gender=gender, gender_self_description=None, languages=list(languages), actor=actor)
    return user


def _event(title: str, *, actor, programme_id: int, **fields) -> Event:
    event = db.session.scalar(sa.select(Event).where(Event.title == title))
    return event or create_event(actor=actor, kind=EventKind.CONFERENCE, title=title, programme_id=programme_id,
                                 **fields)


def _edition(event: Event, *, actor, **fields) -> Edition:
    return conferences.edition_of_event(event.id) or conferences.add_edition(event, actor=actor, **fields)


def _sponsor(edition: Edition, name: str, *, actor, **fields) -> None:
    if not any(s.organisation.name == name for s in edition.sponsors):
        conferences.add_sponsor(edition, actor=actor, organisation_name=name, **fields)


def _past_editions(series, *, actor) -> None:
    brazil = _event(BRAZIL, actor=actor, programme_id=series.id, summary=(
        "The eighth annual conference of Communities and Small-scale Mining, held in Brazil; "
        "its proceedings were in press in FY2009."), starts_on=date(2008, 10, 20), ends_on=date(2008, 10, 24),
        timezone="America/Sao_Paulo", country="BR", working_languages=["pt", "en", "es"], status=EventStatus.HELD)
    _edition(brazil, actor=actor, number=8, host_country="BR", host_city="",
             proceedings_note="Proceedings of the Brazil 8th ACC (in press, FY2009)")
    maputo = db.session.scalar(sa.select(Event).where(Event.title == MAPUTO))
    edition = _edition(maputo, actor=actor, number=9, host_country="MZ", host_city="Maputo",
                       host_organisations=["Ministério dos Recursos Minerais"],
                       theme="ASM as a catalyst for development",
                       proceedings_note="Background papers for the 9th ACC")
    for name in ("World Bank", "DFID", "Danish Ministry of Foreign Affairs, Development Cooperation"):
        _sponsor(edition, name, actor=actor, level="principal", status="confirmed", display="name",
                 funds="Multi-donor trust fund for CASM")
    if edition.call is None:
        conferences.set_call(edition, actor=actor, opens_at=datetime(2009, 3, 1, tzinfo=UTC),
                             closes_at=datetime(2009, 6, 30, tzinfo=UTC),
                             contribution_types=["talk", "panel", "poster", "country_case_study"],
                             languages=["en", "pt"])
        for kind, submitter, co_author, title in PAST_CONTRIBUTIONS:
            contribution = conferences.submit(
                edition, actor=user_by_email(submitter), now=datetime(2009, 5, 1, tzinfo=UTC),
                co_authors=[conferences.CoAuthor(co_author)] if co_author else [], kind=kind, title=title,
                abstract=f"{title}: what we found and what should change.", language="en", answers=[],
                track_id=None, needs_sponsorship=False, sponsored_places=0, travel_estimate=None)
            conferences.decide(contribution, Decision.ACCEPT, actor=actor, message="Accepted for the 9th ACC.")


def _chimoio(series, *, actor, convener) -> Edition:
    event = db.session.scalar(sa.select(Event).where(Event.title == CHIMOIO))
    if event.sponsored_places is None:
        event.sponsored_places = 40
    edition = _edition(event, actor=actor, number=10, host_country="MZ", host_city="Chimoio",
                       host_organisations=["Direcção Provincial de Recursos Minerais de Manica",
                                           "Associação dos Mineiros Artesanais de Manica"],
                       theme="From informal pits to licensed cooperatives: formalisation, mercury, gender and markets",
                       travel_cap=Decimal("60000.00"), cap_currency="USD")
    for title, description in TRACKS:
        if not any(t.title == title for t in edition.tracks):
            conferences.add_track(edition, title, description, actor=convener)
    for label, weight, description in CRITERIA:
        if not any(c.label == label for c in edition.criteria):
            conferences.add_criterion(edition, label, Decimal(weight), description, actor=convener)
    tracks = {t.title: t.id for t in edition.tracks}
    pool = {r.user_id for r in edition.reviewers}
    for email, track_titles, load in REVIEWERS:
        if user_by_email(email).id not in pool:
            conferences.add_reviewer(edition, email, actor=convener, max_load=load,
                                     track_ids=[tracks[t] for t in track_titles])
    sponsors = (
        ("World Bank", dict(level="principal", status="confirmed", amount=Decimal("120000"), currency="USD",
                            funds="Conference core costs through the CASM multi-donor trust fund",
                            display="name_and_amount")),
        ("DFID", dict(level="major", status="confirmed", amount=Decimal("40000"), currency="GBP",
                      funds="Sponsored places for 20 artisanal miners from the region", sponsored_places=20,
                      display="name_and_amount")),
        ("Danish Ministry of Foreign Affairs, Development Cooperation",
         dict(level="major", status="confirmed", amount=Decimal("250000"), currency="DKK",
              funds="Interpretation into Portuguese, French and Swahili", display="name")),
        ("Southern Cross Gold plc", dict(level="supporting", status="confirmed", amount=Decimal("10000"),
                                         currency="USD", funds="Field day transport", display="anonymous",
                                         organisation_kind="mining_company")),
        ("UNEP Global Mercury Partnership", dict(level="supporting", status="prospect", display="name")),
    )
    for name, fields in sponsors:
        _sponsor(edition, name, actor=convener, **fields)
    if edition.call is None:
        conferences.set_call(
            edition, actor=convener, opens_at=datetime(2026, 10, 1, tzinfo=UTC),
            closes_at=datetime(2027, 6, 30, 21, 59, tzinfo=UTC),  # 23:59 in Maputo
            contribution_types=["talk", "panel", "poster", "field_visit", "country_case_study"],
            languages=["en", "pt", "fr", "es", "sw", "tr"],
            questions=["Who in the sector should hear this, and why?"],
            blind_review=True, reviewers_per_contribution=3,
            introduction=("We invite talks, panels, posters, field-visit proposals and country case studies on "
                          "the four tracks. Miners and their associations are especially welcome; say if you need "
                          "sponsorship to travel."))
    return edition


def _submissions(edition: Edition, *, convener) -> None:
    if db.session.scalar(sa.select(sa.func.count()).where(Contribution.edition_id == edition.id)):
        return
    tracks = {t.title: t.id for t in edition.tracks}
    for number, s in enumerate(SUBMISSIONS):
        conferences.submit(
            edition, actor=user_by_email(s.submitter), now=datetime(2026, 11, 2 + number % 25, 9, tzinfo=UTC),
            co_authors=[conferences.CoAuthor(s.co_author)] if s.co_author else [], kind=s.kind, title=s.title,
            abstract=(f"{s.title}. We describe the situation, what was tried and what changed, with figures from "
                      "the sites, and we propose what governments, buyers and miners' associations can do next."),
            language=s.language, answers=["Miners' associations, provincial mining offices and gold buyers."],
            track_id=tracks[s.track], needs_sponsorship=s.places > 0, sponsored_places=s.places,
            travel_estimate=Decimal(s.travel) if s.travel is not None else None)
    # A reviewer declares a conflict with a colleague before assignment: never assigned their work.
    esperance = user_by_email("esperance.mwamba@example.net")
    conferences.declare_conflict_with_person(edition, user_by_email("marie-claire.nzeyimana@example.net"),
                                             actor=esperance, note="We work together on a book.")
    conferences.assign_automatically(edition, actor=convener)
    _reviews(edition)


def _reviews(edition: Edition) -> None:
    rng = random.Random(2027)
    criteria = [c.id for c in edition.criteria]
    contributions = {c.id: c for c in db.session.scalars(
        sa.select(Contribution).where(Contribution.edition_id == edition.id))}
    assignments = db.session.execute(
        sa.select(ReviewAssignment.contribution_id, ReviewAssignment.reviewer_id)
        .where(ReviewAssignment.contribution_id.in_(contributions)).order_by(ReviewAssignment.id)).all()
    seen: dict[int, int] = {}
    # Reviewers mostly agree (within a point of each other); the split ones do not.
    bases = {cid: rng.choice((2, 3, 3, 4, 4, 5)) for cid in sorted(contributions)}
    for cid, reviewer_id in assignments:
        contribution = contributions[cid]
        if rng.random() < 0.35 and contribution.title not in SPLIT_REVIEWS:
            continue  # not every reviewer has reviewed yet
        if contribution.title in SPLIT_REVIEWS:
            value = 1 if seen.get(cid, 0) == 0 else 5
            values = [value] * len(criteria)
        else:
            values = [max(1, min(5, bases[cid] + rng.choice((0, 0, 1)))) for _ in criteria]
        seen[cid] = seen.get(cid, 0) + 1
        reviewer = db.session.get(User, reviewer_id)
        conferences.submit_review(contribution, {c: (v, "") for c, v in zip(criteria, values)}, actor=reviewer)


def seed_conferences(series, *, convener, secretariat, password: str) -> list[tuple[str, str, str]]:
    """The CASM editions; returns the demo reviewer's account (role, email, password)."""
    grant_role(convener, Role.CONVENER, programme=series, actor=secretariat)
    _ensure(REVIEWER_EMAIL, "Nomvula Dlamini", "ZA", StakeholderGroup.RESEARCH,
            "Institute for Mining Research, Johannesburg", OrganisationKind.RESEARCH, Gender.WOMAN,
            ("en", "zu", "pt"), password, actor=secretariat)
    # An author from the same office as a reviewer (Yaw Darko): a conflict by organisation.
    _ensure("kwame.asante@example.org", "Kwame Asante", "GH", StakeholderGroup.GOVERNMENT,
            "Minerals Commission, Tarkwa District Office", OrganisationKind.GOVERNMENT, Gender.MAN, ("en", "ak"),
            None, actor=secretariat)
    _past_editions(series, actor=secretariat)
    edition = _chimoio(series, actor=secretariat, convener=convener)
    _submissions(edition, convener=convener)
    logger.info("demo conference editions loaded")
    return [("Reviewer (CASM Chimoio 2027, blind review)", REVIEWER_EMAIL, password)]

