"""A conference's own cycle: editions, sponsors, the call for contributions, review and selection."""
import logging
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from dialogues.accounts import services as accounts
from dialogues.accounts.enums import OrganisationKind
from dialogues.accounts.models import User
from dialogues.agenda import services as agenda
from dialogues.agenda.enums import ItemKind
from dialogues.agenda.models import AgendaItem
from dialogues.commitments.enums import ProgressStatus
from dialogues.commitments.models import Commitment
from dialogues.commitments.services import latest_updates
from dialogues.conferences import messages
from dialogues.conferences.enums import (
    ContributionStatus, ContributionType, Decision, SponsorDisplay, SponsorLevel, SponsorStatus,
)
from dialogues.conferences.models import (
    Call, Contribution, ContributionAuthor, DeclaredConflict, Edition, ReviewAssignment, ReviewCriterion, Reviewer,
    ReviewScore, Sponsor, Track, computed_conflicts,
)
from dialogues.core import codes
from dialogues.core.actors import describe
from dialogues.core.clock import local_today
from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.events import services as events
from dialogues.events.enums import EventKind
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.programmes.enums import ProgrammeKind
from dialogues.programmes.models import Programme
from dialogues.registration.enums import HOLDS_PLACE
from dialogues.registration.models import Registration

logger = logging.getLogger(__name__)

# Where reviewers' scores diverge this much on one criterion (1 and 5, 1 and 4, 2 and 5) ...
DISAGREEMENT_RANGE = 3
# ... or their weighted totals spread this much (standard deviation), the convener should look.
DISAGREEMENT_SD = 1.0

EDITION_FIELDS = ("number", "host_country", "host_city", "host_organisations", "theme", "recorded_participants",
                  "proceedings_note", "travel_cap", "cap_currency")
CONTRIBUTION_FIELDS = ("track_id", "kind", "title", "abstract", "language", "answers", "needs_sponsorship",
                       "sponsored_places", "travel_estimate")
SPONSOR_FIELDS = ("level", "status", "amount", "currency", "funds", "sponsored_places", "display")


def ordinal(number: int) -> str:
    """An edition's number as people say it: 1st, 2nd, 3rd, 9th, 11th, 22nd."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


# Editions


def edition_of_event(event_id: int) -> Edition | None:
    return db.session.scalar(sa.select(Edition).where(Edition.event_id == event_id))


def editions_of(series_id: int) -> list[Edition]:
    """A series' editions, latest first, with their events loaded."""
    return list(db.session.scalars(
        sa.select(Edition).where(Edition.series_id == series_id)
        .options(selectinload(Edition.event)).order_by(Edition.number.desc())))


def _clean_edition(fields: dict) -> dict:
    unknown = set(fields) - set(EDITION_FIELDS)
    if unknown:
        raise TypeError(f"not edition fields: {sorted(unknown)}")
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if "number" in fields and (not isinstance(fields["number"], int) or fields["number"] < 1):
        raise DomainError(_("An edition's number is a whole number from 1."))
    if fields.get("host_country") and not codes.is_country(fields["host_country"]):
        raise DomainError(_("Choose the host country from the list."))
    if "host_organisations" in fields:
        fields["host_organisations"] = [n.strip() for n in fields["host_organisations"] or [] if n and n.strip()]
    cap = fields.get("travel_cap")
    if cap is not None and cap < 0:
        raise DomainError(_("The travel cap cannot be negative."))
    if cap is not None and not fields.get("cap_currency"):
        raise DomainError(_("Give the currency of the travel cap."))
    if fields.get("cap_currency") and not codes.is_currency(fields["cap_currency"]):
        raise DomainError(_("Choose the cap's currency from the list (ISO 4217)."))
    return fields


def _check_number_free(series_id: int, number: int, edition_id: int | None = None) -> None:
    taken = db.session.scalar(sa.select(Edition.id).where(Edition.series_id == series_id, Edition.number == number))
    if taken is not None and taken != edition_id:
        raise DomainError(_("The series already has a %(number)s edition.", number=ordinal(number)))


def add_edition(event: Event, *, actor, **fields) -> Edition:
    """Make a conference event of a conference series one of its numbered editions."""
    series = event.programme
    if event.kind != EventKind.CONFERENCE or series is None or series.kind != ProgrammeKind.CONFERENCE_SERIES:
        raise DomainError(_("Only a conference in a conference series can be an edition."))
    if edition_of_event(event.id) is not None:
        raise DomainError(_("This event is already an edition."))
    fields = _clean_edition(fields)
    _check_number_free(series.id, fields["number"])
    fields.setdefault("host_country", event.country)
    fields.setdefault("host_city", event.city)
    edition = Edition(event=event, event_id=event.id, series_id=series.id, **fields)
    db.session.add(edition)
    db.session.flush()
    logger.info("edition %s (event %s) added by %s", edition.id, event.id, describe(actor))
    return edition


def update_edition(edition: Edition, *, actor, **fields) -> Edition:
    fields = _clean_edition(fields)
    if "number" in fields:
        _check_number_free(edition.series_id, fields["number"], edition.id)
    for name, value in fields.items():
        setattr(edition, name, value)
    db.session.flush()
    logger.info("edition %s updated by %s", edition.id, describe(actor))
    return edition


