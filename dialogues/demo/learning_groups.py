"""Demo learning groups: the programme's logframe, the Mozambique, Tanzania and Ghana groups with
their hosts, coordinators and members, two years of work plans and progress reports, and the
coming international learning event with the three teams' slots.

Everything goes through the learning-group services; each step looks for what it would make
first, so loading the demo twice adds nothing.
"""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.accounts.services import create_user, grant_role, update_profile, user_by_email
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.enums import ActivityKind, ActivityStatus, IndicatorUnit, MembershipStatus, ReviewStatus
from dialogues.learning_groups.models import ProgressReport, WorkPlan
from dialogues.permissions import Role
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme

# (email, name, country, stakeholder group, organisation, organisation kind, gender, languages)
PEOPLE = {
    "MZ": [
        ("joao.muianga@example.org", "João Muianga", "MZ", StakeholderGroup.ASM,
         "Associação dos Mineiros Artesanais de Manica", OrganisationKind.ASM_ASSOCIATION, Gender.MAN, ("pt", "ndc")),
        ("lucia.mabunda@example.org", "Lúcia Mabunda", "MZ", StakeholderGroup.LOCAL_COMMUNITY,
         "Comité de Gestão Comunitária de Manica", OrganisationKind.OTHER, Gender.WOMAN, ("pt", "ndc")),
        ("ines.macamo@example.org", "Inês Macamo", "MZ", StakeholderGroup.GOVERNMENT,
         "Direcção Provincial de Recursos Minerais e Energia de Manica", OrganisationKind.GOVERNMENT, Gender.WOMAN,
         ("pt",)),
        ("sebastiao.tembe@example.org", "Sebastião Tembe", "MZ", StakeholderGroup.RESEARCH,
         "Universidade Eduardo Mondlane, Faculdade de Geologia", OrganisationKind.RESEARCH, Gender.MAN, ("pt", "en")),
        ("fatima.cossa@example.org", "Fátima Cossa", "MZ", StakeholderGroup.ASM,
         "Cooperativa de Mulheres Mineiras de Sussundenga", OrganisationKind.ASM_ASSOCIATION, Gender.WOMAN,
         ("pt", "ndc")),
    ],
    "TZ": [
        ("emmanuel.kimaro@example.org", "Emmanuel Kimaro", "TZ", StakeholderGroup.ASM,
         "Chama cha Wachimbaji Wadogo Geita", OrganisationKind.ASM_ASSOCIATION, Gender.MAN, ("sw", "en")),
        ("halima.mwinyi@example.org", "Halima Mwinyi", "TZ", StakeholderGroup.GOVERNMENT,
         "Mining Commission, Geita Regional Office", OrganisationKind.GOVERNMENT, Gender.WOMAN, ("sw", "en")),
        ("ngwanza.mwakyusa@example.org", "Ngʼwanza Mwakyusa", "TZ", StakeholderGroup.LOCAL_COMMUNITY,
         "Nyarugusu Village Council", OrganisationKind.OTHER, Gender.MAN, ("sw", "en")),
        ("rehema.njau@example.org", "Rehema Njau", "TZ", StakeholderGroup.ASM,
         "Tanzania Women Miners Association, Geita chapter", OrganisationKind.ASM_ASSOCIATION, Gender.WOMAN,
         ("sw",)),
    ],
    "GH": [
        ("abena.owusu@example.org", "Abena Owusu", "GH", StakeholderGroup.LOCAL_COMMUNITY,
         "Tarkwa Community Water Committee", OrganisationKind.OTHER, Gender.WOMAN, ("en", "ak")),
        ("yaw.darko@example.org", "Yaw Darko", "GH", StakeholderGroup.GOVERNMENT,
         "Minerals Commission, Tarkwa District Office", OrganisationKind.GOVERNMENT, Gender.MAN, ("en", "ak")),
        ("kwame.asante@example.org", "Kwame Asante-Ɔfori", "GH", StakeholderGroup.ASM,
         "Ghana National Association of Small-Scale Miners, Western Region", OrganisationKind.ASM_ASSOCIATION,
         Gender.MAN, ("en", "ak")),
        ("efua.mensah@example.org", "Efua Mensah", "GH", StakeholderGroup.TRADER,
         "Precious Minerals Marketing Company, Tarkwa", OrganisationKind.TRADER, Gender.WOMAN, ("en", "ak")),
    ],
}

