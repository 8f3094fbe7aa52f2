"""The budget area's fixed vocabularies: line categories, entry kinds, sources of funds, cost bases."""
from enum import StrEnum


class LineCategory(StrEnum):
    """What a budget line pays for (the default list, fitting the seeds' dialogues and conferences)."""

    SPONSORED_PARTICIPANTS = "sponsored_participants"
    VENUE_CATERING = "venue_catering"
    INTERPRETATION = "interpretation"
    FACILITATION = "facilitation"
    FIELD_VISIT = "field_visit"
    RESEARCH = "research"
    PUBLICATIONS = "publications"
    STAFF = "staff"
    COMMUNICATIONS = "communications"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    LineCategory.SPONSORED_PARTICIPANTS: "Sponsored participants' travel, accommodation and per diem",
    LineCategory.VENUE_CATERING: "Venue and catering",
    LineCategory.INTERPRETATION: "Interpretation and translation",
    LineCategory.FACILITATION: "Facilitation",
    LineCategory.FIELD_VISIT: "Field visit logistics",
    LineCategory.RESEARCH: "Background papers and research",
    LineCategory.PUBLICATIONS: "Publications and proceedings",
    LineCategory.STAFF: "Staff and secretariat",
    LineCategory.COMMUNICATIONS: "Communications",
    LineCategory.OTHER: "Other",
}


class EntryKind(StrEnum):
    """A dated movement on a line: money promised, or money gone (paid to a partner or spent)."""

    COMMITMENT = "commitment"
    # Money handed to a partner who spends it (e.g. a learning group's host organisation).
    DISBURSEMENT = "disbursement"
    EXPENDITURE = "expenditure"

    @property
    def label(self) -> str:
        return {"commitment": "Commitment", "disbursement": "Disbursement", "expenditure": "Expenditure"}[self.value]

    @property
    def is_actual(self) -> bool:
        return self != EntryKind.COMMITMENT


class SourceKind(StrEnum):
    GRANT = "grant"
    SPONSORSHIP = "sponsorship"
    IN_KIND = "in_kind"

    @property
    def label(self) -> str:
        return {"grant": "Direct funding", "sponsorship": "Sponsorship", "in_kind": "In kind"}[self.value]


class SourceStatus(StrEnum):
    PLEDGED = "pledged"
    CONFIRMED = "confirmed"
    RECEIVED = "received"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Which status a source of funds may move to from each. Corrections go back one step;
# a withdrawn pledge may be renewed.
SOURCE_TRANSITIONS: dict[SourceStatus, frozenset[SourceStatus]] = {
    SourceStatus.PLEDGED: frozenset({SourceStatus.CONFIRMED, SourceStatus.RECEIVED, SourceStatus.WITHDRAWN}),
    SourceStatus.CONFIRMED: frozenset({SourceStatus.PLEDGED, SourceStatus.RECEIVED, SourceStatus.WITHDRAWN}),
    SourceStatus.RECEIVED: frozenset({SourceStatus.CONFIRMED}),
    SourceStatus.WITHDRAWN: frozenset({SourceStatus.PLEDGED}),
}

# Money that can be counted on: what funds the budget.
FUNDED = frozenset({SourceStatus.CONFIRMED, SourceStatus.RECEIVED})


class CostBasis(StrEnum):
    """How a cost template line scales with the event."""

    PER_PARTICIPANT = "per_participant"
    PER_SPONSORED_PARTICIPANT = "per_sponsored_participant"
    PER_DAY = "per_day"
    FIXED = "fixed"

    @property
    def label(self) -> str:
        return {
            "per_participant": "Per participant",
            "per_sponsored_participant": "Per sponsored participant",
            "per_day": "Per day",
            "fixed": "Fixed",
        }[self.value]
