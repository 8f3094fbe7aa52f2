"""A person's work: every event and programme where they have a part, and what needs them next.

One list for everyone, so that a host finds the event they host, a convener the registrations
waiting for a decision, a steering committee member the proposals to score, a reviewer the
contributions to review and a coordinator the report that is due. A fixed number of queries,
whatever the number of events, registrations or proposals (tests/dashboard).
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l, lazy_ngettext
from sqlalchemy.orm import joinedload

from dialogues.accounts.models import RoleGrant
from dialogues.commitments import services as commitments
from dialogues.commitments.enums import ReviewStatus as CommitmentReview
from dialogues.commitments.models import Commitment
from dialogues.conferences.models import Contribution, Edition, ReviewAssignment, Reviewer, ReviewScore
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.learning_groups.enums import ReviewStatus as WorkReview
from dialogues.learning_groups.models import LearningGroup, ProgressReport, WorkPlan
from dialogues.learning_groups.services import DUE_SOON_DAYS, periods
from dialogues.permissions import Role
from dialogues.programmes.models import Programme
from dialogues.proposals.enums import OPEN_STATUSES, Criterion
from dialogues.proposals.models import IssueProposal, ProposalScore
from dialogues.registration.enums import RegistrationStatus, SponsorshipStatus
from dialogues.registration.models import Registration, SponsorshipRequest

# A part a person plays, in the words the dashboard shows.
ROLE_NAMES = {
    Role.CONVENER: _l("Convener"),
    Role.HOST: _l("Host"),
    Role.STEERING_COMMITTEE: _l("Steering committee"),
    Role.PARTICIPANT: _l("Participant"),
}
REVIEWER = _l("Reviewer")
COORDINATOR = _l("Coordinator")
ATTENDING = _l("Registered")

# Registrations that hold or ask for a place: these put an event under the person's work.
_ATTENDING = (RegistrationStatus.INVITED, RegistrationStatus.APPLIED, RegistrationStatus.CONFIRMED,
              RegistrationStatus.WAITLISTED, RegistrationStatus.ATTENDED)


@dataclass
class Task:
    """Something waiting for the person, with the page where they do it (an endpoint and its arguments)."""

    text: str
    endpoint: str
    args: dict
    urgent: bool = False


@dataclass
class WorkItem:
    """One event or programme under a person's work: the parts they play there and what needs them."""

    obj: Event | Programme
    roles: list = field(default_factory=list)
    registration: Registration | None = None
    tasks: list[Task] = field(default_factory=list)

    @property
    def is_event(self) -> bool:
        return isinstance(self.obj, Event)

    def add_role(self, name) -> None:
        if name not in self.roles:
            self.roles.append(name)


@dataclass
class Work:
    coming: list[WorkItem]
    programmes: list[WorkItem]
    past: list[WorkItem]
    commitments: list[Task]

    @property
    def empty(self) -> bool:
        return not (self.coming or self.programmes or self.past or self.commitments)

    @property
    def tasks(self) -> int:
        return sum(len(i.tasks) for i in self.coming + self.programmes + self.past) + len(self.commitments)


