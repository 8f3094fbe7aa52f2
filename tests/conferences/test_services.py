"""The conference cycle's rules, called as a CLI or test would: without a request."""
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.conferences import services
from dialogues.conferences.enums import ConflictReason, ContributionStatus, Decision, SponsorStatus
from dialogues.conferences.models import Contribution, Edition, ReviewAssignment, ReviewScore, computed_conflicts
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.mail.models import MailMessage
from tests.conferences.conftest import NOW


@pytest.mark.parametrize("number,text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (9, "9th"), (11, "11th"),
                                         (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (111, "111th")])
def test_ordinal(number, text):
    assert services.ordinal(number) == text


def test_submission_after_the_deadline_is_refused_and_changes_nothing(app, conference, submit):
    with pytest.raises(DomainError, match="call closed"):
        submit(now=datetime(2031, 1, 1, tzinfo=UTC))
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Contribution)) == 0


def test_co_author_invited_by_email_gets_an_account_and_a_message(app, conference, submit):
    cid = submit(co_authors=[services.CoAuthor("lucia@example.org", "Lúcia Mabunda")])
    with app.app_context():
        contribution = db.session.get(Contribution, cid)
        assert [a.user.name for a in contribution.authors] == ["João Muianga", "Lúcia Mabunda"]
        lucia = db.session.scalar(sa.select(User).where(User.email == "lucia@example.org"))
        assert lucia.password_hash is None
        assert db.session.scalar(sa.select(MailMessage.to_address).where(
            MailMessage.kind == "contribution_co_author")) == "lucia@example.org"


def test_computed_conflicts_cover_organisation_co_authorship_and_declarations(app, conference, submit):
    r1, r2, r3, _ = conference.reviewers
    submit(author=r3, co_authors=[services.CoAuthor(conference.author.email)])  # r3 has written with the author
    cid = submit()
    with app.app_context():
        found = computed_conflicts([cid], [r.id for r in conference.reviewers] + [conference.author.id])
        assert found[(cid, r1.id)] == [ConflictReason.SAME_ORGANISATION]
        assert found[(cid, r3.id)] == [ConflictReason.CO_AUTHOR]
        assert (cid, r2.id) not in found
        assert ConflictReason.OWN_CONTRIBUTION in found[(cid, conference.author.id)]


def test_members_of_the_same_learning_group_are_in_conflict(app, conference, submit):
    from datetime import date
    from dialogues.learning_groups import services as groups
    cid = submit()
    with app.app_context():
        programme = groups.create_learning_programme(actor=None, title="ASM learning groups")
        group = groups.create_group(programme, actor=None, title="Mozambique ASM learning group", country="MZ")
        for user_id in (conference.author.id, conference.reviewers[2].id):
            groups.add_member(group, db.session.get(User, user_id), actor=None, joined_on=date(2026, 1, 10))
        db.session.commit()
        assert computed_conflicts([cid], [r.id for r in conference.reviewers[1:]]) == {
            (cid, conference.reviewers[2].id): [ConflictReason.SAME_LEARNING_GROUP]}


def test_a_role_in_the_same_learning_group_is_a_conflict(app, conference, submit, make_programme):
    from dialogues.accounts.services import grant_role
    from dialogues.permissions import Role
    from dialogues.programmes.enums import ProgrammeKind
    group = make_programme(kind=ProgrammeKind.LEARNING_GROUP, title="Mozambique ASM learning group", country="MZ")
    cid = submit()
    with app.app_context():
        programme = db.session.get(type(group), group.id)
        for user_id in (conference.author.id, conference.reviewers[1].id):
            grant_role(db.session.get(User, user_id), Role.PARTICIPANT, programme=programme, actor=None)
        db.session.commit()
        assert computed_conflicts([cid], [conference.reviewers[1].id]) == {
            (cid, conference.reviewers[1].id): [ConflictReason.SAME_LEARNING_GROUP]}


def test_automatic_assignment_respects_conflicts_tracks_and_load(app, conference, submit):
    ids = [submit(title=f"Contribution {n}") for n in range(6)]
    mercury = submit(title="Retorts", track_id=conference.track_ids["mercury"])
    r1, r2, r3, r4 = conference.reviewers
    with app.app_context():
        edition = db.session.get(Edition, conference.edition_id)
        # Reviewer 4 reviews mercury only.
        pool = {r.user_id: r for r in edition.reviewers}
        pool[r4.id].tracks = [t for t in edition.tracks if t.title == "mercury"]
        report = services.assign_automatically(edition, actor=None)
        db.session.commit()
        pairs = db.session.execute(sa.select(ReviewAssignment.contribution_id, ReviewAssignment.reviewer_id)).all()
    assert report.short == []
    assert report.made == 14
    assert all(rid != r1.id for _, rid in pairs)  # same organisation as the author
    assert all(rid != r4.id for cid, rid in pairs if cid != mercury)
    loads = [sum(1 for _, rid in pairs if rid == r.id) for r in (r2, r3)]
    assert abs(loads[0] - loads[1]) <= 1
    assert {cid for cid, _ in pairs} == set(ids) | {mercury}


def test_assigning_a_reviewer_in_conflict_is_refused_and_changes_nothing(app, conference, submit):
    cid = submit()
    with app.app_context():
        contribution = db.session.get(Contribution, cid)
        with pytest.raises(DomainError, match="same organisation"):
            services.assign(contribution, conference.reviewers[0].email, actor=None)
        db.session.rollback()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewAssignment)) == 0


