"""Proceedings as PDF: gathered data in, bytes out, with reportlab's platypus and graphics.

Pure: no database, no request. Every user string is escaped before it becomes
paragraph markup, and all text is set in one embedded TrueType font with wide
coverage, so names print with their own letters.

Speed (see bench/README.md): long tables are not reportlab ``Table``s of ``Paragraph``s
but ``_Rows``, laid out once with cached word widths, split at row boundaries and
drawn as plain text; the table of contents reserves its space from the headings
known before layout and writes its page numbers when the document is saved, so the
document is laid out in one pass instead of ``multiBuild``'s two or three.

A section is a ``_Builder`` method ``(event, level) -> list of flowables``, listed in
``_Builder.event_sections``; it makes its headings with ``heading()`` (they enter the
contents and the outline) and its tables with ``table()``.
"""
import bisect
import hashlib
import io
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
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
    BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate,
    Paragraph, Spacer, Table, TableStyle,
)

from dialogues.proceedings.abstracts import book_of_abstracts
from dialogues.proceedings.services import EventProceedings, ProgrammeProceedings
from dialogues.proceedings.teams import team_sections

DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEFAULT_BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
# Long tables of flowable cells go in slices: reportlab re-measures the rest of a table at every page break.
TABLE_SLICE = 40
CELL_SIZE, CELL_LEADING = 8.5, 11
CELL_PADDING = (6, 2, 6, 3)  # left, top, right, bottom, as reportlab's Table with our style
# A row taller than this many lines continues in the next row, so that any row fits on a page.
ROW_LINES = 50
RULE_COLOUR, HEAD_RULE_COLOUR = colors.HexColor("#cccccc"), colors.HexColor("#333333")
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


@dataclass(frozen=True)
class Run:
    """Text of a table cell in one style; runs given together in a tuple share lines."""

    text: str
    bold: bool = False
    strike: bool = False


# A table cell: plain text, or lines each of which is text, a run or a tuple of runs that wrap together.
# Text is drawn as it is, never parsed as markup.
Cell = str | Sequence[str | Run | tuple[Run, ...]]


class _Measure:
    """Word widths in one size of the document's fonts, each measured once."""

    def __init__(self, fonts: "Fonts", size: float):
        self.fonts, self.size = fonts, size
        self._widths: dict[str, dict[str, float]] = {fonts.regular: {}, fonts.bold: {}}

    def width(self, text: str, font: str) -> float:
        cache = self._widths[font]
        found = cache.get(text)
        if found is None:
            found = cache[text] = pdfmetrics.stringWidth(text, font, self.size)
        return found

    def wrap(self, runs: Sequence[Run], room: float) -> list[list[list]]:
        """Lines of ``runs`` within ``room`` points; a line is a list of [x, text, font, strike, width] segments."""
        if len(runs) == 1 and "\n" not in runs[0].text:
            # Most cells are one short line: measured whole, once per distinct text.
            run = runs[0]
            font = self.fonts.bold if run.bold else self.fonts.regular
            text = " ".join(run.text.split())
            w = self.width(text, font)
            if w <= room:
                return [[[0.0, text, font, run.strike, w]]] if text else [[]]
        lines: list[list[list]] = [[]]
        x = 0.0
        for run in runs:
            font = self.fonts.bold if run.bold else self.fonts.regular
            space = self.width(" ", font)
            for number, part in enumerate(run.text.split("\n")):
                if number:
                    lines.append([])
                    x = 0.0
                for word in part.split():
                    w = self.width(word, font)
                    gap = space if x else 0.0
                    if x and x + gap + w > room:
                        lines.append([])
                        x, gap = 0.0, 0.0
                    while w > room and len(word) > 1:
                        # A word wider than the column is cut where it overflows, as reportlab does.
                        cut = max(1, next((n for n in range(1, len(word) + 1)
                                           if self.width(word[:n], font) > room - x), len(word)) - 1)
                        head = word[:cut]
                        self._place(lines[-1], x, head, font, run.strike, self.width(head, font), gap)
                        lines.append([])
                        x, gap = 0.0, 0.0
                        word = word[cut:]
                        w = self.width(word, font)
                    x = self._place(lines[-1], x, word, font, run.strike, w, gap)
        return lines

    @staticmethod
    def _place(line: list, x: float, word: str, font: str, strike: bool, w: float, gap: float) -> float:
        last = line[-1] if line else None
        if last is not None and last[2] == font and last[3] == strike:
            last[1] += " " + word
            last[4] = x + gap + w - last[0]
        else:
            line.append([x + gap, word, font, strike, w])
        return x + gap + w


def _runs(line: str | Run | tuple[Run, ...]) -> tuple[Run, ...]:
    if isinstance(line, str):
        return (Run(line),)
    if isinstance(line, Run):
        return (line,)
    return tuple(line)


