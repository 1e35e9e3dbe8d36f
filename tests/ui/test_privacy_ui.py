"""Cài đặt › Dữ liệu cá nhân: retention period, a copy for a person, erasure counted then confirmed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier, show_dossier
from isodesk.services.settings import get_setting
from isodesk.ui import ops
from isodesk.ui.privacy.privacy_page import PrivacyBox
from tests.ui.conftest import type_text


@pytest.fixture
def old_office(office: AppContext) -> dict[str, str]:
    codes = {}
    for key, name, year in (("old", "Đoàn Thị Yến Nhi", 2012), ("new", "Đoàn Thị Yến Nhi", 2026)):
        when = datetime(year, 3, 2, 9, tzinfo=LOCAL_TZ)
        code = receive_dossier(office, "1.004873", ApplicantInput(name, phone="0983 111 222"), received_at=when).code
        move_dossier(office, code, "ready", at=when.replace(day=3))
        move_dossier(office, code, "returned", at=when.replace(day=3, hour=10), rating=1)
        codes[key] = code
    return codes


def _box(qtbot, office: AppContext) -> PrivacyBox:
    box = PrivacyBox()
    qtbot.addWidget(box)
    box.show()
    box.set_context(office)
    qtbot.waitUntil(lambda: box.retention.value() == 10, timeout=5000)
    return box


def test_retention_period_is_saved(qtbot, office: AppContext) -> None:
    box = _box(qtbot, office)
    box.retention.setValue(15)
    box.save_retention.click()
    qtbot.waitUntil(lambda: box.status.text() == "Đã lưu.", timeout=5000)
    assert get_setting(office, "privacy.retention_years") == 15


def test_erasure_is_counted_then_confirmed(qtbot, office: AppContext, old_office: dict[str, str]) -> None:
    box = _box(qtbot, office)
    asked: list[str] = []
    box.ask = lambda question: asked.append(question) is None and len(asked) > 1  # no the first time, yes after
    box.erase.click()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert "1 bản ghi người nộp (1 hồ sơ giải quyết xong trước ngày" in asked[0] and "sao lưu" in asked[0]
    qtbot.waitUntil(lambda: not ops.busy())
    assert show_dossier(office, old_office["old"])["applicant"]["name"] == "Đoàn Thị Yến Nhi"  # declined
    box.erase.click()
    qtbot.waitUntil(lambda: box.status.text().startswith("Đã xóa dữ liệu cá nhân của 1 bản ghi"), timeout=10000)
    assert show_dossier(office, old_office["old"])["applicant"]["name"] == ""
    assert show_dossier(office, old_office["new"])["applicant"]["name"] == "Đoàn Thị Yến Nhi"
    box.erase.click()
    qtbot.waitUntil(lambda: "Không có dữ liệu cá nhân nào quá thời hạn" in box.status.text(), timeout=5000)


def test_export_for_a_person(qtbot, office: AppContext, old_office: dict[str, str], tmp_path: Path) -> None:
    box = _box(qtbot, office)
    dialog = box.open_export()
    type_text(dialog.phone, "0983 11")
    dialog.find.click()
    assert dialog.status.text().startswith("Số điện thoại “0983 11” không hợp lệ")
    dialog.phone.clear()
    type_text(dialog.name, "đoàn thị yến nhi")
    dialog.find.click()
    qtbot.waitUntil(lambda: dialog.matches.count() == 2, timeout=5000)
    assert old_office["old"] in dialog.matches.item(0).text() and dialog.save.isEnabled()
    dialog.export_to(tmp_path / "yen-nhi.csv")  # no passphrase: the copy leaves the office, it must be encrypted
    qtbot.waitUntil(lambda: "quá ngắn" in dialog.status.text(), timeout=5000)
    assert list(tmp_path.glob("yen-nhi*")) == []
    type_text(dialog.passphrase, "hoa sen nở giữa hồ")
    type_text(dialog.passphrase_repeat, "hoa sen nở giữa hồ")
    dialog.export_to(tmp_path / "yen-nhi.csv")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Đã ghi"), timeout=30000)  # a key from a passphrase: slow
    from isodesk.services.safety.sealed import decrypt_bytes

    assert b"Yen Nhi" not in (tmp_path / "yen-nhi.csv.isodesk-enc").read_bytes()
    assert "Đoàn Thị Yến Nhi" in decrypt_bytes(tmp_path / "yen-nhi.csv.isodesk-enc", "hoa sen nở giữa hồ").decode(
        "utf-8-sig"
    )
    assert (tmp_path / "yen-nhi.json.isodesk-enc").exists()


def test_buttons_follow_the_account(qtbot, office: AppContext) -> None:
    from isodesk.services.accounts.accounts import add_account

    add_account(office, "mot.cua", "Võ Thanh Tùng", ["officer"], password="Một cửa 2026!")
    office.actor = "mot.cua"
    box = PrivacyBox()
    qtbot.addWidget(box)
    box.show()
    box.set_context(office)
    qtbot.waitUntil(lambda: not box.erase.isVisible(), timeout=5000)
    assert box.export.isVisible() and not box.retention.isEnabled() and not box.save_retention.isVisible()
