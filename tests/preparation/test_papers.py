"""Background papers: uploads checked by content, links, downloads, who may do what."""
import hashlib
import io
import zipfile

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import FileStorage

from dialogues.core.enums import Visibility
from dialogues.core.errors import DomainError
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.files import services as files
from dialogues.files.models import StoredFile
from dialogues.preparation import services
from dialogues.preparation.models import BackgroundPaper
from tests.conftest import csrf_token
from tests.preparation.conftest import make_docx, make_odt

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


def _papers(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(BackgroundPaper.event_id, BackgroundPaper.title, BackgroundPaper.authors, BackgroundPaper.language,
                      BackgroundPaper.url, StoredFile.filename, StoredFile.content_type, StoredFile.size, StoredFile.sha256)
            .outerjoin(StoredFile, BackgroundPaper.file_id == StoredFile.id).order_by(BackgroundPaper.id)
        ).all()
        return [tuple(row) for row in rows]


def _stored_files(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(StoredFile))


def _add_paper(app, event_id: int, **fields) -> int:
    with app.app_context():
        event = db.session.get(Event, event_id)
        fields = {"title": "Gold supply chains", "authors": "", "language": "en"} | fields
        if "content" in fields:
            upload = FileStorage(io.BytesIO(fields.pop("content")), filename=fields.pop("filename", "paper.pdf"))
            paper = services.add_paper_upload(event, file_storage=upload, actor=None, **fields)
        else:
            paper = services.add_paper_link(event, url=fields.pop("url", "https://example.org/gold.pdf"), actor=None, **fields)
        db.session.commit()
        return paper.id


def test_convener_uploads_a_pdf_that_anyone_may_download(client, cast, app, post_paper, pdf_bytes):
    client.login(cast.convener.email)
    response = post_paper(cast.event.id, content=pdf_bytes, filename="Mercury study.pdf")
    assert response.status_code == 302, response.get_data(as_text=True)
    [(event_id, title, authors, language, url, filename, content_type, size, sha256)] = _papers(app)
    assert (event_id, title, authors, language, url) == (cast.event.id, "Mercury and gold", "A. Mwale, B. Santos", "pt", None)
    assert (filename, content_type, size, sha256) == (
        "Mercury_study.pdf", "application/pdf", len(pdf_bytes), hashlib.sha256(pdf_bytes).hexdigest())
    listing = client.get(f"/events/{cast.event.id}/papers").get_data(as_text=True)
    assert "Mercury and gold" in listing and "A. Mwale, B. Santos · Portuguese" in listing and "PDF" in listing
    client.logout()
    with app.app_context():
        paper_id = db.session.scalar(sa.select(BackgroundPaper.id))
    download = client.get(f"/events/{cast.event.id}/papers/{paper_id}/file")
    assert download.status_code == 200
    assert download.data == pdf_bytes
    assert download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"] == "inline; filename=Mercury_study.pdf"
    assert download.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("content,filename,stored_name,content_type", [
    (make_docx(), "Relatório técnico.docx", "Relatorio_tecnico.docx", DOCX),
    (make_odt(), "论文.odt", "paper.odt", ODT),
    # The content decides, not the name: an OpenDocument text sent as .pdf is kept as .odt.
    (make_odt(), "notes.pdf", "notes.odt", ODT),
])
def test_word_and_opendocument_files_are_kept_with_their_real_type(client, cast, app, post_paper, content, filename,
                                                                   stored_name, content_type):
    client.login(cast.convener.email)
    assert post_paper(cast.event.id, content=content, filename=filename).status_code == 302
    [paper] = _papers(app)
    assert paper[5:7] == (stored_name, content_type)
    with app.app_context():
        paper_id = db.session.scalar(sa.select(BackgroundPaper.id))
    download = client.get(f"/events/{cast.event.id}/papers/{paper_id}/file")
    assert (download.data, download.mimetype) == (content, content_type)
    assert download.headers["Content-Disposition"] == f"attachment; filename={stored_name}"


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a document")
    return buffer.getvalue()


@pytest.mark.parametrize("content,filename", [
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200), "paper.pdf"),
    (b"Minutes of the steering committee, plain text.", "paper.pdf"),
    (b"<html><script>alert(1)</script></html>", "paper.pdf"),
    (_plain_zip(), "paper.docx"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "paper.odt"),
])
def test_a_file_that_is_not_really_a_document_is_refused(client, cast, app, post_paper, content, filename):
    client.login(cast.convener.email)
    response = post_paper(cast.event.id, content=content, filename=filename)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "content is not one of the accepted types (.pdf, .doc, .docx, .odt)" in page
    assert 'value="Mercury and gold"' in page and 'value="A. Mwale, B. Santos"' in page
    assert (_papers(app), _stored_files(app)) == ([], 0)


def test_an_empty_file_is_refused(client, cast, app, post_paper):
    client.login(cast.convener.email)
    response = post_paper(cast.event.id, content=b"", filename="paper.pdf")
    assert "The file is empty." in response.get_data(as_text=True)
    assert _papers(app) == []


