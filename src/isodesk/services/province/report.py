"""The province's yearly consolidated report on the units' quality systems (QĐ 19/2014/QĐ-TTg, Annex II;
docs/DOMAIN.md §1): how many communes and wards apply TCVN ISO 9001, have announced conformity and maintain it
(an internal audit and a management review held in the year), and their on-time rates; one line per unit.

The figures come from :func:`isodesk.services.province.status.province_status` for the year, so the dashboard, the
PDF and the Excel file show the same numbers. The PDF goes through the report layer
(:mod:`isodesk.reports.province_report`); the Excel workbook is written with openpyxl.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.reports.province_report import STEPS, TARGET, ProvinceOverview, Summary, UnitRow, summarise
from isodesk.services.context import AppContext
from isodesk.services.files import write_file
from isodesk.services.office.profile import get_profile
from isodesk.services.province.status import UnitStatus, province_status


def _row(status: UnitStatus) -> UnitRow:
    return UnitRow(
        unit_code=status.unit_code,
        unit_name=status.unit_name,
        enrolled=status.enrolled,
        confirmed=status.confirmed,
        qms_step=status.qms_step or None,
        announced_on=status.announced_on,
        last_audit_on=status.last_audit_on,
        last_review_on=status.last_review_on,
        objectives_met=status.objectives_met,
        objectives_total=status.objectives_total or None,
        on_time_rate=status.on_time_rate,
        open_nonconformities=status.open_nonconformities if status.enrolled else None,
        last_package_at=status.last_package_at,
        sequence=status.sequence,
        received=status.received,
        reported_this_year=status.reported_this_year,
    )


def _province_only(ctx: AppContext) -> Any:
    profile = get_profile(ctx)
    if profile.role != "province":
        raise UserError(
            _(
                "The consolidated report of the province is made in the province's office, from the packages its "
                "units send. A commune or ward office prints its own statistics with “isodesk form stats”."
            )
        )
    return profile


def province_overview(ctx: AppContext, year: int | None = None, today: date | None = None) -> ProvinceOverview:
    """Every unit of the province with its figures of ``year`` (default this year), and the province's totals."""
    profile = _province_only(ctx)
    today = today or local_today()
    year = year or today.year
    units = tuple(_row(s) for s in province_status(ctx, year))
    return ProvinceOverview(
        year=year,
        province_code=profile.province_code,
        province_name=profile.province_name,
        leader_title=profile.leader_title or "Tổ trưởng Tổ công tác ISO",
        leader_name=profile.leader_name,
        made_on=today,
        units=units,
        summary=summarise(units, year),
    )


# -- output -------------------------------------------------------------------------------------------------------
PDF, XLSX = ".pdf", ".xlsx"


def check_report_path(out: str | Path) -> Path:
    """Refuse at once a path that is not a .pdf or .xlsx file in an existing folder."""
    path = Path(out)
    if path.suffix.lower() not in (PDF, XLSX):
        raise UserError(_("The report file must end in .pdf (to print) or .xlsx (for Excel)."))
    if path.is_dir():
        raise UserError(_("{path} is a folder: give a file name ending in .pdf or .xlsx.").format(path=path))
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist. Choose another folder.").format(folder=path.parent))
    return path


def report_pdf(overview: ProvinceOverview) -> bytes:
    from isodesk.reports.province_report import render_province_report
    from isodesk.services.printing.reports_data import report_texts

    return render_province_report(overview, report_texts()["province_report"])


def report_xlsx(overview: ProvinceOverview) -> bytes:
    from isodesk.reports.province_report import province_workbook
    from isodesk.services.printing.reports_data import report_texts

    book = province_workbook(overview, report_texts()["province_report"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@dataclass(frozen=True)
class Written:
    out: Path
    kind: str  # "pdf" or "xlsx"
    pages: int  # pages of the PDF; 0 for a workbook
    units: int

    def to_dict(self) -> dict[str, Any]:
        return {"out": str(self.out), "kind": self.kind, "pages": self.pages, "units": self.units}


def write_report(ctx: AppContext, out: str | Path, year: int | None = None, today: date | None = None) -> Written:
    """Write the report of ``year`` to ``out``: a PDF to print, or an Excel workbook, by the file's suffix."""
    path = check_report_path(out)
    overview = province_overview(ctx, year, today)
    if path.suffix.lower() == PDF:
        from isodesk.reports.official import page_count

        data = report_pdf(overview)
        return Written(write_file(path, data), "pdf", page_count(data), len(overview.units))
    return Written(write_file(path, report_xlsx(overview)), "xlsx", 0, len(overview.units))


__all__ = [
    "STEPS",
    "TARGET",
    "ProvinceOverview",
    "Summary",
    "UnitRow",
    "Written",
    "check_report_path",
    "province_overview",
    "report_pdf",
    "report_xlsx",
    "summarise",
    "write_report",
]
