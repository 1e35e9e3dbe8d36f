"""The dossier ledger for a period (TT 01/2018/TT-VPCP form 06; TT 03/2025/TT-VPCP form 07): A4 landscape, the
header row on every page, page numbers at the top centre from the second page. A period that straddles the change of
form set is printed in parts, each under its own form number; a dossier given a new appointment shows the
appointment of its receipt slip and, under it, the new one.

Columns (docs/DOMAIN.md §2): no. | dossier code | procedure | number of sets | person/organisation | address, phone |
competent authority | dates: received, appointment, sent to the handling office, result received back, returned
to the citizen | notes.

A ledger may hold tens of thousands of rows. reportlab's Table re-measures every remaining row each time it splits
at a page end, which makes a long ledger quadratic; here each cell is wrapped once, row heights are summed once,
each page takes the rows that fit (found by bisection on the running sum) and is drawn straight on the canvas:
the work grows with the number of rows.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, PageBreak, Spacer

from isodesk.i18n.dates import short_date
from isodesk.reports.fonts import official_font
from isodesk.reports.official import Issuer, Page, build_pdf, heading, para

Progress = Callable[[int, int], None]

SIZE = 8.5
LEADING = SIZE * 1.2
PAD = 3.0  # cell padding, points
HEADER_SIZE = 8.5
FRACTIONS = (0.035, 0.1, 0.14, 0.03, 0.085, 0.085, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.06)
CENTRED = (0, 3)


@dataclass(frozen=True)
class LedgerRow:
    number: int
    code: str
    procedure: str
    sets: int
    applicant: str
    contact: str
    authority: str
    received: datetime
    due: datetime | None  # the appointment on the receipt slip
    handed_over: datetime | None
    result_back: datetime | None
    returned: datetime | None
    note: str
    new_due: datetime | None = None  # the appointment given with an apology, if any


@dataclass(frozen=True)
class LedgerPart:
    """The dossiers of a period received under one form set, printed under that set's form."""

    rows: list[LedgerRow]
    template: Mapping[str, Any]
    start: date
    end: date
    basis: str = ""  # "Thông tư 01/2018/TT-VPCP"


def _when(moment: datetime | None) -> list[str]:
    if moment is None:
        return []
    return [f"{moment.day:02d}/{moment.month:02d}/{moment.year}", f"{moment.hour:02d}:{moment.minute:02d}"]


NEW_DUE = "Hẹn lại:"
NO_DOSSIER = "Không có hồ sơ tiếp nhận trong thời gian này."


def _due(row: LedgerRow) -> list[str]:
    """The slip's appointment, then the new one after an apology (both are the ledger's to show)."""
    return _when(row.due) + ([NEW_DUE, *_when(row.new_due)] if row.new_due else [])


class _Text(PDFTextObject):  # type: ignore[misc]
    """A text object that encodes each distinct line once per document.

    A ledger repeats the same dates, times, procedure names and authority thousands of times; reportlab encodes
    every string again for its font subset (most of the drawing time). The encoded operators only depend on the
    font, its size, the subset in use before and the text, so they are kept under that key for the document.
    """

    _curSubset: int

    def __init__(self, canvas: Any, cache: dict[tuple[str, float, int, str], tuple[str, int]]) -> None:
        super().__init__(canvas)
        self._cache = cache

    def show(self, text: str) -> None:
        key = (self._fontname, self._fontsize, self._curSubset, text)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = (self._formatText(text), self._curSubset)
        self._code.append(hit[0])
        self._curSubset = hit[1]


