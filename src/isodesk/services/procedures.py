"""The procedure catalogue: the starter list, the office's own times and fees, and imports.

The 68 starter procedures (``resources/seed/procedures-commune.csv``) carry their source and a confidence mark;
values not confirmed are kept as such and shown so. Provinces publish their own lists (Quyết định công bố danh
mục TTHC) with other times and fees: an import shows what it adds, changes and removes before it is applied,
and applies all of it or nothing.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Procedure
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.domain.permissions import Permission
from isodesk.domain.procedures import (
    COLUMNS,
    REQUIRED,
    UNKNOWN,
    CatalogueRow,
    RowError,
    Step,
    parse_row,
    parse_steps,
    parse_time,
)
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.text import nfc, search_key
from isodesk.services.auth import require
from isodesk.services.backups import before_import
from isodesk.services.context import AppContext

COMPARED = (
    "name",
    "field",
    "time_unit",
    "time_value",
    "cutoff_note",
    "fee",
    "components",
    "steps",
    "source",
    "confidence",
)


@dataclass(frozen=True)
class ProcedureInfo:
    code: str
    name: str
    field: str
    time_unit: str
    time_value: str
    fee: str
    cutoff_note: str
    components: list[str]
    confidence: str
    source: str
    in_scope: bool
    office_time: bool  # the office set its own time
    steps: list[dict[str, str]]

    @property
    def processing_time(self) -> ProcessingTime | None:
        return parse_time(self.time_unit, self.time_value)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "field": self.field,
            "fee": self.fee,
            "confidence": self.confidence,
            "confirmed": self.time_unit != UNKNOWN,
            "in_scope": self.in_scope,
            "steps": self.steps,
        }
        pt = self.processing_time
        if pt is None:
            out["time_unknown"] = True
        elif pt.unit is TimeUnit.SAME_DAY:
            out["same_day"] = True
        elif pt.unit is TimeUnit.WORKING_HOURS:
            out["hours"] = _number(pt.value)
        elif pt.unit is TimeUnit.CALENDAR_DAYS:
            out["days"] = _number(pt.value)
        else:
            out["working_days"] = _number(pt.value)
        return out


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def effective_time(p: Procedure) -> tuple[str, str]:
    """The unit and value in force for this office: its own when it set one, else the published one."""
    if p.office_time_unit:
        return p.office_time_unit, p.office_time_value or "0"
    return p.time_unit, p.time_value or "0"


def processing_time_of(p: Procedure) -> ProcessingTime | None:
    return parse_time(*effective_time(p))


def _info(p: Procedure) -> ProcedureInfo:
    unit, value = effective_time(p)
    return ProcedureInfo(
        p.code,
        p.name,
        p.field,
        unit,
        value or "0",
        p.office_fee or p.fee,
        p.cutoff_note,
        json.loads(p.components),
        p.confidence,
        p.source,
        p.in_scope,
        bool(p.office_time_unit),
        json.loads(p.steps),
    )


def _apply_row(p: Procedure, row: CatalogueRow) -> None:
    p.name, p.field = nfc(row.name), nfc(row.field)
    p.time_unit, p.time_value = row.time_unit, row.time_value
    p.cutoff_note, p.fee = nfc(row.cutoff_note), nfc(row.fee)
    p.components = json.dumps([nfc(c) for c in row.components], ensure_ascii=False)
    p.source, p.confidence = row.source, row.confidence
    p.steps = _steps_json(row.steps)
    p.search_key = search_key(f"{row.code} {row.name} {row.field}")


def seed_procedures(session: Session) -> None:
    """Load the starter catalogue (once, when the office is set up)."""
    text = resources.files("isodesk.resources.seed").joinpath("procedures-commune.csv").read_text("utf-8")
    for raw in csv.DictReader(io.StringIO(text)):
        p = Procedure(code=raw["code"].strip())
        _apply_row(p, parse_row(raw))
        session.add(p)


def find_procedure(session: Session, code: str) -> Procedure:
    p = session.execute(select(Procedure).where(Procedure.code == code.strip())).scalar_one_or_none()
    if p is None:
        raise UserError(_("There is no procedure with code {code} in the catalogue.").format(code=code))
    return p


def list_procedures(ctx: AppContext, search: str = "") -> list[ProcedureInfo]:
    key = search_key(search)
    with ctx.read() as s:
        query = select(Procedure).where(Procedure.active.is_(True)).order_by(Procedure.field, Procedure.code)
        if key:
            query = query.where(Procedure.search_key.contains(key))
        return [_info(p) for p in s.execute(query).scalars()]


def get_procedure(ctx: AppContext, code: str) -> ProcedureInfo:
    with ctx.read() as s:
        return _info(find_procedure(s, code))


def add_procedure(
    ctx: AppContext, code: str, name: str, processing: ProcessingTime, field: str = "", fee: str = ""
) -> ProcedureInfo:
    code, name = nfc(code), nfc(name)
    if not code or not name:
        raise UserError(_("A procedure needs a code and a name."))
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        if s.execute(select(Procedure.id).where(Procedure.code == code)).first():
            raise UserError(_("A procedure with code {code} already exists.").format(code=code))
        p = Procedure(code=code)
        _apply_row(
            p,
            CatalogueRow(
                code,
                name,
                field,
                processing.unit.value,
                str(processing.value),
                "",
                fee,
                source=_("entered by the office"),
                confidence="high",
            ),
        )
        s.add(p)
        s.flush()
        return _info(p)


def _steps_json(steps: tuple[Step, ...]) -> str:
    return json.dumps(
        [
            {"name": s.name, "responsible": s.responsible, "unit": s.time.unit.value, "value": str(s.time.value)}
            for s in steps
        ],
        ensure_ascii=False,
    )


def set_scope(ctx: AppContext, code: str, in_scope: bool) -> ProcedureInfo:
    """Whether the procedure is in the scope of the office's QMS (ISO 9001 clause 4.3)."""
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        p = find_procedure(s, code)
        p.in_scope = in_scope
        s.flush()
        return _info(p)


