"""The statistics report of a period: figures by month and by field, and a bar chart of the on-time rate.

Definitions are those of :mod:`isodesk.services.ledger.stats` (QĐ 766/QĐ-TTg 2022 service indicators); the fixed wording
is in ``resources/forms/reports.json``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from isodesk.i18n.dates import short_date
from isodesk.reports.fonts import official_font
from isodesk.reports.official import (
    Issuer,
    Page,
    Signer,
    build_pdf,
    closing,
    field_table,
    heading,
    para,
    section_heading,
    title,
)
from isodesk.reports.papers import fill


@dataclass(frozen=True)
class Figures:
    """One line of the report: a month ("01/2026"), a field, or the total."""

    label: str
    received: int
    settled: int
    ahead: int
    on_time: int
    late: int
    on_time_rate: float | None  # 0..1
    overdue: int
    satisfaction: float | None  # share of ratings "very satisfied" or "satisfied", 0..1


@dataclass(frozen=True)
class StatsReport:
    start: date
    end: date
    printed: date
    months: Sequence[Figures]
    total: Figures
    fields: Sequence[Figures]
    signer: Signer


def percent(value: float | None) -> str:
    """ "95,2%" (Vietnamese decimal comma); "—" when there is nothing to divide."""
    return "—" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _chart(months: Sequence[Figures], width: float) -> Drawing:
    """Bars of the on-time rate by month, 0–100 %, each labelled with its value."""
    font = official_font()
    height = 62 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = font.name()  # the drawing's starting font (reportlab's default is Helvetica)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = width - 16 * mm, height - 16 * mm
    chart.data = [[round((m.on_time_rate or 0) * 100, 1) for m in months]]
    chart.categoryAxis.categoryNames = [m.label for m in months]
    chart.categoryAxis.labels.fontName = font.name()
    chart.categoryAxis.labels.fontSize = 8 if len(months) > 12 else 9
    chart.categoryAxis.labels.angle = 30 if len(months) > 12 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 12 else "n"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font.name()
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#cccccc")
    chart.bars[0].fillColor = colors.HexColor("#2f5d8a")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:.0f}" if v else ""
    chart.barLabels.fontName = font.name()
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(2 * mm, height - 4 * mm, "%", fontName=font.name(), fontSize=9))
    return drawing


def _month_rows(report: StatsReport, template: Mapping[str, Any]) -> list[list[str]]:
    rows = [list(template["months_header"])]
    for f in [*report.months, report.total]:
        rows.append(
            [
                f.label,
                number(f.received),
                number(f.settled),
                number(f.ahead),
                number(f.on_time),
                number(f.late),
                percent(f.on_time_rate),
                number(f.overdue),
                percent(f.satisfaction),
            ]
        )
    return rows


def render_stats(report: StatsReport, issuer: Issuer, template: Mapping[str, Any]) -> bytes:
    page = Page()
    width = page.frame_width
    subject = fill(template["subject"], {"start": short_date(report.start), "end": short_date(report.end)})
    story: list[Flowable] = [
        heading(issuer, template["number_format"], report.printed, width),
        *title(template["title"], 14, subtitle=subject),
        section_heading(template["months_heading"]),
        Spacer(1, 1.5 * mm),
    ]
    months = field_table(
        _month_rows(report, template),
        [w * width / 165 for w in (19, 16, 18, 16, 16, 16, 19, 23, 22)],
        size=10,
        centre=range(9),
    )
    months.setStyle([("FONT", (0, -1), (-1, -1), official_font().name("bold"), 10)])
    story += [
        months,
        Spacer(1, 4 * mm),
        section_heading(template["fields_heading"]),
        Spacer(1, 1.5 * mm),
    ]
    if report.fields:
        rows = [list(template["fields_header"])]
        rows += [
            [
                str(i),
                f.label,
                number(f.settled),
                number(f.ahead),
                number(f.on_time),
                number(f.late),
                percent(f.on_time_rate),
            ]
            for i, f in enumerate(report.fields, 1)
        ]
        story.append(
            field_table(
                rows, [w * width / 165 for w in (10, 55, 22, 18, 20, 18, 22)], size=10, centre=(0, 2, 3, 4, 5, 6)
            )
        )
    else:
        story.append(para(template["no_fields"], 12, italic=True))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether([para(template["chart_heading"], 13, bold=True), _chart(report.months, width)]))
    notes: list[Flowable] = [para(template["notes_heading"], 11, bold=True, italic=True)]
    notes += [para(f"- {n}", 11, italic=True) for n in template["notes"]]
    story += [Spacer(1, 2 * mm), *notes[:-1]]
    story.append(closing(report.signer, width, to=template["recipients"], keep=notes[-1:]))
    return build_pdf(story, page, title=f"{template['title']} {subject}", page_numbers=True)