class _Grid:
    """Every cell wrapped into lines once, with row heights and their running sum."""

    def __init__(self, rows: Sequence[LedgerRow], header: Sequence[str], width: float, progress: Progress | None):
        font = official_font()
        self.font, self.bold = font.name(), font.name("bold")
        self.widths = [width * f / sum(FRACTIONS) for f in FRACTIONS]
        self.xs = list(accumulate(self.widths, initial=0.0))
        self.width = width
        self.header = [
            simpleSplit(_nfc(h), self.bold, HEADER_SIZE, w - 2 * PAD) for h, w in zip(header, self.widths, strict=True)
        ]
        self.header_height = max(len(c) for c in self.header) * HEADER_SIZE * 1.2 + 2 * PAD
        cache: dict[tuple[str, int], list[str]] = {}  # procedure names, authorities, names repeat a lot

        def wrap(text: str, column: int) -> list[str]:
            key = (text, column)
            lines = cache.get(key)
            if lines is None:
                lines = simpleSplit(_nfc(text), self.font, SIZE, self.widths[column] - 2 * PAD)
                cache[key] = lines
            return lines

        code_width = self.widths[1] - 2 * PAD

        def code_lines(code: str) -> list[str]:
            head, sep, tail = code.partition("-")
            if sep and stringWidth(code, self.font, SIZE) > code_width:
                return [head + sep, tail]
            return [code]

        self.cells: list[list[list[str]]] = []
        heights: list[float] = []
        total = len(rows)
        for i, r in enumerate(rows):
            cells = [
                [str(r.number)],
                code_lines(r.code),
                wrap(r.procedure, 2),
                [str(r.sets)],
                wrap(r.applicant, 4),
                wrap(r.contact, 5),
                wrap(r.authority, 6),
                _when(r.received),
                _due(r),
                _when(r.handed_over),
                _when(r.result_back),
                _when(r.returned),
                wrap(r.note, 12),
            ]
            self.cells.append(cells)
            heights.append(max(len(c) for c in cells) * LEADING + 2 * PAD)
            if progress is not None and i % 1000 == 999:
                progress(i + 1, 2 * total)
        self.heights = heights
        self.tops = list(accumulate(heights, initial=0.0))  # tops[i]: height of rows before row i
        self.encoded: dict[tuple[str, float, int, str], tuple[str, int]] = {}  # see _Text

    def fitting(self, start: int, height: float) -> int:
        """The end of the run of rows from ``start`` that fits under the header in ``height``."""
        room = height - self.header_height
        return bisect.bisect_right(self.tops, self.tops[start] + room + 0.01, lo=start) - 1


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class LedgerRows(Flowable):  # type: ignore[misc]
    """Rows ``start``..``end`` of the ledger with the header row above them; splits at page ends."""

    def __init__(self, grid: _Grid, start: int, end: int, progress: Progress | None = None) -> None:
        super().__init__()
        self.grid, self.start, self.end, self.progress = grid, start, end, progress

    def _height(self, end: int) -> float:
        return self.grid.header_height + self.grid.tops[end] - self.grid.tops[self.start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.grid.width, self._height(self.end)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        end = min(self.grid.fitting(self.start, avail_height), self.end)
        if end <= self.start:
            return []  # not even one row: the frame moves on to the next page
        return [
            LedgerRows(self.grid, self.start, end, self.progress),
            LedgerRows(self.grid, end, self.end, self.progress),
        ]

    def draw(self) -> None:
        g, canvas = self.grid, self.canv
        height = self._height(self.end)
        top = height
        canvas.saveState()
        canvas.setFillGray(0.93)
        canvas.rect(0, top - g.header_height, g.width, g.header_height, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setFont(g.bold, HEADER_SIZE)
        for lines, x, w in zip(g.header, g.xs[:-1], g.widths, strict=True):
            y = top - PAD - HEADER_SIZE
            for line in lines:
                canvas.drawCentredString(x + w / 2, y, line)
                y -= HEADER_SIZE * 1.2
        text = _Text(canvas, g.encoded)
        text.setFont(g.font, SIZE)
        y_top = top - g.header_height
        rules = [(0.0, top, g.width, top), (0.0, y_top, g.width, y_top)]
        for i in range(self.start, self.end):
            cells = g.cells[i]
            for column, lines in enumerate(cells):
                if not lines:
                    continue
                x, w = g.xs[column], g.widths[column]
                y = y_top - PAD - SIZE
                for line in lines:
                    if column in CENTRED:
                        text.setTextOrigin(x + (w - stringWidth(line, g.font, SIZE)) / 2, y)
                    else:
                        text.setTextOrigin(x + PAD, y)
                    text.show(line)
                    y -= LEADING
            y_top -= g.heights[i]
            rules.append((0.0, y_top, g.width, y_top))
        canvas.drawText(text)
        rules += [(x, top, x, y_top) for x in g.xs]
        canvas.setLineWidth(0.4)
        canvas.lines(rules)
        canvas.restoreState()
        if self.progress is not None:
            total = len(g.cells)
            self.progress(total + self.end, 2 * total)


def _scaled(progress: Progress | None, offset: int, count: int, total: int) -> Progress | None:
    """A part's progress (its rows prepared, then drawn) as the whole ledger's."""
    if progress is None:
        return None

    def report(done: int, _part_total: int) -> None:
        progress(offset + done if done <= count else total + offset + done - count, 2 * total)

    return report


def render_ledger(
    parts: Sequence[LedgerPart],
    issuer: Issuer,
    printed: date,
    progress: Progress | None = None,
) -> bytes:
    """The ledger in ``parts`` (one per form set the period covers); ``progress(done, total)`` is called as rows
    are prepared and drawn."""
    page = Page(size="A4", landscape=True, top=15 * mm, bottom=15 * mm, left=15 * mm, right=12 * mm)
    width = page.frame_width
    total = sum(len(p.rows) for p in parts)
    story: list[Flowable] = [heading(issuer, None, printed, width, size=11), Spacer(1, 3 * mm)]
    offset = 0
    for n, part in enumerate(parts):
        scaled = _scaled(progress, offset, len(part.rows), total)
        grid = _Grid(part.rows, part.template["header"], width, scaled)
        number = f"{part.template['number']} ({part.basis})" if part.basis else part.template["number"]
        if n:
            story.append(PageBreak())
        story += [
            para(part.template["title"], 14, bold=True, align=TA_CENTER),
            para(f"Từ ngày {short_date(part.start)} đến ngày {short_date(part.end)}", 11, italic=True, align=TA_CENTER),
            para(number, 9, italic=True, align=TA_RIGHT),
            Spacer(1, 2 * mm),
            LedgerRows(grid, 0, len(part.rows), scaled),
        ]
        if not part.rows:
            story.append(para(NO_DOSSIER, 10, italic=True, align=TA_CENTER))
        offset += len(part.rows)
    first, last = parts[0], parts[-1]
    name = f"{first.template['title']} {short_date(first.start)}-{short_date(last.end)}"
    return build_pdf(story, page, title=name, page_numbers=True)
