"""Every place where input enters isodesk, as a fuzz target: a strategy and what to do with one example.

A target's ``run`` returns "accepted" or "refused"; anything else it raises is a defect. A refusal must be a
:class:`~isodesk.errors.UserError` with a message and must leave the database exactly as it was (checked with
SQLite's ``PRAGMA data_version``, which changes whenever another connection commits). Accepted text must be
stored NFC without control characters. Shared by the test suite (``tests/fuzz``, a bounded number of examples)
and ``bench/fuzz.py`` (many more, with counts per target).
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from isodesk.domain import validation as v
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from tests.fuzz import strategies as s

MARRIAGE = "1.004873"
#: A message box or a terminal line, not a dump of what was typed.
MAX_MESSAGE = 600


@dataclass
class Env:
    ctx: AppContext
    folder: Path
    watcher: sqlite3.Connection
    files: int = 0

    def version(self) -> int:
        return int(self.watcher.execute("PRAGMA data_version").fetchone()[0])

    def new_file(self, suffix: str) -> Path:
        self.files += 1
        return self.folder / f"input-{self.files}{suffix}"


def open_env(folder: Path) -> Env:
    from isodesk.services.context import open_context
    from isodesk.services.office.profile import init_office

    data = folder / "data"
    ctx = open_context(data)
    init_office(ctx, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Hùng")
    return Env(ctx, folder, sqlite3.connect(ctx.db.path))


def mostly(usual: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``usual`` about three times in four (``st.one_of`` gives each branch the same share)."""
    return st.tuples(st.sampled_from([True, True, True, False]), usual, other).map(lambda t: t[1] if t[0] else t[2])


class Defect(AssertionError):
    """The program answered in a way it must not: a refusal without a message, a write after a refusal, ..."""


def _attempt(env: Env, action: Callable[[], Any]) -> tuple[str, Any]:
    before = env.version()
    try:
        result = action()
    except UserError as exc:
        if not exc.message.strip() or len(exc.message) > MAX_MESSAGE:
            raise Defect(f"a refusal without a readable message: {exc.message[:200]!r}") from exc
        if env.version() != before:
            raise Defect(f"refused ({exc.message}) but the database changed") from exc
        return "refused", None
    return "accepted", result


def _stored_clean(*values: object) -> None:
    for value in values:
        if not isinstance(value, str):
            continue
        if not unicodedata.is_normalized("NFC", value):
            raise Defect(f"stored text is not NFC: {value!r}")
        if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value):
            raise Defect(f"stored text holds control characters: {value!r}")


# -- typed input -------------------------------------------------------------------------------------------------
def run_applicant(env: Env, ex: dict[str, Any]) -> str:
    from isodesk.db.models import Applicant
    from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier

    person = ApplicantInput(ex["name"], ex["kind"], ex["address"], ex["phone"], ex["email"], ex["id_number"])
    outcome, result = _attempt(
        env, lambda: receive_dossier(env.ctx, MARRIAGE, person, received_at=ex["at"], note=ex["note"])
    )
    if outcome == "accepted":
        with env.ctx.read() as session:
            row = session.execute(select(Applicant).order_by(Applicant.id.desc()).limit(1)).scalar_one()
            _stored_clean(row.name, row.address, row.phone, row.email, row.id_number)
            if (
                not row.name
                or (row.phone and not v.phone_digits(row.phone).lstrip("+").isdigit())
                or len(row.id_number) not in (0, 12)
            ):
                raise Defect(f"accepted an applicant that breaks the rules: {row.name!r} {row.phone!r}")
        assert result.code
    return outcome


applicant = st.fixed_dictionaries(
    {
        "name": mostly(s.words, s.person_names),
        "kind": st.sampled_from(["person", "organisation"]),
        "address": st.one_of(s.viet_text, s.typed),
        "phone": mostly(st.just("") | st.from_regex(r"0[39][0-9]{8}", fullmatch=True), s.phones),
        "email": mostly(st.just("") | st.emails().map(str), s.emails),
        "id_number": mostly(st.just("") | st.from_regex(r"0[0-9]{2}[0-3][01][0-9]{7}", fullmatch=True), s.id_numbers),
        "note": s.typed,
        "at": st.datetimes(datetime(1990, 1, 1), datetime(2110, 1, 1)).map(lambda d: d.replace(tzinfo=LOCAL_TZ)),
    }
)