def test_a_file_over_the_paper_limit_is_refused(client, cast, app, post_paper, pdf_bytes):
    app.config["PAPER_MAX_BYTES"] = 1000
    client.login(cast.convener.email)
    assert "at most 1000 bytes" in client.get(f"/events/{cast.event.id}/papers").get_data(as_text=True)
    response = post_paper(cast.event.id, content=pdf_bytes)
    assert "The file is larger than 1000 bytes." in response.get_data(as_text=True)
    assert (_papers(app), _stored_files(app)) == ([], 0)
    app.config["PAPER_MAX_BYTES"] = len(pdf_bytes)
    assert post_paper(cast.event.id, content=pdf_bytes).status_code == 302


def test_a_request_over_the_upload_limit_gets_the_413_page(client, cast, app, post_paper, pdf_bytes):
    client.login(cast.convener.email)
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = post_paper(cast.event.id, content=pdf_bytes)
    assert response.status_code == 413
    assert "The file is too large" in response.get_data(as_text=True)
    assert _papers(app) == []


@pytest.mark.parametrize("with_file,url,message", [
    (True, "https://example.org/paper.pdf", "Add either a file or a link, not both."),
    (False, "", "Choose a file to upload, or give a link."),
])
def test_a_paper_is_a_file_or_a_link_not_both_nor_neither(client, cast, app, post_paper, pdf_bytes, with_file, url, message):
    client.login(cast.convener.email)
    response = post_paper(cast.event.id, content=pdf_bytes if with_file else None, url=url)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page and 'value="Mercury and gold"' in page
    assert (_papers(app), _stored_files(app)) == ([], 0)


@pytest.mark.parametrize("url", ["https://www.iied.org/fglg.pdf", "http://casmsite.org/proceedings"])
def test_convener_adds_a_link_to_a_paper(client, cast, app, post_paper, url):
    client.login(cast.convener.email)
    assert post_paper(cast.event.id, url=url, language="fr").status_code == 302
    assert _papers(app) == [(cast.event.id, "Mercury and gold", "A. Mwale, B. Santos", "fr", url, None, None, None, None)]
    client.logout()
    assert f'<a href="{url}" rel="noopener noreferrer nofollow">Mercury and gold</a>' in client.get(
        f"/events/{cast.event.id}").get_data(as_text=True)


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/paper.pdf", "//example.org/paper.pdf", "example.org/paper.pdf", "https://", "https://exa mple.org/",
])
def test_only_web_addresses_are_accepted_as_links(client, cast, app, post_paper, url):
    client.login(cast.convener.email)
    response = post_paper(cast.event.id, url=url)
    assert "Give a web address that starts with http:// or https://." in response.get_data(as_text=True)
    assert _papers(app) == []


def test_the_service_refuses_a_script_link_too(app, cast):
    with app.app_context(), pytest.raises(DomainError, match="http:// or https://"):
        services.add_paper_link(db.session.get(Event, cast.event.id), title="x", authors="", language="en",
                                url="javascript:alert(1)", actor=None)


def test_an_unknown_language_is_refused(client, cast, app, post_paper):
    client.login(cast.convener.email)
    response = post_paper(cast.event.id, url="https://example.org/a.pdf", language="xx")
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert _papers(app) == []


@pytest.mark.parametrize("as_file", [True, False])
def test_paper_titles_are_escaped(client, cast, app, pdf_bytes, as_file):
    _add_paper(app, cast.event.id, title="<script>alert(1)</script> Gold", authors="<b>Anon</b>",
               **({"content": pdf_bytes} if as_file else {}))
    for url in (f"/events/{cast.event.id}/papers", f"/events/{cast.event.id}"):
        page = client.get(url).get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Gold" in page and "&lt;b&gt;Anon&lt;/b&gt;" in page
        assert "<script>alert(1)" not in page and "<b>Anon" not in page


def test_event_page_lists_papers_for_the_public_but_not_the_checklist(client, cast, app, pdf_bytes):
    paper_id = _add_paper(app, cast.event.id, title="Proceedings of the 8th ACC, Brazil", content=pdf_bytes)
    with app.app_context():
        services.create_checklist(db.session.get(Event, cast.event.id), actor=None)
        db.session.commit()
    page = client.get(f"/events/{cast.event.id}").get_data(as_text=True)
    assert f'<a href="/events/{cast.event.id}/papers/{paper_id}/file">Proceedings of the 8th ACC, Brazil</a>' in page
    assert "Add or remove papers" not in page and "steps done" not in page and "checklist" not in page
    client.login(cast.convener.email)
    assert "Add or remove papers" in client.get(f"/events/{cast.event.id}").get_data(as_text=True)


@pytest.fixture
def private_paper(app, cast, pdf_bytes):
    with app.app_context():
        db.session.execute(sa.update(Event).where(Event.id == cast.event.id).values(visibility=Visibility.PARTICIPANTS))
        db.session.commit()
    return _add_paper(app, cast.event.id, content=pdf_bytes)


