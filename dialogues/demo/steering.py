"""Demo data for the dialogue series: its steering committee, scored proposals, the
initiative taken up from one of them, prepared dialogues and recorded outcomes."""
from datetime import date

import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.accounts.services import grant_role
from dialogues.events.defaults import defaults_for
from dialogues.events.enums import DialogueScope, EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.initiatives.enums import MemberKind
from dialogues.initiatives.models import Initiative, InitiativeMember
from dialogues.outcomes import services as outcomes
from dialogues.outcomes.enums import OutcomeKind
from dialogues.permissions import Role
from dialogues.preparation import services as preparation
from dialogues.programmes.models import Programme
from dialogues.proposals import services as proposals
from dialogues.proposals.enums import Criterion, ProposalStatus, Region
from dialogues.proposals.models import IssueProposal

COMMITTEE_EMAILS = ("zoe.kabore@example.net", "emmanuel.kimaro@example.org", "siobhan.nibhriain@example.com")

PROPOSALS = (
    dict(title="Formalising artisanal and small-scale mining",
         problem_statement="Most artisanal miners work without a licence: procedures are slow, costly and far away, "
                           "so miners stay informal, sell through middlemen and cannot get credit.",
         why_now="Mozambique, Tanzania, Ghana and Peru are all revising their mining laws.",
         regions=[Region.AFRICA.value, Region.LATIN_AMERICA.value], countries=["MZ", "TZ", "GH", "PE"],
         potential_partners="National miners' associations; ministries of mines; IIED",
         funding_prospects="DFID and Danida have signalled interest.",
         scores=((5, 5, 4, 5, 4, 4), (4, 5, 4, 4, 4, 3), (5, 4, 3, 5, 5, 4)),
         decisions=((ProposalStatus.BEING_SCOPED, "Scoping study on licensing in four countries first."),
                    (ProposalStatus.SELECTED, "Highest weighted score; partners ready in Mozambique and Ghana."))),
    dict(title="Mercury-free gold processing",
         problem_statement="Whole-ore amalgamation still releases mercury in most gold fields; alternatives exist "
                           "but miners cannot afford or trust them.",
         why_now="National action plans under the Minamata Convention are being drafted.",
         regions=[Region.AFRICA.value, Region.ASIA_PACIFIC.value, Region.LATIN_AMERICA.value],
         countries=["GH", "ID", "PE"], potential_partners="UNEP Global Mercury Partnership",
         funding_prospects="GEF planetGOLD",
         scores=((5, 3, 2, 4, 3, 5), (2, 3, 3, 2, 3, 4)), decisions=()),
    dict(title="Women in artisanal mining: rights and finance",
         problem_statement="Women do much of the processing and trading but rarely hold licences or credit.",
         why_now="", regions=[Region.AFRICA.value], countries=["TZ", "BF", "CD"],
         potential_partners="Women's miners' associations", funding_prospects="",
         scores=((4, 4, 4, 3, 3, 2),),
         decisions=((ProposalStatus.BEING_SCOPED, "Ask the learning groups what evidence they hold."),)),
    dict(title="Due diligence for conflict-affected gold",
         problem_statement="Downstream buyers' due diligence pushes small producers out of formal markets.",
         why_now="", regions=[Region.GLOBAL.value], countries=[], potential_partners="OECD", funding_prospects="",
         scores=(), decisions=((ProposalStatus.PARKED, "Covered by the OECD forum this year; revisit in 2028."),)),
)

OUTCOMES = (
    (OutcomeKind.SUMMARY, "Miners, officials and companies agreed that formalisation fails where licences cost more "
                          "than a season's income.\n\nThe co-chairs will carry the proposals to the national "
                          "mining law review."),
    (OutcomeKind.CONSENSUS, "Licences for small-scale miners should be granted in the district, not the capital."),
    (OutcomeKind.CONSENSUS, "Miners' associations should sit on the district licensing committees."),
    (OutcomeKind.DISAGREEMENT, "Whether large-scale concession holders must release unused ground to small-scale miners."),
    (OutcomeKind.RECOMMENDATION, "Publish the mining cadastre online and in district offices, in local languages."),
    (OutcomeKind.ACTION_STEP, "Ghana Minerals Commission to pilot a one-stop licensing desk in Tarkwa by mid-2027."),
    (OutcomeKind.ACTION_STEP, "Miners' associations to map unlicensed pits with members before the next dialogue."),
)