def run_staff(env: Env, ex: tuple[str, str, str]) -> str:
    from isodesk.services.office.staff import add_staff

    outcome, person = _attempt(env, lambda: add_staff(env.ctx, *ex))
    if outcome == "accepted":
        _stored_clean(person.name, person.department, person.position)
    return outcome


def run_setting(env: Env, ex: tuple[str, str]) -> str:
    from isodesk.services.settings import get_setting, set_setting_text

    outcome, value = _attempt(env, lambda: set_setting_text(env.ctx, *ex))
    if outcome == "accepted":
        _stored_clean(value)
        if get_setting(env.ctx, ex[0]) != value:
            raise Defect("the setting read back differs from what was saved")
        _restore_settings(env)
    return outcome


def _restore_settings(env: Env) -> None:
    """Put the office's settings back, so the next examples receive dossiers with ordinary hours and codes."""
    from isodesk.services.settings import DEFAULTS, set_setting

    for key, value in DEFAULTS.items():
        set_setting(env.ctx, key, value)


SETTING_KEYS = [
    "ledger.morning_start",
    "ledger.cutoff",
    "ledger.afternoon_end",
    "ledger.max_extensions",
    "ledger.code_pattern",
    "privacy.retention_years",
    "ui.language",
]
VALID_SETTINGS = [
    ("ledger.morning_start", "7:00"),
    ("ledger.cutoff", "16h00"),
    ("ledger.afternoon_end", "17:30"),
    ("ledger.max_extensions", "2"),
    ("ledger.code_pattern", "{agency}-{yyyymmdd}-{seq:05d}"),
    ("privacy.retention_years", "15"),
    ("ui.language", "en"),
]
setting = mostly(
    st.sampled_from(VALID_SETTINGS),
    st.tuples(
        st.sampled_from(SETTING_KEYS) | s.typed,
        st.one_of(
            st.sampled_from(
                ["07:00", "8:00", "15h30", "16:00", "2", "10", "vi", "en", "{agency}-{yyyymmdd}-{seq:05d}"]
            ),
            s.times_typed,
            s.numbers_typed,
            st.sampled_from(
                ["{agency}-{seq}", "{seq:04d}{x}", "{seq!r}", "{", "{seq:>99}", "{agency.x}{seq}", "{seq[0]}"]
            ),
            s.typed,
        ),
    ),
)


def run_profile(env: Env, ex: dict[str, str]) -> str:
    from isodesk.services.office.profile import update_profile

    outcome, profile = _attempt(env, lambda: update_profile(env.ctx, **ex))
    if outcome == "accepted":
        _stored_clean(*profile.to_dict().values())
    return outcome


profile = st.fixed_dictionaries(
    {},
    optional={
        "leader_name": s.person_names,
        "leader_title": s.typed,
        "address": st.one_of(s.viet_text, s.typed),
        "phone": s.phones,
        "email": s.emails,
        "agency_code": s.codes_typed,
    },
)


def run_calendar(env: Env, ex: tuple[date, str, str]) -> str:
    from isodesk.services.ledger.calendar import set_day

    day, kind, note = ex
    return _attempt(env, lambda: set_day(env.ctx, day, kind, note))[0]  # type: ignore[arg-type]


calendar = st.tuples(st.dates(date(1990, 1, 1), date(2110, 12, 31)), st.sampled_from(["day_off", "workday"]), s.typed)


def run_move(env: Env, ex: dict[str, Any]) -> str:
    from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier

    code = ex["code"]
    if code is None:
        code = receive_dossier(env.ctx, MARRIAGE, ApplicantInput("Lê Văn Tám")).code
    return _attempt(
        env,
        lambda: move_dossier(
            env.ctx, code, ex["action"], note=ex["note"], rating=ex["rating"], at=ex["at"], new_due=ex["new_due"]
        ),
    )[0]