# (group title, host organisation, coordinator, coordinator's email, password?)
HOSTS = {
    "MZ": ("Mozambique ASM learning group", "Associação Kutenga para o Desenvolvimento de Manica",
           "Célia Chissano", "coordinator@example.org", True),
    "TZ": ("Tanzania ASM learning group", "Shirika la Maendeleo ya Wachimbaji Wadogo (Geita)",
           "Neema Mushi", "neema.mushi@example.org", False),
    "GH": ("Ghana ASM learning group", "Centre for Mining Governance, Tarkwa",
           "Kofi Boateng", "kofi.boateng@example.org", False),
}

OUTPUTS = [
    ("Governance", "Illegal and corrupt practice reduced through practical approaches", [
        ("Meetings held with decision makers", IndicatorUnit.NUMBER, 0, {2025: 6, 2026: 10, 2027: 12}),
        ("Share of licence applications decided within 90 days", IndicatorUnit.PERCENTAGE, 20,
         {2025: 30, 2026: 40, 2027: 50}),
    ]),
    ("Livelihoods", "Miners' organisations able to obtain and keep licences", [
        ("Miners trained in licensing procedures", IndicatorUnit.PEOPLE, 0, {2025: 100, 2026: 200, 2027: 250}),
        ("Guidance notes published", IndicatorUnit.NUMBER, 0, {2025: 1, 2026: 2, 2027: 2}),
    ]),
]

ACTIVITIES = [
    (ActivityKind.RESEARCH, "Study of the licensing backlog and informal payments", 0),
    (ActivityKind.ENGAGING_DECISION_MAKERS, "Round tables with provincial and district officials", 0),
    (ActivityKind.TRAINING, "Licence clinics for artisanal miners", 1),
    (ActivityKind.GUIDANCE_AND_TOOLS, "Plain-language guide to the licence procedure", 1),
]

# Per country, what each half-year's report says the group achieved, per indicator (in OUTPUTS order).
VALUES = {
    "MZ": [(2, 25, 40, 0), (3, 32, 55, 1)],
    "TZ": [(1, 22, 30, 0), (4, 35, 70, 1)],
    "GH": [(3, 28, 25, 1), (2, 30, 45, 0)],
}
PLAN_YEARS = (2025, 2026)
REPORTED = [(2025, 0), (2025, 1), (2026, 0)]  # (year, half) approved; 2026's second half is still being written


def _person(email, name, country, group, organisation, kind, gender, languages, *, password=None, actor) -> User:
    user = user_by_email(email)
    if user is None:
        user = create_user(email, name, password, actor=actor, preferred_language=languages[0])
        update_profile(user, name=name, preferred_language=languages[0], country=country,
                       organisation_name=organisation, organisation_kind=kind, stakeholder_group=group,
                       gender=gender, gender_self_description=None, languages=list(languages), actor=actor)
    return user


def _logframe(learning_programme, actor):
    if not learning_programme.outputs:
        for theme, title, indicators in OUTPUTS:
            output = services.add_output(learning_programme, theme=theme, title=title, actor=actor)
            for name, unit, baseline, targets in indicators:
                services.add_indicator(output, name=name, unit=unit, baseline=Decimal(baseline),
                                       targets={y: Decimal(v) for y, v in targets.items()}, actor=actor)
    return services.logframe(learning_programme)


