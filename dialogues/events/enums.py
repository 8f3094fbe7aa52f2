from enum import StrEnum


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
    EventKind.FIELD_DIALOGUE: "Field dialogue",
    EventKind.NON_FIELD_DIALOGUE: "Non-field dialogue",
    EventKind.TECHNICAL_WORKSHOP: "Technical workshop",
    EventKind.LEARNING_GROUP_MEETING: "Learning group meeting",
    EventKind.INTERNATIONAL_LEARNING_EVENT: "International learning event",
    EventKind.CONFERENCE: "Conference",
    EventKind.OTHER: "Other",
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
            "planned": "Planned",
            "open": "Open for registration",
            "closed": "Registration closed",
            "held": "Held",
            "cancelled": "Cancelled",
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
        return self.value.capitalize()
