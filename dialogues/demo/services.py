"""The demonstration data set: programmes, events and people drawn from the domain summary.

Everything goes through the ordinary services, so the demo obeys the same rules as real
use. Rows are found again by a natural key (email, programme kind and title, event title),
so loading the set a second time adds and changes nothing.
"""
import logging
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.accounts.services import create_user, grant_role, update_profile, user_by_email
from dialogues.core.enums import Visibility
from dialogues.events.enums import EventKind, EventStatus
from dialogues.events.models import Event
from dialogues.events.services import create_event
from dialogues.demo.agenda import seed_agendas
from dialogues.demo.budgets import seed_budgets
from dialogues.demo.commitments import seed_commitments
from dialogues.demo.conferences import seed_conferences
from dialogues.demo.learning_groups import seed_learning_groups
from dialogues.demo.registrations import seed_registrations
from dialogues.demo.steering import seed_dialogue_series
from dialogues.extensions import db
from dialogues.permissions import Role
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme
from dialogues.programmes.services import create_programme

logger = logging.getLogger(__name__)

DEMO_PASSWORD = "dialogues-demo"


@dataclass(frozen=True)
class DemoEvent:
    kind: EventKind
    title: str
    summary: str
    starts_on: date
    days: int
    timezone: str
    venue: str
    city: str
    country: str
    languages: tuple[str, ...]
    status: EventStatus
    visibility: Visibility = Visibility.PUBLIC


@dataclass(frozen=True)
class DemoProgramme:
    kind: ProgrammeKind
    title: str
    summary: str
    events: tuple[DemoEvent, ...]
    country: str | None = None


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    country: str
    group: StakeholderGroup
    organisation: str
    organisation_kind: OrganisationKind
    gender: Gender
    languages: tuple[str, ...]
    preferred_language: str = "en"
    gender_self_description: str | None = None


@dataclass(frozen=True)
class DemoAccount:
    """A person who can log in with the demo password, holding one role."""

    description: str
    person: DemoPerson
    role: Role
    programme_title: str | None = None
    event_title: str | None = None


SERIES = "ASM Dialogue"
INITIATIVE = "Formalising artisanal and small-scale mining"
CHIMOIO_CONFERENCE = "Annual CASM Conference, Chimoio 2027"
MADRE_DE_DIOS_DIALOGUE = "Field dialogue: formalisation in the gold fields of Madre de Dios"
LEARNING_PROGRAMME = "ASM learning groups"