move = st.fixed_dictionaries(
    {
        "code": mostly(st.none(), s.codes_typed),
        "action": mostly(st.sampled_from(["processing", "supplement", "refused", "extended", "ready"]), s.typed),
        "note": st.one_of(s.viet_text, s.typed),
        "rating": mostly(st.none(), st.integers(-5, 9)),
        "at": mostly(
            st.none(),
            st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)).map(lambda d: d.replace(tzinfo=LOCAL_TZ)),
        ),
        "new_due": st.none()
        | st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)).map(lambda d: d.replace(tzinfo=LOCAL_TZ)),
    }
)


def run_lookup(env: Env, ex: tuple[str, str]) -> str:
    """Searches and look-ups by code: the ledger's full-text search must survive any query."""
    from isodesk.services.ledger.dossiers import show_dossier
    from isodesk.services.ledger.procedures import get_procedure, list_procedures
    from isodesk.services.ledger.queries import DossierFilter, count_dossiers, list_dossiers
    from isodesk.services.office.staff import list_staff
    from isodesk.services.privacy.personal_data import PersonQuery, find_person

    kind, value = ex
    calls: dict[str, Callable[[], Any]] = {
        "ledger": lambda: (
            list_dossiers(env.ctx, DossierFilter(search=value)),
            count_dossiers(env.ctx, DossierFilter(search=value)),
        ),
        "staff": lambda: list_staff(env.ctx, value),
        "procedures": lambda: list_procedures(env.ctx, value),
        "procedure": lambda: get_procedure(env.ctx, value),
        "dossier": lambda: show_dossier(env.ctx, value),
        "person": lambda: find_person(env.ctx, PersonQuery(name=value)),
        "person_phone": lambda: find_person(env.ctx, PersonQuery(phone=value)),
    }
    return _attempt(env, calls[kind])[0]


lookup = st.tuples(
    st.sampled_from(["ledger", "staff", "procedures", "procedure", "dossier", "person", "person_phone"]),
    st.one_of(s.codes_typed, s.typed, st.sampled_from(['"', "*", "NEAR(", "a OR b", "-x", "ễ", "ngu", '""'])),
)


def run_procedure(env: Env, ex: dict[str, Any]) -> str:
    from isodesk.domain.deadlines import ProcessingTime, TimeUnit
    from isodesk.services.ledger.procedures import add_procedure, update_procedure

    time = ProcessingTime(TimeUnit.WORKING_DAYS, ex["days"])
    if ex["new"]:
        outcome, info = _attempt(
            env, lambda: add_procedure(env.ctx, ex["code"], ex["name"], time, ex["field"], ex["fee"])
        )
    else:
        outcome, info = _attempt(
            env, lambda: update_procedure(env.ctx, MARRIAGE, fee=ex["fee"], steps=ex["steps"], processing=None)
        )
    if outcome == "accepted":
        _stored_clean(info.code, info.name, info.field, info.fee, *(st["name"] for st in info.steps))
    return outcome


procedure = st.fixed_dictionaries(
    {
        "new": st.booleans(),
        "code": s.codes_typed,
        "name": s.typed,
        "field": s.typed,
        "fee": s.cells,
        "steps": s.catalogue_rows.map(lambda rows: "; ".join(r["steps"] for r in rows)) | s.typed,
        "days": st.decimals(0, 2000, places=2),
    }
)


