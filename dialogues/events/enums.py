from enum import StrEnum

from flask_babel import lazy_gettext as _l


class EventKind(StrEnum):
    FIELD_DIALOGUE = "field_dialogue"
    NON_FIELD_DIALOGUE = "non_field_dialogue"
    TECHNICAL_WORKSHOP = "technical_workshop"
    LEARNING_GROUP_MEETING = "learning_group_meeting"
    INTERNATIONAL_LEARNING_EVENT = "international_learning_event"
    CONFERENCE = "conference"
    OTHER = "other"

    @property
    def label(self) -> str:
        return EVENT_KIND_LABELS[self]


EVENT_KIND_LABELS = {
    EventKind.FIELD_DIALOGUE: _l("Field dialogue"),
    EventKind.NON_FIELD_DIALOGUE: _l("Non-field dialogue"),
    EventKind.TECHNICAL_WORKSHOP: _l("Technical workshop"),
    EventKind.LEARNING_GROUP_MEETING: _l("Learning group meeting"),
    EventKind.INTERNATIONAL_LEARNING_EVENT: _l("International learning event"),
    EventKind.CONFERENCE: _l("Conference"),
    EventKind.OTHER: _l("Other"),
}


class EventStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"
    HELD = "held"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            "planned": _l("Planned"),
            "open": _l("Open for registration"),
            "closed": _l("Registration closed"),
            "held": _l("Held"),
            "cancelled": _l("Cancelled"),
        }[self.value]


# Which status an event may move to from each status. "Held" is final except for
# correcting a mistake back to "closed"; a cancelled event may be planned again.
STATUS_TRANSITIONS: dict[EventStatus, frozenset[EventStatus]] = {
    EventStatus.PLANNED: frozenset({EventStatus.OPEN, EventStatus.CLOSED, EventStatus.CANCELLED}),
    EventStatus.OPEN: frozenset({EventStatus.PLANNED, EventStatus.CLOSED, EventStatus.CANCELLED}),
    EventStatus.CLOSED: frozenset({EventStatus.OPEN, EventStatus.HELD, EventStatus.CANCELLED}),
    EventStatus.HELD: frozenset({EventStatus.CLOSED}),
    EventStatus.CANCELLED: frozenset({EventStatus.PLANNED}),
}


class DialogueScope(StrEnum):
    LOCAL = "local"
    REGIONAL = "regional"
    INTERNATIONAL = "international"

    @property
    def label(self) -> str:
        return {"local": _l("Local"), "regional": _l("Regional"), "international": _l("International")}[self.value]
