"""The province's yearly consolidated report on the units' quality systems (QĐ 19/2014/QĐ-TTg, Annex II), as a
paper (A4 landscape, NĐ 30/2020 layout) and as an Excel workbook with the same figures.

The figures are :class:`isodesk.services.province.report.ProvinceOverview`'s; the fixed wording is the
``province_report`` entry of ``resources/forms/reports.json``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from isodesk.domain.qms.journey import Phase
from isodesk.i18n.dates import local_datetime, short_date
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
from isodesk.reports.stats import number, percent

if TYPE_CHECKING:
    from openpyxl import Workbook

#: The QMS steps in their order (QĐ 19/2014: build, apply, announce, maintain); None: nothing received yet.
STEPS: tuple[str, ...] = tuple(p.value for p in Phase)
#: The on-time rate a unit is expected to reach (the ledger's target line).
TARGET = 0.95


@dataclass(frozen=True)
class UnitRow:
    """One unit of the province as the dashboard and the report show it."""

    unit_code: str
    unit_name: str
    enrolled: bool
    confirmed: bool
    qms_step: str | None
    announced_on: date | None
    last_audit_on: date | None
    last_review_on: date | None
    objectives_met: int | None
    objectives_total: int | None
    on_time_rate: float | None
    open_nonconformities: int | None
    last_package_at: datetime | None
    sequence: int | None
    received: int
    reported_this_year: bool

    def audit_in(self, year: int) -> bool:
        return self.last_audit_on is not None and self.last_audit_on.year == year

    def review_in(self, year: int) -> bool:
        return self.last_review_on is not None and self.last_review_on.year == year

    @property
    def applying(self) -> bool:
        """Builds or applies a quality system: it sent its QMS step."""
        return self.qms_step is not None

    @property
    def announced(self) -> bool:
        return self.announced_on is not None

    def maintained(self, year: int) -> bool:
        """Announced, and both an internal audit and a management review held in the year (QĐ 19/2014, step 4)."""
        return self.announced and self.audit_in(year) and self.review_in(year)

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "enrolled": self.enrolled,
            "confirmed": self.confirmed,
            "qms_step": self.qms_step,
            "announced_on": self.announced_on.isoformat() if self.announced_on else None,
            "last_audit_on": self.last_audit_on.isoformat() if self.last_audit_on else None,
            "last_review_on": self.last_review_on.isoformat() if self.last_review_on else None,
            "objectives_met": self.objectives_met,
            "objectives_total": self.objectives_total,
            "on_time_rate": self.on_time_rate,
            "open_nonconformities": self.open_nonconformities,
            "last_package_at": self.last_package_at.isoformat() if self.last_package_at else None,
            "sequence": self.sequence,
            "received": self.received,
            "reported_this_year": self.reported_this_year,
        }


@dataclass(frozen=True)
class Summary:
    """The province's totals of the year (QĐ 19/2014, Annex II)."""

    units: int
    reporting: int
    applying: int
    announced: int
    maintained: int
    audits_held: int
    reviews_held: int
    rated: int  # units with an on-time rate
    mean_on_time_rate: float | None  # the mean of the units' rates
    on_target: int  # units at or above TARGET
    objectives_met: int
    objectives_total: int
    open_nonconformities: int
    by_step: dict[str | None, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "reporting": self.reporting,
            "applying": self.applying,
            "announced": self.announced,
            "maintained": self.maintained,
            "audits_held": self.audits_held,
            "reviews_held": self.reviews_held,
            "rated": self.rated,
            "mean_on_time_rate": self.mean_on_time_rate,
            "on_target": self.on_target,
            "objectives_met": self.objectives_met,
            "objectives_total": self.objectives_total,
            "open_nonconformities": self.open_nonconformities,
            "by_step": {k or "none": v for k, v in self.by_step.items()},
        }


@dataclass(frozen=True)
class ProvinceOverview:
    year: int
    province_code: str
    province_name: str
    leader_title: str
    leader_name: str
    made_on: date
    units: tuple[UnitRow, ...]
    summary: Summary

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "province_code": self.province_code,
            "province_name": self.province_name,
            "summary": self.summary.to_dict(),
            "units": [u.to_dict() for u in self.units],
        }


