"""The main window over a real office database: navigation, language switch, About, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from isodesk.errors import UserError
from isodesk.i18n import _, set_language
from isodesk.services.context import AppContext
from isodesk.services.office.demo import fill_demo
from isodesk.services.settings import get_setting
from isodesk.ui import ops
from isodesk.ui.main_window import AREAS, MainWindow
from isodesk.ui.placeholder import PlaceholderPage
from isodesk.ui.qms.quality_page import QualityPage
from tests.ui.conftest import shown_window, type_text


@pytest.fixture
def window(qtbot, office: AppContext, data_dir: Path) -> Iterator[MainWindow]:
    fill_demo(office)
    with shown_window(qtbot, office, data_dir) as win:
        yield win


def test_navigation_reaches_every_area(qtbot, window: MainWindow) -> None:
    for row, (key, _title, _icon, description) in enumerate(AREAS):
        window.nav.setCurrentRow(row)
        assert window.current_area() == key
        page = window.pages[key]
        assert window.stack.currentWidget() is page
        if description:  # an area still being built says what it will hold
            assert isinstance(page, PlaceholderPage | QualityPage)
            assert page.description.text() == _(description)
    qtbot.waitUntil(lambda: not ops.busy())


def test_overview_and_status_bar_show_the_office(qtbot, window: MainWindow, data_dir: Path) -> None:
    window.show_area("overview")
    page = window.pages["overview"]
    qtbot.waitUntil(lambda: page.values["unit_name"].text() == "Phường Mỹ Tho", timeout=10000)
    assert page.values["leader_name"].text() == "Nguyễn Văn Hùng"
    assert int(page.values["staff"].text()) >= 10
    assert "Phường Mỹ Tho" in window.office_label.text()
    assert str(data_dir) in window.location_label.text()


def test_language_switch_changes_visible_text_and_is_saved(qtbot, window: MainWindow, office: AppContext) -> None:
    overview_item = window.nav.item(0)
    set_language("vi")
    vietnamese = _("Overview")
    assert vietnamese == "Tổng quan"  # the Vietnamese catalog is installed
    assert overview_item.text() == "Tổng quan"

    window.show_area("settings")
    settings = window.pages["settings"]
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert overview_item.text() == "Overview"
    assert window.file_menu.title() == "&File"
    qtbot.waitUntil(lambda: get_setting(office, "ui.language") == "en", timeout=10000)

    settings.language.setCurrentIndex(settings.language.findData("vi"))
    assert overview_item.text() == "Tổng quan"
    assert settings.title.text() == "Cài đặt"
    qtbot.waitUntil(lambda: get_setting(office, "ui.language") == "vi", timeout=10000)


def test_settings_adds_staff_with_vietnamese_name(qtbot, window: MainWindow) -> None:
    from tests.ui.conftest import type_text

    window.show_area("settings")
    page = window.pages["settings"]
    qtbot.waitUntil(lambda: page.staff_table.rowCount() >= 10, timeout=10000)
    before = page.staff_table.rowCount()
    type_text(page.staff_name, "Lý Thị Ngọc Diễm")
    type_text(page.staff_department, "Bộ phận một cửa")
    page.add_staff.click()
    qtbot.waitUntil(lambda: page.staff_table.rowCount() == before + 1, timeout=10000)
    names = [page.staff_table.item(r, 0).text() for r in range(page.staff_table.rowCount())]
    assert "Lý Thị Ngọc Diễm" in names


def test_staff_form_says_what_is_wrong_before_saving(qtbot, window: MainWindow) -> None:
    window.show_area("settings")
    page = window.pages["settings"]
    qtbot.waitUntil(lambda: page.staff_table.rowCount() >= 10, timeout=10000)
    rows = page.staff_table.rowCount()
    page.staff_name.clear()
    type_text(page.staff_department, "Văn phòng")
    page.add_staff.click()  # empty name: the service's own rule answers beside the field
    name_problem = page.staff_check.fields[0].label
    assert name_problem.isVisibleTo(page) and name_problem.text() == "Họ tên không được để trống."
    assert page.add_staff.toolTip() == "Họ tên không được để trống."
    type_text(page.staff_name, "Lê Thị Thu 2")
    assert name_problem.text() == "Họ tên “Lê Thị Thu 2” có ký tự “2”: họ tên chỉ gồm chữ cái và khoảng trắng."
    page.staff_name.clear()
    type_text(page.staff_name, "Lê Thị Thu")
    assert not name_problem.isVisibleTo(page) and page.add_staff.toolTip() == ""
    page.add_staff.click()
    qtbot.waitUntil(lambda: page.staff_table.rowCount() == rows + 1, timeout=10000)
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_unexpected_error_is_reported_politely(qtbot) -> None:
    def boom() -> None:
        raise RuntimeError("disk on fire")

    ops.run_in_background(boom)
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "disk on fire" in box.detailedText()
    assert box.windowTitle() == _("Unexpected error")
    box.close()


def test_user_error_text_is_shown_as_is(qtbot) -> None:
    ops.run_in_background(lambda: (_ for _ in ()).throw(UserError("Hồ sơ không tồn tại.")))
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == "Hồ sơ không tồn tại."
    box.close()


def test_about_box_names_version_and_licence(qtbot, window: MainWindow) -> None:
    box = window.show_about()
    qtbot.addWidget(box)
    assert "0.1.0" in box.heading.text() and "GPL" in box.heading.text()


def test_settings_page_built_after_a_switch_shows_the_current_language(qtbot, window: MainWindow) -> None:
    assert "settings" not in window.pages
    window.languages.apply("en")  # as at start-up with English saved
    window.show_area("settings")
    page = window.pages["settings"]
    assert page.language.currentData() == "en"
    assert page.title.text() == "Settings"
