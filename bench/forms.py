"""Printing speed: one receipt slip (target <= 15 ms), a batch of slips, and the ledger of 10,000 dossiers
(target <= 5 s), each against a baseline path run in the same process.

Baselines: the slip laid out the plain platypus way (a Paragraph per line, reportlab's QR widget, each copy laid
out on its own); the ledger as one reportlab Table with its header row repeated by Table's own page splitting.

.venv/bin/python bench/forms.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any


def median_ms(fn: Callable[[str], Any], items: Sequence[str], cpu: list[float] | None = None) -> float:
    """Median wall time of ``fn`` over ``items`` in ms. The machine may be shared: the median processor time of
    this process, which other processes do not inflate, is appended to ``cpu``."""
    times, cpu_times = [], []
    for item in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(item)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - start_cpu) * 1000)
    if cpu is not None:
        cpu.append(statistics.median(cpu_times))
    return statistics.median(times)


def baseline_slip(slip: Any, template: dict[str, Any], office: Any) -> bytes:
    """The slip built as reportlab is usually used: Paragraphs, the QR widget, every copy laid out again."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    from isodesk.reports.official import build_pdf, heading, signatures, style, t
    from isodesk.reports.papers import fill, form_page, values

    page = form_page(template)
    width, size = page.frame_width, 10
    data = values(
        slip.dossier,
        **office.words(),
        officer=slip.officer,
        sets=f"{slip.sets:02d}",
        processing_time=slip.processing_time,
        fee=slip.fee,
        return_place=template["return_place"],
    )

    def p(text: str, s: float = size, **kw: Any) -> Paragraph:
        return Paragraph(t(text), style(s, **kw))

    story: list[Any] = []
    for i, copy in enumerate(template["copies"]):
        if i:
            story.append(PageBreak())
        widget = QrCodeWidget(slip.dossier.code)
        x0, y0, x1, y1 = widget.getBounds()
        qr = Drawing(20 * mm, 20 * mm, transform=[20 * mm / (x1 - x0), 0, 0, 20 * mm / (y1 - y0), 0, 0])
        qr.add(widget)
        title = Table(
            [
                [
                    [
                        p(template["title"], size + 1, bold=True, align=TA_CENTER),
                        p(f"Mã hồ sơ: {slip.dossier.code}", bold=True, align=TA_CENTER),
                        p(f"({copy})", size - 1, italic=True, align=TA_CENTER),
                    ],
                    qr,
                ]
            ],
            colWidths=[width - 22 * mm, 22 * mm],
        )
        rows: list[list[Any]] = [list(template["components_header"])]
        rows += [[str(n), p(c, size - 1), "", ""] for n, c in enumerate(slip.components, 1)]
        table = Table(rows, colWidths=[8 * mm, width - 44 * mm, 18 * mm, 18 * mm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#000000")]))
        story += [
            heading(office.issuer_for(template), slip.dossier.code, slip.dossier.received.date(), width, size=8.5),
            Spacer(1, 2 * mm),
            title,
            *[p(fill(line, data)) for line in template["lines_before"]],
            table,
            *[p(fill(line, data)) for line in template["lines_after"]],
            signatures(
                [
                    (template["applicant_title"], template["signature_note"], slip.dossier.applicant),
                    (template["officer_title"], template["signature_note"], slip.officer),
                ],
                width,
                size,
                gap_lines=2,
            ),
        ]
    return build_pdf(story, page, title="baseline")


def baseline_ledger(rows: Sequence[Any], template: dict[str, Any]) -> bytes:
    """The ledger as one Table whose header row reportlab repeats when it splits the table at each page end."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from isodesk.reports.fonts import official_font
    from isodesk.reports.ledger import _Grid
    from isodesk.reports.official import Page, build_pdf

    page = Page(size="A4", landscape=True, top=15 * mm, bottom=15 * mm, left=15 * mm, right=12 * mm)
    grid = _Grid(rows, template["header"], page.frame_width, None)
    data = [["\n".join(c) for c in grid.header]] + [["\n".join(c) for c in cells] for cells in grid.cells]
    table = Table(data, colWidths=grid.widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), official_font().name("bold"), 8.5),
                ("FONT", (0, 1), (-1, -1), official_font().name(), 8.5),
                ("GRID", (0, 0), (-1, -1), 0.4, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return build_pdf([table], page, title="baseline", page_numbers=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    from isodesk.i18n.dates import LOCAL_TZ
    from isodesk.reports.official import page_count
    from isodesk.services.context import open_context
    from isodesk.services.ledger.demo_ledger import fill_demo_ledger
    from isodesk.services.ledger.queries import list_dossiers
    from isodesk.services.office.demo import fill_demo
    from isodesk.services.printing import dossier as dossier_forms
    from isodesk.services.printing import ledger_pdf, receipt_pdf, receipts_pdf
    from isodesk.services.printing.templates import form_set_on, template_of

    with tempfile.TemporaryDirectory() as folder:
        ctx = open_context(folder)
        fill_demo(ctx, 0)
        fill_demo_ledger(ctx, 10_000, now=datetime(2026, 11, 20, 12, 0, tzinfo=LOCAL_TZ))
        codes = [r.code for r in list_dossiers(ctx, limit=3 * args.runs + 51)]
        receipt_pdf(ctx, codes[0])  # fonts registered and loaded once per process

        # The baseline renders exactly what the service reads, from the same slip data.
        captured: dict[str, Any] = {}
        render = dossier_forms.render_receipts

        def capture(slips: Sequence[Any]) -> bytes:
            captured["slips"] = list(slips)
            return render(slips)

        dossier_forms.render_receipts = capture  # type: ignore[assignment]

        def baseline(code: str) -> bytes:
            receipt_pdf(ctx, code)
            slip, template, office = captured["slips"][0]
            start = time.perf_counter()
            data = baseline_slip(slip, template, office)
            captured.setdefault("render", []).append(time.perf_counter() - start)
            return data

        base_codes, new_codes = codes[1 : args.runs + 1], codes[args.runs + 1 : 2 * args.runs + 1]
        median_ms(baseline, base_codes)
        base_render = statistics.median(captured["render"]) * 1000
        dossier_forms.render_receipts = render  # type: ignore[assignment]
        reprint = median_ms(lambda c: receipt_pdf(ctx, c), base_codes)  # reprints: QR codes already known
        slip_cpu: list[float] = []
        slip = median_ms(lambda c: receipt_pdf(ctx, c), new_codes, slip_cpu)
        batch_codes = codes[2 * args.runs + 1 : 2 * args.runs + 51]
        start = time.perf_counter()
        batch = receipts_pdf(ctx, batch_codes)
        per_slip = (time.perf_counter() - start) * 1000 / len(batch_codes)

        period = (date(2025, 11, 1), date(2026, 11, 30))
        start, start_cpu = time.perf_counter(), time.process_time()
        ledger = ledger_pdf(ctx, *period)
        ledger_s, ledger_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        small = (date(2026, 9, 1), date(2026, 11, 30))
        start = time.perf_counter()
        small_new = ledger_pdf(ctx, *small)
        small_s = time.perf_counter() - start
        rows = captured_rows(ctx, small)
        start = time.perf_counter()
        baseline_ledger(rows, template_of(form_set_on(small[1]), "ledger"))
        small_base_s = time.perf_counter() - start
        ctx.close()
    print(
        f"receipt slip (2 copies, A5):   median {slip:6.1f} ms   (target <= 15); processor time {slip_cpu[0]:.1f} ms;"
        f" reprint {reprint:.1f} ms"
    )
    print(f"  baseline path, render only:  median {base_render:6.1f} ms   -> {base_render / slip:.1f}x the new slip")
    print(f"batch of 50 slips in one PDF:  {per_slip:6.1f} ms per slip ({page_count(batch)} pages)")
    print(
        f"ledger of 10,000 dossiers:     {ledger_s:6.2f} s   (target <= 5); processor time {ledger_cpu:.2f} s"
        f" ({page_count(ledger)} pages, {len(ledger) / 2**20:.1f} MB)"
    )
    print(
        f"ledger of {len(rows):,} dossiers:      {small_s:6.2f} s; baseline Table {small_base_s:.2f} s"
        f" -> {small_base_s / small_s:.1f}x ({page_count(small_new)} pages)"
    )


def captured_rows(ctx: Any, period: tuple[date, date]) -> list[Any]:
    """The ledger rows the service would print for ``period`` (read through the service's own query)."""
    from isodesk.services.printing import ledger as ledger_service

    seen: dict[str, Any] = {}
    render = ledger_service.render_ledger

    def capture(rows: Sequence[Any], *rest: Any, **kw: Any) -> bytes:
        seen["rows"] = list(rows)
        return b""

    ledger_service.render_ledger = capture  # type: ignore[assignment]
    try:
        ledger_service.ledger_pdf(ctx, *period)
    finally:
        ledger_service.render_ledger = render  # type: ignore[assignment]
    return list(seen["rows"])


if __name__ == "__main__":
    main()
