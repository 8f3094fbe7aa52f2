"""Initiatives: taking up a selected issue, and the shape of its series of dialogues."""
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from dialogues.accounts import services as accounts
from dialogues.accounts.enums import OrganisationKind
from dialogues.accounts.models import User
from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.events.defaults import DIALOGUE_KINDS
from dialogues.events.enums import EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.initiatives.enums import MemberKind
from dialogues.initiatives.models import Initiative, InitiativeMember
from dialogues.permissions import Role, is_secretariat
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes import services as programmes
from dialogues.programmes.models import Programme
from dialogues.proposals.enums import ProposalStatus

logger = logging.getLogger(__name__)

ORGANISATION_KIND_OF = {
    MemberKind.PARTNER: OrganisationKind.OTHER,
    MemberKind.DONOR: OrganisationKind.DONOR,
    MemberKind.LOCAL_HOST: OrganisationKind.CIVIL_SOCIETY,
}


def people_by_email(emails: list[str]) -> list[User]:
    """The accounts for these emails, in order; DomainError naming any that have none."""
    wanted = [accounts.normalise_email(e) for e in emails if e.strip()]
    found = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.in_(wanted)))}
    missing = [e for e in wanted if e not in found]
    if missing:
        raise DomainError(_("No account has these emails (invite them first): %(emails)s.", emails=", ".join(missing)))
    return [found[e] for e in dict.fromkeys(wanted)]


def _set_members(initiative: Initiative, people: dict[MemberKind, list[User]],
                 organisations: dict[MemberKind, list[str]]) -> None:
    initiative.members.clear()
    db.session.flush()
    for kind, users in people.items():
        for user in users:
            initiative.members.append(InitiativeMember(kind=kind, user_id=user.id))
    for kind, names in organisations.items():
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            organisation = accounts.find_or_create_organisation(name, ORGANISATION_KIND_OF[kind], None)
            initiative.members.append(InitiativeMember(kind=kind, organisation_id=organisation.id))


def create_initiative(proposal, *, actor, title: str, summary: str, starts_on: date, ends_on: date,
                      planned_dialogues: int, people: dict[MemberKind, list[User]],
                      organisations: dict[MemberKind, list[str]]) -> Programme:
    """Take up a selected issue as a dialogue initiative; its creator becomes its convener."""
    if proposal.status != ProposalStatus.SELECTED:
        raise DomainError(_("Only a selected issue becomes an initiative."))
    if proposal.initiative is not None:
        raise DomainError(_("This issue has already become an initiative."))
    if ends_on < starts_on:
        raise DomainError(_("The initiative cannot end before it starts."))
    programme = Programme(kind=ProgrammeKind.DIALOGUE_INITIATIVE, title=title.strip(), summary=summary.strip(),
                          visibility=proposal.series.visibility)
    db.session.add(programme)
    db.session.flush()
    initiative = Initiative(programme=programme, proposal=proposal, starts_on=starts_on, ends_on=ends_on,
                            planned_dialogues=planned_dialogues)
    db.session.add(initiative)
    _set_members(initiative, people, organisations)
    if actor is not None and not is_secretariat(actor):
        accounts.grant_role(actor, Role.CONVENER, programme=programme, actor=actor)
    db.session.flush()
    logger.info("initiative %s created from proposal %s by %s", programme.id, proposal.id, describe(actor))
    return programme


def take_up_issue(proposal, *, actor, member_emails: dict[MemberKind, list[str]], **fields) -> Programme:
    """Take up a selected issue as an initiative, its people given by email."""
    people = {kind: people_by_email(emails) for kind, emails in member_emails.items()}
    return create_initiative(proposal, actor=actor, people=people, **fields)


def update_initiative(initiative: Initiative, *, actor, starts_on: date, ends_on: date, planned_dialogues: int,
                      people: dict[MemberKind, list[User]], organisations: dict[MemberKind, list[str]]) -> None:
    """Change an initiative's dates, plan and people."""
    if ends_on < starts_on:
        raise DomainError(_("The initiative cannot end before it starts."))
    initiative.starts_on, initiative.ends_on = starts_on, ends_on
    initiative.planned_dialogues = planned_dialogues
    _set_members(initiative, people, organisations)
    db.session.flush()
    logger.info("initiative %s updated by %s", initiative.programme_id, describe(actor))


def edit_initiative(initiative: Initiative, *, actor, title: str, summary: str, starts_on: date, ends_on: date,
                    planned_dialogues: int, member_emails: dict[MemberKind, list[str]],
                    organisations: dict[MemberKind, list[str]]) -> None:
    """Change an initiative's title and summary (its programme's), dates, plan and people (by email)."""
    people = {kind: people_by_email(emails) for kind, emails in member_emails.items()}
    programmes.update_programme(initiative.programme, actor=actor, title=title, summary=summary)
    update_initiative(initiative, actor=actor, starts_on=starts_on, ends_on=ends_on,
                      planned_dialogues=planned_dialogues, people=people, organisations=organisations)


@dataclass(frozen=True)
class Timeline:
    """An initiative's dialogues by year, and their mix."""

    years: list[tuple[int, list[Event]]]
    by_kind: Counter
    by_scope: Counter
    by_status: Counter
    planned: int

    @property
    def scheduled(self) -> int:
        return sum(n for status, n in self.by_status.items() if status != EventStatus.CANCELLED)


def timeline(initiative: Initiative) -> Timeline:
    """The dialogues of an initiative across its years, with counts by type, scope and status."""
    events = db.session.scalars(
        sa.select(Event).where(Event.programme_id == initiative.programme_id).order_by(Event.starts_on, Event.id)
    ).all()
    dialogues = [e for e in events if e.kind in DIALOGUE_KINDS]
    first = min([initiative.starts_on.year, *(e.starts_on.year for e in events)])
    last = max([initiative.ends_on.year, *(e.starts_on.year for e in events)])
    years = [(year, [e for e in events if e.starts_on.year == year]) for year in range(first, last + 1)]
    return Timeline(
        years=years,
        by_kind=Counter(e.kind for e in dialogues),
        by_scope=Counter(e.scope for e in dialogues if e.scope is not None),
        by_status=Counter(e.status for e in dialogues),
        planned=initiative.planned_dialogues,
    )
