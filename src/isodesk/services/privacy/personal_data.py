"""Applicants' personal data: a copy for the person who asks, and erasure when it is no longer needed.

Luật Bảo vệ dữ liệu cá nhân 2025 (in force 1 January 2026, docs/DOMAIN.md §7) gives the person the right to get the
data held about them and to have it erased, and requires that personal data be kept no longer than its purpose
needs. A dossier's purpose ends with its archive period (setting ``privacy.retention_years``); after it the
applicant's name, address, phone, email and ID number are erased, while the dossier itself (code, procedure,
dates, states, timeliness, rating) stays, so every statistic stays exactly as it was.

Personal data lives only in :class:`~isodesk.db.models.Applicant` and in the dossier's search key (code and
name, indexed for search); erasure blanks the first and recomputes the second from the code alone, in one
transaction, with SQLite's ``secure_delete`` on so the old values are overwritten in the file rather than left
in free space, and the search index merged so no old entry survives in it. An erased applicant has an empty
name; papers and screens show :func:`applicant_label` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import and_, exists, func, not_, select, text, update
from sqlalchemy.orm import Session

from isodesk.db.models import Applicant, Dossier, DossierEvent, Procedure, Staff
from isodesk.db.trail import label_of, record_event
from isodesk.domain import validation as v
from isodesk.domain.ledger import FINAL_STATES
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import LOCAL_TZ, local_datetime, local_now, local_today
from isodesk.i18n.text import search_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.settings import read_setting

#: Sources of the erasure entries in the audit trail (shown translated).
RETENTION_ERASURE = N_("personal data erased after the retention period")
REQUESTED_ERASURE = N_("personal data erased at the person's request")
FINAL = [s.value for s in FINAL_STATES]


@dataclass(frozen=True)
class PersonQuery:
    """Who to look for: any of name (accent-insensitive), phone, citizen ID; all given must match."""

    name: str = ""
    phone: str = ""
    id_number: str = ""

    def cleaned(self) -> PersonQuery:
        query = PersonQuery(
            check(v.text, self.name, v.PERSON_NAME),
            check(v.phone_number, self.phone),
            check(v.citizen_id, self.id_number, local_today()),
        )
        if not (query.name or query.phone or query.id_number):
            raise UserError(_("Give the person's name, phone number or citizen ID number."))
        return query


def _matching(session: Session, query: PersonQuery) -> list[Applicant]:
    stmt = select(Applicant).where(Applicant.name != "")
    if query.phone:  # numbers saved before the rule was applied may hold other separators
        digits: Any = Applicant.phone
        for separator in (" ", ".", "-", "(", ")", "/"):
            digits = func.replace(digits, separator, "")
        stmt = stmt.where(digits == v.phone_digits(query.phone))
    if query.id_number:
        stmt = stmt.where(Applicant.id_number == query.id_number)
    key = search_key(query.name)
    if key:
        # The dossiers' search index holds "code name" folded: it narrows the applicants before the exact check.
        dossier_ids = (
            text("SELECT rowid FROM dossier_search WHERE dossier_search MATCH :q").bindparams(
                q='"' + key.replace('"', '""') + '"'
            )
            if len(key) >= 3
            else select(Dossier.id).where(Dossier.search_key.contains(key))
        )
        stmt = stmt.where(Applicant.id.in_(select(Dossier.applicant_id).where(Dossier.id.in_(dossier_ids))))
    found = list(session.execute(stmt.order_by(Applicant.id)).scalars())
    return [a for a in found if not key or search_key(a.name) == key]


def _dossiers_of(session: Session, applicant_id: int) -> list[dict[str, Any]]:
    from isodesk.services.labels import action_name, state_name

    staff = {p.id: p.name for p in session.execute(select(Staff)).scalars()}
    out = []
    rows = session.execute(
        select(Dossier, Procedure)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(Dossier.applicant_id == applicant_id)
        .order_by(Dossier.received_at)
    ).all()
    for d, p in rows:
        events = session.execute(
            select(DossierEvent).where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.at, DossierEvent.id)
        ).scalars()
        out.append(
            {
                "code": d.code,
                "procedure": {"code": p.code, "name": p.name, "field": p.field},
                "received": _iso(d.received_at),
                "due": _iso(d.due_at),
                "settled": _iso(d.settled_at),
                "status": d.status,
                "status_name": state_name(d.status),
                "timeliness": d.timeliness,
                "rating": d.rating,
                "sets": d.sets,
                "events": [
                    {
                        "at": _iso(e.at),
                        "action": e.action,
                        "step": action_name(e.action),
                        "to": e.to_state,
                        "to_staff": staff.get(e.to_staff_id) if e.to_staff_id else None,
                        "note": e.note,
                    }
                    for e in events
                ],
            }
        )
    return out


def _iso(moment: datetime | None) -> str | None:
    return local_datetime(moment).isoformat(timespec="minutes") if moment else None


@dataclass(frozen=True)
class PersonMatch:
    id: int
    name: str
    phone: str
    id_number: str
    dossiers: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "phone": self.phone, "id_number": self.id_number} | {
            "dossiers": self.dossiers
        }


def find_person(ctx: AppContext, query: PersonQuery) -> list[PersonMatch]:
    """The applicant records that match, each with its dossiers' codes (to check who is who before acting)."""
    query = query.cleaned()
    require(ctx, Permission.PERSONAL_DATA_EXPORT)
    with ctx.read() as s:
        return [
            PersonMatch(
                a.id,
                a.name,
                a.phone,
                a.id_number,
                list(
                    s.execute(select(Dossier.code).where(Dossier.applicant_id == a.id).order_by(Dossier.id)).scalars()
                ),
            )
            for a in _matching(s, query)
        ]