def latest_edition(series_id: int) -> Edition | None:
    return db.session.scalar(
        sa.select(Edition).where(Edition.series_id == series_id).order_by(Edition.number.desc()).limit(1))


def create_next_edition(series: Programme, *, actor, event_fields: dict, **fields) -> Edition:
    """The next edition: a new conference event, carrying over tracks, review criteria, the
    reviewer pool and the sponsor list (as prospects) from the latest edition, and nothing else."""
    if series.kind != ProgrammeKind.CONFERENCE_SERIES:
        raise DomainError(_("Editions belong to a conference series."))
    previous = latest_edition(series.id)
    fields.setdefault("number", previous.number + 1 if previous else 1)
    event = events.create_event(actor=actor, kind=EventKind.CONFERENCE, programme_id=series.id,
                                country=fields.get("host_country"), city=fields.get("host_city", ""),
                                **event_fields)
    edition = add_edition(event, actor=actor, **fields)
    if previous is not None:
        _carry_over(previous, edition)
    logger.info("edition %s of series %s created by %s", edition.number, series.id, describe(actor))
    return edition


def _carry_over(previous: Edition, edition: Edition) -> None:
    new_tracks = {}
    for track in previous.tracks:
        new_tracks[track.id] = Track(title=track.title, description=track.description, position=track.position)
        edition.tracks.append(new_tracks[track.id])
    for criterion in previous.criteria:
        edition.criteria.append(ReviewCriterion(label=criterion.label, description=criterion.description,
                                                weight=criterion.weight, position=criterion.position))
    for reviewer in previous.reviewers:
        edition.reviewers.append(Reviewer(user_id=reviewer.user_id, max_load=reviewer.max_load,
                                          tracks=[new_tracks[t.id] for t in reviewer.tracks]))
    # Last year's sponsors are this year's prospects: who and at what level, not what they gave.
    for sponsor in previous.sponsors:
        if sponsor.status == SponsorStatus.DECLINED:
            continue
        edition.sponsors.append(Sponsor(organisation_id=sponsor.organisation_id, level=sponsor.level,
                                        status=SponsorStatus.PROSPECT, display=sponsor.display, funds=""))
    db.session.flush()


@dataclass
class EditionFigures:
    edition: Edition
    participants: int | None
    contributions_accepted: int
    commitments: int
    commitments_done: int


@dataclass
class Landing:
    coming: EditionFigures | None
    past: list[EditionFigures]


def landing(series: Programme, today: date | None = None) -> Landing:
    """The series' page: the coming edition first, then the past ones with their figures (fixed queries).

    An edition is past once its last day is over where it is held (or before ``today``, if given).
    """
    editions = editions_of(series.id)
    event_ids = [e.event_id for e in editions]
    places = dict(db.session.execute(
        sa.select(Registration.event_id, sa.func.count()).where(
            Registration.event_id.in_(event_ids), Registration.status.in_(HOLDS_PLACE))
        .group_by(Registration.event_id)).all()) if event_ids else {}
    accepted = dict(db.session.execute(
        sa.select(Contribution.edition_id, sa.func.count()).where(
            Contribution.edition_id.in_([e.id for e in editions]),
            Contribution.status == ContributionStatus.ACCEPTED).group_by(Contribution.edition_id)).all()) if editions else {}
    commitments = list(db.session.execute(
        sa.select(Commitment.id, Commitment.event_id).where(Commitment.event_id.in_(event_ids)))) if event_ids else []
    latest = latest_updates([cid for cid, _event in commitments])
    made, done = defaultdict(int), defaultdict(int)
    for cid, event_id in commitments:
        made[event_id] += 1
        if cid in latest and latest[cid].status == ProgressStatus.DONE:
            done[event_id] += 1
    figures = [EditionFigures(e, places.get(e.event_id) or e.recorded_participants, accepted.get(e.id, 0),
                              made[e.event_id], done[e.event_id]) for e in editions]
    def over(f: EditionFigures) -> bool:
        event = f.edition.event
        return event.ends_on < (today or local_today(event.timezone))

    upcoming = [f for f in figures if not over(f)]
    coming = min(upcoming, key=lambda f: f.edition.event.starts_on) if upcoming else None
    return Landing(coming=coming, past=[f for f in figures if over(f)])


# Sponsors


def _clean_sponsor(fields: dict) -> dict:
    unknown = set(fields) - set(SPONSOR_FIELDS)
    if unknown:
        raise TypeError(f"not sponsor fields: {sorted(unknown)}")
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    fields["level"] = SponsorLevel(fields["level"])
    fields["status"] = SponsorStatus(fields.get("status") or SponsorStatus.PROSPECT)
    fields["display"] = SponsorDisplay(fields.get("display") or SponsorDisplay.NAME)
    amount = fields.get("amount")
    if amount is not None and amount < 0:
        raise DomainError(_("A sponsorship's amount cannot be negative."))
    if amount is not None and not fields.get("currency"):
        raise DomainError(_("Give the currency of the amount."))
    if fields.get("currency") and not codes.is_currency(fields["currency"]):
        raise DomainError(_("Choose the currency from the list (ISO 4217)."))
    if (fields.get("sponsored_places") or 0) < 0:
        raise DomainError(_("The number of sponsored places cannot be negative."))
    return fields


