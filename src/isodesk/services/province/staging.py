"""Reading the units' packages ahead of their transactions, in worker processes, while the province's file is written.

An import spends most of its time in two kinds of work that can run side by side: reading a package (checking its
hashes and signature, decoding its JSON records) and writing its rows into the province's database. So the next
packages of a batch are read by worker processes (each with its own interpreter: threads would take turns under
Python's global lock) while package *n* is applied, and each hands its dossier records over as rows in a file of
their own (a *staging* file, SQLite's, in a temporary folder), ready to be copied into the province's table by one
``INSERT … SELECT`` in the package's transaction. Nothing is written to the province's database outside that
transaction, and what is applied, and how, is decided there as before (:mod:`isodesk.services.province.imports`).
One or two files are read on a thread of this process: starting a process costs more than it saves then.

Only a unit's dossiers are staged: they are nearly all the records. A package is staged only when every dossier
record is exactly what a unit writes (each field of its type, see :class:`DossierRecord`); anything else (a value
of another type, a line that is not a record) is left to the import's careful reader, which decides record by record
as it always has. The records are decoded by ``msgspec`` (a typed JSON decoder written in C: a record is checked
and decoded in one step, several times faster than the standard library's decoder).

The months a staged package adds are counted here too (:func:`count_months`), so that a package that only adds
dossiers adds its counts to the unit's months instead of counting all its dossiers again.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import tempfile
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Annotated

import msgspec

from isodesk.services.sync.records import DOSSIER_FIELDS, DOSSIERS
from isodesk.sync.package import Package, PackageError, read_package

#: An integer SQLite can hold.
Int64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]
#: The columns of a dossier record kept at the province (the reduced record, DOSSIER_FIELDS, less the sync fields).
DOSSIER_COLUMNS = tuple(f for f in DOSSIER_FIELDS if f not in ("uuid", "unit_code", "updated_at", "change_seq"))
#: A dossier's values as the province binds them, after the unit's code: these fields of the record, in this order.
DOSSIER_KEYS = ("uuid", "change_seq", "updated_at", *DOSSIER_COLUMNS)
#: The staged tables in a staging file (attached to the province's connection as schema ``stage``): the dossiers'
#: values, and their counts by month (:func:`count_months`), when they could be counted.
STAGED_TABLE = "dossiers"
STAGED_MONTHS = "months"
#: The columns of a month's counts, as in ``province_dossier_months`` (less the unit).
MONTH_COLUMNS = (
    "month, procedure_code, procedure_field, received, ahead, on_time, late, rating_1, rating_2, rating_3, rating_4, "
    "settle_days"
)


class DossierRecord(msgspec.Struct, gc=False):
    """A unit's reduced dossier record as a unit writes it (:data:`isodesk.services.sync.records.DOSSIER_FIELDS`):
    the sync fields required, the others with the value the province keeps when one is missing. A field the
    province does not know is passed over (a newer unit's record)."""

    uuid: str
    unit_code: str
    updated_at: str
    change_seq: Int64
    procedure_code: str = ""
    procedure_field: str = ""
    received_at: str | None = None
    received_on: str | None = None
    due_at: str | None = None
    settled_at: str | None = None
    settled_on: str | None = None
    status: str = ""
    timeliness: str | None = None
    extensions: Int64 = 0
    rating: Int64 | None = None
    handling_role: str = ""


_DECODER = msgspec.json.Decoder(DossierRecord)
_VALUES = attrgetter(*DOSSIER_KEYS)
_CREATE = f"CREATE TABLE {STAGED_TABLE} ({', '.join(DOSSIER_KEYS)})"
_INSERT = f"INSERT INTO {STAGED_TABLE} VALUES ({', '.join('?' * len(DOSSIER_KEYS))})"
_CREATE_MONTHS = f"CREATE TABLE {STAGED_MONTHS} ({MONTH_COLUMNS})"
_INSERT_MONTHS = f"INSERT INTO {STAGED_MONTHS} VALUES ({', '.join('?' * 12)})"

#: A month's counts of one procedure: month, procedure, field, then received, ahead, on time, late, ratings 1-4 and
#: the days to settle, as in ``province_dossier_months``.
MonthRow = tuple[str, str, str, int, int, int, int, int, int, int, int, int]
_TIMELINESS = {"ahead": 0, "on_time": 1, "late": 2}


@dataclass(frozen=True)
class Staged:
    """A package's dossiers staged in ``path``: ``rows`` of them, and whether their counts by month are staged too
    (not when a date is not one the count can read exactly: the province then counts the unit's dossiers again)."""

    path: Path
    rows: int
    months: bool


@dataclass(frozen=True)
class Prepared:
    """A file read ahead: its package (or why it is refused) and its staged dossiers, if any."""

    path: Path
    package: Package | PackageError
    staged: Staged | None = None


def decode_dossiers(member: bytes) -> list[DossierRecord] | None:
    """Every record of a dossier member, or ``None`` when one is not exactly what a unit writes."""
    try:
        records = _DECODER.decode_lines(member)
    except msgspec.DecodeError:  # a ValidationError too
        return None
    # decode_lines passes over an empty line, which the careful reader refuses: the counts must agree
    return records if len(records) == member.count(b"\n") else None


def count_months(records: Sequence[DossierRecord]) -> list[MonthRow] | None:
    """The counts the import's SQL makes of these dossiers by month and procedure (``_MONTHS_RECEIVED`` and
    ``_MONTHS_SETTLED`` in :mod:`isodesk.services.province.imports`): received by the month received; settled with a
    timeliness, by timeliness, rating and the days from the day received to the day settled, by the month settled.

    ``None`` when a settled dossier's dates are not both plain ``YYYY-MM-DD`` days: SQLite's ``julianday`` reads
    other forms too, and only its own count is then sure to be the same."""
    received: Counter[tuple[str, str, str]] = Counter()
    settled: dict[tuple[str, str, str], list[int]] = {}
    days: dict[str, int] = {}
    for r in records:
        on = r.received_on
        if on is not None:
            received[(on[:7], r.procedure_code, r.procedure_field)] += 1
        off = r.settled_on
        if off is None or (column := _TIMELINESS.get(r.timeliness or "")) is None:
            continue
        start, end = days.get(on or ""), days.get(off)
        if start is None or end is None:
            start, end = _day(on), _day(off)
            if start is None or end is None:
                return None
            days[on or ""], days[off] = start, end
        key = (off[:7], r.procedure_code, r.procedure_field)
        counts = settled.get(key)
        if counts is None:
            counts = settled[key] = [0] * 8
        counts[column] += 1
        if r.rating in (1, 2, 3, 4):
            counts[2 + r.rating] += 1
        counts[7] += end - start
    rows: list[MonthRow] = []
    for key in received.keys() | settled.keys():
        c = settled.get(key, [0] * 8)
        rows.append((*key, received.get(key, 0), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]))
    return rows


