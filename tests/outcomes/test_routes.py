"""Recording, reading, correcting and ordering what a dialogue produced."""
import logging
import re

import pytest
import sqlalchemy as sa
from flask import render_template
from markupsafe import escape

from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.outcomes import services
from dialogues.outcomes.enums import OutcomeKind
from dialogues.outcomes.models import Outcome
from tests.conftest import ROLES, csrf_token, count_queries

LOGIN = 302  # signed-out visitors are sent to the login page

ONE_OF_EACH = {
    OutcomeKind.SUMMARY: "The co-chairs thank the miners of Manica for hosting the field visit.",
    OutcomeKind.CONSENSUS: "Licences must be affordable for small-scale miners.",
    OutcomeKind.DISAGREEMENT: "Whether mercury should be banned at once or phased out.",
    OutcomeKind.RECOMMENDATION: "The ministry publishes licence fees in Portuguese and local languages.",
    OutcomeKind.ACTION_STEP: "The host organisation convenes a follow-up meeting in Chimoio.",
}


def _page(response) -> str:
    return response.get_data(as_text=True)


def _texts(app, event, kind) -> list[str]:
    with app.app_context():
        groups = services.outcomes_by_kind(db.session.get(Event, event.id))
        return [outcome.text for outcome in groups[kind]]


def _all_texts(app) -> list[str]:
    with app.app_context():
        return sorted(db.session.scalars(sa.select(Outcome.text)))


def _record(client, event, kind, text):
    return client.submit(f"/events/{event.id}/outcomes/new", {"kind": kind.value, "text": text})




# Recording and reading


def test_convener_records_one_item_of_each_kind_shown_grouped_in_order(client, cast, app):
    client.login(cast.convener.email)
    for kind in reversed(OutcomeKind):
        response = _record(client, cast.event, kind, ONE_OF_EACH[kind])
        assert response.status_code == 302
        assert re.search(rf"/events/{cast.event.id}/outcomes#outcome-\d+$", response.headers["Location"])
    page = _page(client.get(f"/events/{cast.event.id}/outcomes"))
    headings = [page.index(f"<h2>{escape(kind.label)}</h2>") for kind in OutcomeKind]
    assert headings == sorted(headings)
    ends = [*headings[1:], len(page)]
    for kind, start, end in zip(OutcomeKind, headings, ends):
        assert str(escape(ONE_OF_EACH[kind])) in page[start:end]
    for kind in OutcomeKind:
        assert _texts(app, cast.event, kind) == [ONE_OF_EACH[kind]]


def test_recording_is_logged_with_who_did_it(client, cast, caplog):
    client.login(cast.convener.email)
    with caplog.at_level(logging.INFO, logger="dialogues.outcomes.services"):
        _record(client, cast.event, OutcomeKind.CONSENSUS, "Licences must be affordable.")
    assert f"added to event {cast.event.id} by user {cast.convener.id}" in caplog.text


def test_items_of_a_kind_keep_the_order_they_were_recorded_in(client, cast, app):
    client.login(cast.secretariat.email)
    for text in ("First point.", "Second point.", "Third point."):
        _record(client, cast.event, OutcomeKind.CONSENSUS, text)
    _record(client, cast.event, OutcomeKind.DISAGREEMENT, "A disagreement.")
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["First point.", "Second point.", "Third point."]
    page = _page(client.get(f"/events/{cast.event.id}/outcomes"))
    assert page.index("First point.") < page.index("Second point.") < page.index("Third point.")


def test_link_from_a_kind_preselects_it_on_the_add_form(client, cast):
    client.login(cast.convener.email)
    page = _page(client.get(f"/events/{cast.event.id}/outcomes"))
    assert f'href="/events/{cast.event.id}/outcomes/new?kind=disagreement"' in page
    form = _page(client.get(f"/events/{cast.event.id}/outcomes/new?kind=disagreement"))
    assert '<option selected value="disagreement">' in form
    assert "<textarea" in form and 'rows="8"' in form


def test_event_without_outcomes_says_so(client, cast):
    page = _page(client.get(f"/events/{cast.event.id}/outcomes"))
    assert "No outcomes have been recorded for this event yet." in page
    assert "<h2>" not in page


# Correcting, removing and reordering


def test_convener_edits_an_item(client, cast, app, make_outcome):
    outcome = make_outcome(cast.event, "Licences must be cheap.")
    client.login(cast.convener.email)
    edit_page = _page(client.get(f"/events/{cast.event.id}/outcomes/{outcome.id}/edit"))
    assert "Licences must be cheap.</textarea>" in edit_page
    response = client.submit(f"/events/{cast.event.id}/outcomes/{outcome.id}/edit", {"text": "Licences must be affordable."})
    assert response.headers["Location"].endswith(f"/events/{cast.event.id}/outcomes#outcome-{outcome.id}")
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["Licences must be affordable."]


