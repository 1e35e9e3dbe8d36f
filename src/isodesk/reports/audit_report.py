"""Papers of an internal audit (ISO 19011:2018 6.4.7, 6.5): the checklist, printable blank for paper use or filled
in, and the audit report (objectives, scope, team, dates, criteria, findings with evidence, conclusions), in the
official look (NĐ 30/2020/NĐ-CP). The issued report carries the SHA-256 checksum of its content, so a copy can be
checked against the record (ISO 9001:2015 7.5.3.2)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from isodesk.i18n.dates import short_date
from isodesk.i18n.numbers import vietnamese_decimal
from isodesk.reports.fonts import official_font
from isodesk.reports.official import (
    Issuer,
    Page,
    Signer,
    body,
    build_pdf,
    closing,
    field_table,
    heading,
    para,
    section_heading,
    signatures,
    title,
)
from isodesk.reports.papers import fill
from isodesk.reports.stats import number

SIZE = 13


@dataclass(frozen=True)
class ReportFinding:
    grade: str  # major | minor | observation | improvement
    clause: str
    evidence: str
    procedure: str = ""


@dataclass(frozen=True)
class AuditReportPaper:
    issuer: Issuer
    day: date
    audit_id: int
    revision: int
    area: str
    procedures: Sequence[str]
    clauses: Sequence[str]
    objectives: str
    criteria: str
    lead: str
    members: Sequence[str]
    held_on: str  # as the paper writes it
    opening: str
    closing: str
    findings: Sequence[ReportFinding]
    conclusions: str
    sha256: str


def render_audit_report(report: AuditReportPaper, template: Mapping[str, Any]) -> bytes:
    page = Page()
    width = page.frame_width
    story: list[Flowable] = [
        heading(report.issuer, None, report.day, width),
        *title(template["title"], 14, subtitle=template["subject"]),
        para(fill(template["revision"], {"revision": str(report.revision)}), 12, italic=True),
        Spacer(1, 2 * mm),
        section_heading(template["objectives_heading"], SIZE),
        body(report.objectives, SIZE),
        section_heading(template["scope_heading"], SIZE),
        body(fill(template["scope_area"], {"area": report.area}), SIZE),
    ]
    if report.procedures:
        story.append(body(fill(template["scope_procedures"], {"procedures": ", ".join(report.procedures)}), SIZE))
    if report.clauses:
        story.append(body(fill(template["scope_clauses"], {"clauses": ", ".join(report.clauses)}), SIZE))
    story += [
        section_heading(template["criteria_heading"], SIZE),
        body(report.criteria, SIZE),
        section_heading(template["team_heading"], SIZE),
        body(fill(template["team_lead"], {"lead": report.lead}), SIZE),
    ]
    if report.members:
        story.append(body(fill(template["team_members"], {"members": ", ".join(report.members)}), SIZE))
    story += [
        section_heading(template["dates_heading"], SIZE),
        body(
            fill(template["dates"], {"date": report.held_on, "opening": report.opening, "closing": report.closing}),
            SIZE,
        ),
        section_heading(template["findings_heading"], SIZE),
    ]
    grades = template["grades"]
    if report.findings:
        rows: list[list[Any]] = [list(template["findings_header"])]
        for i, f in enumerate(report.findings, 1):
            where = f.clause + (f"\n{f.procedure}" if f.procedure else "")
            rows.append([str(i), grades.get(f.grade, f.grade), where, f.evidence])
        story.append(field_table(rows, [width * 0.07, width * 0.24, width * 0.14, width * 0.55], size=12))
    else:
        story.append(body(template["no_findings"], SIZE))
    story.append(section_heading(template["conclusions_heading"], SIZE))
    conclusions = body(report.conclusions, SIZE)  # the signature is never alone at the top of a page
    checksum = para(fill(template["checksum"], {"sha256": report.sha256}), 9)
    signed = closing(Signer(template["signer"], report.lead), width, keep=[conclusions])
    story.append(KeepTogether([signed, Spacer(1, 4 * mm), checksum]))
    return build_pdf(story, page, title=f"{template['title']} {report.audit_id}", page_numbers=True)


@dataclass(frozen=True)
class ChecklistLine:
    where: str  # "7.5" or "8.5 / 1.004873"
    question: str
    evidence: str = ""
    result: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ChecklistPaper:
    issuer: Issuer
    day: date
    audit_id: int
    held_on: str
    area: str
    auditor: str
    lines: Sequence[ChecklistLine]


def render_checklist(paper: ChecklistPaper, template: Mapping[str, Any]) -> bytes:
    """The checklist, on A4 landscape so the evidence column has room to be written in by hand."""
    page = Page(landscape=True)
    width = page.frame_width
    results = template["results"]
    rows: list[list[Any]] = [list(template["checklist_header"])]
    for i, line in enumerate(paper.lines, 1):
        rows.append(
            [str(i), line.where, line.question, line.evidence or "\n\n\n", results.get(line.result, ""), line.notes]
        )
    story: list[Flowable] = [
        heading(paper.issuer, None, paper.day, width),
        *title(
            template["checklist_title"],
            14,
            subtitle=fill(
                template["checklist_subject"], {"id": str(paper.audit_id), "date": paper.held_on, "area": paper.area}
            ),
        ),
        field_table(
            rows,
            [width * 0.05, width * 0.11, width * 0.34, width * 0.28, width * 0.1, width * 0.12],
            size=11,
        ),
        closing(Signer(template["checklist_signer"], paper.auditor), width),
    ]
    return build_pdf(story, page, title=f"{template['checklist_title']} {paper.audit_id}", page_numbers=True)


@dataclass(frozen=True)
class MinutesDecision:
    """A decision of the review as the minutes' table lists it (ISO 9001:2015 9.3.3)."""

    text: str
    owner: str
    due: str  # as the paper writes it
    status: str  # open | done
    done_on: str = ""  # as the paper writes it
    overdue: bool = False


