"""The proceedings PDF as outsiders read it: pdftotext for the words, qpdf for the structure."""
import dataclasses
import re

import pytest
import sqlalchemy as sa

from dialogues.commitments.models import Commitment
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.proceedings import pdf, services
from dialogues.programmes.models import Programme
from dialogues.registration.models import Registration
from tests.proceedings.conftest import (
    NAMES, PUBLIC_COMMITMENT, UNLISTED, UNREPORTED_COMMITMENT, UNREVIEWED_COMMITMENT, WAITLISTED,
)

SECTIONS = ["Co-chairs' summary", "Agenda", "Outcomes", "Participants", "Commitments"]
# A line of the table of contents: the heading, dot leaders, the page number.
TOC_LINE = re.compile(r"^\s*(?P<title>\S.*?)\s*(?:\.\s*)+(?P<page>\d+)\s*$")


@pytest.fixture
def event_pdf(app):
    def build(event, everyone=False) -> bytes:
        with app.app_context():
            data = services.event_proceedings(db.session.get(Event, event.id), everyone=everyone)
            return pdf.event_pdf(data, pdf.fonts_from(app.config))

    return build


@pytest.fixture
def programme_pdf(app):
    def build(programme, everyone=False) -> bytes:
        with app.app_context():
            data = services.programme_proceedings(db.session.get(Programme, programme.id), everyone=everyone)
            return pdf.programme_pdf(data, pdf.fonts_from(app.config))

    return build


def _page_count(pdf_text, data: bytes) -> int:
    first = pdf_text(data, 1)
    match = re.search(r"Page 1 of (\d+)", first)
    assert match, first
    return int(match.group(1))


def _toc(pdf_text, data: bytes) -> dict[str, int]:
    lines = pdf_text(data, 2, layout=True).splitlines()
    entries = {}
    for line in lines:
        match = TOC_LINE.match(line)
        if match:
            entries[match.group("title")] = int(match.group("page"))
    return entries


def test_cover_sections_and_page_numbers(dialogue, event_pdf, pdf_text, qpdf_check):
    data = event_pdf(dialogue.event)

    assert data.startswith(b"%PDF-")
    assert qpdf_check(data)[0] == 0, qpdf_check(data)[1]
    cover = pdf_text(data, 1)
    assert "Proceedings" in cover
    assert "Field dialogue in Manica" in cover
    assert "Formalising ASM" in cover
    assert "Sunday 4 May 2031 to Wednesday 7 May 2031" in cover
    total = _page_count(pdf_text, data)
    assert total >= 4
    for page in range(1, total + 1):
        assert f"Page {page} of {total}" in pdf_text(data, page)
    assert "Proceedings: Field dialogue in Manica" in pdf_text(data, 3)  # the running header


def test_table_of_contents_gives_the_pages_where_the_headings_are(dialogue, event_pdf, pdf_text):
    data = event_pdf(dialogue.event)

    toc = _toc(pdf_text, data)

    for heading in [*SECTIONS, "Sunday 4 May 2031", "Monday 5 May 2031", "Points of consensus",
                    "Agreed action steps"]:
        assert heading in toc, toc
        page = pdf_text(data, toc[heading])
        assert heading in page.splitlines() or any(line.startswith(heading) for line in page.splitlines()), (heading, toc[heading])
        assert toc[heading] >= 3
    assert list(toc.values()) == sorted(toc.values())


def test_every_section_has_its_content(dialogue, event_pdf, pdf_text):
    text = pdf_text(event_pdf(dialogue.event))

    assert "The co-chairs thank the people of Manica." in text
    assert "Licences should be issued close to where mining happens." in text
    assert "Whether mercury should be banned at once." in text
    assert "Create one-stop licensing offices in each district." in text
    assert "Run a pilot of mobile licensing in Manica within a year." in text
    assert "Opening and ground rules" in text
    assert "09:00–10:00" in text  # shown in the event's own zone (UTC+2)
    assert "Salão Nobre" in text
    assert f"{NAMES['Vietnamese']} (speaker)" in text
    assert "Artisanal and small-scale miners and their associations (3)" in text


@pytest.mark.parametrize("language", list(NAMES))
def test_names_print_exactly_as_typed(dialogue, event_pdf, pdf_text, language):
    text = pdf_text(event_pdf(dialogue.event))

    assert NAMES[language] in text


