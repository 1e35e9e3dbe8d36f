"""Opening databases: creation, migration after a backup, refusal of a newer file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from uuid import uuid4

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


def _insert(conn: sqlite3.Connection, table: str, **values: object) -> None:
    """A row as an older program wrote it: the values given, every other required column filled plainly."""
    for _cid, name, kind, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})").fetchall():
        if name in values or pk or not notnull or default is not None:
            continue
        values[name] = uuid4().hex if name == "uuid" else 0 if kind.upper() in ("INTEGER", "BOOLEAN") else ""
    columns = ", ".join(values)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(values))})", list(values.values()))


OLD_NEW_YEAR = "Thông báo của Chính phủ về lịch nghỉ Tết Dương lịch 2026 theo tin báo chí; chưa đối chiếu văn bản gốc"


def test_0004_splits_the_shipped_catalogue_and_confirms_the_new_year_swap(data_dir: Path) -> None:
    """An office set up before the catalogue had separate fields: rows as shipped are split (a fee and an
    exemption leave the documents, a remark leaves the cut-off rule), a row the office changed is left as it is,
    every starter code gets its legal basis; the New Year swap is confirmed with its basis and logged."""
    from isodesk.db.engine import create_db_engine

    path = database_path(data_dir)
    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0003")  # type: ignore[arg-type]
    engine.dispose()
    conn = sqlite3.connect(path)
    _insert(conn, "office", unit_code="28261", province_code="82", role="commune")
    _insert(conn, "admin_units", code="28261", name="Phường Mỹ Tho", division_type="phường", search_key="")
    shipped_copy = (
        '["Tờ khai/văn bản đề nghị cấp bản sao Trích lục hộ tịch", "giấy tờ tùy thân", '
        '"văn bản ủy quyền (nếu có). Phí 8.000 đ/bản", "miễn cho gia đình có công, hộ nghèo, người khuyết tật"]'
    )
    after15 = "Nhận hồ sơ sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo"
    _insert(
        conn,
        "procedures",
        code="2.000635",
        name="Cấp bản sao",
        components=shipped_copy,
        fee="8000",
        cutoff_note=after15,
    )
    _insert(
        conn,
        "procedures",
        code="1.001612",
        name="Đăng ký thành lập hộ kinh doanh",
        fee="HĐND",
        components='["Giấy đề nghị đăng ký hộ kinh doanh", "văn bản ủy quyền/hợp đồng dịch vụ (nếu ủy quyền)"]',
        cutoff_note="DVCQG: thời gian ghi trong trình tự (03 ngày làm việc kể từ ngày nhận hồ sơ)",
    )
    _insert(
        conn,
        "procedures",
        code="1.001193",
        name="Đăng ký khai sinh",
        components='["Tờ khai của tỉnh"]',
        fee="0",
        cutoff_note="Quy định riêng của tỉnh",
    )
    for day, kind in (("2026-01-02", "day_off"), ("2026-01-10", "workday")):
        _insert(
            conn,
            "calendar_overrides",
            day=day,
            kind=kind,
            note="Tết",
            source=OLD_NEW_YEAR,
            confirmed=0,
            unit_code="28261",
        )
    conn.commit()
    conn.close()

    open_database(data_dir).close()

    conn = sqlite3.connect(path)
    try:
        rows = {
            code: (json.loads(docs), fee, cutoff, exemptions, notes, json.loads(basis))
            for code, docs, fee, cutoff, exemptions, notes, basis in conn.execute(
                "SELECT code, components, fee, cutoff_note, exemptions, notes, legal_basis FROM procedures"
            )
        }
        docs, fee, cutoff, exemptions, notes, basis = rows["2.000635"]
        assert docs == [
            "Tờ khai/văn bản đề nghị cấp bản sao Trích lục hộ tịch",
            "giấy tờ tùy thân",
            "văn bản ủy quyền (nếu có)",
        ]
        assert fee == "8000/bản" and exemptions.startswith("Miễn cho gia đình người có công")
        assert cutoff == "Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo" and notes == ""
        assert {"kind": "Luật Hộ tịch", "number": "60/2014/QH13", "date": "2014-11-20", "title": ""} in basis
        _docs, _fee, cutoff, _e, notes, basis = rows["1.001612"]
        assert cutoff == "" and notes.startswith("DVCQG: thời gian ghi trong trình tự")
        assert [b["number"] for b in basis] == ["2353/QĐ-BTC"]
        docs, fee, cutoff, exemptions, notes, basis = rows["1.001193"]  # the office's own cells stay
        assert (docs, fee, cutoff, exemptions, notes) == (["Tờ khai của tỉnh"], "0", "Quy định riêng của tỉnh", "", "")
        assert basis[0]["number"] == "60/2014/QH13"  # the law behind a national code is the same everywhere
        days = conn.execute("SELECT day, confirmed, source FROM calendar_overrides ORDER BY day").fetchall()
        assert days[:2] == [
            ("2026-01-02", 1, "Công văn số 12729/VPCP-KGVX của Văn phòng Chính phủ về lịch nghỉ Tết Dương lịch 2026"),
            ("2026-01-10", 1, "Công văn số 12729/VPCP-KGVX của Văn phòng Chính phủ về lịch nghỉ Tết Dương lịch 2026"),
        ]
        pending = {day: confirmed for day, confirmed, _s in days[2:]}
        assert pending == {"2026-11-24": 0, **{f"2027-02-{d:02d}": 0 for d in range(4, 11)}}
        logged = conn.execute("SELECT day, note FROM calendar_changes ORDER BY day").fetchall()
        assert ("2026-01-02", "Xác nhận: Công văn số 12729/VPCP-KGVX") in logged and len(logged) == 10
        assert conn.execute(
            "SELECT name FROM admin_unit_names WHERE unit_code = '28261' AND is_alias = 0 AND valid_to IS NOT NULL"
        ).fetchall() == [("Phường 1",)]
    finally:
        conn.close()


def test_0005_judges_an_apologised_dossier_by_its_slip_and_recounts_the_day(data_dir: Path) -> None:
    """A dossier due 25/08/2025 (10:00 UTC = 17:00 Vietnam time) with an apology for 29/08, returned 27/08, was
    counted ahead; after the migration it is late, its slip's date and the new one are both kept, and the day's
    counts move with it. A dossier without an apology is left as it was."""
    from isodesk.db.engine import create_db_engine

    path = database_path(data_dir)
    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0004")  # type: ignore[arg-type]
    engine.dispose()
    conn = sqlite3.connect(path)
    _insert(conn, "office", unit_code="28261", province_code="82", role="commune")
    _insert(conn, "procedures", code="1.001193", name="Đăng ký khai sinh", components="[]", fee="0")
    pid = conn.execute("SELECT id FROM procedures").fetchone()[0]
    slip, new = "2025-08-25 10:00:00.000000", "2025-08-29 10:00:00.000000"
    common = {
        "procedure_id": pid,
        "status": "returned",
        "received_at": "2025-08-20 02:00:00.000000",
        "received_on": "2025-08-20",
        "settled_on": "2025-08-27",
        "settled_at": "2025-08-27 02:00:00.000000",
    }
    _insert(
        conn, "dossiers", code="A", book_year=2025, book_seq=1, due_at=new, extensions=1, timeliness="ahead", **common
    )
    _insert(
        conn, "dossiers", code="B", book_year=2025, book_seq=2, due_at=new, extensions=0, timeliness="ahead", **common
    )
    # C: counted as apologised for (as the demo ledger writes it), but no apology step: nothing to go back to.
    _insert(
        conn, "dossiers", code="C", book_year=2025, book_seq=3, due_at=slip, extensions=1, timeliness="late", **common
    )
    c_id = conn.execute("SELECT id FROM dossiers WHERE code = 'C'").fetchone()[0]
    _insert(conn, "dossier_events", dossier_id=c_id, at="2025-08-20 02:00:00.000000", action="received", due_at=slip)
    a_id = conn.execute("SELECT id FROM dossiers WHERE code = 'A'").fetchone()[0]
    for at, action, due in (
        ("2025-08-20 02:00:00.000000", "received", slip),
        ("2025-08-21 02:00:00.000000", "processing", slip),
        ("2025-08-24 02:00:00.000000", "extended", new),
        ("2025-08-27 02:00:00.000000", "returned", new),
    ):
        _insert(conn, "dossier_events", dossier_id=a_id, at=at, action=action, due_at=due)
    _insert(conn, "daily_counts", day="2025-08-27", procedure_id=pid, received=0, ahead=2, on_time=0, late=1)
    conn.commit()
    conn.close()

    open_database(data_dir).close()

    conn = sqlite3.connect(path)
    try:
        rows = {
            code: (due[:16], new_due[:16] if new_due else None, timeliness)
            for code, due, new_due, timeliness in conn.execute(
                "SELECT code, due_at, new_due_at, timeliness FROM dossiers"
            )
        }
        assert rows["A"] == ("2025-08-25 10:00", "2025-08-29 10:00", "late")
        assert rows["B"] == ("2025-08-29 10:00", None, "ahead")
        assert rows["C"] == ("2025-08-25 10:00", None, "late")
        assert conn.execute("SELECT ahead, on_time, late FROM daily_counts").fetchone() == (1, 0, 2)
    finally:
        conn.close()


def test_0006_fills_the_day_counts_the_quality_objectives_read(data_dir: Path) -> None:
    """Days from receipt to return are summed on the day and procedure a returned dossier counts in, supplement
    requests on the Vietnam day they were made (a request at 23:30 UTC is the next day there); the QMS tables are
    created empty."""
    from isodesk.db.engine import create_db_engine

    path = database_path(data_dir)
    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0005")  # type: ignore[arg-type]
    engine.dispose()
    conn = sqlite3.connect(path)
    _insert(conn, "office", unit_code="28261", province_code="82", role="commune")
    _insert(conn, "procedures", code="1.001193", name="Đăng ký khai sinh", components="[]", fee="0")
    pid = conn.execute("SELECT id FROM procedures").fetchone()[0]
    for code, seq, received, settled, timeliness in (
        ("A", 1, "2025-08-20", "2025-08-27", "late"),
        ("B", 2, "2025-08-25", "2025-08-27", "ahead"),
        ("C", 3, "2025-08-26", None, None),
    ):
        _insert(
            conn, "dossiers", code=code, book_year=2025, book_seq=seq, procedure_id=pid,
            status="returned" if settled else "supplement", received_at=f"{received} 02:00:00.000000",
            received_on=received, settled_on=settled, timeliness=timeliness,
        )  # fmt: skip
    c_id = conn.execute("SELECT id FROM dossiers WHERE code = 'C'").fetchone()[0]
    _insert(conn, "dossier_events", dossier_id=c_id, at="2025-08-26 23:30:00.000000", action="supplement")
    _insert(conn, "daily_counts", day="2025-08-27", procedure_id=pid, received=0, ahead=1, on_time=0, late=1)
    conn.commit()
    conn.close()

    open_database(data_dir).close()

    conn = sqlite3.connect(path)
    try:
        query = "SELECT day, late, ahead, supplements, settle_days FROM daily_counts ORDER BY day"
        rows = conn.execute(query).fetchall()
        assert rows == [("2025-08-27", 1, 1, 1, 9)]  # 7 + 2 days; the request of 06:30 on the 27th, Vietnam time
        for table in ("qms_roles", "qms_scopes", "qms_policies", "qms_objectives", "qms_announcements"):
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    finally:
        conn.close()


def test_0012_moves_the_dossiers_received_into_their_columns_and_counts_them_by_month(data_dir: Path) -> None:
    """A province's dossier records kept as JSON before 0012 move to province_dossiers and are counted by unit, month
    and procedure; the other records stay as they were."""
    from isodesk.db.engine import create_db_engine

    path = database_path(data_dir)
    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0011")  # type: ignore[arg-type]
    engine.dispose()
    conn = sqlite3.connect(path)
    dossiers = (
        ("d1", "2026-03-02", "2026-03-05", "on_time", 1),
        ("d2", "2026-03-30", "2026-04-02", "late", None),
        ("d3", "2026-04-01", None, None, None),
    )
    for uuid, received, settled, timeliness, rating in dossiers:
        body = {"uuid": uuid, "unit_code": "28261", "updated_at": "2026-04-03T01:00:00+00:00", "change_seq": 5,
                "procedure_code": "1.001193", "procedure_field": "Hộ tịch", "received_on": received,
                "received_at": f"{received}T02:00:00+00:00", "settled_on": settled, "status": "returned",
                "timeliness": timeliness, "extensions": 0, "rating": rating, "handling_role": "Công chức Tư pháp",
                "due_at": None, "settled_at": None}  # fmt: skip
        _insert(conn, "province_records", unit_code="28261", kind="dossiers", uuid=uuid, unit_change_seq=5,
                unit_updated_at="2026-04-03T01:00:00+00:00", body=json.dumps(body, ensure_ascii=False))  # fmt: skip
    _insert(conn, "province_records", unit_code="28261", kind="audits", uuid="a1", unit_change_seq=4, body="{}")
    conn.commit()
    conn.close()

    open_database(data_dir).close()

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT kind FROM province_records").fetchall() == [("audits",)]
        rows = conn.execute(
            "SELECT uuid, received_on, settled_on, timeliness, rating, procedure_field, unit_change_seq "
            "FROM province_dossiers ORDER BY uuid"
        ).fetchall()
        assert rows == [
            ("d1", "2026-03-02", "2026-03-05", "on_time", 1, "Hộ tịch", 5),
            ("d2", "2026-03-30", "2026-04-02", "late", None, "Hộ tịch", 5),
            ("d3", "2026-04-01", None, None, None, "Hộ tịch", 5),
        ]
        months = conn.execute(
            "SELECT month, received, on_time, late, rating_1, settle_days FROM province_dossier_months ORDER BY month"
        ).fetchall()
        assert months == [("2026-03", 2, 1, 0, 1, 3), ("2026-04", 1, 0, 1, 0, 3)]
    finally:
        conn.close()


def test_0014_keeps_the_months_by_unit_first_and_back(data_dir: Path) -> None:
    """The province's counts by month keep every row when their key becomes unit, procedure, field, month, and again
    when the migration is undone."""
    from isodesk.db.engine import create_db_engine

    path = database_path(data_dir)
    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0013")  # type: ignore[arg-type]
    engine.dispose()
    conn = sqlite3.connect(path)
    rows = [
        (month, unit, "1.001193", "Hộ tịch", n, 1, 2, 0, 1, 0, 0, 1, 9)
        for n, (month, unit) in enumerate([("2026-01", "28261"), ("2026-02", "28261"), ("2026-01", "28303")], 1)
    ]
    conn.executemany(f"INSERT INTO province_dossier_months VALUES ({', '.join('?' * 13)})", rows)
    conn.commit()
    conn.close()

    def kept() -> tuple[list[tuple[object, ...]], list[str], list[str]]:
        conn = sqlite3.connect(path)
        try:
            table = sorted(conn.execute("SELECT * FROM province_dossier_months").fetchall())
            key = [r[1] for r in sorted(conn.execute("PRAGMA table_info(province_dossier_months)"), key=lambda r: r[5])
                   if r[5]]  # fmt: skip
            indexes = [r[1] for r in conn.execute("PRAGMA index_list(province_dossier_months)") if r[3] == "c"]
            return table, key, indexes
        finally:
            conn.close()

    open_database(data_dir).close()
    assert kept() == (sorted(rows), ["unit_code", "procedure_code", "procedure_field", "month"], [])
    engine = create_db_engine(path)
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0013")  # type: ignore[arg-type]
    engine.dispose()
    assert kept() == (
        sorted(rows),
        ["month", "unit_code", "procedure_code", "procedure_field"],
        ["ix_province_dossier_months_unit_code"],
    )
