"""Commitment rules: logging, SMART review, dated progress, what is derived from it, and reminders."""
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from dialogues.accounts.models import User
from dialogues.commitments.enums import (
    SHARES_DONE, ActionKind, CommitmentVisibility, Level, ProgressStatus, ReviewStatus,
)
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.core.links import absolute_link
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.mail import services as mail
from dialogues.mail.models import MailMessage
from dialogues.outcomes.models import Outcome
from dialogues.outcomes.services import COMMITMENT_KINDS
from dialogues.permissions import Action, ScopeKind, can, is_secretariat, scopes_where
from dialogues.registration.enums import HOLDS_PLACE
from dialogues.registration.models import Registration
from dialogues.settings import services as settings

logger = logging.getLogger(__name__)

INACTIVE_AFTER_DAYS = "commitments.inactive_after_days"
REMIND_DUE_WITHIN_DAYS = "commitments.remind_due_within_days"
REMIND_SILENT_MONTHS = "commitments.remind_silent_months"
SETTING_DEFAULTS = {INACTIVE_AFTER_DAYS: 730, REMIND_DUE_WITHIN_DAYS: 30, REMIND_SILENT_MONTHS: 6}

# Finished commitments are neither overdue, nor inactive, nor reminded.
CLOSED = frozenset({ProgressStatus.DONE, ProgressStatus.DROPPED})
# Changing what was promised, or by when, needs a new review.
REVIEWED_FIELDS = ("title", "description", "due_on")
EDITABLE_FIELDS = ("title", "description", "due_on", "kind", "level", "visibility", "organisation_id", "outcome_id")


def setting(key: str) -> int:
    return settings.get_int(key, SETTING_DEFAULTS[key])


# --- who may add -------------------------------------------------------------------------

def may_add_at(user, event: Event) -> bool:
    """Whether ``user`` may log their own commitment at ``event``: they see it and take part in it."""
    if not can(user, Action.VIEW_EVENT, event):
        return False
    if is_secretariat(user) or can(user, Action.RECORD_COMMITMENT, event):
        return True
    if any(g.scope in event.permission_scopes for g in user.role_grants):
        return True
    return db.session.scalar(sa.select(Registration.id).where(
        Registration.event_id == event.id, Registration.user_id == user.id,
        Registration.status.in_(HOLDS_PLACE))) is not None


def people_at(event: Event) -> list[User]:
    """Those a convener may record a commitment for: confirmed or attending participants, by name."""
    return list(db.session.scalars(
        sa.select(User).join(Registration, Registration.user_id == User.id)
        .where(Registration.event_id == event.id, Registration.status.in_(HOLDS_PLACE))
        .order_by(User.name)))


# --- logging, editing, review --------------------------------------------------------------

def _check_outcome(outcome_id: int | None, event: Event | None) -> None:
    if outcome_id is None:
        return
    outcome = db.session.get(Outcome, outcome_id)
    if outcome is None or event is None or outcome.event_id != event.id or outcome.kind not in COMMITMENT_KINDS:
        raise DomainError("Link only to an agreed action step or recommendation of this dialogue.")


def _clean_fields(fields: dict) -> dict:
    fields = dict(fields)
    fields["title"] = " ".join((fields.get("title") or "").split())
    fields["description"] = (fields.get("description") or "").strip()
    if not fields["title"]:
        raise DomainError("Say in a few words what you will do.")
    if fields.get("due_on") is None:
        raise DomainError("Give the date by which it will be done.")
    fields["kind"] = ActionKind(fields["kind"])
    fields["level"] = Level(fields["level"])
    fields["visibility"] = CommitmentVisibility(fields.get("visibility") or CommitmentVisibility.PUBLIC)
    return fields


