"""Opening an office database: refuse a newer one, back up, migrate, hand out sessions.

Start-up order (after TagStudio and Vorta): read the schema revision with the standard library;
if the file was written by a newer isodesk, refuse it and touch nothing; if it is older, copy it to
the backups folder first and only then run the Alembic migrations shipped in this package. When the
revision is already current, Alembic is not even imported, which keeps start-up fast.

A migration holds the data folder's lock (:mod:`isodesk.db.lock`: no second isodesk may use the file while
its tables are rebuilt) and runs in one ``BEGIN IMMEDIATE`` transaction with foreign keys off, as SQLite
prescribes for schema changes (https://www.sqlite.org/lang_altertable.html#otheralter, steps 1-12): a
table rebuilt by Alembic's batch mode must not cascade deletes into its children, and ``foreign_key_check``
must find nothing before the commit. A process killed half-way leaves the old schema, whole.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from isodesk.db.backup import backup_file, timestamped_name
from isodesk.db.engine import create_db_engine, make_sessionmaker, write_connection
from isodesk.db.lock import holding
from isodesk.db.paths import backup_dir, database_path, readonly_uri
from isodesk.db.storage import SQLITE_CORRUPT, SQLITE_NOTADB, damaged, primary_code, storage_errors, unreachable
from isodesk.errors import NewerDatabaseError, UserError
from isodesk.i18n import _

#: The newest schema revision this version knows; tests check it equals Alembic's head.
HEAD_REVISION = "0014"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass
class Database:
    data_dir: Path
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    migrated_from: str | None = None  # the revision the file had when it was migrated by this opening
    backups: list[Path] = field(default_factory=list)  # copies made before migrating
    identity: tuple[int, int] | None = None

    def close(self) -> None:
        self.engine.dispose()

    def reset(self) -> None:
        """Drop pooled connections; the next session opens the file anew."""
        self.engine.dispose()

    def check_reachable(self) -> None:
        """Refuse to work on a data folder that vanished (a USB stick pulled out, a folder renamed).

        On Linux an open file stays writable after its folder is removed, so SQLite alone would go on
        saving into a file nobody can find again; one ``stat`` per unit of work costs microseconds. When the
        file is back but is another file (the stick mounted anew), the pooled connections are dropped.
        """
        try:
            st = os.stat(self.path)
        except OSError as exc:
            raise unreachable(self.data_dir) from exc
        identity = (st.st_dev, st.st_ino)
        if self.identity is not None and identity != self.identity:
            self.reset()
        self.identity = identity


def read_revision(path: Path) -> str | None:
    """The schema revision stored in ``path``, or None for a missing or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise UserError(_("The database {path} cannot be opened: {reason}.").format(path=path, reason=exc)) from exc
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        if primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise damaged(path) from exc  # says how to restore a backup
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


def newer_error(path: Path, found: str) -> NewerDatabaseError:
    return NewerDatabaseError(
        _(
            "The database in {path} was written by a newer version of isodesk (schema {found}). "
            "Install the newer version to open it; the file has not been changed."
        ).format(path=path, found=found)
    )


def open_database(data_dir: Path) -> Database:
    """Open (creating or migrating if needed) the database in ``data_dir``."""
    ensure_writable_dir(data_dir)
    path = database_path(data_dir)
    with storage_errors(data_dir):
        current = read_revision(path)
        if current == HEAD_REVISION:
            engine = create_db_engine(path)
            return Database(data_dir, path, engine, make_sessionmaker(engine))
        if current is not None and current not in known_revisions():
            raise newer_error(path, current)
        with holding(data_dir):
            current = read_revision(path)  # another process may have migrated while this one waited
            backups: list[Path] = []
            if current is not None and current != HEAD_REVISION:
                backups.append(backup_file(path, backup_dir(data_dir) / timestamped_name(f"pre-migration-{current}")))
            engine = create_db_engine(path)
            if current != HEAD_REVISION:
                try:
                    _upgrade(engine)
                except BaseException:
                    engine.dispose()
                    raise
        return Database(data_dir, path, engine, make_sessionmaker(engine), current, backups)


def _upgrade(engine: Engine) -> None:
    from alembic import command

    with write_connection(engine) as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, where it takes effect
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), "head")  # type: ignore[arg-type]
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left rows that break foreign keys: {broken[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
