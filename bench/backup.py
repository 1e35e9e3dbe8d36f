"""Backup, integrity checks and restore of the million-dossier office.

Reuses the office bench/ledger.py builds and caches in bench/out/ledger-<N>/ (about 8 minutes the first time),
works on a copy of it, and prints: the online backup (seconds and MB/s, with a plain file copy of the same file
in the same process as the baseline), ``PRAGMA quick_check`` (what the window runs at start-up) and
``integrity_check``, and a restore (check of the backup, copy of the current file, switch).

    .venv/bin/python bench/backup.py [--dossiers 1000000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import OUT, build


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    args = parser.parse_args()
    source = OUT / f"ledger-{args.dossiers}"
    build(source, args.dossiers)

    from isodesk.db.backup import integrity_problems
    from isodesk.db.paths import database_path
    from isodesk.services.safety.backups import make_backup
    from isodesk.services.safety.restore import restore_backup

    with tempfile.TemporaryDirectory(prefix="isodesk-bench-", dir=OUT) as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        shutil.copyfile(database_path(source), database_path(data))
        live = database_path(data)
        size_mb = live.stat().st_size / 2**20
        _, copy_s = timed(lambda: shutil.copyfile(live, Path(tmp) / "plain-copy.sqlite3"))
        (Path(tmp) / "plain-copy.sqlite3").unlink()
        from isodesk.db.backup import _copy

        _, online_s = timed(lambda: _copy(live, Path(tmp) / "online-copy.sqlite3", None))
        (Path(tmp) / "online-copy.sqlite3").unlink()
        result, backup_s = timed(lambda: make_backup(data, "manual"))
        quick, quick_s = timed(lambda: integrity_problems(live, quick=True))
        full, full_s = timed(lambda: integrity_problems(live))
        restored, restore_s = timed(lambda: restore_backup(data, result.path))
        print(f"office: {args.dossiers:,} dossiers, database {size_mb:,.0f} MB")
        print(f"plain file copy (baseline):    {copy_s:6.1f} s  ({size_mb / copy_s:5.0f} MB/s)")
        print(f"online backup API alone:       {online_s:6.1f} s  ({size_mb / online_s:5.0f} MB/s)")
        print(
            f"online backup, checked:        {backup_s:6.1f} s  ({size_mb / backup_s:5.0f} MB/s; "
            f"{backup_s / copy_s:.1f}x the plain copy; includes integrity_check of the copy)"
        )
        print(f"quick_check (start-up):        {quick_s:6.1f} s  ({'ok' if not quick else quick[:1]})")
        print(f"integrity_check:               {full_s:6.1f} s  ({'ok' if not full else full[:1]})")
        kept = restored.kept.name if restored.kept else "-"
        print(f"restore (check, keep current, switch): {restore_s:6.1f} s  (kept {kept})")


if __name__ == "__main__":
    main()
