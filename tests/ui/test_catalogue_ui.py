"""Một cửa › Danh mục thủ tục, and the receive form that depends on it: a procedure without a time is received by
setting its time in the form; a procedure edited in the catalogue is what the form then uses; a province's list is
imported through the screen, preview first; bad input is refused with a Vietnamese message and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox

from isodesk.services.context import AppContext
from isodesk.services.ledger.procedures import get_procedure, list_procedures
from isodesk.services.ledger.queries import count_dossiers
from isodesk.ui import ops
from isodesk.ui.catalogue.catalogue_page import COL_LEVEL, COL_TIME, CataloguePage
from isodesk.ui.ledger.ledger_page import LedgerPage
from tests.ui.conftest import type_text

WILL = "2.001019"  # Chứng thực di chúc: the province has not confirmed its time


def _catalogue_rows(office: AppContext) -> list[tuple[object, ...]]:
    from isodesk.db.paths import database_path

    db = sqlite3.connect(database_path(office.data_dir))
    try:
        return db.execute("SELECT * FROM procedures ORDER BY code").fetchall()
    finally:
        db.close()


def _error_text(qtbot) -> str:
    """The text of the error box on screen, closed after reading."""
    found: list[str] = []

    def shown() -> bool:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "errorBox" and widget.isVisible():
                found.append(widget.text())
                widget.close()
                return True
        return False

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


def _receive_dialog(qtbot, office: AppContext, search: str):
    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_context(office)
    dialog = page.open_receive()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 68, timeout=15000)  # every active procedure, timed or not
    type_text(dialog.search, search)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    dialog.list.setCurrentRow(0)
    return dialog


def test_a_procedure_without_a_time_is_received_by_setting_its_time_in_the_form(qtbot, office: AppContext) -> None:
    dialog = _receive_dialog(qtbot, office, "chung thuc di chuc")
    assert dialog.selected().code == WILL
    assert "chưa có thời hạn" in dialog.list.item(0).text()
    assert dialog.time_box.isVisible()
    assert "chưa có thời hạn giải quyết được xác nhận" in dialog.time_reason.text()
    assert dialog.time_reason.wordWrap() and "danh mục thủ tục" in dialog.catalogue_link.text()
    assert dialog.appointment.text() == "Nhập thời hạn giải quyết để xem ngày hẹn trả."
    type_text(dialog.name, "Lê Thị Hoa")
    type_text(dialog.phone, "0912345678")
    for check in dialog.component_checks:
        check.setChecked(True)

    # A negative time is refused with the reason; nothing is saved, neither the time nor a dossier.
    before = _catalogue_rows(office)
    type_text(dialog.time_value, "-1")
    dialog.save_button.click()
    assert "Thời hạn giải quyết không được âm." in _error_text(qtbot)
    qtbot.waitUntil(lambda: not ops.busy())
    assert _catalogue_rows(office) == before and count_dossiers(office) == 0

    dialog.time_value.clear()
    type_text(dialog.time_value, "2")
    dialog.time_unit.setCurrentIndex(dialog.time_unit.findData("working_days"))
    with qtbot.waitSignal(dialog.received, timeout=15000) as blocker:
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not ops.busy())
    info = get_procedure(office, WILL)
    assert info.office_time and info.to_dict()["working_days"] == 2
    from isodesk.services.ledger.dossiers import show_dossier

    shown = show_dossier(office, blocker.args[0])
    assert shown["status"] == "received" and shown["procedure"]["code"] == WILL and shown["due"]


def test_the_receive_form_keeps_its_list_and_wraps_its_messages(qtbot, office: AppContext) -> None:
    dialog = _receive_dialog(qtbot, office, "1.001193")  # khai sinh: five long document names
    qtbot.waitUntil(lambda: len(dialog.component_checks) == 5, timeout=5000)
    type_text(dialog.id_number, "123456789")
    dialog.id_number.editingFinished.emit()
    QApplication.processEvents()
    assert dialog.list.height() >= 240 and dialog.list.width() >= 280
    problem = dialog.checks.fields[4].label
    assert problem.isVisible() and problem.wordWrap()
    assert problem.height() >= problem.heightForWidth(problem.width())  # every line of the message shows
    assert not any(check.isChecked() for check in dialog.component_checks)  # the office's default: unticked


def test_documents_start_ticked_when_the_office_says_so(qtbot, office: AppContext) -> None:
    from isodesk.services.settings import set_setting_text

    set_setting_text(office, "ledger.documents_ticked", "có")
    dialog = _receive_dialog(qtbot, office, "1.001193")
    qtbot.waitUntil(lambda: len(dialog.component_checks) == 5, timeout=5000)
    assert all(check.isChecked() for check in dialog.component_checks)
    assert not dialog.reason.isEnabled()


def _catalogue(qtbot, office: AppContext) -> CataloguePage:
    page = CataloguePage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(office)
    qtbot.waitUntil(lambda: page.table.rowCount() == 68, timeout=15000)
    return page


def test_the_list_shows_field_level_scope_time_fee_source_and_confidence(qtbot, office: AppContext) -> None:
    page = _catalogue(qtbot, office)
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers == [
        "Mã",
        "Thủ tục",
        "Lĩnh vực",
        "Cấp",
        "Thời hạn giải quyết",
        "Lệ phí",
        "Phạm vi ISO",
        "Nguồn",
        "Độ tin cậy",
    ]
    type_text(page.search, "dang ky khai sinh")
    qtbot.waitUntil(lambda: page.table.rowCount() >= 1, timeout=5000)
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "1.001193")
    cells = [page.table.item(row, c).text() for c in range(page.table.columnCount())]
    assert cells[:5] == ["1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Cấp xã", "trong ngày"]
    assert (cells[6], cells[8]) == ("có", "đã xác nhận") and "dichvucong.gov.vn" in cells[7]
    assert "trực tuyến" in page.table.item(row, COL_LEVEL).toolTip()


def test_edit_a_procedure_in_the_catalogue_and_the_receive_form_uses_it(qtbot, office: AppContext) -> None:
    page = _catalogue(qtbot, office)
    assert "28 thủ tục chưa có thời hạn" in page.count.text()
    type_text(page.search, "chung thuc di chuc")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, COL_TIME).text() == "chưa xác nhận"
    page.table.selectRow(0)
    editor = page.edit_selected()
    qtbot.addWidget(editor)
    editor.time_unit.setCurrentIndex(editor.time_unit.findData("working_days"))
    type_text(editor.time_value, "3")
    editor.fee.setText("60000")
    editor.documents.table.item(0, 1).setText("1")
    row = editor.documents.add_row(("Bản sao giấy tờ tùy thân", "", "2"))
    assert row == editor.documents.table.rowCount() - 1
    step = editor.steps.add_row(("Chứng thực", "Công chức Tư pháp - Hộ tịch", "1,5"))
    unit = editor.steps.table.cellWidget(step, 3)
    assert isinstance(unit, QComboBox)
    unit.setCurrentIndex(unit.findData("working_days"))
    editor.basis.add_row(("Nghị định", "23/2015/NĐ-CP", "16/02/2015", "10/04/2015", "về cấp bản sao, chứng thực"))
    editor.in_scope.setChecked(False)
    with qtbot.waitSignal(editor.saved, timeout=15000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: not ops.busy())
    qtbot.waitUntil(lambda: "27 thủ tục chưa có thời hạn" in page.count.text(), timeout=10000)

    info = get_procedure(office, WILL)
    assert info.to_dict()["working_days"] == 3 and info.fee == "60000" and not info.in_scope
    assert (info.documents[0].originals, info.documents[-1].copies) == (1, 2)
    assert info.steps == [
        {"name": "Chứng thực", "responsible": "Công chức Tư pháp - Hộ tịch", "unit": "working_days", "value": "1.5"}
    ]
    assert (info.legal_basis[-1]["date"], info.legal_basis[-1]["effective"]) == ("2015-02-16", "2015-04-10")

    dialog = _receive_dialog(qtbot, office, "chung thuc di chuc")
    assert not dialog.time_box.isVisible()
    qtbot.waitUntil(lambda: "3 ngày làm việc" in dialog.appointment.text(), timeout=10000)
    labels = [row.layout().itemAt(1).widget().text() for row in dialog.component_rows]
    assert labels[0].endswith("(1 bản chính)") and labels[-1] == "Bản sao giấy tờ tùy thân (2 bản sao)"


def test_a_procedure_without_documents_is_refused_and_nothing_changes(qtbot, office: AppContext) -> None:
    page = _catalogue(qtbot, office)
    before = _catalogue_rows(office)
    page.table.selectRow(0)
    editor = page.edit_selected()
    qtbot.addWidget(editor)
    while editor.documents.table.rowCount():
        editor.documents.table.selectRow(0)
        editor.documents.remove_row()
    editor.save_button.click()
    assert "Hãy nhập ít nhất một giấy tờ của hồ sơ" in _error_text(qtbot)
    qtbot.waitUntil(lambda: not ops.busy())
    assert editor.isVisible() and editor.problem.isVisible()
    assert _catalogue_rows(office) == before


def test_add_and_retire_a_procedure_in_the_catalogue(qtbot, office: AppContext) -> None:
    page = _catalogue(qtbot, office)
    editor = page.add_procedure()
    qtbot.addWidget(editor)
    type_text(editor.code, "9.000777")
    type_text(editor.name, "Xác nhận tình trạng nhà ở")
    type_text(editor.field, "Xây dựng")
    type_text(editor.time_value, "5")
    editor.documents.table.item(0, 0).setText("Đơn đề nghị xác nhận")
    with qtbot.waitSignal(editor.saved, timeout=15000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 69, timeout=10000)
    added = get_procedure(office, "9.000777")
    assert added.to_dict()["working_days"] == 5 and added.components == ["Đơn đề nghị xác nhận"]

    page.select("9.000777")
    page.retire_selected(ask=False)
    qtbot.waitUntil(lambda: page.table.rowCount() == 68, timeout=10000)
    assert "9.000777" not in {p.code for p in list_procedures(office)}

    page.retired.setChecked(True)  # a retired procedure is shown on request, and can be brought back
    assert page.table.rowCount() == 69 and "68/68" in page.count.text()
    page.select("9.000777")
    assert page.retire_button.text() == "Áp dụng lại"
    page.retire_selected()
    qtbot.waitUntil(lambda: "9.000777" in {p.code for p in list_procedures(office)}, timeout=10000)
    qtbot.waitUntil(lambda: "69/69" in page.count.text(), timeout=10000)


def test_import_a_catalogue_file_through_the_screen(qtbot, office: AppContext, tmp_path: Path) -> None:
    page = _catalogue(qtbot, office)
    # The province's file: the starter list's own rows for two procedures, one of them with a time and counted
    # documents, and a new procedure.
    import csv

    from isodesk.resources_path import resource_path

    with resource_path("seed", "procedures-commune.csv").open(encoding="utf-8", newline="") as seed:
        reader = csv.DictReader(seed)
        header = list(reader.fieldnames or [])
        rows = {row["code"]: row for row in reader}
    will = rows[WILL] | {"time_value": "2", "time_unit": "working_days", "components": "Dự thảo di chúc | 1 | 0"}
    new = dict.fromkeys(header, "") | {
        "code": "9.400000",
        "name": "Thủ tục mới của tỉnh",
        "field": "Văn hóa",
        "time_value": "7",
        "time_unit": "working_days",
        "fee_vnd": "0",
        "components": "Đơn đề nghị",
    }
    path = tmp_path / "danh-muc-tinh.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, header)
        writer.writeheader()
        writer.writerows([will, rows["1.001193"], new])
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15000)
    assert dialog.summary.text() == (
        "Tệp có 3 thủ tục: 1 thủ tục mới, 1 thủ tục thay đổi, 1 thủ tục giữ nguyên. "
        "66 thủ tục của danh mục không có trong tệp."
    )
    sections = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [s.text(0) for s in sections] == [
        "Thêm mới (1)",
        "Thay đổi (1)",
        "Giữ nguyên (1)",
        "Không có trong tệp (66)",
    ]
    assert sections[0].child(0).text(0) == "9.400000 · Thủ tục mới của tỉnh"
    changed = sections[1].child(0)
    assert changed.text(0) == f"{WILL} · Chứng thực di chúc"
    assert "thời hạn giải quyết" in changed.text(1) and "thành phần hồ sơ" in changed.text(1)
    assert "đơn vị thời hạn: chưa xác nhận → ngày làm việc" in changed.toolTip(1).split("\n")
    assert len(list_procedures(office)) == 68  # nothing written by the preview
    with qtbot.waitSignal(dialog.applied, timeout=20000):
        dialog.apply_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 69, timeout=10000)
    assert get_procedure(office, WILL).processing_time is not None
    assert get_procedure(office, WILL).documents[0].originals == 1
    assert len(list_procedures(office)) == 69  # the procedures not in the file were kept


def test_an_import_file_with_unknown_columns_is_refused(qtbot, office: AppContext, tmp_path: Path) -> None:
    page = _catalogue(qtbot, office)
    before = _catalogue_rows(office)
    path = tmp_path / "sai-cot.csv"
    path.write_text(
        "code,name,time_value,time_unit,thoi_han\n9.400000,Thủ tục mới,7,working_days,7\n", encoding="utf-8"
    )
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.load(path)
    message = _error_text(qtbot)
    assert "Tệp sai-cot.csv có cột mà danh mục không nhận biết: thoi_han." in message
    assert dialog.summary.text() == message and not dialog.apply_button.isEnabled()
    qtbot.waitUntil(lambda: not ops.busy())
    assert _catalogue_rows(office) == before


def test_the_receive_form_opens_the_catalogue_under_the_one_stop_shop(qtbot, office: AppContext, data_dir) -> None:
    from tests.ui.conftest import shown_window

    with shown_window(qtbot, office, data_dir) as win:
        from isodesk.ui.main_window import AREAS

        keys = [a[0] for a in AREAS]
        assert keys.index("catalogue") == keys.index("one_stop") + 1  # Một cửa › Danh mục thủ tục
        assert win.nav.item(keys.index("catalogue")).text().strip() == "Danh mục thủ tục"
        win.show_area("one_stop")
        dialog = win.pages["one_stop"].open_receive()
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.list.count() == 68, timeout=15000)
        type_text(dialog.search, "chung thuc di chuc")
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
        dialog.list.setCurrentRow(0)
        dialog.catalogue_link.linkActivated.emit("catalogue")
        assert win.current_area() == "catalogue"
        page = win.pages["catalogue"]
        qtbot.waitUntil(lambda: page.table.rowCount() == 68, timeout=15000)
        assert dialog.isVisible()  # the form stays open with what was typed


def test_an_officer_sees_the_catalogue_but_cannot_change_it(qtbot, office: AppContext) -> None:
    from isodesk.services.accounts.accounts import add_account

    add_account(office, "mot.cua", "Võ Thanh Tùng", ["officer"], password="Một cửa 2026!")
    office.actor = "mot.cua"
    page = _catalogue(qtbot, office)
    assert not page.add_button.isEnabled() and not page.import_button.isEnabled()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled() and page.edit_button.text() == "Xem…"
    assert not page.retire_button.isEnabled()
    viewer = page.edit_selected()
    qtbot.addWidget(viewer)
    assert not viewer.save_button.isEnabled()
    assert viewer.problem.text() == "Tài khoản của bạn chỉ được xem danh mục, không được sửa."

    # At the desk the officer may receive, but the time of a procedure is the catalogue's: the form says why it
    # cannot be saved, and nothing is.
    before = _catalogue_rows(office)
    dialog = _receive_dialog(qtbot, office, "chung thuc di chuc")
    type_text(dialog.name, "Lê Thị Hoa")
    type_text(dialog.time_value, "2")
    dialog.save_button.click()
    assert _error_text(qtbot)
    qtbot.waitUntil(lambda: not ops.busy())
    assert _catalogue_rows(office) == before and count_dossiers(office) == 0
    assert dialog.save_button.isEnabled() and dialog.isVisible()
