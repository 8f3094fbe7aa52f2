"""Learning-group rules: groups and members, the logframe, work plans, progress reports and their roll-up,
report reminders, and the international learning event's team presentations."""
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from dialogues.accounts.enums import OrganisationKind, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.accounts.services import find_or_create_organisation, grant_role
from dialogues.agenda.enums import ItemKind
from dialogues.agenda.models import AgendaItem
from dialogues.agenda.services import add_item, local_instant
from dialogues.budgets.models import Budget, BudgetLine
from dialogues.commitments.models import Commitment
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.enums import Visibility
from dialogues.core.errors import DomainError
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.events.services import create_event
from dialogues.extensions import db
from dialogues.files import services as files
from dialogues.learning_groups.enums import (
    EDITABLE, OPEN_MEMBERSHIP, ActivityKind, ActivityStatus, IndicatorUnit, MembershipStatus, ReviewStatus,
)
from dialogues.learning_groups.models import (
    ActivityBudgetLine, ActivityProgress, GroupMember, Indicator, IndicatorTarget, IndicatorValue, LearningGroup, LearningProgramme,
    Output, OutputAdoption, PeerReview, PlanActivity, ProgressReport, ReviewDecision, TeamPresentation, WorkPlan,
)
from dialogues.mail import services as mail
from dialogues.mail.models import MailMessage
from dialogues.participants.services import Population, Voice, balance_of, share
from dialogues.permissions import Role, ScopeKind
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme
from dialogues.programmes.services import create_programme
from dialogues.registration.enums import RegistrationStatus

logger = logging.getLogger(__name__)


# --- the programme and its groups ---------------------------------------------------------------

def learning_programme_of(programme: Programme, *, actor=None) -> LearningProgramme:
    """The learning-group programme row of ``programme`` (made on first use, with the defaults)."""
    if programme.kind != ProgrammeKind.LEARNING_PROGRAMME:
        raise DomainError("This programme is not a learning-group programme.")
    if programme.learning_programme is None:
        programme.learning_programme = LearningProgramme(programme_id=programme.id)
        db.session.flush()
        logger.info("learning programme %s set up by %s", programme.id, describe(actor))
    return programme.learning_programme


def create_learning_programme(*, actor, title: str, summary: str = "",
                              visibility: Visibility = Visibility.PUBLIC) -> LearningProgramme:
    programme = create_programme(actor=actor, kind=ProgrammeKind.LEARNING_PROGRAMME, title=title, summary=summary,
                                 visibility=visibility)
    return learning_programme_of(programme, actor=actor)


def create_group(learning_programme: LearningProgramme, *, actor, title: str, country: str, summary: str = "",
                 visibility: Visibility = Visibility.PUBLIC) -> LearningGroup:
    """A new country group in the programme; a country has one group."""
    _refuse_second_group(learning_programme, country)
    programme = create_programme(actor=actor, kind=ProgrammeKind.LEARNING_GROUP, title=title, summary=summary,
                                 country=country, visibility=visibility)
    return join_programme(programme, learning_programme, actor=actor)


def _refuse_second_group(learning_programme: LearningProgramme, country: str | None, keep: int | None = None) -> None:
    if not country:
        raise DomainError("Choose the group's country.")
    taken = db.session.scalar(
        sa.select(Programme.title).join(LearningGroup, LearningGroup.programme_id == Programme.id)
        .where(LearningGroup.learning_programme_id == learning_programme.programme_id,
               Programme.country == country, Programme.id != (keep or 0)))
    if taken is not None:
        raise DomainError(f"This programme already has a group in that country: {taken}.")


def join_programme(programme: Programme, learning_programme: LearningProgramme, *, actor) -> LearningGroup:
    """Make an existing learning-group programme a group of ``learning_programme`` (idempotent)."""
    if programme.kind != ProgrammeKind.LEARNING_GROUP:
        raise DomainError("Only a learning group can join a learning-group programme.")
    if programme.learning_group is not None:
        return programme.learning_group
    _refuse_second_group(learning_programme, programme.country, keep=programme.id)
    group = LearningGroup(programme=programme, programme_id=programme.id,
                          learning_programme_id=learning_programme.programme_id)
    db.session.add(group)
    db.session.flush()
    logger.info("learning group %s joined programme %s by %s", programme.id, learning_programme.programme_id,
                describe(actor))
    return group


def groups_of(learning_programme: LearningProgramme, *, active_only: bool = False) -> list[LearningGroup]:
    """The programme's groups by country name, with what their cards show (a fixed number of queries)."""
    stmt = (sa.select(LearningGroup).where(LearningGroup.learning_programme_id == learning_programme.programme_id)
            .options(joinedload(LearningGroup.programme), joinedload(LearningGroup.host_organisation),
                     joinedload(LearningGroup.coordinator)))
    if active_only:
        stmt = stmt.where(LearningGroup.active.is_(True))
    return sorted(db.session.scalars(stmt), key=lambda g: g.country_name)


def set_host(group: LearningGroup, *, organisation_name: str, organisation_kind: OrganisationKind | None = None,
             coordinator: User | None, actor) -> LearningGroup:
    """Name the host organisation and its coordinator, who then holds the host role on the group."""
    name = " ".join((organisation_name or "").split())
    if not name:
        raise DomainError("Name the host organisation.")
    group.host_organisation = find_or_create_organisation(name, organisation_kind or OrganisationKind.CIVIL_SOCIETY,
                                                          group.country)
    if group.coordinator_id != (coordinator.id if coordinator else None):
        if group.coordinator is not None:
            _revoke(group.coordinator, Role.HOST, group.programme_id)
        group.coordinator = coordinator
        if coordinator is not None:
            grant_role(coordinator, Role.HOST, programme=group.programme, actor=actor)
    db.session.flush()
    logger.info("host of learning group %s set to organisation %s, coordinator %s, by %s", group.programme_id,
                group.host_organisation_id, group.coordinator_id, describe(actor))
    return group


