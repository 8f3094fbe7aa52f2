"""The balance of voices: counts and shares of who applied and who is confirmed, and the warnings."""
import re
from decimal import Decimal

import pytest

from dialogues.accounts.enums import Gender, StakeholderGroup
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.participants import services
from dialogues.registration.enums import RegistrationStatus, SponsorshipStatus

S = RegistrationStatus
G = StakeholderGroup


def _balance(app, event):
    with app.app_context():
        return services.balance(db.session.get(Event, event.id))


def _lines(tally) -> list[tuple[str, int, Decimal]]:
    return [(line.label, line.count, line.share) for line in tally.lines]


def _mixed_event(register, event, other_event):
    register(event, status=S.CONFIRMED, group=G.ASM, country="MZ", gender=Gender.WOMAN, sponsorship=SponsorshipStatus.AWARDED)
    register(event, status=S.ATTENDED, group=G.ASM, country="MZ", gender=Gender.MAN, sponsorship=SponsorshipStatus.PARTLY_AWARDED)
    register(event, status=S.APPLIED, group=G.GOVERNMENT, country="BO", gender=Gender.WOMAN, sponsorship=SponsorshipStatus.REQUESTED)
    register(event, status=S.WAITLISTED, group=G.CIVIL_SOCIETY, country="BO", gender=None)
    register(event, status=S.CONFIRMED, group=G.INDUSTRY, country="PE", gender=Gender.MAN, sponsorship=SponsorshipStatus.DECLINED)
    # Not asking for a place, or gone: not counted.
    register(event, status=S.INVITED, group=G.DONOR, country="MZ", gender=Gender.WOMAN)
    register(event, status=S.CANCELLED, group=G.RESEARCH, country="MZ", gender=Gender.MAN, sponsorship=SponsorshipStatus.AWARDED)
    register(event, status=S.DECLINED, group=G.ASM, country="MZ", gender=Gender.MAN)
    register(other_event, status=S.CONFIRMED, group=G.ASM, country="TZ", gender=Gender.WOMAN)


def test_counts_and_shares_of_applied_and_confirmed(app, cast, register):
    _mixed_event(register, cast.event, cast.other_event)
    balance = _balance(app, cast.event)

    assert (balance.applied.total, balance.confirmed.total) == (5, 3)
    zero = [(g.label, 0, Decimal("0.0")) for g in (G.DONOR, G.RESEARCH, G.TRADER, G.INDIGENOUS_PEOPLES, G.LOCAL_COMMUNITY, G.OTHER)]
    assert _lines(balance.applied.groups) == [
        (G.GOVERNMENT.label, 1, Decimal("20.0")), (G.ASM.label, 2, Decimal("40.0")),
        (G.INDUSTRY.label, 1, Decimal("20.0")), (G.CIVIL_SOCIETY.label, 1, Decimal("20.0")), *zero,
    ]
    assert _lines(balance.confirmed.groups) == [
        (G.GOVERNMENT.label, 0, Decimal("0.0")), (G.ASM.label, 2, Decimal("66.7")),
        (G.INDUSTRY.label, 1, Decimal("33.3")), (G.CIVIL_SOCIETY.label, 0, Decimal("0.0")), *zero,
    ]
    assert _lines(balance.applied.countries) == [
        ("Bolivia", 2, Decimal("40.0")), ("Mozambique", 2, Decimal("40.0")), ("Peru", 1, Decimal("20.0"))]
    assert _lines(balance.confirmed.countries) == [("Mozambique", 2, Decimal("66.7")), ("Peru", 1, Decimal("33.3"))]


def test_gender_comes_from_the_profiles(app, cast, register):
    _mixed_event(register, cast.event, cast.other_event)
    balance = _balance(app, cast.event)
    assert _lines(balance.applied.genders) == [
        ("Woman", 2, Decimal("40.0")), ("Man", 2, Decimal("40.0")), ("Self-described", 0, Decimal("0.0")),
        ("Prefer not to say", 0, Decimal("0.0")), ("Not given", 1, Decimal("20.0")),
    ]
    assert _lines(balance.confirmed.genders)[:2] == [("Woman", 1, Decimal("33.3")), ("Man", 2, Decimal("66.7"))]


def test_sponsored_means_an_awarded_sponsorship(app, cast, register):
    _mixed_event(register, cast.event, cast.other_event)
    balance = _balance(app, cast.event)
    assert _lines(balance.applied.sponsorship) == [("Sponsored", 2, Decimal("40.0")), ("Not sponsored", 3, Decimal("60.0"))]
    assert _lines(balance.confirmed.sponsorship) == [("Sponsored", 2, Decimal("66.7")), ("Not sponsored", 1, Decimal("33.3"))]


