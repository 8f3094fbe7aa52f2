"""The one place that decides who may do what.

Roles are granted to a user either site-wide (the secretariat) or on a programme
object: a programme (dialogue initiative, learning group, conference series) or a
single event. A role held on a programme covers every event in it.

Objects that permissions are asked about expose two things, so this module needs
no import from the models:

- ``permission_scopes``: the (scope kind, id) pairs a grant can match, e.g. an
  event in a programme gives ``{("event", 7), ("programme", 2)}``;
- ``is_public``: whether anyone, signed in or not, may read it;
- optionally ``owner_id``, for actions an owner may take on their own things;
- optionally what a rule's ``condition`` reads (e.g. a proposal's scoring state).

Users expose ``is_authenticated``, ``is_active`` and ``role_grants`` (objects with
``role`` and ``scope``).
"""
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from flask import abort
from flask_login import current_user

from dialogues.extensions import login_manager


class Role(StrEnum):
    SECRETARIAT = "secretariat"
    CONVENER = "convener"
    HOST = "host"
    STEERING_COMMITTEE = "steering_committee"
    PARTICIPANT = "participant"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.SECRETARIAT: "Secretariat",
    Role.CONVENER: "Convener",
    Role.HOST: "Host",
    Role.STEERING_COMMITTEE: "Steering committee member",
    Role.PARTICIPANT: "Participant",
}


class ScopeKind(StrEnum):
    PROGRAMME = "programme"
    EVENT = "event"


class Action(StrEnum):
    VIEW_EVENT = "event.view"
    EDIT_EVENT = "event.edit"
    PREPARE_EVENT = "event.prepare"
    TICK_PREPARATION_TASK = "event.preparation_task.tick"
    RECORD_OUTCOMES = "event.outcomes.record"
    VIEW_PROPOSALS = "proposals.view"
    PROPOSE_ISSUE = "proposals.propose"
    EDIT_PROPOSAL = "proposals.edit"
    SCORE_PROPOSAL = "proposals.score"
    VIEW_ALL_SCORES = "proposals.scores.view_all"
    DECIDE_PROPOSAL = "proposals.decide"
    SET_CRITERION_WEIGHTS = "proposals.weights"
    CREATE_EVENT = "event.create"
    VIEW_PARTICIPANTS = "event.participants"
    VIEW_LISTED_PARTICIPANTS = "event.participants.listed"
    MANAGE_REGISTRATIONS = "event.registrations.manage"
    VIEW_BALANCE = "event.balance"
    CHECK_IN = "event.check_in"
    REGISTER = "event.register"
    EDIT_REGISTRATION = "registration.edit"
    ANSWER_FOR_SELF = "registration.answer"
    PRINT_FULL_PARTICIPANT_LIST = "event.proceedings.everyone"
    EDIT_AGENDA = "event.agenda.edit"
    VIEW_COMMITMENT = "commitment.view"
    EDIT_COMMITMENT = "commitment.edit"
    REVIEW_COMMITMENT = "commitment.review"
    RECORD_COMMITMENT = "commitment.record_for_others"
    VIEW_FOLLOW_UP = "programme.follow_up"
    PRINT_PROCEEDINGS = "event.proceedings"
    CHANGE_SETTINGS = "settings.change"
    VIEW_PROGRAMME = "programme.view"
    EDIT_PROGRAMME = "programme.edit"
    CREATE_PROGRAMME = "programme.create"
    MANAGE_USERS = "users.manage"
    # Learning groups: asked about a group (or its roster, plans, reports), a learning-group
    # programme, a team presentation, or an international learning event's teams.
    VIEW_LEARNING_GROUP = "learning_group.view"
    VIEW_GROUP_MEMBERS = "learning_group.members.view"
    MANAGE_GROUP_MEMBERS = "learning_group.members.manage"
    ASK_TO_JOIN_GROUP = "learning_group.join"
    EDIT_LEARNING_GROUP = "learning_group.edit"
    SET_GROUP_HOST = "learning_group.host"
    VIEW_GROUP_WORK = "learning_group.work.view"
    EDIT_GROUP_WORK = "learning_group.work.edit"
    DECIDE_GROUP_WORK = "learning_group.work.decide"
    COMMENT_IN_GROUP = "learning_group.comment"
    EDIT_LOGFRAME = "learning_programme.logframe"
    VIEW_LEARNING_DASHBOARD = "learning_programme.dashboard"
    EDIT_PRESENTATION = "learning_event.presentation.edit"
    VIEW_PEER_REVIEWS = "learning_event.presentation.reviews"
    PEER_REVIEW = "learning_event.peer_review"
    GRANT_ROLES = "roles.grant"
    VIEW_BUDGET = "budget.view"
    EDIT_BUDGET = "budget.edit"
    RECORD_FUNDING = "budget.funding"
    MANAGE_FINANCE = "budget.finance"
    EXPORT_IATI = "budget.iati"
    # Asked about a conference edition (or a contribution, sponsor in it).
    MANAGE_CONFERENCE = "conference.manage"
    SUBMIT_CONTRIBUTION = "conference.contribution.submit"
    VIEW_CONTRIBUTION = "conference.contribution.view"
    VIEW_CONTRIBUTION_AUTHORS = "conference.contribution.authors"
    EDIT_CONTRIBUTION = "conference.contribution.edit"
    REVIEW_CONTRIBUTION = "conference.contribution.review"
    VIEW_REVIEWS = "conference.contribution.reviews"
    DECLARE_CONFLICT = "conference.contribution.declare_conflict"
    DECIDE_CONTRIBUTION = "conference.contribution.decide"