PROGRAMMES: tuple[DemoProgramme, ...] = (
    DemoProgramme(
        kind=ProgrammeKind.DIALOGUE_SERIES,
        title=SERIES,
        summary=(
            "The standing dialogue series on artisanal and small-scale mining. Its steering "
            "committee of sector leaders scores candidate issues against six criteria and takes "
            "the strongest up as dialogue initiatives of about ten dialogues over four years."
        ),
        events=(),
    ),
    DemoProgramme(
        kind=ProgrammeKind.DIALOGUE_INITIATIVE,
        title=INITIATIVE,
        summary=(
            "A series of multi-stakeholder dialogues on bringing artisanal and small-scale miners "
            "into the formal economy: licences and cadastres that miners can actually use, "
            "access to finance and fair markets, and the role of large-scale operators and "
            "local government. Selected by the steering committee for its significance, the "
            "willingness of miners, governments and companies to engage, and the interest of "
            "local partners. Participants commit to follow-up actions that are monitored "
            "between dialogues."
        ),
        events=(
            DemoEvent(
                kind=EventKind.NON_FIELD_DIALOGUE,
                title="Scoping dialogue on ASM formalisation, Maputo",
                summary=(
                    "Two days in a meeting room to clarify the issue: why formalisation "
                    "stalls, who gains and who loses, and which countries are ready for a "
                    "field dialogue. Background papers on licensing in Mozambique, Tanzania "
                    "and Peru were shared beforehand."
                ),
                starts_on=date(2025, 3, 11), days=2, timezone="Africa/Maputo",
                venue="Centro de Conferências Joaquim Chissano", city="Maputo", country="MZ",
                languages=("en", "pt"), status=EventStatus.HELD,
            ),
            DemoEvent(
                kind=EventKind.TECHNICAL_WORKSHOP,
                title="Technical workshop: licensing and mining cadastre for small-scale miners",
                summary=(
                    "A small working group of cadastre officials, miners' associations and "
                    "lawyers compares how primary mining licences are granted, and drafts "
                    "options for simpler, cheaper procedures."
                ),
                starts_on=date(2025, 11, 18), days=2, timezone="Africa/Dar_es_Salaam",
                venue="Mining Commission training room", city="Dar es Salaam", country="TZ",
                languages=("en", "sw"), status=EventStatus.HELD,
            ),
            DemoEvent(
                kind=EventKind.FIELD_DIALOGUE,
                title="Field dialogue: from informal pits to licensed cooperatives, Tarkwa",
                summary=(
                    "Two days visiting informal pits and licensed small-scale concessions "
                    "around Tarkwa, then two days in a meeting room. Each stakeholder group "
                    "left with a plan for how it will push for change, to be followed up "
                    "over the coming year."
                ),
                starts_on=date(2026, 6, 9), days=4, timezone="Africa/Accra",
                venue="Tarkwa community centre", city="Tarkwa", country="GH",
                languages=("en",), status=EventStatus.HELD,
            ),
            DemoEvent(
                kind=EventKind.OTHER,
                title="Steering committee: choosing the next issues",
                summary=(
                    "The steering committee reviews progress on the formalisation dialogues "
                    "and scores candidate issues against the selection criteria. Open to "
                    "committee members only."
                ),
                starts_on=date(2027, 1, 26), days=1, timezone="Africa/Maputo",
                venue="Secretariat office and online", city="Maputo", country="MZ",
                languages=("en", "fr", "pt", "es"), status=EventStatus.PLANNED,
                visibility=Visibility.PARTICIPANTS,
            ),
            DemoEvent(
                kind=EventKind.FIELD_DIALOGUE,
                title=MADRE_DE_DIOS_DIALOGUE,
                summary=(
                    "Two days in mining camps along the Madre de Dios river, with miners, "
                    "indigenous communities and regional authorities, then two days in "
                    "Puerto Maldonado on what it takes to complete formalisation. Up to 35 "
                    "participants sponsored; simultaneous interpretation Spanish–English."
                ),
                starts_on=date(2027, 4, 13), days=4, timezone="America/Lima",
                venue="Auditorio de la Universidad Nacional Amazónica", city="Puerto Maldonado",
                country="PE", languages=("es", "en"), status=EventStatus.OPEN,
            ),
            DemoEvent(
                kind=EventKind.NON_FIELD_DIALOGUE,
                title="Non-field dialogue: finance and markets for formal small-scale miners",
                summary=(
                    "Banks, gold buyers, miners' federations and the central bank discuss "
                    "why licensed miners still sell informally, and what would change that."
                ),
                starts_on=date(2027, 9, 21), days=2, timezone="Asia/Ulaanbaatar",
                venue="Chinggis Khaan Square conference hall", city="Ulaanbaatar", country="MN",
                languages=("mn", "en"), status=EventStatus.PLANNED,
            ),
        ),
    ),
    DemoProgramme(
        kind=ProgrammeKind.LEARNING_PROGRAMME,
        title=LEARNING_PROGRAMME,
        summary=(
            "The programme of the country learning groups: small in-country teams deliberately selected "
            "for diverse stakeholder interests, each convened by a national host organisation, working "
            "to annual work plans and budgets on shared logframe outputs, and meeting once a year at an "
            "international learning event."
        ),
        events=(
            DemoEvent(
                kind=EventKind.INTERNATIONAL_LEARNING_EVENT,
                title="International learning event 2027, Geita",
                summary=(
                    "The country teams of Mozambique, Tanzania and Ghana meet: a field trip "
                    "to licensed and unlicensed sites, then each team presents achievements, "
                    "tactics, lessons and coming work plans for peer review. Interpretation "
                    "into Swahili, Portuguese and French so no one is left out."
                ),
                starts_on=date(2027, 6, 7), days=4, timezone="Africa/Dar_es_Salaam",
                venue="Geita conference centre", city="Geita", country="TZ",
                languages=("en", "sw", "pt", "fr"), status=EventStatus.OPEN,
            ),
        ),
    ),
    DemoProgramme(
        kind=ProgrammeKind.LEARNING_GROUP,
        title="Mozambique ASM learning group",
        country="MZ",
        summary=(
            "Fourteen members from miners' associations, provincial government, a mining "
            "company, civil society and research, hosted by a national NGO in Manica that "
            "holds the budget and reports on progress. Theme for 2026–2027: practical "
            "routes to licensing for artisanal gold miners in Manica province."
        ),
        events=(
            DemoEvent(
                kind=EventKind.LEARNING_GROUP_MEETING,
                title="Mozambique learning group: 2026 work plan and budget",
                summary="The group agrees its annual work plan, budget and who leads each activity.",
                starts_on=date(2026, 2, 17), days=2, timezone="Africa/Maputo",
                venue="Sede da Associação dos Mineiros Artesanais", city="Chimoio", country="MZ",
                languages=("pt",), status=EventStatus.HELD,
            ),
            DemoEvent(
                kind=EventKind.LEARNING_GROUP_MEETING,
                title="Mozambique learning group: mid-term review",
                summary="Members report on their activities and adjust the plan for the rest of the year.",
                starts_on=date(2027, 2, 16), days=2, timezone="Africa/Maputo",
                venue="Centro comunitário", city="Manica", country="MZ",
                languages=("pt",), status=EventStatus.CLOSED,
            ),
        ),
    ),
    DemoProgramme(
        kind=ProgrammeKind.LEARNING_GROUP,
        title="Tanzania ASM learning group",
        country="TZ",
        summary=(
            "Twelve members in Geita and Dar es Salaam, including small-scale miners' "
            "associations, district officials and a women miners' network. Theme: engaging "
            "district decision makers on primary mining licences."
        ),
        events=(
            DemoEvent(
                kind=EventKind.LEARNING_GROUP_MEETING,
                title="Tanzania learning group: engaging Geita district",
                summary="Members meet district officials to present their findings on licence backlogs.",
                starts_on=date(2026, 8, 4), days=2, timezone="Africa/Dar_es_Salaam",
                venue="Geita district council hall", city="Geita", country="TZ",
                languages=("sw", "en"), status=EventStatus.HELD,
            ),
        ),
    ),
    DemoProgramme(
        kind=ProgrammeKind.LEARNING_GROUP,
        title="Ghana ASM learning group",
        country="GH",
        summary=(
            "Ten members from the Western and Ashanti regions. Theme: illegal and corrupt "
            "practice reduced through practical approaches to licensing and gold buying."
        ),
        events=(
            DemoEvent(
                kind=EventKind.LEARNING_GROUP_MEETING,
                title="Ghana learning group: reducing illegal and corrupt practice",
                summary="Research findings on informal payments along the licensing chain, and next steps.",
                starts_on=date(2025, 12, 2), days=2, timezone="Africa/Accra",
                venue="University of Mines and Technology, seminar room", city="Tarkwa", country="GH",
                languages=("en",), status=EventStatus.HELD,
            ),
            DemoEvent(
                kind=EventKind.LEARNING_GROUP_MEETING,
                title="Ghana learning group: 2027 work plan",
                summary="The group plans its 2027 activities and budget.",
                starts_on=date(2027, 3, 9), days=2, timezone="Africa/Accra",
                venue="Host organisation office", city="Accra", country="GH",
                languages=("en",), status=EventStatus.PLANNED,
            ),
        ),
    ),
    DemoProgramme(
        kind=ProgrammeKind.CONFERENCE_SERIES,
        title="Annual CASM conference",
        summary=(
            "Numbered annual conferences held in mining countries, convening miners, "
            "governments, industry, NGOs, donors and researchers. Artisanal miners are "
            "sponsored to attend; proceedings are published after each edition."
        ),
        events=(
            DemoEvent(
                kind=EventKind.CONFERENCE,
                title="9th Annual CASM Conference, Maputo 2009",
                summary=(
                    "The ninth annual conference of Communities and Small-scale Mining, "
                    "with background papers and the launch of the Brazil 8th ACC proceedings."
                ),
                starts_on=date(2009, 9, 8), days=7, timezone="Africa/Maputo",
                venue="Centro de Conferências Joaquim Chissano", city="Maputo", country="MZ",
                languages=("en", "pt"), status=EventStatus.HELD,
            ),
            DemoEvent(
                kind=EventKind.CONFERENCE,
                title=CHIMOIO_CONFERENCE,
                summary=(
                    "Held in the heart of Manica's artisanal gold fields, with a field day at "
                    "nearby mining sites. Miners' associations may apply for sponsorship; "
                    "sessions in English and Portuguese."
                ),
                starts_on=date(2027, 10, 4), days=5, timezone="Africa/Maputo",
                venue="Centro Cultural de Chimoio", city="Chimoio", country="MZ",
                languages=("en", "pt"), status=EventStatus.OPEN,
            ),
        ),
    ),
)

