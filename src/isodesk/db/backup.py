"""Copies of the database file made with SQLite's online backup API, checked before they count.

The online backup (https://www.sqlite.org/backup.html) copies a consistent snapshot even while the
file is open in WAL mode, which a plain file copy does not. It runs in steps of :data:`STEP_PAGES` pages
so a window can show progress; a write by another connection between two steps makes SQLite restart the
copy, so what is copied is always one committed state.

A copy only gets its real name once it is whole and sound: it is written beside its final name as
``.partial``, switched to a rollback journal (a backup stands alone, without a ``-wal`` file), checked with
``PRAGMA integrity_check``, flushed to the disk (``fsync``) and renamed into place, and the folder is
flushed too. A crash, a full USB stick or a pulled-out stick leaves at most a ``.partial`` file, never a
half-written backup under a real backup's name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from isodesk.db.paths import readonly_uri
from isodesk.db.storage import SQLITE_CORRUPT, SQLITE_NOTADB, damaged, primary_code, storage_errors

#: Pages copied per step: 4,096 pages of 4 KiB are 16 MiB, a fraction of a second on an old disk.
STEP_PAGES = 4096

Progress = Callable[[int, int], None]


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What SQLite's ``integrity_check`` (or the faster ``quick_check``) finds wrong; empty when sound.

    quick_check skips the comparison of indexes with their tables (https://www.sqlite.org/pragma.html#pragma_quick_check),
    which is the slow part; it still reads every page and checks the b-tree structure.
    """
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk; Windows has no such call and needs none."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_file(source: Path, dest: Path, progress: Progress | None = None) -> Path:
    """Copy the database ``source`` to ``dest`` atomically; raise a :class:`UserError` if it cannot be done.

    ``progress(done_pages, total_pages)`` is called after each step.
    """
    partial = dest.with_name(dest.name + ".partial")
    with storage_errors(dest.parent):
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            try:
                _copy(source, partial, progress)
            except sqlite3.DatabaseError as exc:
                if primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
                    raise damaged(source) from exc
                raise
            problems = integrity_problems(partial)
            if problems:
                raise damaged(source)
            with open(partial, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(partial, dest)
            fsync_dir(dest.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise
    return dest


def _copy(source: Path, partial: Path, progress: Progress | None) -> None:
    src = sqlite3.connect(readonly_uri(source), uri=True)
    try:
        partial.unlink(missing_ok=True)
        dst = sqlite3.connect(partial)
        try:
            reporter = (lambda _status, remaining, total: progress(total - remaining, total)) if progress else None
            src.backup(dst, pages=STEP_PAGES, progress=reporter)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


#: The time in a backup's file name (the PC's local time, to the second): names sort as the copies were taken.
STAMP = "%Y%m%d-%H%M%S"


def timestamped_name(kind: str, now: datetime | None = None) -> str:
    """``isodesk-<kind>-<stamp>.sqlite3``: what the copy is and when it was taken, readable without opening it."""
    stamp = (now or datetime.now()).strftime(STAMP)
    return f"isodesk-{kind}-{stamp}.sqlite3"
