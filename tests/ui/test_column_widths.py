"""The ledger's columns and the overview's overdue list keep the widths a person drags, from one start to the next."""

from __future__ import annotations

from isodesk.ui.ledger.ledger_model import COL_APPLICANT, COL_CODE, COL_PROCEDURE
from isodesk.ui.ledger.ledger_page import LedgerPage
from isodesk.ui.ledger.overview_page import OverviewPage
from isodesk.ui.tables import ui_settings


def test_the_ledger_keeps_the_widths_a_person_drags(qtbot) -> None:
    first = LedgerPage()
    qtbot.addWidget(first)
    default = first.table.columnWidth(COL_APPLICANT)
    first.table.horizontalHeader().resizeSection(COL_APPLICANT, default + 90)
    first.table.horizontalHeader().resizeSection(COL_CODE, 140)
    first.close()

    again = LedgerPage()
    qtbot.addWidget(again)
    assert again.table.columnWidth(COL_APPLICANT) == default + 90
    assert again.table.columnWidth(COL_CODE) == 140


def test_the_overdue_list_keeps_its_widths_and_a_stale_list_is_ignored(qtbot) -> None:
    first = OverviewPage()
    qtbot.addWidget(first)
    assert [first.overdue_list.horizontalHeaderItem(c).text() for c in range(3)] == [
        "Mã hồ sơ",
        "Người nộp",
        "Hẹn trả",
    ]
    first.overdue_list.horizontalHeader().resizeSection(1, 260)
    again = OverviewPage()
    qtbot.addWidget(again)
    assert again.overdue_list.columnWidth(1) == 260

    ui_settings().setValue("columns/overdue", "300,200")  # saved before a column was added: left alone
    fresh = OverviewPage()
    qtbot.addWidget(fresh)
    assert fresh.overdue_list.columnWidth(0) != 300


def test_the_stretched_procedure_column_follows_the_window(qtbot) -> None:
    page = LedgerPage()
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    qtbot.waitExposed(page)
    page.resize(1000, 700)
    qtbot.waitUntil(lambda: page.table.columnWidth(COL_PROCEDURE) > 0)
    assert not ui_settings().contains("columns/ledger")  # nobody dragged anything: nothing is kept
