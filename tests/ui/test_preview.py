"""Print preview: pages drawn lazily, printed through Qt on a real (PDF) printer, saved atomically."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.ui import ops
from isodesk.ui.printing.jobs import file_name
from isodesk.ui.printing.period import PeriodDialog, quarter_of
from isodesk.ui.printing.preview import PreviewDialog, PrintJob, open_preview


def numbered_pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        pdf.setFont("Helvetica", 40)
        pdf.drawString(200, 400, f"Page {n}")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def error_box() -> QMessageBox | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
        None,
    )


def wait_ready(qtbot, dialog: PreviewDialog) -> None:
    qtbot.waitUntil(lambda: dialog.ready and bool(dialog.drawn_pages()) and not ops.busy(), timeout=20000)


@pytest.fixture
def slip(office: AppContext) -> tuple[AppContext, str]:
    code = receive_dossier(
        office,
        "1.004873",
        ApplicantInput("Nguyễn Thị Ánh Tuyết", phone="0912345678"),
        received_at=datetime(2026, 2, 5, 9, 30, tzinfo=LOCAL_TZ),
    ).code
    return office, code


def receipt_job(ctx: AppContext, code: str) -> PrintJob:
    from isodesk.services.printing import receipt_pdf

    return PrintJob(f"Giấy tiếp nhận {code}", file_name("Giấy tiếp nhận", code), lambda _p: receipt_pdf(ctx, code))


def test_preview_draws_the_slip_and_prints_it_on_a5(qtbot, slip, tmp_path: Path) -> None:
    office, code = slip
    dialog = open_preview(receipt_job(office, code))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    assert len(dialog.views) == 2  # two copies of the slip
    first = dialog.views[0]
    assert not first.pixmap().isNull()
    size = dialog.page_pixels(0)
    assert first.size() == size and size.height() > size.width()  # A5 portrait at the screen's size
    assert _("Page {n} of {total}").format(n=1, total=2) == dialog.page_label.text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == 2
    printed = PdfReader(out)
    assert len(printed.pages) == 2
    for page in printed.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (420, 595)  # A5
        images = page["/Resources"]["/XObject"]
        assert images, "the page carries the rendered slip"


def test_save_writes_the_pdf_and_refuses_an_unwritable_place(qtbot, slip, tmp_path: Path) -> None:
    office, code = slip
    dialog = open_preview(receipt_job(office, code))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    folder = tmp_path / "out"
    folder.mkdir()
    saved: list[Path] = []
    dialog.save_to(folder / "giay-hen.pdf", saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    assert saved[0].read_bytes() == dialog.pages.data
    assert code in PdfReader(saved[0]).pages[0].extract_text()
    assert str(saved[0]) in dialog.status.text()

    dialog.save_to(folder / "khong-co" / "giay-hen.pdf")
    qtbot.waitUntil(lambda: error_box() is not None, timeout=10000)
    box = error_box()
    assert "khong-co" in box.text() and "thư mục" in box.text()
    box.close()
    assert sorted(p.name for p in folder.iterdir()) == ["giay-hen.pdf"]  # no partial file anywhere


def test_long_documents_are_drawn_only_where_the_reader_looks(qtbot) -> None:
    data = numbered_pdf(60)
    dialog = open_preview(PrintJob("Sổ", "so.pdf", lambda _p: data))
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    wait_ready(qtbot, dialog)
    assert dialog.drawn_pages()[0] == 1 and len(dialog.drawn_pages()) <= 3

    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 60 in dialog.drawn_pages() and not ops.busy(), timeout=20000)
    assert 1 not in dialog.drawn_pages()  # far pages are dropped to keep memory small
    assert dialog.page_label.text().endswith("60")


def test_the_page_counter_follows_the_scrolling(qtbot) -> None:
    dialog = open_preview(PrintJob("Sổ", "so.pdf", lambda _p: numbered_pdf(10)))
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    wait_ready(qtbot, dialog)

    def counter(n: int) -> str:
        return _("Page {n} of {total}").format(n=n, total=10)

    assert dialog.page_label.text() == counter(1)
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(dialog.views[4].y() - 20)  # the bottom edge of page 4 still shows above page 5
    qtbot.waitUntil(lambda: dialog.page_label.text() == counter(5), timeout=5000)
    bar.setValue(dialog.views[6].y() + dialog.views[6].height() // 3)
    qtbot.waitUntil(lambda: dialog.page_label.text() == counter(7), timeout=5000)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_label.text() == counter(10), timeout=5000)
    bar.setValue(0)
    qtbot.waitUntil(lambda: dialog.page_label.text() == counter(1), timeout=5000)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)


def test_zoom_and_fit_width_resize_the_pages(qtbot) -> None:
    dialog = open_preview(PrintJob("Tài liệu", "tai-lieu.pdf", lambda _p: numbered_pdf(2)))
    qtbot.addWidget(dialog)
    wait_ready(qtbot, dialog)
    width = dialog.views[0].width()
    dialog.step_zoom(+1)
    assert dialog.zoom == 1.25 and dialog.views[0].width() > width
    assert dialog.zoom_label.text() == "125%"
    dialog.fit_width()
    assert dialog.views[0].width() <= dialog.scroll.viewport().width()
    qtbot.waitUntil(lambda: bool(dialog.drawn_pages()) and not ops.busy(), timeout=10000)


def test_progress_is_shown_while_the_document_is_made(qtbot) -> None:
    seen: list[int] = []

    def make(progress) -> bytes:
        for done in range(1, 6):
            progress(done, 5)
        return numbered_pdf(1)

    dialog = open_preview(PrintJob("Sổ", "so.pdf", make))
    qtbot.addWidget(dialog)
    dialog.progress.valueChanged.connect(seen.append)
    wait_ready(qtbot, dialog)
    assert seen and seen[-1] == 5 and dialog.progress.maximum() == 5
    assert dialog.progress.isHidden()


def test_a_document_that_cannot_be_made_closes_with_its_message(qtbot) -> None:
    def make(_progress) -> bytes:
        raise UserError("Hồ sơ chưa bị trễ hạn: không có thư xin lỗi để in.")

    open_preview(PrintJob("Thư xin lỗi", "thu.pdf", make))
    qtbot.waitUntil(lambda: error_box() is not None, timeout=10000)
    box = error_box()
    assert box.text() == "Hồ sơ chưa bị trễ hạn: không có thư xin lỗi để in."
    box.close()
    assert not any(isinstance(w, PreviewDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_period_dialog_refuses_an_end_before_the_start(qtbot) -> None:
    dialog = PeriodDialog("Sổ theo dõi", date(2026, 11, 1), date(2026, 11, 30), date(2026, 11, 24))
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled()
    dialog.set_period(date(2026, 11, 30), date(2026, 11, 1))
    assert not dialog.ok.isEnabled() and dialog.problem.text() == _("The end date is before the start date.")
    dialog.set_period(*quarter_of(date(2026, 11, 24)))
    assert dialog.period() == (date(2026, 10, 1), date(2026, 12, 31)) and dialog.ok.isEnabled()


def test_file_names_are_plain_ascii() -> None:
    assert file_name("Sổ theo dõi hồ sơ", "2026-11-01") == "so-theo-doi-ho-so-2026-11-01.pdf"
    assert file_name("Giấy tiếp nhận", "000.17.22.H56-210531-0001") == "giay-tiep-nhan-000.17.22.h56-210531-0001.pdf"
