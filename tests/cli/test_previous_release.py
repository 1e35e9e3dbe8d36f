"""An office's data made by the previous release, opened by this one (run from the source, as the bundle's test
does from the bundle): migrated after a backup of the file as it was, every record kept, the old password still
signs in. The fixture ``tests/fixtures/data-0004.zip`` is the data folder the previous release (schema 0004) made
with ``init --province 82 --unit 28261 --leader "Nguyễn Văn Hùng"`` and ``demo --dossiers 60``; its administrator's
password is ``matkhau-cu-2025``."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from isodesk.db.migrate import HEAD_REVISION
from tests.cli.conftest import isodesk

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "data-0004.zip"
OLD = {"ISODESK_USER": "admin", "ISODESK_PASSWORD": "matkhau-cu-2025"}


def _unpacked(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with zipfile.ZipFile(FIXTURE) as archive:
        archive.extractall(data)
    return data


def _content(path: Path) -> tuple[object, ...]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return (
            db.execute("SELECT version_num FROM alembic_version").fetchone()[0],
            db.execute("PRAGMA integrity_check").fetchone()[0],
            db.execute("SELECT group_concat(code, ',') FROM (SELECT code FROM dossiers ORDER BY code)").fetchone()[0],
            db.execute("SELECT count(*) FROM audit_trail").fetchone()[0],
        )


def _content_of(data: bytes, tmp_path: Path) -> tuple[object, ...]:
    copy = tmp_path / "original.sqlite3"
    copy.write_bytes(data)
    return _content(copy)


def test_the_previous_release_s_data_is_migrated_after_a_backup(tmp_path: Path) -> None:
    data = _unpacked(tmp_path)
    original = (data / "isodesk.sqlite3").read_bytes()
    with sqlite3.connect(data / "isodesk.sqlite3") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
    db.close()

    listed = isodesk("dossier", "list", "--json", "--limit", "100", data_dir=data, env=OLD, signed_in=False)
    assert listed.code == 0, listed.err
    assert len(listed.json()["dossiers"]) == 60
    info = isodesk("info", "--json", data_dir=data, signed_in=False).json()
    assert info["schema_version"] == HEAD_REVISION and info["unit_name"] == "Phường Mỹ Tho"

    (copy,) = [p for p in (data / "backups").iterdir() if p.suffix == ".sqlite3"]  # made before the migration
    assert _content(copy) == _content_of(original, tmp_path)  # the file as the previous release left it
    kept = isodesk("backup", "list", "--json", data_dir=data, env=OLD, signed_in=False).json()
    assert any(b["kind"] == "pre-migration" and b["revision"] == "0004" and b["good"] for b in kept["backups"])
    verify = isodesk("trail", "verify", "--json", data_dir=data, env=OLD, signed_in=False)
    assert verify.code == 0 and verify.json()["ok"] is True


def test_a_file_of_a_newer_release_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    data = _unpacked(tmp_path)
    path = data / "isodesk.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
    db.close()
    before = path.read_bytes()
    result = isodesk("info", "--json", data_dir=data, signed_in=False)
    assert result.code == 1
    assert "phiên bản mới hơn" in result.err and "0099" in result.err
    assert path.read_bytes() == before and not (data / "backups").exists()
