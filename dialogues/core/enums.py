"""Enumerations used by more than one domain area."""
from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Visibility(StrEnum):
    PUBLIC = "public"
    PARTICIPANTS = "participants"

    @property
    def label(self) -> str:
        return {"public": _l("Public"), "participants": _l("Participants only")}[self.value]