def test_a_registration_without_a_group_or_country_is_counted_as_not_given(app, cast, register):
    register(cast.event, group=None, country=None)
    register(cast.event, group=G.ASM, country="MZ")
    balance = _balance(app, cast.event)
    assert balance.confirmed.groups.lines[-1].label == "Not given"
    assert (balance.confirmed.groups.count(None), balance.confirmed.groups.share(None)) == (1, Decimal("50.0"))
    assert _lines(balance.confirmed.countries) == [("Mozambique", 1, Decimal("50.0")), ("Not given", 1, Decimal("50.0"))]


def _with_groups(register, event, confirmed=(), applied=()):
    for group in confirmed:
        register(event, status=S.CONFIRMED, group=group)
    for group in applied:
        register(event, status=S.APPLIED, group=group)


def test_no_warning_when_balanced(app, cast, register):
    _with_groups(register, cast.event, confirmed=[G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY, G.DONOR])
    assert services.balance_warnings(_balance(app, cast.event), 40) == []


@pytest.mark.parametrize("missing", [G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY])
def test_warns_when_a_key_group_has_not_applied(app, cast, register, missing):
    present = [g for g in (G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY) if g != missing]
    _with_groups(register, cast.event, confirmed=[*present, G.DONOR, G.RESEARCH])
    assert services.balance_warnings(_balance(app, cast.event), 40) == [f"No one from “{missing.label}” has applied."]


def test_warns_when_a_key_group_applied_but_none_is_confirmed(app, cast, register):
    _with_groups(register, cast.event, confirmed=[G.ASM, G.CIVIL_SOCIETY, G.INDUSTRY, G.DONOR],
                 applied=[G.GOVERNMENT, G.GOVERNMENT])
    assert services.balance_warnings(_balance(app, cast.event), 40) == [
        f"“{G.GOVERNMENT.label}”: 2 applied, but none is confirmed."]


def test_warns_when_a_group_passes_the_share(app, cast, register):
    _with_groups(register, cast.event, confirmed=[G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY,
                                                  G.INDUSTRY, G.INDUSTRY])
    balance = _balance(app, cast.event)
    assert services.balance_warnings(balance, 40) == [
        f"“{G.INDUSTRY.label}” make up 50.0 % of those confirmed, above the 40 % set for this event."]
    assert services.balance_warnings(balance, 50) == []


def test_a_share_exactly_at_the_limit_is_not_over_it(app, cast, register):
    _with_groups(register, cast.event, confirmed=[G.ASM, G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY])
    balance = _balance(app, cast.event)
    assert services.balance_warnings(balance, 40) == []
    assert len(services.balance_warnings(balance, 39)) == 1


def test_with_nobody_registered_every_key_group_is_missing(app, cast):
    warnings = services.balance_warnings(_balance(app, cast.event), 40)
    assert warnings == [f"No one from “{g.label}” has applied." for g in (G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY)]


def _row(page: str, label: str) -> list[str]:
    """The cells of the first table row headed ``label``."""
    match = re.search(rf'<th scope="row">{re.escape(str(label))}</th>(.*?)</tr>', page, re.DOTALL)
    assert match, f"no row {label!r}"
    return re.findall(r"<td>(.*?)</td>", match.group(1))


def test_balance_page_shows_tables_and_warnings(client_as, cast, register):
    _mixed_event(register, cast.event, cast.other_event)
    page = client_as("convener").get(f"/events/{cast.event.id}/balance").get_data(as_text=True)
    assert "5 applied · 3 confirmed." in page
    assert _row(page, G.ASM.label) == ["2", "40.0", "2", "66.7"]
    assert _row(page, "Bolivia") == ["2", "40.0", "0", "0.0"]
    assert _row(page, "Not given") == ["1", "20.0", "0", "0.0"]
    assert _row(page, "Sponsored") == ["2", "40.0", "2", "66.7"]
    assert "make up 66.7 % of those confirmed, above the 40 % set for this event." in page
    assert f"“{G.GOVERNMENT.label}”: 1 applied, but none is confirmed." in page
    assert f'href="/events/{cast.event.id}"' in page


def test_balance_page_uses_the_events_own_share(client_as, cast, register, app):
    _with_groups(register, cast.event, confirmed=[G.ASM, G.GOVERNMENT, G.CIVIL_SOCIETY, G.INDUSTRY, G.INDUSTRY])
    client = client_as("convener")
    assert "No group passes 40 %" in client.get(f"/events/{cast.event.id}/balance").get_data(as_text=True)
    with app.app_context():
        db.session.get(Event, cast.event.id).max_group_share = 30
        db.session.commit()
    page = client.get(f"/events/{cast.event.id}/balance").get_data(as_text=True)
    assert "make up 40.0 % of those confirmed, above the 30 % set for this event." in page
