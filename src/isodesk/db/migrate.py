"""Opening an office database: refuse a newer one, back up, migrate, hand out sessions.

Start-up order (after TagStudio and Vorta): read the schema revision with the standard library;
if the file was written by a newer isodesk, refuse it and touch nothing; if it is older, copy it to
the backups folder first and only then run the Alembic migrations shipped in this package. When the
revision is already current, Alembic is not even imported, which keeps start-up fast.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from isodesk.db.backup import backup_file, timestamped_name
from isodesk.db.engine import create_db_engine, make_sessionmaker
from isodesk.db.paths import backup_dir, database_path
from isodesk.errors import NewerDatabaseError, UserError
from isodesk.i18n import _

#: The newest schema revision this version knows; tests check it equals Alembic's head.
HEAD_REVISION = "0003"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass
class Database:
    data_dir: Path
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    migrated_from: str | None = None
    backups: list[Path] = field(default_factory=list)

    def close(self) -> None:
        self.engine.dispose()


def read_revision(path: Path) -> str | None:
    """The schema revision stored in ``path``, or None for a missing or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError(_("The database {path} cannot be opened: {reason}.").format(path=path, reason=exc)) from exc
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        raise UserError(
            _("The file {path} is not an isodesk database or is damaged ({reason}).").format(path=path, reason=exc)
        ) from exc
    finally:
        conn.close()
    return str(row[0]) if row else None


def ensure_writable_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".isodesk-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserError(
            _(
                "The data folder {path} cannot be written ({reason}). "
                "Choose another folder with --data-dir, or check that the disk is present and not read-only."
            ).format(path=data_dir, reason=exc.strerror or exc)
        ) from exc


def _alembic_config(connection: object) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    script = ScriptDirectory.from_config(cfg)  # type: ignore[arg-type]
    return {rev.revision for rev in script.walk_revisions()}


def open_database(data_dir: Path) -> Database:
    """Open (creating or migrating if needed) the database in ``data_dir``."""
    ensure_writable_dir(data_dir)
    path = database_path(data_dir)
    current = read_revision(path)
    backups: list[Path] = []
    if current != HEAD_REVISION:
        if current is not None and current not in known_revisions():
            raise NewerDatabaseError(
                _(
                    "The database in {path} was written by a newer version of isodesk (schema {found}). "
                    "Install the newer version to open it; the file has not been changed."
                ).format(path=path, found=current)
            )
        if current is not None:
            backups.append(backup_file(path, backup_dir(data_dir) / timestamped_name(f"pre-migration-{current}")))
    engine = create_db_engine(path)
    if current != HEAD_REVISION:
        from alembic import command

        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")  # type: ignore[arg-type]
    return Database(data_dir, path, engine, make_sessionmaker(engine), current, backups)