# -- pure rules (no database) ------------------------------------------------------------------------------------
def run_rules(_env: Env, ex: tuple[str, str]) -> str:
    kind, value = ex
    rules: dict[str, Callable[[], Any]] = {
        "date": lambda: v.parse_date(value),
        "datetime": lambda: v.parse_datetime(value),
        "time": lambda: v.parse_time(value),
        "phone": lambda: v.phone_number(value),
        "email": lambda: v.email_address(value),
        "citizen_id": lambda: v.citizen_id(value, date(2026, 11, 24)),
        "decimal": lambda: v.decimal_number(value, v.N_("The value"), Decimal(0), Decimal(1000)),
        "whole": lambda: v.whole_number(value, v.N_("The value"), 0, 100),
        "code": lambda: v.procedure_code(value),
        "unit": lambda: v.unit_code(value, province=False),
        "name": lambda: v.person_name(value),
    }
    from isodesk.services.inputs import explain

    try:
        result = rules[kind]()
    except v.Invalid as exc:
        if not explain(exc).strip():
            raise Defect("a refusal without a message") from exc
        return "refused"
    _stored_clean(result if isinstance(result, str) else "")
    if isinstance(result, str) and v.normalise(result) != result:
        raise Defect(f"accepted value is not in its stored form: {result!r}")
    return "accepted"


RULES = ["date", "datetime", "time", "phone", "email", "citizen_id", "decimal", "whole", "code", "unit", "name"]
rules = st.one_of(
    st.tuples(st.just("date"), s.dates_typed),
    st.tuples(st.just("datetime"), s.dates_typed),
    st.tuples(st.just("time"), s.times_typed),
    st.tuples(st.just("phone"), s.phones),
    st.tuples(st.just("email"), s.emails),
    st.tuples(st.just("citizen_id"), s.id_numbers),
    st.tuples(st.sampled_from(["decimal", "whole"]), s.numbers_typed),
    st.tuples(st.sampled_from(["code", "unit"]), s.codes_typed),
    st.tuples(st.just("name"), s.person_names),
)


# -- imports -----------------------------------------------------------------------------------------------------
def _import(env: Env, path: Path) -> str:
    from isodesk.db.models import Procedure
    from isodesk.services.ledger.procedures import apply_import

    outcome, preview = _attempt(env, lambda: apply_import(env.ctx, path))
    if outcome == "accepted":
        with env.ctx.read() as session:
            for code in preview.added[:20]:
                p = session.execute(select(Procedure).where(Procedure.code == code)).scalar_one()
                _stored_clean(p.code, p.name, p.field, p.fee, p.cutoff_note, p.source)
    return outcome


def _table(header: list[str], rows: list[dict[str, str]]) -> list[list[str]]:
    return [header] + [[row.get(h, "") for h in header] + (["extra"] if i % 2 else []) for i, row in enumerate(rows)]


def run_csv(env: Env, ex: dict[str, Any]) -> str:
    path = env.new_file(".csv")
    if ex["raw"] is not None:
        path.write_bytes(ex["raw"])
    else:
        buf = io.StringIO()
        import csv

        csv.writer(buf, delimiter=ex["delimiter"]).writerows(_table(ex["header"], ex["rows"]))
        text = buf.getvalue() + ex["tail"]
        path.write_bytes(text.encode(ex["encoding"], errors="replace").replace(b"\x00", ex["nul"]))
    return _import(env, path)


csv_file = st.fixed_dictionaries(
    {
        "raw": mostly(
            st.none(),
            st.binary(max_size=400) | st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"\x00" * 50]),
        ),
        "header": mostly(st.just(s.HEADER), s.headers),
        "rows": mostly(s.good_rows, s.catalogue_rows),
        "delimiter": s.delimiters,
        "encoding": mostly(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), s.encodings),
        "tail": mostly(st.just(""), st.sampled_from(["\n\n", '"unterminated', "\r", "\x00"])),
        "nul": st.sampled_from([b"\x00", b""]),
    }
)


def run_xlsx(env: Env, ex: dict[str, Any]) -> str:
    from openpyxl import Workbook

    path = env.new_file(".xlsx")
    if ex["raw"] is not None:
        path.write_bytes(ex["raw"])
        return _import(env, path)
    book = Workbook()
    sheet = book.active
    for row in _table(ex["header"], ex["rows"]):
        sheet.append([_xlsx_value(c, ex["numbers"]) for c in row])
    book.save(path)
    if ex["truncate"]:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    return _import(env, path)


