from enum import StrEnum

from flask_babel import lazy_gettext as _l


class ProgrammeKind(StrEnum):
    """The containers that events belong to."""

    # The standing series with its steering committee, which selects issues; each
    # selected issue becomes a dialogue initiative.
    DIALOGUE_SERIES = "dialogue_series"
    DIALOGUE_INITIATIVE = "dialogue_initiative"
    # The programme the country learning groups belong to: its logframe, its international learning events.
    LEARNING_PROGRAMME = "learning_programme"
    LEARNING_GROUP = "learning_group"
    CONFERENCE_SERIES = "conference_series"

    @property
    def label(self) -> str:
        return {
            "dialogue_series": _l("Dialogue series"),
            "dialogue_initiative": _l("Dialogue initiative"),
            "learning_programme": _l("Learning-group programme"),
            "learning_group": _l("Learning group"),
            "conference_series": _l("Conference series"),
        }[self.value]

    @property
    def plural_label(self) -> str:
        """The kind's name for a list of several ("Conference series", not "Conference seriess")."""
        return {
            "dialogue_series": _l("Dialogue series"),
            "dialogue_initiative": _l("Dialogue initiatives"),
            "learning_programme": _l("Learning-group programmes"),
            "learning_group": _l("Learning groups"),
            "conference_series": _l("Conference series"),
        }[self.value]