def work_of(user, today: date) -> Work:
    """Everything ``user`` hosts, convenes, steers, reviews, coordinates or attends, with what needs them.

    ``today`` is UTC's date, for what spans many places; an event is coming until its last local day ends.
    """
    grants = db.session.scalars(sa.select(RoleGrant).where(RoleGrant.user_id == user.id,
                                                           RoleGrant.role != Role.SECRETARIAT)).all()
    event_roles: dict[int, set[Role]] = {}
    programme_roles: dict[int, set[Role]] = {}
    for grant in grants:
        target = event_roles if grant.event_id is not None else programme_roles
        target.setdefault(grant.event_id or grant.programme_id, set()).add(grant.role)

    registrations = {r.event_id: r for r in db.session.scalars(
        sa.select(Registration).where(Registration.user_id == user.id, Registration.status.in_(_ATTENDING))
        .options(joinedload(Registration.sponsorship)))}
    reviewing = set(db.session.scalars(
        sa.select(Edition.event_id).join(Reviewer, Reviewer.edition_id == Edition.id).where(Reviewer.user_id == user.id)))
    coordinated = set(db.session.scalars(
        sa.select(LearningGroup.programme_id).where(LearningGroup.coordinator_id == user.id)))

    programmes = {p.id: p for p in db.session.scalars(
        sa.select(Programme).where(Programme.id.in_(set(programme_roles) | coordinated)))}
    # Events of the programmes one convenes or hosts come too, while they are still ahead.
    leading = {pid for pid, roles in programme_roles.items() if roles & {Role.CONVENER, Role.HOST}}
    events = {e.id: e for e in db.session.scalars(
        sa.select(Event).where(sa.or_(
            Event.id.in_(set(event_roles) | set(registrations) | reviewing),
            sa.and_(Event.programme_id.in_(leading), Event.ends_on >= today - timedelta(days=1)),
        )).options(joinedload(Event.programme)))}

    items: dict[tuple[str, int], WorkItem] = {}
    for event in events.values():
        item = items[("event", event.id)] = WorkItem(event)
        for role in sorted(event_roles.get(event.id, ()), key=list(Role).index):
            item.add_role(ROLE_NAMES[role])
        for role in sorted(programme_roles.get(event.programme_id, set()) & {Role.CONVENER, Role.HOST}, key=list(Role).index):
            item.add_role(ROLE_NAMES[role])
        if event.id in reviewing:
            item.add_role(REVIEWER)
        if (registration := registrations.get(event.id)) is not None:
            item.registration = registration
            item.add_role(ATTENDING)
    for programme in programmes.values():
        item = items[("programme", programme.id)] = WorkItem(programme)
        for role in sorted(programme_roles.get(programme.id, ()), key=list(Role).index):
            item.add_role(ROLE_NAMES[role])
        if programme.id in coordinated:
            item.add_role(COORDINATOR)

    convened_events = {e.id for e in events.values()
                       if Role.CONVENER in event_roles.get(e.id, set()) | programme_roles.get(e.programme_id, set())}
    _registration_tasks(items, convened_events)
    _sponsorship_tasks(items, convened_events)
    _commitment_review_tasks(items, convened_events,
                             {pid for pid, roles in programme_roles.items() if Role.CONVENER in roles})
    _scoring_tasks(items, user, {pid for pid, roles in programme_roles.items() if Role.STEERING_COMMITTEE in roles})
    _review_tasks(items, user)
    hosted_groups = coordinated | {pid for pid, roles in programme_roles.items() if Role.HOST in roles}
    _report_tasks(items, hosted_groups, today)
    _own_registration_tasks(items)
    own = _own_commitment_tasks(items, user, today)

    coming, past, programme_items = [], [], []
    for item in items.values():
        if not item.is_event:
            programme_items.append(item)
        elif item.obj.ends_on >= item.obj.today:
            coming.append(item)
        else:
            past.append(item)
    coming.sort(key=lambda i: (i.obj.starts_on, i.obj.id))
    past.sort(key=lambda i: (i.obj.starts_on, i.obj.id), reverse=True)
    programme_items.sort(key=lambda i: (not i.tasks, i.obj.title))
    return Work(coming=coming, programmes=programme_items, past=past, commitments=own)


def _add(items, kind: str, obj_id: int, task: Task) -> None:
    if (item := items.get((kind, obj_id))) is not None:
        item.tasks.append(task)


def _registration_tasks(items, event_ids: set[int]) -> None:
    counts = db.session.execute(
        sa.select(Registration.event_id, sa.func.count()).where(
            Registration.event_id.in_(event_ids), Registration.status == RegistrationStatus.APPLIED)
        .group_by(Registration.event_id)) if event_ids else []
    for event_id, count in counts:
        _add(items, "event", event_id, Task(
            lazy_ngettext("%(num)d application to decide", "%(num)d applications to decide", count),
            "registration.manage", {"event_id": event_id, "status": RegistrationStatus.APPLIED.value}, urgent=True))


def _sponsorship_tasks(items, event_ids: set[int]) -> None:
    counts = db.session.execute(
        sa.select(Registration.event_id, sa.func.count()).join(SponsorshipRequest)
        .where(Registration.event_id.in_(event_ids), SponsorshipRequest.status == SponsorshipStatus.REQUESTED,
               Registration.status.in_(_ATTENDING))
        .group_by(Registration.event_id)) if event_ids else []
    for event_id, count in counts:
        _add(items, "event", event_id, Task(
            lazy_ngettext("%(num)d sponsorship request to decide", "%(num)d sponsorship requests to decide", count),
            "registration.manage", {"event_id": event_id}, urgent=True))


def _commitment_review_tasks(items, event_ids: set[int], programme_ids: set[int]) -> None:
    if not (event_ids or programme_ids):
        return
    rows = db.session.execute(
        sa.select(Commitment.event_id, Commitment.programme_id, sa.func.count())
        .where(Commitment.review_status == CommitmentReview.SUBMITTED,
               sa.or_(Commitment.event_id.in_(event_ids), Commitment.programme_id.in_(programme_ids)))
        .group_by(Commitment.event_id, Commitment.programme_id))
    by_event, by_programme = Counter(), Counter()
    for event_id, programme_id, count in rows:
        if event_id in event_ids:
            by_event[event_id] += count
        elif programme_id in programme_ids:
            by_programme[programme_id] += count
    for event_id, count in by_event.items():
        _add(items, "event", event_id, Task(
            lazy_ngettext("%(num)d commitment to review", "%(num)d commitments to review", count),
            "commitments.event_dashboard", {"event_id": event_id}))
    for programme_id, count in by_programme.items():
        _add(items, "programme", programme_id, Task(
            lazy_ngettext("%(num)d commitment to review", "%(num)d commitments to review", count),
            "commitments.programme_dashboard", {"programme_id": programme_id}))


