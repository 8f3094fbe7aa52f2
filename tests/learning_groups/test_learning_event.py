"""The international learning event: a slot per group in the event's zone, presentations before a
deadline, peer review the team reads, and a chapter per team in the proceedings PDF."""
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from dialogues.agenda.enums import ItemKind
from dialogues.agenda.models import AgendaItem
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.learning_groups import services
from dialogues.learning_groups.models import LearningGroup, TeamPresentation
from tests.learning_groups.conftest import group
from tests.proceedings.conftest import pdf_text, qpdf_check  # noqa: F401  (fixtures)

# The smallest file filetype reads as a PDF.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _create_event(client, world, starts_on: date):
    client.login(world.secretariat.email)
    response = client.submit(f"/learning/{world.programme_id}/events/new", {
        "title": "International learning event, Geita", "starts_on": starts_on.isoformat(),
        "ends_on": (starts_on + timedelta(days=3)).isoformat(), "timezone": "Africa/Dar_es_Salaam",
        "city": "Geita", "country": "TZ", "working_languages": ["en", "sw", "pt"]})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].split("/")[-2])


def test_creating_the_event_gives_every_active_group_a_slot_in_local_time(app, client, world):
    with app.app_context():
        db.session.get(LearningGroup, world.other_group_id).active = False
        services.create_group(group(world).learning_programme, actor=None, title="Ghana ASM learning group",
                              country="GH")
        db.session.commit()
    event_id = _create_event(client, world, date(2031, 6, 9))
    with app.app_context():
        items = db.session.scalars(sa.select(AgendaItem).where(AgendaItem.event_id == event_id)
                                   .order_by(AgendaItem.starts_at)).all()
        zone = ZoneInfo("Africa/Dar_es_Salaam")
        assert [(i.kind, i.title, i.starts_at.astimezone(zone).strftime("%d %H:%M")) for i in items] == [
            (ItemKind.FIELD_VISIT, "Field trip", "09 08:00"),
            (ItemKind.PLENARY, "Country team: Ghana", "10 09:00"),
            (ItemKind.PLENARY, "Country team: Mozambique", "10 09:45"),
        ]
        assert db.session.scalar(sa.select(sa.func.count()).select_from(TeamPresentation)
                                 .where(TeamPresentation.event_id == event_id)) == 2
    page = client.get(f"/events/{event_id}/teams").get_data(as_text=True)
    assert "2031-06-10 09:00–09:45" in page
    # Giving slots again adds none twice.
    client.submit(f"/events/{event_id}/teams/slots", {}, form_page=f"/events/{event_id}/teams")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(TeamPresentation)) == 2


def _presentation_id(app, event_id, group_id):
    with app.app_context():
        return db.session.scalar(sa.select(TeamPresentation.id).where(
            TeamPresentation.event_id == event_id, TeamPresentation.group_id == group_id))


def test_presentations_peer_review_and_the_proceedings_chapter(app, client, make_client, world, pdf_text,
                                                               qpdf_check):
    event_id = _create_event(client, world, date(2031, 6, 9))
    mz, tz = _presentation_id(app, event_id, world.group_id), _presentation_id(app, event_id, world.other_group_id)
    url = f"/events/{event_id}/teams"

    mozambique = make_client()
    mozambique.login(world.coordinator.email)
    response = mozambique.submit(f"{url}/{mz}", {
        "achievements": "Licence clinics in Manica: 140 miners helped", "tactics": "Work through the provincial office",
        "lessons": "Bring the cadastre officer", "challenges": "Fees", "next_work_plan": "Clinics in Sussundenga"})
    assert response.status_code == 302
    # Another team's presentation is not hers to change.
    assert mozambique.submit(f"{url}/{tz}", {"achievements": "Not mine"}, form_page=f"{url}/{mz}").status_code == 403

    tanzania = make_client()
    tanzania.login(world.other_coordinator.email)
    response = tanzania.client.post(f"{url}/{tz}", data={
        "csrf_token": _token(tanzania, f"{url}/{tz}"), "file": (_file(), "Uwasilishaji wa Tanzania.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    assert tanzania.get(f"{url}/{tz}/file").data == PDF_BYTES

    # Tanzania reviews Mozambique; Mozambique may not review itself.
    tanzania.submit(f"{url}/{mz}/reviews", {"text": "Ask the district <b>how</b> fees are spent"},
                    form_page=f"{url}/{mz}")
    refused = mozambique.submit(f"{url}/{mz}/reviews", {"text": "We are great"}, form_page=f"{url}/{tz}")
    assert "not your own team" in refused.get_data(as_text=True)
    member = make_client()
    member.login(world.member.email)
    assert "Ask the district &lt;b&gt;how&lt;/b&gt; fees are spent" in member.get(f"{url}/{mz}").get_data(as_text=True)
    outsider = make_client()
    outsider.login(world.outsider.email)
    assert outsider.submit(f"{url}/{mz}/reviews", {"text": "Hello"}, form_page="/").status_code == 403

    data = client.get(f"/events/{event_id}/proceedings.pdf").data
    assert qpdf_check(data)[0] == 0
    text = pdf_text(data)
    chapter = text[text.rindex("Country teams"):]
    assert chapter.count("Country team: Mozambique") == 1 and chapter.count("Country team: Tanzania") == 1
    assert "Licence clinics in Manica" in chapter and "Uwasilishaji_wa_Tanzania.pdf" in chapter
    assert "Neema Mushi: Ask the district <b>how</b> fees are spent" in chapter


def test_presentation_after_the_deadline_is_refused(app, world, client):
    event_id = _create_event(client, world, date(2031, 6, 9))
    with app.app_context():
        presentation = db.session.get(TeamPresentation, _presentation_id(app, event_id, world.group_id))
        late = presentation.due_at + timedelta(minutes=1)
        with pytest.raises(DomainError, match="deadline"):
            services.save_presentation(presentation, actor=None, now=late, achievements="Too late")
        assert presentation.due_at.astimezone(ZoneInfo("Africa/Dar_es_Salaam")).strftime("%Y-%m-%d %H:%M") == \
            "2031-06-02 23:59"
        assert presentation.due_at < datetime(2031, 6, 9, tzinfo=UTC)


def _token(client, url):
    from tests.conftest import csrf_token
    return csrf_token(client.client, url)


def _file():
    import io
    return io.BytesIO(PDF_BYTES)