def add_sponsor(edition: Edition, *, actor, organisation_name: str, organisation_kind=OrganisationKind.DONOR,
                country: str | None = None, **fields) -> Sponsor:
    """Record an organisation sponsoring the edition, or approached to."""
    if not (organisation_name or "").strip():
        raise DomainError(_("Name the sponsoring organisation."))
    organisation = accounts.find_or_create_organisation(organisation_name, OrganisationKind(organisation_kind),
                                                        country)
    if any(s.organisation_id == organisation.id for s in edition.sponsors):
        raise DomainError(_("%(name)s is already on this edition's sponsor list.", name=organisation.name))
    sponsor = Sponsor(organisation=organisation, organisation_id=organisation.id, **_clean_sponsor(fields))
    edition.sponsors.append(sponsor)
    db.session.flush()
    logger.info("sponsor %s added to edition %s by %s", sponsor.id, edition.id, describe(actor))
    return sponsor


def update_sponsor(sponsor: Sponsor, *, actor, **fields) -> Sponsor:
    for name, value in _clean_sponsor(fields).items():
        setattr(sponsor, name, value)
    db.session.flush()
    logger.info("sponsor %s updated by %s", sponsor.id, describe(actor))
    return sponsor


def remove_sponsor(sponsor: Sponsor, *, actor) -> None:
    sponsor_id = sponsor.id
    db.session.delete(sponsor)
    db.session.flush()
    logger.info("sponsor %s removed by %s", sponsor_id, describe(actor))


@dataclass
class SponsorShowing:
    """The sponsors as the public sees them: confirmed ones, each as it chose to appear."""

    named: list[Sponsor]
    anonymous: int


def sponsors_shown(edition: Edition) -> SponsorShowing:
    confirmed = [s for s in edition.sponsors if s.status == SponsorStatus.CONFIRMED]
    order = list(SponsorLevel)
    named = sorted((s for s in confirmed if s.display != SponsorDisplay.ANONYMOUS),
                   key=lambda s: (order.index(s.level), s.organisation.name))
    return SponsorShowing(named=named, anonymous=sum(1 for s in confirmed if s.display == SponsorDisplay.ANONYMOUS))


# Tracks, criteria and the reviewer pool


def add_track(edition: Edition, title: str, description: str = "", *, actor) -> Track:
    title = (title or "").strip()
    if not title:
        raise DomainError(_("Give the track a title."))
    if any(t.title.lower() == title.lower() for t in edition.tracks):
        raise DomainError(_("There is already a track called %(title)s.", title=title))
    track = Track(title=title, description=(description or "").strip(), position=len(edition.tracks))
    edition.tracks.append(track)
    db.session.flush()
    logger.info("track %s added to edition %s by %s", track.id, edition.id, describe(actor))
    return track


def remove_track(track: Track, *, actor) -> None:
    used = db.session.scalar(sa.select(sa.func.count()).where(Contribution.track_id == track.id))
    if used:
        raise DomainError(_("%(count)s contributions are in this track: move them first.", count=used))
    track_id = track.id
    db.session.delete(track)
    db.session.flush()
    logger.info("track %s removed by %s", track_id, describe(actor))


def add_criterion(edition: Edition, label: str, weight: Decimal, description: str = "", *, actor) -> ReviewCriterion:
    label = (label or "").strip()
    if not label:
        raise DomainError(_("Name the criterion."))
    if weight is None or weight <= 0:
        raise DomainError(_("A criterion's weight is more than 0."))
    criterion = ReviewCriterion(label=label, weight=weight, description=(description or "").strip(),
                                position=len(edition.criteria))
    edition.criteria.append(criterion)
    db.session.flush()
    logger.info("criterion %s added to edition %s by %s", criterion.id, edition.id, describe(actor))
    return criterion


def remove_criterion(criterion: ReviewCriterion, *, actor) -> None:
    if db.session.scalar(sa.select(sa.func.count()).where(ReviewScore.criterion_id == criterion.id)):
        raise DomainError(_("Reviewers have scored this criterion already; it stays."))
    criterion_id = criterion.id
    db.session.delete(criterion)
    db.session.flush()
    logger.info("criterion %s removed by %s", criterion_id, describe(actor))


def add_reviewer(edition: Edition, email: str, *, actor, track_ids=(), max_load: int = 10) -> Reviewer:
    """Put someone with an account into the edition's reviewer pool."""
    user = accounts.user_by_email(email or "")
    if user is None:
        raise DomainError(_("No one with an account here has this address; invite them first."))
    if any(r.user_id == user.id for r in edition.reviewers):
        raise DomainError(_("%(name)s is already in the reviewer pool.", name=user.name))
    if not max_load or max_load < 1:
        raise DomainError(_("A reviewer takes at least one contribution."))
    tracks = _tracks_of(edition, track_ids)
    reviewer = Reviewer(user=user, user_id=user.id, max_load=max_load, tracks=tracks)
    edition.reviewers.append(reviewer)
    db.session.flush()
    logger.info("user %s added to the reviewer pool of edition %s by %s", user.id, edition.id, describe(actor))
    return reviewer


