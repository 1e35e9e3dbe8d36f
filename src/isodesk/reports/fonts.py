"""The serif font official papers are printed in.

NĐ 30/2020/NĐ-CP, Phụ lục I, mục I.3: "Phông chữ tiếng Việt của bộ mã ký tự Unicode theo Tiêu chuẩn Việt
Nam TCVN 6909:2001" — in practice Times New Roman. It is used where the system has it (every Windows PC);
otherwise Liberation Serif (metric-compatible with Times New Roman, so lines break at the same places),
from the system or, failing that, the copy bundled in ``resources/fonts/liberation`` (SIL OFL 1.1).
Only static TTFs are used: reportlab loses bold with variable fonts. The font is embedded (subset) in
every PDF, so the paper prints the same on any PC.
"""

from __future__ import annotations

import os
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, TTFontFace, makeToUnicodeCMap

from isodesk.resources_path import resource_path

STYLES = ("regular", "bold", "italic", "bolditalic")
FAMILY = "OfficialSerif"


def _vietnamese_letters() -> str:
    vowels = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    lower = [unicodedata.normalize("NFC", v + tone) for v in vowels for tone in tones] + ["đ"]
    letters = [ch for ch in lower if not ch.isascii()]
    return "".join(letters + [ch.upper() for ch in letters])


#: Every Vietnamese letter that is not ASCII, and the punctuation papers use. Assigned first, in this order, in
#: every document (:func:`seed_subsets`), so each font's first subset is the same in every PDF and its program
#: is built and compressed once per process (:class:`_CachingFace`) instead of once per slip.
SEED = _vietnamese_letters() + "“”‘’–—…•°"


@dataclass(frozen=True)
class FontChoice:
    family: str
    source: str  # "Times New Roman (system)", "Liberation Serif (system)", "Liberation Serif (bundled)"
    files: dict[str, Path]

    def name(self, style: str = "regular") -> str:
        return FAMILY if style == "regular" else f"{FAMILY}-{style}"


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def _candidates() -> list[tuple[str, dict[str, Path]]]:
    win = _windows_fonts()
    tnr_win = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bolditalic": "timesbi.ttf"}
    tnr_linux = Path("/usr/share/fonts/truetype/msttcorefonts")
    tnr_linux_files = {
        "regular": "Times_New_Roman.ttf",
        "bold": "Times_New_Roman_Bold.ttf",
        "italic": "Times_New_Roman_Italic.ttf",
        "bolditalic": "Times_New_Roman_Bold_Italic.ttf",
    }
    lib_files = {
        "regular": "LiberationSerif-Regular.ttf",
        "bold": "LiberationSerif-Bold.ttf",
        "italic": "LiberationSerif-Italic.ttf",
        "bolditalic": "LiberationSerif-BoldItalic.ttf",
    }
    found: list[tuple[str, dict[str, Path]]] = []
    if sys.platform == "win32":
        found.append(("Times New Roman (system)", {k: win / v for k, v in tnr_win.items()}))
    found.append(("Times New Roman (system)", {k: tnr_linux / v for k, v in tnr_linux_files.items()}))
    for folder in ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"):
        found.append(("Liberation Serif (system)", {k: Path(folder) / v for k, v in lib_files.items()}))
    bundled = resource_path("fonts", "liberation")
    found.append(("Liberation Serif (bundled)", {k: bundled / v for k, v in lib_files.items()}))
    return found


class _Precompressed:
    """A Flate filter whose output was computed before (reportlab's filter would compress the same bytes again)."""

    pdfname = "FlateDecode"

    def __init__(self, data: bytes) -> None:
        self.data = data

    def encode(self, _text: bytes) -> bytes:
        return self.data


class _CachingFace(TTFontFace):  # type: ignore[misc]
    """A font face that keeps the subset programs it embedded, ready compressed.

    Building a subset program (``makeSubset``) and compressing it took a third of the time of a receipt slip;
    with the seeded first subset (see ``SEED``) the program is the same for every slip. The descriptor built here
    is the one of reportlab's ``TTFontFace.addSubsetObjects``, with the stream taken from the cache.
    """

    _programs: dict[tuple[int, ...], tuple[bytes, bytes]]

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        key = tuple(subset)
        cached = self._programs.get(key)
        if cached is None:
            program = self.makeSubset(subset)
            cached = self._programs[key] = (program, zlib.compress(program))
        program, packed = cached
        font_file = pdfdoc.PDFStream()
        font_file.content = program
        font_file.dictionary["Length1"] = len(program)
        if doc.compression:
            font_file.filters = [_Precompressed(packed)]
        ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": self.ascent,
                "CapHeight": self.capHeight,
                "Descent": self.descent,
                "Flags": (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(self.bbox),
                "FontName": pdfdoc.PDFName(fontname),
                "ItalicAngle": self.italicAngle,
                "StemV": self.stemV,
                "FontFile2": ref,
                "MissingWidth": self.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


class _Raw(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF value formatted before (the Widths array of a subset: 256 numbers formatted one by one otherwise)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class _CachingFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose per-subset objects (widths, ToUnicode map) are formatted and compressed once.

    The objects are those of reportlab's ``TTFont.addObjects``; only their bytes are kept between documents.
    """

    _objects: dict[tuple[int, tuple[int, ...]], tuple[bytes, bytes, bytes]]

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc) or self.state.setdefault(doc, TTFont.State(self._asciiReadable))
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            key = (n, tuple(subset))
            cached = self._objects.get(key)
            if cached is None:
                widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset))).format(doc)
                cmap = makeToUnicodeCMap(base, subset).encode("latin-1")
                cached = self._objects[key] = (widths, cmap, zlib.compress(cmap))
            widths, cmap, packed = cached
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Raw(widths)
            stream = pdfdoc.PDFStream()
            stream.content = cmap
            if doc.compression:
                stream.filters = [_Precompressed(packed)]
            font.ToUnicode = doc.Reference(stream, "toUnicodeCMap:" + base)
            font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
            doc.Reference(font, internal)
            doc.idToObject["BasicFonts"].dict[internal] = font
        del self.state[doc]


def _font(name: str, path: Path) -> TTFont:
    font = _CachingFont(name, str(path))
    font._objects = {}
    face = font.face
    if type(face) is TTFontFace:  # a reportlab that changed its classes keeps its own behaviour
        face.__class__ = _CachingFace
        face._programs = {}
    return font


def seed_subsets(doc: Any) -> None:
    """Assign the Vietnamese letters first in each official font of ``doc`` (a reportlab PDFDocument)."""
    font = official_font()
    for style in STYLES:
        pdfmetrics.getFont(font.name(style)).splitString(SEED, doc)


@cache
def official_font() -> FontChoice:
    """Register and return the first complete serif family found (see module docstring for the order)."""
    for source, files in _candidates():
        if all(p.is_file() for p in files.values()):
            choice = FontChoice(FAMILY, source, files)
            for style, path in files.items():
                pdfmetrics.registerFont(_font(choice.name(style), path))
            addMapping(FAMILY, 0, 0, choice.name("regular"))
            addMapping(FAMILY, 1, 0, choice.name("bold"))
            addMapping(FAMILY, 0, 1, choice.name("italic"))
            addMapping(FAMILY, 1, 1, choice.name("bolditalic"))
            return choice
    raise RuntimeError("no Vietnamese serif font found, not even the bundled one")
