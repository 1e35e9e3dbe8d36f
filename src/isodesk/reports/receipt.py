"""Form 01, the receipt and appointment slip (TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP), one page per copy.

Fields follow docs/DOMAIN.md §2: dossier code with its QR code, copy, applicant, address, phone, email, procedure; the
dossier components (documents only: the catalogue keeps fees, exemptions and its own notes apart); number of sets;
processing time by law; time received; time of return; where the result is collected; fees; the ledger book and
number; signatures of the applicant and the receiving officer. The 2025 slip (TT 03/2025) is numbered
"Số …/TTPVHCC" and adds the applicant's personal identification number and, when someone files on another's
behalf, that person's details; the signature block names who filed, never an organisation.

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
from isodesk.reports.papers import (
    DossierData,
    PaperOffice,
    copy_label,
    facts,
    fill,
    form_page,
    lines,
    unbroken,
    values,
    whole_date,
)
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
    #: (originals, copies) of each component, as the catalogue gives them; None where it does not say
    counts: Sequence[tuple[int | None, int | None]] = ()


def _count(n: int | None) -> str:
    """A count as the slip's columns write it: "01"; blank when the catalogue does not say."""
    return "" if n is None else f"{n:02d}"


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
    )
    data["return_place"] = fill(template["return_place"], data)
    data["received_time"], data["due_time"] = whole_date(data["received_time"]), whole_date(data["due_time"])
    data["applicant"], data["representative"] = unbroken(data["applicant"]), unbroken(data["representative"])
    met = facts(slip.dossier)
    story: list[Flowable] = [Spacer(1, 2 * mm)]
    story += lines(template["lines_before"], data, size, met)
    rows: list[list[Any]] = [list(template["components_header"])]
    counts = list(slip.counts) + [(None, None)] * (len(slip.components) - len(slip.counts))
    rows += [
        [str(i), Paragraph(t(name), style(size - 1)), _count(originals), _count(copies)]
        for i, (name, (originals, copies)) in enumerate(zip(slip.components, counts, strict=False), 1)
    ]
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
                ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(table)
    story += lines(template["lines_after"], data, size, met)
    story.append(Spacer(1, 2 * mm))
    story.append(
        signatures(
            [
                (template["applicant_title"], template["signature_note"], slip.dossier.filer),
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