SECRETARIAT = DemoPerson(
    "secretariat@example.org", "Rosa Macuácua", "MZ", StakeholderGroup.OTHER,
    "ASM Dialogues Secretariat", OrganisationKind.OTHER, Gender.WOMAN, ("pt", "en", "es"), "pt",
)

ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("Secretariat (site-wide)", SECRETARIAT, Role.SECRETARIAT),
    DemoAccount(
        "Convener (formalisation initiative)",
        DemoPerson(
            "convener@example.org", "Amadou Ouédraogo", "BF", StakeholderGroup.CIVIL_SOCIETY,
            "Association pour une Mine Artisanale Responsable", OrganisationKind.CIVIL_SOCIETY,
            Gender.MAN, ("fr", "mos", "en"), "fr",
        ),
        Role.CONVENER, programme_title=INITIATIVE,
    ),
    DemoAccount(
        "Host (CASM Chimoio 2027)",
        DemoPerson(
            "host@example.org", "Armando Nhantumbo", "MZ", StakeholderGroup.GOVERNMENT,
            "Direcção Provincial de Recursos Minerais de Manica", OrganisationKind.GOVERNMENT,
            Gender.MAN, ("pt", "ndc", "en"), "pt",
        ),
        Role.HOST, event_title=CHIMOIO_CONFERENCE,
    ),
    DemoAccount(
        "Steering committee (ASM Dialogue series)",
        DemoPerson(
            "steering@example.org", "Akosua Mensah", "GH", StakeholderGroup.INDUSTRY,
            "Ashanti Ridge Mining", OrganisationKind.MINING_COMPANY, Gender.WOMAN, ("en", "ak", "fr"),
        ),
        Role.STEERING_COMMITTEE, programme_title=SERIES,
    ),
    DemoAccount(
        "Participant (Madre de Dios 2027)",
        DemoPerson(
            "participant@example.org", "Ana María Quispe Mamani", "PE", StakeholderGroup.ASM,
            "Cooperativa Minera Aurífera Sol Naciente", OrganisationKind.ASM_ASSOCIATION,
            Gender.WOMAN, ("es", "qu"), "es",
        ),
        Role.PARTICIPANT, event_title=MADRE_DE_DIOS_DIALOGUE,
    ),
)