def set_steps(ctx: AppContext, code: str, steps_text: str) -> ProcedureInfo:
    """The internal steps of a procedure, written as in the import's ``steps`` column."""
    try:
        steps = parse_steps(steps_text)
    except RowError as exc:
        raise UserError(
            _("The step “{value}” cannot be read: write “name | responsible | 4h” or “... | 1d”.").format(
                value=exc.value
            )
        ) from exc
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        p = find_procedure(s, code)
        p.steps = _steps_json(steps)
        s.flush()
        return _info(p)


def set_office_time(
    ctx: AppContext, code: str, processing: ProcessingTime | None, fee: str | None = None
) -> ProcedureInfo:
    """The office's own processing time and fee (as published by its province); None restores the published one."""
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        p = find_procedure(s, code)
        p.office_time_unit = processing.unit.value if processing else None
        p.office_time_value = str(processing.value) if processing else None
        if fee is not None:
            p.office_fee = nfc(fee) or None
        s.flush()
        return _info(p)


# -- import ------------------------------------------------------------------------------------------------
@dataclass
class ImportPreview:
    added: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    rows: list[CatalogueRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "changed": {k: {f: list(v) for f, v in c.items()} for k, c in self.changed.items()},
            "removed": self.removed,
        }


def _read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            sheet = load_workbook(path, read_only=True, data_only=True).active
            values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise UserError(
                _("The file {path} is not a readable Excel workbook ({reason}).").format(path=path, reason=exc)
            ) from exc
        if not values:
            raise UserError(_("The file {path} is empty.").format(path=path))
        header, *body = values
        return [dict(zip(header, row, strict=False)) for row in body if any(cell.strip() for cell in row)]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            _("The file {path} is not UTF-8 text. Save it as “CSV UTF-8” and try again.").format(path=path)
        ) from exc
    return list(csv.DictReader(io.StringIO(text)))


def preview_import(ctx: AppContext, path: str | Path) -> ImportPreview:
    """What importing ``path`` would add, change and remove; nothing is written."""
    path = Path(path)
    raws = _read_rows(path)
    header = set(raws[0]) if raws else set()
    missing = [c for c in REQUIRED if c not in header]
    if missing or not raws:
        raise UserError(
            _("The file {path} lacks the columns {columns} (expected: {expected}).").format(
                path=path.name, columns=", ".join(missing) or "—", expected=", ".join(COLUMNS)
            )
        )
    preview = ImportPreview()
    seen: dict[str, int] = {}
    for number, raw in enumerate(raws, start=2):
        try:
            row = parse_row(raw)
        except RowError as exc:
            raise UserError(
                _("Row {row}, column “{column}”: the value “{value}” cannot be read.").format(
                    row=number, column=exc.column, value=exc.value
                )
            ) from exc
        if row.code in seen:
            raise UserError(
                _("Rows {first} and {second} have the same procedure code {code}.").format(
                    first=seen[row.code], second=number, code=row.code
                )
            )
        seen[row.code] = number
        preview.rows.append(row)
    with ctx.read() as s:
        existing = {p.code: p for p in s.execute(select(Procedure).where(Procedure.active.is_(True))).scalars()}
    for row in preview.rows:
        current = existing.get(row.code)
        if current is None:
            preview.added.append(row.code)
            continue
        probe = Procedure(code=row.code)
        _apply_row(probe, row)
        diff = {
            f: (getattr(current, f), getattr(probe, f)) for f in COMPARED if getattr(current, f) != getattr(probe, f)
        }
        if diff:
            preview.changed[row.code] = diff
    preview.removed = sorted(set(existing) - set(seen))
    return preview


def apply_import(ctx: AppContext, path: str | Path, *, remove_missing: bool = False) -> ImportPreview:
    """Apply the import as one transaction. Procedures absent from the file are withdrawn only if asked."""
    require(ctx, Permission.PROCEDURE_MANAGE)  # before reading the file: say first what is missing
    preview = preview_import(ctx, path)
    before_import(ctx.data_dir)
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        existing = {p.code: p for p in s.execute(select(Procedure)).scalars()}
        for row in preview.rows:
            p = existing.get(row.code)
            if p is None:
                p = Procedure(code=row.code)
                s.add(p)
            p.active = True
            _apply_row(p, row)
        if remove_missing:
            for code in preview.removed:
                existing[code].active = False
    if not remove_missing:
        preview.removed = []
    return preview


def procedure_dict(info: ProcedureInfo) -> dict[str, Any]:
    return asdict(info)
