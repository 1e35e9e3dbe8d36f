"""Print preview: the PDF's pages on screen, then print them or save the PDF.

The document is made off the GUI thread (a ledger of ten thousand dossiers takes seconds, with a progress bar);
pages are drawn only when they scroll into view and forgotten when they are far away, so a preview of hundreds of
pages stays light on an old PC.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _, ngettext
from isodesk.ui.messages import show_error
from isodesk.ui.ops import Progress, run_in_background, run_with_progress
from isodesk.ui.printing.pages import POINTS_PER_INCH, PdfPages
from isodesk.ui.printing.printer import print_pages

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
#: Pages kept drawn on each side of the visible ones; the rest are dropped to save memory.
KEEP_AROUND = 2
SPACING = 16


@dataclass(frozen=True)
class PrintJob:
    """A document to preview: its title, a file name to suggest, and the call that makes the PDF.

    ``make`` runs off the GUI thread and may report ``progress(done, total)``.
    """

    title: str
    file_name: str
    make: Callable[[Progress], bytes]


class PageView(QLabel):
    """One sheet: white paper with a thin border, blank until its image arrives."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number
        self.drawn_at: float | None = None  # the zoom the current image was drawn at
        self.setObjectName("previewPage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.white)
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.gray)
        self.setPalette(palette)
        self.clear_image()

    def clear_image(self) -> None:
        self.drawn_at = None
        self.setPixmap(QPixmap())
        self.setText(_("Page {n}").format(n=self.number))


