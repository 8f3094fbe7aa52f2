"""The conference pages, used as people do: real form posts with CSRF tokens, per role."""
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from dialogues.accounts.models import User
from dialogues.conferences import services
from dialogues.conferences.models import Call, Contribution, Edition, ReviewAssignment, ReviewScore
from dialogues.extensions import db
from dialogues.mail.models import MailMessage
from tests.conftest import count_queries


def _assign(app, cid, *reviewers):
    with app.app_context():
        contribution = db.session.get(Contribution, cid)
        for reviewer in reviewers:
            services.assign(contribution, reviewer.email, actor=None)
        db.session.commit()


def _close_call(app, edition_id):
    with app.app_context():
        db.session.execute(sa.update(Call).where(Call.edition_id == edition_id).values(
            opens_at=datetime(2020, 1, 1, tzinfo=UTC), closes_at=datetime(2021, 1, 1, tzinfo=UTC)))
        db.session.commit()


SUBMISSION = {
    "title": "Mercury-free processing in Manica", "kind": "talk", "language": "pt", "abstract": "Retorts work.",
    "answer_0": "Miners' associations.", "co_authors": "lucia@example.org, Lúcia Mabunda",
    "needs_sponsorship": "y", "sponsored_places": "1", "travel_estimate": "950.00",
}


def test_participant_submits_with_a_co_author_edits_then_cannot_after_the_deadline(client, app, conference):
    client.login(conference.author.email)
    url = f"/editions/{conference.edition_id}/contributions/new"
    response = client.submit(url, SUBMISSION | {"track_id": str(conference.track_ids["mercury"])})
    assert response.status_code == 302
    with app.app_context():
        contribution = db.session.scalar(sa.select(Contribution))
        cid = contribution.id
        assert [a.user.email for a in contribution.authors] == ["author@example.org", "lucia@example.org"]
    page = client.get(f"/contributions/{cid}").get_data(as_text=True)
    assert "Lúcia Mabunda" in page and "Submitted" in page
    response = client.submit(f"/contributions/{cid}/edit", SUBMISSION | {
        "track_id": str(conference.track_ids["mercury"]), "title": "Retorts in Manica"})
    assert response.status_code == 302
    _close_call(app, conference.edition_id)
    response = client.submit(f"/contributions/{cid}/edit", SUBMISSION | {
        "track_id": str(conference.track_ids["mercury"]), "title": "Too late"},
        form_page=f"/contributions/{cid}")
    assert response.status_code == 400
    assert "call closed" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Contribution, cid).title == "Retorts in Manica"


def test_submission_with_a_missing_answer_keeps_what_was_typed(client, conference):
    client.login(conference.author.email)
    url = f"/editions/{conference.edition_id}/contributions/new"
    response = client.submit(url, SUBMISSION | {"answer_0": "", "track_id": str(conference.track_ids["mercury"])})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Answer this question." in page and "Mercury-free processing in Manica" in page


def test_submission_after_the_deadline_gets_a_clear_message(client, app, conference):
    client.login(conference.author.email)
    url = f"/editions/{conference.edition_id}/contributions/new"
    token_page = url
    from tests.conftest import csrf_token
    token = csrf_token(client.client, token_page)
    _close_call(app, conference.edition_id)
    response = client.post(url, data=SUBMISSION | {"csrf_token": token,
                                                   "track_id": str(conference.track_ids["mercury"])})
    assert response.status_code == 400
    assert "call closed" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Contribution)) == 0


def test_conflicted_reviewer_gets_403_on_the_contribution_and_its_scores(client, app, conference, submit):
    cid = submit()
    r2 = conference.reviewers[1]
    _assign(app, cid, r2)
    client.login(r2.email)
    assert client.get(f"/contributions/{cid}").status_code == 200
    assert client.get(f"/contributions/{cid}/reviews").status_code == 200
    # r2 moves to the author's organisation: the conflict counts at once.
    with app.app_context():
        db.session.get(User, r2.id).organisation_id = db.session.get(User, conference.author.id).organisation_id
        db.session.commit()
    assert client.get(f"/contributions/{cid}").status_code == 403
    assert client.get(f"/contributions/{cid}/reviews").status_code == 403
    assert "No. " not in client.get("/my/reviews").get_data(as_text=True)


