"""The book of abstracts: a conference edition's accepted contributions, as a chapter of its proceedings.

Gathered in a fixed number of queries; printed by ``book_of_abstracts``, a section function
of the proceedings builder. Every title, name and abstract goes through the builder's
``para``, which escapes it, and prints in the embedded TrueType font, so accented and
non-Latin names come out as typed (Indico's LaTeX book of abstracts fails on exactly this).
"""
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from dialogues.accounts.models import User
from dialogues.conferences.enums import ContributionStatus
from dialogues.conferences.models import Contribution, ContributionAuthor, Edition
from dialogues.core import codes
from dialogues.extensions import db


@dataclass(frozen=True)
class AbstractEntry:
    number: int
    title: str
    authors: list[str]  # "Name (Organisation)"
    kind: str
    track: str
    language: str
    abstract: str


def gather(event_ids) -> dict[int, list[AbstractEntry]]:
    """For each event that is a conference edition, its accepted contributions by track and title."""
    event_ids = list(event_ids)
    if not event_ids:
        return {}
    editions = dict(db.session.execute(
        sa.select(Edition.id, Edition.event_id).where(Edition.event_id.in_(event_ids))).all())
    result: dict[int, list[AbstractEntry]] = {event_id: [] for event_id in editions.values()}
    if not editions:
        return result
    contributions = db.session.scalars(
        sa.select(Contribution).where(Contribution.edition_id.in_(list(editions)),
                                      Contribution.status == ContributionStatus.ACCEPTED)
        .options(selectinload(Contribution.track),
                 selectinload(Contribution.authors).selectinload(ContributionAuthor.user)
                 .selectinload(User.organisation)))
    grouped = defaultdict(list)
    for c in contributions:
        grouped[editions[c.edition_id]].append(AbstractEntry(
            number=c.id, title=c.title, kind=str(c.final_type.label), track=c.track.title if c.track else "",
            language=codes.language_name(c.language), abstract=c.abstract,
            authors=[a.user.name + (f" ({a.user.organisation.name})" if a.user.organisation else "")
                     for a in c.authors]))
    for event_id, entries in grouped.items():
        result[event_id] = sorted(entries, key=lambda e: (e.track, e.title.lower()))
    return result


def book_of_abstracts(builder, event, level: int) -> list:
    """The chapter: one heading per track, then each abstract with its authors; nothing for other events."""
    if event.abstracts is None:
        return []
    story = [builder.heading("Book of abstracts", level)]
    if not event.abstracts:
        return story + [builder.para("No contributions have been accepted yet.", "meta")]
    track = None
    for entry in event.abstracts:
        if entry.track != track:
            track = entry.track
            story.append(builder.heading(track.capitalize() if track else "Other contributions", level + 1))
        story.append(builder.para(entry.title, "h2"))
        story.append(builder.para(", ".join(entry.authors)))
        story.append(builder.para(f"{entry.kind} · {entry.language} · no. {entry.number}", "meta"))
        story += [builder.para(chunk.strip()) for chunk in entry.abstract.split("\n\n") if chunk.strip()]
    return story
