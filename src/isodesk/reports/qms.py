"""QMS documents the head of the office issues, in the official look (NĐ 30/2020): the QMS scope, the quality
policy, the quality objectives with their plan, and the decision announcing that the QMS conforms to
TCVN ISO 9001:2015 (QĐ 19/2014/QĐ-TTg, Annex I sample).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from isodesk.i18n.dates import official_date
from isodesk.reports.official import (
    Issuer,
    Page,
    Signer,
    body,
    build_pdf,
    closing,
    field_table,
    heading,
    keep_with_next,
    para,
    section_heading,
    title,
)
from isodesk.reports.papers import fill

SIZE = 13


@dataclass(frozen=True)
class ScopeItem:
    field: str
    code: str
    name: str


@dataclass(frozen=True)
class QmsScope:
    day: date
    office: str  # "Ủy ban nhân dân phường Mỹ Tho"
    applied: Sequence[ScopeItem]
    outside: Sequence[ScopeItem]
    exclusions: Sequence[tuple[str, str, str]]  # (clause, requirement, reason)
    signer: Signer


def _grouped(items: Sequence[ScopeItem], header: Sequence[str], width: float) -> Flowable:
    """Procedures under a bold line per field, numbered through."""
    rows: list[list[Any]] = [list(header)]
    field_rows = []
    field = None
    for i, item in enumerate(items, 1):
        if item.field != field:
            field = item.field
            field_rows.append(len(rows))
            rows.append(["", para(field or "—", 12, bold=True), ""])
        rows.append([str(i), item.code, item.name])
    table = field_table(rows, [width * 0.08, width * 0.17, width * 0.75], size=12, centre=(0, 1))
    table.setStyle([("SPAN", (1, r), (2, r)) for r in field_rows])
    return table


def render_scope(scope: QmsScope, issuer: Issuer, template: Mapping[str, Any]) -> bytes:
    page = Page()
    width = page.frame_width
    words = {"office": scope.office, "count": str(len(scope.applied))}
    story: list[Flowable] = [
        heading(issuer, None, scope.day, width),
        *title(template["title"], 14, subtitle=template["subject"]),
    ]
    story += [section_heading(template["applied_heading"], SIZE), body(fill(template["applied"], words), SIZE)]
    story.append(_grouped(scope.applied, template["table_header"], width))
    story += [
        Spacer(1, 4 * mm),
        section_heading(template["exclusions_heading"], SIZE),
        Spacer(1, 1.5 * mm),
    ]
    rows = [list(template["exclusions_header"]), *[[c, r, fill(why, words)] for c, r, why in scope.exclusions]]
    story.append(field_table(rows, [width * 0.14, width * 0.3, width * 0.56], size=12))
    if scope.outside:
        story += [Spacer(1, 4 * mm), section_heading(template["outside_heading"], SIZE)]
        story += [
            body(fill(template["outside"], words), SIZE),
            _grouped(scope.outside, template["table_header"], width),
        ]
    last = story.pop()  # the signature follows the last table on its page
    story.append(closing(scope.signer, width, to=template["recipients"], keep=[last]))
    return build_pdf(story, page, title=f"{template['title']} {template['subject']}", page_numbers=True)


@dataclass(frozen=True)
class QualityPolicy:
    issuer: Issuer
    day: date
    office: str
    statements: Sequence[str]  # the commitments, one paragraph each
    signer: Signer
    decision: str = ""  # "Ban hành kèm theo Quyết định số …" line, if any


def render_policy(policy: QualityPolicy) -> bytes:
    """The quality policy (ISO 9001:2015, 5.2): the office's commitments, signed by its head."""
    page = Page()
    width = page.frame_width
    story: list[Flowable] = [
        heading(policy.issuer, None, policy.day, width),
        *title("CHÍNH SÁCH CHẤT LƯỢNG", 15, subtitle=policy.office),
    ]
    if policy.decision:
        story.append(para(policy.decision, 12, italic=True, align=TA_CENTER))
        story.append(Spacer(1, 4 * mm))
    story += [body(s, 14) for s in policy.statements]
    story.append(closing(policy.signer, width))
    return build_pdf(story, page, title=f"Chính sách chất lượng {policy.office}")


@dataclass(frozen=True)
class Objective:
    objective: str
    indicator: str  # how it is measured
    target: str  # "≥ 98%"
    owner: str
    deadline: str


@dataclass(frozen=True)
class PlanTask:
    objective: int  # number of the objective it serves (1-based)
    action: str
    owner: str
    resources: str
    deadline: str
    evidence: str


@dataclass(frozen=True)
class QualityObjectives:
    issuer: Issuer
    day: date
    year: int
    office: str
    objectives: Sequence[Objective]
    plan: Sequence[PlanTask]
    signer: Signer