@pytest.mark.parametrize("role,status", [
    ("anonymous", 302), ("outsider", 403), ("participant", 200), ("host", 200), ("steering", 200), ("convener", 200),
])
def test_papers_of_a_participants_only_event_are_for_its_people(client_as, cast, private_paper, pdf_bytes, role, status):
    client = client_as(role)
    download = client.get(f"/events/{cast.event.id}/papers/{private_paper}/file")
    listing = client.get(f"/events/{cast.event.id}/papers")
    assert (download.status_code, listing.status_code) == (status, status)
    if status == 200:
        assert download.data == pdf_bytes
    else:
        assert pdf_bytes not in download.data and "Gold supply chains" not in listing.get_data(as_text=True)
    if role == "anonymous":
        assert download.headers["Location"].startswith("/login")


@pytest.mark.parametrize("url", [
    "/events/{event}/papers/999999/file",
    "/events/{other_event}/papers/{paper}/file",
    "/events/{event}/papers/{link}/file",
    "/events/999999/papers",
])
def test_unknown_or_mismatched_papers_are_404(client, cast, app, pdf_bytes, url):
    paper = _add_paper(app, cast.event.id, content=pdf_bytes)
    link = _add_paper(app, cast.event.id)
    client.login(cast.secretariat.email)
    assert client.get(url.format(event=cast.event.id, other_event=cast.other_event.id, paper=paper, link=link)).status_code == 404


@pytest.mark.parametrize("role,expected", [
    ("outsider", 403), ("participant", 403), ("host", 403), ("steering", 403), ("convener", 302), ("secretariat", 302),
])
def test_only_those_preparing_the_event_add_papers(client_as, cast, app, post_paper, pdf_bytes, role, expected):
    client = client_as(role)
    assert post_paper(cast.event.id, content=pdf_bytes).status_code == expected
    allowed = expected == 302
    assert len(_papers(app)) == (1 if allowed else 0)
    assert ("Add a paper" in client.get(f"/events/{cast.event.id}/papers").get_data(as_text=True)) is allowed


def test_anonymous_posting_a_paper_is_sent_to_login(client, cast, app, pdf_bytes):
    response = client.client.post(f"/events/{cast.event.id}/papers", content_type="multipart/form-data", data={
        "title": "x", "language": "en", "file": (io.BytesIO(pdf_bytes), "x.pdf"),
        "csrf_token": csrf_token(client.client, "/login")})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert _papers(app) == []


def test_convener_of_another_programme_cannot_add_papers(client, cast, app, post_paper):
    client.login(cast.convener.email)
    assert post_paper(cast.other_event.id, url="https://example.org/x.pdf").status_code == 403
    assert _papers(app) == []


def test_convener_removes_a_paper_and_its_file(client, cast, app, pdf_bytes):
    paper = _add_paper(app, cast.event.id, content=pdf_bytes)
    kept = _add_paper(app, cast.event.id, title="Kept")
    page = f"/events/{cast.event.id}/papers"
    client.login(cast.convener.email)
    confirm = f"{page}/{paper}/remove"
    asked = client.get(confirm).get_data(as_text=True)
    assert "Remove “" in asked and "Its file will be deleted." in asked and 'name="confirmed" value="1"' in asked
    assert len(_papers(app)) == 2
    assert client.submit(confirm, {}).status_code == 302
    assert [row[1] for row in _papers(app)] == ["Kept"]
    assert _stored_files(app) == 0
    assert client.submit(f"/events/{cast.other_event.id}/papers/{kept}/remove", {}, form_page=page).status_code == 404


@pytest.mark.parametrize("role,status", [("anonymous", 302), ("participant", 403), ("host", 403), ("outsider", 403)])
def test_others_cannot_remove_papers(client_as, cast, app, role, status):
    paper = _add_paper(app, cast.event.id)
    client = client_as(role)
    url = f"/events/{cast.event.id}/papers/{paper}/remove"
    assert client.get(url).status_code == status
    assert client.submit(url, {}, form_page="/login" if role == "anonymous" else "/").status_code == status
    assert len(_papers(app)) == 1


@pytest.mark.parametrize("original,extension,expected", [
    ("Relatório final.pdf", "pdf", "Relatorio_final.pdf"),
    ("../../etc/passwd.pdf", "pdf", "passwd.pdf"),
    ("C:\\Users\\ana\\Desktop\\notes.doc", "doc", "notes.doc"),
    ("Доклад.docx", "docx", "paper.docx"),
    ("report", "odt", "report.odt"),
    ("report.exe", "pdf", "report.pdf"),
    ("x" * 300 + ".pdf", "pdf", "x" * 100 + ".pdf"),
])
def test_stored_file_names_are_safe(original, extension, expected):
    assert files.safe_filename(original, extension, "paper") == expected


@pytest.mark.parametrize("size,text", [(10 * 1024 * 1024, "10 MB"), (512 * 1024, "512 KB"), (1000, "1000 bytes")])
def test_sizes_are_written_as_people_read_them(size, text):
    assert files.human_size(size) == text