def _group(learning_programme, code, actor, password):
    title, host, coordinator_name, coordinator_email, with_password = HOSTS[code]
    programme = db.session.scalar(sa.select(Programme).where(Programme.kind == ProgrammeKind.LEARNING_GROUP,
                                                             Programme.title == title))
    group = services.join_programme(programme, learning_programme, actor=actor)
    if group.coordinator is None:
        coordinator = _person(coordinator_email, coordinator_name, code, StakeholderGroup.CIVIL_SOCIETY, host,
                              OrganisationKind.CIVIL_SOCIETY, Gender.WOMAN if code == "MZ" else Gender.MAN,
                              ("pt", "en") if code == "MZ" else ("sw", "en") if code == "TZ" else ("en", "ak"),
                              password=password if with_password else None, actor=actor)
        services.set_host(group, organisation_name=host, organisation_kind=OrganisationKind.CIVIL_SOCIETY,
                          coordinator=coordinator, actor=actor)
        group.publish_members = code != "GH"
    members = {m.user_id for m in services.memberships(group) if m.status == MembershipStatus.ACTIVE}
    for n, spec in enumerate(PEOPLE[code]):
        user = _person(*spec, actor=actor)
        if user.id not in members:
            services.add_member(group, user, actor=actor, joined_on=date(2024, 11, 4 + n))
    return group


def _plans_and_reports(group, code, outputs, actor):
    indicators = [i for o in outputs for i in o.indicators]
    members = [m for m in services.memberships(group) if m.status == MembershipStatus.ACTIVE]
    for year in PLAN_YEARS:
        plan = db.session.scalar(sa.select(WorkPlan).where(WorkPlan.group_id == group.programme_id,
                                                           WorkPlan.year == year))
        if plan is not None:
            continue
        plan = services.create_plan(group, year=year, actor=actor,
                                    summary=f"The group's {year} activities, agreed at its work plan meeting.")
        for n, (kind, title, output) in enumerate(ACTIVITIES):
            services.add_activity(plan, actor=actor, kind=kind, title=title, output_id=outputs[output].id,
                                  lead_member_id=members[n % len(members)].id, starts_on=date(year, 2 + n, 1),
                                  ends_on=date(year, 11, 30), status=ActivityStatus.DONE if year < 2026
                                  else ActivityStatus.UNDER_WAY)
        services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="", actor=group.coordinator)
        if year == 2025 and code == "MZ":
            services.change_plan_status(plan, ReviewStatus.RETURNED, actor=actor,
                                        reason="Please name a lead member for each activity.")
            services.change_plan_status(plan, ReviewStatus.SUBMITTED, reason="Leads named.",
                                        actor=group.coordinator)
        services.change_plan_status(plan, ReviewStatus.APPROVED, reason="", actor=actor)
    for year, half in [*REPORTED, (2026, 1)]:
        start = services.periods(group.learning_programme, year)[half][0]
        if db.session.scalar(sa.select(ProgressReport.id).where(ProgressReport.group_id == group.programme_id,
                                                                ProgressReport.period_start == start)):
            continue
        report = services.create_report(group, period_start=start, actor=group.coordinator)
        figures = VALUES[code][half]
        services.save_report(
            report, summary="Activities went ahead as planned; see each activity for what happened.",
            activities={a.id: (ActivityStatus.DONE if year < 2026 else ActivityStatus.UNDER_WAY,
                               "Held as planned, with members from every stakeholder group.")
                        for a in report.plan.activities},
            values={i.id: (Decimal(v), "Minutes and attendance lists kept by the host.")
                    for i, v in zip(indicators, figures, strict=True)},
            actor=group.coordinator)
        if (year, half) in REPORTED:
            services.change_report_status(report, ReviewStatus.SUBMITTED, reason="", actor=group.coordinator)
            services.change_report_status(report, ReviewStatus.APPROVED, reason="", actor=actor)


def seed_learning_groups(programme: Programme, *, password: str, secretariat: User, convener: User | None
                         ) -> list[tuple[str, str, str]]:
    """Load the learning-group demo; returns the demo account it adds (role, email, password)."""
    learning_programme = services.learning_programme_of(programme, actor=secretariat)
    if convener is not None:
        grant_role(convener, Role.CONVENER, programme=programme, actor=secretariat)
    outputs = _logframe(learning_programme, secretariat)
    for code in HOSTS:
        group = _group(learning_programme, code, secretariat, password)
        _plans_and_reports(group, code, outputs, secretariat)
    for event in db.session.scalars(sa.select(Event).where(
            Event.programme_id == programme.id, Event.kind == EventKind.INTERNATIONAL_LEARNING_EVENT)):
        services.give_team_slots(event, actor=secretariat)
    db.session.flush()
    return [("Learning group coordinator (Mozambique)", HOSTS["MZ"][3], password)]