def test_names_have_glyphs_in_the_embedded_font(app):
    with app.app_context():
        fonts = pdf.fonts_from(app.config)
    face = pdf.pdfmetrics.getFont(fonts.regular).face
    bold = pdf.pdfmetrics.getFont(fonts.bold).face
    missing = {c for name in NAMES.values() for c in name if ord(c) not in face.charToGlyph}
    missing |= {c for name in NAMES.values() for c in name if ord(c) not in bold.charToGlyph}
    assert missing == set()


def test_font_is_embedded(dialogue, event_pdf):
    data = event_pdf(dialogue.event)

    assert b"/FontFile2" in data  # an embedded TrueType program
    assert b"/ToUnicode" in data


def test_only_consenting_participants_in_the_normal_copy(dialogue, event_pdf, pdf_text):
    text = pdf_text(event_pdf(dialogue.event))

    assert UNLISTED not in text
    assert WAITLISTED not in text
    assert "8 participants (confirmed or attended); the list shows the 7 who agreed to appear in it." in text


def test_secretariat_copy_lists_everyone_holding_a_place(dialogue, event_pdf, pdf_text):
    text = pdf_text(event_pdf(dialogue.event, everyone=True))

    assert UNLISTED in text
    assert WAITLISTED not in text
    assert all(name in text for name in NAMES.values())
    assert "Secretariat copy" in text


def test_commitments_show_their_latest_status(dialogue, event_pdf, pdf_text):
    text = pdf_text(event_pdf(dialogue.event), layout=True)

    line = next(line for line in text.splitlines() if PUBLIC_COMMITMENT in line)
    assert "In progress (50% done)" in line
    line = next(line for line in text.splitlines() if UNREPORTED_COMMITMENT in line)
    assert "No progress reported" in line
    assert UNREVIEWED_COMMITMENT not in text


def test_secretariat_copy_has_commitments_not_yet_reviewed(dialogue, event_pdf, pdf_text):
    text = pdf_text(event_pdf(dialogue.event, everyone=True))

    assert UNREVIEWED_COMMITMENT in text


def test_status_comes_from_the_latest_report_by_date(dialogue, app):
    with app.app_context():
        data = services.event_proceedings(db.session.get(Event, dialogue.event.id))

    assert [(c.title, c.status, c.share_done) for c in data.commitments] == [
        (PUBLIC_COMMITMENT, "In progress", 50), (UNREPORTED_COMMITMENT, "No progress reported", None),
    ]
    assert data.commitment_mix == [("No progress reported", 1), ("In progress", 1)]


def test_markup_in_titles_prints_literally(dialogue, app, event_pdf, pdf_text, qpdf_check):
    title = "<b>Tom & Jerry</b> <unclosed"
    with app.app_context():
        db.session.execute(sa.update(Event).where(Event.id == dialogue.event.id).values(
            title=title, summary="Fish & chips <i>not italic</i>"))
        db.session.execute(sa.update(Programme).where(Programme.id == dialogue.programme.id).values(title="A & B <x>"))
        db.session.commit()

    data = event_pdf(dialogue.event)

    assert qpdf_check(data)[0] == 0
    cover = pdf_text(data, 1)
    assert title in cover
    assert "A & B <x>" in cover
    assert f"Proceedings: {title}" in pdf_text(data, 3)


def test_empty_event_still_makes_a_document(cast, event_pdf, pdf_text, qpdf_check):
    data = event_pdf(cast.other_event)

    assert qpdf_check(data)[0] == 0
    text = pdf_text(data)
    assert "No agenda items have been recorded." in text
    assert "No commitments have been recorded." in text
    assert "No participants have been recorded." in text