def _revoke(user: User, role: Role, programme_id: int) -> None:
    for grant in list(user.role_grants):
        if grant.role == role and grant.programme_id == programme_id:
            user.role_grants.remove(grant)


def update_settings(group: LearningGroup, *, publish_members: bool, publish_work: bool, output_ids, actor) -> None:
    """What the group publishes, and the logframe outputs it works on."""
    group.publish_members = bool(publish_members)
    group.publish_work = bool(publish_work)
    wanted = {int(i) for i in output_ids or ()}
    known = {o.id for o in group.learning_programme.outputs}
    if wanted - known:
        raise DomainError("Choose outputs of this programme's logframe.")
    have = {a.output_id: a for a in _adoptions(group)}
    in_use = set(db.session.scalars(
        sa.select(PlanActivity.output_id).join(WorkPlan).where(WorkPlan.group_id == group.programme_id)))
    dropped = set(have) - wanted
    if dropped & in_use:
        raise DomainError("An output that activities of a work plan serve cannot be dropped.")
    for output_id in dropped:
        db.session.delete(have[output_id])
    for output_id in wanted - set(have):
        db.session.add(OutputAdoption(group_id=group.programme_id, output_id=output_id))
    db.session.flush()
    logger.info("settings of learning group %s changed by %s", group.programme_id, describe(actor))


def _adoptions(group: LearningGroup) -> list[OutputAdoption]:
    return list(db.session.scalars(sa.select(OutputAdoption).where(OutputAdoption.group_id == group.programme_id)))


def adopted_outputs(group: LearningGroup) -> list[Output]:
    return list(db.session.scalars(
        sa.select(Output).join(OutputAdoption, OutputAdoption.output_id == Output.id)
        .where(OutputAdoption.group_id == group.programme_id)
        .options(selectinload(Output.indicators).selectinload(Indicator.targets))
        .order_by(Output.position, Output.id)))


# --- members ------------------------------------------------------------------------------------

def _open_membership(group: LearningGroup, user_id: int) -> GroupMember | None:
    return db.session.scalar(sa.select(GroupMember).where(
        GroupMember.group_id == group.programme_id, GroupMember.user_id == user_id,
        GroupMember.status.in_(OPEN_MEMBERSHIP)))


def _refuse_twice(group: LearningGroup, user: User) -> None:
    existing = _open_membership(group, user.id)
    if existing is not None:
        if existing.status == MembershipStatus.ACTIVE:
            raise DomainError(f"{user.name} is already a member of this group.")
        raise DomainError(f"{user.name} has already asked to join; decide on that request instead.")


def _profile(member: GroupMember, group: LearningGroup, user: User, fields: dict) -> None:
    member.stakeholder_group = fields.get("stakeholder_group") or user.stakeholder_group
    member.gender = fields.get("gender") or user.gender
    member.languages = list(dict.fromkeys(fields.get("languages") or user.languages or []))
    name = (fields.get("organisation_name") or "").strip()
    if name:
        kind = fields.get("organisation_kind") or OrganisationKind.OTHER
        member.organisation = find_or_create_organisation(name, kind, user.country or group.country)
    else:
        member.organisation_id = user.organisation_id


def add_member(group: LearningGroup, user: User, *, actor, joined_on: date, **fields) -> GroupMember:
    """The coordinator or secretariat adds a member directly (their decision is the adding)."""
    _refuse_twice(group, user)
    member = GroupMember(group_id=group.programme_id, user_id=user.id,
                         status=MembershipStatus.ACTIVE, joined_on=joined_on, note=(fields.get("note") or "").strip(),
                         decided_by_id=actor.id if actor else None, decided_at=utcnow())
    with db.session.no_autoflush:
        _profile(member, group, user, fields)
    db.session.add(member)
    grant_role(user, Role.PARTICIPANT, programme=group.programme, actor=actor)
    db.session.flush()
    logger.info("user %s added to learning group %s by %s", user.id, group.programme_id, describe(actor))
    return member


def ask_to_join(group: LearningGroup, *, actor, note: str = "") -> GroupMember:
    """A person asks to join; the coordinator or secretariat decides."""
    if not group.active:
        raise DomainError("This group is no longer active.")
    _refuse_twice(group, actor)
    member = GroupMember(group_id=group.programme_id, user_id=actor.id,
                         status=MembershipStatus.REQUESTED, note=(note or "").strip())
    _profile(member, group, actor, {})
    db.session.add(member)
    db.session.flush()
    logger.info("user %s asked to join learning group %s", actor.id, group.programme_id)
    return member


def decide_request(member: GroupMember, *, accept: bool, joined_on: date, actor) -> GroupMember:
    """Accept or decline a request to join."""
    if member.status != MembershipStatus.REQUESTED:
        raise DomainError(f"This request has already been decided ({member.status.label.lower()}).")
    member.status = MembershipStatus.ACTIVE if accept else MembershipStatus.DECLINED
    member.joined_on = joined_on if accept else None
    member.decided_by_id = actor.id if actor else None
    member.decided_at = utcnow()
    if accept:
        grant_role(member.user, Role.PARTICIPANT, programme=member.group.programme, actor=actor)
    db.session.flush()
    logger.info("request %s to join learning group %s %s by %s", member.id, member.group_id,
                "accepted" if accept else "declined", describe(actor))
    return member


