"""The process control sheet (TT 01/2018/TT-VPCP form 05; TT 03/2025/TT-VPCP form 06).

It travels with the dossier: dossier code, handling and coordinating offices, then one row per hand-over — who
gives it and who takes it ("Giao: …" / "Nhận: …"), the time ("09 giờ 30 phút, ngày 20 tháng 8 năm 2025"), the
signatures of both, the result of the step (ahead of time / on time / late) and notes. The rows already recorded
are printed; while the dossier is open, blank rows follow for the hand-overs still to come, to be filled by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from isodesk.i18n.dates import official_date, official_time
from isodesk.reports.fonts import official_font
from isodesk.reports.official import BLANK, build_pdf, heading, para, style, t, title
from isodesk.reports.papers import DossierData, PaperOffice, fill, form_page, lines, values

SIZE = 11
BLANK_TIME = "…… giờ …… phút, ngày …… tháng …… năm ……"


@dataclass(frozen=True)
class HandOver:
    giver: str  # "Phạm Thị Ngọc Ánh (Bộ phận một cửa)"; "" prints a dotted line
    receiver: str
    at: datetime | None  # Vietnam time; None for a row to fill in by hand
    result: str = ""  # "Trước hạn" / "Đúng hạn" / "Quá hạn", or "" when the step is not judged
    note: str = ""
    note_only: bool = False  # a note (an apology), not a hand-over: nobody gives, takes or signs


@dataclass(frozen=True)
class ControlSheet:
    dossier: DossierData
    handling: str
    coordinating: str
    rows: Sequence[HandOver]
    blank_rows: int  # rows to fill in by hand after the recorded ones


def _time_cell(moment: datetime | None) -> list[Flowable]:
    if moment is None:
        return [para(BLANK_TIME, SIZE - 1, align=TA_CENTER)]
    return [
        para(f"{official_time(moment)},", SIZE, align=TA_CENTER),
        para(official_date(moment.date()), SIZE, align=TA_CENTER),
    ]


def _row(row: HandOver, template: Mapping[str, Any]) -> list[Any]:
    if row.note_only:
        return ["", _time_cell(row.at), "", "", "", para(row.note, SIZE - 1)]
    unknown = BLANK if row.at is None else "—"  # a recorded row names nobody where nobody was recorded
    who = [
        para(fill(template["give"], {"who": row.giver or unknown}), SIZE),
        Spacer(1, 2 * mm),
        para(fill(template["take"], {"who": row.receiver or unknown}), SIZE),
    ]
    sign_space = Spacer(1, 16 * mm)  # room for two signatures, even when the names are short
    return [who, _time_cell(row.at), sign_space, "", para(row.result, SIZE, align=TA_CENTER), para(row.note, SIZE - 1)]


def render_control_sheet(sheet: ControlSheet, office: PaperOffice, template: Mapping[str, Any]) -> bytes:
    page = form_page(template)
    width = page.frame_width
    data = values(sheet.dossier, **office.words(), handling=sheet.handling, coordinating=sheet.coordinating)
    story: list[Flowable] = [
        heading(office.issuer_for(template), None, None, width, size=12.5),
        *title(template["title"], 14),
    ]
    story += lines(template["lines_before"], data, 12.5)
    story.append(Spacer(1, 3 * mm))
    header = [Paragraph(t(h), style(SIZE - 1.5, bold=True, align=TA_CENTER)) for h in template["header"]]
    rows: list[list[Any]] = [header]
    rows += [_row(r, template) for r in sheet.rows]
    rows += [_row(HandOver("", "", None), template) for _ in range(sheet.blank_rows)]
    widths = [51 * mm, 31 * mm, 18 * mm, 18 * mm, 22 * mm, 25 * mm]  # names of people and departments need room
    scale = width / sum(widths)
    table = Table(rows, colWidths=[w * scale for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), official_font().name(), SIZE),
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("VALIGN", (4, 1), (4, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story.append(table)
    return build_pdf(story, page, title=f"{template['title']} {sheet.dossier.code}", page_numbers=True)
