from enum import IntEnum, StrEnum


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    BEING_SCOPED = "being_scoped"
    SELECTED = "selected"
    DECLINED = "declined"
    PARKED = "parked"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


# Selected is final: the issue has become (or is becoming) an initiative.
PROPOSAL_TRANSITIONS: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    ProposalStatus.PROPOSED: frozenset({ProposalStatus.BEING_SCOPED, ProposalStatus.SELECTED,
                                        ProposalStatus.DECLINED, ProposalStatus.PARKED}),
    ProposalStatus.BEING_SCOPED: frozenset({ProposalStatus.PROPOSED, ProposalStatus.SELECTED,
                                            ProposalStatus.DECLINED, ProposalStatus.PARKED}),
    ProposalStatus.PARKED: frozenset({ProposalStatus.PROPOSED, ProposalStatus.BEING_SCOPED,
                                      ProposalStatus.DECLINED}),
    ProposalStatus.DECLINED: frozenset({ProposalStatus.PARKED, ProposalStatus.PROPOSED}),
    ProposalStatus.SELECTED: frozenset(),
}

OPEN_STATUSES = frozenset({ProposalStatus.PROPOSED, ProposalStatus.BEING_SCOPED})


class Criterion(IntEnum):
    """The steering committee's six criteria for taking up an issue (TFD)."""

    SIGNIFICANCE = 1
    POTENTIAL = 2
    COMPARATIVE_ADVANTAGE = 3
    LOCAL_INTEREST = 4
    REACH = 5
    SUPPORT = 6

    @property
    def label(self) -> str:
        return CRITERION_TEXT[self][0]

    @property
    def description(self) -> str:
        return CRITERION_TEXT[self][1]


CRITERION_TEXT = {
    Criterion.SIGNIFICANCE: ("Significance", "Significance and priority for the programme's purpose, mission and goal."),
    Criterion.POTENTIAL: ("Potential", "The dialogue's potential: information base, stakeholders' willingness to engage, access to effective analysis, clear possibilities of impact and change."),
    Criterion.COMPARATIVE_ADVANTAGE: ("Comparative advantage", "Comparative advantage on the issue and in the possible locations."),
    Criterion.LOCAL_INTEREST: ("Local interest", "Interest from local partners and from country offices of committee members' organisations."),
    Criterion.REACH: ("Reach", "Partners' ability to reach and engage key stakeholders (government, NGOs, indigenous peoples, private sector)."),
    Criterion.SUPPORT: ("Support", "Availability of financial and logistical support."),
}


class Region(StrEnum):
    AFRICA = "africa"
    LATIN_AMERICA = "latin_america"
    ASIA_PACIFIC = "asia_pacific"
    EUROPE_CENTRAL_ASIA = "europe_central_asia"
    MIDDLE_EAST = "middle_east"
    GLOBAL = "global"

    @property
    def label(self) -> str:
        return {
            "africa": "Africa", "latin_america": "Latin America and the Caribbean",
            "asia_pacific": "Asia Pacific", "europe_central_asia": "Europe and Central Asia",
            "middle_east": "Middle East", "global": "Global",
        }[self.value]