def test_blind_reviewer_never_sees_an_authors_name(client, app, conference, submit):
    cid = submit(co_authors=[services.CoAuthor("zoe@example.net", "Zoé Kaboré")])
    with app.app_context():
        db.session.execute(sa.update(Call).values(blind_review=True))
        db.session.commit()
    r2 = conference.reviewers[1]
    _assign(app, cid, r2)
    client.login(r2.email)
    pages = [client.get(url).get_data(as_text=True)
             for url in (f"/contributions/{cid}", f"/contributions/{cid}/reviews", "/my/reviews")]
    with app.app_context():
        mail = db.session.scalars(sa.select(MailMessage.body).where(MailMessage.to_address == r2.email)).all()
    assert mail
    for text in pages + mail:
        assert "João Muianga" not in text and "Zoé Kaboré" not in text and "author@example.org" not in text


def test_reviewer_scores_and_a_score_of_6_changes_nothing(client, app, conference, submit):
    cid = submit()
    r2 = conference.reviewers[1]
    _assign(app, cid, r2)
    client.login(r2.email)
    c1, c2 = conference.criterion_ids
    response = client.submit(f"/contributions/{cid}/review", {f"score_{c1}": "6", f"score_{c2}": "3",
                                                               f"comment_{c1}": "Strong"},
                             form_page=f"/contributions/{cid}")
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewScore)) == 0
    response = client.submit(f"/contributions/{cid}/review", {f"score_{c1}": "5", f"score_{c2}": "3",
                                                               f"comment_{c1}": "Strong", f"comment_{c2}": "Thin"},
                             form_page=f"/contributions/{cid}")
    assert response.status_code == 302
    with app.app_context():
        assert sorted(db.session.scalars(sa.select(ReviewScore.value))) == [3, 5]


def test_convener_assigns_automatically_and_no_reviewer_gets_their_own_organisation(client, app, conference, submit):
    ids = [submit(title=f"Contribution {n}") for n in range(5)]
    client.login(conference.convener.email)
    response = client.submit(f"/editions/{conference.edition_id}/assign", {},
                             form_page=f"/editions/{conference.edition_id}/review")
    assert response.status_code == 302
    with app.app_context():
        pairs = db.session.execute(sa.select(ReviewAssignment.contribution_id, ReviewAssignment.reviewer_id)).all()
    assert len(pairs) == 2 * len(ids)
    assert conference.reviewers[0].id not in {rid for _, rid in pairs}


def test_convener_cannot_assign_a_reviewer_in_conflict(client, app, conference, submit):
    cid = submit()
    client.login(conference.convener.email)
    response = client.submit(f"/contributions/{cid}/assign", {"reviewer": conference.reviewers[0].email},
                             form_page=f"/contributions/{cid}", follow_redirects=True)
    assert "may not review this contribution: same organisation as an author" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewAssignment)) == 0


def test_review_table_flags_1_and_5_and_shows_sponsored_travel_of_ten_accepted(client, app, conference, submit):
    ids = [submit(title=f"Contribution {n}") for n in range(10)]
    r2, r3 = conference.reviewers[1:3]
    c1, c2 = conference.criterion_ids
    with app.app_context():
        for cid in ids:
            contribution = db.session.get(Contribution, cid)
            for reviewer in (r2, r3):
                services.assign(contribution, reviewer.email, actor=None)
        services.submit_review(db.session.get(Contribution, ids[0]), {c1: (1, ""), c2: (1, "")},
                               actor=db.session.get(User, r2.id))
        services.submit_review(db.session.get(Contribution, ids[0]), {c1: (5, ""), c2: (5, "")},
                               actor=db.session.get(User, r3.id))
        db.session.commit()
    client.login(conference.convener.email)
    for cid in ids:
        response = client.submit(f"/contributions/{cid}/decision", {"decision": "accept", "message": "Welcome."},
                                 form_page=f"/contributions/{cid}")
        assert response.status_code == 302
    page = client.get(f"/editions/{conference.edition_id}/review").get_data(as_text=True)
    assert page.count('badge badge-late">disagree') == 1
    assert "20 of 10" in page and "over the cap" in page  # 10 × 2 sponsored places
    assert "18,000.00 USD of 20,000.00 USD" in page