@dataclass(frozen=True)
class Rule:
    """Who, besides the secretariat, may take an action on an object.

    ``roles`` may always; ``conditional_roles`` may when ``condition(user, obj)`` holds;
    with ``owner_allowed`` the object's owner may too; with ``anyone_signed_in`` anyone with an
    active account; and anyone for whom ``allowed_if(user, obj)`` holds, whatever their roles
    (a reviewer's access comes from an assignment, not a role).
    """

    roles: frozenset[Role] = frozenset()
    public_if_object_public: bool = False
    conditional_roles: frozenset[Role] = frozenset()
    condition: Callable[[object, object], bool] | None = None
    owner_allowed: bool = False
    anyone_signed_in: bool = False
    allowed_if: Callable[[object, object], bool] | None = None


def _member_may_see_all_scores(user, proposal) -> bool:
    # No anchoring: a committee member sees the others' scores only once their own
    # are all in, or once the convener has closed the round.
    return proposal.scoring_closed or proposal.has_complete_scores_from(user.id)


def _hosts_learning_group(user, obj) -> bool:
    # A learning group's host organisation receives and reports on its money; the hosts
    # of a conference or a dialogue hold no purse.
    return bool(getattr(obj, "is_learning_group", False))


def _author(user, contribution) -> bool:
    return contribution.is_author(user.id)


def _assigned_reviewer(user, contribution) -> bool:
    # Assigned and not in conflict: a conflict found after assignment closes the door at once.
    return contribution.reviewable_by(user.id)


def _author_or_reviewer(user, contribution) -> bool:
    return _author(user, contribution) or _assigned_reviewer(user, contribution)


def _author_or_sighted_reviewer(user, contribution) -> bool:
    # Blind review: reviewers never learn who wrote what.
    blind = contribution.edition.call is not None and contribution.edition.call.blind_review
    return _author(user, contribution) or (not blind and _assigned_reviewer(user, contribution))


def _assigned(user, contribution) -> bool:
    return contribution.is_assigned_to(user.id)


_ANY_PROGRAMME_ROLE = frozenset({Role.CONVENER, Role.HOST, Role.STEERING_COMMITTEE, Role.PARTICIPANT})
# A learning group's conveners, coordinator (host) and members (participants).
_GROUP_PEOPLE = frozenset({Role.CONVENER, Role.HOST, Role.PARTICIPANT})

