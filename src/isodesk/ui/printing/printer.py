"""Sending a PDF to a printer through Qt.

Each page is rendered at the printer's resolution (capped: 300 dpi is sharp for text and keeps memory small on
old PCs) and painted on the full sheet, so what comes out is the PDF exactly, with its own margins. The paper is
the PDF's (A5 slips, A4 forms, A4 landscape ledger), matched to the printer's named sizes so the driver picks the
right tray.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.ui.printing.pages import PdfPages

MAX_DPI = 300


def page_layout(pages: PdfPages) -> QPageLayout:
    """The layout of the document's first page: a named paper size where one matches, and its orientation."""
    size = pages.sizes[0]
    landscape = size.width() > size.height()
    portrait = size.transposed() if landscape else size
    paper = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(paper, orientation, QMarginsF(0, 0, 0, 0))


def print_pages(
    pages: PdfPages,
    printer: QPrinter,
    progress: Callable[[int, int], bool] | None = None,
    page_range: tuple[int, int] | None = None,
) -> int:
    """Print ``pages`` (1-based inclusive ``page_range``, default all); returns the number of pages printed.

    ``progress(done, total)`` is called after each page; returning False cancels the rest of the job.
    """
    first, last = page_range or (1, len(pages))
    first, last = max(1, first), min(len(pages), last)
    total = last - first + 1
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(pages))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_("The printer could not be started. Check that it is switched on and connected."))
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(first - 1, last):
            if printed:
                printer.newPage()
            image = pages.render(index, dpi)
            painter.drawImage(QRectF(painter.viewport()), image)
            printed += 1
            if progress is not None and progress(printed, total) is False:
                printer.abort()
                break
    finally:
        painter.end()
    return printed