def _tracks_of(edition: Edition, track_ids) -> list[Track]:
    by_id = {t.id: t for t in edition.tracks}
    unknown = [i for i in track_ids or () if i not in by_id]
    if unknown:
        raise DomainError(_("Choose tracks of this edition."))
    return [by_id[i] for i in track_ids or ()]


def remove_reviewer(reviewer: Reviewer, *, actor) -> None:
    """Take someone out of the pool, with the assignments they have not scored."""
    scored = {cid for cid, in db.session.execute(
        sa.select(ReviewScore.contribution_id).join(Contribution).where(
            ReviewScore.reviewer_id == reviewer.user_id, Contribution.edition_id == reviewer.edition_id))}
    db.session.execute(sa.delete(ReviewAssignment).where(
        ReviewAssignment.reviewer_id == reviewer.user_id,
        ReviewAssignment.contribution_id.in_(
            sa.select(Contribution.id).where(Contribution.edition_id == reviewer.edition_id)),
        ReviewAssignment.contribution_id.not_in(scored) if scored else sa.true()))
    reviewer_id = reviewer.id
    db.session.delete(reviewer)
    db.session.flush()
    logger.info("reviewer %s removed by %s", reviewer_id, describe(actor))


# The call


def set_call(edition: Edition, *, actor, opens_at: datetime, closes_at: datetime, contribution_types,
             languages, questions=(), blind_review: bool = False, reviewers_per_contribution: int = 3,
             introduction: str = "") -> Call:
    """Open (or change) the edition's call for contributions."""
    if opens_at is None or closes_at is None or closes_at <= opens_at:
        raise DomainError(_("The call must close after it opens."))
    types = [ContributionType(t) for t in contribution_types or ()]
    if not types:
        raise DomainError(_("Choose at least one type of contribution."))
    bad = [code for code in languages or () if not codes.is_language(code)]
    if bad or not languages:
        raise DomainError(_("Choose the languages in which contributions are accepted."))
    if not 1 <= int(reviewers_per_contribution or 0) <= 10:
        raise DomainError(_("Each contribution gets between 1 and 10 reviewers."))
    call = edition.call or Call(edition=edition)
    call.opens_at, call.closes_at = opens_at, closes_at
    call.contribution_types = [t.value for t in types]
    call.languages = list(languages)
    call.questions = [q.strip() for q in questions or () if q and q.strip()]
    call.blind_review = bool(blind_review)
    call.reviewers_per_contribution = int(reviewers_per_contribution)
    call.introduction = (introduction or "").strip()
    db.session.add(call)
    db.session.flush()
    logger.info("call of edition %s set by %s", edition.id, describe(actor))
    return call


def local_time(edition: Edition, instant: datetime) -> datetime:
    """An instant on the wall clocks of the edition's place."""
    return instant.astimezone(ZoneInfo(edition.event.timezone))


# Contributions


@dataclass(frozen=True)
class CoAuthor:
    email: str
    name: str = ""


def _clean_contribution(edition: Edition, fields: dict) -> dict:
    unknown = set(fields) - set(CONTRIBUTION_FIELDS)
    if unknown:
        raise TypeError(f"not contribution fields: {sorted(unknown)}")
    call = edition.call
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if not fields.get("title") or not fields.get("abstract"):
        raise DomainError(_("A contribution needs a title and an abstract."))
    try:
        fields["kind"] = ContributionType(fields.get("kind"))
    except ValueError:
        raise DomainError(_("Choose the type of contribution.")) from None
    if fields["kind"] not in call.types:
        raise DomainError(_("This call does not ask for contributions of the type %(kind)s.",
                                  kind=fields["kind"].label.lower()))
    if fields.get("language") not in call.languages:
        raise DomainError(_("Choose one of the languages the call accepts."))
    track_id = fields.get("track_id")
    if edition.tracks and track_id not in {t.id for t in edition.tracks}:
        raise DomainError(_("Choose one of the edition's tracks."))
    answers = [(a or "").strip() for a in fields.get("answers") or []]
    if len(answers) != len(call.questions) or any(not a for a in answers):
        raise DomainError(_("Answer every question of the call."))
    fields["answers"] = answers
    fields["needs_sponsorship"] = bool(fields.get("needs_sponsorship"))
    places = fields.get("sponsored_places") or 0
    if places < 0 or places > 20:
        raise DomainError(_("Sponsored places go from 0 to 20."))
    estimate = fields.get("travel_estimate")
    if estimate is not None and estimate < 0:
        raise DomainError(_("The travel estimate cannot be negative."))
    if fields["needs_sponsorship"] and places < 1:
        raise DomainError(_("Say how many of the authors need a sponsored place."))
    if not fields["needs_sponsorship"]:
        fields["sponsored_places"], fields["travel_estimate"] = 0, None
    else:
        fields["sponsored_places"] = places
    return fields