RULES: dict[Action, Rule] = {
    Action.VIEW_EVENT: Rule(_ANY_PROGRAMME_ROLE, public_if_object_public=True),
    Action.EDIT_EVENT: Rule(frozenset({Role.CONVENER})),
    Action.PREPARE_EVENT: Rule(frozenset({Role.CONVENER})),
    Action.TICK_PREPARATION_TASK: Rule(frozenset({Role.CONVENER}), owner_allowed=True),
    Action.RECORD_OUTCOMES: Rule(frozenset({Role.CONVENER})),
    # Asked about a dialogue series (or a proposal in it).
    Action.VIEW_PROPOSALS: Rule(frozenset({Role.CONVENER, Role.STEERING_COMMITTEE})),
    Action.PROPOSE_ISSUE: Rule(frozenset({Role.CONVENER, Role.STEERING_COMMITTEE})),
    Action.EDIT_PROPOSAL: Rule(frozenset({Role.CONVENER}), owner_allowed=True),
    Action.SCORE_PROPOSAL: Rule(frozenset({Role.STEERING_COMMITTEE})),
    Action.VIEW_ALL_SCORES: Rule(
        frozenset({Role.CONVENER}),
        conditional_roles=frozenset({Role.STEERING_COMMITTEE}),
        condition=_member_may_see_all_scores,
    ),
    Action.DECIDE_PROPOSAL: Rule(frozenset({Role.CONVENER})),
    Action.SET_CRITERION_WEIGHTS: Rule(),
    # Asked about a programme: its conveners may add events to it.
    Action.CREATE_EVENT: Rule(frozenset({Role.CONVENER})),
    Action.VIEW_PARTICIPANTS: Rule(frozenset({Role.CONVENER, Role.HOST})),
    # Those taking part see the list of the participants who agreed to be listed.
    Action.VIEW_LISTED_PARTICIPANTS: Rule(_ANY_PROGRAMME_ROLE),
    Action.MANAGE_REGISTRATIONS: Rule(frozenset({Role.CONVENER})),
    Action.VIEW_BALANCE: Rule(frozenset({Role.CONVENER})),
    Action.CHECK_IN: Rule(frozenset({Role.CONVENER, Role.HOST})),
    # Anyone signed in may register for an event they can see; the registration mode decides the rest.
    Action.REGISTER: Rule(_ANY_PROGRAMME_ROLE, public_if_object_public=True),
    Action.EDIT_REGISTRATION: Rule(frozenset({Role.CONVENER}), owner_allowed=True),
    # Only the registrant: take an offered place, ask for sponsorship, answer an invitation.
    Action.ANSWER_FOR_SELF: Rule(owner_allowed=True),
    # The proceedings variant listing people who did not consent to be listed.
    Action.PRINT_FULL_PARTICIPANT_LIST: Rule(),
    Action.EDIT_AGENDA: Rule(frozenset({Role.CONVENER})),
    # A commitment is public once accepted and marked public; its owner and the conveners
    # (and hosts) of its event or programme see it always.
    Action.VIEW_COMMITMENT: Rule(frozenset({Role.CONVENER, Role.HOST}), public_if_object_public=True,
                                 owner_allowed=True),
    Action.EDIT_COMMITMENT: Rule(frozenset({Role.CONVENER}), owner_allowed=True),
    Action.REVIEW_COMMITMENT: Rule(frozenset({Role.CONVENER})),
    # Asked about an event or programme: record a commitment on someone's behalf there.
    Action.RECORD_COMMITMENT: Rule(frozenset({Role.CONVENER})),
    # Asked about an event or programme: its follow-up dashboard.
    Action.VIEW_FOLLOW_UP: Rule(frozenset({Role.CONVENER, Role.HOST})),
    Action.PRINT_PROCEEDINGS: Rule(frozenset({Role.CONVENER})),
    Action.CHANGE_SETTINGS: Rule(),
    Action.VIEW_PROGRAMME: Rule(_ANY_PROGRAMME_ROLE, public_if_object_public=True),
    Action.EDIT_PROGRAMME: Rule(frozenset({Role.CONVENER})),
    Action.CREATE_PROGRAMME: Rule(),
    Action.MANAGE_USERS: Rule(),
    # A group's coordinator holds the host role on it, its members the participant role,
    # and the conveners of the learning-group programme the convener role there.
    Action.VIEW_LEARNING_GROUP: Rule(_ANY_PROGRAMME_ROLE, public_if_object_public=True),
    Action.VIEW_GROUP_MEMBERS: Rule(_GROUP_PEOPLE, public_if_object_public=True),
    Action.MANAGE_GROUP_MEMBERS: Rule(frozenset({Role.HOST})),
    Action.ASK_TO_JOIN_GROUP: Rule(_ANY_PROGRAMME_ROLE, public_if_object_public=True),
    Action.EDIT_LEARNING_GROUP: Rule(frozenset({Role.HOST})),
    Action.SET_GROUP_HOST: Rule(),
    Action.VIEW_GROUP_WORK: Rule(_GROUP_PEOPLE, public_if_object_public=True),
    Action.EDIT_GROUP_WORK: Rule(frozenset({Role.HOST})),
    Action.DECIDE_GROUP_WORK: Rule(frozenset({Role.CONVENER})),
    Action.COMMENT_IN_GROUP: Rule(_GROUP_PEOPLE),
    Action.EDIT_LOGFRAME: Rule(frozenset({Role.CONVENER})),
    Action.VIEW_LEARNING_DASHBOARD: Rule(_ANY_PROGRAMME_ROLE, public_if_object_public=True),
    Action.EDIT_PRESENTATION: Rule(frozenset({Role.HOST})),
    Action.VIEW_PEER_REVIEWS: Rule(_GROUP_PEOPLE),
    # Asked about an event's teams: anyone taking part in the event or in one of its teams.
    Action.PEER_REVIEW: Rule(_ANY_PROGRAMME_ROLE),
    Action.GRANT_ROLES: Rule(),
    # Asked about a budget, or a BudgetOwner (a programme, an event, or neither: core costs).
    # Nobody else sees any figure of it, not even a total.
    Action.VIEW_BUDGET: Rule(frozenset({Role.CONVENER}), conditional_roles=frozenset({Role.HOST}),
                             condition=_hosts_learning_group),
    Action.EDIT_BUDGET: Rule(frozenset({Role.CONVENER}), conditional_roles=frozenset({Role.HOST}),
                             condition=_hosts_learning_group),
    Action.RECORD_FUNDING: Rule(frozenset({Role.CONVENER})),
    # Exchange rates, use-of-funds headings, reporting currencies, cost templates.
    Action.MANAGE_FINANCE: Rule(),
    Action.EXPORT_IATI: Rule(),
    # Conveners of the series (or of the edition's event) run the call and decide.
    Action.MANAGE_CONFERENCE: Rule(frozenset({Role.CONVENER})),
    Action.SUBMIT_CONTRIBUTION: Rule(anyone_signed_in=True),
    Action.VIEW_CONTRIBUTION: Rule(frozenset({Role.CONVENER}), allowed_if=_author_or_reviewer),
    Action.VIEW_CONTRIBUTION_AUTHORS: Rule(frozenset({Role.CONVENER}), allowed_if=_author_or_sighted_reviewer),
    Action.EDIT_CONTRIBUTION: Rule(allowed_if=_author),
    Action.REVIEW_CONTRIBUTION: Rule(allowed_if=_assigned_reviewer),
    Action.VIEW_REVIEWS: Rule(frozenset({Role.CONVENER}), allowed_if=_assigned_reviewer),
    Action.DECLARE_CONFLICT: Rule(allowed_if=_assigned),
    Action.DECIDE_CONTRIBUTION: Rule(frozenset({Role.CONVENER})),
}


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_secretariat(user) -> bool:
    return _signed_in(user) and any(g.role == Role.SECRETARIAT for g in user.role_grants)


