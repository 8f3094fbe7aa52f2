from enum import StrEnum

from flask_babel import lazy_gettext as _l


class RegistrationMode(StrEnum):
    """How people get a place at an event."""

    OPEN = "open"              # self-registration, confirmed while places remain
    REVIEW = "review"          # self-registration as an application the conveners confirm
    INVITATION = "invitation"  # only invited people, through their personal link

    @property
    def label(self) -> str:
        return {
            "open": _l("Open: places are confirmed first come, first served"),
            "review": _l("By application: conveners confirm applications"),
            "invitation": _l("By invitation only"),
        }[self.value]


class RegistrationStatus(StrEnum):
    INVITED = "invited"
    APPLIED = "applied"
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    ATTENDED = "attended"

    @property
    def label(self) -> str:
        return {
            "invited": _l("Invited"),
            "applied": _l("Applied"),
            "confirmed": _l("Confirmed"),
            "waitlisted": _l("On the waiting list"),
            "declined": _l("Declined"),
            "cancelled": _l("Cancelled"),
            "attended": _l("Attended"),
        }[self.value]


# The moves a registration may make, and the only ones (Registration.move_to guards them).
# None stands for a registration not yet made: it starts invited, applied, confirmed or waitlisted.
# Someone who has left (declined, cancelled) may come back the same ways. A check-in can be undone.
REGISTRATION_MOVES: dict[RegistrationStatus | None, frozenset[RegistrationStatus]] = {
    None: frozenset({RegistrationStatus.INVITED, RegistrationStatus.APPLIED,
                     RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}),
    RegistrationStatus.INVITED: frozenset({RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
                                           RegistrationStatus.DECLINED}),
    RegistrationStatus.APPLIED: frozenset({RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
                                           RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED}),
    RegistrationStatus.WAITLISTED: frozenset({RegistrationStatus.CONFIRMED, RegistrationStatus.DECLINED,
                                              RegistrationStatus.CANCELLED}),
    RegistrationStatus.CONFIRMED: frozenset({RegistrationStatus.ATTENDED, RegistrationStatus.DECLINED,
                                             RegistrationStatus.CANCELLED}),
    RegistrationStatus.ATTENDED: frozenset({RegistrationStatus.CONFIRMED}),
    RegistrationStatus.DECLINED: frozenset({RegistrationStatus.INVITED, RegistrationStatus.APPLIED,
                                            RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}),
    RegistrationStatus.CANCELLED: frozenset({RegistrationStatus.INVITED, RegistrationStatus.APPLIED,
                                             RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED}),
}

# Statuses that hold a place at the event.
HOLDS_PLACE = frozenset({RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED})
# Statuses from which a person has left the event (and may register again).
GONE = frozenset({RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED})


class SponsorshipStatus(StrEnum):
    REQUESTED = "requested"
    AWARDED = "awarded"
    PARTLY_AWARDED = "partly_awarded"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {
            "requested": _l("Requested"),
            "awarded": _l("Awarded"),
            "partly_awarded": _l("Partly awarded"),
            "declined": _l("Declined"),
            "withdrawn": _l("Withdrawn"),
        }[self.value]


AWARDED = frozenset({SponsorshipStatus.AWARDED, SponsorshipStatus.PARTLY_AWARDED})


class CostItem(StrEnum):
    TRAVEL = "travel"
    ACCOMMODATION = "accommodation"
    PER_DIEM = "per_diem"
    VISA = "visa"

    @property
    def label(self) -> str:
        return {"travel": _l("Travel"), "accommodation": _l("Accommodation"), "per_diem": _l("Per diem"),
                "visa": _l("Visa costs")}[self.value]