def _check_open(edition: Edition, now: datetime) -> None:
    call = edition.call
    if call is None:
        raise DomainError(_("This edition has no call for contributions."))
    zone_time = local_time(edition, call.closes_at)
    if now < call.opens_at:
        raise DomainError(_("The call opens on %(when)s (%(zone)s).",
                            when=f"{local_time(edition, call.opens_at):%d %B %Y, %H:%M}", zone=edition.event.timezone))
    if now >= call.closes_at:
        raise DomainError(_("The call closed on %(when)s (%(zone)s): contributions can no longer be submitted or "
                            "changed.", when=f"{zone_time:%d %B %Y, %H:%M}", zone=edition.event.timezone))


def _set_authors(contribution: Contribution, submitter: User, co_authors, *, actor) -> list[User]:
    """The submitter first, then co-authors: found by email, or invited to make an account."""
    wanted: list[User] = [submitter]
    invited: list[tuple[User, str]] = []
    for co in co_authors or ():
        email = accounts.normalise_email(co.email or "")
        if not email:
            continue
        user = accounts.user_by_email(email)
        if user is None:
            name = (co.name or "").strip()
            if not name:
                raise DomainError(_("Give the name of %(email)s, who has no account here yet: we will invite them.",
                                          email=email))
            user, token = accounts.invite_user(email, name, actor=actor)
            invited.append((user, token))
        if user not in wanted:
            wanted.append(user)
    before = {a.user_id for a in contribution.authors}
    keep = {a.user_id: a for a in contribution.authors}
    contribution.authors = [keep.get(u.id) or ContributionAuthor(user=u, user_id=u.id) for u in wanted]
    for position, author in enumerate(contribution.authors):
        author.position = position
        author.presenting = position == 0
    added = [u for u in wanted if u.id not in before and u.id != submitter.id]
    for user, token in invited:
        messages.co_author_invited(contribution, user, token)
    for user in added:
        if user not in {u for u, _token in invited}:
            messages.co_author_added(contribution, user)
    return added


def submit(edition: Edition, *, actor: User, now: datetime, co_authors=(), **fields) -> Contribution:
    """Anyone with an account submits a contribution to an open call, naming co-authors."""
    _check_open(edition, now)
    fields = _clean_contribution(edition, fields)
    contribution = Contribution(edition=edition, edition_id=edition.id, submitted_by_id=actor.id,
                                status=ContributionStatus.SUBMITTED, authors=[],
                                travel_currency=edition.cap_currency if fields["needs_sponsorship"] else None,
                                **fields)
    db.session.add(contribution)
    _set_authors(contribution, actor, co_authors, actor=actor)
    db.session.flush()
    logger.info("contribution %s submitted to edition %s by %s", contribution.id, edition.id, describe(actor))
    return contribution


def update_contribution(contribution: Contribution, *, actor, now: datetime, co_authors=(), **fields) -> None:
    """Its authors change a submitted contribution until the call closes."""
    edition = contribution.edition
    _check_open(edition, now)
    if contribution.status != ContributionStatus.SUBMITTED:
        raise DomainError(_("A %(status)s contribution can no longer be changed.",
                            status=contribution.status.label.lower()))
    fields = _clean_contribution(edition, fields)
    for name, value in fields.items():
        setattr(contribution, name, value)
    contribution.travel_currency = edition.cap_currency if fields["needs_sponsorship"] else None
    submitter = contribution.submitted_by or actor
    _set_authors(contribution, submitter, co_authors, actor=actor)
    db.session.flush()
    logger.info("contribution %s edited by %s", contribution.id, describe(actor))


def withdraw(contribution: Contribution, *, actor, note: str = "") -> None:
    """An author withdraws the contribution; it leaves the review and the selection."""
    contribution.change_status(ContributionStatus.WITHDRAWN, message=note or "Withdrawn by an author.", actor=actor)
    db.session.flush()
    logger.info("contribution %s withdrawn by %s", contribution.id, describe(actor))


def contributions_of_author(user) -> list[Contribution]:
    """The contributions someone wrote or co-wrote, newest first."""
    return list(db.session.scalars(
        sa.select(Contribution).where(Contribution.id.in_(
            sa.select(ContributionAuthor.contribution_id).where(ContributionAuthor.user_id == user.id)))
        .options(selectinload(Contribution.edition).selectinload(Edition.event),
                 selectinload(Contribution.track))
        .order_by(Contribution.created_at.desc(), Contribution.id.desc())))


# Review


def _pool(edition: Edition) -> list[Reviewer]:
    return list(db.session.scalars(
        sa.select(Reviewer).where(Reviewer.edition_id == edition.id)
        .options(selectinload(Reviewer.tracks), selectinload(Reviewer.user)).order_by(Reviewer.id)))


def _in_review(edition: Edition):
    return sa.select(Contribution).where(Contribution.edition_id == edition.id,
                                         Contribution.status != ContributionStatus.WITHDRAWN)


@dataclass
class AssignmentReport:
    made: int = 0
    short: list[int] = field(default_factory=list)  # contributions that could not get enough reviewers