def _xlsx_value(cell: str, numbers: bool) -> Any:
    cell = "".join(ch for ch in cell if unicodedata.category(ch) not in ("Cc", "Cs") or ch in "\t\n\r")
    if numbers and len(cell) < 16:  # as Excel stores numbers: doubles
        with contextlib.suppress(ValueError):
            return float(cell)
    return cell


xlsx_file = st.fixed_dictionaries(
    {
        "raw": mostly(st.none(), st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b)),
        "header": mostly(st.just(s.HEADER), s.headers),
        "rows": mostly(s.good_rows, s.catalogue_rows),
        "numbers": st.booleans(),
        "truncate": mostly(st.just(False), st.just(True)),
    }
)


# -- the command line, in process ------------------------------------------------------------------------------
def run_cli(env: Env, argv: list[str]) -> str:
    from isodesk.cli.main import run

    full = ["--data-dir", str(env.ctx.data_dir), *argv]
    before = env.version()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = run(full)
        except SystemExit as exc:  # argparse: bad usage, exit 2 with its message
            code = exc.code if isinstance(exc.code, int) else 2
    if code == 1:
        if not err.getvalue().strip() or "Traceback" in err.getvalue() or len(err.getvalue()) > MAX_MESSAGE:
            raise Defect(f"exit 1 without a clean message: {err.getvalue()!r}")
        if env.version() != before:
            raise Defect(f"exit 1 but the database changed: {argv!r}")
        return "refused"
    if code == 2:
        return "refused"
    if code != 0:
        raise Defect(f"exit {code}: {err.getvalue()!r}")
    return "accepted"


cli = st.one_of(
    st.tuples(s.person_names, s.typed).map(lambda t: ["staff", "add", "--name", t[0], "--department", t[1]]),
    st.tuples(s.person_names, s.phones, s.dates_typed).map(
        lambda t: [
            "dossier",
            "receive",
            "--procedure",
            MARRIAGE,
            "--applicant",
            t[0],
            "--phone",
            t[1],
            "--received",
            t[2],
        ]
    ),
    st.tuples(s.dates_typed, s.typed).map(lambda t: ["calendar", "set", t[0], "--day-off", "--note", t[1]]),
    st.tuples(st.sampled_from(SETTING_KEYS) | s.typed, s.typed | s.times_typed).map(lambda t: ["setting", "set", *t]),
    st.tuples(s.dates_typed, s.dates_typed).map(lambda t: ["stats", "--from", t[0], "--to", t[1], "--json"]),
    st.tuples(s.dates_typed, s.numbers_typed).map(lambda t: ["deadline", "--received", t[0], "--working-days", t[1]]),
    st.tuples(s.codes_typed, s.cells, s.typed).map(
        lambda t: ["procedure", "set", t[0], "--fee", t[1], "--steps", t[2]]
    ),
    st.tuples(s.person_names, s.phones, s.id_numbers).map(
        lambda t: ["person", "find", "--name", t[0], "--phone", t[1], "--id-number", t[2]]
    ),
    s.typed.map(lambda q: ["dossier", "list", "--search", q, "--json"]),
)


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    run: Callable[[Env, Any], str]
    #: Share of the examples this target gets (pure rules are cheap, files and the command line dear).
    weight: float


TARGETS = [
    Target("rules", rules, run_rules, 4.0),
    Target("applicant", applicant, run_applicant, 1.5),
    Target("staff", st.tuples(s.person_names, s.typed, s.typed), run_staff, 1.0),
    Target("settings", setting, run_setting, 1.0),
    Target("profile", profile, run_profile, 0.6),
    Target("calendar", calendar, run_calendar, 0.6),
    Target("dossier_move", move, run_move, 0.8),
    Target("lookups", lookup, run_lookup, 1.5),
    Target("procedure", procedure, run_procedure, 0.8),
    Target("import_csv", csv_file, run_csv, 1.0),
    Target("import_xlsx", xlsx_file, run_xlsx, 0.5),
    Target("cli", cli, run_cli, 0.5),
]
