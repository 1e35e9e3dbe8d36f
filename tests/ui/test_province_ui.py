"""The province's desk, driven as a user would over a real province office and real packages exported by two demo
unit offices: the window shows the province's areas (and a commune office keeps its own), the import page previews,
imports with progress, holds new units until their fingerprint is confirmed, and logs; the dashboard lists every
unit, marks those that have not reported, filters them, opens a unit read-only and saves the report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from isodesk.services.context import AppContext, open_context
from isodesk.services.office.demo import fill_demo
from isodesk.services.office.profile import init_office
from isodesk.services.province.batch import import_batch
from isodesk.services.sync.export import export_package
from isodesk.services.sync.keys import fingerprint
from isodesk.ui import ops
from isodesk.ui.language import LanguageManager
from isodesk.ui.main_window import AREAS, PROVINCE_AREAS, MainWindow
from isodesk.ui.province.dashboard_page import LATE_BACKGROUND, ProvinceDashboardPage
from isodesk.ui.province.import_page import ProvinceImportPage
from tests.ui.conftest import shown_window


@pytest.fixture
def province(tmp_path: Path) -> Iterator[AppContext]:
    folder = tmp_path / "tỉnh"
    folder.mkdir()
    ctx = open_context(folder)
    init_office(ctx, province_code="82", role="province", leader_name="Trần Văn Tỉnh")
    ctx.actor = "admin"
    yield ctx
    ctx.close()


@pytest.fixture
def packages(office: AppContext, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder holding the first package of Phường Mỹ Tho (28261) and of Phường Đạo Thạnh (28249), and their
    keys' fingerprints."""
    folder = tmp_path / "USB các phường gửi"
    folder.mkdir()
    office.actor = "admin"
    fill_demo(office, 20)
    office.actor = "admin"
    export_package(office, folder / "Mỹ Tho 1.isosync")
    prints = {"28261": fingerprint(office).fingerprint}
    other_dir = tmp_path / "đạo thạnh"
    other_dir.mkdir()
    other = open_context(other_dir)
    try:
        init_office(other, province_code="82", unit_code="28249", leader_name="Lê Thị Thạnh")
        other.actor = "admin"
        fill_demo(other, 10)
        other.actor = "admin"
        export_package(other, folder / "Đạo Thạnh 1.isosync")
        prints["28249"] = fingerprint(other).fingerprint
    finally:
        other.close()
    return folder, prints


def _wait(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not ops.busy(), timeout=15000)


def test_a_province_office_opens_on_its_desk(qtbot, province: AppContext) -> None:  # type: ignore[no-untyped-def]
    languages = LanguageManager(QApplication.instance())
    languages.apply("vi")
    win = MainWindow(languages, province.data_dir)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.set_context(province, "Tỉnh Đồng Tháp")
    qtbot.waitUntil(lambda: win.areas is PROVINCE_AREAS and "province" in win.pages, timeout=10000)
    _wait(qtbot)
    names = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert names == [
        "Tổng quan tỉnh", "Nhập gói từ đơn vị", "Danh mục thủ tục", "Đồng bộ", "Nhật ký thay đổi", "Cài đặt"
    ]  # the catalogue and the calendar it sends to its units, and the Sync page that exports them  # fmt: skip
    assert win.current_area() == "province" and "one_stop" not in win.pages
    page = win.pages["province"]
    assert isinstance(page, ProvinceDashboardPage)
    qtbot.waitUntil(lambda: page.table.rowCount() == 102, timeout=10000)
    win.show_area("province_import")
    assert isinstance(win.pages["province_import"], ProvinceImportPage)
    _wait(qtbot)
    for area in ("catalogue", "sync"):  # they open at the province too, and say nothing of a commune
        win.show_area(area)
        _wait(qtbot)
        assert win.current_area() == area