def create_commitment(*, owner, event: Event | None = None, programme=None, actor, **fields) -> Commitment:
    """Log a commitment of ``owner`` at ``event`` (or directly to ``programme``); it awaits review.

    When ``actor`` is not the owner, a convener records it on the owner's behalf and the owner is told.
    """
    if event is None and programme is None:
        raise DomainError("A commitment is made at an event or to a programme.")
    fields = _clean_fields(fields)
    _check_outcome(fields.get("outcome_id"), event)
    commitment = Commitment(
        owner_id=owner.id, event_id=event.id if event else None,
        # Taken from the event, so that a programme's dashboard is one query.
        programme_id=event.programme_id if event else programme.id,
        review_status=ReviewStatus.SUBMITTED,
        recorded_by_id=actor.id if actor is not None and actor.id != owner.id else None,
        **{name: fields.get(name) for name in EDITABLE_FIELDS},
    )
    db.session.add(commitment)
    db.session.flush()
    if commitment.recorded_by_id is not None:
        _tell_owner_recorded(commitment, owner, actor)
    logger.info("commitment %s of user %s logged by %s", commitment.id, owner.id, describe(actor))
    return commitment


def update_commitment(commitment: Commitment, *, actor, **fields) -> bool:
    """Change a commitment; returns True when the change sends it back to review."""
    fields = _clean_fields(fields)
    _check_outcome(fields.get("outcome_id"), commitment.event)
    changed = any(getattr(commitment, name) != fields.get(name) for name in REVIEWED_FIELDS)
    for name in EDITABLE_FIELDS:
        setattr(commitment, name, fields.get(name))
    back_to_review = (changed and commitment.review_status == ReviewStatus.ACCEPTED) or (
        commitment.review_status == ReviewStatus.CHANGES_REQUESTED)
    if back_to_review:
        commitment.review_status = ReviewStatus.SUBMITTED
    db.session.flush()
    logger.info("commitment %s edited by %s%s", commitment.id, describe(actor),
                " (back to review)" if back_to_review else "")
    return back_to_review


def review_commitment(commitment: Commitment, *, accept: bool, comment: str, actor) -> Commitment:
    """Accept a commitment as SMART, or ask its owner for changes (a comment is then required)."""
    comment = (comment or "").strip()
    if not accept and not comment:
        raise DomainError("Say what should change: specific, measurable, achievable, relevant or time-bound.")
    commitment.review_status = ReviewStatus.ACCEPTED if accept else ReviewStatus.CHANGES_REQUESTED
    commitment.review_comment = comment
    commitment.reviewed_by_id = actor.id if actor is not None else None
    commitment.reviewed_at = utcnow()
    db.session.flush()
    if not accept:
        _send(commitment.owner, "commitment_changes_requested", f"Please revise your commitment: {commitment.title}", [
            "A convener read your commitment and asks for a change:", "", comment, "",
            "Please edit the commitment. It will then be reviewed again.", *_commitment_link(commitment)])
    logger.info("commitment %s %s by %s", commitment.id, commitment.review_status.value, describe(actor))
    return commitment


def add_update(commitment: Commitment, *, status, share_done: int, note: str = "",
               evidence_links=(), reported_on: date, actor) -> CommitmentUpdate:
    """Report progress on a commitment; earlier reports are kept as they were."""
    if share_done not in SHARES_DONE:
        raise DomainError("The share done must be 0, 25, 50, 75 or 100 per cent.")
    links = [link.strip() for link in evidence_links if link and link.strip()]
    for link in links:
        if not link.startswith(("http://", "https://")):
            raise DomainError("Evidence links must start with http:// or https://.")
    update = CommitmentUpdate(
        commitment_id=commitment.id, reported_on=reported_on, status=ProgressStatus(status),
        share_done=share_done, note=(note or "").strip(), evidence_links=links,
        author_id=actor.id if actor is not None else None,
    )
    db.session.add(update)
    db.session.flush()
    logger.info("update %s on commitment %s by %s", update.id, commitment.id, describe(actor))
    return update


# --- what is derived -------------------------------------------------------------------------

LIGHTS = {"green": "On track", "amber": "No recent update", "red": "Overdue", "done": "Done", "grey": "Dropped"}


