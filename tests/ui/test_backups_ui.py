"""The backups box of Settings, the offer to restore after damage, and the single running copy."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from isodesk.app import SingleInstance, run_gui
from isodesk.db.paths import backup_dir, database_path
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.ledger.queries import count_dossiers
from isodesk.services.safety.backups import list_backups, make_backup
from isodesk.ui import ops
from isodesk.ui.main_window import MainWindow
from isodesk.ui.safety.backups_page import BackupsSection, offer_restore_after_damage

from ..services.safety.test_backups import HOLD_LOCK
from .conftest import shown_window, type_text

PASSPHRASE = "ba con mèo trèo cây cau"


def answer(object_name: str, button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the message box ``object_name`` once it is shown (it runs its own event loop)."""

    def poll() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == object_name and w.isVisible():
                seen.append(w.text())
                for b in w.findChildren(QPushButton):
                    if b.text() == button_text:
                        b.click()
                        return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


@pytest.fixture
def window(qtbot, office: AppContext, data_dir: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, office, data_dir) as win:
        yield win


def _section(qtbot, win: MainWindow) -> BackupsSection:
    win.show_area("settings")
    section = win.page("settings").backups  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    return section


def test_back_up_now_lists_the_copy(qtbot, window: MainWindow, office: AppContext) -> None:
    section = _section(qtbot, window)
    assert section.table.rowCount() == 0
    assert section.backup_now.text() == "Sao lưu ngay"
    section.backup_now.click()
    qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=10000)
    assert section.table.item(0, 0).text() == "Thủ công"
    assert section.table.item(0, 3).text() == "Tốt"
    assert str(backup_dir(office.data_dir)) in section.status.text()


def test_the_copy_made_before_an_erasure_is_named(qtbot, window: MainWindow, office: AppContext) -> None:
    from isodesk.services.ledger.dossiers import move_dossier
    from isodesk.services.privacy.personal_data import PersonQuery, erase_applicants, find_person

    code = receive_dossier(office, "1.001193", ApplicantInput("Nguyễn Văn Bình")).code
    move_dossier(office, code, "refused", note="Thiếu giấy tờ")
    (person,) = find_person(office, PersonQuery(name="Nguyễn Văn Bình"))
    erase_applicants(office, [person.id])
    section = _section(qtbot, window)
    qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=10000)
    assert section.table.item(0, 0).text() == "Trước khi xóa dữ liệu cá nhân"


def test_copy_to_a_folder(qtbot, window: MainWindow, office: AppContext, tmp_path: Path) -> None:
    from isodesk.services.safety.backup_key import set_passphrase

    set_passphrase(office, PASSPHRASE)  # a copy that leaves the PC is encrypted
    section = _section(qtbot, window)
    stick = tmp_path / "usb"
    stick.mkdir()
    section.copy_to(stick)
    qtbot.waitUntil(lambda: not ops.busy() and section.backup_now.isEnabled(), timeout=10000)
    assert [p.name[:14] for p in stick.iterdir()] == ["isodesk-28261-"]


def test_copy_to_a_folder_without_a_passphrase_says_how_to_set_one(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("isodesk.ui.safety.backups_page.show_error", lambda _w, exc: shown.append(exc.message))
    section = _section(qtbot, window)
    assert section.passphrase_button.text() == "Đặt cụm mật khẩu sao lưu…"
    stick = tmp_path / "usb"
    stick.mkdir()
    section.copy_to(stick)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "Cài đặt › Sao lưu" in shown[0] and list(stick.iterdir()) == []


def test_set_the_passphrase_print_the_sheet_and_restore_an_encrypted_copy(
    qtbot, window: MainWindow, office: AppContext, tmp_path: Path
) -> None:
    from isodesk.services.safety.backup_key import backup_out, office_key
    from tests.pdfcheck import pages_text

    receive_dossier(office, "1.001193", ApplicantInput("Nguyễn Văn Bình"))
    section = _section(qtbot, window)
    dialog = section.open_passphrase()
    assert "không ai mở được" in dialog.warning.text() and not dialog.sheet_button.isEnabled()
    type_text(dialog.new, PASSPHRASE)
    type_text(dialog.repeat, PASSPHRASE + "x")
    dialog.save()
    assert "không giống nhau" in dialog.problem.text() and office_key(office) is None
    dialog.repeat.clear()
    type_text(dialog.repeat, PASSPHRASE)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.sheet_button.isEnabled(), timeout=15000)
    key = office_key(office)
    assert key is not None and key.fingerprint in dialog.warning.text()
    sheet = tmp_path / "phieu.pdf"
    dialog.save_sheet(sheet)
    qtbot.waitUntil(lambda: sheet.exists() and not ops.busy(), timeout=15000)
    text = pages_text(sheet.read_bytes())[0]
    assert "PHIẾU KHÔI PHỤC CỤM MẬT KHẨU SAO LƯU" in text and key.fingerprint in text
    assert "28261" in text and PASSPHRASE not in text  # the passphrase is written by hand, never printed
    dialog.close()
    qtbot.waitUntil(lambda: section.passphrase_button.text() == "Đổi cụm mật khẩu sao lưu…", timeout=10000)

    copy = backup_out(office, tmp_path).path
    receive_dossier(office, "1.001193", ApplicantInput("Trần Thị Hoa"))
    answered: list[str] = []
    answer_confirm = ("Có", answered)
    _click_when_shown(answer_confirm)
    section.restore_file(copy, "một cụm sai hoàn toàn")
    qtbot.waitUntil(lambda: not ops.busy() and section.restore.isEnabled(), timeout=20000)
    assert count_dossiers(window.ctx) == 2  # the wrong passphrase changed nothing
    _click_when_shown(answer_confirm)
    section.restore_file(copy, PASSPHRASE)
    qtbot.waitUntil(lambda: window.ctx is not office and not ops.busy(), timeout=20000)
    assert "28261" in answered[0]
    assert count_dossiers(window.ctx) == 1


