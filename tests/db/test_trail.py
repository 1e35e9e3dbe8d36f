"""The audit trail: what every change leaves, what it never holds, and tampering caught with raw sqlite3."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from isodesk.db.models import Department, TrailEntry
from isodesk.db.paths import database_path
from isodesk.db.trail import GENESIS, entry_digest
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.accounts.accounts import add_account, reset_password
from isodesk.services.context import AppContext
from isodesk.services.ledger.calendar import clear_day, set_day
from isodesk.services.ledger.demo_ledger import fill_demo_ledger
from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.ledger.procedures import set_office_time
from isodesk.services.office.profile import update_profile
from isodesk.services.office.staff import add_staff
from isodesk.services.safety.trail_verify import verify_file, verify_trail
from isodesk.services.settings import set_setting_text

APPLICANT = ApplicantInput(
    "Nguyễn Thị Ánh Nguyệt",
    address="Số 12 đường Trưng Trắc, phường Mỹ Tho",
    phone="0912345678",
    email="nguyet@example.vn",
    id_number="082190001234",
)


def entries(ctx: AppContext, after: int = 0) -> list[TrailEntry]:
    with ctx.read() as s:
        return list(s.execute(select(TrailEntry).where(TrailEntry.seq > after).order_by(TrailEntry.seq)).scalars())


def last_seq(ctx: AppContext) -> int:
    found = entries(ctx)
    return found[-1].seq if found else 0


def changes(entry: TrailEntry) -> tuple[dict[str, object], dict[str, object]]:
    return json.loads(entry.before), json.loads(entry.after)


def test_setting_up_the_office_is_in_the_trail(office: AppContext) -> None:
    found = entries(office)
    tables = {e.table_name for e in found}
    assert {"accounts", "office", "procedures", "calendar_overrides"} <= tables
    assert all(e.actor == "admin" and e.action == "insert" for e in found)
    assert verify_trail(office).ok


def test_receive_move_and_edit_leave_entries_with_before_and_after(office: AppContext) -> None:
    start = last_seq(office)
    received = datetime(2026, 11, 16, 9, 0, tzinfo=LOCAL_TZ)
    code = receive_dossier(office, "1.004873", APPLICANT, received_at=received).code
    made = entries(office, start)
    assert [(e.action, e.table_name, e.label) for e in made] == [
        ("insert", "applicants", code),
        ("insert", "dossiers", code),
        ("insert", "dossier_events", code),
    ]
    _before, dossier = changes(made[1])
    assert dossier["status"] == "received" and dossier["code"] == code and dossier["sets"] == 1
    assert dossier["received_at"] == "2026-11-16T02:00:00+00:00"  # UTC
    for sync in ("updated_at", "updated_by", "change_seq", "created_at", "uuid", "unit_code", "id"):
        assert sync not in dossier

    start = last_seq(office)
    move_dossier(office, code, "processing", at=datetime(2026, 11, 16, 10, 0, tzinfo=LOCAL_TZ), note="chuyển xử lý")
    moved = entries(office, start)
    update = next(e for e in moved if e.action == "update")
    assert (update.table_name, update.label) == ("dossiers", code)
    assert changes(update) == ({"status": "received"}, {"status": "processing"})
    assert {e.table_name for e in moved} == {"dossiers", "dossier_events"}

    start = last_seq(office)
    edit_dossier(office, code, DossierCorrection(phone="0987654321", sets=2, note="thêm một bộ"))
    edited = entries(office, start)
    by_table = {e.table_name: changes(e) for e in edited}
    assert by_table["dossiers"] == ({"note": "", "sets": 1}, {"note": "thêm một bộ", "sets": 2})
    assert by_table["applicants"] == ({"phone": {"redacted": "personal"}}, {"phone": {"redacted": "personal"}})
    assert verify_trail(office).ok


def test_personal_data_never_reaches_the_trail_in_clear(office: AppContext, data_dir: Path) -> None:
    code = receive_dossier(office, "1.004873", APPLICANT).code
    edit_dossier(office, code, DossierCorrection(address="Số 99 đường Lê Lợi", email="moi@example.vn"))
    conn = sqlite3.connect(database_path(data_dir))
    try:
        dump = "\n".join(conn.iterdump())
        trail = "\n".join(str(row) for row in conn.execute("SELECT * FROM audit_trail"))
    finally:
        conn.close()
    secrets = [APPLICANT.name, APPLICANT.phone, APPLICANT.id_number, APPLICANT.email, "Trưng Trắc", "Lê Lợi", "moi@"]
    secrets += ["nguyen thi anh nguyet", "0912 345 678"]  # the folded search key holds the name; the stored phone
    assert "0912 345 678" in dump  # the data is in the database...
    for secret in secrets:
        assert secret not in trail, secret  # ...but never in the trail
    assert code in trail and '"redacted":"personal"' in trail


def test_password_hashes_never_reach_the_trail(office: AppContext) -> None:
    start = last_seq(office)
    add_account(office, "thu.ha", "Trần Thị Thu Hà", ["officer"], password="Mật khẩu 2026")
    reset_password(office, "thu.ha")
    made = entries(office, start)
    assert all("scrypt$" not in e.before + e.after for e in made)
    reset = changes(made[-1])
    assert reset[1]["password_hash"] == {"redacted": "secret"} and reset[1]["must_change_password"] is True


def test_other_services_are_audited_too(office: AppContext) -> None:
    start = last_seq(office)
    add_staff(office, "Lê Minh Đức", "Văn phòng - Thống kê", "Thư ký ISO")
    set_office_time(office, "1.004873", ProcessingTime(TimeUnit.WORKING_DAYS, Decimal(5)), "20.000 đồng")
    set_setting_text(office, "ledger.cutoff", "16:00")
    update_profile(office, phone="0273 3872 135")
    set_day(office, date(2026, 12, 31), "day_off", "nghỉ bù")
    clear_day(office, date(2026, 12, 31))
    made = [(e.action, e.table_name, e.label) for e in entries(office, start)]
    assert made == [
        ("insert", "departments", "Văn phòng - Thống kê"),
        ("insert", "staff", "Lê Minh Đức"),
        ("update", "procedures", "1.004873"),
        ("insert", "settings", "ledger.cutoff"),
        ("update", "office", "28261"),
        ("insert", "calendar_changes", "2026-12-31"),
        ("insert", "calendar_overrides", "2026-12-31"),
        ("insert", "calendar_changes", "2026-12-31"),
        ("delete", "calendar_overrides", "2026-12-31"),
    ]
    deleted = entries(office, start)[-1]
    before, after = changes(deleted)
    assert after == {} and before["kind"] == "day_off" and before["note"] == "nghỉ bù"
    procedure = changes(entries(office, start)[2])
    assert procedure == (
        {"office_fee": None, "office_time_unit": None, "office_time_value": None},
        {"office_fee": "20.000 đồng", "office_time_unit": "working_days", "office_time_value": "5"},
    )


def test_a_failed_action_leaves_no_entry(office: AppContext) -> None:
    head = last_seq(office)
    with pytest.raises(RuntimeError), office.unit_of_work() as s:
        s.add(Department(name="Địa chính", search_key="dia chinh"))
        s.flush()
        raise RuntimeError("power cut")
    assert last_seq(office) == head
    add_staff(office, "Bùi Văn Sơn", "Địa chính - Xây dựng")
    assert [e.seq for e in entries(office, head)] == [head + 1, head + 2]  # no gap left by the failure
    assert verify_trail(office).ok


def test_bulk_demo_data_gets_one_summary_entry_per_table(office: AppContext) -> None:
    start = last_seq(office)
    fill_demo_ledger(office, 30)
    bulk = [e for e in entries(office, start) if e.record_uuid == ""]
    assert [(e.table_name, json.loads(e.after)) for e in bulk] == [
        ("applicants", {"rows": 30, "source": "demo data"}),
        ("dossiers", {"rows": 30, "source": "demo data"}),
        ("dossier_events", {"rows": json.loads(bulk[2].after)["rows"], "source": "demo data"}),
    ]
    assert json.loads(bulk[2].after)["rows"] >= 30


# -- the chain and tampering ------------------------------------------------------------------------------
def test_each_entry_hashes_the_previous_one(office: AppContext) -> None:
    found = entries(office)
    previous = GENESIS
    for e in found:
        assert e.prev_hash == previous
        assert e.hash == entry_digest(
            e.prev_hash, e.seq, e.at, e.actor, e.action, e.table_name, e.record_uuid, e.label, e.before, e.after
        )
        previous = e.hash
    with office.read() as s:
        head = s.execute(select(TrailEntry).order_by(TrailEntry.seq.desc()).limit(1)).scalar_one()
    assert head.hash == previous


@pytest.fixture
def raw(office: AppContext, data_dir: Path):  # type: ignore[no-untyped-def]
    receive_dossier(office, "1.004873", APPLICANT)
    office.close()  # nothing of the program holds the file while it is tampered with
    conn = sqlite3.connect(database_path(data_dir), isolation_level=None)
    yield conn
    conn.close()


def _problems(data_dir: Path) -> tuple[bool, list[tuple[int, str]]]:
    result = verify_file(str(database_path(data_dir)))
    return result.ok, [(p.seq, p.kind) for p in result.problems]


def test_triggers_refuse_update_and_delete(raw: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE audit_trail SET actor = 'ke.gian' WHERE seq = 3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM audit_trail WHERE seq = 3")
    with pytest.raises(sqlite3.DatabaseError, match="only moves forward"):
        raw.execute("UPDATE audit_trail_head SET seq = 1")
    with pytest.raises(sqlite3.DatabaseError, match="cannot be removed"):
        raw.execute("DELETE FROM audit_trail_head")


def _drop_triggers(raw: sqlite3.Connection) -> None:
    for name in ("audit_trail_no_update", "audit_trail_no_delete", "audit_trail_head_forward"):
        raw.execute(f"DROP TRIGGER {name}")


def test_an_edited_entry_is_found(raw: sqlite3.Connection, data_dir: Path) -> None:
    assert _problems(data_dir) == (True, [])
    _drop_triggers(raw)
    raw.execute("UPDATE audit_trail SET actor = 'ke.gian' WHERE seq = 10")
    assert _problems(data_dir) == (False, [(10, "edited")])


def test_an_edited_entry_with_a_recomputed_hash_breaks_the_chain(raw: sqlite3.Connection, data_dir: Path) -> None:
    _drop_triggers(raw)
    row = raw.execute(
        "SELECT prev_hash, seq, at, actor, action, table_name, record_uuid, label, before, after "
        "FROM audit_trail WHERE seq = 10"
    ).fetchone()
    forged = entry_digest(row[0], row[1], row[2], "ke.gian", *row[4:])
    raw.execute("UPDATE audit_trail SET actor = 'ke.gian', hash = ? WHERE seq = 10", (forged,))
    assert _problems(data_dir) == (False, [(11, "broken_chain")])


def test_a_deleted_entry_is_found(raw: sqlite3.Connection, data_dir: Path) -> None:
    _drop_triggers(raw)
    raw.execute("DELETE FROM audit_trail WHERE seq = 20")
    assert _problems(data_dir) == (False, [(20, "deleted"), (21, "broken_chain")])


def test_a_truncated_tail_is_found_by_the_head(raw: sqlite3.Connection, data_dir: Path) -> None:
    last = raw.execute("SELECT MAX(seq) FROM audit_trail").fetchone()[0]
    _drop_triggers(raw)
    raw.execute("DELETE FROM audit_trail WHERE seq > ?", (last - 3,))
    ok, problems = _problems(data_dir)
    assert not ok and problems == [(last - 2, "truncated")]


def test_entries_added_behind_the_heads_back_are_found(raw: sqlite3.Connection, data_dir: Path) -> None:
    last, digest = raw.execute("SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1").fetchone()
    fake = ("2026-11-24T00:00:00.000000Z", "ke.gian", "delete", "dossiers", "", "", "{}", "{}")
    forged = entry_digest(digest, last + 1, *fake)
    raw.execute(
        "INSERT INTO audit_trail (seq, at, actor, action, table_name, record_uuid, label, before, after, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (last + 1, *fake, digest, forged),
    )
    assert _problems(data_dir) == (False, [(last + 1, "broken_chain")])


# --- Each model names itself in the trail (docs/ARCHITECTURE.md, "A new model joins the audit trail") ----------


def test_every_synced_model_names_itself_in_the_trail() -> None:
    """A model that travels in sync packages is audited: it must say what it is, how one record is called, and
    which of its columns stay out; otherwise its entries would be nameless lines in the trail screen."""
    from isodesk.db.base import Base, SyncedMixin
    from isodesk.db.trail import trailed_models

    models = trailed_models()
    assert set(models) >= {"dossiers", "applicants", "accounts", "office", "dossier_events"}
    for table, model in models.items():
        assert model.trail_name, model.__name__
        assert model.trail_label is not SyncedMixin.trail_label, model.__name__
        columns = {column.name for column in Base.metadata.tables[table].columns}
        assert set(model.trail_withheld) <= columns, model.__name__
        assert set(model.trail_withheld.values()) <= {"personal", "secret"}, model.__name__


def test_what_the_trail_withholds_is_what_the_law_protects() -> None:
    from isodesk.db.models import Account, Applicant, Dossier

    assert dict(Applicant.trail_withheld) == dict.fromkeys(
        (
            "name",
            "address",
            "phone",
            "email",
            "id_number",
            "representative_name",  # who filed on the applicant's behalf is personal data too
            "representative_id_number",
            "representative_phone",
        ),
        "personal",
    )
    assert dict(Dossier.trail_withheld) == {"search_key": "personal"}
    assert dict(Account.trail_withheld) == {"password_hash": "secret"}