def test_a_commune_office_keeps_its_areas(qtbot, office: AppContext, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_window(qtbot, office, data_dir) as win:
        qtbot.waitUntil(lambda: win.account is not None, timeout=10000)
        assert win.areas is AREAS and win.role == "commune"
        assert win.nav.count() == len(AREAS) and win.nav.item(0).text() == "Tổng quan"


def _import_page(qtbot: Any, province: AppContext) -> ProvinceImportPage:
    page = ProvinceImportPage()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.set_context(province)
    _wait(qtbot)
    return page


def test_preview_import_confirm_and_log(qtbot, province: AppContext, packages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, prints = packages
    page = _import_page(qtbot, province)
    assert not page.import_button.isEnabled()
    page.choose([folder])
    assert "2 gói" in page.chosen.text() and page.import_button.isEnabled()

    page.run_import(dry_run=True)
    _wait(qtbot)
    assert page.results_table.rowCount() == 2
    assert {page.results_table.item(r, 2).text() for r in range(2)} == {"tạm giữ"}
    assert "Xem trước" in page.status.text() and page.log_table.rowCount() == 0  # a dry run writes nothing
    assert page.held_table.rowCount() == 0

    page.run_import(dry_run=False)
    assert isinstance(page.progress_dialog, QProgressDialog)
    _wait(qtbot)
    qtbot.waitUntil(lambda: page.held_table.rowCount() == 2, timeout=10000)
    assert page.progress_dialog is None and page.confirm_button.isEnabled()
    assert not page.stop.is_set() and "dừng" not in page.status.text()  # closing the dialog is not a stop
    shown = {page.held_table.item(r, 0).text(): page.held_table.item(r, 2).text() for r in range(2)}
    assert shown == prints
    assert page.tabs.tabText(1) == "Đơn vị chờ xác nhận (2)"
    units = {page.results_table.item(r, 1).text() for r in range(2)}
    assert units == {"Phường Mỹ Tho (28261)", "Phường Đạo Thạnh (28249)"}

    asked: list[str] = []
    monkeypatch.setattr(page, "ask", lambda title, text: asked.append(text) or True)
    row = next(r for r in range(2) if page.held_table.item(r, 0).text() == "28261")
    page.held_table.selectRow(row)
    page.confirm_button.click()
    _wait(qtbot)
    qtbot.waitUntil(lambda: page.held_table.rowCount() == 1, timeout=10000)
    assert prints["28261"] in asked[0] and "phiếu đăng ký" in asked[0]
    assert "Đã xác nhận" in page.status.text()

    page.run_import(dry_run=False)
    _wait(qtbot)
    qtbot.waitUntil(lambda: page.log_table.rowCount() == 4, timeout=10000)
    results = {page.results_table.item(r, 1).text(): page.results_table.item(r, 2).text() for r in range(2)}
    assert results == {"Phường Mỹ Tho (28261)": "đã nhập", "Phường Đạo Thạnh (28249)": "tạm giữ"}
    assert "1 gói đã nhập" in page.status.text()
    assert page.log_table.item(0, 5).text() in ("đã nhập", "tạm giữ") and page.log_table.item(0, 1).text() == "admin"


def test_the_dashboard_marks_filters_opens_and_saves(  # type: ignore[no-untyped-def]
    qtbot, province: AppContext, packages, tmp_path: Path
) -> None:
    folder, _prints = packages
    import_batch(province, [folder], trust_new=True)
    page = ProvinceDashboardPage()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.set_context(province)
    qtbot.waitUntil(lambda: page.table.rowCount() == 102, timeout=10000)
    codes = [page.table.item(r, 0).text() for r in range(102)]
    mine, silent = codes.index("28261"), codes.index("28270")
    assert page.table.item(mine, 1).text() == "Phường Mỹ Tho"
    assert page.table.item(mine, 2).text() == "1. Xây dựng" and page.table.item(mine, 7).text().endswith("%")
    assert page.table.item(silent, 1).background().color() == LATE_BACKGROUND
    assert page.table.item(mine, 1).background().color() != LATE_BACKGROUND
    assert "102 đơn vị" in page.summary.text() and "2 đơn vị đã gửi" in page.summary.text()
    assert len(page.rate_chart.rates) == 2 and dict(page.step_chart.counts)["Chưa có số liệu"] == 100

    page.late_only.setChecked(True)
    assert page.table.rowCount() == 100 and "28261" not in [page.table.item(r, 0).text() for r in range(100)]
    page.late_only.setChecked(False)

    dialog = page.open_unit(mine)
    assert dialog is not None and dialog.windowTitle() == "Phường Mỹ Tho (28261)"
    assert dialog.values["received"].text() == "20" and dialog.values["qms_step"].text() == "1. Xây dựng"
    assert dialog.values["enrolled"].text() == "có, khóa đã được xác nhận"
    qtbot.waitUntil(lambda: "settled" in dialog.ledger, timeout=10000)  # the unit's ledger statistics of the year
    assert dialog.ledger_box.isVisible() and dialog.ledger["on_time_rate"].text() == page.table.item(mine, 7).text()
    dialog.close()

    page.year.setValue(page.year.value() - 1)
    qtbot.waitUntil(lambda: page.overview is not None and page.overview.year == page.year.value(), timeout=10000)
    assert "0 đơn vị đã gửi" in page.summary.text()
    page.year.setValue(page.year.value() + 1)
    _wait(qtbot)

    pdf, xlsx = tmp_path / "Báo cáo tổng hợp.pdf", tmp_path / "Báo cáo tổng hợp.xlsx"
    page.save_report(pdf)
    _wait(qtbot)
    page.save_report(xlsx)
    _wait(qtbot)
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")
    assert "Báo cáo tổng hợp.xlsx" in page.status.text()


def test_an_import_stops_between_two_packages_when_asked(qtbot, province: AppContext, packages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from isodesk.services.province import staging

    folder, _prints = packages
    page = _import_page(qtbot, province)
    page.choose([folder])
    gate = threading.Event()
    prepare = staging.prepare
    monkeypatch.setattr(staging, "prepare", lambda *args: gate.wait(10) and prepare(*args))
    page.run_import(dry_run=False)
    dialog = page.progress_dialog
    assert isinstance(dialog, QProgressDialog)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text()]
    assert [b.text() for b in buttons] == ["Dừng sau gói này"]
    buttons[0].click()
    assert "Đang dừng" in page.status.text()
    gate.set()
    qtbot.waitUntil(lambda: page.progress_dialog is None, timeout=10000)
    assert "Đã dừng theo yêu cầu sau 0/2 gói" in page.status.text(), page.status.text()
    assert page.results_table.rowCount() == 0 and page.import_button.isEnabled()


def test_a_unit_with_a_new_key_is_accepted_after_asking(  # type: ignore[no-untyped-def]
    qtbot, province: AppContext, packages, monkeypatch, tmp_path: Path
) -> None:
    from isodesk.services.office.profile import init_office
    from isodesk.services.province.imports import import_packages
    from isodesk.services.sync.export import export_package

    folder, prints = packages
    import_packages(province, sorted(folder.iterdir()), trust_new=True)
    again = tmp_path / "máy mới"
    again.mkdir()
    ctx = open_context(again)
    try:
        init_office(ctx, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Mới")
        ctx.actor = "admin"
        new = export_package(ctx, tmp_path / "máy mới.isosync")
    finally:
        ctx.close()
    page = _import_page(qtbot, province)
    page.choose([Path(new.file)])
    page.run_import(dry_run=False)
    qtbot.waitUntil(lambda: page.progress_dialog is None and page.results_table.rowCount() == 1, timeout=10000)
    assert page.results_table.item(0, 2).text() == "bị từ chối" and not page.forget_button.isEnabled()
    page.results_table.selectRow(0)
    assert page.forget_button.isEnabled() and page.forget_button.text() == "Nhận khóa mới cho đơn vị này…"
    asked: list[str] = []
    monkeypatch.setattr(page, "ask", lambda title, text: asked.append(title + "\n" + text) or True)
    page.forget_button.click()
    qtbot.waitUntil(lambda: "Đã quên khóa cũ" in page.status.text(), timeout=10000)
    assert "Phường Mỹ Tho (28261)" in asked[0] and "thay máy tính" in asked[0]
    assert prints["28261"] in page.status.text()
    page.run_import(dry_run=False)
    qtbot.waitUntil(lambda: page.progress_dialog is None and page.held_table.rowCount() == 1, timeout=10000)
    assert page.results_table.item(0, 2).text() == "tạm giữ"