class PreviewDialog(QDialog):
    def __init__(self, job: PrintJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.pages: PdfPages | None = None
        self.views: list[PageView] = []
        self.zoom = 1.0
        self._rendering = False
        self._closed = False  # background results that arrive after closing are dropped
        self.setObjectName("printPreview")
        self.setWindowTitle(_("Print preview — {title}").format(title=job.title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 760)

        self.print_button = QPushButton(_("Print…"))
        self.print_button.setObjectName("previewPrint")
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.setObjectName("previewSave")
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.zoom_label = QLabel()
        self.fit_button = QPushButton(_("Fit width"))
        self.page_label = QLabel()
        self.page_label.setObjectName("previewPageLabel")
        self.close_button = QPushButton(_("Close"))
        for button, tip in (
            (self.zoom_out, _("Zoom out")),
            (self.zoom_in, _("Zoom in")),
        ):
            button.setToolTip(tip)
            button.setFixedWidth(36)
        bar = QHBoxLayout()
        for w in (self.print_button, self.save_button, self.zoom_out, self.zoom_label, self.zoom_in, self.fit_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addWidget(self.close_button)

        self.status = QLabel(_("Preparing the document…"))
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the maker says how far it is

        self.sheet = QWidget()
        self.sheet.setObjectName("previewSheet")
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setSpacing(SPACING)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroll, 1)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(self.fit_width)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_document)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._schedule())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._update_visible)
        self._set_ready(False)
        self._show_zoom()
        run_with_progress(job.make, self._made_progress, self._made, self._failed)

    # -- making the document ------------------------------------------------------------------------------
    def _made_progress(self, done: int, total: int) -> None:
        if self._closed:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(_("Preparing the document… {done} of {total}").format(done=done, total=total))

    def _made(self, data: bytes) -> None:
        if self._closed:
            return
        self.pages = PdfPages(data)
        self.progress.hide()
        n = len(self.pages)
        self.status.setText(ngettext("{title}: {n} page.", "{title}: {n} pages.", n).format(title=self.job.title, n=n))
        self.views = [PageView(i + 1) for i in range(len(self.pages))]
        for view in self.views:
            self.sheet_layout.addWidget(view)
        self._set_ready(True)
        self.set_zoom(min(1.0, self.fitting_zoom()))  # a landscape ledger opens whole in the window

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        parent = self.parentWidget()
        self.close()
        show_error(parent, exc)

    @property
    def ready(self) -> bool:
        return self.pages is not None

    def _set_ready(self, ready: bool) -> None:
        for w in (self.print_button, self.save_button, self.zoom_in, self.zoom_out, self.fit_button):
            w.setEnabled(ready)

    # -- zoom and drawing ---------------------------------------------------------------------------------
    def _screen_dpi(self) -> float:
        return float(self.logicalDpiX())

    def page_pixels(self, index: int) -> QSize:
        assert self.pages is not None
        size = self.pages.sizes[index] * (self._screen_dpi() * self.zoom / POINTS_PER_INCH)
        return size.toSize()

    def step_zoom(self, step: int) -> None:
        if not self.ready:
            return
        nearest = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, nearest + step))])

    def fitting_zoom(self) -> float:
        """The zoom at which the widest page fills the window's width."""
        assert self.pages is not None
        available = self.scroll.viewport().width() - 2 * SPACING - self.scroll.verticalScrollBar().sizeHint().width()
        widest = max(s.width() for s in self.pages.sizes) * self._screen_dpi() / POINTS_PER_INCH
        return max(ZOOMS[0], min(ZOOMS[-1], available / widest))

    def fit_width(self) -> None:
        if self.ready:
            self.set_zoom(self.fitting_zoom())

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._apply_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")

    def _apply_zoom(self) -> None:
        self._show_zoom()
        for i, view in enumerate(self.views):
            view.setFixedSize(self.page_pixels(i))
            view.clear_image()
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start()

    def visible_range(self) -> range:
        """Indexes of the pages that intersect the viewport."""
        if not self.views:
            return range(0)
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        shown = [i for i, v in enumerate(self.views) if v.y() < bottom and v.y() + v.height() > top]
        return range(shown[0], shown[-1] + 1) if shown else range(0, 1)

    def current_page(self) -> int:
        """The 1-based number of the page the reader is looking at: the one filling most of the window, the last
        one once the scroll reaches the end (a short last page never fills most of it), the first at the top."""
        if not self.views:
            return 0
        bar = self.scroll.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            return len(self.views)
        top = bar.value()
        bottom = top + self.scroll.viewport().height()

        def seen(view: PageView) -> int:
            return max(0, min(bottom, view.y() + view.height()) - max(top, view.y()))

        return max(self.views, key=lambda view: (seen(view), -view.number)).number

    def _update_visible(self) -> None:
        visible = self.visible_range()
        if not visible:
            return
        self.page_label.setText(_("Page {n} of {total}").format(n=self.current_page(), total=len(self.views)))
        keep = range(max(0, visible.start - KEEP_AROUND), min(len(self.views), visible.stop + KEEP_AROUND))
        for i, view in enumerate(self.views):
            if i not in keep and view.drawn_at is not None:
                view.clear_image()
        self._render_next()

    def _render_next(self) -> None:
        """Draw the first visible page that is not drawn at the current zoom; one at a time, off the GUI thread."""
        if self._rendering or self.pages is None:
            return
        todo = [i for i in self.visible_range() if self.views[i].drawn_at != self.zoom]
        if not todo:
            return
        index, zoom, pages = todo[0], self.zoom, self.pages
        ratio = self.devicePixelRatioF()
        dpi = self._screen_dpi() * zoom * ratio
        self._rendering = True

        def drawn(image: object) -> None:
            self._rendering = False
            if self._closed or not shiboken6.isValid(self):  # closed, or deleted with its parent meanwhile
                return
            if zoom == self.zoom and index < len(self.views):
                pixmap = QPixmap.fromImage(image)  # type: ignore[arg-type]
                pixmap.setDevicePixelRatio(ratio)
                self.views[index].setPixmap(pixmap)
                self.views[index].drawn_at = zoom
            self._render_next()

        def failed(exc: BaseException) -> None:
            self._rendering = False
            if not self._closed:
                show_error(self, exc)

        run_in_background(lambda: pages.render(index, dpi), drawn, failed)

    def drawn_pages(self) -> list[int]:
        """1-based numbers of the pages drawn on screen now (for tests and the status line)."""
        return [v.number for v in self.views if v.drawn_at is not None]

    # -- printing and saving ------------------------------------------------------------------------------
    def print_document(self) -> None:
        if self.pages is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print {title}").format(title=self.job.title))
        dialog.setMinMax(1, len(self.pages))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        page_range = None
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            page_range = (printer.fromPage(), printer.toPage())
        self.print_to(printer, page_range)

    def print_to(self, printer: QPrinter, page_range: tuple[int, int] | None = None) -> int:
        """Print on ``printer`` with a progress dialog that can cancel; returns the pages sent."""
        assert self.pages is not None
        first, last = page_range or (1, len(self.pages))
        progress = QProgressDialog(
            _("Printing {title}…").format(title=self.job.title), _("Cancel"), 0, last - first + 1
        )
        progress.setWindowTitle(_("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            printed = print_pages(self.pages, printer, step, page_range)
        except Exception as exc:
            progress.close()
            show_error(self, exc)
            return 0
        progress.close()
        where = printer.printerName() or printer.outputFileName()
        self.status.setText(
            ngettext("Sent {n} page to {printer}.", "Sent {n} pages to {printer}.", printed).format(
                n=printed, printer=where
            )
        )
        return printed

    def save_document(self) -> None:
        if self.pages is None:
            return
        start = Path.home() / "Documents"
        folder = start if start.is_dir() else Path.home()
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), str(folder / self.job.file_name), _("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path, on_saved: Callable[[Path], None] | None = None) -> None:
        """Write the PDF to ``path`` (atomically, off the GUI thread); a clear message when it cannot be written."""
        assert self.pages is not None
        data = self.pages.data

        def write() -> Path:
            from isodesk.services.printing import write_pdf

            return write_pdf(path, data)

        def saved(where: Path) -> None:
            self.status.setText(_("Saved {path}.").format(path=where))
            if on_saved is not None:
                on_saved(where)

        run_in_background(write, saved, lambda exc: show_error(self, exc))

    def closeEvent(self, event: object) -> None:
        self._closed = True
        if self.pages is not None:
            pages, self.pages = self.pages, None
            for view in self.views:
                view.clear_image()
            pages.close()
        super().closeEvent(event)  # type: ignore[arg-type]


def open_preview(job: PrintJob, parent: QWidget | None = None) -> PreviewDialog:
    dialog = PreviewDialog(job, parent)
    dialog.show()
    return dialog
