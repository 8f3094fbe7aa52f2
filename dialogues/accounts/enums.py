"""Who people are: stakeholder groups, organisation kinds, gender."""
from enum import StrEnum


class StakeholderGroup(StrEnum):
    GOVERNMENT = "government"
    ASM = "asm"
    INDUSTRY = "industry"
    CIVIL_SOCIETY = "civil_society"
    DONOR = "donor"
    RESEARCH = "research"
    TRADER = "trader"
    INDIGENOUS_PEOPLES = "indigenous_peoples"
    LOCAL_COMMUNITY = "local_community"
    OTHER = "other"

    @property
    def label(self) -> str:
        return STAKEHOLDER_GROUP_LABELS[self]


STAKEHOLDER_GROUP_LABELS = {
    StakeholderGroup.GOVERNMENT: "Government (national, subnational, local)",
    StakeholderGroup.ASM: "Artisanal and small-scale miners and their associations",
    StakeholderGroup.INDUSTRY: "Large-scale mining companies",
    StakeholderGroup.CIVIL_SOCIETY: "Civil society / NGOs",
    StakeholderGroup.DONOR: "Donors and development partners",
    StakeholderGroup.RESEARCH: "Researchers",
    StakeholderGroup.TRADER: "Traders and downstream companies",
    StakeholderGroup.INDIGENOUS_PEOPLES: "Indigenous peoples",
    StakeholderGroup.LOCAL_COMMUNITY: "Local communities",
    StakeholderGroup.OTHER: "Other",
}


class OrganisationKind(StrEnum):
    GOVERNMENT = "government"
    ASM_ASSOCIATION = "asm_association"
    MINING_COMPANY = "mining_company"
    CIVIL_SOCIETY = "civil_society"
    DONOR = "donor"
    RESEARCH = "research"
    TRADER = "trader"
    OTHER = "other"

    @property
    def label(self) -> str:
        return ORGANISATION_KIND_LABELS[self]


ORGANISATION_KIND_LABELS = {
    OrganisationKind.GOVERNMENT: "Government",
    OrganisationKind.ASM_ASSOCIATION: "ASM association or cooperative",
    OrganisationKind.MINING_COMPANY: "Mining company",
    OrganisationKind.CIVIL_SOCIETY: "Civil society / NGO",
    OrganisationKind.DONOR: "Donor or development partner",
    OrganisationKind.RESEARCH: "Research",
    OrganisationKind.TRADER: "Trader or downstream company",
    OrganisationKind.OTHER: "Other",
}


class Gender(StrEnum):
    WOMAN = "woman"
    MAN = "man"
    SELF_DESCRIBED = "self_described"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"

    @property
    def label(self) -> str:
        return GENDER_LABELS[self]


GENDER_LABELS = {
    Gender.WOMAN: "Woman",
    Gender.MAN: "Man",
    Gender.SELF_DESCRIBED: "I describe myself as…",
    Gender.PREFER_NOT_TO_SAY: "Prefer not to say",
}


# The kind of organisation a person's stakeholder group suggests, for organisations made on the fly.
ORGANISATION_KIND_FOR_GROUP = {
    StakeholderGroup.GOVERNMENT: OrganisationKind.GOVERNMENT,
    StakeholderGroup.ASM: OrganisationKind.ASM_ASSOCIATION,
    StakeholderGroup.INDUSTRY: OrganisationKind.MINING_COMPANY,
    StakeholderGroup.CIVIL_SOCIETY: OrganisationKind.CIVIL_SOCIETY,
    StakeholderGroup.DONOR: OrganisationKind.DONOR,
    StakeholderGroup.RESEARCH: OrganisationKind.RESEARCH,
    StakeholderGroup.TRADER: OrganisationKind.TRADER,
}
