"""Kill the real ``isodesk`` command at random moments and check what it leaves behind.

Each scenario builds a template data folder once, then for every kill point: copies the template, starts
``python -m isodesk ...`` on the copy, sends SIGKILL after a random delay (seeded, so a failure can be
replayed; the delay is drawn over the command's own running time, measured by one run that is not killed),
and checks the folder as the next start would find it: ``PRAGMA integrity_check`` is ok, every user action is
there whole or not at all, and the program opens the folder and goes on. Used by ``tests/crash`` (a few dozen
kill points) and ``bench/kill.py`` (hundreds).
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BIRTH = "1.001193"
IMPORTED = 1500  # procedures in the large import file
DEMO_MORE = 6000  # dossiers a killed `demo` adds, in chunks of 5,000
#: The commands sign in as the demo office's administrator, given this password when the template is built.
ADMIN_PASSWORD = "Quản trị 2026"
PASSPHRASE = "ba con mèo trèo cây cau"


@dataclass
class Outcome:
    scenario: str
    tried: int = 0  # the process was still running when it was killed
    finished: int = 0  # the process ended before the kill (checked all the same)
    survived: int = 0
    failures: list[str] = field(default_factory=list)


def run_cli(args: list[str], data_dir: Path, delay: float | None) -> tuple[bool, int, str]:
    """Run the command; kill it after ``delay`` seconds. Returns (killed, exit code, stderr)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ISODESK_")}
    env.update({"ISODESK_DATA_DIR": str(data_dir), "ISODESK_USER": "admin", "ISODESK_PASSWORD": ADMIN_PASSWORD})
    proc = subprocess.Popen(
        [sys.executable, "-m", "isodesk", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    killed = False
    if delay is not None:
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
    _, err = proc.communicate(timeout=300)
    return killed, proc.returncode, err


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def one(path: Path, sql: str) -> object:
    return query(path, sql)[0][0]


def check_sound(db: Path) -> None:
    result = query(db, "PRAGMA integrity_check")
    assert result == [("ok",)], f"integrity_check: {result[:3]}"


def check_ledger(db: Path) -> None:
    """Every dossier whole (applicant, first event, day count), running numbers without gaps."""
    check_sound(db)
    orphans = one(
        db, "SELECT COUNT(*) FROM dossiers d LEFT JOIN applicants a ON a.id = d.applicant_id WHERE a.id IS NULL"
    )
    assert orphans == 0, f"{orphans} dossiers without applicant"
    no_event = one(
        db,
        "SELECT COUNT(*) FROM dossiers d WHERE NOT EXISTS "
        "(SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'received')",
    )
    assert no_event == 0, f"{no_event} dossiers without their receipt event"
    wrong_days = one(
        db,
        "SELECT COUNT(*) FROM (SELECT received_on AS day, procedure_id AS p, COUNT(*) AS n "
        "FROM dossiers GROUP BY 1, 2) x "
        "LEFT JOIN daily_counts c ON c.day = x.day AND c.procedure_id = x.p WHERE c.received IS NOT x.n",
    )
    assert wrong_days == 0, f"{wrong_days} day counts disagree with the dossiers"
    assert one(db, "SELECT COALESCE(SUM(received), 0) FROM daily_counts") == one(db, "SELECT COUNT(*) FROM dossiers")
    gaps = query(
        db,
        "SELECT d.book_year, COUNT(*), MAX(d.book_seq), c.value FROM dossiers d "
        "LEFT JOIN counters c ON c.key = 'book:' || d.book_year GROUP BY d.book_year "
        "HAVING COUNT(*) != MAX(d.book_seq) OR c.value IS NOT MAX(d.book_seq)",
    )
    assert not gaps, f"ledger numbers with gaps: {gaps[:3]}"
    day_gaps = query(
        db,
        "SELECT d.received_on, COUNT(*), c.value FROM dossiers d "
        "LEFT JOIN counters c ON c.key = 'code:' || d.received_on GROUP BY d.received_on "
        "HAVING c.value IS NOT COUNT(*)",
    )
    assert not day_gaps, f"dossier codes with gaps: {day_gaps[:3]}"


#: Alembic's ``context`` is one module-level object: migrations in this process run one at a time.
_in_process = threading.Lock()


def check_opens(data_dir: Path) -> int:
    """The program opens the folder (finishing a migration if one was cut) and can save; returns the dossiers."""
    from isodesk.services.context import open_context
    from isodesk.services.ledger.queries import count_dossiers

    with _in_process:
        ctx = open_context(data_dir)
    try:
        return count_dossiers(ctx)
    finally:
        ctx.close()


def check_backups(data_dir: Path) -> None:
    """Every file with a backup's name is whole and sound; only ``.partial`` files may be cut."""
    folder = data_dir / "backups"
    for copy in folder.glob("*.sqlite3") if folder.is_dir() else []:
        if "damaged" not in copy.name:
            check_sound(copy)


# --- scenarios -------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    build: Callable[[Path], None]  # fills the template folder
    args: Callable[[Path], list[str]]  # the command, given the run's folder
    check: Callable[[Path, Path], None]  # (run folder, template folder)


def _office(data_dir: Path, dossiers: int) -> None:
    """The demo office, its administrator given the password the commands sign in with, and a backup passphrase."""
    from isodesk.services.accounts.signin import change_password
    from isodesk.services.context import open_context
    from isodesk.services.office.demo import fill_demo
    from isodesk.services.safety.backup_key import set_passphrase

    ctx = open_context(data_dir)
    try:
        fill_demo(ctx, dossiers)
        change_password(ctx, "admin", "", ADMIN_PASSWORD)
        set_passphrase(ctx, PASSPHRASE)
    finally:
        ctx.close()


def _count(db: Path) -> int:
    return int(one(db, "SELECT COUNT(*) FROM dossiers"))  # type: ignore[call-overload]


def _build_receive(t: Path) -> None:
    _office(t / "data", 300)


def _check_receive(run: Path, t: Path) -> None:
    db = run / "data" / "isodesk.sqlite3"
    check_ledger(db)
    before = _count(t / "data" / "isodesk.sqlite3")
    assert _count(db) in (before, before + 1), f"{_count(db)} dossiers, expected {before} or {before + 1}"
    check_opens(run / "data")


def _build_demo(t: Path) -> None:
    _office(t / "data", 0)


def _check_demo(run: Path, t: Path) -> None:
    db = run / "data" / "isodesk.sqlite3"
    check_ledger(db)
    n = _count(db)
    assert n in (0, 5000, DEMO_MORE), f"{n} dossiers: a chunk of the demo load was cut"
    check_opens(run / "data")


def _build_import(t: Path) -> None:
    _office(t / "data", 50)
    with open(t / "procedures.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "field", "time_value", "time_unit", "fee_vnd"])
        for i in range(IMPORTED):
            w.writerow([f"9.{i:06d}", f"Thủ tục thử nghiệm số {i}", "Thử nghiệm", 1 + i % 15, "working_days", i * 1000])


def _check_import(run: Path, t: Path) -> None:
    db = run / "data" / "isodesk.sqlite3"
    check_ledger(db)
    imported = _count_imported(db)
    assert imported in (0, IMPORTED), f"{imported} of {IMPORTED} procedures imported: the import was cut"
    if imported:
        assert one(db, "SELECT name FROM procedures WHERE code = '9.000007'") == "Thủ tục thử nghiệm số 7"
    check_backups(run / "data")
    check_opens(run / "data")


def _count_imported(db: Path) -> int:
    return int(one(db, "SELECT COUNT(*) FROM procedures WHERE code LIKE '9.%'"))  # type: ignore[call-overload]


def _build_migration(t: Path) -> None:
    from alembic import command

    from isodesk.db.engine import create_db_engine
    from isodesk.db.migrate import _alembic_config

    (t / "data").mkdir(parents=True)
    engine = create_db_engine(t / "data" / "isodesk.sqlite3")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")  # type: ignore[arg-type]
        conn.exec_driver_sql(
            "INSERT INTO settings (key, value, uuid, unit_code, created_at, updated_at, updated_by, change_seq) "
            "VALUES ('ghi.chu', '\"giữ lại\"', 'u1', '28261', '2026-01-01', '2026-01-01', 'test', 1)"
        )
    engine.dispose()


def _check_migration(run: Path, t: Path) -> None:
    from isodesk.db.base import Base
    from isodesk.db.migrate import HEAD_REVISION

    db = run / "data" / "isodesk.sqlite3"
    check_sound(db)
    revision = one(db, "SELECT version_num FROM alembic_version")
    tables = {str(r[0]) for r in query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if revision == "0001":
        assert "dossiers" not in tables, "schema 0001 with tables of a later revision: the migration was cut"
    else:
        assert revision == HEAD_REVISION, revision
        missing = set(Base.metadata.tables) - tables
        assert not missing, f"schema {revision} without {missing}"
    assert one(db, "SELECT value FROM settings WHERE key = 'ghi.chu'") == '"giữ lại"'
    check_backups(run / "data")
    check_opens(run / "data")
    assert one(db, "SELECT version_num FROM alembic_version") == HEAD_REVISION


def _build_backup(t: Path) -> None:
    _office(t / "data", 3000)


def _check_backup(run: Path, t: Path) -> None:
    db = run / "data" / "isodesk.sqlite3"
    check_ledger(db)
    sealed_copy = run / "copy.sqlite3"
    if sealed_copy.exists():  # a copy that leaves the PC is encrypted: whole, or not under its name at all
        from isodesk.services.safety.sealed import decrypt_to

        out = run / "copy-decrypted.sqlite3"
        decrypt_to(sealed_copy, out, PASSPHRASE)
        check_ledger(out)
        assert _count(out) == _count(db)
        assert query(out, "PRAGMA journal_mode") == [("delete",)]


def _build_restore(t: Path) -> None:
    from isodesk.services.safety.backups import backup_to

    _office(t / "data", 3000)
    backup_to(t / "data", t / "old.sqlite3")
    from isodesk.services.context import open_context
    from isodesk.services.ledger.demo_ledger import fill_demo_ledger

    ctx = open_context(t / "data")
    try:
        fill_demo_ledger(ctx, 500, seed=7)
    finally:
        ctx.close()


def _check_restore(run: Path, t: Path) -> None:
    db = run / "data" / "isodesk.sqlite3"
    check_ledger(db)
    n = _count(db)
    assert n in (3000, 3500), f"{n} dossiers: neither the old data (3500) nor the backup (3000)"
    check_backups(run / "data")
    assert check_opens(run / "data") == n


SCENARIOS = [
    Scenario(
        "receive",
        _build_receive,
        lambda r: ["dossier", "receive", "--procedure", BIRTH, "--applicant", "Nguyễn Văn Kiểm", "--address", "Mỹ Tho"],
        _check_receive,
    ),
    Scenario("demo", _build_demo, lambda r: ["demo", "--dossiers", str(DEMO_MORE)], _check_demo),
    Scenario("import", _build_import, lambda r: ["procedure", "import", str(r / "procedures.csv")], _check_import),
    Scenario("migration", _build_migration, lambda r: ["info", "--json"], _check_migration),
    Scenario("backup", _build_backup, lambda r: ["backup", "--out", str(r / "copy.sqlite3")], _check_backup),
    Scenario("restore", _build_restore, lambda r: ["restore", str(r / "old.sqlite3"), "--yes"], _check_restore),
]


def prepare(scenario: Scenario, work: Path) -> None:
    """Build the scenario's template folder (in this process: one at a time, see :data:`_in_process`)."""
    with _in_process:
        scenario.build(work / scenario.name / "template")


def run_scenario(scenario: Scenario, work: Path, kills: int, rng: random.Random, log: Callable[[str], None]) -> Outcome:
    """Kill the scenario's command ``kills`` times on copies of its template (made by :func:`prepare`)."""
    template = work / scenario.name / "template"
    outcome = Outcome(scenario.name)
    # One run without a kill: it must succeed, and its length is the window the kills are drawn from.
    calib = work / scenario.name / "calibration"
    shutil.copytree(template, calib)
    started = time.perf_counter()
    _, code, err = run_cli(scenario.args(calib), calib / "data", None)
    length = time.perf_counter() - started
    if code not in (0, 1) or (code == 1 and scenario.name != "migration"):
        outcome.failures.append(f"{scenario.name}: unkilled run failed ({code}): {err.strip()[-300:]}")
        return outcome
    scenario.check(calib, template)
    for i in range(kills):
        run = work / scenario.name / f"run-{i}"
        shutil.copytree(template, run)
        delay = rng.uniform(0.15 * length, 1.05 * length)
        killed, code, err = run_cli(scenario.args(run), run / "data", delay)
        if killed:
            outcome.tried += 1
        else:
            outcome.finished += 1
        try:
            scenario.check(run, template)
        except (AssertionError, sqlite3.Error, Exception) as exc:
            outcome.failures.append(f"{scenario.name} run {i} killed at {delay:.3f} s of {length:.2f} s: {exc}")
            log(outcome.failures[-1])
        else:
            outcome.survived += int(killed)
        shutil.rmtree(run, ignore_errors=True)
    return outcome
