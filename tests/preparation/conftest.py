"""Real documents to upload (PDF, DOCX, ODT), and a helper that posts a paper as a browser does."""
import io
import zipfile

import pytest
from reportlab.pdfgen import canvas

from tests.conftest import csrf_token


def make_pdf(text: str = "Mercury-free gold processing in Manica") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


def make_docx() -> bytes:
    # The smallest zip that Word, and the type check, read as a word-processing document.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        docx.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
        docx.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    return buffer.getvalue()


def make_odt() -> bytes:
    # OpenDocument requires "mimetype" first and uncompressed.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        odt.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    return buffer.getvalue()


@pytest.fixture
def pdf_bytes() -> bytes:
    return make_pdf()


@pytest.fixture
def post_paper(client):
    """Post the add-paper form as multipart, with the CSRF token from the papers page."""

    def post(event_id: int, *, content: bytes | None = None, filename: str = "paper.pdf", **fields):
        page = f"/events/{event_id}/papers"
        data = {"title": "Mercury and gold", "authors": "A. Mwale, B. Santos", "language": "pt", "url": "",
                "csrf_token": csrf_token(client.client, page)} | fields
        if content is not None:
            data["file"] = (io.BytesIO(content), filename)
        return client.client.post(page, data=data, content_type="multipart/form-data")

    return post
