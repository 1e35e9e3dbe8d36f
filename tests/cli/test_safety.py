"""isodesk backup / backup list / restore / check, and the clock warning, through the real command."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from isodesk.db.paths import database_path
from tests.cli.conftest import isodesk
from tests.services.safety.test_backups import HOLD_LOCK


def _office(data_dir: Path) -> None:
    assert isodesk("init", "--province", "82", "--unit", "28261", data_dir=data_dir).code == 0


def _receive(data_dir: Path, name: str) -> None:
    run = isodesk("dossier", "receive", "--procedure", "1.001193", "--applicant", name, data_dir=data_dir)
    assert run.code == 0, run.err


def _dossiers(data_dir: Path) -> int:
    return len(isodesk("dossier", "list", "--json", data_dir=data_dir).json()["dossiers"])


def test_backup_list_restore_round_trip(data_dir: Path, tmp_path: Path) -> None:
    _office(data_dir)
    _receive(data_dir, "Nguyễn Văn Bình")
    run = isodesk("backup", "--out", str(tmp_path), "--json", data_dir=data_dir)
    assert run.code == 0, run.err
    made = run.json()
    assert set(made) == {"path", "bytes", "seconds"} and Path(made["path"]).parent == tmp_path
    assert made["bytes"] == Path(made["path"]).stat().st_size
    assert isodesk("backup", "--json", data_dir=data_dir).code == 0
    listed = isodesk("backup", "list", "--json", data_dir=data_dir).json()["backups"]
    assert [(b["kind"], b["good"]) for b in listed] == [("manual", True)]
    assert set(listed[0]) >= {"kind", "path", "time", "size", "good"}

    _receive(data_dir, "Trần Thị Hoa")
    refused = isodesk("restore", made["path"], data_dir=data_dir)  # no terminal to ask: --yes is needed
    assert refused.code == 1 and "--yes" in refused.err and _dossiers(data_dir) == 2
    done = isodesk("restore", made["path"], "--yes", "--json", data_dir=data_dir)
    assert done.code == 0, done.err
    assert Path(done.json()["kept"]).name.startswith("isodesk-pre-restore-")
    assert _dossiers(data_dir) == 1


def test_restore_is_refused_while_the_program_holds_the_folder(data_dir: Path) -> None:
    _office(data_dir)
    copy = isodesk("backup", "--json", data_dir=data_dir).json()["path"]
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        run = isodesk("restore", copy, "--yes", data_dir=data_dir)
        assert run.code == 1 and str(data_dir) in run.err and "Traceback" not in run.err
        assert isodesk("backup", "list", data_dir=data_dir).code == 0  # reading beside it is fine
        _receive(data_dir, "Lê Văn Tám")  # so is a save: SQLite serialises the writers
    finally:
        holder.kill()
        holder.wait()


def test_damaged_database_names_the_way_out(data_dir: Path) -> None:
    _office(data_dir)
    for i in range(20):
        _receive(data_dir, f"Người số {chr(65 + i)}")
    path = database_path(data_dir)
    data = bytearray(path.read_bytes())
    data[4096 * 2 :] = b"\x5a" * (len(data) - 4096 * 2)
    path.write_bytes(bytes(data))
    check = isodesk("check", data_dir=data_dir)
    assert check.code == 1 and "isodesk restore" in check.err and "isodesk backup list" in check.err
    listed = isodesk("dossier", "list", data_dir=data_dir)
    assert listed.code == 1 and "isodesk restore" in listed.err and "Traceback" not in listed.err


def test_check_reports_a_sound_file(data_dir: Path) -> None:
    _office(data_dir)
    run = isodesk("check", "--full", "--json", data_dir=data_dir)
    assert run.code == 0 and run.json()["ok"] is True and run.json()["full"] is True


def test_clock_set_back_is_warned_on_stderr(data_dir: Path) -> None:
    _office(data_dir)
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("UPDATE office SET updated_at = '2099-01-01 00:00:00.000000', change_seq = 999")
    conn.commit()
    conn.close()
    run = isodesk("info", "--json", data_dir=data_dir)
    assert run.code == 0 and run.json()["unit_code"] == "28261"
    assert "2099" in run.err and "Windows" in run.err


def test_an_officer_may_not_back_up_or_restore(data_dir: Path) -> None:
    _office(data_dir)
    add = isodesk(
        "user",
        "add",
        "--username",
        "mot.cua",
        "--name",
        "Phạm Thị Ngọc Ánh",
        "--role",
        "officer",
        "--json",
        data_dir=data_dir,
    )
    assert add.code == 0, add.err
    refused = isodesk("--user", "mot.cua", "backup", data_dir=data_dir)
    assert refused.code == 1 and "mot.cua" in refused.err
    copy = isodesk("backup", "--json", data_dir=data_dir).json()["path"]
    refused = isodesk("--user", "mot.cua", "restore", copy, "--yes", data_dir=data_dir)
    assert refused.code == 1 and "mot.cua" in refused.err