def end_membership(member: GroupMember, *, left_on: date, actor) -> GroupMember:
    """A member leaves; the row stays as history, and the member's access to the group ends."""
    if member.status != MembershipStatus.ACTIVE:
        raise DomainError("Only a current member can leave.")
    if member.joined_on and left_on < member.joined_on:
        raise DomainError("The day of leaving cannot come before the day of joining.")
    member.status = MembershipStatus.LEFT
    member.left_on = left_on
    if member.group.coordinator_id != member.user_id:
        _revoke(member.user, Role.PARTICIPANT, member.group_id)
    db.session.flush()
    logger.info("member %s left learning group %s (by %s)", member.id, member.group_id, describe(actor))
    return member


def memberships(group: LearningGroup) -> list[GroupMember]:
    """Every membership of the group, current first, then requests, then history (one query)."""
    order = {MembershipStatus.ACTIVE: 0, MembershipStatus.REQUESTED: 1, MembershipStatus.LEFT: 2,
             MembershipStatus.DECLINED: 3}
    rows = db.session.scalars(
        sa.select(GroupMember).where(GroupMember.group_id == group.programme_id)
        .options(joinedload(GroupMember.user), joinedload(GroupMember.organisation)))
    return sorted(rows, key=lambda m: (order[m.status], m.user.name.lower(), m.id))


# The balance of voices, with the events' machinery

@dataclass(frozen=True)
class GroupBalance:
    members: Population
    warnings: list[str]


def group_balance(group: LearningGroup, members: list[GroupMember]) -> GroupBalance:
    """The current members by stakeholder group, gender and country, and what is out of balance."""
    active = [m for m in members if m.status == MembershipStatus.ACTIVE]
    voices = [Voice(RegistrationStatus.CONFIRMED, m.stakeholder_group, m.user.country or group.country, m.gender,
                    False) for m in active]
    population = balance_of(voices).confirmed
    rules = group.learning_programme
    warnings = []
    if population.total < rules.min_members:
        warnings.append(f"The group has {population.total} member{'s' if population.total != 1 else ''}: "
                        f"a learning group needs at least {rules.min_members}.")
    if population.total > rules.max_members:
        warnings.append(f"The group has {population.total} members: more than {rules.max_members} "
                        "stops it being personal.")
    for value in rules.required_groups:
        required = StakeholderGroup(value)
        if not population.groups.count(required):
            warnings.append(f"No member from “{required.label}”, whom the programme requires.")
    for line in population.groups.lines:
        if line.key is not None and line.count * 100 > rules.max_group_share * population.total:
            warnings.append(f"“{line.label}” hold {line.share} % of the seats, more than "
                            f"{rules.max_group_share} %.")
    return GroupBalance(population, warnings)


# --- the logframe ---------------------------------------------------------------------------------

def add_output(learning_programme: LearningProgramme, *, theme: str, title: str, actor) -> Output:
    title = (title or "").strip()
    if not title:
        raise DomainError("Give the output a title.")
    output = Output(learning_programme_id=learning_programme.programme_id, theme=(theme or "").strip(), title=title,
                    position=len(learning_programme.outputs) + 1)
    learning_programme.outputs.append(output)
    db.session.flush()
    logger.info("output %s added to learning programme %s by %s", output.id, output.learning_programme_id,
                describe(actor))
    return output


def add_indicator(output: Output, *, name: str, unit: IndicatorUnit, baseline: Decimal,
                  targets: dict[int, Decimal], actor) -> Indicator:
    """An indicator of ``output`` with its baseline and a target for each year given."""
    unit = IndicatorUnit(unit)
    name = (name or "").strip()
    if not name:
        raise DomainError("Name the indicator.")
    for label, value in [("baseline", baseline), *((f"target for {y}", v) for y, v in targets.items())]:
        problem = unit.check(Decimal(value))
        if problem:
            raise DomainError(f"The {label}: {problem}")
    indicator = Indicator(name=name, unit=unit, baseline=Decimal(baseline),
                          targets=[IndicatorTarget(year=y, target=Decimal(v)) for y, v in sorted(targets.items())])
    output.indicators.append(indicator)
    db.session.flush()
    logger.info("indicator %s added to output %s by %s", indicator.id, output.id, describe(actor))
    return indicator


def logframe(learning_programme: LearningProgramme) -> list[Output]:
    """The outputs with their indicators and targets (a fixed number of queries)."""
    return list(db.session.scalars(
        sa.select(Output).where(Output.learning_programme_id == learning_programme.programme_id)
        .options(selectinload(Output.indicators).selectinload(Indicator.targets))
        .order_by(Output.position, Output.id)))


# --- work plans -----------------------------------------------------------------------------------

# What the work-plan and progress-report pages show, loaded in a fixed number of queries.
PLAN_PAGE = [
    joinedload(WorkPlan.group).joinedload(LearningGroup.programme),
    selectinload(WorkPlan.activities).options(
        joinedload(PlanActivity.output),
        joinedload(PlanActivity.lead_member).joinedload(GroupMember.user),
        selectinload(PlanActivity.budget_links).joinedload(ActivityBudgetLine.budget_line)
        .joinedload(BudgetLine.budget)),
    selectinload(WorkPlan.decisions).joinedload(ReviewDecision.decided_by),
]
REPORT_PAGE = [
    joinedload(ProgressReport.group).joinedload(LearningGroup.programme),
    selectinload(ProgressReport.activity_notes).joinedload(ActivityProgress.activity),
    selectinload(ProgressReport.values).joinedload(IndicatorValue.indicator),
    selectinload(ProgressReport.decisions).joinedload(ReviewDecision.decided_by),
]


