"""The official look of administrative papers (NĐ 30/2020/NĐ-CP, Phụ lục I), shared by every printed paper.

- Paper A4 (slips may be A5); margins top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm (mục I.2).
- Top right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" 12–13 pt bold capitals, under it "Độc lập - Tự do - Hạnh phúc"
  13–14 pt bold, with a full rule under it as long as the line (mục II.1).
- Top left: the issuing body in bold capitals, a short rule under it (1/3 to 1/2 of the line), and "Số: …" (II.2,
  II.3). A People's Committee's own paper has no parent line ("ỦY BAN NHÂN DÂN" over "PHƯỜNG MỸ THO"); a body
  under it puts the committee above in regular capitals ("UBND PHƯỜNG MỸ THO" over "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH
  CÔNG"). A unit's name never breaks across lines: a name too long for its column is set smaller.
- Place and date in italics under the motto: "Mỹ Tho, ngày 05 tháng 02 năm 2026" (II.5).
- The subject line ("trích yếu") in bold lower case with a short rule under it (II.6).
- Page numbers at the top centre, from the second page on (I.5).
- Signature block: the title in bold capitals, then the signer's name in bold (II.7); "Nơi nhận:" bold italic 12 pt,
  its list 11 pt (II.9), at the left of the signature block.
Every text is NFC before drawing: reportlab places combining accents badly.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from isodesk.i18n.dates import official_date
from isodesk.reports.fonts import official_font, seed_subsets
from isodesk.reports.text import Heading, Text

MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PAPER = {"A4": A4, "A5": A5}
#: What a paper prints where a value is not known, to be filled in by hand.
BLANK = "…………………"


@dataclass(frozen=True)
class Issuer:
    """Who issues the paper: the body's name, one line per ``\\n`` ("Ủy ban nhân dân\\nPhường Mỹ Tho"), and for a
    body under a committee the committee above it (parent "UBND phường Mỹ Tho", body "Trung tâm Phục vụ hành chính
    công"). Printed in capitals (NĐ 30/2020, Phụ lục I, mục II.3)."""

    body: str
    place: str
    parent: str = ""


@dataclass(frozen=True)
class Signer:
    """A signature block: the title lines ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"), a note such as "(Ký tên, đóng
    dấu)", and the signer's name (empty when the paper is signed by whoever is on duty)."""

    title: str
    name: str = ""
    note: str = ""


def t(text: str) -> str:
    """NFC and XML-escape ``text`` for a Paragraph."""
    return escape(unicodedata.normalize("NFC", text))


def or_blank(value: str) -> str:
    return value.strip() or BLANK


@lru_cache(maxsize=256)
def style(
    size: float = 13,
    *,
    bold: bool = False,
    italic: bool = False,
    align: int = TA_LEFT,
    leading: float = 0,
    space_after: float = 0,
    indent: float = 0,
) -> ParagraphStyle:
    """A paragraph style of the official font; shared (never modified), so building a paper makes none."""
    font = official_font()
    name = font.name("bolditalic" if bold and italic else "bold" if bold else "italic" if italic else "regular")
    return ParagraphStyle(
        name=f"s{size}{bold}{italic}{align}{indent}",
        fontName=name,
        fontSize=size,
        leading=leading or size * 1.25,
        alignment=align,
        spaceAfter=space_after,
        firstLineIndent=indent,
    )


def para(
    text: str,
    size: float = 13,
    *,
    bold: bool = False,
    italic: bool = False,
    align: int = TA_LEFT,
    leading: float = 0,
    space_after: float = 0,
    indent: float = 0,
) -> Flowable:
    """A line (or lines) of plain text; justified or indented text is a Paragraph."""
    if align == TA_JUSTIFY or indent:
        return Paragraph(
            t(text),
            style(size, bold=bold, italic=italic, align=align, leading=leading, space_after=space_after, indent=indent),
        )
    font = official_font().name(
        "bolditalic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    )
    return Text(text, font, size, leading=leading, align=align, space_after=space_after)


def body(text: str, size: float = 13, *, indent: float = 10 * mm, space_after: float = 3) -> Paragraph:
    """A paragraph of a letter: justified, first line indented (NĐ 30/2020, Phụ lục I, mục II.8)."""
    return Paragraph(t(text), style(size, align=TA_JUSTIFY, indent=indent, space_after=space_after))


class CenteredRule(Flowable):  # type: ignore[misc]
    """A horizontal rule of a given length, centred in the space it is given (table cells included).

    NĐ 30/2020 puts the rule *under* the line above it: ``space_before`` keeps it clear of the descenders
    (p, g, the dot under ạ), which reach below the paragraph's own box in Times New Roman.
    """

    def __init__(
        self, length: float, thickness: float = 0.6, space_after: float = 3, space_before: float = 2.5
    ) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space_after = space_after
        self.space_before = space_before
        self._avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.space_before + self.thickness + self.space_after

    def draw(self) -> None:
        length = min(self.length, self._avail)
        x0 = (self._avail - length) / 2
        y = self.space_after
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + length, y)


def _line_width(text: str, size: float, bold: bool, width: float) -> float:
    """Width of the longest line ``text`` takes in a column ``width`` wide."""
    font = official_font().name("bold" if bold else "regular")
    lines = simpleSplit(unicodedata.normalize("NFC", text), font, size, width)
    return max((stringWidth(line, font, size) for line in lines), default=0.0)


def _fitted(lines: Sequence[str], font: str, size: float, width: float) -> float:
    """The largest size up to ``size`` at which every line of ``lines`` fits ``width`` unbroken."""
    widest = max((stringWidth(line, font, size) for line in lines), default=0.0)
    return size if widest <= width else size * width / widest


def heading(
    issuer: Issuer, number: str | None, day: date | None, width: float, *, size: float = 12.5, left: float = 0.4
) -> Table:
    """The two-column heading block, with the place-and-date line under the motto when ``day`` is given.

    Each line of the issuer's name stays whole (NĐ 30/2020 names a unit in full): the left column takes what the
    motto leaves when the name needs it, and a name still too long is set smaller rather than broken.
    """
    bold, regular = official_font().name("bold"), official_font().name()
    # The motto lines must not wrap: on a narrow (A5) column the type is made smaller instead.
    country = min(size, size * (width * (1 - left) - 2) / stringWidth(MOTTO_COUNTRY, bold, size))
    motto_width = stringWidth(MOTTO_COUNTRY, bold, country) + 4
    names = [unicodedata.normalize("NFC", line.strip()).upper() for line in issuer.body.split("\n") if line.strip()]
    parent = unicodedata.normalize("NFC", issuer.parent.strip()).upper()
    needed = max(
        (stringWidth(n, bold, size) for n in names),
        default=0.0,
    )
    if parent:
        needed = max(needed, stringWidth(parent, regular, size))
    left_width = max(width * left, min(needed + 4, width - motto_width))
    right_width = width - left_width
    name_size = _fitted(names, bold, size, left_width - 2)
    cells: list[Flowable] = []
    if parent:
        cells.append(para(parent, min(size, _fitted([parent], regular, size, left_width - 2)), align=TA_CENTER))
    cells += [para(name, name_size, bold=True, align=TA_CENTER) for name in names]
    last = names[-1] if names else ""
    cells.append(CenteredRule(stringWidth(last, bold, name_size) * 0.4, space_before=4))
    if number is not None:
        cells.append(para(f"Số: {number}", size, align=TA_CENTER))
    right: list[Flowable] = [
        para(MOTTO_COUNTRY, country, bold=True, align=TA_CENTER),
        para(MOTTO, country + 1, bold=True, align=TA_CENTER),
        CenteredRule(_line_width(MOTTO, country + 1, True, right_width)),
    ]
    if day is not None:
        right.append(para(official_date(day, issuer.place), size, italic=True, align=TA_CENTER))
    table = Table([[cells, right]], colWidths=[left_width, right_width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), official_font().name(), 10),  # reportlab selects Helvetica otherwise
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def title(text: str, size: float = 14, *, subtitle: str = "", space: float = 4 * mm) -> list[Flowable]:
    """The paper's name in bold capitals, centred, with an optional subject line under it ("Về việc …", "Kết quả
    …"): bold, in lower case, with a rule a third to a half of its length under it (NĐ 30/2020, Phụ lục I, mục
    II.6)."""
    out: list[Flowable] = [Spacer(1, space)]
    out += [para(line, size, bold=True, align=TA_CENTER) for line in text.split("\n")]
    if subtitle:
        out.append(para(subtitle, size - 1, bold=True, align=TA_CENTER))
        out.append(CenteredRule(_line_width(subtitle, size - 1, True, 160 * mm) * 0.4, space_before=3))
    out.append(Spacer(1, space * 0.75))
    return out


def keep_with_next(flowable: Flowable) -> Flowable:
    """``flowable`` (a heading) never ends a page: it moves to the next page with what follows (NĐ 30/2020)."""
    flowable.keepWithNext = True
    return flowable


def section_heading(text: str, size: float = 13, *, space_after: float = 0, align: int = TA_LEFT) -> Flowable:
    """A bold heading line of a paper ("1. MỤC ĐÍCH", "I. KẾT QUẢ THEO THÁNG") that never ends a page: it starts the
    next page unless three lines of what follows fit under it."""
    bold = official_font().name("bold")
    return Heading(text, bold, size, room=3 * size * 1.25 + 6, space_after=space_after, align=align)


def signature_cell(signer: Signer, size: float = 13, gap_lines: int = 3) -> list[Flowable]:
    cell: list[Flowable] = [para(line.upper(), size, bold=True, align=TA_CENTER) for line in signer.title.split("\n")]
    if signer.note:
        cell.append(para(signer.note, size - 1, italic=True, align=TA_CENTER))
    cell.append(Spacer(1, size * 1.25 * gap_lines))
    cell.append(para(signer.name or " ", size, bold=True, align=TA_CENTER))
    return cell


def signatures(blocks: Sequence[tuple[str, str, str]], width: float, size: float = 13, gap_lines: int = 3) -> Table:
    """Side-by-side signature blocks: (title, note such as "(Ký, ghi rõ họ tên)", signer's name)."""
    cells = [signature_cell(Signer(title_, name, note), size, gap_lines) for title_, note, name in blocks]
    table = Table([cells], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), official_font().name(), 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def recipients(items: Sequence[str]) -> list[Flowable]:
    out: list[Flowable] = [para("Nơi nhận:", 12, bold=True, italic=True)]
    out += [para(f"- {item};" if i < len(items) - 1 else f"- {item}.", 11) for i, item in enumerate(items)]
    return out


def closing(
    signer: Signer, width: float, *, to: Sequence[str] = (), size: float = 13, keep: Sequence[Flowable] = ()
) -> Flowable:
    """ "Nơi nhận" at the left and the signature block at the right, kept on the same page as ``keep`` (the
    paper's last lines), so a signature is never alone at the top of a page."""
    table = Table(
        [[recipients(to) if to else "", signature_cell(signer, size)]],
        colWidths=[width * 0.45, width * 0.55],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), official_font().name(), 10),  # reportlab selects Helvetica otherwise
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([*keep, Spacer(1, 3 * mm), table])


