"""Gathering what proceedings print: one query per section, for one event or all events of a programme.

The result is plain dataclasses, so the PDF builder needs no database and no app.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import Organisation, User
from dialogues.agenda.models import AgendaItem, AgendaItemPerson
from dialogues.commitments.enums import CommitmentVisibility, ProgressStatus, ReviewStatus
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.core import codes
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome
from dialogues.proceedings.teams import TeamChapter, gather_teams
from dialogues.proceedings import abstracts as book
from dialogues.programmes.models import Programme
from dialogues.registration.enums import HOLDS_PLACE
from dialogues.registration.models import Registration

NOT_STATED = "Stakeholder group not stated"
NO_PROGRESS = "No progress reported"


@dataclass
class AgendaEntry:
    starts: datetime  # in the event's own time zone
    ends: datetime
    title: str
    kind: str
    location: str
    track: str
    cancelled: bool
    people: list[str] = field(default_factory=list)


@dataclass
class AgendaDay:
    day: date
    items: list[AgendaEntry]


@dataclass
class Participant:
    name: str
    organisation: str
    country: str


@dataclass
class ParticipantGroup:
    label: str
    people: list[Participant]


@dataclass
class CommitmentEntry:
    title: str
    owner: str
    organisation: str
    due_on: date
    status: str
    share_done: int | None


@dataclass
class EventProceedings:
    """Everything the proceedings of one event print."""

    id: int
    title: str
    kind: str
    programme: str
    starts_on: date
    ends_on: date
    timezone: str
    venue: str
    summary: list[str]  # the co-chairs' summary items, or the event's own summary
    summary_is_cochairs: bool
    outcomes: list[tuple[str, list[str]]]  # (kind label, items) for consensus … action steps
    agenda: list[AgendaDay]
    participants: list[ParticipantGroup]
    participant_mix: list[tuple[str, int]]  # everyone holding a place, listed or not
    participant_total: int
    commitments: list[CommitmentEntry]
    commitment_mix: list[tuple[str, int]]
    all_participants: bool
    # An international learning event's country teams (see teams.py); empty for other events.
    teams: list[TeamChapter] = field(default_factory=list)
    # A conference edition's accepted contributions; None for events that are not editions.
    abstracts: list | None = None


@dataclass
class ProgrammeProceedings:
    """A compilation: a programme and each of its events as a chapter."""

    id: int
    title: str
    kind: str
    summary: str
    events: list[EventProceedings]


def _venue(event: Event) -> str:
    return ", ".join(part for part in (event.venue, event.city, event.country_name) if part)


def _group_label(group: StakeholderGroup | None) -> str:
    return str(group.label) if group is not None else NOT_STATED


def _agenda(event_ids: list[int], zones: dict[int, str]) -> dict[int, list[AgendaDay]]:
    items = db.session.execute(
        sa.select(AgendaItem.id, AgendaItem.event_id, AgendaItem.starts_at, AgendaItem.ends_at, AgendaItem.title,
                  AgendaItem.kind, AgendaItem.location, AgendaItem.track, AgendaItem.cancelled)
        .where(AgendaItem.event_id.in_(event_ids))
        .order_by(AgendaItem.event_id, AgendaItem.starts_at, AgendaItem.track, AgendaItem.id)
    ).all()
    people: dict[int, list[str]] = defaultdict(list)
    rows = db.session.execute(
        sa.select(AgendaItemPerson.item_id, AgendaItemPerson.role, User.name)
        .join(User, User.id == AgendaItemPerson.user_id)
        .join(AgendaItem, AgendaItem.id == AgendaItemPerson.item_id)
        .where(AgendaItem.event_id.in_(event_ids))
        .order_by(AgendaItemPerson.item_id, AgendaItemPerson.id)
    )
    for item_id, role, name in rows:
        people[item_id].append(f"{name} ({role.label.lower()})")
    days: dict[int, dict[date, list[AgendaEntry]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        zone = ZoneInfo(zones[item.event_id])
        starts, ends = item.starts_at.astimezone(zone), item.ends_at.astimezone(zone)
        days[item.event_id][starts.date()].append(AgendaEntry(
            starts=starts, ends=ends, title=item.title, kind=str(item.kind.label), location=item.location,
            track=item.track, cancelled=item.cancelled, people=people.get(item.id, []),
        ))
    return {event_id: [AgendaDay(day, entries) for day, entries in by_day.items()]
            for event_id, by_day in days.items()}


def _participants(event_ids: list[int], everyone: bool):
    rows = db.session.execute(
        sa.select(Registration.event_id, Registration.stakeholder_group, Registration.listed, User.name,
                  Registration.organisation_name, Registration.country)
        .join(User, User.id == Registration.user_id)
        .where(Registration.event_id.in_(event_ids), Registration.status.in_(HOLDS_PLACE))
        .order_by(Registration.event_id, User.name, Registration.id)
    ).all()
    mix: dict[int, Counter] = defaultdict(Counter)
    groups: dict[int, dict[StakeholderGroup | None, list[Participant]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        mix[row.event_id][row.stakeholder_group] += 1
        if everyone or row.listed:
            groups[row.event_id][row.stakeholder_group].append(
                Participant(row.name, row.organisation_name, codes.country_name(row.country) if row.country else ""))
    order = [*StakeholderGroup, None]
    listed = {
        event_id: [ParticipantGroup(_group_label(g), by_group[g]) for g in order if by_group.get(g)]
        for event_id, by_group in groups.items()
    }
    counts = {
        event_id: [(_group_label(g), counter[g]) for g in order if counter[g]]
        for event_id, counter in mix.items()
    }
    return listed, counts


def _latest_update(column, commitment_id):
    """The commitment's latest report's ``column``: one lookup in ix_commitment_updates_latest per commitment."""
    return (
        sa.select(column).where(CommitmentUpdate.commitment_id == commitment_id)
        .order_by(CommitmentUpdate.reported_on.desc(), CommitmentUpdate.id.desc())
        .limit(1).scalar_subquery()
    )


def _commitments(event_ids: list[int], everyone: bool):
    # Correlated lookups rather than a window over every report joined back: without planner
    # statistics PostgreSQL ran that join as a nested loop rescanning the window per
    # commitment (0.5 s at 1,000 commitments, 49 s at 10,000). Each lookup here is one index probe.
    stmt = (
        sa.select(Commitment.event_id, Commitment.title, User.name, Commitment.due_on,
                  _latest_update(CommitmentUpdate.status, Commitment.id).label("status"),
                  _latest_update(CommitmentUpdate.share_done, Commitment.id).label("share_done"),
                  Commitment.organisation_id)
        .join(User, User.id == Commitment.owner_id)
        .where(Commitment.event_id.in_(event_ids))
        .order_by(Commitment.event_id, Commitment.due_on, Commitment.id)
    )
    if not everyone:
        # Only what may be published: accepted in review and marked public.
        stmt = stmt.where(Commitment.visibility == CommitmentVisibility.PUBLIC,
                          Commitment.review_status == ReviewStatus.ACCEPTED)
    rows = db.session.execute(stmt).all()
    organisation_ids = {row.organisation_id for row in rows if row.organisation_id is not None}
    organisations = dict(db.session.execute(
        sa.select(Organisation.id, Organisation.name).where(Organisation.id.in_(organisation_ids))
    ).all()) if organisation_ids else {}
    entries: dict[int, list[CommitmentEntry]] = defaultdict(list)
    mix: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        status = str(ProgressStatus(row.status).label) if row.status is not None else NO_PROGRESS
        entries[row.event_id].append(CommitmentEntry(
            title=row.title, owner=row.name, organisation=organisations.get(row.organisation_id, ""),
            due_on=row.due_on, status=status, share_done=row.share_done,
        ))
        mix[row.event_id][status] += 1
    order = [NO_PROGRESS, *(str(s.label) for s in ProgressStatus)]
    counts = {event_id: [(label, counter[label]) for label in order if counter[label]]
              for event_id, counter in mix.items()}
    return entries, counts


def _outcomes(event_ids: list[int]) -> dict[int, dict[OutcomeKind, list[str]]]:
    grouped: dict[int, dict[OutcomeKind, list[str]]] = defaultdict(lambda: {kind: [] for kind in OutcomeKind})
    rows = db.session.execute(
        sa.select(Outcome.event_id, Outcome.kind, Outcome.text)
        .where(Outcome.event_id.in_(event_ids))
        .order_by(Outcome.event_id, Outcome.position, Outcome.id)
    )
    for event_id, kind, text in rows:
        grouped[event_id][kind].append(text)
    return grouped


def _gather(events: list[Event], everyone: bool) -> list[EventProceedings]:
    ids = [event.id for event in events]
    if not ids:
        return []
    agenda = _agenda(ids, {event.id: event.timezone for event in events})
    participants, mix = _participants(ids, everyone)
    commitments, commitment_mix = _commitments(ids, everyone)
    outcomes = _outcomes(ids)
    # Only international learning events have country teams: other proceedings pay no query for them.
    teams = gather_teams([e.id for e in events if e.kind == EventKind.INTERNATIONAL_LEARNING_EVENT])
    # Only conference editions have a book of abstracts.
    abstracts = book.gather([e.id for e in events if e.kind == EventKind.CONFERENCE])
    programme_titles = dict(db.session.execute(
        sa.select(Programme.id, Programme.title)
        .where(Programme.id.in_({e.programme_id for e in events if e.programme_id is not None}))
    ).all())
    result = []
    for event in events:
        items = outcomes[event.id]
        cochairs = items[OutcomeKind.SUMMARY]
        result.append(EventProceedings(
            id=event.id, title=event.title, kind=str(event.kind.label),
            programme=programme_titles.get(event.programme_id, ""),
            starts_on=event.starts_on, ends_on=event.ends_on, timezone=event.timezone, venue=_venue(event),
            summary=cochairs or ([event.summary] if event.summary else []), summary_is_cochairs=bool(cochairs),
            outcomes=[(str(kind.label), items[kind]) for kind in OutcomeKind if kind != OutcomeKind.SUMMARY],
            agenda=agenda.get(event.id, []),
            participants=participants.get(event.id, []),
            participant_mix=mix.get(event.id, []),
            participant_total=sum(count for _, count in mix.get(event.id, [])),
            commitments=commitments.get(event.id, []),
            commitment_mix=commitment_mix.get(event.id, []),
            all_participants=everyone,
            teams=teams.get(event.id, []),
            abstracts=abstracts.get(event.id),
        ))
    return result


def event_proceedings(event: Event, *, everyone: bool = False) -> EventProceedings:
    """What the proceedings of ``event`` print; ``everyone`` lists participants who did not consent too."""
    return _gather([event], everyone)[0]


def programme_proceedings(programme: Programme, *, everyone: bool = False) -> ProgrammeProceedings:
    """A compilation of every event of ``programme``, in date order, each gathered as for its own proceedings."""
    events = list(db.session.scalars(
        sa.select(Event).where(Event.programme_id == programme.id).order_by(Event.starts_on, Event.id)
    ))
    return ProgrammeProceedings(
        id=programme.id, title=programme.title, kind=str(programme.kind.label), summary=programme.summary,
        events=_gather(events, everyone),
    )
