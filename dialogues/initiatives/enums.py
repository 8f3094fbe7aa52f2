from enum import StrEnum
from flask_babel import lazy_gettext as _l


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
            "co_chair": _l("Co-chairs"),
            "advisory_group": _l("Initiative Advisory Group"),
            "partner": _l("Partners"),
            "donor": _l("Donors"),
            "local_host": _l("Local host organisations"),
        }[self.value]

    @property
    def is_person(self) -> bool:
        return self in (MemberKind.CO_CHAIR, MemberKind.ADVISORY_GROUP)
