"""Commitment rules, called as a CLI or another service would: no request."""
import csv
import io
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from dialogues.accounts.enums import StakeholderGroup
from dialogues.accounts.models import User
from dialogues.commitments import services
from dialogues.commitments.charts import progress_svg
from dialogues.commitments.enums import ActionKind, ProgressStatus, ReviewStatus
from dialogues.commitments.models import Commitment, CommitmentUpdate
from dialogues.commitments.exports import commitments_csv, safe
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes import services as outcomes
from dialogues.outcomes.enums import OutcomeKind
from dialogues.registration.enums import RegistrationStatus
from dialogues.registration.models import Registration
from tests.commitments.conftest import mails

DAY = date(2027, 6, 15)


def test_programme_is_taken_from_the_event(app, cast, make_commitment):
    commitment_id = make_commitment()
    with app.app_context():
        assert db.session.get(Commitment, commitment_id).programme_id == cast.programme.id


def test_two_updates_are_two_rows_and_nothing_is_overwritten(app, make_commitment):
    commitment_id = make_commitment(updates=[(date(2026, 1, 5), ProgressStatus.IN_PROGRESS, 25),
                                             (date(2026, 6, 5), ProgressStatus.IN_PROGRESS, 50)])
    with app.app_context():
        updates = db.session.scalars(sa.select(CommitmentUpdate).where(
            CommitmentUpdate.commitment_id == commitment_id).order_by(CommitmentUpdate.id)).all()
        assert [(u.reported_on, u.share_done) for u in updates] == [(date(2026, 1, 5), 25), (date(2026, 6, 5), 50)]
        assert services.latest_updates([commitment_id])[commitment_id].share_done == 50


@pytest.mark.parametrize("share", [10, 33, 101, -25])
def test_share_done_must_be_a_quarter(app, cast, make_commitment, share):
    commitment_id = make_commitment()
    with app.app_context():
        with pytest.raises(DomainError, match="0, 25, 50, 75 or 100"):
            services.add_update(db.session.get(Commitment, commitment_id), status=ProgressStatus.IN_PROGRESS,
                                share_done=share, reported_on=DAY, actor=None)


def test_ask_for_changes_needs_a_comment_and_tells_the_owner(app, cast, make_commitment):
    commitment_id = make_commitment()
    with app.app_context():
        commitment = db.session.get(Commitment, commitment_id)
        with pytest.raises(DomainError):
            services.review_commitment(commitment, accept=False, comment="  ", actor=None)
        services.review_commitment(commitment, accept=False, comment="Say how many miners.", actor=None)
        db.session.commit()
        assert commitment.review_status == ReviewStatus.CHANGES_REQUESTED
    assert mails(app) == [("commitment_changes_requested", cast.participant.email)]


def test_editing_an_accepted_commitment_sends_it_back_to_review_only_if_text_or_date_change(app, make_commitment):
    commitment_id = make_commitment(accept=True)
    with app.app_context():
        commitment = db.session.get(Commitment, commitment_id)
        fields = {n: getattr(commitment, n) for n in services.EDITABLE_FIELDS}
        assert services.update_commitment(commitment, actor=None, **(fields | {"level": "local"})) is False
        assert commitment.review_status == ReviewStatus.ACCEPTED
        assert services.update_commitment(commitment, actor=None, **(fields | {"title": "Something else"})) is True
        assert commitment.review_status == ReviewStatus.SUBMITTED


def test_link_to_an_action_step_of_this_event_only(app, cast, make_user):
    with app.app_context():
        event, other = db.session.get(Event, cast.event.id), db.session.get(Event, cast.other_event.id)
        own = outcomes.add_outcome(event, OutcomeKind.ACTION_STEP, "Open a licensing desk.", actor=None)
        foreign = outcomes.add_outcome(other, OutcomeKind.ACTION_STEP, "Elsewhere.", actor=None)
        summary = outcomes.add_outcome(event, OutcomeKind.SUMMARY, "We met.", actor=None)
        owner = db.session.get(User, cast.participant.id)
        fields = dict(title="Help open the desk", due_on=DAY, kind="practice", level="local")
        for outcome in (foreign, summary):
            with pytest.raises(DomainError, match="action step"):
                services.create_commitment(owner=owner, event=event, actor=owner, outcome_id=outcome.id, **fields)
        commitment = services.create_commitment(owner=owner, event=event, actor=owner, outcome_id=own.id, **fields)
        assert commitment.outcome_id == own.id


