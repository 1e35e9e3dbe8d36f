"""The bundled UI font (Noto Sans, SIL OFL 1.1), which covers every Vietnamese letter and tone mark.

Old Windows PCs may lack a UI font with good Vietnamese coverage at small sizes; bundling one makes
the screens look the same everywhere. Registering the two files costs about 5 ms at start-up (measured
beside ``bench/startup.py``: offscreen and under Xvfb), against a start of 170-180 ms.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from isodesk.resources_path import resource_path

UI_FAMILY = "Noto Sans"


def install_ui_font(app: QApplication) -> str:
    folder = resource_path("fonts", "noto")
    family = ""
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(folder / name))
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    return family