def _day(text: str | None) -> int | None:
    """The day's ordinal of a plain ``YYYY-MM-DD`` text, else ``None``."""
    if text is None or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return date.fromisoformat(text).toordinal()
    except ValueError:
        return None


def stage(records: list[DossierRecord], path: Path) -> Staged:
    """Write the records' values and their months into a new staging file at ``path`` (no journal, no flush to the
    disk: a staging file is read once, at once, and thrown away)."""
    months = count_months(records)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute(_CREATE)
        conn.execute(_CREATE_MONTHS)
        conn.execute("BEGIN")
        conn.executemany(_INSERT, map(_VALUES, records))
        if months is not None:
            conn.executemany(_INSERT_MONTHS, months)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return Staged(path, len(records), months is not None)


def prepare(path: Path, folder: Path | None, number: int) -> Prepared:
    """Read and check the file; when ``folder`` is given, stage its dossiers there. Only a package's own refusal
    leaves as its result; a staging file that cannot be written leaves the dossiers to the careful reader."""
    try:
        package = read_package(path, records=False)
    except PackageError as exc:
        return Prepared(path, exc)
    member = package.data.get(DOSSIERS)
    if folder is None or not member:
        return Prepared(path, package)
    records = decode_dossiers(member)
    if records is None:
        return Prepared(path, package)
    try:
        staged = stage(records, folder / f"{number}.sqlite")
    except (OSError, sqlite3.Error):  # the temporary folder is full or cannot be written
        return Prepared(path, package)
    # the writing side reads the staged rows: the member is not sent back to it as well
    rest = replace(package, data={kind: body for kind, body in package.data.items() if kind != DOSSIERS})
    return Prepared(path, rest, staged)


#: From how many files a batch is read by worker processes (each with its own interpreter, so that reading runs
#: beside the writing instead of taking turns with it); fewer are read on one thread of this process, which costs
#: no process's start.
PROCESSES_FROM = 3
#: Worker processes reading a batch: with this process writing, two keep a PC of two cores busy.
READERS = 2


@contextmanager
def reading_ahead(paths: Sequence[Path], *, staging: bool) -> Iterator[Iterator[Prepared]]:
    """The files prepared in order, the next ones read by workers while the one before them is applied. With
    ``staging``, dossiers are staged in a temporary folder that is removed at the end.

    A worker process that cannot be started, or that stops (killed, out of memory), leaves its files to be read
    here, in this process: the import goes on, only slower."""
    with (
        tempfile.TemporaryDirectory(prefix="isodesk-import-", ignore_cleanup_errors=True) as tmp,
        _workers(len(paths)) as pool,
    ):
        folder = Path(tmp) if staging else None
        depth = READERS if isinstance(pool, ProcessPoolExecutor) else 1
        broken = False

        def submit(number: int, path: Path) -> Future[Prepared] | None:
            nonlocal broken
            if not broken:
                try:
                    return pool.submit(prepare, path, folder, number)
                except (BrokenExecutor, RuntimeError, OSError):  # a worker stopped: the rest is read here
                    broken = True
            return None

        def prepared() -> Iterator[Prepared]:
            pending: deque[tuple[int, Path, Future[Prepared] | None]] = deque()
            for number, path in enumerate(paths):
                pending.append((number, path, submit(number, path)))
                if len(pending) <= depth and number + 1 < len(paths):
                    continue
                yield from _in_turn(*pending.popleft(), folder)
            while pending:
                yield from _in_turn(*pending.popleft(), folder)

        yield prepared()


def _workers(files: int) -> Executor:
    if files >= PROCESSES_FROM:
        try:
            return ProcessPoolExecutor(max_workers=READERS, mp_context=multiprocessing.get_context("spawn"))
        except (OSError, ValueError, NotImplementedError, ImportError):  # no processes here: one thread reads
            pass
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="isodesk-import")


def _in_turn(number: int, path: Path, future: Future[Prepared] | None, folder: Path | None) -> Iterator[Prepared]:
    ready = None
    if future is not None:
        with suppress(BrokenExecutor, OSError, EOFError):  # the worker stopped: this process reads the file
            ready = future.result()
    if ready is None:
        ready = prepare(path, folder, number)
    yield ready
    if ready.staged is not None:  # applied or not, it is not read again
        with suppress(OSError):  # still open (Windows): the temporary folder goes at the end
            ready.staged.path.unlink(missing_ok=True)