class _Stack(Flowable):
    """Rows of known heights, split between pages at row boundaries without measuring anything again.

    ``rows`` is shared by the parts of a split; ``start`` and ``stop`` say which rows a part has,
    and ``tops`` holds each row's offset from the first, so that wrapping and splitting cost a
    bisection, not a pass over the rows.
    """

    def __init__(self, rows: list, tops: list[float], width: float, start: int = 0, stop: int | None = None,
                 head: tuple | None = None, head_height: float = 0.0):
        super().__init__()
        self.rows, self.tops, self.start = rows, tops, start
        self.stop = len(rows) if stop is None else stop
        self.head, self.head_height = head, head_height
        self.width = width
        self.height = head_height + tops[self.stop] - tops[self.start]

    @property
    def weight(self) -> int:
        """How much of the document's work this part is, for progress: its rows."""
        return self.stop - self.start

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def split(self, available_width, available_height):
        room = available_height - self.head_height + self.tops[self.start]
        cut = bisect.bisect_right(self.tops, room, self.start, self.stop + 1) - 1
        if cut <= self.start or cut >= self.stop:
            return []
        return [self._part(self.start, cut), self._part(cut, self.stop)]

    def _part(self, start: int, stop: int) -> "_Stack":
        part = type(self).__new__(type(self))
        # What reportlab notes on a flowable while placing it (``_postponed`` above all) stays with it.
        part.__dict__.update((k, v) for k, v in self.__dict__.items() if k not in ("_postponed", "_frame", "canv"))
        _Stack.__init__(part, self.rows, self.tops, self.width, start, stop, self.head, self.head_height)
        return part


class _Rows(_Stack):
    """A long table of plain text, measured once: the floor of what reportlab needs to lay out and draw it."""

    def __init__(self, measure: _Measure, header: Sequence[str], rows: Sequence[Sequence[Cell]],
                 widths: Sequence[float]):
        left, top, right, bottom = CELL_PADDING
        self.measure, self.widths = measure, list(widths)
        self.xs = list(itertools.accumulate([left, *self.widths[:-1]]))
        self.ascent = pdfmetrics.getAscent(measure.fonts.regular, measure.size)
        rooms = [w - left - right for w in self.widths]
        laid = []
        for row in rows:
            cells = [[line for part in ([cell] if isinstance(cell, str) else cell)
                      for line in measure.wrap(_runs(part), room)]
                     for cell, room in zip(row, rooms)]
            depth = max(map(len, cells), default=1)
            # A row too tall for a page continues in the next row, ruled only below its last part.
            for first in range(0, depth, ROW_LINES):
                last = first + ROW_LINES >= depth
                chunk = [cell[first:first + ROW_LINES] for cell in cells]
                lines = min(ROW_LINES, depth - first)
                laid.append((top + bottom + CELL_LEADING * max(lines, 1), chunk, last))
        head_cells = [measure.wrap((Run(h, bold=True),), room) for h, room in zip(header, rooms)]
        head_height = top + bottom + CELL_LEADING * max(map(len, head_cells), default=1)
        tops = list(itertools.accumulate((height for height, _, _ in laid), initial=0.0))
        super().__init__(laid, tops, sum(self.widths), head=(head_height, head_cells, True), head_height=head_height)
        self.hAlign = "CENTER"  # as reportlab's Table, so columns line up with the tables before

    def draw(self):
        canvas, size = self.canv, self.measure.size
        text = canvas.beginText()
        font = None
        rules, strikes = [], []
        y = self.height
        head_rule = y - self.head_height
        for height, cells, ruled in itertools.chain([self.head], self.rows[self.start:self.stop]):
            baseline_top = y - CELL_PADDING[1] - self.ascent
            for x, lines in zip(self.xs, cells):
                baseline = baseline_top
                for line in lines:
                    for offset, words, line_font, strike, width in line:
                        if line_font != font:
                            text.setFont(line_font, size)
                            font = line_font
                        text.setTextOrigin(x + offset, baseline)
                        text.textOut(words)
                        if strike:
                            strikes.append((x + offset, baseline + size * 0.3, x + offset + width,
                                            baseline + size * 0.3))
                    baseline -= CELL_LEADING
            y -= height
            if ruled:
                rules.append((0, y, self.width, y))
        canvas.drawText(text)
        canvas.setLineWidth(0.25)
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.lines([rule for rule in rules if rule[1] != head_rule])
        if strikes:
            canvas.setStrokeColor(colors.black)
            canvas.setLineWidth(size / 14)
            canvas.lines(strikes)
        canvas.setLineWidth(0.8)
        canvas.setStrokeColor(HEAD_RULE_COLOUR)
        canvas.line(0, head_rule, self.width, head_rule)


