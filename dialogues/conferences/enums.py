"""The words of a conference's cycle: contribution types and statuses, sponsor levels, conflicts."""
from enum import StrEnum


class ContributionType(StrEnum):
    TALK = "talk"
    PANEL = "panel"
    POSTER = "poster"
    FIELD_VISIT = "field_visit"
    COUNTRY_CASE_STUDY = "country_case_study"

    @property
    def label(self) -> str:
        return CONTRIBUTION_TYPE_LABELS[self]


CONTRIBUTION_TYPE_LABELS = {
    ContributionType.TALK: "Talk",
    ContributionType.PANEL: "Panel",
    ContributionType.POSTER: "Poster",
    ContributionType.FIELD_VISIT: "Field-visit proposal",
    ContributionType.COUNTRY_CASE_STUDY: "Country case study",
}


class ContributionStatus(StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# The convener may correct a decision (accepted <-> rejected, or back to submitted);
# a withdrawn contribution is the author's final word.
CONTRIBUTION_TRANSITIONS: dict[ContributionStatus, frozenset[ContributionStatus]] = {
    ContributionStatus.SUBMITTED: frozenset({ContributionStatus.WITHDRAWN, ContributionStatus.ACCEPTED,
                                             ContributionStatus.REJECTED}),
    ContributionStatus.ACCEPTED: frozenset({ContributionStatus.REJECTED, ContributionStatus.SUBMITTED,
                                            ContributionStatus.WITHDRAWN}),
    ContributionStatus.REJECTED: frozenset({ContributionStatus.ACCEPTED, ContributionStatus.SUBMITTED}),
    ContributionStatus.WITHDRAWN: frozenset(),
}


class Decision(StrEnum):
    """What a convener decides on a contribution."""

    ACCEPT = "accept"
    ACCEPT_AS_OTHER_TYPE = "accept_as_other_type"
    REJECT = "reject"

    @property
    def label(self) -> str:
        return {"accept": "Accept", "accept_as_other_type": "Accept as another type",
                "reject": "Reject"}[self.value]


class SponsorLevel(StrEnum):
    PRINCIPAL = "principal"
    MAJOR = "major"
    SUPPORTING = "supporting"
    IN_KIND = "in_kind"

    @property
    def label(self) -> str:
        return {"principal": "Principal sponsor", "major": "Major sponsor", "supporting": "Supporting sponsor",
                "in_kind": "In-kind sponsor"}[self.value]


class SponsorStatus(StrEnum):
    PROSPECT = "prospect"
    CONFIRMED = "confirmed"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class SponsorDisplay(StrEnum):
    """How a sponsor chose to appear on the edition's page."""

    NAME_AND_AMOUNT = "name_and_amount"
    NAME = "name"
    ANONYMOUS = "anonymous"

    @property
    def label(self) -> str:
        return {"name_and_amount": "Name, level and amount", "name": "Name and level only",
                "anonymous": "Not named (counted as an anonymous sponsor)"}[self.value]


class ConflictReason(StrEnum):
    OWN_CONTRIBUTION = "own_contribution"
    SAME_ORGANISATION = "same_organisation"
    CO_AUTHOR = "co_author"
    SAME_LEARNING_GROUP = "same_learning_group"
    DECLARED = "declared"

    @property
    def label(self) -> str:
        return {
            "own_contribution": "an author of the contribution",
            "same_organisation": "same organisation as an author",
            "co_author": "has written with an author before",
            "same_learning_group": "in the same learning group as an author",
            "declared": "declared by the reviewer",
        }[self.value]