def _committee(series: Programme, convener: User, steering: User, *, actor) -> list[User]:
    grant_role(convener, Role.CONVENER, programme=series, actor=actor)
    grant_role(steering, Role.STEERING_COMMITTEE, programme=series, actor=actor)
    members = list(db.session.scalars(sa.select(User).where(User.email.in_(COMMITTEE_EMAILS)).order_by(User.email)))
    for member in members:
        grant_role(member, Role.STEERING_COMMITTEE, programme=series, actor=actor)
    return members


def _proposal(series: Programme, spec: dict, members: list[User], convener: User) -> IssueProposal:
    existing = db.session.scalar(sa.select(IssueProposal).where(
        IssueProposal.series_id == series.id, IssueProposal.title == spec["title"]))
    if existing is not None:
        return existing
    fields = {k: v for k, v in spec.items() if k not in ("scores", "decisions")}
    proposal = proposals.propose_issue(series, actor=members[0], **fields)
    for member, values in zip(members, spec["scores"]):
        proposals.submit_scores(proposal, {c: (v, "") for c, v in zip(Criterion, values)}, actor=member)
    if spec["decisions"]:
        proposals.close_scoring(proposal, actor=convener)
    for status, reason in spec["decisions"]:
        proposals.decide(proposal, status, reason, actor=convener)
    return proposal


def _initiative(programme: Programme, proposal: IssueProposal, members: list[User]) -> None:
    if programme.initiative is not None:
        return
    initiative = Initiative(programme=programme, proposal=proposal, starts_on=date(2025, 1, 1),
                            ends_on=date(2028, 12, 31), planned_dialogues=10)
    db.session.add(initiative)
    initiative.members.extend(InitiativeMember(kind=MemberKind.CO_CHAIR, user_id=m.id) for m in members[:2])
    initiative.members.extend(InitiativeMember(kind=MemberKind.ADVISORY_GROUP, user_id=m.id) for m in members[2:])
    db.session.flush()


def _dialogue_details(event: Event) -> None:
    defaults = defaults_for(event.kind)
    if defaults is None or event.capacity is not None:
        return
    event.capacity, event.sponsored_places = defaults.capacity, defaults.sponsored_places
    event.field_days, event.meeting_days = defaults.field_days, defaults.meeting_days
    event.indicative_budget, event.budget_currency = defaults.indicative_budget, defaults.budget_currency
    event.scope = DialogueScope.INTERNATIONAL if event.country == "MZ" else DialogueScope.LOCAL


def seed_dialogue_series(series: Programme, initiative: Programme, *, convener: User, steering: User,
                         secretariat: User) -> None:
    """The steering committee's work that led to the formalisation initiative, and its dialogues."""
    members = _committee(series, convener, steering, actor=secretariat)
    chosen = None
    for spec in PROPOSALS:
        proposal = _proposal(series, spec, members, convener)
        chosen = chosen or proposal
    _initiative(initiative, chosen, members)
    dialogues = db.session.scalars(sa.select(Event).where(Event.programme_id == initiative.id)).all()
    for event in dialogues:
        _dialogue_details(event)
        if defaults_for(event.kind) is None:
            continue
        tasks = preparation.create_checklist(event, actor=convener)
        finished = tasks if event.status == EventStatus.HELD else tasks[:2]
        for task in finished:
            if not task.is_done:
                preparation.set_task_done(task, True, actor=convener)
    tarkwa = next((e for e in dialogues if e.city == "Tarkwa"), None)
    if tarkwa is not None and not outcomes.outcome_counts(tarkwa):
        for kind, text in OUTCOMES:
            outcomes.add_outcome(tarkwa, kind, text, actor=convener)
    db.session.flush()
