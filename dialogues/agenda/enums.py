from enum import StrEnum

from flask_babel import lazy_gettext as _l


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
        return {
            "plenary": _l("Plenary"),
            "breakout": _l("Breakout"),
            "field_visit": _l("Field visit"),
            "travel": _l("Travel"),
            "break": _l("Break"),
            "meal": _l("Meal"),
            "reception": _l("Reception"),
            "other": _l("Other"),
        }[self.value]


class ItemRole(StrEnum):
    SPEAKER = "speaker"
    FACILITATOR = "facilitator"

    @property
    def label(self) -> str:
        return {"speaker": _l("Speaker"), "facilitator": _l("Facilitator")}[self.value]