def plans_of(group: LearningGroup) -> list[WorkPlan]:
    """Every revision of every plan of the group, newest year and revision first."""
    return list(db.session.scalars(
        sa.select(WorkPlan).where(WorkPlan.group_id == group.programme_id)
        .order_by(WorkPlan.year.desc(), WorkPlan.revision.desc())))


def create_plan(group: LearningGroup, *, year: int, summary: str = "", actor) -> WorkPlan:
    """A draft plan for ``year``; a group has one plan a year (changes are revisions of it)."""
    if db.session.scalar(sa.select(WorkPlan.id).where(WorkPlan.group_id == group.programme_id,
                                                      WorkPlan.year == year)) is not None:
        raise DomainError(f"The group already has a work plan for {year}. Open it, or revise it once approved.")
    plan = WorkPlan(group=group, group_id=group.programme_id, year=year, revision=1, status=ReviewStatus.DRAFT,
                    summary=(summary or "").strip(), created_by_id=actor.id if actor else None)
    db.session.add(plan)
    db.session.flush()
    logger.info("work plan %s (%s) of learning group %s created by %s", plan.id, year, group.programme_id,
                describe(actor))
    return plan


def _editable(thing) -> None:
    if thing.status not in EDITABLE:
        raise DomainError(f"This {thing.noun} is {thing.status.label.lower()}: it can no longer be changed."
                          + (" Start a revision to change it." if thing.status == ReviewStatus.APPROVED
                             and isinstance(thing, WorkPlan) else ""))


ACTIVITY_FIELDS = ("kind", "title", "description", "output_id", "lead_member_id", "starts_on", "ends_on", "status")


def _apply_activity(plan: WorkPlan, activity: PlanActivity, fields: dict) -> None:
    title = (fields.get("title") or "").strip()
    if not title:
        raise DomainError("Give the activity a title.")
    output = db.session.get(Output, fields.get("output_id") or 0)
    if output is None or output.learning_programme_id != plan.group.learning_programme_id:
        raise DomainError("Link the activity to an output of the programme's logframe.")
    lead_id = fields.get("lead_member_id")
    if lead_id:
        lead = db.session.get(GroupMember, lead_id)
        if lead is None or lead.group_id != plan.group_id or lead.status != MembershipStatus.ACTIVE:
            raise DomainError("The lead must be a current member of the group.")
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts and ends and ends < starts:
        raise DomainError("The activity must end after it starts.")
    for day in (starts, ends):
        if day and day.year != plan.year:
            raise DomainError(f"Dates of a {plan.year} plan's activities fall in {plan.year}.")
    activity.kind = ActivityKind(fields.get("kind") or ActivityKind.OTHER)
    activity.title = title
    activity.description = (fields.get("description") or "").strip()
    activity.output_id = output.id
    activity.lead_member_id = lead_id or None
    activity.starts_on, activity.ends_on = starts, ends
    activity.status = ActivityStatus(fields.get("status") or ActivityStatus.PLANNED)
    # Working on an output is adopting it.
    if db.session.scalar(sa.select(OutputAdoption.id).where(OutputAdoption.group_id == plan.group_id,
                                                            OutputAdoption.output_id == output.id)) is None:
        db.session.add(OutputAdoption(group_id=plan.group_id, output_id=output.id))


def add_activity(plan: WorkPlan, *, actor, **fields) -> PlanActivity:
    _editable(plan)
    activity = PlanActivity()
    with db.session.no_autoflush:
        _apply_activity(plan, activity, fields)
    plan.activities.append(activity)
    db.session.flush()
    logger.info("activity %s added to work plan %s by %s", activity.id, plan.id, describe(actor))
    return activity


def update_activity(activity: PlanActivity, *, actor, **fields) -> PlanActivity:
    _editable(activity.plan)
    _apply_activity(activity.plan, activity, fields)
    db.session.flush()
    logger.info("activity %s changed by %s", activity.id, describe(actor))
    return activity


def save_activity(plan: WorkPlan, activity: PlanActivity | None, fields: dict, budget_line_ids, *,
                  actor) -> PlanActivity:
    """Add (``activity`` None) or change an activity, and the budget lines that pay for it when given."""
    if activity is None:
        activity = add_activity(plan, actor=actor, **fields)
    else:
        update_activity(activity, actor=actor, **fields)
    if budget_line_ids is not None:
        link_budget_lines(activity, budget_line_ids, actor=actor)
    return activity


def remove_activity(activity: PlanActivity, *, actor) -> None:
    _editable(activity.plan)
    activity.plan.activities.remove(activity)
    db.session.flush()
    logger.info("activity %s removed by %s", activity.id, describe(actor))