class _Heading(Paragraph):
    """A heading that enters the table of contents and the PDF outline; ``page`` is set once it is placed."""

    def __init__(self, text: str, level: int, key: str, style: ParagraphStyle):
        super().__init__(_markup(text), style)
        self.toc_level, self.toc_key, self.toc_text = level, key, text
        self.page: int | None = None


class _Contents(_Stack):
    """The table of contents, one pass: its room is known from the headings, its page numbers come at the end.

    Every heading exists before layout starts, so the contents take the same room whatever
    the page numbers turn out to be; when placed they ask the canvas to write the entries
    once every page is known (see ``_numbered_canvas``).
    """

    PAGE_ROOM = 28  # points kept at the right of each entry for its page number

    def __init__(self, headings: list[_Heading], styles: dict[str, ParagraphStyle], fonts: "Fonts"):
        self.headings, self.styles, self.fonts = headings, styles, fonts
        self.laid = False
        super().__init__([], [0.0], 0.0)

    def wrap(self, available_width, available_height):
        if not self.laid:
            self._lay_out(available_width)
        return self.width, self.height

    def split(self, available_width, available_height):
        if not self.laid:
            self._lay_out(available_width)
        return super().split(available_width, available_height)

    def _lay_out(self, width: float) -> None:
        rows = []
        measures: dict[float, _Measure] = {}
        for heading in self.headings:
            style = self.styles[f"toc{min(heading.toc_level, 2)}"]
            measure = measures.setdefault(style.fontSize, _Measure(self.fonts, style.fontSize))
            bold = style.fontName == self.fonts.bold
            lines = measure.wrap((Run(heading.toc_text, bold=bold),), width - style.leftIndent - self.PAGE_ROOM)
            height = style.spaceBefore + style.leading * len(lines) + style.spaceAfter
            rows.append((height, heading, style, measure, lines))
        self.rows = rows
        self.tops = list(itertools.accumulate((row[0] for row in rows), initial=0.0))
        self.start, self.stop = 0, len(rows)
        self.width, self.height, self.laid = width, self.tops[-1], True

    def drawOn(self, canvas, x, y, _sW=0):
        x = self._hAlignAdjust(x, _sW)
        canvas.defer(lambda c: self._write(c, x, y + self.height))

    def _write(self, canvas: Canvas, x: float, top: float) -> None:
        offset = self.tops[self.start]
        for index in range(self.start, self.stop):
            _, heading, style, measure, lines = self.rows[index]
            baseline = top - (self.tops[index] - offset) - style.spaceBefore - measure.size
            page = str(heading.page or "")
            canvas.setFillColor(colors.black)
            for number, line in enumerate(lines):
                for offset_x, words, font, _strike, _width in line:
                    canvas.setFont(font, measure.size)
                    canvas.drawString(x + style.leftIndent + offset_x, baseline, words)
                if number < len(lines) - 1:
                    baseline -= style.leading
            end = x + style.leftIndent + (line[-1][0] + line[-1][4] if line else 0)
            right = x + self.width
            page_width = measure.width(page, style.fontName)
            dot = measure.width(" . ", style.fontName)
            dots = int((right - page_width - end) / dot) if dot else 0
            canvas.setFont(style.fontName, measure.size)
            canvas.drawRightString(right, baseline, " . " * max(dots, 0) + page)
            if heading.page:
                # Named, because the annotation counter is rewound with each page's saved state,
                # so generated names repeat once a table of contents runs over two pages.
                canvas.linkRect("", heading.toc_key, (right - page_width, baseline, right, baseline + style.leading),
                                relative=0, name=f"toc-link-{heading.toc_key}")


class _Document(BaseDocTemplate):
    def __init__(self, buffer, *, title: str, header: str, fonts: Fonts,
                 progress: Callable[[float], None] | None = None, weight: int = 0):
        super().__init__(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 0.4 * cm,
                         bottomMargin=MARGIN, title=title, author="Dialogues secretariat", creator="Dialogues")
        self.header, self.fonts = header, fonts
        self.progress, self.weight, self.done = progress, max(weight, 1), 0
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
        if self.progress is not None:
            self.done += getattr(flowable, "weight", 1)
            self.progress(min(self.done / self.weight, 1.0))
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        flowable.page = self.page
        self.canv.bookmarkPage(flowable.toc_key)
        self.canv.addOutlineEntry(flowable.toc_text, flowable.toc_key, level=level, closed=level > 0)


