"""Enumerations used by more than one domain area."""
from enum import StrEnum


class Visibility(StrEnum):
    PUBLIC = "public"
    PARTICIPANTS = "participants"

    @property
    def label(self) -> str:
        return {"public": "Public", "participants": "Participants only"}[self.value]
