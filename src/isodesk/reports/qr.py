"""The QR code of a dossier code, as printed on the receipt slip (TT 01/2018 and TT 03/2025, form 01).

reportlab's own QR widget encodes the text again each time it is measured or drawn and turns every run of dark
modules into a separate shape object; a slip has two copies, so that was most of the time a slip took. Here the
matrix comes from the same encoder (reportlab's ``qrencoder``, same version, error level and mask, so the
printed code is the same), is computed once per code, and is drawn as one filled path kept in a PDF form
XObject that the second copy reuses.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)


@lru_cache(maxsize=256)
def qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(module count, dark runs as (row, first column, length)) of ``text`` at error level L."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.L)
    code.addData(text)
    code.make()
    runs = []
    for r, row in enumerate(code.modules):
        c = 0
        for dark, group in itertools.groupby(bool(m) for m in row):
            n = len(list(group))
            if dark:
                runs.append((r, c, n))
            c += n
    return code.getModuleCount(), tuple(runs)


class QrCode(Flowable):  # type: ignore[misc]
    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text = text
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        name = f"qr{abs(hash((self.text, self.width))):x}"
        if not canvas.hasForm(name):
            count, runs = qr_runs(self.text)
            box = self.width / (count + 2 * QUIET_ZONE)
            canvas.beginForm(name, lowerx=0, lowery=0, upperx=self.width, uppery=self.height)
            path = canvas.beginPath()
            for r, c, n in runs:
                # A little overlap between rows, so no hairline shows between them on screen.
                path.rect((c + QUIET_ZONE) * box, self.height - (r + QUIET_ZONE + 1) * box, n * box, box * 1.05)
            canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)  # overlaps stay dark
            canvas.endForm()
        canvas.doForm(name)