# People without a password: they are known to the secretariat but have not been invited yet.
PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("joao.muianga@example.org", "João Muianga", "MZ", StakeholderGroup.ASM,
               "Associação dos Mineiros Artesanais de Manica", OrganisationKind.ASM_ASSOCIATION,
               Gender.MAN, ("pt", "ndc"), "pt"),
    DemoPerson("lucia.mabunda@example.org", "Lúcia Mabunda", "MZ", StakeholderGroup.LOCAL_COMMUNITY,
               "Comité de Gestão Comunitária de Manica", OrganisationKind.OTHER,
               Gender.WOMAN, ("pt", "ndc"), "pt"),
    DemoPerson("zoe.kabore@example.net", "Zoé Kaboré", "BF", StakeholderGroup.CIVIL_SOCIETY,
               "Femmes et Mines Burkina", OrganisationKind.CIVIL_SOCIETY,
               Gender.WOMAN, ("fr", "mos"), "fr"),
    DemoPerson("ngwanza.mwakyusa@example.org", "Ngʼwanza Mwakyusa", "TZ", StakeholderGroup.LOCAL_COMMUNITY,
               "Nyarugusu Village Council", OrganisationKind.OTHER,
               Gender.MAN, ("sw", "en"), "sw"),
    DemoPerson("halima.mwinyi@example.org", "Halima Mwinyi", "TZ", StakeholderGroup.GOVERNMENT,
               "Mining Commission, Geita Regional Office", OrganisationKind.GOVERNMENT,
               Gender.WOMAN, ("sw", "en"), "sw"),
    DemoPerson("emmanuel.kimaro@example.org", "Emmanuel Kimaro", "TZ", StakeholderGroup.ASM,
               "Chama cha Wachimbaji Wadogo Geita", OrganisationKind.ASM_ASSOCIATION,
               Gender.MAN, ("sw", "en"), "sw"),
    DemoPerson("batbayar.tsogtbaatar@example.org", "Batbayar Tsogtbaatar", "MN", StakeholderGroup.ASM,
               "National Federation of Artisanal Miners of Mongolia", OrganisationKind.ASM_ASSOCIATION,
               Gender.MAN, ("mn", "ru", "en"), "mn"),
    DemoPerson("oyunchimeg.batsukh@example.org", "Оюунчимэг Батсүх", "MN", StakeholderGroup.GOVERNMENT,
               "Bayankhongor aimag Department of Mining", OrganisationKind.GOVERNMENT,
               Gender.WOMAN, ("mn", "en", "ru"), "mn"),
    DemoPerson("dang.thi.huong@example.org", "Đặng Thị Hương", "VN", StakeholderGroup.RESEARCH,
               "Viện Khoa học Địa chất và Khoáng sản", OrganisationKind.RESEARCH,
               Gender.WOMAN, ("vi", "en"), "vi"),
    DemoPerson("zofia.wisniewska@example.com", "Zofia Wiśniewska", "BE", StakeholderGroup.DONOR,
               "European Commission, International Partnerships", OrganisationKind.DONOR,
               Gender.WOMAN, ("pl", "en", "fr", "pt")),
    DemoPerson("soren.ostergaard@example.com", "Søren Østergaard", "DK", StakeholderGroup.DONOR,
               "Danish Ministry of Foreign Affairs, Development Cooperation", OrganisationKind.DONOR,
               Gender.MAN, ("da", "en")),
    DemoPerson("ayse.yilmaz@example.com", "Ayşe Yılmaz", "TR", StakeholderGroup.TRADER,
               "Boğaziçi Precious Metals Trading", OrganisationKind.TRADER,
               Gender.WOMAN, ("tr", "en"), "tr"),
    DemoPerson("luis.ramirez@example.net", "Luis Fernando Ramírez Ortiz", "PE", StakeholderGroup.TRADER,
               "Comercializadora de Oro Responsable del Sur", OrganisationKind.TRADER,
               Gender.PREFER_NOT_TO_SAY, ("es", "en"), "es"),
    DemoPerson("jose.huaman@example.net", "José Luis Huamán Ccori", "PE", StakeholderGroup.GOVERNMENT,
               "Dirección Regional de Energía y Minas de Madre de Dios", OrganisationKind.GOVERNMENT,
               Gender.MAN, ("es", "qu"), "es"),
    DemoPerson("nusta.condori@example.net", "Ñusta Condori Mamani", "BO", StakeholderGroup.INDIGENOUS_PEOPLES,
               "Consejo de Ayllus Originarios del Norte de Potosí", OrganisationKind.OTHER,
               Gender.WOMAN, ("es", "ay", "qu"), "es"),
    DemoPerson("abena.owusu@example.org", "Abena Owusu", "GH", StakeholderGroup.LOCAL_COMMUNITY,
               "Tarkwa Community Water Committee", OrganisationKind.OTHER,
               Gender.WOMAN, ("en", "ak")),
    DemoPerson("yaw.darko@example.org", "Yaw Darko", "GH", StakeholderGroup.GOVERNMENT,
               "Minerals Commission, Tarkwa District Office", OrganisationKind.GOVERNMENT,
               Gender.MAN, ("en", "ak")),
    DemoPerson("esperance.mwamba@example.net", "Espérance Mwamba Kabeya", "CD", StakeholderGroup.CIVIL_SOCIETY,
               "Observatoire Congolais des Mines Artisanales", OrganisationKind.CIVIL_SOCIETY,
               Gender.WOMAN, ("fr", "sw", "ln"), "fr"),
    DemoPerson("tsiry.rakotomalala@example.net", "Tsiry Rakotomalala", "MG", StakeholderGroup.RESEARCH,
               "Centre d'Études des Pierres Précieuses", OrganisationKind.RESEARCH,
               Gender.SELF_DESCRIBED, ("mg", "fr", "en"), "fr", gender_self_description="Non-binary"),
    DemoPerson("marie-claire.nzeyimana@example.net", "Marie-Claire Nzeyimana", "BI", StakeholderGroup.OTHER,
               "Agence de Presse des Grands Lacs", OrganisationKind.OTHER,
               Gender.WOMAN, ("rn", "fr", "sw"), "fr"),
    DemoPerson("gabriel.kowalczyk@example.com", "Gabriel Kowalczyk-Santos", "GB", StakeholderGroup.INDUSTRY,
               "Southern Cross Gold plc", OrganisationKind.MINING_COMPANY,
               Gender.MAN, ("en", "pl", "pt")),
    DemoPerson("siobhan.nibhriain@example.com", "Siobhán Ní Bhriain", "IE", StakeholderGroup.RESEARCH,
               "Institute for Mining and Society Studies", OrganisationKind.RESEARCH,
               Gender.WOMAN, ("en", "ga", "pt")),
)