@dataclass
class Row:
    """A commitment with its latest progress and what follows from it on a given day."""

    commitment: Commitment
    latest: CommitmentUpdate | None
    overdue: bool
    inactive: bool

    @property
    def status(self) -> ProgressStatus:
        return self.latest.status if self.latest else ProgressStatus.NOT_STARTED

    @property
    def share_done(self) -> int:
        return self.latest.share_done if self.latest else 0

    @property
    def light(self) -> str:
        if self.status == ProgressStatus.DONE:
            return "done"
        if self.status == ProgressStatus.DROPPED:
            return "grey"
        if self.overdue:
            return "red"
        return "amber" if self.inactive else "green"

    @property
    def light_label(self) -> str:
        return LIGHTS[self.light]


def last_activity(commitment: Commitment, latest: CommitmentUpdate | None) -> date:
    return latest.reported_on if latest else commitment.created_at.date()


def derive(commitment: Commitment, latest: CommitmentUpdate | None, today: date, inactive_after_days: int) -> Row:
    status = latest.status if latest else ProgressStatus.NOT_STARTED
    open_ = status not in CLOSED
    overdue = open_ and commitment.due_on < today
    inactive = open_ and (today - last_activity(commitment, latest)).days > inactive_after_days
    return Row(commitment, latest, overdue, inactive)


def latest_updates(ids) -> dict[int, CommitmentUpdate]:
    """The latest update of each commitment in ``ids`` (by date reported), in one query."""
    ids = list(ids)
    if not ids:
        return {}
    ranked = sa.select(
        CommitmentUpdate.id,
        sa.func.row_number().over(
            partition_by=CommitmentUpdate.commitment_id,
            order_by=(CommitmentUpdate.reported_on.desc(), CommitmentUpdate.id.desc())).label("rank"),
    ).where(CommitmentUpdate.commitment_id.in_(ids)).subquery()
    updates = db.session.scalars(
        sa.select(CommitmentUpdate).join(ranked, ranked.c.id == CommitmentUpdate.id).where(ranked.c.rank == 1))
    return {update.commitment_id: update for update in updates}


def _load(stmt) -> list[Commitment]:
    stmt = stmt.options(
        joinedload(Commitment.owner).joinedload(User.organisation), joinedload(Commitment.organisation),
        joinedload(Commitment.event), joinedload(Commitment.programme),
    )
    return list(db.session.scalars(stmt).unique())


def rows(stmt, today: date) -> list[Row]:
    """The commitments ``stmt`` selects, with their derived state, in a fixed number of queries."""
    commitments = _load(stmt)
    latest = latest_updates(c.id for c in commitments)
    days = setting(INACTIVE_AFTER_DAYS)
    return [derive(c, latest.get(c.id), today, days) for c in commitments]


def row_of(commitment: Commitment, today: date) -> Row:
    return derive(commitment, latest_updates([commitment.id]).get(commitment.id), today, setting(INACTIVE_AFTER_DAYS))


def _ordered(stmt):
    return stmt.order_by(Commitment.due_on, Commitment.id)


def mine(user) -> sa.Select:
    return _ordered(sa.select(Commitment).where(Commitment.owner_id == user.id))


def public_registry(*, search: str | None = None, kind=None, level=None, programme_id=None) -> sa.Select:
    """Accepted public commitments, filtered by words in the title or description, kind, level, programme."""
    stmt = sa.select(Commitment).where(
        Commitment.visibility == CommitmentVisibility.PUBLIC, Commitment.review_status == ReviewStatus.ACCEPTED)
    if search:
        pattern = f"%{search.strip().lower()}%"
        stmt = stmt.where(sa.or_(sa.func.lower(Commitment.title).like(pattern),
                                 sa.func.lower(Commitment.description).like(pattern)))
    if kind:
        stmt = stmt.where(Commitment.kind == kind)
    if level:
        stmt = stmt.where(Commitment.level == level)
    if programme_id:
        stmt = stmt.where(Commitment.programme_id == programme_id)
    return _ordered(stmt)


