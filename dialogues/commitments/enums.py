from enum import StrEnum


class ActionKind(StrEnum):
    POLICY = "policy"
    PRACTICE = "practice"
    RESEARCH = "research"
    COMMUNICATION = "communication"
    PARTNERSHIP = "partnership"
    FUNDING = "funding"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "policy": "Policy", "practice": "Practice on the ground", "research": "Research",
            "communication": "Communication and outreach", "partnership": "Partnership",
            "funding": "Funding", "other": "Other",
        }[self.value]


class Level(StrEnum):
    LOCAL = "local"
    NATIONAL = "national"
    REGIONAL = "regional"
    INTERNATIONAL = "international"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class CommitmentVisibility(StrEnum):
    CONVENERS = "conveners"
    PUBLIC = "public"

    @property
    def label(self) -> str:
        return {"conveners": "Conveners only", "public": "Public"}[self.value]


class ReviewStatus(StrEnum):
    """Where a commitment is in the conveners' SMART review before it can go public."""

    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    ACCEPTED = "accepted"

    @property
    def label(self) -> str:
        return {"submitted": "Awaiting review", "changes_requested": "Changes requested",
                "accepted": "Accepted"}[self.value]


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
    REVISED = "revised"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


SHARES_DONE = (0, 25, 50, 75, 100)