def change_plan_status(plan: WorkPlan, new_status: ReviewStatus, *, reason: str, actor) -> ReviewDecision:
    """Submit, approve or return a plan; approving a revision retires the revision it replaces."""
    new_status = ReviewStatus(new_status)
    if new_status == ReviewStatus.SUBMITTED and not plan.activities:
        raise DomainError("Add at least one activity before submitting the plan.")
    decision = plan.change_status(new_status, reason=reason, actor=actor)
    if new_status == ReviewStatus.APPROVED:
        for older in db.session.scalars(sa.select(WorkPlan).where(
                WorkPlan.group_id == plan.group_id, WorkPlan.year == plan.year, WorkPlan.id != plan.id,
                WorkPlan.status == ReviewStatus.APPROVED)):
            older.decisions.append(ReviewDecision(
                from_status=older.status, to_status=ReviewStatus.SUPERSEDED,
                reason=f"Replaced by revision {plan.revision}.", decided_by_id=actor.id if actor else None))
            older.status = ReviewStatus.SUPERSEDED
    db.session.flush()
    logger.info("work plan %s %s by %s", plan.id, new_status, describe(actor))
    return decision


def revise_plan(plan: WorkPlan, *, actor) -> WorkPlan:
    """A new draft revision of an approved plan, with its activities copied; the approved one stays in force."""
    if plan.status != ReviewStatus.APPROVED:
        raise DomainError("Only an approved plan is revised; a draft or returned plan is changed directly.")
    newest = db.session.scalar(sa.select(sa.func.max(WorkPlan.revision)).where(
        WorkPlan.group_id == plan.group_id, WorkPlan.year == plan.year))
    if newest != plan.revision:
        raise DomainError("A revision of this plan is already under way.")
    revision = WorkPlan(group=plan.group, group_id=plan.group_id, year=plan.year, revision=plan.revision + 1,
                        status=ReviewStatus.DRAFT, summary=plan.summary, created_by_id=actor.id if actor else None,
                        activities=[PlanActivity(**{name: getattr(a, name) for name in ACTIVITY_FIELDS},
                                                 budget_links=[ActivityBudgetLine(budget_line_id=link.budget_line_id)
                                                               for link in a.budget_links])
                                    for a in plan.activities])
    db.session.add(revision)
    db.session.flush()
    logger.info("work plan %s revised as %s by %s", plan.id, revision.id, describe(actor))
    return revision


def approved_plan(group: LearningGroup, year: int) -> WorkPlan | None:
    return db.session.scalar(sa.select(WorkPlan).where(
        WorkPlan.group_id == group.programme_id, WorkPlan.year == year, WorkPlan.status == ReviewStatus.APPROVED))


# --- progress reports -----------------------------------------------------------------------------

def periods(learning_programme: LearningProgramme, year: int) -> list[tuple[date, date]]:
    """The reporting periods of ``year`` (half-years unless the programme says otherwise)."""
    months = learning_programme.report_period_months
    result = []
    for first in range(1, 13, months):
        last = first + months - 1
        end = date(year + (last > 12), (last - 1) % 12 + 1, 1)
        end = (date(end.year + (end.month == 12), end.month % 12 + 1, 1) - timedelta(days=1))
        result.append((date(year, first, 1), end))
    return result


def reports_of(group: LearningGroup) -> list[ProgressReport]:
    return list(db.session.scalars(
        sa.select(ProgressReport).where(ProgressReport.group_id == group.programme_id)
        .order_by(ProgressReport.period_start.desc())))


def create_report(group: LearningGroup, *, period_start: date, actor) -> ProgressReport:
    """A draft report for one period of the year's approved plan; one report per period."""
    match = [p for p in periods(group.learning_programme, period_start.year) if p[0] == period_start]
    if not match:
        raise DomainError("Choose one of the programme's reporting periods.")
    plan = approved_plan(group, period_start.year)
    if plan is None:
        raise DomainError(f"The group has no approved work plan for {period_start.year} to report on.")
    if db.session.scalar(sa.select(ProgressReport.id).where(ProgressReport.group_id == group.programme_id,
                                                            ProgressReport.period_start == period_start)):
        raise DomainError("A report for this period already exists.")
    report = ProgressReport(group=group, group_id=group.programme_id, plan=plan, period_start=match[0][0],
                            period_end=match[0][1], status=ReviewStatus.DRAFT)
    db.session.add(report)
    db.session.flush()
    logger.info("progress report %s of learning group %s created by %s", report.id, group.programme_id,
                describe(actor))
    return report


def report_indicators(report: ProgressReport) -> list[Indicator]:
    """The indicators the group reports on: those of the outputs it adopted."""
    return [i for o in adopted_outputs(report.group) for i in o.indicators]


def parse_value(raw) -> Decimal | None:
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise DomainError(f"“{raw}” is not a number.") from None
    if not value.is_finite():
        raise DomainError(f"“{raw}” is not a number.")
    return value


def save_report(report: ProgressReport, *, summary: str, activities: dict[int, tuple[ActivityStatus, str]],
                values: dict[int, tuple[Decimal | None, str]], actor) -> ProgressReport:
    """Record what happened per activity and the value reached per indicator; all or nothing."""
    _editable(report)
    indicators = {i.id: i for i in report_indicators(report)}
    own = {a.id: a for a in report.plan.activities}
    if set(activities) - set(own):
        raise DomainError("Report only on the activities of the plan.")
    if set(values) - set(indicators):
        raise DomainError("Report only on the indicators of the outputs the group adopted.")
    problems = []
    for indicator_id, (value, _evidence) in values.items():
        if value is not None:
            problem = indicators[indicator_id].unit.check(value)
            if problem:
                problems.append(f"{indicators[indicator_id].name}: {problem}")
    if problems:
        raise DomainError(" ".join(problems))
    report.summary = (summary or "").strip()
    notes = {n.activity_id: n for n in report.activity_notes}
    for activity_id, (status, text) in activities.items():
        note = notes.get(activity_id)
        if note is None:
            note = ActivityProgress(activity_id=activity_id)
            report.activity_notes.append(note)
        note.status, note.text = ActivityStatus(status), (text or "").strip()
    kept = {v.indicator_id: v for v in report.values}
    for indicator_id, (value, evidence) in values.items():
        row = kept.get(indicator_id)
        if value is None:
            if row is not None:
                report.values.remove(row)
            continue
        if row is None:
            row = IndicatorValue(indicator_id=indicator_id)
            report.values.append(row)
        row.value, row.evidence = value, (evidence or "").strip()
    db.session.flush()
    logger.info("progress report %s saved by %s", report.id, describe(actor))
    return report