def test_compilation_has_each_event_as_a_chapter(dialogue, app, make_event, programme_pdf, pdf_text, qpdf_check):
    second = make_event(title="Đà Nẵng follow-up workshop", programme_id=dialogue.programme.id,
                        starts_on=dialogue.event.starts_on.replace(year=2032),
                        ends_on=dialogue.event.ends_on.replace(year=2032))

    data = programme_pdf(dialogue.programme)

    assert qpdf_check(data)[0] == 0
    cover = pdf_text(data, 1)
    assert "Compiled proceedings" in cover and "Formalising ASM" in cover and "2 events" in cover
    toc = _toc(pdf_text, data)
    chapters = ["1. Field dialogue in Manica", f"2. {second.title}"]
    for chapter in chapters:
        assert chapter in toc, toc
        assert chapter in pdf_text(data, toc[chapter])
    assert toc[chapters[0]] < toc[chapters[1]]
    assert "Workshop elsewhere" not in pdf_text(data)  # another programme's event
    text = pdf_text(data)
    assert text.count("Commitments\n") >= 2
    assert NAMES["Turkish"] in text


def test_missing_font_fails_clearly(tmp_path):
    with pytest.raises(pdf.FontMissing, match="PROCEEDINGS_FONT"):
        pdf.register_fonts(str(tmp_path / "nowhere.ttf"), pdf.DEFAULT_BOLD_FONT)



def test_markup_in_table_cells_prints_literally(dialogue, app, event_pdf, pdf_text, qpdf_check):
    title = "<b>Train & certify</b> <unclosed"
    with app.app_context():
        db.session.execute(sa.update(Commitment).where(Commitment.title == PUBLIC_COMMITMENT).values(title=title))
        db.session.execute(sa.update(Registration).where(Registration.event_id == dialogue.event.id)
                           .values(organisation_name="Mineiros & Filhos <Lda>"))
        db.session.commit()

    data = event_pdf(dialogue.event)

    assert qpdf_check(data)[0] == 0
    text = pdf_text(data)
    assert title in text
    assert "Mineiros & Filhos <Lda>" in text


def test_long_cells_wrap_and_keep_every_word(dialogue, app, pdf_text, qpdf_check):
    # A cell longer than a page continues on the next, and a word wider than its column is cut, not lost.
    words = [f"word{n}" for n in range(1500)]
    unbroken = "x" * 150 + "END"
    with app.app_context():
        data = services.event_proceedings(db.session.get(Event, dialogue.event.id))
        fonts = pdf.fonts_from(app.config)
    long = dataclasses.replace(data.commitments[0], title=" ".join(words), organisation=unbroken)
    document = pdf.event_pdf(dataclasses.replace(data, commitments=[long, *data.commitments]), fonts)

    assert qpdf_check(document)[0] == 0
    text = pdf_text(document)
    found = re.findall(r"word\d+", text)
    assert found == words
    assert "END" in text and text.count("x") >= 150
    commitments_pages = [n for n in range(1, 1 + _page_count(pdf_text, document))
                         if "word700" in pdf_text(document, n) or "word1499" in pdf_text(document, n)]
    assert len(commitments_pages) >= 1 and "word0" not in pdf_text(document, commitments_pages[-1])


def test_contents_entries_link_to_their_pages(dialogue, event_pdf, pdf_text):
    data = event_pdf(dialogue.event)

    # One link per entry of the contents, to the bookmark its heading set.
    assert data.count(b"/Subtype /Link") == len(_toc(pdf_text, data)) >= len(SECTIONS) + 2 + 4
    assert b"/Dest" in data


def test_progress_is_reported_up_to_the_end(dialogue, app):
    heard = []
    with app.app_context():
        data = services.event_proceedings(db.session.get(Event, dialogue.event.id))
        pdf.event_pdf(data, pdf.fonts_from(app.config), progress=heard.append)

    assert heard == sorted(heard)
    assert heard[-1] == 1.0
    assert 0 < heard[0] < 1.0


def test_a_table_with_markup_cells_still_builds(app, pdf_text):
    # Sections may put a flowable in a cell (a Paragraph with markup); the table then goes through reportlab's Table.
    with app.app_context():
        fonts = pdf.fonts_from(app.config)
    builder = pdf._Builder(fonts)
    rows = [[pdf.Paragraph("<i>Budget</i> line", builder.styles["small"]), "1,000.00 USD"]] * 90
    story = [builder.heading("Budget", 0), *builder.table(["Line", "Amount"], rows, [10 * pdf.cm, 7 * pdf.cm])]

    text = pdf_text(pdf._build(story, title="t", header="t", fonts=fonts))

    assert text.count("Budget line") == 90
    assert text.count("1,000.00 USD") == 90
