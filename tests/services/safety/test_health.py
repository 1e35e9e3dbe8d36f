"""What the window checks after the office opens: integrity, the clock, the day's backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from isodesk.db.paths import database_path
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.safety.backups import list_backups
from isodesk.services.safety.health import after_open, check_integrity


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\x5a" * (4096 * 4)
    path.write_bytes(bytes(data))


def test_sound_office_gets_one_daily_backup(office: AppContext) -> None:
    first = after_open(office, datetime(2026, 11, 24, 7, 30))
    assert first.integrity.ok and not first.integrity.full and first.clock is None
    assert first.daily_backup is not None and first.daily_backup.exists()
    again = after_open(office, datetime(2026, 11, 24, 16, 0))
    assert again.daily_backup is None
    assert [b.kind for b in list_backups(office.data_dir)] == ["daily"]


def test_damaged_file_is_found_and_not_backed_up(office: AppContext) -> None:
    for i in range(30):
        receive_dossier(
            office,
            "1.001193",
            ApplicantInput(f"Người số {str(i).translate(str.maketrans('0123456789', 'abcdeghikl'))}"),
        )
    office.close()
    _damage(database_path(office.data_dir))
    report = check_integrity(office.data_dir)
    assert not report.ok and report.full and report.problems
    opened = after_open(office)
    assert not opened.integrity.ok and opened.daily_backup is None
    assert list_backups(office.data_dir) == []