def field_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    size: float = 12,
    header_rows: int = 1,
    centre: Sequence[int] = (0,),
) -> Table:
    """A ruled table of a paper: header rows bold and centred, text cells wrapped (the columns ``centre`` centred),
    the header repeated after a page break."""
    font = official_font()

    def cell(text: Any, row: int, column: int) -> Any:
        if not isinstance(text, str):
            return text
        head = row < header_rows
        align = TA_CENTER if head or column in centre else TA_LEFT
        return para(text, size, bold=head, align=align)

    data = [[cell(text, i, j) for j, text in enumerate(row)] for i, row in enumerate(rows)]
    table = Table(data, colWidths=list(widths), repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font.name(), size),
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class Page:
    size: str = "A4"
    landscape: bool = False
    top: float = 20 * mm
    bottom: float = 20 * mm
    left: float = 30 * mm
    right: float = 15 * mm

    @property
    def pagesize(self) -> tuple[float, float]:
        w, h = PAPER[self.size]
        return (h, w) if self.landscape else (w, h)

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.pagesize[1] - self.top - self.bottom


#: Draws what every page carries (running header, page number): (canvas, page number, page count or 0).
Decoration = Callable[[Canvas, int, int], None]


def page_numbers_top(page: Page, *, size: float = 13) -> Decoration:
    """The page number in Arabic figures, upright, centred in the top margin, not on the first page (NĐ 30/2020,
    Phụ lục I, mục I.5)."""

    def draw(canvas: Canvas, number: int, total: int) -> None:
        if number < 2:
            return
        canvas.setFont(official_font().name(), size)
        x = page.left + page.frame_width / 2
        canvas.drawCentredString(x, page.pagesize[1] - page.top / 2 - size / 3, str(number))

    return draw