def assign_automatically(edition: Edition, *, actor, per_contribution: int | None = None) -> AssignmentReport:
    """Give every contribution N reviewers from the pool: never one in conflict, only reviewers of its
    track, each within their maximum load and the load spread as evenly as possible. Assignments
    already made (by hand too) are kept."""
    n = per_contribution or (edition.call.reviewers_per_contribution if edition.call else 3)
    pool = _pool(edition)
    contributions = list(db.session.scalars(_in_review(edition).order_by(Contribution.id)))
    existing = db.session.execute(
        sa.select(ReviewAssignment.contribution_id, ReviewAssignment.reviewer_id)
        .join(Contribution).where(Contribution.edition_id == edition.id)).all()
    conflicts = computed_conflicts([c.id for c in contributions], [r.user_id for r in pool])
    has: dict[int, set[int]] = defaultdict(set)
    load: dict[int, int] = defaultdict(int)
    for cid, rid in existing:
        has[cid].add(rid)
        load[rid] += 1
    covers = {r.id: {t.id for t in r.tracks} for r in pool}  # empty: any track
    eligible = {
        c.id: [r for r in pool if (not covers[r.id] or c.track_id in covers[r.id])
               and (c.id, r.user_id) not in conflicts] for c in contributions
    }
    report = AssignmentReport()
    # The hardest to staff first, so that the few who may review them are still free.
    for contribution in sorted(contributions, key=lambda c: (len(eligible[c.id]), c.id)):
        needed = n - len(has[contribution.id])
        candidates = [r for r in eligible[contribution.id]
                      if r.user_id not in has[contribution.id] and load[r.user_id] < r.max_load]
        candidates.sort(key=lambda r: (load[r.user_id] / r.max_load, load[r.user_id], r.id))
        for reviewer in candidates[:max(needed, 0)]:
            db.session.add(ReviewAssignment(contribution_id=contribution.id, reviewer_id=reviewer.user_id,
                                            automatic=True, assigned_by_id=actor.id if actor else None))
            has[contribution.id].add(reviewer.user_id)
            load[reviewer.user_id] += 1
            report.made += 1
        if len(has[contribution.id]) < n:
            report.short.append(contribution.id)
    db.session.flush()
    logger.info("%s review assignments made in edition %s by %s", report.made, edition.id, describe(actor))
    return report


def assign(contribution: Contribution, email_or_user, *, actor) -> ReviewAssignment:
    """The convener gives a contribution one more reviewer from the pool, never one in conflict."""
    user = email_or_user if isinstance(email_or_user, User) else accounts.user_by_email(email_or_user or "")
    pool = {r.user_id: r for r in contribution.edition.reviewers}
    if user is None or user.id not in pool:
        raise DomainError(_("Choose someone from the edition's reviewer pool."))
    reasons = contribution.conflicts_with(user.id)
    if reasons:
        raise DomainError(_("%(name)s may not review this contribution: %(reasons)s.", name=user.name,
                            reasons=", ".join(str(r.label) for r in reasons)))
    if contribution.is_assigned_to(user.id):
        raise DomainError(_("%(name)s already reviews this contribution.", name=user.name))
    if contribution.status == ContributionStatus.WITHDRAWN:
        raise DomainError(_("A withdrawn contribution is not reviewed."))
    assignment = ReviewAssignment(reviewer_id=user.id, reviewer=user, automatic=False,
                                  assigned_by_id=actor.id if actor else None)
    contribution.assignments.append(assignment)
    db.session.flush()
    messages.review_assigned(contribution, user)
    logger.info("user %s assigned to contribution %s by %s", user.id, contribution.id, describe(actor))
    return assignment


def unassign(contribution: Contribution, reviewer_id: int, *, actor) -> None:
    assignment = next((a for a in contribution.assignments if a.reviewer_id == reviewer_id), None)
    if assignment is None:
        raise DomainError(_("This person does not review this contribution."))
    if any(s.reviewer_id == reviewer_id for s in contribution.scores):
        raise DomainError(_("This reviewer has already scored the contribution; their review stays."))
    contribution.assignments.remove(assignment)
    db.session.flush()
    logger.info("user %s unassigned from contribution %s by %s", reviewer_id, contribution.id, describe(actor))


def declare_conflict(contribution: Contribution, *, actor, note: str = "") -> None:
    """A reviewer declares a conflict: they leave the contribution, with any scores they gave it."""
    if not contribution.is_assigned_to(actor.id):
        raise DomainError(_("You do not review this contribution."))
    db.session.add(DeclaredConflict(edition_id=contribution.edition_id, reviewer_id=actor.id,
                                    contribution_id=contribution.id, note=(note or "").strip()))
    contribution.assignments = [a for a in contribution.assignments if a.reviewer_id != actor.id]
    contribution.scores = [s for s in contribution.scores if s.reviewer_id != actor.id]
    db.session.flush()
    logger.info("user %s declared a conflict with contribution %s", actor.id, contribution.id)


def declare_conflict_with_person(edition: Edition, person: User, *, actor, note: str = "") -> None:
    """A reviewer declares a conflict with a person: none of their contributions comes to them."""
    if not any(r.user_id == actor.id for r in edition.reviewers):
        raise DomainError(_("Only the edition's reviewers declare conflicts."))
    db.session.add(DeclaredConflict(edition_id=edition.id, reviewer_id=actor.id, person_id=person.id,
                                    note=(note or "").strip()))
    db.session.flush()
    logger.info("user %s declared a conflict with user %s in edition %s", actor.id, person.id, edition.id)