def render_objectives(doc: QualityObjectives) -> bytes:
    """Measurable quality objectives and the plan to achieve them (ISO 9001:2015, 6.2.1 and 6.2.2)."""
    page = Page(landscape=True, left=20 * mm, right=15 * mm, top=15 * mm, bottom=15 * mm)
    width = page.frame_width
    story: list[Flowable] = [
        heading(doc.issuer, None, doc.day, width, left=0.45),
        *title(f"MỤC TIÊU CHẤT LƯỢNG NĂM {doc.year}", 14, subtitle=doc.office),
    ]
    rows: list[list[str]] = [["TT", "Mục tiêu chất lượng", "Chỉ số đo lường", "Chỉ tiêu", "Trách nhiệm", "Thời hạn"]]
    rows += [[str(i), o.objective, o.indicator, o.target, o.owner, o.deadline] for i, o in enumerate(doc.objectives, 1)]
    story.append(field_table(rows, [width * f for f in (0.05, 0.33, 0.25, 0.1, 0.15, 0.12)], size=11, centre=(0, 3, 5)))
    story += [PageBreak(), *title(f"KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM {doc.year}", 14)]
    plan: list[list[str]] = [
        ["TT", "Mục tiêu", "Nội dung công việc", "Trách nhiệm", "Nguồn lực", "Thời hạn", "Kết quả, bằng chứng"]
    ]
    plan += [
        [str(i), str(p.objective), p.action, p.owner, p.resources, p.deadline, p.evidence]
        for i, p in enumerate(doc.plan, 1)
    ]
    story.append(
        field_table(plan, [width * f for f in (0.05, 0.07, 0.3, 0.15, 0.14, 0.11, 0.18)], size=11, centre=(0, 1, 5))
    )
    story.append(closing(doc.signer, width))
    return build_pdf(story, page, title=f"Mục tiêu chất lượng năm {doc.year}", page_numbers=True)


@dataclass(frozen=True)
class ConformityDecision:
    """The decision announcing that the QMS conforms to TCVN ISO 9001:2015 (QĐ 19/2014/QĐ-TTg art. 4 and Annex I)."""

    issuer: Issuer
    number: str  # "125/QĐ-UBND"
    day: date
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO"
    office: str  # "Ủy ban nhân dân phường Mỹ Tho"
    bases: Sequence[str]  # "Căn cứ …" lines
    proposal: str  # "Xét đề nghị của …"
    scope: Sequence[str]  # procedures or fields covered (annex)
    executors: str  # who carries it out (Article 3)
    signer: Signer
    recipients: Sequence[str]


def render_decision(d: ConformityDecision) -> bytes:
    page = Page()
    width = page.frame_width
    story: list[Flowable] = [
        heading(d.issuer, d.number, d.day, width),
        *title(
            "QUYẾT ĐỊNH",
            14,
            subtitle="Về việc công bố Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
        ),
        para(d.authority, 14, bold=True, align=TA_CENTER),
        Spacer(1, 3 * mm),
    ]
    story += [body(f"{b};", 14) for b in d.bases]
    story += [
        body(f"{d.proposal}.", 14),
        Spacer(1, 2 * mm),
        keep_with_next(para("QUYẾT ĐỊNH:", 14, bold=True, align=TA_CENTER)),
    ]
    story.append(Spacer(1, 2 * mm))
    story += [
        body(
            f"Điều 1. Công bố Hệ thống quản lý chất lượng của {d.office} phù hợp Tiêu chuẩn quốc gia TCVN ISO "
            "9001:2015 đối với các thủ tục hành chính, hoạt động nêu tại Phụ lục kèm theo Quyết định này.",
            14,
        ),
        body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", 14),
        body(f"Điều 3. {d.executors} chịu trách nhiệm thi hành Quyết định này./.", 14),
    ]
    last = story.pop()
    story.append(closing(d.signer, width, to=d.recipients, keep=[last]))
    story += [
        PageBreak(),
        para("PHỤ LỤC", 14, bold=True, align=TA_CENTER),
        para(
            "DANH MỤC THỦ TỤC HÀNH CHÍNH, HOẠT ĐỘNG ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG", 13, bold=True, align=TA_CENTER
        ),
        para(f"(Kèm theo Quyết định số {d.number} {official_date(d.day)})", 13, italic=True, align=TA_CENTER),
        Spacer(1, 3 * mm),
        field_table(
            [["TT", "Tên thủ tục hành chính, hoạt động"], *[[str(i), s] for i, s in enumerate(d.scope, 1)]],
            [width * 0.1, width * 0.9],
            size=12,
        ),
    ]
    return build_pdf(story, page, title=f"Quyết định {d.number}", page_numbers=True)
