"""An ISO procedure document (quy trình) for one administrative procedure (docs/DOMAIN.md §1).

Code (e.g. "QT 07/HT"), issue number and date on every page; the responsibility block (drafted / reviewed /
approved: name, signature, title); the revision history, every issue so far; then 1 Purpose, 2 Scope,
3 References (the legal basis with number, date and title), 4 Definitions and abbreviations, 5 Content (dossier
components, number of copies, processing time, place of receipt, fees and exemptions, and the step table: step,
responsible, time, form or result), 6 Forms, 7 Records to keep. The catalogue's own notes are never printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer

from isodesk.i18n.dates import short_date
from isodesk.reports.fonts import official_font
from isodesk.reports.official import BLANK, Page, body, build_pdf, field_table, para, section_heading


@dataclass(frozen=True)
class Person:
    name: str
    title: str


@dataclass(frozen=True)
class Revision:
    issue: int
    day: date | None  # None: an earlier issue whose date is written in by hand
    change: str


@dataclass(frozen=True)
class Step:
    name: str
    responsible: str
    time: str  # "04 giờ làm việc"
    result: str  # form or result of the step


@dataclass(frozen=True)
class ProcedureDocument:
    office: str  # "Ủy ban nhân dân\nPhường Mỹ Tho": the committee's heading, one line per "\n"
    code: str  # "QT 07/HT"
    name: str  # the administrative procedure's name
    issue: int
    issued: date
    drafted: Person
    reviewed: Person
    approved: Person
    revisions: Sequence[Revision]
    purpose: str
    scope: str
    references: Sequence[str]
    definitions: Sequence[tuple[str, str]]
    components: Sequence[str]
    copies: str  # "5.2. Số lượng hồ sơ: 01 bộ."
    time: str  # "5.3. Thời hạn giải quyết: …"
    place: str
    fee: str
    steps: Sequence[Step]
    total_time: str
    forms: Sequence[tuple[str, str]]  # (number, title)
    records: Sequence[tuple[str, str, str]]  # (record, who keeps it, how long)
    exemptions: str = ""  # "Miễn …": who pays nothing, under the fee


SIZE = 13
PAGE = Page(top=48 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)


def _header(doc: ProcedureDocument, template: Mapping[str, Any]) -> Any:
    """The box every page of a controlled document carries: office | kind and name | code, issue, date, page."""
    labels = template["header_labels"]
    font = official_font()

    def draw(canvas: Canvas, number: int, total: int) -> None:
        x0, width = PAGE.left, PAGE.frame_width
        top = PAGE.pagesize[1] - 15 * mm
        height = 27 * mm
        cols = [width * 0.27, width * 0.43, width * 0.30]
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.rect(x0, top - height, width, height)
        canvas.line(x0 + cols[0], top, x0 + cols[0], top - height)
        canvas.line(x0 + cols[0] + cols[1], top, x0 + cols[0] + cols[1], top - height)

        def block(lines: list[tuple[str, str, float]], x: float, w: float, centred: bool) -> None:
            wrapped = [(ln, f, s) for text, f, s in lines for ln in simpleSplit(text, f, s, w - 6)]
            total_h = sum(s * 1.2 for _t, _f, s in wrapped)
            y = top - (height - total_h) / 2
            for text, f, s in wrapped:
                y -= s * 1.2
                canvas.setFont(f, s)
                if centred:
                    canvas.drawCentredString(x + w / 2, y + s * 0.25, text)
                else:
                    canvas.drawString(x + 4, y + s * 0.25, text)

        block([(line.upper(), font.name("bold"), 11) for line in doc.office.split("\n")], x0, cols[0], True)
        block(
            [(template["kind"], font.name("bold"), 13), (doc.name, font.name("bold"), 10.5)],
            x0 + cols[0],
            cols[1],
            True,
        )
        block(
            [
                (f"{labels['code']}: {doc.code}", font.name(), 10),
                (f"{labels['issue']}: {doc.issue:02d}", font.name(), 10),
                (f"{labels['issued']}: {short_date(doc.issued)}", font.name(), 10),
                (f"{labels['page']}: {number}/{total}", font.name(), 10),
            ],
            x0 + cols[0] + cols[1],
            cols[2],
            False,
        )
        canvas.restoreState()

    return draw


def _responsibility(doc: ProcedureDocument, template: Mapping[str, Any], width: float) -> Flowable:
    head = template["responsibility_header"]
    name, signature, title = template["responsibility_rows"]
    people = (doc.drafted, doc.reviewed, doc.approved)
    rows: list[list[Any]] = [
        list(head),
        [name, *(p.name for p in people)],
        [signature, Spacer(1, 16 * mm), "", ""],
        [title, *(p.title for p in people)],
    ]
    first = width * 0.19
    return field_table(rows, [first, *([(width - first) / 3] * 3)], size=11, centre=(1, 2, 3))


def render_procedure(doc: ProcedureDocument, template: Mapping[str, Any]) -> bytes:
    width = PAGE.frame_width
    content = template["content"]
    sections = template["sections"]
    story: list[Flowable] = [_responsibility(doc, template, width), Spacer(1, 6 * mm)]
    revisions = [list(template["revisions_header"])]
    revisions += [[f"{r.issue:02d}", short_date(r.day) if r.day else BLANK, r.change] for r in doc.revisions]
    story += [
        section_heading(template["revisions_heading"], 12, align=TA_CENTER),
        Spacer(1, 2 * mm),
        field_table(revisions, [width * 0.18, width * 0.2, width * 0.62], size=11, centre=(0, 1)),
        Spacer(1, 6 * mm),
    ]

    def section(n: int) -> Flowable:
        return section_heading(sections[n], SIZE, space_after=2)

    story += [section(0), body(doc.purpose, SIZE), section(1), body(doc.scope, SIZE), section(2)]
    story += [para(f"- {ref}.", SIZE) for ref in doc.references]
    definitions = [list(template["definitions_header"]), *[list(d) for d in doc.definitions]]
    story += [
        Spacer(1, 2 * mm),
        section(3),
        field_table(definitions, [width * 0.25, width * 0.75], size=12),
        Spacer(1, 2 * mm),
    ]
    components = [list(content["components_header"])]
    components += [[str(i), c, "x", ""] for i, c in enumerate(doc.components, 1)] or [["1", "", "", ""]]
    story += [
        section(4),
        section_heading(content["components"], SIZE),
        field_table(components, [width * 0.08, width * 0.62, width * 0.15, width * 0.15], size=12, centre=(0, 2, 3)),
        Spacer(1, 2 * mm),
        para(doc.copies, SIZE),
        para(doc.time, SIZE),
        para(doc.place, SIZE),
        para(doc.fee, SIZE),
        *([para(doc.exemptions, SIZE)] if doc.exemptions else []),
        section_heading(content["steps"], SIZE),
    ]
    steps = [list(content["steps_header"])]
    steps += [[f"B{i}", s.name, s.responsible, s.time, s.result] for i, s in enumerate(doc.steps, 1)]
    steps.append(["", content["total"], "", doc.total_time, ""])
    story.append(field_table(steps, [width * f for f in (0.08, 0.36, 0.2, 0.16, 0.2)], size=11, centre=(0, 3)))
    story += [Spacer(1, 3 * mm), section(5)]
    forms = [list(template["forms_header"]), *[[str(i), n, t] for i, (n, t) in enumerate(doc.forms, 1)]]
    story.append(field_table(forms, [width * 0.08, width * 0.2, width * 0.72], size=12))
    records = [list(template["records_header"])]
    records += [[str(i), r, w, d] for i, (r, w, d) in enumerate(doc.records, 1)]
    story.append(
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                section(6),
                field_table(records, [width * 0.08, width * 0.44, width * 0.24, width * 0.24], size=12),
            ]
        )
    )
    return build_pdf(story, PAGE, title=f"{doc.code} {doc.name}", decorate=_header(doc, template), needs_total=True)
