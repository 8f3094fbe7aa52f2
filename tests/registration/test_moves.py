"""Registration as a state machine: the table of moves, the guarded move, and every service that moves."""
from datetime import date, timedelta
from itertools import product

import pytest
import sqlalchemy as sa

from dialogues.core.columns import utcnow
from dialogues.core.errors import DomainError
from dialogues.events.enums import EventStatus
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.participants import services as participants
from dialogues.registration import services
from dialogues.registration.enums import REGISTRATION_MOVES, RegistrationMode, RegistrationStatus as S
from dialogues.registration.models import Registration, RegistrationStatusChange

ALLOWED = sorted(((before, after) for before, afters in REGISTRATION_MOVES.items() for after in afters),
                 key=lambda move: (str(move[0]), str(move[1])))
REFUSED = [(before, after) for before, after in product([None, *S], S) if after not in REGISTRATION_MOVES[before]]


def test_every_status_has_its_moves_and_the_table_names_no_stranger():
    assert set(REGISTRATION_MOVES) == {None, *S}
    assert all(after in S and after != before for before, afters in REGISTRATION_MOVES.items() for after in afters)


@pytest.mark.parametrize("before, after", ALLOWED, ids=lambda s: str(s))
def test_allowed_move_changes_status_and_keeps_who_and_why(before, after):
    registration = Registration(status=before)
    change = registration.move_to(after, actor=None, reason="  Because  ")
    assert registration.status == after
    assert (change.from_status, change.to_status, change.reason, change.changed_by_id) == (before, after, "Because", None)
    assert registration.status_changes == [change]


@pytest.mark.parametrize("before, after", REFUSED, ids=lambda s: str(s))
def test_refused_move_raises_and_changes_nothing(before, after):
    registration = Registration(status=before)
    assert not registration.may_move_to(after)
    with pytest.raises(DomainError, match="cannot become"):
        registration.move_to(after, actor=None, reason="Because")
    assert registration.status == before
    assert registration.status_changes == []


def test_a_move_needs_a_reason():
    registration = Registration(status=S.APPLIED)
    with pytest.raises(DomainError, match="Say why"):
        registration.move_to(S.CONFIRMED, actor=None, reason=" ")
    assert registration.status == S.APPLIED


@pytest.mark.parametrize("status, flags", [
    (S.INVITED, {"is_active", "can_be_confirmed", "can_be_declined", "can_be_cancelled", "can_ask_sponsorship"}),
    (S.APPLIED, {"is_active", "can_be_confirmed", "can_be_waitlisted", "can_be_declined", "can_be_cancelled",
                 "can_ask_sponsorship"}),
    (S.WAITLISTED, {"is_active", "can_be_confirmed", "can_be_declined", "can_be_cancelled", "can_ask_sponsorship"}),
    (S.CONFIRMED, {"is_active", "can_be_declined", "can_be_cancelled", "can_ask_sponsorship", "holds_place"}),
    (S.ATTENDED, {"is_active", "holds_place", "attended"}),
    (S.DECLINED, set()),
    (S.CANCELLED, set()),
])
def test_what_templates_ask_follows_the_status(status, flags):
    names = {"is_active", "can_be_confirmed", "can_be_waitlisted", "can_be_declined", "can_be_cancelled",
             "can_ask_sponsorship", "holds_place", "attended"}
    assert {name for name in names if getattr(Registration(status=status), name)} == flags


# Every service moves through move_to, and the history says who, from what, to what.

@pytest.fixture
def open_event(make_event):
    return make_event(status=EventStatus.OPEN, capacity=1, offer_hours=48, starts_on=date(2031, 4, 13),
                      ends_on=date(2031, 4, 16))


@pytest.fixture
def event_id(open_event):
    return open_event.id


def _history(registration_id: int) -> list[tuple]:
    return [(c.from_status, c.to_status, c.changed_by_id) for c in db.session.scalars(
        sa.select(RegistrationStatusChange).where(RegistrationStatusChange.registration_id == registration_id)
        .order_by(RegistrationStatusChange.id))]


