"""A hostile PC: full disk, read-only folder, a USB stick pulled out, a clock set back.

Where the test runs as root it mounts small real filesystems (tmpfs) to fill and to make read-only; the
full disk is also met everywhere through SQLite's own page limit.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from isodesk.db.paths import database_path
from isodesk.db.storage import disk_full, read_only, unreachable
from isodesk.db.types import utcnow
from isodesk.errors import UserError
from isodesk.services.context import AppContext, open_context
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.ledger.queries import count_dossiers
from isodesk.services.office.profile import init_office
from isodesk.services.safety.backups import backup_to
from isodesk.services.safety.health import clock_warning

BIRTH = "1.001193"


def _receive(ctx: AppContext, i: int = 0) -> str:
    return receive_dossier(
        ctx,
        BIRTH,
        ApplicantInput(
            f"Nguyễn Văn {str(i).translate(str.maketrans('0123456789', 'abcdeghikl'))}", address="Số nhà dài " * 30
        ),
    ).code


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Any]:
    """Mount a tmpfs of a given size (root only) and unmount it after the test."""
    mounts: list[Path] = []

    def mount(name: str, size_kb: int) -> Path:
        point = tmp_path / name
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(point)], check=False)
        if done.returncode != 0:
            pytest.skip("mounting a small filesystem needs root")
        mounts.append(point)
        return point

    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    yield mount
    for point in mounts:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _receive_until_full(ctx: AppContext, tries: int) -> int:
    """Receive dossiers until the disk is full (at most ``tries``); the refusal says so. Returns how many were saved."""
    saved = 0
    with pytest.raises(UserError) as err:
        for i in range(tries):
            _receive(ctx, i)
            saved += 1
    assert err.value.message == disk_full(ctx.db.path).message
    return saved


def test_database_full_by_sqlite_limit_is_a_clear_message(office: AppContext) -> None:
    pages = sqlite3.connect(office.db.path).execute("PRAGMA page_count").fetchone()[0]
    event.listen(office.db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages + 3}"))
    office.db.reset()
    saved = _receive_until_full(office, 500)
    assert count_dossiers(office) == saved
    assert _integrity(office.db.path) == "ok"


def test_real_full_disk_then_space_freed(mounted: Any) -> None:
    disk = mounted("disk", 8 * 1024)
    data_dir = disk / "data"
    ctx = open_context(data_dir)
    init_office(ctx, province_code="82", unit_code="28261")
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 48 * 1024))
    saved = _receive_until_full(ctx, 2000)
    assert count_dossiers(ctx) == saved
    filler.unlink()
    _receive(ctx, 9999)  # space is back: the program goes on
    assert count_dossiers(ctx) == saved + 1
    ctx.close()
    assert _integrity(database_path(data_dir)) == "ok"


def test_folder_made_read_only_while_running(mounted: Any) -> None:
    disk = mounted("stick", 16 * 1024)
    ctx = open_context(disk / "data")
    init_office(ctx, province_code="82", unit_code="28261")
    _receive(ctx)
    ctx.close()
    ctx = open_context(disk / "data")
    ctx.db.reset()  # Linux refuses to remount a filesystem read-only while a file on it is open for writing
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    try:
        with pytest.raises(UserError) as err:
            _receive(ctx, 1)
        assert err.value.message in (read_only(ctx.db.path).message, unreachable(ctx.db.path).message)
        with pytest.raises(UserError) as err:
            open_context(disk / "data")
        assert str(disk / "data") in err.value.message
    finally:
        ctx.close()
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    assert _integrity(disk / "data" / "isodesk.sqlite3") == "ok"


def test_backup_to_a_full_stick_leaves_nothing(office: AppContext, mounted: Any) -> None:
    for i in range(20):
        _receive(office, i)
    stick = mounted("usb", 256)
    with pytest.raises(UserError) as err:
        backup_to(office.data_dir, stick)
    assert err.value.message == disk_full(stick).message
    assert list(stick.iterdir()) == []


def test_a_paper_and_a_persons_data_to_a_full_stick_leave_nothing(office: AppContext, mounted: Any) -> None:
    from isodesk.services.printing import form_pdf, write_pdf
    from isodesk.services.privacy.personal_data import PersonQuery, export_person

    code = receive_dossier(office, BIRTH, ApplicantInput("Nguyễn Văn An")).code
    stick = mounted("full", 64)
    fd = os.open(stick / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    with pytest.raises(UserError) as err:
        write_pdf(stick / "giay-tiep-nhan.pdf", form_pdf(office, "receipt", code))
    assert err.value.message.startswith(f"Không ghi được tệp {stick / 'giay-tiep-nhan.pdf'} (")
    with pytest.raises(UserError) as err:
        export_person(office, PersonQuery(name="Nguyễn Văn An"), stick / "nguyen-van-an")
    assert err.value.message.startswith(f"Không ghi được tệp {stick / 'nguyen-van-an.json'} (")
    assert [p.name for p in stick.iterdir()] == ["filler"]


def test_data_folder_removed_while_running_then_back(office: AppContext, tmp_path: Path) -> None:
    data_dir = office.data_dir
    _receive(office)
    away = tmp_path / "rut-usb"
    data_dir.rename(away)
    try:
        with pytest.raises(UserError) as err:
            _receive(office, 1)
        assert err.value.message == unreachable(data_dir).message
        assert not data_dir.exists()  # nothing was written in its place
    finally:
        away.rename(data_dir)
    _receive(office, 2)
    assert count_dossiers(office) == 2
    assert _integrity(database_path(data_dir)) == "ok"


def test_clock_set_back_or_far_ahead_is_warned_without_changing_anything(office: AppContext) -> None:
    _receive(office)
    now = utcnow()
    assert clock_warning(office, now) is None
    back = clock_warning(office, now.replace(year=2010))
    assert back is not None and "2010" in back
    ahead = clock_warning(office, now + timedelta(days=3 * 365))
    assert ahead is not None and str((now + timedelta(days=3 * 365)).year) in ahead
    assert count_dossiers(office) == 1