def _ensure_person(person: DemoPerson, password: str | None, *, actor: User | None) -> User:
    user = user_by_email(person.email)
    if user is not None:
        return user
    user = create_user(
        person.email, person.name, password, actor=actor, preferred_language=person.preferred_language
    )
    update_profile(
        user,
        name=person.name,
        preferred_language=person.preferred_language,
        country=person.country,
        organisation_name=person.organisation,
        organisation_kind=person.organisation_kind,
        stakeholder_group=person.group,
        gender=person.gender,
        gender_self_description=person.gender_self_description,
        languages=list(person.languages),
        actor=actor or user,
    )
    return user


def _ensure_programme(spec: DemoProgramme, *, actor: User) -> Programme:
    programme = db.session.scalar(
        sa.select(Programme).where(Programme.kind == spec.kind, Programme.title == spec.title)
    )
    if programme is None:
        programme = create_programme(
            actor=actor, kind=spec.kind, title=spec.title, summary=spec.summary,
            country=spec.country, visibility=Visibility.PUBLIC,
        )
    return programme


def _ensure_event(spec: DemoEvent, programme: Programme, *, actor: User) -> Event:
    event = db.session.scalar(sa.select(Event).where(Event.title == spec.title))
    if event is None:
        event = create_event(
            actor=actor,
            kind=spec.kind,
            title=spec.title,
            summary=spec.summary,
            starts_on=spec.starts_on,
            ends_on=spec.starts_on + timedelta(days=spec.days - 1),
            timezone=spec.timezone,
            venue=spec.venue,
            city=spec.city,
            country=spec.country,
            working_languages=list(spec.languages),
            visibility=spec.visibility,
            status=spec.status,
            programme_id=programme.id,
        )
    return event


