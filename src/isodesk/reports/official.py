"""The official look of administrative papers (NĐ 30/2020/NĐ-CP, Phụ lục I).

- Paper A4 (slips may be A5); margins top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm (mục I.2).
- Top right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" 12–13 pt bold capitals, under it "Độc lập - Tự do - Hạnh phúc"
  13–14 pt bold, with a full rule under it as long as the line (mục II.1).
- Top left: the issuing body in bold capitals, a short rule under it (1/3 to 1/2 of the line), and "Số: …" (II.2, II.3).
- Place and date in italics under the motto: "Mỹ Tho, ngày 05 tháng 02 năm 2026" (II.5).
- Signature block: the title in bold capitals, then the signer's name in bold (II.7); "Nơi nhận:" bold italic 12 pt,
  its list 11 pt (II.9).
Every text is NFC before drawing: reportlab places combining accents badly.
"""

from __future__ import annotations

import io
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from isodesk.reports.fonts import official_font

MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PAPER = {"A4": A4, "A5": A5}


@dataclass(frozen=True)
class Issuer:
    """Who issues the paper: e.g. parent "UBND TỈNH ĐỒNG THÁP" (optional) and body "UBND PHƯỜNG MỸ THO"."""

    body: str
    place: str
    parent: str = ""


def t(text: str) -> str:
    """NFC and XML-escape ``text`` for a Paragraph."""
    return escape(unicodedata.normalize("NFC", text))


def style(
    size: float = 13,
    *,
    bold: bool = False,
    italic: bool = False,
    align: int = TA_LEFT,
    leading: float = 0,
    space_after: float = 0,
) -> ParagraphStyle:
    font = official_font()
    name = font.name("bolditalic" if bold and italic else "bold" if bold else "italic" if italic else "regular")
    return ParagraphStyle(
        name=f"s{size}{bold}{italic}{align}",
        fontName=name,
        fontSize=size,
        leading=leading or size * 1.25,
        alignment=align,
        spaceAfter=space_after,
    )


def para(text: str, size: float = 13, **kw: object) -> Paragraph:
    return Paragraph(t(text), style(size, **kw))  # type: ignore[arg-type]


class CenteredRule(Flowable):  # type: ignore[misc]
    """A horizontal rule of a given length, centred in the space it is given (table cells included)."""

    def __init__(self, length: float, thickness: float = 0.6, space_after: float = 3) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space_after = space_after
        self._avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.thickness + self.space_after

    def draw(self) -> None:
        x0 = (self._avail - self.length) / 2
        y = self.space_after
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.length, y)


def _rule(text: str, size: float, bold: bool, fraction: float) -> CenteredRule:
    font = official_font()
    width = stringWidth(unicodedata.normalize("NFC", text), font.name("bold" if bold else "regular"), size)
    return CenteredRule(width * fraction)


def heading(issuer: Issuer, number: str | None, day: date | None, width: float, *, size: float = 12.5) -> Table:
    """The two-column heading block, with the place-and-date line under the motto when ``day`` is given."""
    left: list[Flowable] = []
    if issuer.parent:
        left.append(para(issuer.parent.upper(), size, align=TA_CENTER))
    left.append(para(issuer.body.upper(), size, bold=True, align=TA_CENTER))
    left.append(_rule(issuer.body.upper(), size, True, 0.4))
    if number is not None:
        left.append(para(f"Số: {number}", size, align=TA_CENTER))
    right: list[Flowable] = [
        para(MOTTO_COUNTRY, size, bold=True, align=TA_CENTER),
        para(MOTTO, size + 1, bold=True, align=TA_CENTER),
        _rule(MOTTO, size + 1, True, 1.0),
    ]
    if day is not None:
        right.append(
            para(
                f"{issuer.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
                size,
                italic=True,
                align=TA_CENTER,
            )
        )
    table = Table([[left, right]], colWidths=[width * 0.4, width * 0.6])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def signatures(blocks: Sequence[tuple[str, str, str]], width: float, size: float = 13, gap_lines: int = 3) -> Table:
    """Side-by-side signature blocks: (title, note such as "(Ký, ghi rõ họ tên)", signer's name)."""
    cells = []
    for title, note, name in blocks:
        cell: list[Flowable] = [para(title.upper(), size, bold=True, align=TA_CENTER)]
        if note:
            cell.append(para(note, size - 1, italic=True, align=TA_CENTER))
        cell.append(Paragraph("<br/>" * gap_lines, style(size)))
        cell.append(para(name, size, bold=True, align=TA_CENTER))
        cells.append(cell)
    table = Table([cells], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def recipients(items: Sequence[str]) -> list[Flowable]:
    out: list[Flowable] = [para("Nơi nhận:", 12, bold=True, italic=True)]
    out += [para(f"- {item};" if i < len(items) - 1 else f"- {item}.", 11) for i, item in enumerate(items)]
    return out


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


def build_pdf(story: list[Flowable], page: Page, *, title: str, page_numbers: bool = False) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=page.pagesize,
        topMargin=page.top,
        bottomMargin=page.bottom,
        leftMargin=page.left,
        rightMargin=page.right,
        title=unicodedata.normalize("NFC", title),
        author="isodesk",
        creator="isodesk",
    )

    def _number(canvas: Any, document: SimpleDocTemplate) -> None:
        canvas.setFont(official_font().name(), 10)
        canvas.drawRightString(
            page.pagesize[0] - page.right,
            page.bottom / 2,
            f"Trang {document.page}",
        )

    if page_numbers:
        doc.build(story, onFirstPage=_number, onLaterPages=_number)
    else:
        doc.build(story)
    return buf.getvalue()


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
