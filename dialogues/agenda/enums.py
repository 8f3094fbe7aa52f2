from enum import StrEnum


class ItemKind(StrEnum):
    PLENARY = "plenary"
    BREAKOUT = "breakout"
    FIELD_VISIT = "field_visit"
    TRAVEL = "travel"
    BREAK = "break"
    MEAL = "meal"
    RECEPTION = "reception"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class ItemRole(StrEnum):
    SPEAKER = "speaker"
    FACILITATOR = "facilitator"

    @property
    def label(self) -> str:
        return self.value.capitalize()