def save_report_form(report: ProgressReport, *, summary: str, activities, raw_values: dict[int, tuple[str, str]],
                     actor) -> ProgressReport:
    """``save_report`` from what was typed: each value is read as a number first."""
    problems, values = [], {}
    for indicator_id, (raw, evidence) in raw_values.items():
        try:
            values[indicator_id] = (parse_value(raw), evidence)
        except DomainError as error:
            problems.append(str(error))
    if problems:
        raise DomainError(" ".join(problems))
    return save_report(report, summary=summary, activities=activities, values=values, actor=actor)


def change_report_status(report: ProgressReport, new_status: ReviewStatus, *, reason: str,
                         actor) -> ReviewDecision:
    decision = report.change_status(new_status, reason=reason, actor=actor)
    db.session.flush()
    logger.info("progress report %s %s by %s", report.id, new_status, describe(actor))
    return decision


# --- the programme dashboard ---------------------------------------------------------------------

@dataclass
class IndicatorFigures:
    indicator: Indicator
    output: Output
    target: Decimal | None
    achieved: Decimal | None
    by_group: dict[int, Decimal] = field(default_factory=dict)


def _aggregate(unit: IndicatorUnit, total: Decimal, count: int) -> Decimal:
    if unit.is_average:
        return (total / count).quantize(Decimal("0.01"))
    return total


def dashboard(learning_programme: LearningProgramme, year: int) -> tuple[list[LearningGroup], list[IndicatorFigures]]:
    """Approved values of ``year`` per indicator, summed (averaged for percentages), per country too."""
    groups = groups_of(learning_programme)
    outputs = logframe(learning_programme)
    rows = db.session.execute(
        sa.select(IndicatorValue.indicator_id, ProgressReport.group_id, sa.func.sum(IndicatorValue.value),
                  sa.func.count(IndicatorValue.id))
        .join(ProgressReport, ProgressReport.id == IndicatorValue.report_id)
        .join(LearningGroup, LearningGroup.programme_id == ProgressReport.group_id)
        .where(LearningGroup.learning_programme_id == learning_programme.programme_id,
               ProgressReport.status == ReviewStatus.APPROVED,
               ProgressReport.period_start >= date(year, 1, 1), ProgressReport.period_start <= date(year, 12, 31))
        .group_by(IndicatorValue.indicator_id, ProgressReport.group_id)).all()
    per: dict[int, dict[int, tuple[Decimal, int]]] = defaultdict(dict)
    for indicator_id, group_id, total, count in rows:
        per[indicator_id][group_id] = (Decimal(total), count)
    figures = []
    for output in outputs:
        for indicator in output.indicators:
            cells = per.get(indicator.id, {})
            total = sum((t for t, _ in cells.values()), Decimal(0))
            count = sum(c for _, c in cells.values())
            figures.append(IndicatorFigures(
                indicator=indicator, output=output, target=indicator.target_for(year),
                achieved=_aggregate(indicator.unit, total, count) if count else None,
                by_group={g: _aggregate(indicator.unit, t, c) for g, (t, c) in cells.items()}))
    return groups, figures


# --- reminders of reports due --------------------------------------------------------------------

DUE_SOON_DAYS = 14


@dataclass
class ReportReminder:
    kind: str  # "due_soon" or "overdue"
    group: LearningGroup
    period_start: date
    period_end: date
    due_on: date
    to: str

    def dedupe_key(self, today: date) -> str:
        # Once per period when due soon; monthly while overdue, so a daily cron does not nag daily.
        period = "due" if self.kind == "due_soon" else f"{today:%Y-%m}"
        return f"remind:learning_report:{self.kind}:{self.group.programme_id}:{self.period_start}:{period}"


def report_reminders_due(today: date) -> list[ReportReminder]:
    """Coordinators whose report for a period of an approved plan is due soon or overdue (four queries)."""
    plans = db.session.execute(
        sa.select(WorkPlan.group_id, WorkPlan.year).where(WorkPlan.status == ReviewStatus.APPROVED)).all()
    groups = {g.programme_id: g for g in db.session.scalars(
        sa.select(LearningGroup).where(LearningGroup.active.is_(True), LearningGroup.coordinator_id.is_not(None),
                                       LearningGroup.programme_id.in_({p.group_id for p in plans}))
        .options(joinedload(LearningGroup.coordinator), joinedload(LearningGroup.learning_programme),
                 joinedload(LearningGroup.programme)))}
    filed = set(db.session.execute(
        sa.select(ProgressReport.group_id, ProgressReport.period_start)
        .where(ProgressReport.status.in_((ReviewStatus.SUBMITTED, ReviewStatus.APPROVED)))).all())
    reminders = []
    for group_id, year in sorted(plans):
        group = groups.get(group_id)
        if group is None or not group.coordinator.is_active:
            continue
        for start, end in periods(group.learning_programme, year):
            due = end + timedelta(days=group.learning_programme.report_due_days)
            if (group_id, start) in filed or today < due - timedelta(days=DUE_SOON_DAYS):
                continue
            kind = "overdue" if today > due else "due_soon"
            reminders.append(ReportReminder(kind, group, start, end, due, group.coordinator.email))
    keys = [r.dedupe_key(today) for r in reminders]
    sent = set(db.session.scalars(sa.select(MailMessage.dedupe_key).where(MailMessage.dedupe_key.in_(keys))))
    return [r for r in reminders if r.dedupe_key(today) not in sent]


