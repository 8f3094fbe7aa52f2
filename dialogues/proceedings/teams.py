"""The country teams' chapter of an international learning event's proceedings: each team's
presentation summary and the peer review it received. Gathered in two queries for any number
of events; printed by ``team_sections`` with the proceedings' own builder."""
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from reportlab.platypus import CondPageBreak
from reportlab.lib.units import cm

from dialogues.accounts.models import User
from dialogues.agenda.models import AgendaItem
from dialogues.core import codes
from dialogues.extensions import db
from dialogues.files.models import StoredFile
from dialogues.learning_groups.models import PeerReview, TeamPresentation
from dialogues.programmes.models import Programme

PARTS = (("achievements", "Achievements"), ("tactics", "Tactics"), ("lessons", "Lessons"),
         ("challenges", "Challenges"), ("next_work_plan", "Next work plan"))


@dataclass
class TeamChapter:
    country: str
    group: str
    parts: list[tuple[str, str]]  # (heading, text) of what the team wrote
    file_name: str | None
    reviews: list[tuple[str, str]] = field(default_factory=list)  # (reviewer, comment)


def gather_teams(event_ids: list[int]) -> dict[int, list[TeamChapter]]:
    """Per event, its teams in agenda order with their presentation and peer review (two queries, or none)."""
    if not event_ids:
        return {}
    rows = db.session.execute(
        sa.select(TeamPresentation, Programme.title, Programme.country, StoredFile.filename)
        .join(Programme, Programme.id == TeamPresentation.group_id)
        .outerjoin(StoredFile, StoredFile.id == TeamPresentation.file_id)
        .outerjoin(AgendaItem, AgendaItem.id == TeamPresentation.agenda_item_id)
        .where(TeamPresentation.event_id.in_(event_ids))
        .order_by(TeamPresentation.event_id, AgendaItem.starts_at, TeamPresentation.id)
    ).all()
    reviews: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for presentation_id, name, text in db.session.execute(
            sa.select(PeerReview.presentation_id, User.name, PeerReview.text)
            .outerjoin(User, User.id == PeerReview.author_id)
            .join(TeamPresentation, TeamPresentation.id == PeerReview.presentation_id)
            .where(TeamPresentation.event_id.in_(event_ids))
            .order_by(PeerReview.presentation_id, PeerReview.id)):
        reviews[presentation_id].append((name or "", text))
    teams: dict[int, list[TeamChapter]] = defaultdict(list)
    for presentation, title, country, file_name in rows:
        teams[presentation.event_id].append(TeamChapter(
            country=codes.country_name(country), group=title,
            parts=[(label, getattr(presentation, name)) for name, label in PARTS if getattr(presentation, name)],
            file_name=file_name,
            reviews=reviews.get(presentation.id, [])))
    return teams


def team_sections(builder, teams: list[TeamChapter], level: int) -> list:
    """A chapter "Country teams" with a section per team: its summary, then the peer review."""
    if not teams:
        return []
    story = [CondPageBreak(6 * cm), builder.heading("Country teams", level)]
    for team in teams:
        story.append(CondPageBreak(4 * cm))
        story.append(builder.heading(f"Country team: {team.country}", level + 1))
        story.append(builder.para(team.group, "meta"))
        for label, text in team.parts:
            story.append(builder.para(f"{label}", "small_bold"))
            story += [builder.para(chunk.strip()) for chunk in text.split("\n\n") if chunk.strip()]
        if team.file_name:
            story.append(builder.para(f"Presentation file: {team.file_name}", "meta"))
        if not team.parts and not team.file_name:
            story.append(builder.para("The team has not submitted a presentation.", "meta"))
        story.append(builder.para("Peer review", "small_bold"))
        for reviewer, comment in team.reviews:
            story.append(builder.para(f"{reviewer}: {comment}" if reviewer else comment))
        if not team.reviews:
            story.append(builder.para("No peer review comments were left.", "meta"))
    return story
