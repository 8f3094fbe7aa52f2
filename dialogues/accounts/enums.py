"""Who people are: stakeholder groups, organisation kinds, gender."""
from enum import StrEnum
from flask_babel import lazy_gettext as _l


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
    StakeholderGroup.GOVERNMENT: _l("Government (national, subnational, local)"),
    StakeholderGroup.ASM: _l("Artisanal and small-scale miners and their associations"),
    StakeholderGroup.INDUSTRY: _l("Large-scale mining companies"),
    StakeholderGroup.CIVIL_SOCIETY: _l("Civil society / NGOs"),
    StakeholderGroup.DONOR: _l("Donors and development partners"),
    StakeholderGroup.RESEARCH: _l("Researchers"),
    StakeholderGroup.TRADER: _l("Traders and downstream companies"),
    StakeholderGroup.INDIGENOUS_PEOPLES: _l("Indigenous peoples"),
    StakeholderGroup.LOCAL_COMMUNITY: _l("Local communities"),
    StakeholderGroup.OTHER: _l("Other"),
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
    OrganisationKind.GOVERNMENT: _l("Government"),
    OrganisationKind.ASM_ASSOCIATION: _l("ASM association or cooperative"),
    OrganisationKind.MINING_COMPANY: _l("Mining company"),
    OrganisationKind.CIVIL_SOCIETY: _l("Civil society / NGO"),
    OrganisationKind.DONOR: _l("Donor or development partner"),
    OrganisationKind.RESEARCH: _l("Research"),
    OrganisationKind.TRADER: _l("Trader or downstream company"),
    OrganisationKind.OTHER: _l("Other"),
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
    Gender.WOMAN: _l("Woman"),
    Gender.MAN: _l("Man"),
    Gender.SELF_DESCRIBED: _l("I describe myself as…"),
    Gender.PREFER_NOT_TO_SAY: _l("Prefer not to say"),
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