def test_recording_on_someones_behalf_tells_them(app, cast):
    with app.app_context():
        owner, convener = db.session.get(User, cast.participant.id), db.session.get(User, cast.convener.id)
        commitment = services.create_commitment(
            owner=owner, event=db.session.get(Event, cast.event.id), actor=convener, title="Map the pits",
            due_on=DAY, kind="research", level="local")
        db.session.commit()
        assert commitment.recorded_by_id == convener.id
    assert mails(app) == [("commitment_recorded", cast.participant.email)]


def test_overdue_and_inactive_are_derived(app, make_commitment):
    overdue_id = make_commitment(due_on=DAY - timedelta(days=1), created_on=DAY - timedelta(days=10))
    done_id = make_commitment(due_on=DAY - timedelta(days=1), updates=[(DAY - timedelta(days=5), "done", 100)])
    silent_id = make_commitment(due_on=DAY + timedelta(days=400), updates=[(DAY - timedelta(days=731), "in_progress", 25)])
    fresh_id = make_commitment(due_on=DAY + timedelta(days=400), updates=[(DAY - timedelta(days=729), "in_progress", 25)])
    with app.app_context():
        found = {r.commitment.id: r for r in services.rows(sa.select(Commitment), DAY)}
        assert (found[overdue_id].overdue, found[overdue_id].light) == (True, "red")
        assert (found[done_id].overdue, found[done_id].light) == (False, "done")
        assert (found[silent_id].inactive, found[silent_id].light) == (True, "amber")
        assert (found[fresh_id].inactive, found[fresh_id].light) == (False, "green")
        from dialogues.settings import services as settings
        settings.set_value(services.INACTIVE_AFTER_DAYS, 365, actor=None)
        found = {r.commitment.id: r for r in services.rows(sa.select(Commitment), DAY)}
        assert found[fresh_id].inactive is True


def test_reminders_dry_run_real_run_and_second_run(app, cast, make_user, make_commitment, cli):
    soon = make_user("soon@example.org")
    late = make_user("late@example.org")
    quiet = make_user("quiet@example.org")
    make_user("calm@example.org")
    today = date.today()
    soon_id = make_commitment(owner=soon, due_on=today + timedelta(days=10))
    late_id = make_commitment(owner=late, due_on=today - timedelta(days=3))
    quiet_id = make_commitment(owner=quiet, due_on=today + timedelta(days=300),
                               updates=[(today - timedelta(days=250), "in_progress", 25)])
    make_commitment(owner=cast.participant, due_on=today + timedelta(days=300),
                    updates=[(today - timedelta(days=20), "in_progress", 50)])
    make_commitment(owner=cast.participant, due_on=today - timedelta(days=3),
                    updates=[(today - timedelta(days=20), "done", 100)])

    dry = cli("remind", "--dry-run")
    assert dry.exit_code == 0, dry.output
    lines = sorted(line.split("\t")[:3] for line in dry.output.splitlines() if "\t" in line)
    assert lines == sorted([["due_soon", "soon@example.org", str(soon_id)], ["overdue", "late@example.org", str(late_id)],
                            ["silent", "quiet@example.org", str(quiet_id)]])
    assert mails(app) == []

    first = cli("remind")
    assert first.exit_code == 0, first.output
    assert sorted(mails(app)) == sorted([("commitment_due_soon", "soon@example.org"),
                                         ("commitment_overdue", "late@example.org"),
                                         ("commitment_silent", "quiet@example.org")])
    second = cli("remind")
    assert "0 reminders queued" in second.output
    assert len(mails(app)) == 3
    assert "0 reminders would be sent" in cli("remind", "--dry-run").output


