"""Who takes part in an event: the balance of voices, participant lists and check-in on the day."""
import logging
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from flask_babel import gettext as _, lazy_gettext as _l

from dialogues.accounts.enums import Gender, StakeholderGroup
from dialogues.accounts.models import User
from dialogues.core import codes, formatting
from dialogues.core.actors import describe
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.registration.enums import AWARDED, GONE, HOLDS_PLACE, RegistrationStatus
from dialogues.registration.models import Registration, SponsorshipRequest

logger = logging.getLogger(__name__)

# Everyone who asked for a place, whether or not they have one yet.
ASKED_FOR_PLACE = frozenset({
    RegistrationStatus.APPLIED, RegistrationStatus.WAITLISTED,
    RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED,
})
# The voices a dialogue on artisanal mining cannot do without.
KEY_GROUPS = (
    StakeholderGroup.ASM, StakeholderGroup.GOVERNMENT, StakeholderGroup.CIVIL_SOCIETY, StakeholderGroup.INDUSTRY,
)
NOT_GIVEN = _l("Not given")
_TENTH = Decimal("0.1")


# The balance of voices

class Voice(NamedTuple):
    """One registration, reduced to what the balance counts."""

    status: RegistrationStatus
    group: StakeholderGroup | None
    country: str | None
    gender: Gender | None
    sponsored: bool


@dataclass(frozen=True)
class Line:
    key: Hashable
    label: str
    count: int
    share: Decimal  # per cent of the population, one decimal


@dataclass(frozen=True)
class Tally:
    """How many of a population fall in each category of one kind (group, gender, ...)."""

    total: int
    lines: tuple[Line, ...]

    def count(self, key) -> int:
        return next((line.count for line in self.lines if line.key == key), 0)

    def share(self, key) -> Decimal:
        return next((line.share for line in self.lines if line.key == key), Decimal("0.0"))


@dataclass(frozen=True)
class Population:
    """Counts and shares of one population: those who applied, or those confirmed."""

    total: int
    groups: Tally
    genders: Tally
    countries: Tally
    sponsorship: Tally


@dataclass(frozen=True)
class Balance:
    applied: Population
    confirmed: Population


