"""What Help › About shows, and the short diagnostic an office copies for support.

The diagnostic holds versions, the operating system and the free space of the data folder's disk, and nothing
personal: not the data folder's path (it holds the Windows user name), not the office's name, not the PC's name.
The components are the ones the program carries (the Windows and Linux bundles ship each of them): their
licences are shown as the GPL-3.0 (section 6) and the LGPL-3.0 (section 4, for Qt) ask of a program that conveys
them, with the fonts under the SIL Open Font License 1.1 and the unit list (``vietnam-provinces``) under GPL-3.0.
"""

from __future__ import annotations

import importlib
import platform
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from isodesk import __version__
from isodesk.db.migrate import HEAD_REVISION, read_revision
from isodesk.db.paths import database_path
from isodesk.i18n import N_, _


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    use: str  # what the program uses it for, in the user's language


@dataclass(frozen=True)
class About:
    version: str
    data_dir: Path
    schema_version: str | None  # the data file's, None before the office is set up
    schema_head: str  # the newest this version knows
    python: str
    sqlite: str
    system: str
    free_bytes: int | None
    frozen: bool  # running from the bundle rather than from Python
    components: tuple[Component, ...]

    def diagnostic(self, qt_version: str = "") -> str:
        """A few lines for support, in English whatever the screen language: versions, OS, free space."""
        free = f"{self.free_bytes / 1024**3:.1f} GiB" if self.free_bytes is not None else "unknown"
        lines = [
            f"isodesk {self.version} ({'bundle' if self.frozen else 'source'})",
            f"schema: {self.schema_version or 'none'} (this version: {self.schema_head})",
            f"Python {self.python}, SQLite {self.sqlite}" + (f", Qt {qt_version}" if qt_version else ""),
            f"system: {self.system}",
            f"free space on the data disk: {free}",
        ]
        return "\n".join(lines)


#: (name, module whose version is shown, attribute, licence, use). Qt's version is the window's to add.
_COMPONENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Qt for Python", "", "", "LGPL-3.0", N_("windows and printing")),
    ("Python", "sys", "", "PSF-2.0", N_("the language the program is written in")),
    ("SQLite", "sqlite3", "sqlite_version", N_("public domain"), N_("the data file")),
    ("SQLAlchemy", "sqlalchemy", "__version__", "MIT", N_("the data file")),
    ("Alembic", "alembic", "__version__", "MIT", N_("upgrading the data file")),
    ("ReportLab, rl_accel", "reportlab", "Version", "BSD-3-Clause", N_("printed forms (PDF)")),
    ("Pillow", "PIL", "__version__", "MIT-CMU", N_("images in printed forms")),
    ("pypdfium2, PDFium", "pypdfium2.version", "PYPDFIUM_INFO", "Apache-2.0, BSD-3-Clause", N_("print preview")),
    ("cryptography, OpenSSL", "cryptography", "__version__", "Apache-2.0, BSD-3-Clause", N_("encrypted copies")),
    ("holidays", "holidays", "__version__", "MIT", N_("public holidays")),
    ("vietnam-provinces", "vietnam_provinces", "__version__", "GPL-3.0", N_("the list of provinces and communes")),
    ("openpyxl", "openpyxl", "__version__", "MIT", N_("importing Excel files")),
    ("phonenumberslite", "phonenumbers", "__version__", "Apache-2.0", N_("checking phone numbers")),
    ("platformdirs", "platformdirs", "__version__", "MIT", N_("the data folder's place")),
    ("filelock", "filelock", "__version__", "Unlicense", N_("one copy per data folder")),
    ("tzdata", "tzdata", "IANA_VERSION", "Apache-2.0", N_("Vietnam's time zone")),
    ("Noto Sans", "", "", "OFL-1.1", N_("the font of the windows")),
    ("Liberation Serif", "", "", "OFL-1.1", N_("the font of printed forms")),
    ("PyInstaller", "", "", N_("GPL-2.0 with the bootloader exception"), N_("the program's start-up files")),
)


def _version(module: str, attribute: str) -> str:
    if not module:
        return ""
    if module == "sys":
        return platform.python_version()
    try:
        value = getattr(importlib.import_module(module), attribute, "")
    except ImportError:
        return ""
    return str(value)


def about(data_dir: Path) -> About:
    """Versions, the data file's schema, the system and the components with their licences."""
    try:
        free: int | None = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.anchor or ".").free
    except OSError:
        free = None
    try:
        revision = read_revision(database_path(data_dir))
    except (OSError, sqlite3.Error):
        revision = None
    components = tuple(
        Component(name, _version(module, attribute), _(licence), _(use))
        for name, module, attribute, licence, use in _COMPONENTS
    )
    return About(
        version=__version__,
        data_dir=data_dir,
        schema_version=revision,
        schema_head=HEAD_REVISION,
        python=platform.python_version(),
        sqlite=sqlite3.sqlite_version,
        system=f"{platform.system()} {platform.release()} ({platform.version()}, {platform.machine()})",
        free_bytes=free,
        frozen=bool(getattr(sys, "frozen", False)),
        components=components,
    )