def _scoring_tasks(items, user, series_ids: set[int]) -> None:
    if not series_ids:
        return
    mine = (sa.select(sa.func.count(sa.distinct(ProposalScore.criterion)))
            .where(ProposalScore.proposal_id == IssueProposal.id, ProposalScore.member_id == user.id)
            .scalar_subquery())
    counts = db.session.execute(
        sa.select(IssueProposal.series_id, sa.func.count())
        .where(IssueProposal.series_id.in_(series_ids), IssueProposal.scoring_closed_at.is_(None),
               IssueProposal.status.in_(OPEN_STATUSES), mine < len(Criterion))
        .group_by(IssueProposal.series_id))
    for series_id, count in counts:
        _add(items, "programme", series_id, Task(
            lazy_ngettext("%(num)d proposal to score", "%(num)d proposals to score", count),
            "proposals.list_proposals", {"series_id": series_id}, urgent=True))


def _review_tasks(items, user) -> None:
    scored = (sa.select(ReviewScore.id).where(ReviewScore.contribution_id == ReviewAssignment.contribution_id,
                                              ReviewScore.reviewer_id == user.id).exists())
    counts = db.session.execute(
        sa.select(Edition.event_id, sa.func.count())
        .select_from(ReviewAssignment).join(Contribution, Contribution.id == ReviewAssignment.contribution_id)
        .join(Edition, Edition.id == Contribution.edition_id)
        .where(ReviewAssignment.reviewer_id == user.id, ~scored)
        .group_by(Edition.event_id))
    for event_id, count in counts:
        _add(items, "event", event_id, Task(
            lazy_ngettext("%(num)d contribution to review", "%(num)d contributions to review", count),
            "conferences.my_reviews", {}, urgent=True))


def _report_tasks(items, group_ids: set[int], today: date) -> None:
    """Progress reports due within two weeks or overdue, for the groups one coordinates or hosts."""
    if not group_ids:
        return
    groups = {g.programme_id: g for g in db.session.scalars(
        sa.select(LearningGroup).where(LearningGroup.programme_id.in_(group_ids), LearningGroup.active.is_(True))
        .options(joinedload(LearningGroup.learning_programme)))}
    plans = db.session.execute(sa.select(WorkPlan.group_id, WorkPlan.year).where(
        WorkPlan.group_id.in_(groups), WorkPlan.status == WorkReview.APPROVED)).all() if groups else []
    filed = set(db.session.execute(sa.select(ProgressReport.group_id, ProgressReport.period_start).where(
        ProgressReport.group_id.in_(groups),
        ProgressReport.status.in_((WorkReview.SUBMITTED, WorkReview.APPROVED))))) if groups else set()
    for group_id, year in sorted(set(plans)):
        group = groups[group_id]
        for start, end in periods(group.learning_programme, year):
            due = end + timedelta(days=group.learning_programme.report_due_days)
            if (group_id, start) in filed or today < due - timedelta(days=DUE_SOON_DAYS):
                continue
            text = (_l("Progress report overdue since %(date)s", date=due.strftime("%d %b %Y")) if today > due
                    else _l("Progress report due on %(date)s", date=due.strftime("%d %b %Y")))
            _add(items, "programme", group_id, Task(text, "learning_groups.show_group", {"group_id": group_id},
                                                    urgent=today > due))


def _own_registration_tasks(items) -> None:
    for item in items.values():
        registration = item.registration
        if registration is None:
            continue
        if registration.status == RegistrationStatus.INVITED:
            item.tasks.append(Task(_l("Answer your invitation"), "registration.show",
                                   {"registration_id": registration.id}, urgent=True))
        elif registration.has_offer:
            item.tasks.append(Task(_l("A place is offered to you: take it in time"), "registration.show",
                                   {"registration_id": registration.id}, urgent=True))


def _own_commitment_tasks(items, user, today: date) -> list[Task]:
    """The person's own commitments that are overdue or have had no news for long: asked of them on the
    event or programme they were made at, and in one line above the list."""
    rows = [r for r in commitments.rows(commitments.mine(user), today) if r.overdue or r.inactive]
    for row in rows:
        commitment = row.commitment
        task = Task(_l("Update your commitment “%(title)s”", title=commitment.title), "commitments.add_update",
                    {"commitment_id": commitment.id}, urgent=row.overdue)
        if commitment.event_id is not None:
            _add(items, "event", commitment.event_id, task)
        elif commitment.programme_id is not None:
            _add(items, "programme", commitment.programme_id, task)
    if not rows:
        return []
    return [Task(lazy_ngettext("%(num)d of your commitments needs an update", "%(num)d of your commitments need an update",
                               len(rows)), "commitments.mine", {}, urgent=any(r.overdue for r in rows))]

