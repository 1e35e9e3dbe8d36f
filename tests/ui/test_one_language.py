"""One language at a time: after a switch, every page shows the words of the chosen language only (its dates,
weekdays, counts and numbers included), the office's own data aside."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from isodesk.services.context import AppContext
from isodesk.services.ledger.procedures import list_procedures
from isodesk.services.office.demo import fill_demo
from isodesk.services.office.staff import list_staff
from isodesk.ui import ops
from isodesk.ui.main_window import AREAS, MainWindow
from tests.ui.conftest import shown_window

#: Words of the program's Vietnamese that no name of a person, a procedure or a place in the demo office holds.
VIETNAMESE_ONLY = re.compile(r"Tháng|Thứ [2-7]|\bCN\b|hẹn trả|hồ sơ|Hồ sơ|Lưu|Đóng|Quá hạn|đúng hạn|\d\.\d{3}\b")
#: Words of the program's English; the office's data is Vietnamese and holds none of them.
ENGLISH_ONLY = re.compile(
    r"\b(dossiers?|Dossier|entries|Overview|Settings|Save|Received|Print|Back up|Due|due|overdue|Mon|Tue|Wed|Thu|"
    r"Fri|Sat|Sun|December|January)\b|\d,\d{3}\b"
)


@pytest.fixture
def window(qtbot, office: AppContext, data_dir: Path) -> Iterator[MainWindow]:
    fill_demo(office)
    with shown_window(qtbot, office, data_dir) as win:
        yield win


def _texts(widget: QWidget) -> list[str]:
    """What a person reads on the widget: labels, buttons, titles, placeholders, tabs, headers, list items, and the
    calendar's month and weekdays."""
    found: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QTabWidget):
            found += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            found += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListWidget):
            model = w.model()
            found += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount(QModelIndex()))
            ]
        if isinstance(w, QCalendarWidget):
            locale = w.locale()
            found.append(locale.monthName(w.monthShown()))
            found += [locale.dayName(d, locale.FormatType.ShortFormat) for d in range(1, 8)]
    window = widget.window()
    if isinstance(window, QMainWindow):
        found += [a.text() for a in window.menuBar().actions()]
        found += [window.statusBar().currentMessage()]
    return [t for t in found if t]


def _walk(qtbot, win: MainWindow) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for key, *_rest in AREAS:
        win.show_area(key)
        qtbot.waitUntil(lambda: not ops.busy(), timeout=15000)
        page = win.pages[key]
        tabs = page.findChild(QTabWidget)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                qtbot.waitUntil(lambda: not ops.busy(), timeout=15000)
            seen[f"{key}/{index}"] = _texts(page)
    return seen


def _office_data(ctx: AppContext | None) -> re.Pattern[str]:
    """The office's own data, which stays as it was written in either language: the procedures' names and the staff's
    (a "Thu" in "Trần Thị Thu Hà" is no Thursday), the longest first so that none is cut by a shorter one."""
    assert ctx is not None
    written = [p.name for p in list_procedures(ctx)] + [s.name for s in list_staff(ctx)]
    return re.compile("|".join(map(re.escape, sorted(written, key=len, reverse=True))))


def test_english_shows_no_vietnamese_and_vietnamese_no_english(qtbot, window: MainWindow) -> None:
    vietnamese = _walk(qtbot, window)
    assert any("1.500 hồ sơ" in t for t in vietnamese["one_stop/0"])
    assert any("Tháng 12" in t or "tháng 12" in t for t in vietnamese["one_stop/1"])

    window.show_area("settings")
    settings = window.pages["settings"]
    settings.language.setCurrentIndex(settings.language.findData("en"))  # as a person switches
    english = _walk(qtbot, window)
    assert any("1,500 dossiers" in t for t in english["one_stop/0"])
    assert "December" in english["one_stop/1"] and "Mon" in english["one_stop/1"]
    assert any("due " in t for t in english["overview/0"])  # the overdue list
    names = _office_data(window.ctx)
    wrong = {page: [t for t in texts if VIETNAMESE_ONLY.search(names.sub("", t))] for page, texts in english.items()}
    assert {page: found for page, found in wrong.items() if found} == {}

    window.show_area("settings")
    settings.language.setCurrentIndex(settings.language.findData("vi"))
    again = _walk(qtbot, window)
    wrong = {page: [t for t in texts if ENGLISH_ONLY.search(names.sub("", t))] for page, texts in again.items()}
    assert {page: found for page, found in wrong.items() if found} == {}
    assert any("1.500 hồ sơ" in t for t in again["one_stop/0"])