def submit_review(contribution: Contribution, scores: dict[int, tuple[int, str]], *, actor) -> None:
    """An assigned reviewer scores every criterion from 1 to 5, with a comment each (again, until decided)."""
    if not contribution.reviewable_by(actor.id):
        raise DomainError(_("You do not review this contribution."))
    if contribution.status != ContributionStatus.SUBMITTED:
        raise DomainError(_("The convener has decided on this contribution; reviews are closed."))
    criteria = {c.id for c in contribution.edition.criteria}
    if not criteria:
        raise DomainError(_("The convener has not set the review criteria yet."))
    if set(scores) != criteria:
        raise DomainError(_("Score every criterion."))
    for value, _comment in scores.values():
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise DomainError(_("Scores go from 1 to 5."))
    mine = {s.criterion_id: s for s in contribution.scores if s.reviewer_id == actor.id}
    for criterion_id, (value, comment) in scores.items():
        score = mine.get(criterion_id)
        if score is None:
            score = ReviewScore(reviewer_id=actor.id, criterion_id=criterion_id)
            contribution.scores.append(score)
        score.value, score.comment = value, (comment or "").strip()
    db.session.flush()
    logger.info("user %s reviewed contribution %s", actor.id, contribution.id)


@dataclass
class ReviewRow:
    contribution: Contribution
    reviewers: int
    reviews: int
    mean: float | None
    spread: float | None
    lowest: float | None
    highest: float | None
    widest_criterion_range: int
    disagreement: bool


def _weighted(values: dict[int, int], weights: dict[int, Decimal]) -> float | None:
    total = sum(float(weights[c]) for c in values if c in weights)
    if not total:
        return None
    return sum(float(weights[c]) * v for c, v in values.items() if c in weights) / total


def review_rows(contributions: list[Contribution], criteria: list[ReviewCriterion],
                scores: list[tuple[int, int, int, int]], assigned: dict[int, int]) -> list[ReviewRow]:
    """Mean, spread and disagreement per contribution, from (contribution, reviewer, criterion, value) rows."""
    weights = {c.id: c.weight for c in criteria}
    by: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for cid, rid, criterion_id, value in scores:
        by[cid][rid][criterion_id] = value
    rows = []
    for contribution in contributions:
        reviews = by.get(contribution.id, {})
        totals = [t for t in (_weighted(v, weights) for v in reviews.values()) if t is not None]
        per_criterion: dict[int, list[int]] = defaultdict(list)
        for values in reviews.values():
            for criterion_id, value in values.items():
                per_criterion[criterion_id].append(value)
        widest = max((max(v) - min(v) for v in per_criterion.values()), default=0)
        spread = statistics.pstdev(totals) if len(totals) > 1 else None
        rows.append(ReviewRow(
            contribution=contribution, reviewers=assigned.get(contribution.id, 0), reviews=len(reviews),
            mean=round(statistics.fmean(totals), 2) if totals else None,
            spread=round(spread, 2) if spread is not None else None,
            lowest=round(min(totals), 2) if totals else None, highest=round(max(totals), 2) if totals else None,
            widest_criterion_range=widest,
            disagreement=widest >= DISAGREEMENT_RANGE or (spread is not None and spread > DISAGREEMENT_SD),
        ))
    return rows


def review_table(edition: Edition, *, status: ContributionStatus | None = None) -> list[ReviewRow]:
    """Every contribution in review with its mean, spread and disagreement flag, best first
    (a fixed number of queries, whatever the number of contributions and reviews)."""
    stmt = _in_review(edition) if status is None else sa.select(Contribution).where(
        Contribution.edition_id == edition.id, Contribution.status == status)
    contributions = list(db.session.scalars(stmt.options(selectinload(Contribution.track)).order_by(Contribution.id)))
    criteria = list(db.session.scalars(sa.select(ReviewCriterion).where(ReviewCriterion.edition_id == edition.id)))
    in_edition = sa.select(Contribution.id).where(Contribution.edition_id == edition.id)
    scores = db.session.execute(
        sa.select(ReviewScore.contribution_id, ReviewScore.reviewer_id, ReviewScore.criterion_id, ReviewScore.value)
        .where(ReviewScore.contribution_id.in_(in_edition))).all()
    assigned = dict(db.session.execute(
        sa.select(ReviewAssignment.contribution_id, sa.func.count())
        .where(ReviewAssignment.contribution_id.in_(in_edition)).group_by(ReviewAssignment.contribution_id)).all())
    rows = review_rows(contributions, criteria, scores, assigned)
    rows.sort(key=lambda r: (r.mean is None, -(r.mean or 0), r.contribution.id))
    return rows


@dataclass
class SelectionTotals:
    accepted: int
    sponsored_places: int
    places_cap: int | None
    travel: Decimal
    travel_cap: Decimal | None
    currency: str | None

    @property
    def over_places(self) -> bool:
        return self.places_cap is not None and self.sponsored_places > self.places_cap

    @property
    def over_travel(self) -> bool:
        return self.travel_cap is not None and self.travel > self.travel_cap


