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