def send_report_reminders(today: date, *, dry_run: bool) -> list[ReportReminder]:
    """Queue today's report reminders to the coordinators (none twice for the same period and month)."""
    reminders = report_reminders_due(today)
    if dry_run:
        return reminders
    queued = []
    for r in reminders:
        state = "is past its due date" if r.kind == "overdue" else "is due soon"
        body = "\n".join([
            f"Dear {r.group.coordinator.name},", "",
            f"The progress report of {r.group.title} for {r.period_start:%d %B %Y} to {r.period_end:%d %B %Y} "
            f"{state}: it is due on {r.due_on:%d %B %Y}.", "",
            "Please report per activity what happened, and per indicator the value reached with its evidence.",
            "", "With best wishes,", "The secretariat", ""])
        if mail.queue(r.to, f"Progress report {state}: {r.group.title}", body,
                      kind=f"learning_report_{r.kind}", dedupe_key=r.dedupe_key(today)) is not None:
            queued.append(r)
    logger.info("%s learning group report reminders queued by the system", len(queued))
    return queued


# --- the group's page: commitments and timeline --------------------------------------------------

def group_events(group: LearningGroup) -> list[Event]:
    return list(db.session.scalars(sa.select(Event).where(Event.programme_id == group.programme_id)
                                   .order_by(Event.starts_on, Event.id)))


def group_commitments(group: LearningGroup, event_ids: list[int]) -> sa.Select:
    """A select of the commitments made at the group's meetings or to the group itself."""
    return (sa.select(Commitment).where(sa.or_(Commitment.programme_id == group.programme_id,
                                               Commitment.event_id.in_(event_ids)))
            .order_by(Commitment.due_on, Commitment.id))


@dataclass
class TimelineYear:
    year: int
    meetings: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    commitments: list = field(default_factory=list)


def timeline(events, plans, reports, commitments) -> list[TimelineYear]:
    """Meetings, plans, reports and commitments grouped by year, newest first."""
    years: dict[int, TimelineYear] = {}

    def year(y: int) -> TimelineYear:
        return years.setdefault(y, TimelineYear(y))

    for event in events:
        year(event.starts_on.year).meetings.append(event)
    for plan in plans:
        year(plan.year).plans.append(plan)
    for report in reports:
        year(report.period_start.year).reports.append(report)
    for commitment in commitments:
        year(commitment.due_on.year).commitments.append(commitment)
    return [years[y] for y in sorted(years, reverse=True)]


# --- the international learning event ------------------------------------------------------------

PRESENTATION_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
PRESENTATION_MAX_BYTES = 10 * 1024 * 1024
SLOT_MINUTES = 45


def create_learning_event(learning_programme: LearningProgramme, *, actor, **fields) -> Event:
    """An international learning event of the programme, with a slot for every active group's team."""
    event = create_event(actor=actor, kind=EventKind.INTERNATIONAL_LEARNING_EVENT,
                         programme_id=learning_programme.programme_id, **fields)
    give_team_slots(event, actor=actor)
    return event


def _learning_programme_of_event(event: Event) -> LearningProgramme:
    programme = event.programme
    if (event.kind != EventKind.INTERNATIONAL_LEARNING_EVENT or programme is None
            or programme.kind != ProgrammeKind.LEARNING_PROGRAMME):
        raise DomainError("Team slots belong to an international learning event of a learning-group programme.")
    return learning_programme_of(programme)


def give_team_slots(event: Event, *, actor, due_at: datetime | None = None) -> list[TeamPresentation]:
    """A presentation slot on the agenda for every active group without one; a field trip on the first day.

    Slots follow one another from 09:00 on the second day (the first is the field trip's) in
    the event's own time zone. Running it again adds only the groups that joined since.
    """
    learning_programme = _learning_programme_of_event(event)
    have = set(db.session.scalars(sa.select(TeamPresentation.group_id).where(TeamPresentation.event_id == event.id)))
    missing = [g for g in groups_of(learning_programme, active_only=True) if g.programme_id not in have]
    items = list(db.session.scalars(sa.select(AgendaItem).where(AgendaItem.event_id == event.id)))
    if event.days > 1 and not any(i.kind == ItemKind.FIELD_VISIT for i in items):
        add_item(event, actor=actor, kind=ItemKind.FIELD_VISIT, title="Field trip",
                 description="A visit to mining sites near the venue, hosted by the country's group.",
                 starts_at=local_instant(event.timezone, event.starts_on, time(8, 0)),
                 ends_at=local_instant(event.timezone, event.starts_on, time(16, 0)))
    day = event.starts_on + timedelta(days=1 if event.days > 1 else 0)
    taken = [i.ends_at for i in items if i.starts_at.astimezone(UTC) >= local_instant(event.timezone, day, time(0, 0))
             and i.title.startswith("Country team:")]
    start = max(taken) if taken else local_instant(event.timezone, day, time(9, 0))
    deadline = due_at or local_instant(event.timezone, event.starts_on - timedelta(days=7), time(23, 59))
    made = []
    for group in missing:
        item = add_item(event, actor=actor, kind=ItemKind.PLENARY, title=f"Country team: {group.country_name}",
                        description=f"{group.title} presents its achievements, tactics, lessons, challenges "
                                    "and next work plan, followed by peer review.",
                        starts_at=start, ends_at=start + timedelta(minutes=SLOT_MINUTES))
        start += timedelta(minutes=SLOT_MINUTES)
        presentation = TeamPresentation(event_id=event.id, group_id=group.programme_id, agenda_item=item,
                                        due_at=deadline)
        db.session.add(presentation)
        made.append(presentation)
    db.session.flush()
    logger.info("%s team slots given at event %s by %s", len(made), event.id, describe(actor))
    return made


