"""Form 01, the receipt and appointment slip (TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP), one page per copy.

Fields follow docs/DOMAIN.md §2: dossier code with its QR code, copy, applicant, address, phone, email, procedure; the
dossier components; number of sets; processing time by law; time received; time of return; where the result is
collected; fees; the ledger book and number; signatures of the applicant and the receiving officer.

A slip is printed many times a day, often in batches: the parts of a copy that do not change between its copies
(everything but the copy line) are laid out once (:class:`isodesk.reports.reuse.Reused`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from isodesk.reports.fonts import official_font
from isodesk.reports.official import build_pdf, heading, para, signatures, style, t, template_id
from isodesk.reports.papers import DossierData, PaperOffice, copy_label, fill, form_page, values
from isodesk.reports.qr import QrCode
from isodesk.reports.reuse import Reused


@dataclass(frozen=True)
class ReceiptSlip:
    dossier: DossierData
    components: Sequence[str]
    sets: int
    processing_time: str  # "03 ngày làm việc"
    fee: str  # worded, "" when not known
    officer: str


def _size(template: Mapping[str, Any]) -> float:
    return 10 if template.get("paper", "A5") == "A5" else 12


def _top(slip: ReceiptSlip, office: PaperOffice, template: Mapping[str, Any], width: float) -> Reused:
    size = _size(template)
    number = fill(template.get("number_format", "{code}"), values(slip.dossier))
    return Reused(
        [
            heading(office.issuer_for(template), number, slip.dossier.received.date(), width, size=size - 1.5),
            Spacer(1, 2 * mm),
        ]
    )


def _title(slip: ReceiptSlip, template: Mapping[str, Any], copy: str, width: float) -> Table:
    size = _size(template)
    qr = 20 * mm
    cell = [
        para(template["title"], size + 1, bold=True, align=TA_CENTER),
        para(f"Mã hồ sơ: {slip.dossier.code}", size, bold=True, align=TA_CENTER),
    ]
    if copy:
        cell.append(copy_label(copy, size))
    table = Table([[cell, QrCode(slip.dossier.code, qr)]], colWidths=[width - qr - 2 * mm, qr + 2 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), official_font().name(), 10),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _rest(slip: ReceiptSlip, office: PaperOffice, template: Mapping[str, Any], width: float) -> Reused:
    size = _size(template)
    data = values(
        slip.dossier,
        **office.words(),
        officer=slip.officer,
        sets=f"{slip.sets:02d}",
        processing_time=slip.processing_time,
        fee=slip.fee,
        return_place=template["return_place"],
    )
    story: list[Flowable] = [Spacer(1, 2 * mm)]
    story += [para(fill(line, data), size) for line in template["lines_before"]]
    rows: list[list[Any]] = [list(template["components_header"])]
    rows += [[str(i), Paragraph(t(name), style(size - 1)), "", ""] for i, name in enumerate(slip.components, 1)]
    if len(rows) == 1:
        rows.append(["1", "", "", ""])
    font = official_font()
    table = Table(rows, colWidths=[8 * mm, width - 44 * mm, 18 * mm, 18 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), font.name("bold"), size - 1),
                ("FONT", (0, 1), (-1, -1), font.name(), size - 1),
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ]
        )
    )
    story.append(table)
    story += [para(fill(line, data), size) for line in template["lines_after"]]
    story.append(Spacer(1, 2 * mm))
    story.append(
        signatures(
            [
                (template["applicant_title"], template["signature_note"], slip.dossier.applicant),
                (template["officer_title"], template["signature_note"], slip.officer),
            ],
            width,
            size,
            gap_lines=2,
        )
    )
    return Reused(story)


def render_receipts(slips: Sequence[tuple[ReceiptSlip, Mapping[str, Any], PaperOffice]]) -> bytes:
    """Slips with their templates, all in one PDF: one page per copy, each slip on its template's paper."""
    if not slips:
        raise ValueError("no slip to print")
    pages = [form_page(template) for _slip, template, _office in slips]
    story: list[Flowable] = []
    for n, ((slip, template, office), page) in enumerate(zip(slips, pages, strict=True)):
        width = page.frame_width
        top, rest = _top(slip, office, template, width), _rest(slip, office, template, width)
        for i, copy in enumerate(template["copies"]):
            if n or i:
                if i == 0 and page != pages[n - 1]:
                    story.append(NextPageTemplate(template_id(page)))
                story.append(PageBreak())
            story += [top, _title(slip, template, copy, width), rest]
    first = slips[0][0].dossier.code
    name = slips[0][1]["title"]
    return build_pdf(story, pages[0], title=f"{name} {first}" if len(slips) == 1 else name, other_pages=pages[1:])
