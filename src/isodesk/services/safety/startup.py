"""What the GUI needs to know before anything heavy is loaded.

The window must paint fast on old PCs (issue: start-up at most 1.5x a bare Qt window), so the choice
between the first-run wizard and the main window, and the saved language, are read here with the
standard library's sqlite3 alone, read-only; SQLAlchemy, Alembic and the migrations are loaded after
the first paint, off the GUI thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from isodesk.db.paths import database_path, readonly_uri, resolve_data_dir


class StartupState(NamedTuple):
    data_dir: Path
    initialised: bool
    unit_name: str
    language: str


def probe(data_dir: str | Path | None = None) -> StartupState:
    folder = resolve_data_dir(data_dir)
    path = database_path(folder)
    if not path.exists():
        return StartupState(folder, False, "", "vi")
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error:
        return StartupState(folder, False, "", "vi")
    try:
        row = conn.execute(
            "SELECT u.name FROM office o LEFT JOIN admin_units u ON u.code = o.unit_code LIMIT 1"
        ).fetchone()
        lang_row = conn.execute("SELECT value FROM settings WHERE key = 'ui.language'").fetchone()
    except sqlite3.Error:
        return StartupState(folder, False, "", "vi")
    finally:
        conn.close()
    # The value is stored as JSON; a language code is a plain JSON string such as "vi".
    language = lang_row[0].strip('"') if lang_row else "vi"
    return StartupState(folder, row is not None, (row[0] or "") if row else "", language)
