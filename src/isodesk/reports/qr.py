"""The QR code of a dossier code, as printed on the receipt slip (TT 01/2018 and TT 03/2025, form 01).

reportlab's own QR widget encodes the text again each time it is measured or drawn and turns every run of dark
modules into a separate shape object; a slip has two copies, so that was most of the time a slip took. Here the
matrix comes from the same encoder (reportlab's ``qrencoder``, same version, error level and mask, so the
printed code is the same), is computed once per code, and is drawn as one filled path kept in a PDF form
XObject that the second copy reuses.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER = "10111010000"


def lost_point(modules: Sequence[Sequence[bool]]) -> int:
    """The mask penalty of reportlab's ``QRUtil.getLostPoint``, computed on strings and integers.

    Same rules, same quirks, same result (the tests compare both on many matrices): runs of five or more alike
    in rows and columns (length − 2 each); 3 per 2×2 block alike; 40 per finder-like pattern found left to right
    in rows only (reportlab's column check compares a tuple with a list and never matches), not at the last
    position; 10 per 5 % of imbalance between dark and light. reportlab scores the eight masks of every code
    with nested Python loops, which was most of the time of encoding a dossier code.
    """
    n = len(modules)
    rows = ["".join("1" if m else "0" for m in row) for row in modules]
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    score = sum(len(m.group()) - 2 for line in (*rows, *columns) for m in _RUN.finditer(line))
    ints = [int(row, 2) for row in rows]
    inner = (1 << (n - 1)) - 1
    for upper, lower in itertools.pairwise(ints):
        same_vertically = ~(upper ^ lower)
        same_horizontally = ~(upper ^ (upper >> 1))
        score += 3 * bin(same_vertically & (same_vertically >> 1) & same_horizontally & inner).count("1")
    for row in rows:
        j = row.find(_FINDER)
        while 0 <= j < n - len(_FINDER):
            score += 40
            j = row.find(_FINDER, j + len(_FINDER))
    dark = sum(row.count("1") for row in rows)
    return 10 * (abs(100 * dark // (n * n) - 50) // 5) + score


class _QRCode(qrencoder.QRCode):  # type: ignore[misc]
    def getBestMaskPattern(self) -> int:
        best, pattern = -1, 0
        for mask in range(8):
            self.makeImpl(True, mask)
            lost = lost_point(self.modules)
            if best < 0 or lost < best:
                best, pattern = lost, mask
        return pattern


@lru_cache(maxsize=256)
def qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(module count, dark runs as (row, first column, length)) of ``text`` at error level L."""
    code = _QRCode(None, qrencoder.QRErrorCorrectLevel.L)
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