def of_event(event: Event) -> sa.Select:
    return _ordered(sa.select(Commitment).where(Commitment.event_id == event.id))


def of_programme(programme) -> sa.Select:
    return _ordered(sa.select(Commitment).where(Commitment.programme_id == programme.id))


def visible_to(user) -> sa.Select:
    """Every commitment ``user`` may see: public ones, their own, those where they convene or host."""
    if is_secretariat(user):
        return _ordered(sa.select(Commitment))
    conditions = [sa.and_(Commitment.visibility == CommitmentVisibility.PUBLIC,
                          Commitment.review_status == ReviewStatus.ACCEPTED)]
    if user.is_authenticated:
        conditions.append(Commitment.owner_id == user.id)
        scopes = scopes_where(user, Action.VIEW_COMMITMENT)
        events = [i for kind, i in scopes if kind == ScopeKind.EVENT]
        programmes = [i for kind, i in scopes if kind == ScopeKind.PROGRAMME]
        if events:
            conditions.append(Commitment.event_id.in_(events))
        if programmes:
            conditions.append(Commitment.programme_id.in_(programmes))
    return _ordered(sa.select(Commitment).where(sa.or_(*conditions)))


# --- dashboards -------------------------------------------------------------------------------

@dataclass
class Dashboard:
    total: int
    by_status: dict
    by_kind: dict
    by_group: dict
    overdue: list
    inactive: int
    timeline: list  # (quarter label, {status: count}, mean share done)
    rows: list

    def rate(self, count: int) -> int:
        return round(100 * count / self.total) if self.total else 0