def selection_totals(edition: Edition) -> SelectionTotals:
    """What the accepted contributions commit in sponsored places and travel, against the edition's caps."""
    count, places, travel = db.session.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(Contribution.sponsored_places), 0),
                  sa.func.coalesce(sa.func.sum(Contribution.travel_estimate), 0))
        .where(Contribution.edition_id == edition.id, Contribution.status == ContributionStatus.ACCEPTED)).one()
    return SelectionTotals(accepted=count, sponsored_places=int(places), places_cap=edition.event.sponsored_places,
                           travel=Decimal(travel).quantize(Decimal("0.01")), travel_cap=edition.travel_cap,
                           currency=edition.cap_currency)


def decide(contribution: Contribution, decision: Decision, *, actor, message: str,
           accepted_as: ContributionType | None = None) -> None:
    """The convener accepts, rejects, or accepts as another type, and the authors are told through the outbox."""
    decision = Decision(decision)
    if decision == Decision.ACCEPT_AS_OTHER_TYPE:
        if accepted_as is None or ContributionType(accepted_as) == contribution.kind:
            raise DomainError(_("Choose the other type the contribution is accepted as."))
        accepted_as = ContributionType(accepted_as)
    else:
        accepted_as = None
    status = ContributionStatus.REJECTED if decision == Decision.REJECT else ContributionStatus.ACCEPTED
    if contribution.status == ContributionStatus.WITHDRAWN:
        raise DomainError(_("The authors withdrew this contribution."))
    contribution.change_status(status, message=message, actor=actor, accepted_as=accepted_as)
    db.session.flush()
    messages.decision(contribution, message)
    logger.info("contribution %s %s by %s", contribution.id, status.value, describe(actor))


# Into the programme

AGENDA_KINDS = {
    ContributionType.TALK: ItemKind.BREAKOUT,
    ContributionType.PANEL: ItemKind.PLENARY,
    ContributionType.POSTER: ItemKind.OTHER,
    ContributionType.FIELD_VISIT: ItemKind.FIELD_VISIT,
    ContributionType.COUNTRY_CASE_STUDY: ItemKind.BREAKOUT,
}
SLOT_MINUTES = {ContributionType.PANEL: 60, ContributionType.FIELD_VISIT: 240}
DAY_STARTS, DAY_ENDS = time(9, 0), time(18, 0)


def _next_slot(event: Event, minutes: int) -> tuple[datetime, datetime]:
    """After the last item of the agenda, within the event's days from 09:00 to 18:00 local time."""
    last_end = db.session.scalar(sa.select(sa.func.max(AgendaItem.ends_at)).where(AgendaItem.event_id == event.id))
    start = agenda.local_instant(event.timezone, event.starts_on, DAY_STARTS)
    if last_end is not None and last_end > start:
        local = last_end.astimezone(ZoneInfo(event.timezone))
        start = last_end
        if local.time() >= DAY_ENDS or (local + timedelta(minutes=minutes)).time() > DAY_ENDS \
                or (local + timedelta(minutes=minutes)).date() != local.date():
            day = min(local.date() + timedelta(days=1), event.ends_on)
            start = max(agenda.local_instant(event.timezone, day, DAY_STARTS), last_end)
    return start, start + timedelta(minutes=minutes)


def add_to_agenda(contribution: Contribution, *, actor) -> AgendaItem:
    """An accepted contribution becomes an agenda item of its edition, with its authors as speakers."""
    if contribution.status != ContributionStatus.ACCEPTED:
        raise DomainError(_("Only accepted contributions go into the agenda."))
    if contribution.agenda_item is not None:
        raise DomainError(_("This contribution is already in the agenda."))
    event = contribution.edition.event
    kind = contribution.final_type
    starts_at, ends_at = _next_slot(event, SLOT_MINUTES.get(kind, 30))
    item = agenda.add_item(
        event, actor=actor, speakers=[a.user for a in contribution.authors], title=contribution.title[:200],
        description=contribution.abstract, kind=AGENDA_KINDS[kind], starts_at=starts_at, ends_at=ends_at,
        track=contribution.track.title if contribution.track else "",
    )
    contribution.agenda_item_id = item.id
    contribution.agenda_item = item
    db.session.flush()
    logger.info("contribution %s put in the agenda as item %s by %s", contribution.id, item.id, describe(actor))
    return item


def assignments_of(user, edition: Edition | None = None) -> list[Contribution]:
    """The contributions someone is assigned to review and may (no conflict since), in fixed queries."""
    stmt = (sa.select(Contribution).join(ReviewAssignment)
            .where(ReviewAssignment.reviewer_id == user.id, Contribution.status != ContributionStatus.WITHDRAWN)
            .options(selectinload(Contribution.track), selectinload(Contribution.edition).selectinload(Edition.event))
            .order_by(Contribution.edition_id, Contribution.id))
    if edition is not None:
        stmt = stmt.where(Contribution.edition_id == edition.id)
    contributions = list(db.session.scalars(stmt))
    conflicts = computed_conflicts([c.id for c in contributions], [user.id])
    return [c for c in contributions if (c.id, user.id) not in conflicts]


def scored_by(user, contribution_ids) -> set[int]:
    return set(db.session.scalars(sa.select(ReviewScore.contribution_id).where(
        ReviewScore.reviewer_id == user.id, ReviewScore.contribution_id.in_(list(contribution_ids))).distinct()))


def now() -> datetime:
    return utcnow()