def can(user, action: Action, obj=None) -> bool:
    """Whether ``user`` may take ``action`` on ``obj`` (None for site-wide actions)."""
    rule = RULES[Action(action)]
    if rule.public_if_object_public and obj is not None and obj.is_public:
        return True
    if not _signed_in(user):
        return False
    if is_secretariat(user):
        return True
    if rule.anyone_signed_in:
        return True
    if obj is None:
        return False
    if rule.allowed_if is not None and rule.allowed_if(user, obj):
        return True
    if rule.owner_allowed and getattr(obj, "owner_id", None) == user.id:
        return True
    scopes = obj.permission_scopes
    held = {g.role for g in user.role_grants if g.scope in scopes}
    if held & rule.roles:
        return True
    return bool(held & rule.conditional_roles) and rule.condition is not None and rule.condition(user, obj)


def scopes_where(user, action: Action) -> set[tuple[ScopeKind, int]]:
    """The scopes in which ``user`` holds a role that allows ``action``; for list queries."""
    if not _signed_in(user):
        return set()
    rule = RULES[Action(action)]
    roles = rule.roles | rule.conditional_roles
    return {g.scope for g in user.role_grants if g.role in roles}


def authorize(action: Action, obj=None) -> None:
    """For views: go on if the current user may, else 403 (or the login page if signed out)."""
    if can(current_user, action, obj):
        return
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    abort(403)