def _quarter_ends(first: date, today: date) -> list[date]:
    ends = []
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while True:
        end = date(year + quarter // 4, quarter % 4 * 3 + 1, 1) - timedelta(days=1)
        ends.append(min(end, today))
        if end >= today:
            return ends
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def timeline(commitments: list[Commitment], today: date) -> list[tuple[str, dict, int]]:
    """Per quarter, from the first commitment to today: commitments by latest status, and mean share done."""
    if not commitments:
        return []
    ids = [c.id for c in commitments]
    updates = list(db.session.scalars(
        sa.select(CommitmentUpdate).where(CommitmentUpdate.commitment_id.in_(ids))
        .order_by(CommitmentUpdate.reported_on, CommitmentUpdate.id)))
    first = min([c.created_at.date() for c in commitments] + [u.reported_on for u in updates])
    points = []
    for end in _quarter_ends(first, today):
        latest: dict[int, CommitmentUpdate] = {}
        for update in updates:
            if update.reported_on <= end:
                latest[update.commitment_id] = update
        existing = [c for c in commitments if c.created_at.date() <= end or c.id in latest]
        counts = Counter(latest[c.id].status if c.id in latest else ProgressStatus.NOT_STARTED for c in existing)
        shares = [latest[c.id].share_done if c.id in latest else 0 for c in existing]
        label = f"{end.year} Q{(end.month - 1) // 3 + 1}"
        points.append((label, {s: counts.get(s, 0) for s in ProgressStatus},
                       round(sum(shares) / len(shares)) if shares else 0))
    return points


def dashboard(stmt, today: date) -> Dashboard:
    """Counts by status, kind and stakeholder group, the overdue list and progress over time."""
    found = rows(stmt, today)
    by_status = Counter(r.status for r in found)
    by_kind = Counter(r.commitment.kind for r in found)
    by_group = Counter(r.commitment.owner.stakeholder_group for r in found)
    return Dashboard(
        total=len(found),
        by_status={s: by_status.get(s, 0) for s in ProgressStatus},
        by_kind={k: by_kind.get(k, 0) for k in ActionKind},
        by_group=dict(sorted(by_group.items(), key=lambda item: (item[0] is None, item[0] or ""))),
        overdue=[r for r in found if r.overdue],
        inactive=sum(1 for r in found if r.inactive),
        timeline=timeline([r.commitment for r in found], today),
        rows=found,
    )


# --- reminders --------------------------------------------------------------------------------

REMINDER_KINDS = {"due_soon": "is due soon", "overdue": "is past its due date", "silent": "has had no update for a while"}


@dataclass
class Reminder:
    kind: str
    commitment: Commitment
    to: str

    def dedupe_key(self, today: date) -> str:
        # Once per due date for "due soon"; at most monthly for overdue and silent ones, so
        # a daily cron neither repeats itself the same day nor nags every day.
        period = self.commitment.due_on.isoformat() if self.kind == "due_soon" else f"{today:%Y-%m}"
        return f"remind:{self.kind}:{self.commitment.id}:{period}"


def _months_before(day: date, months: int) -> date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def reminders_due(today: date) -> list[Reminder]:
    """Reminders to send today (one per commitment and reason), leaving out those already sent for their period."""
    due_within = setting(REMIND_DUE_WITHIN_DAYS)
    silent_since = _months_before(today, setting(REMIND_SILENT_MONTHS))
    found = rows(sa.select(Commitment).order_by(Commitment.due_on, Commitment.id), today)
    reminders = []
    for row in found:
        if row.status in CLOSED or not row.commitment.owner.is_active:
            continue
        commitment, to = row.commitment, row.commitment.owner.email
        if row.overdue:
            reminders.append(Reminder("overdue", commitment, to))
        elif commitment.due_on <= today + timedelta(days=due_within):
            reminders.append(Reminder("due_soon", commitment, to))
        if last_activity(commitment, row.latest) < silent_since:
            reminders.append(Reminder("silent", commitment, to))
    keys = [r.dedupe_key(today) for r in reminders]
    sent = set(db.session.scalars(sa.select(MailMessage.dedupe_key).where(MailMessage.dedupe_key.in_(keys))))
    return [r for r in reminders if r.dedupe_key(today) not in sent]


def send_reminders(today: date, *, dry_run: bool) -> list[Reminder]:
    """Queue today's reminders (none twice the same day); with ``dry_run`` only say what would go."""
    reminders = reminders_due(today)
    if dry_run:
        return reminders
    queued = []
    for reminder in reminders:
        c = reminder.commitment
        message = _send(c.owner, f"commitment_{reminder.kind}",
                        f"Your commitment {REMINDER_KINDS[reminder.kind]}: {c.title}", [
                            f"Your commitment \"{c.title}\" {REMINDER_KINDS[reminder.kind]}.",
                            f"It is due on {c.due_on.strftime('%d %B %Y')}.",
                            "", "Please tell us how it is going: add a short update, even if little has changed.",
                            *_commitment_link(c)], dedupe_key=reminder.dedupe_key(today))
        if message is not None:
            queued.append(reminder)
    logger.info("%s commitment reminders queued by the system", len(queued))
    return queued


# --- messages ---------------------------------------------------------------------------------

def _commitment_link(commitment: Commitment) -> list[str]:
    link = absolute_link("commitments.show", commitment_id=commitment.id)
    return ["", "Your commitment:", link] if link else []


def _send(user, kind: str, subject: str, lines: list[str], dedupe_key: str | None = None):
    body = "\n".join([f"Dear {user.name},", "", *lines, "", "With best wishes,", "The organisers", ""])
    return mail.queue(user.email, subject, body, kind=kind, dedupe_key=dedupe_key)


def _tell_owner_recorded(commitment: Commitment, owner, actor) -> None:
    where = commitment.event.title if commitment.event else commitment.programme.title
    _send(owner, "commitment_recorded", f"A commitment was recorded for you: {commitment.title}", [
        f"{actor.name} recorded this commitment for you at {where}:", "", commitment.title, "",
        f"It is due on {commitment.due_on.strftime('%d %B %Y')}.",
        "You can change it if it is not right, and report progress on it.", *_commitment_link(commitment)])
