from enum import StrEnum


class OutcomeKind(StrEnum):
    """What a dialogue produced, in the order proceedings print it."""

    SUMMARY = "summary"
    CONSENSUS = "consensus"
    DISAGREEMENT = "disagreement"
    RECOMMENDATION = "recommendation"
    ACTION_STEP = "action_step"

    @property
    def label(self) -> str:
        return {
            "summary": "Co-chairs' summary",
            "consensus": "Points of consensus",
            "disagreement": "Points of disagreement",
            "recommendation": "Recommendations",
            "action_step": "Agreed action steps",
        }[self.value]