def test_review_table_queries_do_not_grow_with_contributions(client, app, conference, submit):
    client.login(conference.convener.email)
    url = f"/editions/{conference.edition_id}/review"

    def add(n):
        for i in range(n):
            cid = submit(title=f"More {i}")
            _assign(app, cid, conference.reviewers[1])
            with app.app_context():
                contribution = db.session.get(Contribution, cid)
                services.submit_review(contribution, {c: (3, "") for c in conference.criterion_ids},
                                       actor=db.session.get(User, conference.reviewers[1].id))
                db.session.commit()

    add(2)
    few = count_queries(app, lambda: client.get(url))
    add(12)
    many = count_queries(app, lambda: client.get(url))
    assert few == many


def test_accepted_contribution_goes_into_the_agenda_in_one_click(client, app, conference, submit):
    cid = submit()
    client.login(conference.convener.email)
    client.submit(f"/contributions/{cid}/decision", {"decision": "accept", "message": "Welcome."},
                  form_page=f"/contributions/{cid}")
    response = client.submit(f"/contributions/{cid}/agenda", {}, form_page=f"/contributions/{cid}")
    assert response.status_code == 302
    agenda = client.get(f"/events/{conference.event_id}/agenda").get_data(as_text=True)
    assert "Licensing artisanal gold in Manica" in agenda


def test_series_page_shows_the_coming_edition_then_past_ones(client, app, conference):
    from datetime import date
    from dialogues.events import services as events
    from dialogues.events.enums import EventKind
    with app.app_context():
        past = events.create_event(actor=None, kind=EventKind.CONFERENCE, title="9th Annual CASM Conference, Maputo",
                                   starts_on=date(2009, 9, 8), ends_on=date(2009, 9, 14), timezone="Africa/Maputo",
                                   programme_id=conference.series_id, country="MZ", city="Maputo")
        services.add_edition(past, actor=None, number=9, theme="ASM and development", recorded_participants=450,
                             proceedings_note="Proceedings of the 9th ACC")
        db.session.commit()
    page = client.get(f"/programmes/{conference.series_id}").get_data(as_text=True)
    assert page.index("10th edition") < page.index("9th edition")
    assert "Coming edition" in page and "450" in page and "Proceedings of the 9th ACC" in page


def test_next_edition_form(client, app, conference):
    client.login(conference.convener.email)
    response = client.submit(f"/series/{conference.series_id}/editions/new", {
        "number": "11", "title": "11th Annual CASM Conference, Geita", "starts_on": "2032-09-01",
        "ends_on": "2032-09-04", "timezone": "Africa/Dar_es_Salaam", "host_country": "TZ", "host_city": "Geita",
        "host_organisations": "Geita Gold Miners' Association\nMining Commission", "theme": "Markets",
        "working_languages": ["en", "sw"]})
    assert response.status_code == 302
    with app.app_context():
        edition = db.session.scalar(sa.select(Edition).where(Edition.number == 11))
        assert edition.host_organisations == ["Geita Gold Miners' Association", "Mining Commission"]
        assert [t.title for t in edition.tracks] == ["formalisation", "mercury"]


def test_sponsors_shown_as_they_choose(client, app, conference):
    client.login(conference.convener.email)
    url = f"/editions/{conference.edition_id}/sponsors"
    for name, display in (("World Bank", "name_and_amount"), ("Quiet Foundation", "anonymous"), ("DFID", "name")):
        response = client.submit(url, {"organisation_name": name, "organisation_kind": "donor", "level": "major",
                                       "status": "confirmed", "amount": "10000", "currency": "USD",
                                       "funds": "places for miners", "display": display})
        assert response.status_code == 302
    bad = client.submit(url, {"organisation_name": "X", "organisation_kind": "donor", "level": "major",
                              "status": "confirmed", "amount": "10", "display": "name"})
    assert "Give the currency of the amount." in bad.get_data(as_text=True)
    client.logout()
    page = client.get(f"/editions/{conference.edition_id}").get_data(as_text=True)
    assert "World Bank" in page and "10,000.00 USD" in page
    assert "DFID" in page and page.count("10,000.00") == 1
    assert "Quiet Foundation" not in page and "1 sponsor who prefer" in page


