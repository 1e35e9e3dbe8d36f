"""The statistics report of a period as PDF, from the figures of :mod:`isodesk.services.ledger.stats`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from isodesk.i18n.dates import local_datetime, local_now, month_year
from isodesk.reports.stats import Figures, StatsReport, render_stats
from isodesk.services.context import AppContext
from isodesk.services.ledger.stats import stats, stats_by, stats_by_month
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.ledger import check_period
from isodesk.services.printing.office import head_signer, office_issuer
from isodesk.services.printing.reports_data import report_texts


def _figures(label: str, s: dict[str, Any]) -> Figures:
    return Figures(
        label,
        s["received"],
        s["settled"],
        s["ahead"],
        s["on_time"],
        s["late"],
        s["on_time_rate"],
        s["overdue"],
        s["satisfaction_rate"],
    )


def stats_pdf(ctx: AppContext, start: date, end: date, now: datetime | None = None) -> bytes:
    check_period(start, end)
    now = now or local_now()
    profile = get_profile(ctx)
    template = report_texts()["stats"]
    months = [_figures(month_year(date.fromisoformat(m["from"])), m) for m in stats_by_month(ctx, start, end, now=now)]
    total = _figures(template["total"], stats(ctx, start, end, now=now))
    fields = [
        Figures(f["group"], 0, f["settled"], f["ahead"], f["on_time"], f["late"], f["on_time_rate"], 0, None)
        for f in stats_by(ctx, "field", start, end)
    ]
    signer = head_signer(profile, template)
    report = StatsReport(start, end, local_datetime(now).date(), months, total, fields, signer)
    return render_stats(report, office_issuer(profile), template)