def test_services_record_every_move_of_a_place_and_its_waiting_list(app, event_id, make_user):
    first, second, host = make_user(), make_user(), make_user()
    with app.app_context():
        event = db.session.get(Event, event_id)
        one = services.register(event, db.session.get(type(first), first.id), actor=None)
        two = services.register(event, db.session.get(type(second), second.id), actor=None)
        assert (one.status, two.status) == (S.CONFIRMED, S.WAITLISTED)
        participants.check_in(one, True, actor=db.session.get(type(host), host.id))
        participants.check_in(one, False, actor=None)
        services.cancel(one, actor=None)            # the place goes to the waiting list as an offer
        services.accept_offer(two, actor=None)
        services.decline(two, actor=None)
        db.session.commit()
        assert _history(one.id) == [(None, S.CONFIRMED, None), (S.CONFIRMED, S.ATTENDED, host.id),
                                    (S.ATTENDED, S.CONFIRMED, None), (S.CONFIRMED, S.CANCELLED, None)]
        assert _history(two.id) == [(None, S.WAITLISTED, None), (S.WAITLISTED, S.CONFIRMED, None),
                                    (S.CONFIRMED, S.DECLINED, None)]
        reasons = db.session.scalars(sa.select(RegistrationStatusChange.reason)).all()
        assert all(reasons) and "Checked in on the day" in reasons


def test_services_record_applications_invitations_and_lapsed_offers(app, event_id, make_user):
    applicant, invitee, waiting, holder = make_user(), make_user(), make_user(), make_user()
    with app.app_context():
        event = db.session.get(Event, event_id)
        event.registration_mode = RegistrationMode.REVIEW
        user = lambda u: db.session.get(type(u), u.id)  # noqa: E731
        applied = services.register(event, user(applicant), actor=None)
        services.waitlist(applied, actor=None)
        invited = services.invite(event, user(invitee), actor=None)
        services.cancel(invited, actor=None)
        again = services.invite(event, user(invitee), actor=None)
        held = services.register(event, user(holder), actor=None)
        services.confirm(held, actor=None)
        waits = services.register(event, user(waiting), actor=None)
        services.waitlist(waits, actor=None)
        services.cancel(held, actor=None)           # an offer to the first on the list, who lets it lapse
        assert applied.has_offer
        services.expire_offers(event, now=utcnow() + timedelta(hours=49))
        db.session.commit()
        assert _history(applied.id) == [(None, S.APPLIED, None), (S.APPLIED, S.WAITLISTED, None),
                                        (S.WAITLISTED, S.CANCELLED, None)]
        assert _history(again.id) == [(None, S.INVITED, None), (S.INVITED, S.DECLINED, None),
                                      (S.DECLINED, S.INVITED, None)]
        assert waits.has_offer
        assert _history(waits.id) == [(None, S.APPLIED, None), (S.APPLIED, S.WAITLISTED, None)]


@pytest.mark.parametrize("status, refuse", [
    (S.CONFIRMED, services.confirm), (S.ATTENDED, services.confirm), (S.CANCELLED, services.confirm),
    (S.WAITLISTED, services.waitlist), (S.CONFIRMED, services.waitlist), (S.INVITED, services.waitlist),
    (S.DECLINED, services.decline), (S.CANCELLED, services.decline), (S.ATTENDED, services.decline),
    (S.DECLINED, services.cancel), (S.CANCELLED, services.cancel), (S.ATTENDED, services.cancel),
])
def test_services_refuse_moves_the_rules_do_not_allow(app, open_event, make_registration, status, refuse):
    registration_id = make_registration(event=open_event, status=status)
    with app.app_context():
        registration = db.session.get(Registration, registration_id)
        with pytest.raises(DomainError):
            refuse(registration, actor=None)
        assert registration.status == status
        assert _history(registration_id) == []


@pytest.mark.parametrize("status", [S.INVITED, S.APPLIED, S.WAITLISTED, S.DECLINED, S.CANCELLED])
def test_check_in_refuses_who_holds_no_place(app, open_event, make_registration, status):
    registration_id = make_registration(event=open_event, status=status)
    with app.app_context():
        with pytest.raises(DomainError):
            participants.check_in(db.session.get(Registration, registration_id), True, actor=None)
        assert _history(registration_id) == []