def presentations_at(event: Event) -> list[TeamPresentation]:
    """The teams' presentations at ``event`` in agenda order, with their groups and reviews (fixed queries)."""
    rows = db.session.scalars(
        sa.select(TeamPresentation).where(TeamPresentation.event_id == event.id)
        .options(joinedload(TeamPresentation.group).joinedload(LearningGroup.programme),
                 joinedload(TeamPresentation.agenda_item), joinedload(TeamPresentation.file),
                 selectinload(TeamPresentation.reviews).joinedload(PeerReview.author)))
    return sorted(rows, key=lambda p: (p.agenda_item.starts_at if p.agenda_item else datetime.max.replace(tzinfo=UTC),
                                       p.id))


def save_presentation(presentation: TeamPresentation, *, actor, upload=None, now: datetime | None = None,
                      **texts) -> TeamPresentation:
    """The team's presentation: a file, or its achievements, tactics, lessons, challenges and next plan."""
    presentation.ensure_open(now or utcnow())
    unknown = set(texts) - set(TeamPresentation.TEXT_PARTS)
    if unknown:
        raise TypeError(f"not presentation parts: {sorted(unknown)}")
    if upload is not None and upload.filename:
        presentation.file = files.store_upload(upload, allowed=PRESENTATION_TYPES, max_bytes=PRESENTATION_MAX_BYTES,
                                               actor=actor, fallback_name="presentation")
    for name, value in texts.items():
        setattr(presentation, name, (value or "").strip())
    if not presentation.has_content:
        raise DomainError("Upload the presentation, or write at least one of its parts.")
    presentation.submitted_at = utcnow()
    presentation.submitted_by_id = actor.id if actor else None
    db.session.flush()
    logger.info("presentation %s saved by %s", presentation.id, describe(actor))
    return presentation


class EventTeams:
    """An international learning event with its teams, to ask who may review: its own and its teams' people."""

    def __init__(self, event: Event, group_ids):
        self.event = event
        self.is_public = False
        self.permission_scopes = event.permission_scopes | {(ScopeKind.PROGRAMME, g) for g in group_ids}


def team_of(user, event_id: int) -> set[int]:
    """The groups (ids) with a slot at the event of which ``user`` is a current member or the coordinator."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    members = set(db.session.scalars(
        sa.select(TeamPresentation.group_id).join(GroupMember, GroupMember.group_id == TeamPresentation.group_id)
        .where(TeamPresentation.event_id == event_id, GroupMember.user_id == user.id,
               GroupMember.status == MembershipStatus.ACTIVE)))
    coordinating = set(db.session.scalars(
        sa.select(TeamPresentation.group_id).join(LearningGroup, LearningGroup.programme_id == TeamPresentation.group_id)
        .where(TeamPresentation.event_id == event_id, LearningGroup.coordinator_id == user.id)))
    return members | coordinating


def add_peer_review(presentation: TeamPresentation, *, text: str, actor) -> PeerReview:
    """A comment on another team's presentation, which that team then reads."""
    text = (text or "").strip()
    if not text:
        raise DomainError("Write your comment first.")
    if presentation.group_id in team_of(actor, presentation.event_id):
        raise DomainError("Peer review is for the other teams' presentations, not your own team's.")
    if not presentation.has_content:
        raise DomainError("This team has not presented anything yet.")
    review = PeerReview(author_id=actor.id if actor else None, text=text)
    presentation.reviews.append(review)
    db.session.flush()
    logger.info("peer review %s on presentation %s by %s", review.id, presentation.id, describe(actor))
    return review


# --- budget lines (the budgets area's lines of the group's budget for the plan's year) ----------

def budget_lines_for(plan: WorkPlan) -> list[BudgetLine]:
    """The lines of the group's programme budget for the plan's fiscal year, in their order."""
    return list(db.session.scalars(
        sa.select(BudgetLine).join(Budget, Budget.id == BudgetLine.budget_id)
        .where(Budget.programme_id == plan.group_id, Budget.fiscal_year == plan.year)
        .order_by(BudgetLine.position, BudgetLine.id)))


def link_budget_lines(activity: PlanActivity, line_ids, *, actor) -> None:
    """Say which budget lines pay for ``activity``; only lines of the group's budget for the plan's year."""
    _editable(activity.plan)
    wanted = {int(i) for i in line_ids or ()}
    allowed = {line.id for line in budget_lines_for(activity.plan)}
    if wanted - allowed:
        raise DomainError("Choose lines of the group's budget for the plan's year.")
    have = {link.budget_line_id: link for link in activity.budget_links}
    for line_id in set(have) - wanted:
        activity.budget_links.remove(have[line_id])
    for line_id in sorted(wanted - set(have)):
        activity.budget_links.append(ActivityBudgetLine(budget_line_id=line_id))
    db.session.flush()
    logger.info("budget lines of activity %s set by %s", activity.id, describe(actor))