@pytest.mark.parametrize("who,status", [("outsider", 403), ("reviewer", 403), ("author", 403), ("convener", 200),
                                        ("secretariat", 200)])
def test_who_sees_the_review_table(client, conference, who, status):
    user = {"reviewer": conference.reviewers[1]}.get(who) or getattr(conference, who)
    client.login(user.email)
    assert client.get(f"/editions/{conference.edition_id}/review").status_code == status


@pytest.mark.parametrize("who,show,reviews,edit", [
    ("author", 200, 403, 200), ("co_author", 200, 403, 200), ("assigned", 200, 200, 403), ("unassigned", 403, 403, 403),
    ("outsider", 403, 403, 403), ("convener", 200, 200, 403), ("secretariat", 200, 200, 200),
])
def test_contribution_pages_per_role(client, app, conference, submit, who, show, reviews, edit):
    cid = submit(co_authors=[services.CoAuthor(conference.outsider.email)] if who == "co_author" else ())
    _assign(app, cid, conference.reviewers[1])
    user = {"assigned": conference.reviewers[1], "unassigned": conference.reviewers[2],
            "co_author": conference.outsider}.get(who) or getattr(conference, who)
    client.login(user.email)
    assert client.get(f"/contributions/{cid}").status_code == show
    assert client.get(f"/contributions/{cid}/reviews").status_code == reviews
    assert client.get(f"/contributions/{cid}/edit").status_code == edit


@pytest.mark.parametrize("url", ["/editions/{e}/setup", "/editions/{e}/call", "/editions/{e}/sponsors",
                                 "/editions/{e}/edit", "/series/{s}/editions/new"])
@pytest.mark.parametrize("who,status", [("outsider", 403), ("author", 403), ("convener", 200)])
def test_running_the_call_is_for_conveners(client, conference, url, who, status):
    client.login(getattr(conference, who).email)
    assert client.get(url.format(e=conference.edition_id, s=conference.series_id)).status_code == status


def test_unknown_and_foreign_ids_are_404(client, app, conference):
    client.login(conference.convener.email)
    assert client.get("/contributions/999").status_code == 404
    assert client.get("/editions/999").status_code == 404
    assert client.get(f"/editions/{conference.edition_id}/sponsors/999/edit").status_code == 404


def test_signed_out_visitor_is_sent_to_log_in_to_submit(client, conference):
    response = client.get(f"/editions/{conference.edition_id}/contributions/new")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_accepted_abstract_goes_into_the_book_of_abstracts_with_accented_names(client, app, conference, submit,
                                                                                pdf_text, qpdf_check):
    cid = submit(co_authors=[services.CoAuthor("nusta@example.net", "Ñusta Condori Mamani"),
                             services.CoAuthor("dang@example.org", "Đặng Thị Hương"),
                             services.CoAuthor("oyun@example.org", "Оюунчимэг Батсүх")],
                 title="Água & <mercúrio>: retortas em Manica", abstract="Medições em três sítios.\n\nResultados.")
    rejected = submit(title="Not this one")
    client.login(conference.convener.email)
    for number, decision in ((cid, "accept"), (rejected, "reject")):
        client.submit(f"/contributions/{number}/decision", {"decision": decision, "message": "Thank you."},
                      form_page=f"/contributions/{number}")
    response = client.get(f"/events/{conference.event_id}/proceedings.pdf")
    assert response.status_code == 200
    text = " ".join(pdf_text(response.data).split())  # lines wrap where the layout chooses
    assert "Book of abstracts" in text
    assert "Água & <mercúrio>: retortas em Manica" in text
    for name in ("João Muianga", "Ñusta Condori Mamani", "Đặng Thị Hương", "Оюунчимэг Батсүх"):
        assert name in text
    assert "Universidade Católica de Moçambique" in text and "Medições em três sítios." in text
    assert "Not this one" not in text
    assert qpdf_check(response.data)[0] == 0
