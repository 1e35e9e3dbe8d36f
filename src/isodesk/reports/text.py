"""Plain text lines: what nearly every line of an official paper is.

reportlab's ``Paragraph`` parses markup and builds fragments for every line it is given; papers print plain text
in one font per line, so most of a slip's time went into machinery it did not use. ``Text`` wraps at spaces with
reportlab's own ``simpleSplit`` and draws each line once, left, centred or right. Justified letter paragraphs
still use ``Paragraph``.
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable


class Text(Flowable):  # type: ignore[misc]
    def __init__(
        self, text: str, font: str, size: float, *, leading: float = 0, align: int = 0, space_after: float = 0
    ) -> None:
        super().__init__()
        self.text = unicodedata.normalize("NFC", text)
        self.font, self.size = font, size
        self.leading = leading or size * 1.25
        self.align = align
        self.spaceAfter = space_after
        self._lines: list[str] = []
        self._width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._width or not self._lines:
            self._width = avail_width
            self._lines = simpleSplit(self.text, self.font, self.size, avail_width) or [""]
        self.width, self.height = avail_width, len(self._lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.size, self.leading)
        # The first baseline sits one font size below the top, as in reportlab's Paragraph.
        y = self.height - self.size
        for line in self._lines:
            if self.align == TA_CENTER:
                canvas.drawCentredString(self._width / 2, y, line)
            elif self.align == TA_RIGHT:
                canvas.drawRightString(self._width, y, line)
            else:
                canvas.drawString(0, y, line)
            y -= self.leading