def _click_when_shown(answer: tuple[str, list[str]]) -> None:
    """Click ``answer[0]`` in the next question box (it runs its own event loop); its text goes to ``answer[1]``."""
    text, seen = answer

    def poll() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                for b in w.findChildren(QPushButton):
                    if b.text() == text:
                        seen.append(w.text())
                        b.click()
                        return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def test_copies_holding_erased_data_are_listed_and_dropped(qtbot, window: MainWindow, office: AppContext) -> None:
    from isodesk.services.ledger.dossiers import move_dossier
    from isodesk.services.privacy.personal_data import PersonQuery, erase_applicants, find_person
    from isodesk.services.safety.backups import copies_before_erasure

    code = receive_dossier(office, "1.001193", ApplicantInput("Nguyễn Văn Bình")).code
    move_dossier(office, code, "refused", note="Thiếu giấy tờ")
    make_backup(office.data_dir)
    (person,) = find_person(office, PersonQuery(name="Nguyễn Văn Bình"))
    erase_applicants(office, [person.id])
    holding = copies_before_erasure(office.data_dir)
    assert {b.kind for b in holding} == {"manual", "pre-erasure"}
    section = _section(qtbot, window)
    qtbot.waitUntil(lambda: section.erased_button.isVisible(), timeout=10000)
    assert section.erased_button.text() == "Xóa 2 bản sao còn dữ liệu đã xóa…"
    section.drop_before_erasure(ask=False)
    qtbot.waitUntil(lambda: "Đã xóa 2 bản sao" in section.status.text(), timeout=10000)
    assert copies_before_erasure(office.data_dir) == [] and not any(p.exists() for p in (b.path for b in holding))
    qtbot.waitUntil(lambda: not section.erased_button.isVisible(), timeout=10000)


def test_restore_asks_with_what_it_replaces_then_reopens(qtbot, window: MainWindow, office: AppContext) -> None:
    receive_dossier(office, "1.001193", ApplicantInput("Nguyễn Văn Bình"))
    make_backup(office.data_dir)
    receive_dossier(office, "1.001193", ApplicantInput("Trần Thị Hoa"))
    section = _section(qtbot, window)
    section.table.selectRow(0)
    texts: list[str] = []
    answer("restoreConfirm", "Khôi phục", texts)
    section.restore.click()
    qtbot.waitUntil(lambda: window.ctx is not office and not ops.busy(), timeout=15000)
    assert "1 hồ sơ" in texts[0] and "2 hồ sơ" in texts[0] and "1 thao tác" in texts[0]
    assert count_dossiers(window.ctx) == 1
    assert any(b.kind == "pre-restore" for b in list_backups(office.data_dir))


def test_damaged_file_offers_the_newest_good_backup(qtbot, window: MainWindow, office: AppContext) -> None:
    receive_dossier(office, "1.001193", ApplicantInput("Nguyễn Văn Bình"))
    make_backup(office.data_dir)
    office.close()
    live = database_path(office.data_dir)
    data = bytearray(live.read_bytes())
    data[4096 * 3 : 4096 * 8] = b"\x5a" * (4096 * 5)
    live.write_bytes(bytes(data))
    texts: list[str] = []
    done: list[object] = []
    answer("damagedOffer", "Khôi phục bản sao lưu này", texts)
    offer_restore_after_damage(window, office.data_dir, "trang 4 hỏng", done.append)
    qtbot.waitUntil(lambda: bool(done) and not ops.busy(), timeout=15000)  # widgets close before fixtures end
    assert "trang 4 hỏng" in texts[0] and "1 hồ sơ" in texts[0]
    assert count_dossiers(window.ctx) == 1
    assert any(b.kind == "damaged" for b in list_backups(office.data_dir))


@contextmanager
def another_copy_holding(data_dir: Path) -> Iterator[None]:
    """Another process holding the data folder's lock, as a copy of the program already running on it does."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_second_copy_on_the_same_folder_says_so_and_exits(qtbot, data_dir: Path) -> None:
    with another_copy_holding(data_dir):
        texts: list[str] = []
        answer("alreadyRunning", "Đồng ý", texts)
        assert run_gui(str(data_dir)) == 1
        assert str(data_dir) in texts[0]


def test_second_copy_on_a_set_up_office_paints_then_gives_way(qtbot, office: AppContext, data_dir: Path) -> None:
    """The lock is taken after the first paint (start-up budget) but before the data is opened or signed in to."""
    office.close()
    with another_copy_holding(data_dir):
        texts: list[str] = []
        answer("alreadyRunning", "Đồng ý", texts)
        assert run_gui(str(data_dir)) == 1
        assert str(data_dir) in texts[0]
        assert not any(w.objectName() == "loginDialog" for w in QApplication.topLevelWidgets() if w.isVisible())


def test_a_knock_brings_the_first_window_forward(qtbot, data_dir: Path) -> None:
    first = SingleInstance(QApplication.instance(), data_dir)
    try:
        assert first.acquire()
        with qtbot.waitSignal(first.knocked, timeout=5000):
            SingleInstance(QApplication.instance(), data_dir)._knock()
    finally:
        first.release()