def test_remove_asks_for_confirmation_then_deletes_only_that_item(client, cast, app, make_outcome):
    kept = make_outcome(cast.event, "Kept point.")
    removed = make_outcome(cast.event, "Point made by mistake.")
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/outcomes/{removed.id}/remove"
    confirm = _page(client.get(url))
    assert "Remove this item?" in confirm and "Points of consensus" in confirm
    assert "Point made by mistake." in confirm and "Yes, remove it for good" in confirm
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["Kept point.", "Point made by mistake."]
    response = client.submit(url, {})
    assert response.headers["Location"].endswith(f"/events/{cast.event.id}/outcomes#kind-consensus")
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == [kept.text]


def test_moving_reorders_within_its_kind_only(client, cast, app, make_outcome):
    a, b, c = (make_outcome(cast.event, text) for text in ("A.", "B.", "C."))
    make_outcome(cast.event, "Other kind.", kind=OutcomeKind.DISAGREEMENT)
    client.login(cast.convener.email)
    show = f"/events/{cast.event.id}/outcomes"

    def move(outcome, direction):
        response = client.submit(f"{show}/{outcome.id}/move", {"direction": direction}, form_page=show)
        assert response.headers["Location"].endswith(f"{show}#outcome-{outcome.id}")

    move(c, "up")
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["A.", "C.", "B."]
    move(c, "down")
    move(a, "down")
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["B.", "A.", "C."]
    move(b, "up")
    move(c, "down")
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["B.", "A.", "C."]
    assert _texts(app, cast.event, OutcomeKind.DISAGREEMENT) == ["Other kind."]
    page = _page(client.get(show))
    assert page.index("<p>B.</p>") < page.index("<p>A.</p>") < page.index("<p>C.</p>")


def test_first_item_offers_no_move_up_and_last_no_move_down(client, cast, make_outcome):
    first, last = make_outcome(cast.event, "First."), make_outcome(cast.event, "Last.")
    client.login(cast.convener.email)
    page = _page(client.get(f"/events/{cast.event.id}/outcomes"))
    first_item = page[page.index(f'id="outcome-{first.id}"'):page.index(f'id="outcome-{last.id}"')]
    last_item = page[page.index(f'id="outcome-{last.id}"'):]
    assert "Move down" in first_item and "Move up" not in first_item
    assert "Move up" in last_item and "Move down" not in last_item.split("</li>")[0]


def test_unknown_direction_is_refused(client, cast, app, make_outcome):
    a, b = make_outcome(cast.event, "A."), make_outcome(cast.event, "B.")
    client.login(cast.convener.email)
    show = f"/events/{cast.event.id}/outcomes"
    response = client.submit(f"{show}/{b.id}/move", {"direction": "sideways"}, form_page=show)
    assert response.status_code == 400
    assert _texts(app, cast.event, OutcomeKind.CONSENSUS) == ["A.", "B."]


# Bad input


@pytest.mark.parametrize("text", ["", "   ", " \r\n\r\n \t"])
def test_blank_text_is_refused_and_the_chosen_kind_kept(client, cast, app, text):
    client.login(cast.convener.email)
    response = _record(client, cast.event, OutcomeKind.RECOMMENDATION, text)
    page = _page(response)
    assert response.status_code == 200
    assert "Write the text of this item: it cannot be empty." in page
    assert '<option selected value="recommendation">' in page
    assert _all_texts(app) == []


def test_unknown_kind_is_refused_and_the_typed_text_kept(client, cast, app):
    client.login(cast.convener.email)
    response = client.submit(f"/events/{cast.event.id}/outcomes/new", {"kind": "verdict", "text": "Miners & traders agree."})
    page = _page(response)
    assert response.status_code == 200
    assert "Not a valid choice" in page
    assert "Miners &amp; traders agree.</textarea>" in page
    assert _all_texts(app) == []


def test_overlong_text_is_refused_and_kept(client, cast, app):
    client.login(cast.convener.email)
    text = "Long. " * 4000
    page = _page(_record(client, cast.event, OutcomeKind.SUMMARY, text))
    assert "Keep an item under 20,000 characters" in page
    assert text.strip() in page
    assert _all_texts(app) == []


def test_blanking_an_item_on_edit_is_refused_and_the_item_kept(client, cast, app, make_outcome):
    outcome = make_outcome(cast.event, "Licences must be affordable.")
    client.login(cast.convener.email)
    response = client.submit(f"/events/{cast.event.id}/outcomes/{outcome.id}/edit", {"text": "  \n  "})
    assert response.status_code == 200
    assert "Write the text of this item: it cannot be empty." in _page(response)
    assert _all_texts(app) == ["Licences must be affordable."]


