"""Backups and restores on real files: round trip, refusals, rotation, the daily copy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from isodesk.db.paths import backup_dir, database_path
from isodesk.errors import DataFolderBusyError, UserError
from isodesk.services.context import AppContext, open_context
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.ledger.queries import count_dossiers
from isodesk.services.safety.backups import backup_to, daily_backup_if_due, list_backups, make_backup, rotate
from isodesk.services.safety.restore import plan_restore, restore_backup

BIRTH = "1.001193"


def _receive(ctx: AppContext, name: str = "Nguyễn Văn Bình") -> str:
    return receive_dossier(ctx, BIRTH, ApplicantInput(name)).code


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_round_trip_brings_the_data_back_and_keeps_the_current_copy(office: AppContext) -> None:
    data_dir = office.data_dir
    _receive(office)
    backup = make_backup(data_dir).path
    assert _rows(backup, "PRAGMA integrity_check") == [("ok",)]
    later = _receive(office, "Trần Thị Hoa")
    assert count_dossiers(office) == 2
    office.close()

    plan = plan_restore(data_dir, backup)
    assert plan.backup.dossiers == 1 and plan.current is not None and plan.current.dossiers == 2
    assert plan.actions_lost == 1 and not plan.other_unit
    result = restore_backup(data_dir, backup)

    ctx = open_context(data_dir)
    try:
        assert count_dossiers(ctx) == 1
        _receive(ctx, "Lê Văn Tám")  # the restored office goes on working
    finally:
        ctx.close()
    assert result.kept is not None and result.kept.name.startswith("isodesk-pre-restore-")
    assert (later,) in _rows(result.kept, "SELECT code FROM dossiers")
    assert not list(data_dir.glob("*.restoring")) and not list(backup_dir(data_dir).glob("*.partial"))


def test_the_old_write_ahead_log_is_never_applied_to_the_restored_file(office: AppContext) -> None:
    """A crashed writer leaves frames in isodesk.sqlite3-wal; they belong to the old file only."""
    data_dir = office.data_dir
    backup = make_backup(data_dir).path
    office.close()
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute(\"UPDATE office SET leader_name = 'Ghi trong WAL'\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(database_path(data_dir))], check=True)
    wal = Path(str(database_path(data_dir)) + "-wal")
    assert wal.stat().st_size > 0
    result = restore_backup(data_dir, backup)
    assert not wal.exists()
    live = database_path(data_dir)
    assert _rows(live, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(live, "SELECT leader_name FROM office") == [("Nguyễn Văn Hùng",)]
    assert result.kept is not None
    assert _rows(result.kept, "SELECT leader_name FROM office") == [("Ghi trong WAL",)]


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


def test_restore_refuses_a_damaged_backup(office: AppContext) -> None:
    for i in range(30):
        _receive(office, f"Người {chr(65 + i % 26)}{chr(97 + i // 26)}")
    backup = make_backup(office.data_dir).path
    _corrupt(backup)
    before = database_path(office.data_dir).read_bytes()
    with pytest.raises(UserError) as err:
        restore_backup(office.data_dir, backup)
    assert str(backup) in err.value.message
    assert database_path(office.data_dir).read_bytes() == before


def test_restore_refuses_a_newer_schema(office: AppContext) -> None:
    backup = make_backup(office.data_dir).path
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE alembic_version SET version_num = '9999_tuong_lai'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as err:
        restore_backup(office.data_dir, backup)
    assert "9999_tuong_lai" in err.value.message


def test_restore_refuses_files_that_are_not_isodesk_databases(office: AppContext, tmp_path: Path) -> None:
    text = tmp_path / "bao-cao.docx"
    text.write_bytes(b"PK\x03\x04 not a database" * 200)
    other_db = tmp_path / "khac.sqlite3"
    conn = sqlite3.connect(other_db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for file in (text, other_db, tmp_path / "khong-co.sqlite3"):
        with pytest.raises(UserError) as err:
            restore_backup(office.data_dir, file)
        assert str(file) in err.value.message


def test_another_units_backup_needs_an_explicit_yes(office: AppContext, tmp_path: Path) -> None:
    other_dir = tmp_path / "other"
    other = open_context(other_dir)
    from isodesk.services.office.profile import init_office

    init_office(other, province_code="82", unit_code="28249")
    other.close()
    backup = make_backup(other_dir).path
    office.close()
    with pytest.raises(UserError) as err:
        restore_backup(office.data_dir, backup)
    assert "28249" in err.value.message and "28261" in err.value.message
    restore_backup(office.data_dir, backup, allow_other_unit=True)
    assert _rows(database_path(office.data_dir), "SELECT unit_code FROM office") == [("28249",)]


HOLD_LOCK = """
import sys, time
from pathlib import Path
from isodesk.db import lock
lock.acquire(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""


def _hold_lock_in_another_process(data_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_restore_is_refused_while_another_isodesk_holds_the_folder(office: AppContext) -> None:
    backup = make_backup(office.data_dir).path
    office.close()
    holder = _hold_lock_in_another_process(office.data_dir)
    try:
        with pytest.raises(DataFolderBusyError):
            restore_backup(office.data_dir, backup)
    finally:
        holder.kill()
        holder.wait()
    restore_backup(office.data_dir, backup)  # a killed holder leaves no stale lock


def test_backup_to_a_folder_names_the_unit_and_never_overwrites(office: AppContext, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    result = backup_to(office.data_dir, stick)
    assert result.path.parent == stick and result.path.name.startswith("isodesk-28261-")
    assert _rows(result.path, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(result.path, "PRAGMA journal_mode") == [("delete",)]
    with pytest.raises(UserError):
        backup_to(office.data_dir, result.path)
    with pytest.raises(UserError) as err:
        backup_to(office.data_dir, tmp_path / "rut-ra" / "copy.sqlite3")
    assert "USB" in err.value.message


def _fake_backup(folder: Path, kind: str, when: datetime, source: Path) -> Path:
    dest = folder / f"isodesk-{kind}-{when:%Y%m%d-%H%M%S}.sqlite3"
    dest.write_bytes(source.read_bytes())
    return dest


def test_rotation_keeps_seven_days_four_weeks_twelve_months(office: AppContext) -> None:
    source = make_backup(office.data_dir, "manual").path
    folder = backup_dir(office.data_dir)
    now = datetime(2026, 11, 24, 8, 0)
    for day in range(400):
        _fake_backup(folder, "daily", now - timedelta(days=day), source)
    for n in range(15):
        _fake_backup(folder, "pre-import", now - timedelta(hours=n), source)
    rotate(office.data_dir)
    daily = sorted(b.taken_at.date() for b in list_backups(office.data_dir) if b.kind == "daily")
    last_week = {(now - timedelta(days=d)).date() for d in range(7)}
    assert last_week <= set(daily)
    assert len({d.isocalendar()[:2] for d in daily}) >= 4
    assert len({(d.year, d.month) for d in daily}) == 12
    assert len(daily) <= 7 + 4 + 12
    assert min(daily) >= (now - timedelta(days=366)).date()
    pre_import = [b for b in list_backups(office.data_dir) if b.kind == "pre-import"]
    assert len(pre_import) == 10 and max(b.taken_at for b in pre_import) == now
    assert source.exists()  # copies made by hand are never deleted


def test_many_copies_in_one_second_keep_the_newest(office: AppContext) -> None:
    """Imports run by a script can back up a dozen times a second: the copy just made must be the one kept."""
    now = datetime(2026, 11, 24, 9, 30)
    made = [make_backup(office.data_dir, "pre-import", now=now).path for _ in range(14)]
    assert all(path.exists() for path in made[-10:]) and not any(path.exists() for path in made[:4])


def test_daily_backup_happens_once_a_day(office: AppContext) -> None:
    day = datetime(2026, 11, 24, 7, 45)
    first = daily_backup_if_due(office.data_dir, day)
    assert first is not None and first.path.exists()
    assert daily_backup_if_due(office.data_dir, day + timedelta(hours=3)) is None
    assert daily_backup_if_due(office.data_dir, day + timedelta(days=1)) is not None
    assert [b.kind for b in list_backups(office.data_dir)] == ["daily", "daily"]


def test_backup_and_restore_by_hand_are_the_administrators(office: AppContext) -> None:
    from isodesk.services.accounts.accounts import add_account
    from isodesk.services.safety.backups import backup_now
    from isodesk.services.safety.restore import restore_office

    copy = backup_now(office).path
    add_account(office, "mot.cua", "Phạm Thị Ngọc Ánh", ["officer"], password="Một cửa 2026!")
    admin = office.actor
    office.actor = "mot.cua"
    try:
        with pytest.raises(UserError) as err:
            backup_now(office)
        assert "mot.cua" in err.value.message
        with pytest.raises(UserError):
            restore_office(office, copy)
    finally:
        office.actor = admin
    assert [b.kind for b in list_backups(office.data_dir)] == ["manual"]
    restore_office(office, copy)


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="the zone of the process is set through TZ")
def test_a_backup_time_is_shown_in_vietnam_time_whatever_the_pc_zone(
    office: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies are named with the PC's clock; the list shows when they were taken in Vietnam time."""
    import time as time_module

    from isodesk.i18n.dates import short_datetime

    monkeypatch.setenv("TZ", "UTC")
    time_module.tzset()
    try:
        made = make_backup(office.data_dir, "manual", now=datetime(2026, 12, 5, 1, 40, 0))
        info = next(b for b in list_backups(office.data_dir) if b.path == made.path)
        assert short_datetime(info.moment) == "08:40 05/12/2026"
    finally:
        monkeypatch.undo()
        time_module.tzset()
    info = next(b for b in list_backups(office.data_dir) if b.path == made.path)
    assert info.moment.utcoffset() is not None