@dataclass(frozen=True)
class ReviewMinutesPaper:
    issuer: Issuer
    day: date
    held_on: str
    period_from: str
    period_to: str
    inputs: Mapping[str, Any]
    minutes: str
    decisions: str
    effective: bool | None
    chair: str
    secretary: str
    decision_rows: Sequence[MinutesDecision] = ()


def _lines(text: str) -> list[Flowable]:
    """Text the chair typed, a paragraph per line."""
    return [body(line, SIZE) for line in text.splitlines() if line.strip()]


def _dotted_lines(width: float, lines: int = 2) -> list[Flowable]:
    """Lines of dots to write on by hand, each exactly as long as the text's line (after its first-line indent)."""
    dot = "…"
    count = int((width - 10 * mm) / stringWidth(dot, official_font().name(), SIZE))
    return [body(dot * count, SIZE) for _ in range(lines)]


def _decision_status(decision: MinutesDecision, template: Mapping[str, Any]) -> str:
    if decision.status == "done":
        return fill(template["decision_done"], {"date": decision.done_on})
    return str(template["decision_overdue"] if decision.overdue else template["decision_open"])


def _decisions(paper: ReviewMinutesPaper, template: Mapping[str, Any], width: float) -> list[Flowable]:
    """The chair's text of the decisions, then the decisions tracked as actions: a table of decision, owner, due
    date and status."""
    story = _lines(paper.decisions)
    if paper.decision_rows:
        rows: list[list[Any]] = [list(template["decisions_header"])]
        for n, d in enumerate(paper.decision_rows, 1):
            rows.append([str(n), d.text, d.owner, d.due, _decision_status(d, template)])
        story.append(
            field_table(
                rows, [width * 0.07, width * 0.45, width * 0.18, width * 0.13, width * 0.17], size=12, centre=(0, 3)
            )
        )
    return story or _dotted_lines(width)


def _previous_decisions(inputs: Mapping[str, Any], template: Mapping[str, Any]) -> list[Flowable]:
    """The status of the earlier reviews' decisions (ISO 9001:2015 9.3.2 a), when there are any."""
    found = inputs.get("previous_decisions") or []
    if not found:
        return []
    counts = {
        "done": number(sum(1 for d in found if d["status"] == "done")),
        "open": number(sum(1 for d in found if d["status"] != "done")),
        "overdue": number(sum(1 for d in found if d.get("overdue"))),
    }
    return [body(fill(template["previous_decisions"], counts), SIZE)]


def render_review_minutes(paper: ReviewMinutesPaper, template: Mapping[str, Any]) -> bytes:
    """The minutes of a management review (ISO 9001:2015 9.3.3: its results are kept as documented information)."""
    page = Page()
    width = page.frame_width
    i = paper.inputs
    ledger = i["ledger"]
    rate = ledger["on_time_rate"]
    previous = i.get("previous_review")
    story: list[Flowable] = [
        heading(paper.issuer, None, paper.day, width),
        *title(template["title"], 14, subtitle=template["subject"]),
        body(fill(template["time"], {"date": paper.held_on, "start": paper.period_from, "end": paper.period_to}), SIZE),
        section_heading(template["inputs_heading"], SIZE),
        body(
            fill(
                template["previous"],
                {"date": short_date(date.fromisoformat(previous["date"])), "decisions": previous["decisions"] or "—"},
            )
            if previous
            else template["no_previous"],
            SIZE,
        ),
        *_previous_decisions(i, template),
        body(
            fill(
                template["ledger"],
                {
                    "received": number(ledger["received"]),
                    "settled": number(ledger["settled"]),
                    "late": number(ledger["late"]),
                    "rate": "—" if rate is None else vietnamese_decimal(rate * 100) + " %",
                },
            ),
            SIZE,
        ),
        body(fill(template["satisfaction"], {k: number(n) for k, n in ledger["satisfaction"].items()}), SIZE),
        body(fill(template["audits"], {k: str(i["audits"][k]) for k in ("count", "reported")}), SIZE),
        body(
            fill(
                template["findings"],
                {**{k: str(n) for k, n in i["findings"]["by_grade"].items()}, "open": str(i["findings"]["open"])},
            ),
            SIZE,
        ),
        body(fill(template["actions"], {k: str(n) for k, n in i["actions"].items()}), SIZE),
        section_heading(template["discussion_heading"], SIZE),
        *(_lines(paper.minutes) if paper.minutes.strip() else _dotted_lines(width, 3)),
        section_heading(template["decisions_heading"], SIZE),
        *_decisions(paper, template, width),
        section_heading(template["effective_heading"], SIZE),
        body(
            template["unconfirmed"]
            if paper.effective is None
            else template["effective"]
            if paper.effective
            else template["not_effective"],
            SIZE,
        ),
        Spacer(1, 4 * mm),
        signatures([(template["secretary"], "", paper.secretary), (template["signer"], "", paper.chair)], width),
    ]
    return build_pdf(story, page, title=template["title"], page_numbers=True)