@dataclass(frozen=True)
class ExportResult:
    applicants: int
    dossiers: int
    json_path: Path
    csv_path: Path

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicants": self.applicants,
            "dossiers": self.dossiers,
            "json": str(self.json_path),
            "csv": str(self.csv_path),
        }


def person_data(ctx: AppContext, query: PersonQuery) -> dict[str, Any]:
    """Everything held about the person: their applicant records and, for each, the dossiers and their events."""
    from isodesk.services.office.profile import get_profile

    query = query.cleaned()
    profile = get_profile(ctx)
    with ctx.unit_of_work() as s:
        require(s, Permission.PERSONAL_DATA_EXPORT)
        found = _matching(s, query)
        if not found:
            raise UserError(_("No applicant matches {query}.").format(query=_describe(query)))
        people = [
            {
                "id": a.id,
                "kind": a.kind,
                **{f: getattr(a, f) for f in Applicant.personal_fields},
                "recorded": _iso(a.created_at),
                "dossiers": _dossiers_of(s, a.id),
            }
            for a in found
        ]
        for a, person in zip(found, people, strict=True):  # who was given whose data: record and code, no value
            details = {"dossiers": len(person["dossiers"])}
            record_event(s, "export", Applicant.__tablename__, str(a.uuid), label_of(s, a), details)
    return {
        "format": "isodesk-personal-data/1",
        "exported_at": local_now().isoformat(timespec="seconds"),
        "office": {"unit_code": profile.unit_code, "unit_name": profile.unit_name},
        "query": {"name": query.name, "phone": query.phone, "id_number": query.id_number},
        "applicants": people,
    }


def _describe(query: PersonQuery) -> str:
    return ", ".join(v.shown(x) for x in (query.name, query.phone, query.id_number) if x)


