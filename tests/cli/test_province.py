"""The province's commands as a script runs them: sync import's results and exit status, province status and
confirm, and a commune office refusing to import with a Vietnamese message."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from isodesk.cli.main import run
from tests.cli.conftest import ADMIN, ADMIN_PASSWORD, Run, init

_capture: pytest.CaptureFixture[str] | None = None


@pytest.fixture(autouse=True)
def _in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    global _capture
    for name in ("ISODESK_DATA_DIR", "ISODESK_LANG", "ISODESK_BACKUP_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ISODESK_USER", ADMIN)
    monkeypatch.setenv("ISODESK_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    _capture = capsys


def isodesk(*argv: str, data_dir: Path) -> Run:
    assert _capture is not None
    _capture.readouterr()
    code = run(["--data-dir", str(data_dir), *argv])
    out = _capture.readouterr()
    return Run(code, out.out, out.err)


@pytest.fixture
def province_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tỉnh"
    folder.mkdir()
    done = init("--role", "province", "--province", "82", data_dir=folder)
    assert done.code == 0, done.err
    return folder


def test_import_status_and_confirm(office_dir: Path, province_dir: Path, tmp_path: Path) -> None:
    package = tmp_path / "1.isosync"
    assert isodesk("sync", "export", "--out", str(package), data_dir=office_dir).code == 0
    held = isodesk("sync", "import", str(package), "--json", data_dir=province_dir)
    assert held.code == 0, held.err
    (result,) = held.json()["results"]
    assert set(result) >= {"file", "unit_code", "status", "added", "updated", "reason"}
    assert (result["unit_code"], result["status"], result["added"]) == ("28261", "held", 0)
    assert "isodesk province confirm 28261" in result["reason"]
    confirmed = isodesk("province", "confirm", "28261", data_dir=province_dir)
    assert confirmed.code == 0 and "Đã xác nhận" in confirmed.out
    dry = isodesk("sync", "import", str(package), "--dry-run", "--json", data_dir=province_dir).json()
    assert dry["results"][0]["status"] == "imported" and dry["results"][0]["added"] > 0
    done = isodesk("sync", "import", str(package), "--json", data_dir=province_dir).json()["results"][0]
    assert (done["status"], done["added"]) == ("imported", dry["results"][0]["added"])
    again = isodesk("sync", "import", str(package), data_dir=province_dir)
    assert again.code == 0 and "không thay đổi" in again.out
    units = isodesk("province", "status", "--json", data_dir=province_dir).json()["units"]
    row = next(u for u in units if u["unit_code"] == "28261")
    assert row["enrolled"] and row["sequence"] == 1 and row["received"] == 0 and row["on_time_rate"] is None
    assert set(row) >= {"unit_code", "unit_name", "enrolled", "last_package_at", "sequence", "received",
                        "on_time_rate", "qms_step"}  # fmt: skip
    assert row["qms_step"] == "build" and row["reported_this_year"] and row["open_nonconformities"] == 0
    assert set(row) >= {"confirmed", "announced_on", "last_audit_on", "last_review_on", "objectives_met",
                        "objectives_total", "open_nonconformities", "reported_this_year"}  # fmt: skip
    before = isodesk("province", "status", "--year", "2020", "--json", data_dir=province_dir).json()["units"]
    assert not next(u for u in before if u["unit_code"] == "28261")["reported_this_year"]
    bad = isodesk("province", "status", "--year", "1700", data_dir=province_dir)
    assert bad.code == 1 and "Năm" in bad.err


def test_a_rejected_file_exits_1(province_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hỏng.isosync"
    bad.write_bytes(b"not a package")
    done = isodesk("sync", "import", str(bad), "--json", data_dir=province_dir)
    assert done.code == 1
    assert done.json()["results"][0]["status"] == "rejected"
    assert len(list((province_dir / "quarantine").iterdir())) == 2


def test_a_commune_office_refuses_to_import(office_dir: Path, tmp_path: Path) -> None:
    package = tmp_path / "1.isosync"
    assert isodesk("sync", "export", "--out", str(package), data_dir=office_dir).code == 0
    done = isodesk("sync", "import", str(package), "--json", data_dir=office_dir)
    assert done.code == 1 and "Chỉ văn phòng của tỉnh" in done.err and done.out == ""
    assert isodesk("province", "status", data_dir=office_dir).code == 1