def share(count: int, total: int) -> Decimal:
    """``count`` as a per cent of ``total``, to one decimal (0.0 of nobody)."""
    if not total:
        return Decimal("0.0")
    return (Decimal(count * 100) / Decimal(total)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _tally(keys: list, order: Iterable, label: Callable[[Hashable], str], *, keep_zero: bool) -> Tally:
    counts = Counter(keys)
    ordered = [k for k in order if keep_zero or counts[k]]
    ordered += [k for k in counts if k not in ordered and k is not None]
    if counts[None]:
        ordered.append(None)
    total = len(keys)
    return Tally(total, tuple(Line(k, label(k) if k is not None else NOT_GIVEN, counts[k], share(counts[k], total))
                              for k in ordered))


def _gender_label(gender: Gender) -> str:
    # The profile form's "I describe myself as…" reads oddly as a table heading.
    return _("Self-described") if gender == Gender.SELF_DESCRIBED else gender.label


def _population(voices: list[Voice]) -> Population:
    countries = Counter(v.country for v in voices if v.country)
    by_size = sorted(countries, key=lambda code: (-countries[code], codes.country_name(code)))
    return Population(
        total=len(voices),
        # Every group and gender is shown, even at zero: an absent voice is what the page is for.
        groups=_tally([v.group for v in voices], StakeholderGroup, lambda g: g.label, keep_zero=True),
        genders=_tally([v.gender for v in voices], Gender, _gender_label, keep_zero=True),
        countries=_tally([v.country for v in voices], by_size, codes.country_name, keep_zero=False),
        sponsorship=_tally([v.sponsored for v in voices], (True, False),
                           lambda s: _("Sponsored") if s else _("Not sponsored"), keep_zero=True),
    )


def balance_of(voices: Iterable[Voice]) -> Balance:
    """The balance of the given registrations, split into those who applied and those confirmed."""
    applied = [v for v in voices if v.status in ASKED_FOR_PLACE]
    confirmed = [v for v in applied if v.status in HOLDS_PLACE]
    return Balance(applied=_population(applied), confirmed=_population(confirmed))


def balance(event: Event) -> Balance:
    """Who applied and who is confirmed, by stakeholder group, gender, country and sponsorship."""
    rows = db.session.execute(
        sa.select(Registration.status, Registration.stakeholder_group, Registration.country, User.gender,
                  SponsorshipRequest.status)
        .join(User, Registration.user_id == User.id)
        .outerjoin(SponsorshipRequest, SponsorshipRequest.registration_id == Registration.id)
        .where(Registration.event_id == event.id, Registration.status.in_(ASKED_FOR_PLACE))
    ).all()
    return balance_of(Voice(status, group, country, gender, sponsorship in AWARDED)
                      for status, group, country, gender, sponsorship in rows)


def _over_share(count: int, total: int, max_share: int) -> bool:
    # Compared exactly, so that 40.04 % is over a 40 % limit although it shows as 40.0.
    return total > 0 and count * 100 > max_share * total


def balance_warnings(balance: Balance, max_share: int) -> list[str]:
    """What the conveners should act on: a key group missing, or one group above ``max_share`` per cent."""
    warnings = []
    for group in KEY_GROUPS:
        applied = balance.applied.groups.count(group)
        if not applied:
            warnings.append(_("No one from “%(group)s” has applied.", group=group.label))
        elif not balance.confirmed.groups.count(group):
            warnings.append(_("“%(group)s”: %(applied)d applied, but none is confirmed.", group=group.label, applied=applied))
    confirmed = balance.confirmed.groups
    for line in confirmed.lines:
        if line.key is not None and _over_share(line.count, confirmed.total, max_share):
            warnings.append(_("“%(group)s” make up %(share)s %% of those confirmed, above the %(limit)s %% set for "
                              "this event.", group=line.label, share=formatting.format_number(line.share, 1),
                              limit=formatting.format_number(max_share)))
    return warnings


# Participant lists

def participant_list(event: Event, *, full: bool):
    """A select of an event's participants by name.

    ``full``: everyone invited, applying, waiting or holding a place (for conveners and
    hosts); otherwise only confirmed participants who agreed to be listed.
    """
    stmt = (sa.select(Registration).join(User, Registration.user_id == User.id)
            .where(Registration.event_id == event.id)
            .options(selectinload(Registration.user), selectinload(Registration.sponsorship))
            .order_by(sa.func.lower(User.name), Registration.id))
    if full:
        return stmt.where(Registration.status.not_in(GONE))
    return stmt.where(Registration.status.in_(HOLDS_PLACE), Registration.listed.is_(True))


def _like(fragment: str) -> str:
    escaped = fragment.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_in_list(event: Event, query: str | None = None):
    """A select of the people holding a place, by name, optionally those whose name contains ``query``."""
    stmt = (sa.select(Registration).join(User, Registration.user_id == User.id)
            .where(Registration.event_id == event.id, Registration.status.in_(HOLDS_PLACE))
            .options(selectinload(Registration.user))
            .order_by(sa.func.lower(User.name), Registration.id))
    if query and query.strip():
        stmt = stmt.where(sa.func.lower(User.name).like(_like(query), escape="\\"))
    return stmt


def attendance(event: Event) -> tuple[int, int]:
    """(how many have been checked in, how many hold a place)."""
    counts = dict(db.session.execute(
        sa.select(Registration.status, sa.func.count())
        .where(Registration.event_id == event.id, Registration.status.in_(HOLDS_PLACE))
        .group_by(Registration.status)
    ).all())
    attended = counts.get(RegistrationStatus.ATTENDED, 0)
    return attended, attended + counts.get(RegistrationStatus.CONFIRMED, 0)


# Check-in

def check_in(registration: Registration, attended: bool, *, actor) -> None:
    """Mark a confirmed participant as present on the day, or undo a mistaken check-in."""
    if not registration.holds_place:
        raise DomainError(_("%(name)s is %(status)s: only confirmed participants can be checked in.",
                            name=registration.user.name, status=registration.status.label.lower()))
    # A second tap (a slow connection, two hosts at the door) keeps the first check-in's time.
    if attended and not registration.attended:
        registration.move_to(RegistrationStatus.ATTENDED, actor=actor, reason="Checked in on the day")
        registration.attended_at = utcnow()
        registration.checked_in_by_id = actor.id if actor is not None else None
    elif not attended and registration.attended:
        registration.move_to(RegistrationStatus.CONFIRMED, actor=actor, reason="Check-in undone")
        registration.attended_at = None
        registration.checked_in_by_id = None
    else:
        return
    db.session.flush()
    logger.info("registration %s %s by %s", registration.id,
                "checked in" if attended else "check-in undone", describe(actor))

