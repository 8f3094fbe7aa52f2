"""Preparation rules: the checklist of typical steps, who owns them, and background papers."""
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from dialogues.accounts.models import RoleGrant, User
from dialogues.core import codes
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.events import services as events
from dialogues.events.defaults import DIALOGUE_KINDS
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.files import services as files
from dialogues.permissions import Action, Role, can
from dialogues.preparation.enums import TYPICAL_STEPS
from dialogues.preparation.models import BackgroundPaper, PreparationTask

logger = logging.getLogger(__name__)

# What a background paper may be, by the type its content really has.
PAPER_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
# Per paper; the whole request is also capped by MAX_CONTENT_LENGTH (answered by the 413 page).
PAPER_MAX_BYTES = 10 * 1024 * 1024

# Those who organise a dialogue; participants are many and are not given steps to own.
_OWNER_ROLES = (Role.CONVENER, Role.HOST, Role.STEERING_COMMITTEE)


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    late: int


# The checklist

def tasks_of(event: Event) -> list[PreparationTask]:
    """The event's preparation steps in checklist order, with owners loaded."""
    return list(db.session.scalars(
        sa.select(PreparationTask)
        .where(PreparationTask.event_id == event.id)
        .options(selectinload(PreparationTask.owner), selectinload(PreparationTask.done_by))
        .order_by(PreparationTask.position, PreparationTask.id)
    ))


def progress(tasks: list[PreparationTask], today: date) -> Progress:
    """How many steps there are, how many are done and how many are late."""
    return Progress(len(tasks), sum(t.is_done for t in tasks), sum(t.is_late(today) for t in tasks))


def create_checklist(event: Event, *, actor) -> list[PreparationTask]:
    """Add TFD's typical steps, due relative to the first day; nothing if the event has steps."""
    existing = sa.select(sa.func.count()).select_from(PreparationTask).where(PreparationTask.event_id == event.id)
    if db.session.scalar(existing):
        return tasks_of(event)
    tasks = [
        PreparationTask(event=event, position=n, title=title, due_on=event.starts_on - timedelta(days=days_before))
        for n, (title, days_before) in enumerate(TYPICAL_STEPS, start=1)
    ]
    db.session.add_all(tasks)
    db.session.flush()
    logger.info("preparation checklist for event %s created by %s", event.id, describe(actor))
    return tasks


def plan_event(*, actor, **fields) -> Event:
    """Create an event; a dialogue starts with its checklist of typical steps."""
    event = events.create_event(actor=actor, **fields)
    if event.kind in DIALOGUE_KINDS:
        create_checklist(event, actor=actor)
    return event


def add_task(event: Event, title: str, *, actor, due_on: date | None = None) -> PreparationTask:
    """Add a step of the event's own at the end of its checklist."""
    title = title.strip()
    if not title:
        raise DomainError("Give the step a name.")
    last = db.session.scalar(
        sa.select(sa.func.max(PreparationTask.position)).where(PreparationTask.event_id == event.id))
    task = PreparationTask(event=event, position=(last or 0) + 1, title=title, due_on=due_on)
    db.session.add(task)
    db.session.flush()
    logger.info("preparation task %s added to event %s by %s", task.id, event.id, describe(actor))
    return task


def possible_owners(event: Event) -> list[User]:
    """The short list of people who may own a step: the secretariat and the event's organisers."""
    on_event = sa.and_(RoleGrant.event_id == event.id, RoleGrant.role.in_(_OWNER_ROLES))
    on_programme = sa.and_(RoleGrant.programme_id == event.programme_id, RoleGrant.role.in_(_OWNER_ROLES))
    holders = sa.select(RoleGrant.user_id).where(sa.or_(RoleGrant.role == Role.SECRETARIAT, on_event, on_programme))
    return list(db.session.scalars(
        sa.select(User).where(User.id.in_(holders), User.active).order_by(User.name, User.id)
    ))


def update_task(task: PreparationTask, *, owner: User | None, due_on: date | None, actor) -> PreparationTask:
    """Give a step an owner (or none) and a due date (or none)."""
    if owner is not None and owner != task.owner and owner not in possible_owners(task.event):
        raise DomainError(f"{owner.name} holds no organising role on this event or its programme.")
    task.owner = owner
    task.due_on = due_on
    db.session.flush()
    logger.info("preparation task %s updated (owner %s, due %s) by %s",
                task.id, owner.id if owner else None, due_on, describe(actor))
    return task


