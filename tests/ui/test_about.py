"""Help › About: version, data folder, the data file's schema, the components and their licences, and the
diagnostic copied for support, which holds no personal data."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from isodesk import __version__
from isodesk.db.migrate import HEAD_REVISION
from isodesk.services.context import AppContext
from isodesk.services.office.demo import fill_demo
from isodesk.ui.about import AboutDialog
from tests.ui.conftest import shown_window


def test_help_about_shows_version_folder_schema_and_licences(qtbot, office: AppContext, data_dir: Path) -> None:
    with shown_window(qtbot, office, data_dir) as window:
        assert window.help_menu.title().replace("&", "") == "Trợ giúp"
        assert window.about_action.text() == "&Giới thiệu isodesk"
        window.about_action.trigger()
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Giới thiệu isodesk"
        assert f"isodesk {__version__}" in dialog.heading.text() and "GPL" in dialog.heading.text()
        assert dialog.data_dir.text() == str(data_dir)
        assert dialog.schema.text() == f"{HEAD_REVISION} (phiên bản này ghi {HEAD_REVISION})"

        table = dialog.components
        rows = {
            table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)] for r in range(table.rowCount())
        }
        assert rows["Qt for Python"][:2] == [qVersion(), "LGPL-3.0"]
        assert rows["Noto Sans"][1] == rows["Liberation Serif"][1] == "OFL-1.1"
        assert rows["vietnam-provinces"][1] == "GPL-3.0" and rows["vietnam-provinces"][0]
        assert rows["SQLite"][1] == "phạm vi công cộng"
        assert all(use for _version, _licence, use in rows.values())
        # Each library the program imports shows the version it runs with (fonts and the bootloader have none).
        versioned = {name for name, (version, _l, _u) in rows.items() if version}
        assert versioned == set(rows) - {"Noto Sans", "Liberation Serif", "PyInstaller"}
        # More than fit at once: the list scrolls.
        table.resize(600, 160)
        assert table.verticalScrollBar().maximum() > 0
        dialog.close()


def test_the_copied_diagnostic_has_versions_and_no_personal_data(qtbot, office: AppContext, data_dir: Path) -> None:
    fill_demo(office)
    dialog = AboutDialog(data_dir)
    qtbot.addWidget(dialog)
    QApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied == dialog.diagnostic()
    assert f"isodesk {__version__} (source)" in copied
    assert f"schema: {HEAD_REVISION}" in copied
    assert f"Qt {qVersion()}" in copied and f"Python {platform.python_version()}" in copied
    assert platform.system() in copied and "GiB" in copied
    assert str(data_dir.parent) not in copied  # the path names the Windows user
    for personal in ("Mỹ Tho", "28261", "Nguyễn Văn Hùng", platform.node()):
        assert personal not in copied
    assert dialog.copied.text()


def test_about_on_an_empty_folder_says_there_is_no_data_yet(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    assert dialog.schema.text().startswith("chưa có dữ liệu")
    assert "schema: none" in dialog.diagnostic()