def export_person(ctx: AppContext, query: PersonQuery, out: str | Path, passphrase: str | None = None) -> ExportResult:
    """Write the person's data as JSON (complete, for a machine) and CSV (to read in Excel, for the citizen).

    ``out`` names the files: its stem with ``.json`` and ``.csv``. With ``passphrase`` (the command line and the
    window always give one: the copy leaves the office) each file is encrypted (:mod:`isodesk.services.safety.
    sealed`, ``.isodesk-enc`` added to its name) and the person is told the passphrase apart from the files.
    """
    from isodesk.services.privacy.personal_files import csv_bytes, json_bytes, write_csv, write_json, write_sealed
    from isodesk.services.safety.sealed import SUFFIX, checked_passphrase

    if passphrase is not None:
        checked_passphrase(passphrase)
    data = person_data(ctx, query)
    base = Path(out)
    if base.suffix.lower() in (".json", ".csv"):
        base = base.with_suffix("")
    json_path, csv_path = base.with_name(base.name + ".json"), base.with_name(base.name + ".csv")
    if passphrase is None:
        write_json(json_path, data)
        write_csv(csv_path, data)
    else:
        unit = str(data["office"]["unit_code"])
        json_path, csv_path = json_path.with_name(json_path.name + SUFFIX), csv_path.with_name(csv_path.name + SUFFIX)
        write_sealed(json_path, json_bytes(data), passphrase, unit)
        write_sealed(csv_path, csv_bytes(data), passphrase, unit)
    dossiers = sum(len(a["dossiers"]) for a in data["applicants"])
    return ExportResult(len(data["applicants"]), dossiers, json_path, csv_path)


# -- erasure -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ErasureResult:
    applicants: int
    dossiers: int
    dry_run: bool
    cutoff: date | None = None
    backup: Path | None = None
    codes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"applicants": self.applicants, "dossiers": self.dossiers, "dry_run": self.dry_run}


def retention_cutoff(session: Session, today: date) -> date:
    """Dossiers settled before this day have outlived the retention period."""
    years = int(read_setting(session, "privacy.retention_years"))
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _expired_applicants(session: Session, cutoff: date) -> list[int]:
    """Applicants not yet erased whose every dossier was settled before ``cutoff`` (Vietnam time)."""
    before = datetime.combine(cutoff, time(), LOCAL_TZ)
    still_needed = exists().where(
        Dossier.applicant_id == Applicant.id,
        not_(and_(Dossier.status.in_(FINAL), Dossier.settled_at.is_not(None), Dossier.settled_at < before)),
    )
    return list(
        session.execute(select(Applicant.id).where(Applicant.name != "", not_(still_needed)).order_by(Applicant.id))
        .scalars()
        .all()
    )


def _dossier_count(session: Session, applicant_ids: list[int]) -> int:
    total = 0
    for chunk in _chunks(applicant_ids):
        total += session.execute(
            select(func.count()).select_from(Dossier).where(Dossier.applicant_id.in_(chunk))
        ).scalar_one()
    return total


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _erase(session: Session, applicant_ids: list[int]) -> int:
    """Blank the applicants' personal data and drop their names from the dossiers' search; return the dossiers."""
    session.execute(text("PRAGMA secure_delete=ON"))  # overwrite deleted content (https://sqlite.org/pragma.html)
    dossiers = 0
    for chunk in _chunks(applicant_ids):
        for person in session.execute(select(Applicant).where(Applicant.id.in_(chunk))).scalars():
            for name in Applicant.personal_fields:
                setattr(person, name, "")
        codes = session.execute(select(Dossier.id, Dossier.code).where(Dossier.applicant_id.in_(chunk))).all()
        if codes:
            # Core update: the search key is a local index, not dossier content, so the dossier's sync stamp stays.
            session.execute(
                update(Dossier),
                [{"id": dossier_id, "search_key": search_key(code)} for dossier_id, code in codes],
            )
        dossiers += len(codes)
        session.flush()
    # Merge the search index's segments so no deleted entry (the old names' trigrams) stays in the file.
    session.execute(text("INSERT INTO dossier_search(dossier_search) VALUES ('optimize')"))
    return dossiers


