"""Learning groups: membership states, activity kinds, indicator units, and the review of plans and reports."""
from decimal import Decimal
from enum import StrEnum


class MembershipStatus(StrEnum):
    REQUESTED = "requested"
    ACTIVE = "active"
    DECLINED = "declined"
    LEFT = "left"

    @property
    def label(self) -> str:
        return {"requested": "Asked to join", "active": "Member", "declined": "Not accepted",
                "left": "Left"}[self.value]


# A person has at most one open membership (asked or active) in a group at a time; the
# closed ones are the group's history.
OPEN_MEMBERSHIP = frozenset({MembershipStatus.REQUESTED, MembershipStatus.ACTIVE})


class ActivityKind(StrEnum):
    RESEARCH = "research"
    GUIDANCE_AND_TOOLS = "guidance_and_tools"
    ENGAGING_DECISION_MAKERS = "engaging_decision_makers"
    TRAINING = "training"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"research": "Research", "guidance_and_tools": "Guidance and tools",
                "engaging_decision_makers": "Engaging decision makers", "training": "Training",
                "other": "Other"}[self.value]


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    UNDER_WAY = "under_way"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class IndicatorUnit(StrEnum):
    """What an indicator counts; the unit decides which values make sense and how they add up."""

    NUMBER = "number"
    PEOPLE = "people"
    PERCENTAGE = "percentage"

    @property
    def label(self) -> str:
        return {"number": "Number", "people": "People", "percentage": "Percentage (%)"}[self.value]

    @property
    def is_average(self) -> bool:
        # Shares from several countries cannot be added: the programme shows their mean.
        return self == IndicatorUnit.PERCENTAGE

    def check(self, value: Decimal) -> str | None:
        """Why ``value`` is not a value of this unit, or None when it is."""
        if value < 0:
            return "A value cannot be negative."
        if self == IndicatorUnit.PERCENTAGE:
            return None if value <= 100 else "A percentage lies between 0 and 100."
        if value != value.to_integral_value():
            return f"This indicator counts {self.label.lower()}: give a whole number."
        return None


class ReviewStatus(StrEnum):
    """Where a work plan or a progress report stands in its review."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    # An approved plan replaced by the approval of its next revision.
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return {"draft": "Draft", "submitted": "Submitted", "returned": "Returned for changes",
                "approved": "Approved", "superseded": "Superseded by a later revision"}[self.value]

    @property
    def verb(self) -> str:
        """The decision form's wording for moving to this status."""
        return {"submitted": "Submit for approval", "returned": "Return with a comment",
                "approved": "Approve"}.get(self.value, self.label)


# Who may move a plan or report, from where to where. Submitting is the host's; approving
# and returning the reviewers'. Superseded is set only when a later revision is approved.
REVIEW_TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    ReviewStatus.DRAFT: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.RETURNED: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.SUBMITTED: frozenset({ReviewStatus.APPROVED, ReviewStatus.RETURNED}),
    ReviewStatus.APPROVED: frozenset(),
    ReviewStatus.SUPERSEDED: frozenset(),
}
EDITABLE = frozenset({ReviewStatus.DRAFT, ReviewStatus.RETURNED})
REVIEWER_MOVES = frozenset({ReviewStatus.APPROVED, ReviewStatus.RETURNED})
# A comment is required when sending back, so the host knows what to change.
NEEDS_REASON = frozenset({ReviewStatus.RETURNED})
