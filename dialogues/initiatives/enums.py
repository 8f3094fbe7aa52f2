from enum import StrEnum


class MemberKind(StrEnum):
    """How a person or organisation takes part in an initiative."""

    CO_CHAIR = "co_chair"
    ADVISORY_GROUP = "advisory_group"
    PARTNER = "partner"
    DONOR = "donor"
    LOCAL_HOST = "local_host"

    @property
    def label(self) -> str:
        return {
            "co_chair": "Co-chairs",
            "advisory_group": "Initiative Advisory Group",
            "partner": "Partners",
            "donor": "Donors",
            "local_host": "Local host organisations",
        }[self.value]

    @property
    def is_person(self) -> bool:
        return self in (MemberKind.CO_CHAIR, MemberKind.ADVISORY_GROUP)