def _backup_before_erasure(ctx: AppContext) -> Path:
    """A copy of the database before personal data is erased: an erasure cannot be undone otherwise.

    The copy holds the data being erased; it is an event copy that rotation lets go after the newest few
    (:mod:`isodesk.domain.retention`), so it does not keep the data for good.
    """
    from isodesk.services.safety.backups import make_backup

    return make_backup(ctx.data_dir, "pre-erasure").path


def _checkpoint(ctx: AppContext) -> None:
    """Copy the erased pages into the database file and empty the write-ahead log, which still holds the old ones."""
    from isodesk.db.engine import run_outside_transaction

    run_outside_transaction(ctx.db.engine, "PRAGMA wal_checkpoint(TRUNCATE)")


def erase_expired(ctx: AppContext, *, dry_run: bool = False, today: date | None = None) -> ErasureResult:
    """Erase the personal data of applicants whose dossiers were all settled before the retention period."""
    today = today or local_today()
    require(ctx, Permission.PERSONAL_DATA_ERASE)
    with ctx.read() as s:
        cutoff = retention_cutoff(s, today)
        ids = _expired_applicants(s, cutoff)
        count = _dossier_count(s, ids)
    if dry_run or not ids:
        return ErasureResult(len(ids), count, dry_run, cutoff)
    backup = _backup_before_erasure(ctx)
    with ctx.unit_of_work() as s:
        require(s, Permission.PERSONAL_DATA_ERASE)
        ids = _expired_applicants(s, cutoff)  # again inside the transaction: the ledger may have moved meanwhile
        dossiers = _erase(s, ids)
        record_event(
            s, "erase", Applicant.__tablename__, "", RETENTION_ERASURE, {"rows": len(ids), "source": RETENTION_ERASURE}
        )
    _checkpoint(ctx)
    return ErasureResult(len(ids), dossiers, False, cutoff, backup)


def erase_applicants(ctx: AppContext, applicant_ids: list[int]) -> ErasureResult:
    """Erase the personal data of the given applicants at their request; all their dossiers must be settled."""
    if not applicant_ids:
        raise UserError(_("Give the applicant to erase (--id, as shown by “isodesk person find”)."))
    require(ctx, Permission.PERSONAL_DATA_ERASE)
    with ctx.read() as s:
        _check_erasable(s, applicant_ids)
    backup = _backup_before_erasure(ctx)
    with ctx.unit_of_work() as s:
        require(s, Permission.PERSONAL_DATA_ERASE)
        _check_erasable(s, applicant_ids)
        dossiers = _erase(s, sorted(set(applicant_ids)))
        ids = sorted(set(applicant_ids))
        record_event(
            s, "erase", Applicant.__tablename__, "", REQUESTED_ERASURE, {"rows": len(ids), "source": REQUESTED_ERASURE}
        )
    _checkpoint(ctx)
    return ErasureResult(len(set(applicant_ids)), dossiers, False, None, backup)


def _check_erasable(session: Session, applicant_ids: list[int]) -> None:
    for applicant_id in sorted(set(applicant_ids)):
        person = session.get(Applicant, applicant_id)
        if person is None:
            raise UserError(_("There is no applicant with id {id}.").format(id=applicant_id))
        if not person.name:
            raise UserError(_("The personal data of applicant {id} has already been erased.").format(id=applicant_id))
        open_codes = list(
            session.execute(
                select(Dossier.code).where(
                    Dossier.applicant_id == applicant_id,
                    not_(and_(Dossier.status.in_(FINAL), Dossier.settled_at.is_not(None))),
                )
            ).scalars()
        )
        if open_codes:
            raise UserError(
                _(
                    "The personal data of {name} cannot be erased yet: dossier {codes} is not settled. "
                    "Erase it once the result is returned or the dossier is closed."
                ).format(name=person.name, codes=", ".join(open_codes))
            )
