"""The words of a conference's cycle: contribution types and statuses, sponsor levels, conflicts."""
from enum import StrEnum

from flask_babel import gettext as _, lazy_gettext as _l


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
    ContributionType.TALK: _l("Talk"),
    ContributionType.PANEL: _l("Panel"),
    ContributionType.POSTER: _l("Poster"),
    ContributionType.FIELD_VISIT: _l("Field-visit proposal"),
    ContributionType.COUNTRY_CASE_STUDY: _l("Country case study"),
}


class ContributionStatus(StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"submitted": _("Submitted"), "withdrawn": _("Withdrawn"), "accepted": _("Accepted"),
                "rejected": _("Rejected"), "prospect": _("Prospect"), "confirmed": _("Confirmed"),
                "declined": _("Declined")}[self.value]


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
        return {"accept": _("Accept"), "accept_as_other_type": _("Accept as another type"),
                "reject": _("Reject")}[self.value]


class SponsorLevel(StrEnum):
    PRINCIPAL = "principal"
    MAJOR = "major"
    SUPPORTING = "supporting"
    IN_KIND = "in_kind"

    @property
    def label(self) -> str:
        return {"principal": _("Principal sponsor"), "major": _("Major sponsor"), "supporting": _("Supporting sponsor"),
                "in_kind": _("In-kind sponsor")}[self.value]


class SponsorStatus(StrEnum):
    PROSPECT = "prospect"
    CONFIRMED = "confirmed"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return {"submitted": _("Submitted"), "withdrawn": _("Withdrawn"), "accepted": _("Accepted"),
                "rejected": _("Rejected"), "prospect": _("Prospect"), "confirmed": _("Confirmed"),
                "declined": _("Declined")}[self.value]


class SponsorDisplay(StrEnum):
    """How a sponsor chose to appear on the edition's page."""

    NAME_AND_AMOUNT = "name_and_amount"
    NAME = "name"
    ANONYMOUS = "anonymous"

    @property
    def label(self) -> str:
        return {"name_and_amount": _("Name, level and amount"), "name": _("Name and level only"),
                "anonymous": _("Not named (counted as an anonymous sponsor)")}[self.value]


class ConflictReason(StrEnum):
    OWN_CONTRIBUTION = "own_contribution"
    SAME_ORGANISATION = "same_organisation"
    CO_AUTHOR = "co_author"
    SAME_LEARNING_GROUP = "same_learning_group"
    DECLARED = "declared"

    @property
    def label(self) -> str:
        return {
            "own_contribution": _("an author of the contribution"),
            "same_organisation": _("same organisation as an author"),
            "co_author": _("has written with an author before"),
            "same_learning_group": _("in the same learning group as an author"),
            "declared": _("declared by the reviewer"),
        }[self.value]
