"""Proceedings as PDF: gathered data in, bytes out, with reportlab's platypus and graphics.

Pure: no database, no request. Every user string is escaped before it becomes
paragraph markup, and all text is set in one embedded TrueType font with wide
coverage, so names print with their own letters.
"""
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
    Spacer, Table, TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from dialogues.proceedings.services import EventProceedings, ProgrammeProceedings

DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEFAULT_BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
# Long tables go in slices: reportlab re-measures the rest of a table at every page break.
TABLE_SLICE = 40
CHART_COLOURS = [
    colors.HexColor(c) for c in (
        "#1b6e8f", "#e0a030", "#5a9a48", "#b8453a", "#7a5aa6", "#3c9c9a", "#c47a2c", "#8c8c8c", "#d4618c",
        "#4f6bb0", "#6b4a2b",
    )
]


class FontMissing(RuntimeError):
    """The configured TrueType font file is not there."""


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


def register_fonts(regular_path: str, bold_path: str) -> Fonts:
    """Register the TrueType fonts (once per path) and return their reportlab names."""
    names = []
    for path in (regular_path, bold_path):
        if not Path(path).is_file():
            raise FontMissing(
                f"The proceedings font {path!r} does not exist. Install Debian's fonts-dejavu-core, "
                "or set PROCEEDINGS_FONT and PROCEEDINGS_BOLD_FONT to TrueType fonts with wide coverage."
            )
        name = "Proceedings-" + hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:10]
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
        names.append(name)
    regular, bold = names
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    return Fonts(regular, bold)


def fonts_from(config) -> Fonts:
    """The fonts named by an app's config (PROCEEDINGS_FONT, PROCEEDINGS_BOLD_FONT), registered."""
    return register_fonts(config.get("PROCEEDINGS_FONT") or DEFAULT_FONT,
                          config.get("PROCEEDINGS_BOLD_FONT") or DEFAULT_BOLD_FONT)


def _styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=13.5, spaceAfter=5)
    small = ParagraphStyle("small", base, fontSize=8.5, leading=11, spaceAfter=0)
    return {
        "body": base,
        "small": small,
        "small_bold": ParagraphStyle("small_bold", small, fontName=fonts.bold),
        "meta": ParagraphStyle("meta", base, textColor=colors.HexColor("#555555")),
        "item": ParagraphStyle("item", base, leftIndent=18, bulletIndent=0, bulletFontName=fonts.regular),
        "kicker": ParagraphStyle("kicker", base, fontSize=14, leading=18, alignment=TA_CENTER,
                                 textColor=colors.HexColor("#1b6e8f"), spaceAfter=12),
        "cover_title": ParagraphStyle("cover_title", base, fontName=fonts.bold, fontSize=24, leading=30,
                                      alignment=TA_CENTER, spaceAfter=18),
        "cover_line": ParagraphStyle("cover_line", base, fontSize=12, leading=17, alignment=TA_CENTER),
        "contents": ParagraphStyle("contents", base, fontName=fonts.bold, fontSize=18, leading=22, spaceAfter=12),
        "h0": ParagraphStyle("h0", base, fontName=fonts.bold, fontSize=18, leading=22, spaceBefore=6, spaceAfter=10),
        "h1": ParagraphStyle("h1", base, fontName=fonts.bold, fontSize=14, leading=18, spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName=fonts.bold, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4),
        "toc0": ParagraphStyle("toc0", base, fontName=fonts.bold, fontSize=10.5, leading=14, leftIndent=0,
                               firstLineIndent=0, spaceBefore=4),
        "toc1": ParagraphStyle("toc1", base, fontSize=10, leading=13, leftIndent=16, firstLineIndent=0, spaceAfter=0),
        "toc2": ParagraphStyle("toc2", base, fontSize=9, leading=12, leftIndent=32, firstLineIndent=0, spaceAfter=0),
    }


def _markup(text: str) -> str:
    """User text as paragraph markup that prints exactly as typed."""
    return escape(text or "").replace("\n", "<br/>")