def _numbered_canvas(font: str):
    """A canvas class that holds every page until the end, then writes "Page X of Y" and what was deferred."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_page_states = []
            self._deferred: dict[int, list[Callable[[Canvas], None]]] = defaultdict(list)

        def defer(self, write: Callable[[Canvas], None]) -> None:
            """Have ``write(canvas)`` draw on this page once every page has been laid out."""
            self._deferred[self._pageNumber].append(write)

        def showPage(self):
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                for write in self._deferred.get(self._pageNumber, ()):
                    self.saveState()
                    write(self)
                    self.restoreState()
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
        self.cells = _Measure(fonts, CELL_SIZE)
        self.headings: list[_Heading] = []

    def heading(self, text: str, level: int) -> _Heading:
        """A heading at ``level`` (0 chapter, 1 section, 2 part of a section) that enters the contents."""
        heading = _Heading(text, level, f"h{len(self.headings) + 1}", self.styles[f"h{min(level, 2)}"])
        self.headings.append(heading)
        return heading

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(_markup(text), self.styles[style])

    def contents(self) -> list:
        """The table of contents: every heading made with ``heading()``, before or after this call."""
        return [Paragraph("Contents", self.styles["contents"]), _Contents(self.headings, self.styles, self.fonts),
                PageBreak()]

    def table(self, header: list[str], rows: list[list[Cell]], widths: list[float]) -> list:
        """A long table with fixed columns and the header repeated on each page.

        Cells are plain text or runs (see ``Cell``), laid out once; a table with a flowable
        in some cell (a ``Paragraph`` with markup, a drawing) goes the slower way through
        reportlab's ``Table``.
        """
        if not any(isinstance(cell, Flowable) for row in rows for cell in row):
            return [_Rows(self.cells, header, rows, widths)]
        return self._flowable_table(header, rows, widths)

    def _flowable_table(self, header: list[str], rows: list[list], widths: list[float]) -> list:
        """Reportlab's ``Table`` in slices with fixed columns, so that they line up as one."""
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
        for day in event.agenda:
            rows = []
            for item in day.items:
                when = f"{item.starts:%H:%M}–{item.ends:%H:%M}"
                title = ((Run(item.title, bold=True, strike=True), Run("(cancelled)")) if item.cancelled
                         else Run(item.title, bold=True))
                session = [title, item.kind]
                if item.people:
                    session.append(", ".join(item.people))
                where = ", ".join(part for part in (item.location, item.track) if part)
                rows.append([when, session, where])
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
        for group in event.participants:
            rows = [[p.name, p.organisation, p.country] for p in group.people]
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
        rows = []
        for c in event.commitments:
            by = c.owner + (f", {c.organisation}" if c.organisation else "")
            status = c.status + (f" ({c.share_done}% done)" if c.share_done is not None else "")
            rows.append([c.title, by, c.due_on.isoformat(), status])
        return story + self.table(["Commitment", "Made by", "Due", "Status"], rows,
                                  [6 * cm, 4.5 * cm, 2.3 * cm, 4.2 * cm])

    def teams(self, event: EventProceedings, level: int) -> list:
        """An international learning event's country teams (nothing for other events)."""
        return team_sections(self, event.teams, level)

    def abstracts(self, event: EventProceedings, level: int) -> list:
        """A conference edition's book of abstracts (nothing for other events)."""
        return book_of_abstracts(self, event, level)

    def event_sections(self, event: EventProceedings, level: int) -> list:
        """Each section of one event, in print order: a new section is one more method in this list."""
        story = []
        for section in (self.summary, self.agenda, self.outcomes, self.participants, self.commitments, self.teams,
                        self.abstracts):
            story += section(event, level)
        return story

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


Progress = Callable[[float], None]


def _build(story: list, *, title: str, header: str, fonts: Fonts, progress: Progress | None = None) -> bytes:
    """Lay the story out once (the contents need no second pass) and return the document."""
    buffer = io.BytesIO()
    weight = sum(getattr(flowable, "weight", 1) for flowable in story)
    doc = _Document(buffer, title=title, header=header, fonts=fonts, progress=progress, weight=weight)
    doc.build(story, canvasmaker=_numbered_canvas(fonts.regular))
    return buffer.getvalue()


def event_pdf(event: EventProceedings, fonts: Fonts, progress: Progress | None = None) -> bytes:
    """The proceedings of one event: cover, contents, summary, agenda, outcomes, participants, commitments."""
    builder = _Builder(fonts)
    story = builder.cover("Proceedings", event.title, [
        event.programme, event.kind, _dates(event.starts_on, event.ends_on), event.venue,
        "Secretariat copy: lists every participant" if event.all_participants else "",
    ])
    story += builder.contents()
    story += builder.event_sections(event, level=0)
    title = f"Proceedings: {event.title}"
    return _build(story, title=title, header=title, fonts=fonts, progress=progress)


def programme_pdf(programme: ProgrammeProceedings, fonts: Fonts, progress: Progress | None = None) -> bytes:
    """A compilation: the programme's cover and contents, then each event as a chapter.

    ``progress(share)``, if given, hears how much of the layout is done, from 0 to 1.
    """
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
    return _build(story, title=title, header=title, fonts=fonts, progress=progress)