def set_task_done(task: PreparationTask, done: bool, *, actor) -> PreparationTask:
    """Tick a step off (recording when and by whom) or open it again."""
    if done and not task.is_done:
        task.done_at = utcnow()
        task.done_by_id = actor.id if actor is not None else None
    elif not done:
        task.done_at = None
        task.done_by_id = None
    db.session.flush()
    logger.info("preparation task %s marked %s by %s", task.id, "done" if done else "not done", describe(actor))
    return task


def late_tasks(today: date, *, event_ids=None, programme_id: int | None = None) -> list[PreparationTask]:
    """Steps not done past their due date, in the given events or in a programme's events, oldest first."""
    if (event_ids is None) == (programme_id is None):
        raise TypeError("give either event_ids or programme_id")
    stmt = (
        sa.select(PreparationTask)
        .join(PreparationTask.event)
        .where(PreparationTask.done_at.is_(None), PreparationTask.due_on < today)
        .options(selectinload(PreparationTask.event), selectinload(PreparationTask.owner))
        .order_by(PreparationTask.due_on, Event.starts_on, PreparationTask.position, PreparationTask.id)
    )
    if programme_id is not None:
        stmt = stmt.where(Event.programme_id == programme_id)
    else:
        stmt = stmt.where(PreparationTask.event_id.in_(list(event_ids)))
    return list(db.session.scalars(stmt))


# Background papers

def papers_of(event: Event) -> list[BackgroundPaper]:
    """The event's background papers, oldest first (file details loaded, not their bytes)."""
    return list(db.session.scalars(
        sa.select(BackgroundPaper)
        .where(BackgroundPaper.event_id == event.id)
        .options(selectinload(BackgroundPaper.file))
        .order_by(BackgroundPaper.created_at, BackgroundPaper.id)
    ))


def _paper(event: Event, title: str, authors: str, language: str, *, actor, **source) -> BackgroundPaper:
    title, authors = (title or "").strip(), (authors or "").strip()
    if not title:
        raise DomainError("Give the paper's title.")
    if not codes.is_language(language):
        raise DomainError(f"{language!r} is not an ISO 639 language code.")
    paper = BackgroundPaper(event=event, title=title, authors=authors, language=language,
                            added_by_id=actor.id if actor is not None else None, **source)
    db.session.add(paper)
    db.session.flush()
    return paper


def is_web_address(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address (no javascript:, data: or file: links)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url)


def add_paper_link(event: Event, *, title: str, authors: str, language: str, url: str, actor) -> BackgroundPaper:
    """Add a background paper that lives elsewhere on the web."""
    url = (url or "").strip()
    if not is_web_address(url):
        raise DomainError("Give a web address that starts with http:// or https://.")
    paper = _paper(event, title, authors, language, actor=actor, url=url)
    logger.info("paper %s (link) added to event %s by %s", paper.id, event.id, describe(actor))
    return paper


def add_paper_upload(event: Event, *, title: str, authors: str, language: str, file_storage,
                     max_bytes: int = PAPER_MAX_BYTES, actor) -> BackgroundPaper:
    """Add a background paper from an uploaded PDF, Word or OpenDocument text file."""
    stored = files.store_upload(file_storage, allowed=PAPER_TYPES, max_bytes=max_bytes, actor=actor,
                                fallback_name="paper")
    paper = _paper(event, title, authors, language, actor=actor, file=stored)
    logger.info("paper %s (file %s) added to event %s by %s", paper.id, stored.id, event.id, describe(actor))
    return paper


def remove_paper(paper: BackgroundPaper, *, actor) -> None:
    """Take a background paper off the event, with its stored file."""
    paper_id, event_id, stored = paper.id, paper.event_id, paper.file
    db.session.delete(paper)
    if stored is not None:
        db.session.delete(stored)
    db.session.flush()
    logger.info("paper %s removed from event %s by %s", paper_id, event_id, describe(actor))


def event_panel(event: Event, user, today: date) -> dict:
    """What the event page shows: checklist progress to those who may see it, and the papers."""
    tasks = tasks_of(event)
    may_prepare = can(user, Action.PREPARE_EVENT, event)
    owns_steps = any(can(user, Action.TICK_PREPARATION_TASK, t) for t in tasks)
    return {
        "may_prepare": may_prepare,
        "may_see_checklist": may_prepare or owns_steps,
        "progress": progress(tasks, today),
        "papers": papers_of(event),
    }
