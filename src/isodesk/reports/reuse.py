"""A block laid out once and printed many times: the copies of a slip ("Liên: Lưu", "Liên: Giao khách hàng").

The block's flowables are drawn once into a PDF form XObject; every copy then places that form. The copies print
exactly alike, the file holds the text once, and the second copy costs nothing to lay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count

from reportlab.platypus import Flowable

_names = count()


class Reused(Flowable):  # type: ignore[misc]
    """A block of ``flowables`` that may appear several times in one story. It is placed whole; only when it is
    taller than the page (a procedure with a very long list of documents) does it give up being reused and flow
    over the pages as its flowables."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.name = f"block{next(_names)}"
        self._laid_out: list[tuple[Flowable, float, float, float]] = []  # flowable, x, bottom from top, width
        self._size: tuple[float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._size is None or self._size[0] != avail_width:
            height = 0.0
            self._laid_out = []
            for i, f in enumerate(self.flowables):
                w, h = f.wrap(avail_width, avail_height)
                height += f.getSpaceBefore() if i else 0.0
                align = getattr(f, "hAlign", "LEFT")
                x = (avail_width - w) / 2 if align == "CENTER" else avail_width - w if align == "RIGHT" else 0.0
                self._laid_out.append((f, x, height + h, w))
                height += h + f.getSpaceAfter()
            self._size = (avail_width, height)
        return self._size

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _width, height = self.wrap(avail_width, avail_height)
        if height <= avail_height:
            return [self]
        return list(self.flowables)

    def draw(self) -> None:
        canvas = self.canv
        assert self._size is not None
        width, height = self._size
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name, lowerx=0, lowery=0, upperx=width, uppery=height)
            for f, x, bottom_from_top, _w in self._laid_out:
                f.drawOn(canvas, x, height - bottom_from_top)
            canvas.endForm()
        canvas.doForm(self.name)
