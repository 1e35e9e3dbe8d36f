"""Operations say what they changed: every page that shows it refreshes, and what to check is shown."""

from __future__ import annotations

from pathlib import Path

from isodesk.i18n.dates import local_today, short_date
from isodesk.services.changes import Change
from isodesk.services.context import AppContext
from isodesk.services.ledger.calendar import set_day
from isodesk.services.ledger.dossier_view import get_dossier_view
from isodesk.ui import ops
from isodesk.ui.ledger.overview_page import OverviewPage
from isodesk.ui.ledger.receive_dialog import ReceiveDialog
from tests.ui.conftest import shown_window, type_text


def _receive(qtbot, dialog: ReceiveDialog, name: str, missing: int = 0) -> tuple[str, list[str]]:
    """Fill the receipt form for the same-day birth registration, leave the first ``missing`` components unticked
    and save it: the saved dossier's code and the components left out."""
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    type_text(dialog.search, "1.001193")
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: len(dialog.component_checks) > missing, timeout=5000)
    for check in dialog.component_checks:  # the documents start unticked: the officer ticks what is handed in
        check.setChecked(True)
    for check in dialog.component_checks[:missing]:
        check.setChecked(False)
    left_out = dialog.missing_components()
    type_text(dialog.name, name)
    with qtbot.waitSignal(dialog.received, timeout=15000) as blocker:
        dialog.save_button.click()
    return str(blocker.args[0]), left_out


def test_the_overview_counts_a_dossier_received_meanwhile(qtbot, office: AppContext, data_dir: Path) -> None:
    with shown_window(qtbot, office, data_dir) as win:
        overview = win.pages["overview"]
        tile = overview.tile_values["received_today"]
        qtbot.waitUntil(lambda: tile.text() == "0", timeout=10000)
        win.show_area("one_stop")
        ledger = win.page("one_stop")
        dialog = ledger.open_receive()
        qtbot.addWidget(dialog)
        _receive(qtbot, dialog, "Nguyễn Thị Ánh Nguyệt")
        qtbot.waitUntil(lambda: ledger.model.rowCount() == 1, timeout=15000)  # the ledger on screen, at once
        assert overview.stale and tile.text() == "0"  # hidden: it reloads when it is shown again
        win.show_area("overview")
        qtbot.waitUntil(lambda: tile.text() == "1", timeout=10000)
        assert not overview.stale


def test_a_page_reloads_only_for_what_it_shows(qtbot, office: AppContext) -> None:
    page = OverviewPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(office)
    qtbot.waitUntil(lambda: page.tile_values["received_today"].text() == "0", timeout=10000)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    reloads: list[int] = []
    page.refresh = lambda: reloads.append(1)  # type: ignore[method-assign]
    ops.report(frozenset({Change.TRAIL, Change.SETTINGS}))
    assert reloads == []
    ops.report(frozenset({Change.STATS}))
    assert reloads == [1]
    page.hide()
    ops.report(frozenset({Change.LEDGER}))
    ops.report(frozenset({Change.LEDGER}))
    assert reloads == [1] and page.stale
    page.show()
    assert reloads == [1, 1] and not page.stale  # once, however often it changed while hidden


def test_a_background_call_reports_what_it_committed(qtbot, office: AppContext) -> None:
    from isodesk.services.office.staff import add_staff, list_staff

    reported: list[frozenset[Change]] = []
    ops.changes().changed.connect(reported.append)
    done: list[object] = []
    ops.run_in_background(lambda: list_staff(office), done.append)
    qtbot.waitUntil(lambda: len(done) == 1 and not ops.busy(), timeout=10000)
    assert reported == []  # a read changes nothing
    ops.run_in_background(lambda: add_staff(office, "Huỳnh Thị Mỹ Linh", "Tư pháp - Hộ tịch"), done.append)
    qtbot.waitUntil(lambda: len(done) == 2 and not ops.busy(), timeout=10000)
    assert reported == [frozenset({Change.OFFICE, Change.TRAIL})]
    ops.changes().changed.disconnect(reported.append)


def test_warnings_of_a_receipt_are_shown(qtbot, office: AppContext) -> None:
    today = local_today()
    set_day(office, today, "day_off", "Nghỉ đột xuất")
    dialog = ReceiveDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    code, _none = _receive(qtbot, dialog, "Lê Văn Tám")
    box = dialog.warnings_box
    assert box.isVisible() and code in box.text()
    assert short_date(today) in box.text() and "không phải ngày làm việc" in box.text()
    box.close()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)


def test_unticked_components_send_the_dossier_back_in_one_step(qtbot, office: AppContext) -> None:
    dialog = ReceiveDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    code, missing = _receive(qtbot, dialog, "Trần Quốc Việt", missing=2)
    assert len(missing) == 2
    view = get_dossier_view(office, code)
    assert [e.action for e in view.events] == ["received", "supplement"]
    assert view.events[0].at == view.events[1].at and view.status == "supplement"
    reason = dialog.reason.currentText()
    assert reason  # the form set's first usual reason is offered
    assert view.events[1].note == f"{'; '.join(missing)}. Lý do: {reason}"
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)


def test_the_receive_dialog_refuses_at_the_desk_without_a_receipt(qtbot, office: AppContext) -> None:
    """ "Từ chối tiếp nhận" records the refusal (form 03) with its reason and opens the refusal slip; the dossier
    was never received: one "refused" step, no appointment."""
    dialog = ReceiveDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    type_text(dialog.search, "1.001193")
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    type_text(dialog.name, "Trần Văn Bảy")
    assert dialog.refuse_button.text() == "Từ chối tiếp nhận"
    with qtbot.waitSignal(dialog.received, timeout=15000) as blocker:
        dialog.refuse("Không thuộc thẩm quyền giải quyết")
    view = get_dossier_view(office, str(blocker.args[0]))
    assert view.status == "refused" and view.due is None
    assert [(e.action, e.note) for e in view.events] == [("refused", "Không thuộc thẩm quyền giải quyết")]
    preview = dialog.preview
    qtbot.waitUntil(lambda: not ops.busy(), timeout=20000)
    preview.close()