def _independent_counts(app, where) -> dict:
    with app.app_context():
        commitments = db.session.scalars(sa.select(Commitment).where(where)).all()
        status = {}
        for c in commitments:
            latest = max(c.updates, key=lambda u: (u.reported_on, u.id)) if c.updates else None
            key = latest.status if latest else ProgressStatus.NOT_STARTED
            status[key] = status.get(key, 0) + 1
        kinds = {}
        for c in commitments:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        return {"total": len(commitments), "status": status, "kind": kinds}


def test_dashboard_figures_equal_independent_counts(app, cast, make_user, make_event, make_commitment):
    miner = make_user(stakeholder_group=StakeholderGroup.ASM)
    official = make_user(stakeholder_group=StakeholderGroup.GOVERNMENT)
    second_event = make_event(title="Second dialogue", programme_id=cast.programme.id)
    make_commitment(owner=miner, kind=ActionKind.PRACTICE, updates=[(date(2026, 2, 1), "in_progress", 25)])
    make_commitment(owner=miner, kind=ActionKind.PRACTICE, due_on=date(2026, 1, 1))
    make_commitment(owner=official, kind=ActionKind.POLICY,
                    updates=[(date(2026, 2, 1), "in_progress", 50), (date(2026, 5, 1), "done", 100)])
    make_commitment(owner=official, event=second_event, kind=ActionKind.FUNDING)
    make_commitment(owner=official, event=cast.other_event, kind=ActionKind.RESEARCH)
    today = date.today()
    with app.app_context():
        event_board = services.dashboard(services.of_event(cast.event), today)
        programme_board = services.dashboard(services.of_programme(cast.programme), today)
    for board, where in ((event_board, Commitment.event_id == cast.event.id),
                         (programme_board, Commitment.programme_id == cast.programme.id)):
        expected = _independent_counts(app, where)
        assert board.total == expected["total"]
        assert {k: v for k, v in board.by_status.items() if v} == expected["status"]
        assert {k: v for k, v in board.by_kind.items() if v} == expected["kind"]
    assert event_board.total == 3 and programme_board.total == 4
    assert event_board.by_group == {StakeholderGroup.ASM: 2, StakeholderGroup.GOVERNMENT: 1}
    assert len(event_board.overdue) == 1
    assert event_board.timeline[-1][2] == round((25 + 0 + 100) / 3)
    assert "<svg" in progress_svg(event_board.timeline)


def test_csv_cells_cannot_start_a_formula(app, make_commitment):
    make_commitment(title="=HYPERLINK(\"http://x\")")
    make_commitment(title="+1", accept=True)
    with app.app_context():
        text = commitments_csv(services.rows(sa.select(Commitment).order_by(Commitment.id), date.today()))
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[1][1] == "'=HYPERLINK(\"http://x\")"
    assert lines[2][1] == "'+1"
    assert [safe(v) for v in ("-2", "@x", "ok", 5)] == ["'-2", "'@x", "ok", "5"]


def test_may_add_needs_a_role_or_a_confirmed_place(app, cast, make_user):
    registered = make_user()
    applied = make_user()
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        event.visibility = "public"
        db.session.add(Registration(event_id=event.id, user_id=registered.id, status=RegistrationStatus.CONFIRMED))
        db.session.add(Registration(event_id=event.id, user_id=applied.id, status=RegistrationStatus.APPLIED))
        db.session.flush()
        allowed = {name: services.may_add_at(db.session.get(User, u.id), event) for name, u in [
            ("participant", cast.participant), ("registered", registered), ("applied", applied),
            ("outsider", cast.outsider), ("convener", cast.convener)]}
    assert allowed == {"participant": True, "registered": True, "applied": False, "outsider": False, "convener": True}
