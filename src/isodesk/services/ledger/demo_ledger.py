"""A year of realistic one-stop-shop dossiers for the demo office (and for the ledger benchmarks).

The mix follows what commune desks report: civil status (birth, death, marriage, marital status) and attestation
dominate; about nine in ten dossiers are settled ahead of or on time, a few are late and get an apology with a new
appointment, a few need a supplement, a few are refused; the most recent ones are still being processed, and some
of those are overdue. Names are drawn from the commonest Vietnamese family, middle and given names. The generator
is deterministic for a given seed, and writes in chunks with bulk inserts so a million dossiers take minutes.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import cast

from sqlalchemy import Table, insert, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from isodesk.db import trail
from isodesk.db.engine import next_change_seq, run_outside_transaction
from isodesk.db.models import Applicant, Counter, Dossier, DossierEvent, Office, Procedure, Staff
from isodesk.domain.calendar import WorkCalendar
from isodesk.domain.deadlines import OfficeHours, compute_due
from isodesk.domain.ledger import CodeParts, State, format_code, timeliness
from isodesk.domain.permissions import Permission
from isodesk.i18n import N_
from isodesk.i18n.dates import LOCAL_TZ, local_datetime, local_now
from isodesk.i18n.text import search_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.ledger import daily_counts
from isodesk.services.ledger.calendar import office_hours, work_calendar
from isodesk.services.ledger.procedures import processing_time_of
from isodesk.services.settings import read_setting

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Đinh",
    "Lâm",
    "Mai",
)
FAMILY_WEIGHTS = (38, 11, 9.5, 7, 5, 5, 4.5, 3.9, 3.5, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 1, 0.8, 0.7, 0.5)
MIDDLE_M = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Hoàng", "Ngọc", "Xuân")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Hồng", "Phương", "Bích", "Thị Mỹ")
GIVEN_M = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hùng",
    "Khang",
    "Long",
    "Minh",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thành",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
)
GIVEN_F = (
    "Anh",
    "Ánh",
    "Chi",
    "Diễm",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Tuyết",
    "Yến",
)
STREETS = (
    "Hùng Vương",
    "Lê Lợi",
    "Nguyễn Huệ",
    "Trưng Trắc",
    "Ấp Bắc",
    "Lý Thường Kiệt",
    "Nam Kỳ Khởi Nghĩa",
    "Đinh Bộ Lĩnh",
    "Rạch Gầm",
    "Học Lạc",
)
# Relative demand by field (commune desks: civil status and attestation make most of the work).
FIELD_WEIGHT = {
    "Hộ tịch": 10,
    "Chứng thực": 12,
    "Bảo trợ xã hội": 1.5,
    "Đăng ký hộ kinh doanh": 1,
    "Đất đai": 1,
    "Người có công": 0.5,
}
CHUNK = 5000


def person_name(rng: random.Random) -> str:
    family = rng.choices(FAMILY, FAMILY_WEIGHTS)[0]
    if rng.random() < 0.5:
        return f"{family} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{family} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _working_moment(rng: random.Random, day: date, hours: OfficeHours) -> datetime:
    session = hours.sessions()[0] if rng.random() < 0.6 else hours.sessions()[1]
    start = datetime.combine(day, session[0], tzinfo=LOCAL_TZ)
    span = (datetime.combine(day, session[1]) - datetime.combine(day, session[0])).seconds
    return start + timedelta(seconds=rng.randrange(0, span - 600))


def _days(calendar: WorkCalendar, first: date, last: date) -> list[date]:
    out, day = [], first
    while day <= last:
        if calendar.is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


def fill_demo_ledger(
    ctx: AppContext,
    count: int,
    *,
    seed: int = 2026,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add ``count`` dossiers received over the year before ``now``; returns how many were added."""
    require(ctx, Permission.DEMO_LOAD)
    rng = random.Random(seed)
    now = local_datetime(now or local_now())
    with ctx.read() as s:
        office = s.execute(select(Office)).scalar_one()
        confirmed = {
            p: t
            for p in s.execute(select(Procedure).where(Procedure.active.is_(True))).scalars()
            if (t := processing_time_of(p)) is not None
        }
        staff = [p.id for p in s.execute(select(Staff).where(Staff.active.is_(True))).scalars()]
        hours = office_hours(s)
        calendar = work_calendar(s, range(now.year - 2, now.year + 2))
        pattern = read_setting(s, "ledger.code_pattern")
        counters = dict(s.execute(select(Counter.key, Counter.value)).all())
    procedures = list(confirmed)
    times = {p.id: t for p, t in confirmed.items()}
    weights = [FIELD_WEIGHT.get(p.field, 0.3) * (3 if "khai sinh" in p.name.lower() else 1) for p in procedures]
    days = _days(calendar, (now - timedelta(days=365)).date(), now.date())
    received_days = sorted(rng.choice(days) for _ in range(count))
    # The day's running numbers follow the receipt times, as at a real desk (the days are in order already).
    moments = sorted(_working_moment(rng, day, hours) for day in received_days)
    agency = office.agency_code or office.unit_code
    made = 0
    for chunk_start in range(0, count, CHUNK):
        chunk_days = received_days[chunk_start : chunk_start + CHUNK]
        with ctx.unit_of_work() as s:
            seq = next_change_seq(s)
            stamp = datetime.now(UTC)
            common = {
                "unit_code": office.unit_code,
                "created_at": stamp,
                "updated_at": stamp,
                "updated_by": ctx.actor,
                "change_seq": seq,
            }
            first_id = (s.execute(text("SELECT COALESCE(MAX(id), 0) FROM dossiers")).scalar_one() or 0) + 1
            first_app = (s.execute(text("SELECT COALESCE(MAX(id), 0) FROM applicants")).scalar_one() or 0) + 1
            applicants, dossiers, events = [], [], []
            # The day counts go in the chunk's own transaction: a load stopped half-way (a power cut, a kill)
            # leaves counts that agree with the dossiers it saved.
            increments: dict[tuple[date, int], dict[str, int]] = {}
            for i, day in enumerate(chunk_days):
                did, aid = first_id + i, first_app + i
                proc = rng.choices(procedures, weights)[0]
                received = moments[chunk_start + i]
                due = compute_due(received, times[proc.id], calendar, hours).due
                key = f"code:{day.isoformat()}"
                counters[key] = counters.get(key, 0) + 1
                book_key = f"book:{day.year}"
                counters[book_key] = counters.get(book_key, 0) + 1
                code = format_code(pattern, CodeParts(agency, day, counters[key]))
                name = person_name(rng)
                handler = rng.choice(staff) if staff else None
                applicants.append(
                    {
                        "id": aid,
                        "uuid": uuid.uuid4(),
                        "kind": "person",
                        "name": name,
                        "address": f"Số {rng.randint(1, 300)} đường {rng.choice(STREETS)}",
                        "phone": f"09{rng.randint(10000000, 99999999)}",
                        "email": "",
                        "id_number": "",
                        **common,
                    }
                )
                status, settled_at, when = State.RECEIVED.value, None, None
                ratings = None
                roll = rng.random()
                events.append(
                    {
                        "uuid": uuid.uuid4(),
                        "dossier_id": did,
                        "at": received,
                        "action": "received",
                        "from_state": "",
                        "to_state": "received",
                        "from_staff_id": None,
                        "to_staff_id": handler,
                        "due_at": due,
                        "note": "",
                        **common,
                    }
                )
                extensions = 0
                if roll < 0.01:
                    status, settled_at = State.REFUSED.value, received + timedelta(minutes=20)
                else:
                    outcome = rng.random()
                    if outcome < 0.06:  # late: a few days after the due day, half with an apology
                        returned = due + timedelta(days=rng.randint(1, 5), hours=-rng.randint(1, 5))
                        extensions = 1 if rng.random() < 0.5 else 0
                    elif outcome < 0.40 or due.date() == received.date():  # on the due day
                        returned = due - timedelta(minutes=rng.randint(10, 400))
                    else:  # ahead: on an earlier day
                        returned = due - timedelta(
                            days=rng.randint(1, max(1, (due - received).days)), minutes=rng.randint(0, 300)
                        )
                    returned = max(returned, received + timedelta(minutes=30))
                    ready = max(received + timedelta(minutes=20), returned - timedelta(hours=rng.randint(1, 20)))
                    if due < now and (now - due).days < 30 and rng.random() < 0.04:
                        status = State.PROCESSING.value  # a few recent ones are overdue at the desk
                    elif returned <= now:
                        status, settled_at = State.RETURNED.value, returned
                        when = timeliness(local_datetime(returned).date(), local_datetime(due)).value
                        ratings = rng.choices((1, 2, 3, 4), (55, 38, 5, 2))[0]
                    elif ready <= now:
                        status = State.READY.value
                    elif rng.random() < 0.05:
                        status = State.SUPPLEMENT.value
                    else:
                        status = State.PROCESSING.value
                if status != State.RECEIVED.value and status != State.REFUSED.value:
                    events.append(
                        {
                            "uuid": uuid.uuid4(),
                            "dossier_id": did,
                            "at": received + timedelta(minutes=15),
                            "action": "processing",
                            "from_state": "received",
                            "to_state": "processing",
                            "from_staff_id": handler,
                            "to_staff_id": handler,
                            "due_at": due,
                            "note": "",
                            **common,
                        }
                    )
                if status in (State.READY.value, State.RETURNED.value):
                    if not 7 <= local_datetime(ready).hour < 17:  # results come back in office hours
                        ready = max(received + timedelta(minutes=20), returned - timedelta(minutes=30))
                    events.append(  # the result comes back to the desk (ledger column "Nhận kết quả")
                        {
                            "uuid": uuid.uuid4(),
                            "dossier_id": did,
                            "at": ready,
                            "action": "ready",
                            "from_state": "processing",
                            "to_state": "ready",
                            "from_staff_id": handler,
                            "to_staff_id": None,
                            "due_at": due,
                            "note": "",
                            **common,
                        }
                    )
                if settled_at is not None:
                    events.append(
                        {
                            "uuid": uuid.uuid4(),
                            "dossier_id": did,
                            "at": settled_at,
                            "action": status,
                            "from_state": "ready" if status == "returned" else "received",
                            "to_state": status,
                            "from_staff_id": handler,
                            "to_staff_id": None,
                            "due_at": due,
                            "note": "",
                            **common,
                        }
                    )
                counts = increments.setdefault((day, proc.id), {})
                counts["received"] = counts.get("received", 0) + 1
                if status == State.RETURNED.value and settled_at is not None and when:
                    counts = increments.setdefault((local_datetime(settled_at).date(), proc.id), {})
                    for f in (when, f"rating_{ratings}" if ratings else ""):
                        if f:
                            counts[f] = counts.get(f, 0) + 1
                    took = (local_datetime(settled_at).date() - day).days
                    counts["settle_days"] = counts.get("settle_days", 0) + took
                dossiers.append(
                    {
                        "id": did,
                        "uuid": uuid.uuid4(),
                        "code": code,
                        "book_year": day.year,
                        "book_seq": counters[book_key],
                        "procedure_id": proc.id,
                        "applicant_id": aid,
                        "status": status,
                        "received_at": received,
                        "received_on": day,
                        "due_at": due,
                        "settled_at": settled_at,
                        "settled_on": local_datetime(settled_at).date()
                        if status == "returned" and settled_at
                        else None,
                        "timeliness": when,
                        "extensions": extensions,
                        "paused_at": None,
                        "rating": ratings,
                        "sets": 1,
                        "officer_id": handler,
                        "handler_id": handler,
                        "search_key": search_key(f"{code} {name}"),
                        **common,
                    }
                )
            # Core inserts on the tables (executemany), not the ORM bulk path: ten times faster here.
            s.execute(insert(cast(Table, Applicant.__table__)), applicants)
            s.execute(insert(cast(Table, Dossier.__table__)), dossiers)
            s.execute(insert(cast(Table, DossierEvent.__table__)), events)
            # Core inserts bypass the session's change tracking: one summary entry per table in the audit trail.
            for table, rows in (("applicants", applicants), ("dossiers", dossiers), ("dossier_events", events)):
                trail.record_bulk(s, table, len(rows), N_("demo data"))  # stored in English, shown translated
            daily_counts.add_many(s, increments)
            for key, value in counters.items():
                s.execute(
                    sqlite_insert(Counter)
                    .values(key=key, value=value)
                    .on_conflict_do_update(index_elements=["key"], set_={"value": value})
                )
        made += len(chunk_days)
        if progress is not None:
            progress(made, count)
    run_outside_transaction(ctx.db.engine, "ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)")
    return made