def summarise(units: Sequence[UnitRow], year: int) -> Summary:
    rates = [u.on_time_rate for u in units if u.on_time_rate is not None]
    steps: Counter[str | None] = Counter(u.qms_step if u.qms_step in STEPS else None for u in units)
    return Summary(
        units=len(units),
        reporting=sum(u.reported_this_year for u in units),
        applying=sum(u.applying for u in units),
        announced=sum(u.announced for u in units),
        maintained=sum(u.maintained(year) for u in units),
        audits_held=sum(u.audit_in(year) for u in units),
        reviews_held=sum(u.review_in(year) for u in units),
        rated=len(rates),
        mean_on_time_rate=round(sum(rates) / len(rates), 4) if rates else None,
        on_target=sum(r >= TARGET for r in rates),
        objectives_met=sum(u.objectives_met or 0 for u in units),
        objectives_total=sum(u.objectives_total or 0 for u in units),
        open_nonconformities=sum(u.open_nonconformities or 0 for u in units),
        by_step={step: steps.get(step, 0) for step in (*STEPS, None)},
    )


SUMMARY_KEYS = ("units", "reporting", "applying", "announced", "maintained", "audits_held", "reviews_held", "on_target")


def _day(value: date | None) -> str:
    return short_date(value) if value else "—"


def _moment(value: datetime | None) -> str:
    return short_date(local_datetime(value).date()) if value else "—"


def _objectives(u: UnitRow) -> str:
    if u.objectives_total is None:
        return "—"
    return f"{'—' if u.objectives_met is None else u.objectives_met}/{u.objectives_total}"


def step_name(step: str | None, template: Mapping[str, Any]) -> str:
    names = template["steps"]
    return str(names.get(step or "none", names["none"]))


def summary_rows(overview: ProvinceOverview, template: Mapping[str, Any]) -> list[tuple[str, int, float | None]]:
    """(wording, count, share of all units) for each line of part I."""
    s = overview.summary.to_dict()
    total = overview.summary.units
    return [
        (str(template["summary"][key]), int(s[key]), (s[key] / total) if total and key != "units" else None)
        for key in SUMMARY_KEYS
    ]


def unit_cells(u: UnitRow, template: Mapping[str, Any]) -> list[str]:
    return [
        f"{u.unit_name} ({u.unit_code})",
        step_name(u.qms_step, template),
        _day(u.announced_on),
        _day(u.last_audit_on),
        _day(u.last_review_on),
        _objectives(u),
        percent(u.on_time_rate),
        "—" if u.open_nonconformities is None else number(u.open_nonconformities),
        _moment(u.last_package_at),
    ]


def render_province_report(overview: ProvinceOverview, template: Mapping[str, Any]) -> bytes:
    page = Page(landscape=True)
    width = page.frame_width
    province = overview.province_name
    issuer_body = fill(template["issuer_body"], {"province": province})
    issuer = Issuer(
        body=issuer_body,
        parent=fill(template["issuer_parent"], {"province": province}),
        place=province.removeprefix("Tỉnh ").removeprefix("Thành phố "),
    )
    subject = fill(template["subject"], {"year": str(overview.year)})
    basis = fill(
        template["basis"],
        {"made_on": short_date(overview.made_on), "province": province, "issuer": issuer_body},
    )
    s = overview.summary
    story: list[Flowable] = [
        heading(issuer, template["number_format"], overview.made_on, width, left=0.45),
        *title(template["title"], 14, subtitle=subject),
        para(basis, 13, align=4, indent=10 * mm, space_after=4),
        section_heading(template["summary_heading"]),
        Spacer(1, 1.5 * mm),
    ]
    rows: list[list[str]] = [list(template["summary_header"])]
    for i, (text, count, share) in enumerate(summary_rows(overview, template), 1):
        rows.append([str(i), text, number(count), "" if share is None else percent(share)])
    story.append(field_table(rows, [w * width / 252 for w in (14, 170, 34, 34)], size=12, centre=(0, 2, 3)))
    story += [Spacer(1, 4 * mm), section_heading(template["rates_heading"]), Spacer(1, 1.5 * mm)]
    if s.mean_on_time_rate is None:
        story.append(para(template["no_rate"], 13, indent=10 * mm))
    else:
        story.append(
            para(
                fill(template["mean_rate"], {"rated": number(s.rated), "rate": percent(s.mean_on_time_rate)}),
                13,
                indent=10 * mm,
            )
        )
    story.append(
        para(
            fill(
                template["objectives"],
                {
                    "met": number(s.objectives_met),
                    "total": number(s.objectives_total),
                    "open": number(s.open_nonconformities),
                },
            ),
            13,
            indent=10 * mm,
            space_after=2,
        )
    )
    story.append(para(template["steps_heading"], 13, indent=10 * mm))
    for step, count in s.by_step.items():
        story.append(para(f"- {step_name(step, template)}: {number(count)}", 13, indent=10 * mm))
    story += [Spacer(1, 4 * mm), section_heading(template["units_heading"]), Spacer(1, 1.5 * mm)]
    table: list[list[str]] = [list(template["units_header"])]
    table += [[str(i), *unit_cells(u, template)] for i, u in enumerate(overview.units, 1)]
    story.append(
        field_table(
            table,
            [w * width / 252 for w in (10, 56, 32, 22, 24, 24, 16, 18, 24, 26)],
            size=10,
            centre=(0, 2, 3, 4, 5, 6, 7, 8, 9),
        )
    )
    missing = [u for u in overview.units if not u.reported_this_year]
    story += [
        Spacer(1, 4 * mm),
        section_heading(fill(template["missing_heading"], {"year": str(overview.year)})),
        Spacer(1, 1.5 * mm),
    ]
    if missing:
        story.append(para(", ".join(f"{u.unit_name} ({u.unit_code})" for u in missing) + ".", 13, align=4))
    else:
        story.append(para(template["none_missing"], 13, italic=True))
    notes: list[Flowable] = [para(template["notes_heading"], 11, bold=True, italic=True)]
    notes += [para(f"- {n}", 11, italic=True) for n in template["notes"]]
    story += [Spacer(1, 2 * mm), *notes[:-1]]
    signer = Signer(fill(template["signer"], {"leader_title": overview.leader_title.upper()}), overview.leader_name)
    story.append(closing(signer, width, to=template["recipients"], keep=notes[-1:]))
    return build_pdf(story, page, title=f"{template['title']} {subject}", page_numbers=True)


