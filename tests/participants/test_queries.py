"""The participant pages send as many SQL statements for 60 registrations as for 5."""
import pytest

from dialogues.accounts.enums import Gender, StakeholderGroup
from dialogues.registration.enums import RegistrationStatus, SponsorshipStatus

GROUPS = list(StakeholderGroup)
STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.APPLIED, RegistrationStatus.ATTENDED,
            RegistrationStatus.WAITLISTED, RegistrationStatus.INVITED]


def _register_up_to(register, event, start: int, stop: int) -> None:
    for n in range(start, stop):
        register(event, status=STATUSES[n % len(STATUSES)], group=GROUPS[n % len(GROUPS)],
                 country=("MZ", "BO", "TZ", "PE")[n % 4], gender=list(Gender)[n % 4],
                 organisation_name=f"Organisation {n}", languages=["pt", "en"],
                 sponsorship=SponsorshipStatus.AWARDED if n % 3 == 0 else None)


@pytest.mark.parametrize("role,path", [
    ("convener", "participants"), ("participant", "participants"), ("convener", "balance"),
    ("host", "check-in"), ("host", "participants.csv"),
])
def test_statements_do_not_grow_with_registrations(client_as, cast, register, count_statements, role, path):
    client = client_as(role)
    url = f"/events/{cast.event.id}/{path}"
    counts = []
    for start, stop in ((0, 5), (5, 60)):
        _register_up_to(register, cast.event, start, stop)
        with count_statements() as statements:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 8