def test_score_of_six_is_refused_and_changes_nothing(app, conference, submit):
    cid = submit()
    reviewer = conference.reviewers[1]
    with app.app_context():
        contribution = db.session.get(Contribution, cid)
        services.assign(contribution, reviewer.email, actor=None)
        actor = db.session.get(User, reviewer.id)
        with pytest.raises(DomainError, match="1 to 5"):
            services.submit_review(contribution, {conference.criterion_ids[0]: (6, ""),
                                                  conference.criterion_ids[1]: (3, "")}, actor=actor)
        db.session.rollback()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewScore)) == 0


def _review(contribution, reviewer_id, values):
    actor = db.session.get(User, reviewer_id)
    criteria = [c.id for c in contribution.edition.criteria]
    services.submit_review(contribution, {c: (v, f"comment {v}") for c, v in zip(criteria, values)}, actor=actor)


def test_review_table_flags_scores_of_1_and_5_and_weights_criteria(app, conference, submit):
    split, agreed = submit(title="Split"), submit(title="Agreed")
    r2, r3 = conference.reviewers[1:3]
    with app.app_context():
        for cid in (split, agreed):
            contribution = db.session.get(Contribution, cid)
            for reviewer in (r2, r3):
                services.assign(contribution, reviewer.email, actor=None)
        _review(db.session.get(Contribution, split), r2.id, (1, 1))
        _review(db.session.get(Contribution, split), r3.id, (5, 5))
        _review(db.session.get(Contribution, agreed), r2.id, (4, 1))  # weights 2 and 1: (8 + 1) / 3 = 3
        _review(db.session.get(Contribution, agreed), r3.id, (4, 2))  # (8 + 2) / 3 = 3.33
        db.session.commit()
        rows = {r.contribution.title: r for r in services.review_table(db.session.get(Edition, conference.edition_id))}
    assert rows["Split"].disagreement and rows["Split"].mean == 3.0 and rows["Split"].spread == 2.0
    assert not rows["Agreed"].disagreement
    assert rows["Agreed"].mean == round((3 + 10 / 3) / 2, 2)


def test_decision_tells_every_author_and_totals_count_accepted_travel(app, conference, submit):
    cid = submit(co_authors=[services.CoAuthor(conference.outsider.email)])
    other = submit(title="Poster on retorts", needs_sponsorship=False)
    with app.app_context():
        contribution = db.session.get(Contribution, cid)
        services.decide(contribution, Decision.ACCEPT_AS_OTHER_TYPE, accepted_as="poster", actor=None,
                        message="Welcome: please bring a poster.")
        services.decide(db.session.get(Contribution, other), Decision.REJECT, actor=None, message="Sorry.")
        db.session.commit()
        assert contribution.status == ContributionStatus.ACCEPTED and contribution.accepted_as.value == "poster"
        told = db.session.scalars(sa.select(MailMessage.to_address).where(
            MailMessage.kind == "contribution_decision").order_by(MailMessage.id)).all()
        assert told == [conference.author.email, conference.outsider.email, conference.author.email]
        totals = services.selection_totals(db.session.get(Edition, conference.edition_id))
    assert (totals.accepted, totals.sponsored_places, totals.travel) == (1, 2, Decimal("1800.00"))
    assert totals.places_cap == 10 and totals.travel_cap == Decimal("20000.00")


def test_accepted_contribution_goes_into_the_agenda_with_its_speakers(app, conference, submit):
    cid = submit(co_authors=[services.CoAuthor(conference.outsider.email)])
    with app.app_context():
        contribution = db.session.get(Contribution, cid)
        with pytest.raises(DomainError, match="Only accepted"):
            services.add_to_agenda(contribution, actor=None)
        services.decide(contribution, Decision.ACCEPT, actor=None, message="Welcome.")
        item = services.add_to_agenda(contribution, actor=None)
        db.session.commit()
        assert [p.user.name for p in item.people] == ["João Muianga", "Olga Outsider"]
        assert item.title == contribution.title and item.track == "formalisation"
        assert item.local_start("Africa/Maputo").strftime("%Y-%m-%d %H:%M") == "2031-10-04 09:00"


def test_next_edition_carries_over_tracks_criteria_pool_and_sponsors_as_prospects_only(app, conference, submit):
    from datetime import date
    submit()
    with app.app_context():
        edition = db.session.get(Edition, conference.edition_id)
        services.add_sponsor(edition, actor=None, organisation_name="World Bank", level="principal",
                             status="confirmed", amount=Decimal("50000"), currency="USD", funds="10 miners' places",
                             display="name_and_amount")
        next_edition = services.create_next_edition(
            edition.series, actor=None, host_country="TZ", host_city="Geita", theme="Markets",
            event_fields=dict(title="11th Annual CASM Conference, Geita", starts_on=date(2032, 9, 1),
                              ends_on=date(2032, 9, 4), timezone="Africa/Dar_es_Salaam"))
        db.session.commit()
        assert next_edition.number == 11
        assert [t.title for t in next_edition.tracks] == ["formalisation", "mercury"]
        assert [(c.label, c.weight) for c in next_edition.criteria] == [("Relevance", 2), ("Evidence", 1)]
        assert {r.user_id for r in next_edition.reviewers} == {r.id for r in conference.reviewers}
        [sponsor] = next_edition.sponsors
        assert (sponsor.organisation.name, sponsor.status, sponsor.amount, sponsor.funds) == (
            "World Bank", SponsorStatus.PROSPECT, None, "")
        assert next_edition.call is None
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Contribution).where(
            Contribution.edition_id == next_edition.id)) == 0