def province_workbook(overview: ProvinceOverview, template: Mapping[str, Any]) -> Workbook:
    """Two sheets: the totals (part I and the rates), and one row per unit with dates as dates and rates as
    percentages, so that Excel can sort and filter them."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    book = Workbook()
    summary = book.active
    summary.title = str(template["sheet_summary"])
    subject = fill(template["subject"], {"year": str(overview.year)})
    summary.append([overview.province_name])
    summary.append([subject])
    summary["A1"].font = Font(bold=True, size=13)
    summary["A2"].font = bold
    summary.append([])
    summary.append(list(template["summary_header"]))
    for cell in summary[summary.max_row]:
        cell.font = bold
    for i, (text, count, share) in enumerate(summary_rows(overview, template), 1):
        summary.append([i, text, count, share])
        if share is not None:
            summary.cell(summary.max_row, 4).number_format = "0.0%"
    s = overview.summary
    summary.append([])
    rate = summary.max_row + 1
    summary.append(["", template["units_header"][7], s.rated, s.mean_on_time_rate])
    summary.cell(rate, 4).number_format = "0.0%"
    summary.append(["", template["units_header"][6], s.objectives_met, s.objectives_total])
    summary.append(["", template["units_header"][8], s.open_nonconformities])
    summary.append([])
    summary.append(["", template["steps_heading"]])
    summary.cell(summary.max_row, 2).font = bold
    for step, count in s.by_step.items():
        summary.append(["", step_name(step, template), count])
    for letter, width in zip("ABCD", (6, 80, 12, 12), strict=True):
        summary.column_dimensions[letter].width = width

    units = book.create_sheet(str(template["sheet_units"]))
    header = [*template["units_header"][:2], "Mã", *template["units_header"][2:]]
    header.append(fill(template["reported_header"], {"year": str(overview.year)}))
    units.append(header)
    for cell in units[1]:
        cell.font = bold
        cell.alignment = wrap
    late = PatternFill("solid", fgColor="FCE4D6")
    for i, u in enumerate(overview.units, 1):
        met = None if u.objectives_total is None else _objectives(u)
        package = local_datetime(u.last_package_at).replace(tzinfo=None) if u.last_package_at else None
        units.append(
            [
                i,
                u.unit_name,
                u.unit_code,
                step_name(u.qms_step, template),
                u.announced_on,
                u.last_audit_on,
                u.last_review_on,
                met,
                u.on_time_rate,
                u.open_nonconformities,
                package,
                template["yes"] if u.reported_this_year else template["no"],
            ]
        )
        row = units.max_row
        for column in (5, 6, 7):
            units.cell(row, column).number_format = "DD/MM/YYYY"
        units.cell(row, 9).number_format = "0.0%"
        units.cell(row, 11).number_format = "DD/MM/YYYY HH:MM"
        if not u.reported_this_year:
            for cell in units[row]:
                cell.fill = late
    widths = (5, 28, 8, 20, 13, 13, 13, 10, 11, 13, 17, 12)
    for column, width in enumerate(widths, 1):
        units.column_dimensions[get_column_letter(column)].width = width
    units.freeze_panes = "C2"
    units.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(units.max_row, 1)}"
    return book
