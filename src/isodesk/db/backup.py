"""Copies of the database file made with SQLite's online backup API.

The online backup (https://www.sqlite.org/backup.html) copies a consistent snapshot even while the
file is open in WAL mode, which a plain file copy does not. The copy is written beside its final name
and renamed into place, so a crash never leaves a half-written backup under a real backup's name.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path


def backup_file(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, dest)
    return dest


def timestamped_name(kind: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"isodesk-{kind}-{stamp}.sqlite3"
