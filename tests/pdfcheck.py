"""Reading a PDF back as a person would check it: its text, its page sizes, the fonts it really uses."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

A4 = (595, 842)
A4_LANDSCAPE = (842, 595)
A5 = (420, 595)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pages_text(data: bytes) -> list[str]:
    """Each page's text with runs of white space as one space (text of form XObjects included)."""
    return [re.sub(r"\s+", " ", p.extract_text()) for p in reader(data).pages]


def text(data: bytes) -> str:
    return " ".join(pages_text(data))


def sizes(data: bytes) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader(data).pages}


_TOKENS = re.compile(rb"/([\w+.-]+) [\d.]+ Tf|(\) ?Tj|\] ?TJ|\) ?')")


def _used_fonts(content: bytes, resources: Any, found: dict[str, Any]) -> None:
    """Fonts that show text (reportlab selects Helvetica on every page without drawing with it)."""
    fonts = resources.get("/Font", {}) if resources else {}
    current = None
    for token in _TOKENS.finditer(content):
        if token.group(1):
            current = token.group(1).decode()
        elif current is not None:
            found[current] = fonts[f"/{current}"].get_object()
    for _name, ref in (resources.get("/XObject", {}) if resources else {}).items():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            _used_fonts(xobject.get_data(), xobject.get("/Resources"), found)


def used_fonts(data: bytes) -> dict[str, Any]:
    """The font dictionaries the page content (and the forms it draws) actually selects with Tf."""
    found: dict[str, Any] = {}
    for page in reader(data).pages:
        _used_fonts(page.get_contents().get_data(), page.get("/Resources"), found)
    return found


def listed_fonts(data: bytes) -> dict[str, Any]:
    """Every font the pages and the forms they draw list in their resources."""
    found: dict[str, Any] = {}

    def walk(resources: Any) -> None:
        for name, ref in (resources.get("/Font", {}) if resources else {}).items():
            found[name] = ref.get_object()
        for _name, ref in (resources.get("/XObject", {}) if resources else {}).items():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in reader(data).pages:
        walk(page.get("/Resources"))
    return found


def assert_fonts_embedded_subsets(data: bytes) -> None:
    """Text is drawn, and every font listed is a subset of a TrueType font carried in the file."""
    assert used_fonts(data)
    for name, font in listed_fonts(data).items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, name  # a TrueType program in the file
        assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"])), font["/BaseFont"]  # a subset (tag+name)


def placed_text(data: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each run of text on page ``page`` (0-based) with where it starts, in points from the bottom-left corner."""
    out: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((re.sub(r"\s+", " ", text.strip()), x, y))

    reader(data).pages[page].extract_text(visitor_text=visit)
    return out


def ruled_lines(data: bytes, page: int = 0) -> list[tuple[float, float, float, float]]:
    """Straight lines drawn on page ``page`` (rules under headings, table borders) in page coordinates."""
    from pypdf.generic import ContentStream

    pdf = reader(data)
    ops = ContentStream(pdf.pages[page].get_contents(), pdf).operations
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple[float, ...]] = []
    start = (0.0, 0.0)
    out: list[tuple[float, float, float, float]] = []

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, b * x + d * y + f

    for operands, operator in ops:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()  # type: ignore[assignment]
        elif operator == b"cm":
            a2, b2, c2, d2, e2, f2 = (float(v) for v in operands)
            a, b, c, d, e, f = ctm
            ctm = (
                a2 * a + b2 * c,
                a2 * b + b2 * d,
                c2 * a + d2 * c,
                c2 * b + d2 * d,
                e2 * a + f2 * c + e,
                e2 * b + f2 * d + f,
            )
        elif operator == b"m":
            start = apply(float(operands[0]), float(operands[1]))
        elif operator == b"l":
            end = apply(float(operands[0]), float(operands[1]))
            out.append((*start, *end))
    return out