def _counting_canvas(decorate: Decoration) -> type[Canvas]:
    """A canvas that draws the decorations once the page count is known ("Trang 2/5")."""

    class CountingCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return CountingCanvas


def template_id(page: Page) -> str:
    """The page template a story switches to (``NextPageTemplate(template_id(page))``) in a mixed-paper build."""
    return f"{page.size}{'L' if page.landscape else 'P'}"


def build_pdf(
    story: list[Flowable],
    page: Page,
    *,
    title: str,
    page_numbers: bool = False,
    decorate: Decoration | None = None,
    needs_total: bool = False,
    other_pages: Sequence[Page] = (),
) -> bytes:
    """Lay out ``story`` on ``page`` (frame exactly inside the NĐ 30 margins) and return the PDF.

    ``decorate`` draws on every page; with ``needs_total`` it is called once the page count is known.
    ``other_pages`` are further papers the story may switch to (a batch of slips printed from two form sets).
    """
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=page.pagesize,
        topMargin=page.top,
        bottomMargin=page.bottom,
        leftMargin=page.left,
        rightMargin=page.right,
        title=unicodedata.normalize("NFC", title),
        author="isodesk",
        creator="isodesk",
        initialFontName=official_font().name(),  # so no unembedded Helvetica is listed in the file
    )
    draw = decorate or (page_numbers_top(page) if page_numbers else None)

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        if document.page == 1:
            seed_subsets(canvas._doc)
        if draw is not None and not needs_total:
            draw(canvas, document.page, 0)

    templates = []
    for paper in dict.fromkeys([page, *other_pages]):
        frame = Frame(
            paper.left,
            paper.bottom,
            paper.frame_width,
            paper.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates.append(PageTemplate(id=template_id(paper), frames=[frame], onPage=on_page, pagesize=paper.pagesize))
    doc.addPageTemplates(templates)
    if draw is not None and needs_total:
        doc.build(story, canvasmaker=_counting_canvas(draw))
    else:
        doc.build(story)
    return buf.getvalue()


_PAGE_OBJECT = re.compile(rb"/Type /Page[^s]")


def page_count(data: bytes) -> int:
    """Pages of a PDF this module wrote (reportlab writes its object dictionaries uncompressed)."""
    return len(_PAGE_OBJECT.findall(data))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that no partial file is ever left under that name."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".isodesk-", suffix=".pdf.partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
