"""Opening databases: creation, migration after a backup, refusal of a newer file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from isodesk.db import migrate
from isodesk.db.base import Base
from isodesk.db.migrate import HEAD_REVISION, _alembic_config, open_database, read_revision
from isodesk.db.paths import backup_dir, database_path
from isodesk.errors import NewerDatabaseError, UserError


def test_empty_folder_gets_a_migrated_database(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        assert db.migrated_from is None and db.backups == []
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"office", "staff", "departments", "settings", "admin_units", "change_counter"} <= tables
        assert read_revision(db.path) == HEAD_REVISION
    finally:
        db.close()


def test_head_revision_constant_matches_alembic() -> None:
    script = ScriptDirectory.from_config(_alembic_config(None))
    assert script.get_current_head() == HEAD_REVISION


def test_models_match_the_migrations(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_name": lambda name, kind, _p: not (kind == "table" and name.startswith("dossier_search"))
                },
            )
            diff = compare_metadata(context, Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(NewerDatabaseError) as err:
        open_database(data_dir)
    assert "9999_from_the_future" in err.value.message
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not backup_dir(data_dir).exists()


def test_older_database_is_backed_up_before_migrating(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the program knows a newer schema than the file, the file is copied to backups/ before upgrading."""
    db = open_database(data_dir)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO settings (key, value, uuid, unit_code, created_at, updated_at, updated_by, "
            "change_seq) VALUES ('ghi.chu', '\"giữ lại\"', 'u1', '28261', '2026-01-01', "
            "'2026-01-01', 'test', 1)"
        )
    db.close()
    upgrades: list[str] = []
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0099_next")
    monkeypatch.setattr(migrate, "known_revisions", lambda: {HEAD_REVISION, "0099_next"})
    monkeypatch.setattr(command, "upgrade", lambda cfg, rev: upgrades.append(rev))

    db = open_database(data_dir)
    db.close()

    assert upgrades == ["head"]
    assert db.migrated_from == HEAD_REVISION
    assert len(db.backups) == 1 and db.backups[0].parent == backup_dir(data_dir)
    assert db.backups[0].name.startswith(f"isodesk-pre-migration-{HEAD_REVISION}-")
    copy = sqlite3.connect(db.backups[0])
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT value FROM settings WHERE key = 'ghi.chu'").fetchone()[0] == '"giữ lại"'
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    finally:
        copy.close()
    assert not list(backup_dir(data_dir).glob("*.partial"))


def test_not_a_database_is_a_clear_error(data_dir: Path) -> None:
    database_path(data_dir).write_bytes(b"this is a Word document, not a database" * 100)
    with pytest.raises(UserError) as err:
        open_database(data_dir)
    assert str(database_path(data_dir)) in err.value.message


def test_data_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        open_database(blocker / "data")
    assert str(blocker / "data") in err.value.message


@pytest.mark.parametrize("name", ["Phòng #2", "Hồ%20sơ 2026"])
def test_a_folder_named_with_uri_characters_is_opened_and_read(tmp_path: Path, name: str) -> None:
    """Every read-only look at the file (revision, start-up probe, trail check, backups) finds the real file."""
    from isodesk.services.context import open_context
    from isodesk.services.office.profile import init_office
    from isodesk.services.safety.backups import list_backups, make_backup
    from isodesk.services.safety.startup import probe
    from isodesk.services.safety.trail_verify import verify_trail

    folder = tmp_path / name
    ctx = open_context(folder)
    try:
        init_office(ctx, province_code="82", unit_code="28261")
        check = verify_trail(ctx)
        assert check.ok and check.entries > 0
        make_backup(folder)
        assert [b.good for b in list_backups(folder)] == [True]
    finally:
        ctx.close()
    assert read_revision(database_path(folder)) == HEAD_REVISION
    state = probe(folder)
    assert state.initialised and state.unit_name == "Phường Mỹ Tho"
