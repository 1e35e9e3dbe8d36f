"""Real SQLite transactions: a unit of work takes the write lock at its start, reads never take it, and a
migration is all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from isodesk.db import migrate
from isodesk.db.migrate import HEAD_REVISION, _alembic_config, open_database, read_revision
from isodesk.db.models import Office
from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.services.context import AppContext


def _try_write(path: Path) -> str:
    """What a second program gets when it asks for the write lock without waiting."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return "free"
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        conn.close()


def test_unit_of_work_holds_the_write_lock_from_its_start(office: AppContext) -> None:
    with office.unit_of_work() as s:
        assert s.execute(select(Office.unit_code)).scalar_one() == "28261"  # only a read so far
        assert _try_write(office.db.path) == "database is locked"
    assert _try_write(office.db.path) == "free"


def test_a_read_never_takes_the_write_lock(office: AppContext) -> None:
    with office.read() as s:
        assert s.execute(select(Office.unit_code)).scalar_one() == "28261"
        assert _try_write(office.db.path) == "free"


def test_failed_unit_of_work_leaves_nothing(office: AppContext) -> None:
    with pytest.raises(ZeroDivisionError), office.unit_of_work() as s:
        s.execute(select(Office)).scalar_one().leader_name = "Người khác"
        s.flush()
        _ = 1 / 0
    with office.read() as s:
        assert s.execute(select(Office.leader_name)).scalar_one() == "Nguyễn Văn Hùng"


def _database_at(data_dir: Path, revision: str) -> Path:
    path = database_path(data_dir)
    from isodesk.db.engine import create_db_engine

    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)  # type: ignore[arg-type]
    engine.dispose()
    return path


def test_migration_that_fails_half_way_leaves_the_old_schema(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _database_at(data_dir, "0001")
    real_upgrade = command.upgrade

    def upgrade_then_fail(cfg: object, rev: str) -> None:
        real_upgrade(cfg, rev)  # type: ignore[arg-type]
        raise OSError(5, "power cut")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(UserError):  # the I/O error, told as a folder that cannot be reached
        open_database(data_dir)
    assert read_revision(path) == "0001"
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "dossiers" not in tables and "office" in tables
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    monkeypatch.setattr(command, "upgrade", real_upgrade)
    db = open_database(data_dir)
    db.close()
    assert read_revision(path) == HEAD_REVISION == migrate.HEAD_REVISION
