"""Where an office's data lives.

Order of precedence (docs/ARCHITECTURE.md §8): the ``--data-dir`` option, then the ``ISODESK_DATA_DIR``
environment variable, then the per-user data folder that platformdirs gives for this system
(on Windows ``%LOCALAPPDATA%\\isodesk``). Only the standard library and platformdirs are imported
here, so the GUI can decide what to show before the database layer is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "isodesk.sqlite3"
BACKUP_DIRNAME = "backups"
ENV_VAR = "ISODESK_DATA_DIR"


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("isodesk", appauthor=False, roaming=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def readonly_uri(path: Path) -> str:
    """A URI that opens the SQLite file ``path`` read-only.

    Quoted (``Path.as_uri``): a folder name holding "#", "?" or "%" — "Phòng #2", a USB stick's label — would
    otherwise end or change the path SQLite reads (https://www.sqlite.org/uri.html).
    """
    return path.resolve().as_uri() + "?mode=ro"
