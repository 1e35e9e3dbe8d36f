"""The pages of a PDF as images, for the preview and for printing.

Qt's own PDF module is in PySide6-Addons (hundreds of megabytes); pypdfium2 renders with PDFium, the engine of
Chromium's PDF viewer, in a few megabytes and with the same output on Windows and Linux. PDFium keeps global state
and must not be entered by two threads at once (pypdfium2's documentation), so every call goes through one lock:
pages are rendered off the GUI thread, one at a time.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

_PDFIUM = threading.Lock()
POINTS_PER_INCH = 72.0


class PdfPages:
    """A PDF held in memory: its page count and page sizes (in points), and any page rendered to a QImage."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.closed = False
        with _PDFIUM:
            self._doc = pdfium.PdfDocument(data)
            self.sizes = [QSizeF(*self._doc.get_page_size(i)) for i in range(len(self._doc))]

    def __len__(self) -> int:
        return len(self.sizes)

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` at ``dpi`` dots per inch, as an independent QImage (a null image once closed)."""
        with _PDFIUM:
            if self.closed:
                return QImage()
            page = self._doc[index]
            try:
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
                image = QImage(
                    bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
                ).copy()  # the bitmap's memory is PDFium's: copy before it is released
                bitmap.close()
            finally:
                page.close()
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        return image

    def close(self) -> None:
        with _PDFIUM:
            if not self.closed:
                self.closed = True
                self._doc.close()
