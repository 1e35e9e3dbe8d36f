"""Plain text lines: what nearly every line of an official paper is.

reportlab's ``Paragraph`` parses markup and builds fragments for every line it is given; papers print plain text
in one font per line, so most of a slip's time went into machinery it did not use. ``Text`` wraps at spaces with
reportlab's own ``simpleSplit`` and draws each line once, left, centred or right. Justified letter paragraphs
still use ``Paragraph``. A no-break space (U+00A0) joins what must stay on one line (a date on a narrow slip).
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

NBSP = "\u00a0"


def split_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` wrapped at ordinary spaces only (reportlab's ``simpleSplit`` also breaks at no-break spaces)."""
    if NBSP not in text:
        return list(simpleSplit(text, font, size, width))
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        words = [w for w in paragraph.replace(NBSP, "\0").split() if w]
        for word in (w.replace("\0", NBSP) for w in words):
            candidate = f"{line} {word}" if line else word
            if line and stringWidth(candidate, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


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
            self._lines = split_lines(self.text, self.font, self.size, avail_width) or [""]
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


class Heading(Text):
    """A heading line that never ends a page: when less than ``room`` is left under it for the text that follows,
    it starts the next page (NĐ 30/2020: a heading stays with its text). What follows is not dragged along: a long
    table still starts on the heading's page."""

    def __init__(
        self, text: str, font: str, size: float, *, room: float, space_after: float = 0, align: int = 0
    ) -> None:
        super().__init__(text, font, size, space_after=space_after, align=align)
        self.room = room

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = super().wrap(avail_width, avail_height)
        if height + self.room > avail_height:
            return width, avail_height + 1  # does not fit here: the frame asks to split, and gets nothing
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # moved whole to the next frame, where the room is
