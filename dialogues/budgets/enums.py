"""The budget area's fixed vocabularies: line categories, entry kinds, sources of funds, cost bases."""
from enum import StrEnum

from flask_babel import lazy_gettext as _l


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
    LineCategory.SPONSORED_PARTICIPANTS: _l("Sponsored participants' travel, accommodation and per diem"),
    LineCategory.VENUE_CATERING: _l("Venue and catering"),
    LineCategory.INTERPRETATION: _l("Interpretation and translation"),
    LineCategory.FACILITATION: _l("Facilitation"),
    LineCategory.FIELD_VISIT: _l("Field visit logistics"),
    LineCategory.RESEARCH: _l("Background papers and research"),
    LineCategory.PUBLICATIONS: _l("Publications and proceedings"),
    LineCategory.STAFF: _l("Staff and secretariat"),
    LineCategory.COMMUNICATIONS: _l("Communications"),
    LineCategory.OTHER: _l("Other"),
}


class EntryKind(StrEnum):
    """A dated movement on a line: money promised, or money gone (paid to a partner or spent)."""

    COMMITMENT = "commitment"
    # Money handed to a partner who spends it (e.g. a learning group's host organisation).
    DISBURSEMENT = "disbursement"
    EXPENDITURE = "expenditure"

    @property
    def label(self) -> str:
        return {"commitment": _l("Commitment"), "disbursement": _l("Disbursement"),
                "expenditure": _l("Expenditure")}[self.value]

    @property
    def is_actual(self) -> bool:
        return self != EntryKind.COMMITMENT


class SourceKind(StrEnum):
    GRANT = "grant"
    SPONSORSHIP = "sponsorship"
    IN_KIND = "in_kind"

    @property
    def label(self) -> str:
        return {"grant": _l("Direct funding"), "sponsorship": _l("Sponsorship"), "in_kind": _l("In kind")}[self.value]


class SourceStatus(StrEnum):
    PLEDGED = "pledged"
    CONFIRMED = "confirmed"
    RECEIVED = "received"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {"pledged": _l("Pledged"), "confirmed": _l("Confirmed"), "received": _l("Received"),
                "withdrawn": _l("Withdrawn")}[self.value]


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
            "per_participant": _l("Per participant"),
            "per_sponsored_participant": _l("Per sponsored participant"),
            "per_day": _l("Per day"),
            "fixed": _l("Fixed"),
        }[self.value]
