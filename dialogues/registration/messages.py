"""What people are told when their registration or sponsorship changes (written by the mail area)."""


def application_received(registration) -> None:
    """Queue: we have your application; conveners will confirm."""


def registration_confirmed(registration) -> None:
    """Queue: your place is confirmed, with the event as an iCalendar invitation (METHOD:REQUEST)."""


def waitlisted(registration) -> None:
    """Queue: the event is full; you are on the waiting list."""


def place_offered(registration) -> None:
    """Queue: a place has freed up; take it before registration.offer_expires_at."""


def offer_expired(registration) -> None:
    """Queue: the offer lapsed; the place went to the next person."""


def invitation(registration, link: str) -> None:
    """Queue: you are invited; register through this personal link."""


def registration_cancelled(registration) -> None:
    """Queue: your registration is cancelled (or declined)."""


def sponsorship_decided(sponsorship) -> None:
    """Queue: your sponsorship request was awarded in full, in part, or declined."""