def seed_demo() -> list[tuple[str, str, str]]:
    """Load the demo programmes, events and people; return the demo accounts (role, email, password)."""
    secretariat = _ensure_person(SECRETARIAT, DEMO_PASSWORD, actor=None)
    grant_role(secretariat, Role.SECRETARIAT, actor=None)

    programmes: dict[str, Programme] = {}
    events: dict[str, Event] = {}
    for programme_spec in PROGRAMMES:
        programme = programmes[programme_spec.title] = _ensure_programme(programme_spec, actor=secretariat)
        for event_spec in programme_spec.events:
            events[event_spec.title] = _ensure_event(event_spec, programme, actor=secretariat)

    for person in PEOPLE:
        _ensure_person(person, None, actor=secretariat)

    accounts = []
    for account in ACCOUNTS:
        user = _ensure_person(account.person, DEMO_PASSWORD, actor=secretariat)
        if account.role != Role.SECRETARIAT:
            grant_role(
                user,
                account.role,
                programme=programmes.get(account.programme_title or ""),
                event=events.get(account.event_title or ""),
                actor=secretariat,
            )
        accounts.append((account.description, user.email, DEMO_PASSWORD))
    seed_dialogue_series(
        programmes[SERIES], programmes[INITIATIVE], convener=user_by_email("convener@example.org"),
        steering=user_by_email("steering@example.org"), secretariat=secretariat,
    )
    seed_registrations(events[MADRE_DE_DIOS_DIALOGUE], convener=user_by_email("convener@example.org"))
    seed_commitments(actor=user_by_email("convener@example.org"))
    seed_agendas(actor=secretariat)
    accounts += seed_learning_groups(programmes[LEARNING_PROGRAMME], password=DEMO_PASSWORD, secretariat=secretariat,
                                     convener=user_by_email("convener@example.org"))
    accounts += seed_conferences(programmes["Annual CASM conference"], convener=user_by_email("convener@example.org"),
                                 secretariat=secretariat, password=DEMO_PASSWORD)
    seed_budgets(programmes["Annual CASM conference"], secretariat=secretariat)
    logger.info("demo data set loaded by %s", secretariat.id)
    return accounts
