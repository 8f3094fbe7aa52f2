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
from dialogues.conferences.models import (
    Call, Contribution, ContributionAuthor, ContributionDecision, DeclaredConflict, Edition, ReviewAssignment,
    ReviewCriterion, Reviewer, ReviewScore, Sponsor, Track,
)
from dialogues.events.models import Event
from dialogues.files.models import StoredFile
from dialogues.initiatives.models import Initiative, InitiativeMember
from dialogues.languages.models import ContentTranslation
from dialogues.learning_groups.models import (
    GroupMember, Indicator, IndicatorTarget, LearningGroup, LearningProgramme, Output, OutputAdoption, WorkPlan,
    ActivityBudgetLine, ActivityProgress, IndicatorValue, PeerReview, PlanActivity, ProgressReport, ReviewDecision, TeamPresentation,
)
from dialogues.mail.models import MailMessage
from dialogues.outcomes.models import Outcome
from dialogues.preparation.models import BackgroundPaper, PreparationTask
from dialogues.programmes.models import Programme
from dialogues.proposals.models import CriterionWeight, IssueProposal, ProposalDecision, ProposalScore
from dialogues.registration.models import Registration, RegistrationStatusChange, SponsorshipRequest
from dialogues.settings.models import SiteSetting

__all__ = [
    "ActivityBudgetLine", "ActivityProgress", "AgendaItem", "AgendaItemPerson", "BackgroundPaper", "Budget",
    "BudgetEntry", "BudgetHeading", "BudgetLine", "CalendarFeed", "Call", "Commitment", "CommitmentUpdate",
    "ContentTranslation", "Contribution", "ContributionAuthor", "ContributionDecision", "CostTemplate",
    "CostTemplateLine",
    "CriterionWeight", "DeclaredConflict", "Edition", "Event", "ExchangeRate", "FundingSource", "GroupMember",
    "Indicator", "IndicatorTarget", "IndicatorValue", "Initiative", "InitiativeMember", "IssueProposal",
    "LearningGroup", "LearningProgramme", "MailMessage", "Organisation", "Outcome", "Output",
    "OutputAdoption", "PeerReview", "PlanActivity", "PlanRevision", "PreparationTask", "Programme",
    "ProgrammeFinance", "ProgressReport", "ProposalDecision", "ProposalScore", "Registration",
    "RegistrationStatusChange", "ReviewAssignment", "ReviewCriterion", "ReviewDecision", "ReviewScore",
    "Reviewer", "RoleGrant", "SiteSetting", "SourceStatusChange", "Sponsor", "SponsorshipRequest",
    "StoredFile", "TeamPresentation", "Track", "User", "WorkPlan",
]
