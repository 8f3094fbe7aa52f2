"""What a new event of each kind starts with: TFD's typical size, length and cost."""
from dataclasses import dataclass
from decimal import Decimal

from dialogues.events.enums import DialogueScope, EventKind


@dataclass(frozen=True)
class KindDefaults:
    days: int
    capacity: int
    sponsored_places: int
    indicative_budget: Decimal
    budget_currency: str = "GBP"
    field_days: int | None = None
    meeting_days: int | None = None
    scope: DialogueScope | None = DialogueScope.LOCAL


# From The Forests Dialogue's figures (shared/DOMAIN.md, "Dialogue types").
KIND_DEFAULTS: dict[EventKind, KindDefaults] = {
    EventKind.FIELD_DIALOGUE: KindDefaults(
        days=4, field_days=2, meeting_days=2, capacity=50, sponsored_places=35,
        indicative_budget=Decimal("100000.00"),
    ),
    EventKind.NON_FIELD_DIALOGUE: KindDefaults(
        days=2, meeting_days=2, capacity=40, sponsored_places=35, indicative_budget=Decimal("70000.00"),
    ),
    EventKind.TECHNICAL_WORKSHOP: KindDefaults(
        days=2, meeting_days=2, capacity=10, sponsored_places=6, indicative_budget=Decimal("30000.00"),
    ),
}

DIALOGUE_KINDS = tuple(KIND_DEFAULTS)


def defaults_for(kind: EventKind) -> KindDefaults | None:
    return KIND_DEFAULTS.get(EventKind(kind))