def _paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(_markup(chunk.strip()), style) for chunk in (text or "").split("\n\n") if chunk.strip()]


class _Heading(Paragraph):
    """A heading that enters the table of contents and the PDF outline."""

    def __init__(self, text: str, level: int, key: str, style: ParagraphStyle):
        super().__init__(_markup(text), style)
        self.toc_level, self.toc_key, self.toc_text = level, key, text


class _Document(BaseDocTemplate):
    def __init__(self, buffer, *, title: str, header: str, fonts: Fonts):
        super().__init__(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 0.4 * cm,
                         bottomMargin=MARGIN, title=title, author="Dialogues secretariat", creator="Dialogues")
        self.header, self.fonts = header, fonts
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([
            PageTemplate("cover", [frame]),
            PageTemplate("body", [frame], onPage=self._running_header),
        ])

    def _running_header(self, canvas: Canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(self.fonts.regular, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        text, room = self.header, self.width
        if pdfmetrics.stringWidth(text, self.fonts.regular, 8) > room:
            while text and pdfmetrics.stringWidth(text + "…", self.fonts.regular, 8) > room:
                text = text[:-1]
            text += "…"
        top = PAGE_HEIGHT - MARGIN + 0.2 * cm
        canvas.drawString(self.leftMargin, top, text)
        canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, top - 4, self.leftMargin + self.width, top - 4)
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        self.canv.bookmarkPage(flowable.toc_key)
        self.canv.addOutlineEntry(flowable.toc_text, flowable.toc_key, level=level, closed=level > 0)
        # The table of contents parses its entries as markup, so it gets the escaped text.
        self.notify("TOCEntry", (level, _markup(flowable.toc_text), self.page, flowable.toc_key))


def _numbered_canvas(font: str):
    """A canvas class that holds every page until the end, then writes "Page X of Y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_page_states = []

        def showPage(self):
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 0.9 * cm, f"Page {self._pageNumber} of {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


class _Builder:
    """Turns gathered proceedings into a story of flowables."""

    def __init__(self, fonts: Fonts):
        self.fonts = fonts
        self.styles = _styles(fonts)
        self._keys = 0

    def heading(self, text: str, level: int) -> _Heading:
        self._keys += 1
        return _Heading(text, level, f"h{self._keys}", self.styles[f"h{min(level, 2)}"])

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(_markup(text), self.styles[style])

    def contents(self) -> list:
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.styles["toc0"], self.styles["toc1"], self.styles["toc2"]]
        return [Paragraph("Contents", self.styles["contents"]), toc, PageBreak()]

    def table(self, header: list[str], rows: list[list], widths: list[float]) -> list:
        """A long table as slices with fixed columns, so that they line up as one."""
        style = TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ])
        head_cells = [Paragraph(escape(h), self.styles["small_bold"]) for h in header]
        flowables = []
        for start in range(0, max(len(rows), 1), TABLE_SLICE):
            chunk = rows[start:start + TABLE_SLICE]
            if start == 0:
                table = Table([head_cells, *chunk], colWidths=widths, repeatRows=1)
                table.setStyle(style)
                table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#333333"))]))
            else:
                table = Table(chunk, colWidths=widths)
                table.setStyle(style)
            flowables.append(table)
        return flowables

    def pie(self, counts: list[tuple[str, int]], title: str) -> Drawing:
        drawing = Drawing(PAGE_WIDTH - 2 * MARGIN, 150)
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 10, 10, 130, 130
        pie.data = [count for _, count in counts]
        pie.labels = None
        pie.slices.strokeColor = colors.white
        pie.slices.strokeWidth = 0.5
        for i in range(len(counts)):
            pie.slices[i].fillColor = CHART_COLOURS[i % len(CHART_COLOURS)]
        legend = Legend()
        legend.x, legend.y = 165, 140
        legend.fontName, legend.fontSize = self.fonts.regular, 8
        legend.alignment = "right"
        legend.columnMaximum = 11
        legend.dx = legend.dy = 8
        legend.deltay = 12
        legend.colorNamePairs = [
            (CHART_COLOURS[i % len(CHART_COLOURS)], f"{label}: {count}") for i, (label, count) in enumerate(counts)
        ]
        drawing.add(pie)
        drawing.add(legend)
        drawing.setProperties({"title": title})
        return drawing

    # Sections of one event; ``level`` is the level of their headings in the table of contents.

    def summary(self, event: EventProceedings, level: int) -> list:
        story = [self.heading("Co-chairs' summary" if event.summary_is_cochairs else "Summary", level)]
        for text in event.summary:
            story += _paragraphs(text, self.styles["body"])
        if not event.summary:
            story.append(self.para("No summary has been recorded.", "meta"))
        return story

    def agenda(self, event: EventProceedings, level: int) -> list:
        story = [CondPageBreak(4 * cm), self.heading("Agenda", level)]
        if not event.agenda:
            return story + [self.para("No agenda items have been recorded.", "meta")]
        story.append(self.para(f"Times are local ({event.timezone}).", "meta"))
        small = self.styles["small"]
        for day in event.agenda:
            rows = []
            for item in day.items:
                when = f"{item.starts:%H:%M}–{item.ends:%H:%M}"
                title = f"<b>{_markup(item.title)}</b>"
                if item.cancelled:
                    title = f"<strike>{title}</strike> (cancelled)"
                session = [Paragraph(f"{title}<br/>{escape(item.kind)}", small)]
                if item.people:
                    session.append(Paragraph(_markup(", ".join(item.people)), small))
                where = ", ".join(part for part in (item.location, item.track) if part)
                rows.append([Paragraph(when, small), session, Paragraph(_markup(where), small)])
            story.append(CondPageBreak(3 * cm))
            story.append(self.heading(_day(day.day), level + 1))
            story += self.table(["Time", "Session", "Where"], rows, [2.4 * cm, 10 * cm, 4.6 * cm])
        return story

    def outcomes(self, event: EventProceedings, level: int) -> list:
        story = [CondPageBreak(4 * cm), self.heading("Outcomes", level)]
        if not any(items for _, items in event.outcomes):
            return story + [self.para("No outcomes have been recorded.", "meta")]
        for label, items in event.outcomes:
            if not items:
                continue
            story.append(self.heading(label, level + 1))
            for number, text in enumerate(items, start=1):
                chunks = _paragraphs(text, self.styles["item"])
                if chunks:
                    chunks[0].bulletText = f"{number}."
                story += chunks
        return story

    def participants(self, event: EventProceedings, level: int) -> list:
        story = [CondPageBreak(6 * cm), self.heading("Participants", level)]
        listed = sum(len(group.people) for group in event.participants)
        if not event.participant_total:
            note = "No participants have been recorded."
        elif event.all_participants:
            note = (f"Secretariat copy: all {event.participant_total} participants, including those who did not "
                    "agree to appear in the participant list. Not for circulation.")
        else:
            note = (f"{event.participant_total} participants (confirmed or attended); the list shows the {listed} "
                    "who agreed to appear in it.")
        story.append(self.para(note, "meta"))
        if event.participant_mix:
            story.append(self.pie(event.participant_mix, "Participants by stakeholder group"))
        small = self.styles["small"]
        for group in event.participants:
            rows = [[Paragraph(_markup(p.name), small), Paragraph(_markup(p.organisation), small),
                     Paragraph(_markup(p.country), small)] for p in group.people]
            story.append(CondPageBreak(3 * cm))
            story.append(self.heading(f"{group.label} ({len(group.people)})", level + 1))
            story += self.table(["Name", "Organisation", "Country"], rows, [6 * cm, 7.5 * cm, 3.5 * cm])
        return story

    def commitments(self, event: EventProceedings, level: int) -> list:
        story = [CondPageBreak(6 * cm), self.heading("Commitments", level)]
        if not event.commitments:
            return story + [self.para("No commitments have been recorded.", "meta")]
        story.append(self.para(f"{len(event.commitments)} commitments made at this event, with the status of "
                               "their latest progress report.", "meta"))
        story.append(self.pie(event.commitment_mix, "Commitments by current status"))
        small = self.styles["small"]
        rows = []
        for c in event.commitments:
            by = c.owner + (f", {c.organisation}" if c.organisation else "")
            status = c.status + (f" ({c.share_done}% done)" if c.share_done is not None else "")
            rows.append([Paragraph(_markup(c.title), small), Paragraph(_markup(by), small),
                         Paragraph(c.due_on.isoformat(), small), Paragraph(_markup(status), small)])
        return story + self.table(["Commitment", "Made by", "Due", "Status"], rows,
                                  [6 * cm, 4.5 * cm, 2.3 * cm, 4.2 * cm])

    def event_sections(self, event: EventProceedings, level: int) -> list:
        return [*self.summary(event, level), *self.agenda(event, level), *self.outcomes(event, level),
                *self.participants(event, level), *self.commitments(event, level)]

    def cover(self, kicker: str, title: str, lines: Iterable[str]) -> list:
        story = [Spacer(1, 6 * cm), Paragraph(escape(kicker), self.styles["kicker"]),
                 self.para(title, "cover_title")]
        story += [self.para(line, "cover_line") for line in lines if line]
        return story + [NextPageTemplate("body"), PageBreak()]


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _dates(starts_on: date, ends_on: date) -> str:
    if starts_on == ends_on:
        return _day(starts_on)
    return f"{_day(starts_on)} to {_day(ends_on)}"


def _build(story: list, *, title: str, header: str, fonts: Fonts) -> bytes:
    buffer = io.BytesIO()
    doc = _Document(buffer, title=title, header=header, fonts=fonts)
    doc.multiBuild(story, canvasmaker=_numbered_canvas(fonts.regular))
    return buffer.getvalue()


def event_pdf(event: EventProceedings, fonts: Fonts) -> bytes:
    """The proceedings of one event: cover, contents, summary, agenda, outcomes, participants, commitments."""
    builder = _Builder(fonts)
    story = builder.cover("Proceedings", event.title, [
        event.programme, event.kind, _dates(event.starts_on, event.ends_on), event.venue,
        "Secretariat copy: lists every participant" if event.all_participants else "",
    ])
    story += builder.contents()
    story += builder.event_sections(event, level=0)
    title = f"Proceedings: {event.title}"
    return _build(story, title=title, header=title, fonts=fonts)


def programme_pdf(programme: ProgrammeProceedings, fonts: Fonts) -> bytes:
    """A compilation: the programme's cover and contents, then each event as a chapter."""
    builder = _Builder(fonts)
    events = programme.events
    span = _dates(events[0].starts_on, events[-1].ends_on) if events else ""
    story = builder.cover("Compiled proceedings", programme.title, [
        programme.kind, f"{len(events)} event{'s' if len(events) != 1 else ''}", span,
        "Secretariat copy: lists every participant" if events and events[0].all_participants else "",
    ])
    story += builder.contents()
    if programme.summary:
        story.append(builder.heading("About this programme", 0))
        story += _paragraphs(programme.summary, builder.styles["body"])
        story.append(PageBreak())
    for number, event in enumerate(events, start=1):
        story.append(builder.heading(f"{number}. {event.title}", 0))
        story.append(KeepTogether([builder.para(line, "meta") for line in (
            event.kind, _dates(event.starts_on, event.ends_on), event.venue) if line]))
        story += builder.event_sections(event, level=1)
        if number < len(events):
            story.append(PageBreak())
    if not events:
        story.append(builder.para("This programme has no events yet.", "meta"))
    title = f"Compiled proceedings: {programme.title}"
    return _build(story, title=title, header=title, fonts=fonts)
