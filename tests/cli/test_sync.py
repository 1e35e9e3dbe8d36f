"""The sync commands as a user (or a script) runs them: their JSON keys, Vietnamese help, and a folder that cannot
take the package refused with a Vietnamese message, exit 1 and nothing changed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from isodesk.cli.main import build_parser
from isodesk.db.paths import database_path
from isodesk.sync import signing
from isodesk.sync.keystore import KEY_FILE
from isodesk.sync.package import read_package
from tests.cli.conftest import isodesk_here as isodesk

pytestmark = pytest.mark.usefixtures("signed_in_here")


def _exports(data: Path) -> int:
    conn = sqlite3.connect(database_path(data))
    try:
        return int(conn.execute("SELECT count(*) FROM sync_exports").fetchone()[0])
    finally:
        conn.close()


def test_the_installed_command_exports_a_package(office_dir: Path, tmp_path: Path) -> None:
    from tests.cli.conftest import isodesk as real_isodesk

    out = tmp_path / "Gói gửi tỉnh" / "gói số 1.isosync"
    out.parent.mkdir()
    done = real_isodesk("sync", "export", "--out", str(out), "--json", data_dir=office_dir)
    assert done.code == 0, done.err
    found = done.json()
    assert {"file", "sequence", "records"} <= set(found)
    assert found["file"] == str(out) and found["sequence"] == 1 and found["records"] > 0
    assert read_package(out).manifest.sequence == 1


def test_export_incremental_then_full(office_dir: Path, tmp_path: Path) -> None:
    first = isodesk("sync", "export", "--out", str(tmp_path / "1.isosync"), "--json", data_dir=office_dir)
    assert first.code == 0, first.err
    one = json.loads(first.out)
    second = json.loads(isodesk("sync", "export", "--out", str(tmp_path / "2.isosync"), "--json",
                                data_dir=office_dir).out)  # fmt: skip
    assert (second["sequence"], second["records"]) == (2, 0)
    full = json.loads(isodesk("sync", "export", "--out", str(tmp_path / "3.isosync"), "--full", "--json",
                              data_dir=office_dir).out)  # fmt: skip
    assert (full["sequence"], full["records"]) == (3, one["records"])
    text = isodesk("sync", "export", "--out", str(tmp_path / "4.isosync"), data_dir=office_dir)
    assert text.code == 0 and "Đã ghi" in text.out and "gói số 4" in text.out


def test_fingerprint(office_dir: Path) -> None:
    done = isodesk("sync", "fingerprint", "--json", data_dir=office_dir)
    assert done.code == 0, done.err
    expected = signing.fingerprint(signing.load_key(office_dir / KEY_FILE))
    assert json.loads(done.out) == {"fingerprint": expected}
    text = isodesk("sync", "fingerprint", data_dir=office_dir)
    assert text.out.strip() == f"Dấu vân tay khóa của đơn vị: {expected}"


@pytest.mark.parametrize("where", ["missing", "file", "suffix"])
def test_an_unwritable_output_is_refused_and_changes_nothing(office_dir: Path, tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "tệp thường"
    blocker.write_text("x")
    out = {
        "missing": tmp_path / "không có thư mục" / "gói.isosync",
        "file": blocker / "gói.isosync",
        "suffix": tmp_path / "gói.zip",
    }[where]
    done = isodesk("sync", "export", "--out", str(out), "--json", data_dir=office_dir)
    assert done.code == 1 and done.out == ""
    assert done.err.startswith("Lỗi: ") and not done.err.isascii()
    assert _exports(office_dir) == 0 and not out.exists()


def test_a_folder_the_system_refuses_is_a_clear_error(office_dir: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    def denied(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("isodesk.sync.package.tempfile.mkstemp", denied)
    done = isodesk("sync", "export", "--out", str(tmp_path / "gói.isosync"), data_dir=office_dir)
    assert done.code == 1 and done.err.startswith("Lỗi: Không ghi được tệp") and "Hãy chọn thư mục khác" in done.err
    assert _exports(office_dir) == 0


def test_a_script_must_sign_in(office_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ISODESK_PASSWORD")
    done = isodesk("sync", "export", "--out", str(tmp_path / "gói.isosync"), data_dir=office_dir)
    assert done.code == 1 and _exports(office_dir) == 0


def test_help_is_in_vietnamese() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    sync = sub.choices["sync"]  # type: ignore[attr-defined]
    assert "gói đồng bộ gửi tỉnh" in parser.format_help()
    text = sync.format_help()
    assert "ghi gói đồng bộ tiếp theo" in text and "dấu vân tay" in text


def test_enrolment_sheet(office_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "Phiếu đăng ký khóa.pdf"
    done = isodesk("sync", "enrolment", "--out", str(out), "--json", data_dir=office_dir)
    assert done.code == 0, done.err
    assert json.loads(done.out) == {"path": str(out)} and out.read_bytes().startswith(b"%PDF")
    refused = isodesk("sync", "enrolment", "--out", str(tmp_path / "không có" / "phiếu.pdf"), data_dir=office_dir)
    assert refused.code == 1 and "không tồn tại" in refused.err


def test_history(office_dir: Path, tmp_path: Path) -> None:
    empty = isodesk("sync", "history", data_dir=office_dir)
    assert empty.code == 0 and empty.out.strip() == "Chưa xuất gói nào."
    for name in ("1.isosync", "2.isosync"):
        assert isodesk("sync", "export", "--out", str(tmp_path / name), data_dir=office_dir).code == 0
    done = isodesk("sync", "history", "--json", data_dir=office_dir)
    packages = json.loads(done.out)["packages"]
    assert [p["sequence"] for p in packages] == [2, 1] and packages[1]["full"] is True
    assert packages[0]["file_name"] == "2.isosync" and len(packages[0]["sha256"]) == 64
    assert packages[0]["created_at"].endswith("+00:00")  # stored in UTC; "created" is Vietnam time
    text = isodesk("sync", "history", data_dir=office_dir).out
    assert "Toàn bộ" in text and "Chỉ thay đổi" in text
