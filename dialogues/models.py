"""Every table of the application, in one visible list.

The factory imports this module so that SQLAlchemy (and Alembic's autogenerate) know every
model before the first query; a new area adds its models here, and nowhere registers a
table by importing a module for its side effect.
"""
from dialogues.accounts.models import Organisation, RoleGrant, User
from dialogues.agenda.models import AgendaItem, AgendaItemPerson, CalendarFeed
from dialogues.budgets.models import (
    Budget, BudgetEntry, BudgetHeading, BudgetLine, CostTemplate, CostTemplateLine, ExchangeRate, FundingSource,
    PlanRevision, ProgrammeFinance, SourceStatusChange,
)
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.events.models import Event
from dialogues.files.models import StoredFile
from dialogues.initiatives.models import Initiative, InitiativeMember
from dialogues.mail.models import MailMessage
from dialogues.outcomes.models import Outcome
from dialogues.preparation.models import BackgroundPaper, PreparationTask
from dialogues.programmes.models import Programme
from dialogues.proposals.models import CriterionWeight, IssueProposal, ProposalDecision, ProposalScore
from dialogues.registration.models import Registration, SponsorshipRequest
from dialogues.settings.models import SiteSetting

__all__ = [
    "AgendaItem", "AgendaItemPerson", "BackgroundPaper", "Budget", "BudgetEntry", "BudgetHeading", "BudgetLine",
    "CostTemplate", "CostTemplateLine", "ExchangeRate", "FundingSource", "PlanRevision", "ProgrammeFinance",
    "SourceStatusChange", "CalendarFeed", "Commitment", "CommitmentUpdate",
    "CriterionWeight", "Event", "Initiative", "InitiativeMember", "IssueProposal", "MailMessage", "Organisation",
    "Outcome", "PreparationTask", "Programme", "ProposalDecision", "ProposalScore", "Registration", "RoleGrant",
    "SiteSetting", "SponsorshipRequest", "StoredFile", "User",
]