# Who may do what

# (method, url from the cast and its two items, the roles allowed); everyone else gets 403, or LOGIN if signed out.
CASES = [
    ("GET", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes", {"participant", "steering", "host", "convener", "secretariat"}),
    ("GET", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/new", {"convener", "secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/new", {"convener", "secretariat"}),
    ("GET", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/{mine.id}/edit", {"convener", "secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/{mine.id}/edit", {"convener", "secretariat"}),
    ("GET", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/{mine.id}/remove", {"convener", "secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/{mine.id}/remove", {"convener", "secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.event.id}/outcomes/{mine.id}/move", {"convener", "secretariat"}),
    # The other programme's event: our convener has no say there.
    ("GET", lambda c, mine, theirs: f"/events/{c.other_event.id}/outcomes/new", {"secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.other_event.id}/outcomes/new", {"secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.other_event.id}/outcomes/{theirs.id}/edit", {"secretariat"}),
    ("POST", lambda c, mine, theirs: f"/events/{c.other_event.id}/outcomes/{theirs.id}/remove", {"secretariat"}),
]
FORM_DATA = {"kind": "consensus", "text": "Changed by someone.", "direction": "up"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,url,allowed", CASES, ids=[f"{m} {i}" for i, (m, _, _) in enumerate(CASES)])
def test_outcome_page_permissions(client_as, cast, app, make_outcome, participants_only, role, method, url, allowed):
    participants_only(cast.event)
    mine, theirs = make_outcome(cast.event, "Ours."), make_outcome(cast.other_event, "Theirs.")
    client = client_as(role)
    target = url(cast, mine, theirs)
    if method == "GET":
        response = client.get(target)
    else:
        token = csrf_token(client, "/login" if role == "anonymous" else "/")
        response = client.post(target, data=FORM_DATA | {"csrf_token": token})
    if role in allowed:
        assert response.status_code in (200, 302) and "/login" not in response.headers.get("Location", "")
        return
    if role == "anonymous":
        assert response.status_code == LOGIN
        assert "/login" in response.headers["Location"]
    else:
        assert response.status_code == 403
    assert _all_texts(app) == ["Ours.", "Theirs."]


def test_public_reads_outcomes_of_a_public_event_without_recording_links(client, cast, make_outcome):
    outcome = make_outcome(cast.event, "Licences must be affordable.")
    response = client.get(f"/events/{cast.event.id}/outcomes")
    page = _page(response)
    assert response.status_code == 200
    assert "Licences must be affordable." in page
    assert f"/outcomes/{outcome.id}/edit" not in page and "/outcomes/new" not in page and "Move up" not in page
    assert f'href="/events/{cast.event.id}"' in page


@pytest.mark.parametrize("role,status", [("anonymous", LOGIN), ("outsider", 403), ("participant", 200)])
def test_outcomes_of_a_participants_only_event_stay_among_them(client_as, cast, make_outcome, participants_only, role, status):
    participants_only(cast.event)
    make_outcome(cast.event, "Only for those who took part.")
    response = client_as(role).get(f"/events/{cast.event.id}/outcomes")
    assert response.status_code == status
    assert ("Only for those who took part." in _page(response)) == (status == 200)


def test_steering_committee_member_reads_but_sees_no_recording_links(client_as, cast, make_outcome):
    outcome = make_outcome(cast.event)
    page = _page(client_as("steering").get(f"/events/{cast.event.id}/outcomes"))
    assert escape(outcome.text) in page
    assert "/edit" not in page and "/remove" not in page and "/outcomes/new" not in page


@pytest.mark.parametrize("path", [
    "/events/999999/outcomes", "/events/999999/outcomes/new", "/events/{event}/outcomes/999999/edit",
    "/events/{event}/outcomes/999999/remove", "/events/{event}/outcomes/abc/edit",
])
def test_unknown_ids_are_404(client, cast, path):
    client.login(cast.secretariat.email)
    assert client.get(path.format(event=cast.event.id)).status_code == 404


@pytest.mark.parametrize("method,action", [("GET", "edit"), ("POST", "edit"), ("GET", "remove"), ("POST", "remove"), ("POST", "move")])
def test_an_item_reached_through_another_event_is_404(client, cast, app, make_outcome, method, action):
    theirs = make_outcome(cast.other_event, "Theirs.")
    client.login(cast.secretariat.email)
    url = f"/events/{cast.event.id}/outcomes/{theirs.id}/{action}"
    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, data=FORM_DATA | {"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 404
    assert _all_texts(app) == ["Theirs."]


# How text is shown


def test_html_in_text_is_shown_as_text(client, cast, make_outcome):
    outcome = make_outcome(cast.event, "<script>alert(1)</script> & <b>bold</b>")
    client.login(cast.convener.email)
    for url in ("", f"/{outcome.id}/edit", f"/{outcome.id}/remove"):
        page = _page(client.get(f"/events/{cast.event.id}/outcomes{url}"))
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
        assert "<script>" not in page and "<b>" not in page


def test_paragraphs_and_line_breaks_are_kept(client, cast, app):
    client.login(cast.convener.email)
    typed = "First paragraph.\r\n\r\nSecond, line one\r\nline two\r\n \r\n\r\nThird <para>.\r\n"
    _record(client, cast.event, OutcomeKind.SUMMARY, typed)
    assert _texts(app, cast.event, OutcomeKind.SUMMARY) == ["First paragraph.\n\nSecond, line one\nline two\n\nThird <para>."]
    page = _page(client.get(f"/events/{cast.event.id}/outcomes"))
    assert "<p>First paragraph.</p>" in page
    assert "<p>Second, line one<br>line two</p>" in page
    assert "<p>Third &lt;para&gt;.</p>" in page


# The event page's panel


def test_event_page_links_readers_to_the_outcomes(client, cast):
    page = _page(client.get(f"/events/{cast.event.id}"))
    assert f'href="/events/{cast.event.id}/outcomes"' in page
    assert "Record outcomes" not in page


def test_event_page_offers_conveners_to_record_outcomes(client_as, cast):
    page = _page(client_as("convener").get(f"/events/{cast.event.id}"))
    assert f'href="/events/{cast.event.id}/outcomes/new">Record outcomes</a>' in page


def test_panel_shows_counts_per_kind_when_given(app, cast, make_outcome):
    make_outcome(cast.event, "Point one.")
    make_outcome(cast.event, "Point two.")
    make_outcome(cast.event, "Step one.", kind=OutcomeKind.ACTION_STEP)
    with app.test_request_context():
        event = db.session.get(Event, cast.event.id)
        panel = render_template("outcomes/_event_panel.html", event=event, outcome_counts=services.outcome_counts(event))
        empty = render_template("outcomes/_event_panel.html", event=event, outcome_counts={})
    assert "<li>Points of consensus: 2</li><li>Agreed action steps: 1</li>" in panel
    assert "Points of disagreement" not in panel
    assert "None recorded yet." in empty


# Services


def test_service_refuses_blank_text(app, cast):
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        with pytest.raises(DomainError, match="cannot be empty"):
            services.add_outcome(event, OutcomeKind.CONSENSUS, " \n\t\n ", actor=None)


def test_outcomes_by_kind_takes_one_query_and_lists_every_kind_in_order(app, cast, make_outcome):
    for kind in OutcomeKind:
        make_outcome(cast.event, f"{kind.value} one.", kind=kind)
        make_outcome(cast.event, f"{kind.value} two.", kind=kind)
    make_outcome(cast.other_event, "Elsewhere.")
    with app.app_context():
        event = db.session.get(Event, cast.event.id)
        groups = {}
        assert count_queries(app, lambda: groups.update(services.outcomes_by_kind(event))) == 1
        assert list(groups) == list(OutcomeKind)
        assert {kind: [o.text for o in items] for kind, items in groups.items()} == {
            kind: [f"{kind.value} one.", f"{kind.value} two."] for kind in OutcomeKind
        }


def test_action_steps_are_the_recommendations_and_agreed_steps_in_order(app, cast, make_outcome):
    make_outcome(cast.event, "Step one.", kind=OutcomeKind.ACTION_STEP)
    make_outcome(cast.event, "A consensus.", kind=OutcomeKind.CONSENSUS)
    make_outcome(cast.event, "Recommend this.", kind=OutcomeKind.RECOMMENDATION)
    make_outcome(cast.event, "Step two.", kind=OutcomeKind.ACTION_STEP)
    make_outcome(cast.other_event, "Step elsewhere.", kind=OutcomeKind.ACTION_STEP)
    with app.app_context():
        steps = services.action_steps(db.session.get(Event, cast.event.id))
        assert [o.text for o in steps] == ["Recommend this.", "Step one.", "Step two."]


def test_show_page_query_count_does_not_grow_with_items(client, cast, app, make_outcome):
    make_outcome(cast.event, "One point.")
    client.login(cast.convener.email)
    url = f"/events/{cast.event.id}/outcomes"
    few = count_queries(app, lambda: client.get(url))
    for n in range(12):
        make_outcome(cast.event, f"Point {n}.", kind=list(OutcomeKind)[n % 5])
    many = count_queries(app, lambda: client.get(url))
    assert few == many
