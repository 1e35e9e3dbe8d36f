"""QMS records printed for signature: the internal audit report (ISO 19011:2018, 6.5; ISO 9001:2015, 9.2.2) and the
minutes of the management review (ISO 9001:2015, 9.3.2 inputs and 9.3.3 outputs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from isodesk.reports.official import (
    Issuer,
    Page,
    Signer,
    body,
    build_pdf,
    field_table,
    heading,
    para,
    section_heading,
    signatures,
    title,
)
from isodesk.reports.words import time_words

SIZE = 13


@dataclass(frozen=True)
class Auditor:
    name: str
    role: str  # "Trưởng đoàn", "Chuyên gia đánh giá"


@dataclass(frozen=True)
class Finding:
    clause: str  # "8.5.1"
    area: str  # the audited department or process
    kind: str  # "Không phù hợp nặng", "Không phù hợp nhẹ", "Khuyến nghị", "Cơ hội cải tiến"
    description: str
    evidence: str
    acknowledged_by: str  # who on the audited side acknowledged it


@dataclass(frozen=True)
class AuditReport:
    issuer: Issuer
    number: str
    day: date
    objectives: str
    scope: str
    criteria: str
    dates: str  # "ngày 10 và 11 tháng 3 năm 2026"
    team: Sequence[Auditor]
    auditees: Sequence[str]
    findings: Sequence[Finding]
    conclusions: str
    lead: str  # lead auditor's name
    representative: str  # quality representative's name


def _heading_lines(pairs: Sequence[tuple[str, str]]) -> list[Flowable]:
    out: list[Flowable] = []
    for label, text in pairs:
        out += [section_heading(label, SIZE), body(text, SIZE, indent=0)]
    return out


def render_audit_report(r: AuditReport) -> bytes:
    page = Page()
    width = page.frame_width
    story: list[Flowable] = [
        heading(r.issuer, r.number, r.day, width),
        *title("BÁO CÁO ĐÁNH GIÁ NỘI BỘ", 14, subtitle="Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"),
    ]
    story += _heading_lines(
        [
            ("1. Mục tiêu đánh giá", r.objectives),
            ("2. Phạm vi đánh giá", r.scope),
            ("3. Chuẩn mực đánh giá", r.criteria),
            ("4. Thời gian đánh giá", r.dates),
        ]
    )
    team = [["TT", "Họ và tên", "Vai trò"], *[[str(i), a.name, a.role] for i, a in enumerate(r.team, 1)]]
    story += [section_heading("5. Đoàn đánh giá", SIZE), field_table(team, [width * 0.1, width * 0.5, width * 0.4])]
    story += [Spacer(1, 2 * mm), section_heading("6. Đơn vị, bộ phận được đánh giá", SIZE)]
    story += [para(f"- {a};" if i < len(r.auditees) - 1 else f"- {a}.", SIZE) for i, a in enumerate(r.auditees)]
    rows = [
        [
            "TT",
            "Điều khoản",
            "Bộ phận",
            "Phân loại",
            "Nội dung phát hiện",
            "Bằng chứng",
            "Xác nhận của bên được đánh giá",
        ]
    ]
    rows += [
        [str(i), f.clause, f.area, f.kind, f.description, f.evidence, f.acknowledged_by]
        for i, f in enumerate(r.findings, 1)
    ]
    story += [Spacer(1, 2 * mm), section_heading("7. Kết quả đánh giá", SIZE)]
    story.append(
        field_table(rows, [width * f for f in (0.06, 0.1, 0.14, 0.13, 0.25, 0.18, 0.14)], size=10, centre=(0, 1))
    )
    story += [Spacer(1, 2 * mm), *_heading_lines([("8. Kết luận", r.conclusions)])]
    last = story.pop()
    sign = signatures(
        [
            ("ĐẠI DIỆN LÃNH ĐẠO VỀ CHẤT LƯỢNG", "(Ký, ghi rõ họ tên)", r.representative),
            ("TRƯỞNG ĐOÀN ĐÁNH GIÁ", "(Ký, ghi rõ họ tên)", r.lead),
        ],
        width,
    )
    story.append(KeepTogether([last, Spacer(1, 4 * mm), sign]))
    return build_pdf(story, page, title=f"Báo cáo đánh giá nội bộ {r.number}", page_numbers=True)


@dataclass(frozen=True)
class ReviewItem:
    topic: str  # an input of ISO 9001:2015 9.3.2 ("Tình hình thực hiện các hành động từ lần xem xét trước", …)
    content: str


@dataclass(frozen=True)
class ReviewDecision:
    decision: str  # an output of 9.3.3: improvement, change to the QMS, resource need
    owner: str
    deadline: str


@dataclass(frozen=True)
class ReviewMinutes:
    issuer: Issuer
    number: str
    started: datetime  # Vietnam time
    ended: datetime
    place: str
    chair: Signer  # title and name of who chairs
    secretary: str
    attendees: Sequence[str]
    inputs: Sequence[ReviewItem]
    decisions: Sequence[ReviewDecision]


def render_review_minutes(m: ReviewMinutes) -> bytes:
    page = Page()
    width = page.frame_width
    story: list[Flowable] = [
        heading(m.issuer, m.number, m.started.date(), width),
        *title("BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO", 14, subtitle="Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"),
        para(f"Thời gian: {time_words(m.started)}.", SIZE),
        para(f"Địa điểm: {m.place}.", SIZE),
        para(f"Chủ trì: {m.chair.name}, {m.chair.title}.", SIZE),
        para(f"Thư ký: {m.secretary}.", SIZE),
        para("Thành phần tham dự:", SIZE),
    ]
    story += [para(f"- {a};" if i < len(m.attendees) - 1 else f"- {a}.", SIZE) for i, a in enumerate(m.attendees)]
    story += [Spacer(1, 2 * mm), section_heading("I. NỘI DUNG XEM XÉT", SIZE)]
    for i, item in enumerate(m.inputs, 1):
        story += [section_heading(f"{i}. {item.topic}", SIZE), body(item.content, SIZE)]
    rows = [["TT", "Nội dung quyết định", "Trách nhiệm", "Thời hạn"]]
    rows += [[str(i), d.decision, d.owner, d.deadline] for i, d in enumerate(m.decisions, 1)]
    story += [
        Spacer(1, 2 * mm),
        section_heading("II. KẾT LUẬN VÀ CÁC QUYẾT ĐỊNH", SIZE),
        field_table(rows, [width * 0.08, width * 0.52, width * 0.22, width * 0.18], size=12, centre=(0, 3)),
        Spacer(1, 3 * mm),
    ]
    end = body(
        f"Cuộc họp kết thúc vào {time_words(m.ended)}. Biên bản đã được thông qua trước các thành viên dự họp./.", SIZE
    )
    sign = signatures(
        [("THƯ KÝ", "(Ký, ghi rõ họ tên)", m.secretary), ("CHỦ TRÌ", "(Ký, ghi rõ họ tên)", m.chair.name)], width
    )
    story.append(KeepTogether([end, Spacer(1, 3 * mm), sign]))
    return build_pdf(story, page, title=f"Biên bản họp xem xét của lãnh đạo {m.number}", page_numbers=True)
