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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

STYLES = ("regular", "bold", "italic", "bolditalic")
FAMILY = "OfficialSerif"


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
    bundled = Path(str(resources.files("isodesk.resources").joinpath("fonts", "liberation")))
    found.append(("Liberation Serif (bundled)", {k: bundled / v for k, v in lib_files.items()}))
    return found


@cache
def official_font() -> FontChoice:
    """Register and return the first complete serif family found (see module docstring for the order)."""
    for source, files in _candidates():
        if all(p.is_file() for p in files.values()):
            choice = FontChoice(FAMILY, source, files)
            for style, path in files.items():
                pdfmetrics.registerFont(TTFont(choice.name(style), str(path)))
            addMapping(FAMILY, 0, 0, choice.name("regular"))
            addMapping(FAMILY, 1, 0, choice.name("bold"))
            addMapping(FAMILY, 0, 1, choice.name("italic"))
            addMapping(FAMILY, 1, 1, choice.name("bolditalic"))
            return choice
    raise RuntimeError("no Vietnamese serif font found, not even the bundled one")
