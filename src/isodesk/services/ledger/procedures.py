"""The procedure catalogue: the starter list, the office's own times and fees, and imports.

The 68 starter procedures (``resources/seed/procedures-commune.csv``) carry their source and a confidence mark;
values not confirmed are kept as such and shown so. Documents, fees, exemptions, legal basis and the catalogue's
own notes are separate fields (:mod:`isodesk.domain.procedures`): papers print the first four each in its place
and never the notes. Provinces publish their own lists (Quyết định công bố danh
mục TTHC) with other times and fees: an import shows what it adds, changes and removes before it is applied,
and applies all of it or nothing.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Procedure
from isodesk.domain import validation as v
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.domain.permissions import Permission
from isodesk.domain.procedures import (
    COLUMNS,
    MAX_TIME,
    OPTIONAL,
    REQUIRED,
    UNKNOWN,
    CatalogueRow,
    Component,
    LegalBasis,
    RowError,
    Step,
    parse_row,
    parse_steps,
    parse_time,
    stored_components,
)
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.text import nfc, search_key
from isodesk.resources_path import resource_path
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check, explain
from isodesk.services.safety.backups import before_import

#: A catalogue file larger than this is not a catalogue (the national list of commune procedures is ~100 kB).
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000

COMPARED = (
    "name",
    "field",
    "time_unit",
    "time_value",
    "cutoff_note",
    "fee",
    "components",
    "exemptions",
    "legal_basis",
    "notes",
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
    exemptions: str = ""
    legal_basis: tuple[dict[str, str], ...] = ()  # {kind, number, date (ISO or ""), title[, effective (ISO)]}
    notes: str = ""  # the catalogue's own remarks: shown on screen, never printed
    documents: tuple[Component, ...] = ()  # the components with their counts of originals and copies
    published_unit: str = UNKNOWN  # the time the catalogue gives, beside the office's own
    published_value: str = "0"
    published_fee: str = ""
    active: bool = True  # False once retired: the desk no longer receives it

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
            "exemptions": self.exemptions,
            "legal_basis": list(self.legal_basis),
            "notes": self.notes,
            "documents": [{"name": d.name, "originals": d.originals, "copies": d.copies} for d in self.documents],
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


def components_of(p: Procedure) -> tuple[Component, ...]:
    """The procedure's documents, with their counts where the catalogue gives them."""
    return stored_components(json.loads(p.components))


def _info(p: Procedure) -> ProcedureInfo:
    unit, value = effective_time(p)
    documents = components_of(p)
    return ProcedureInfo(
        p.code,
        p.name,
        p.field,
        unit,
        value or "0",
        p.office_fee or p.fee,
        p.cutoff_note,
        [d.name for d in documents],
        p.confidence,
        p.source,
        p.in_scope,
        bool(p.office_time_unit),
        json.loads(p.steps),
        p.exemptions,
        tuple(json.loads(p.legal_basis)),
        p.notes,
        documents,
        p.time_unit,
        p.time_value or "0",
        p.fee,
        p.active,
    )


def _apply_row(p: Procedure, row: CatalogueRow) -> None:
    p.name, p.field = nfc(row.name), nfc(row.field)
    p.time_unit, p.time_value = row.time_unit, row.time_value
    p.cutoff_note, p.fee = nfc(row.cutoff_note), nfc(row.fee)
    p.components = components_json(row.components)
    p.source, p.confidence = row.source, row.confidence
    p.steps = _steps_json(row.steps)
    if row.exemptions is not None:
        p.exemptions = nfc(row.exemptions)
    if row.legal_basis is not None:
        p.legal_basis = legal_basis_json(row.legal_basis)
    if row.notes is not None:
        p.notes = nfc(row.notes)
    p.search_key = search_key(f"{row.code} {row.name} {row.field}")


def components_json(components: tuple[Component, ...]) -> str:
    return json.dumps([Component(nfc(c.name), c.originals, c.copies).stored() for c in components], ensure_ascii=False)


def legal_basis_json(basis: tuple[LegalBasis, ...]) -> str:
    """{kind, number, date, title}, and the effective date only when known (so a list without one stores as
    before)."""
    items: list[dict[str, str]] = []
    for b in basis:
        item = {
            "kind": nfc(b.kind),
            "number": b.number,
            "date": b.day.isoformat() if b.day else "",
            "title": nfc(b.title),
        }
        if b.effective:
            item["effective"] = b.effective.isoformat()
        items.append(item)
    return json.dumps(items, ensure_ascii=False)


def seed_procedures(session: Session) -> None:
    """Load the starter catalogue (once, when the office is set up)."""
    text = resource_path("seed", "procedures-commune.csv").read_text("utf-8")
    for raw in csv.DictReader(io.StringIO(text)):
        p = Procedure(code=raw["code"].strip())
        _apply_row(p, parse_row(raw))
        session.add(p)


def read_procedure(session: Session, code: str) -> Procedure:
    code = check(v.procedure_code, code)
    p = session.execute(select(Procedure).where(Procedure.code == code)).scalar_one_or_none()
    if p is None:
        raise UserError(_("There is no procedure with code {code} in the catalogue.").format(code=code))
    return p


def list_procedures(ctx: AppContext, search: str = "", *, retired: bool = False) -> list[ProcedureInfo]:
    """The active procedures (with ``retired``, the retired ones too), by field and code."""
    key = search_key(check(v.text, search, v.SEARCH))
    with ctx.read() as s:
        query = select(Procedure).order_by(Procedure.field, Procedure.code)
        if not retired:
            query = query.where(Procedure.active.is_(True))
        if key:
            query = query.where(Procedure.search_key.contains(key))
        return [_info(p) for p in s.execute(query).scalars()]


def get_procedure(ctx: AppContext, code: str) -> ProcedureInfo:
    with ctx.read() as s:
        return _info(read_procedure(s, code))


def add_procedure(
    ctx: AppContext, code: str, name: str, processing: ProcessingTime, field: str = "", fee: str = ""
) -> ProcedureInfo:
    code = check(v.procedure_code, code)
    name = check(v.text, name, v.PROCEDURE_NAME)
    field, fee = check(v.text, field, v.PROCEDURE_FIELD), check(v.text, fee, v.FEE)
    _check_time(processing)
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
    return update_procedure(ctx, code, in_scope=in_scope)


def _parse_steps(steps_text: str) -> tuple[Step, ...]:
    try:
        return parse_steps(check(v.text, steps_text, STEPS))
    except RowError as exc:
        raise UserError(
            _("The step “{value}” cannot be read: write “name | responsible | 4h” or “... | 1d”.").format(
                value=v.shown(exc.value)
            )
        ) from exc
    except v.Invalid as exc:
        raise UserError(explain(exc)) from exc


STEPS = v.TextField(v.N_("The steps"), 2000)


def _check_time(processing: ProcessingTime | None) -> None:
    if processing is not None and not 0 <= processing.value <= MAX_TIME:
        raise UserError(_("The processing time must be between 0 and {n}.").format(n=MAX_TIME))


def set_steps(ctx: AppContext, code: str, steps_text: str) -> ProcedureInfo:
    """The internal steps of a procedure, written as in the import's ``steps`` column."""
    return update_procedure(ctx, code, steps=steps_text)


def set_office_time(
    ctx: AppContext, code: str, processing: ProcessingTime | None, fee: str | None = None
) -> ProcedureInfo:
    """The office's own processing time and fee (as published by its province); None restores the published one."""
    return update_procedure(ctx, code, processing=processing, set_time=True, fee=fee)


def update_procedure(
    ctx: AppContext,
    code: str,
    *,
    processing: ProcessingTime | None = None,
    set_time: bool = False,
    fee: str | None = None,
    steps: str | None = None,
    in_scope: bool | None = None,
) -> ProcedureInfo:
    """Change what the office sets on a procedure, all checked first and saved together (``procedure set``).

    ``set_time`` with ``processing`` None restores the published time; ``None`` elsewhere leaves a value as it is.
    """
    if set_time:
        _check_time(processing)
    clean_fee = None if fee is None else check(v.text, fee, v.FEE)
    parsed_steps = None if steps is None else _parse_steps(steps)
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        p = read_procedure(s, code)
        if set_time:
            p.office_time_unit = processing.unit.value if processing else None
            p.office_time_value = str(processing.value) if processing else None
        if clean_fee is not None:
            p.office_fee = clean_fee or None
        if parsed_steps is not None:
            p.steps = _steps_json(parsed_steps)
        if in_scope is not None:
            p.in_scope = in_scope
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


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The file's rows (with their row number) as dicts keyed by lower-case column name.

    CSV in UTF-8 or UTF-16 (Excel's "Unicode text"), separated by commas, semicolons or tabs; or XLSX (the first
    sheet, with the values Excel last computed for its formulas).
    """
    if not path.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise UserError(
            _("The file {path} is larger than {n} MB: it is not a procedure catalogue.").format(
                path=path.name, n=MAX_IMPORT_BYTES // 2**20
            )
        )
    table = _xlsx_table(path) if path.suffix.lower() == ".xlsx" else _csv_table(path)
    numbered = [(n, row) for n, row in enumerate(table, start=1) if any(cell.strip() for cell in row)]
    if not numbered:
        raise UserError(_("The file {path} is empty.").format(path=path.name))
    if len(numbered) > MAX_IMPORT_ROWS + 1:
        raise UserError(
            _("The file {path} has more than {n} rows: it is not a procedure catalogue.").format(
                path=path.name, n=MAX_IMPORT_ROWS
            )
        )
    (_h, header), *body = numbered
    names = [v.normalise(h).lower() for h in header]
    return [(n, dict(zip(names, row, strict=False))) for n, row in body]


def _xlsx_table(path: Path) -> list[list[str]]:
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            return [
                ["" if cell is None else str(cell) for cell in row]
                for row, _n in zip(sheet.iter_rows(values_only=True), range(MAX_IMPORT_ROWS + 2), strict=False)
            ]
        finally:
            book.close()
    except Exception as exc:  # openpyxl and zipfile raise many kinds for a damaged file
        raise UserError(
            _("The file {path} is not a readable Excel workbook ({reason}).").format(
                path=path.name, reason=v.shown(str(exc) or type(exc).__name__)
            )
        ) from exc


def _csv_table(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))  # Excel's "Unicode text" and some exporters
    try:
        text = data.decode("utf-16") if utf16 else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            _("The file {path} is not UTF-8 text. Save it as “CSV UTF-8” and try again.").format(path=path.name)
        ) from exc
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UserError(
            _("The file {path} cannot be read as CSV ({reason}). Save it again as “CSV UTF-8”.").format(
                path=path.name, reason=exc
            )
        ) from exc


def preview_import(ctx: AppContext, path: str | Path) -> ImportPreview:
    """What importing ``path`` would add, change and remove; nothing is written."""
    path = Path(path)
    raws = _read_rows(path)
    header = set(raws[0][1]) if raws else set()
    missing = [c for c in REQUIRED if c not in header]
    if missing or not raws:
        raise UserError(
            _("The file {path} lacks the columns {columns} (expected: {expected}).").format(
                path=path.name, columns=", ".join(missing) or "—", expected=", ".join(COLUMNS)
            )
        )
    unknown = sorted(c for c in header if c and c not in COLUMNS)
    if unknown:
        raise UserError(
            _(
                "The file {path} has columns the catalogue does not know: {columns}. Rename or remove them "
                "(the columns are: {expected})."
            ).format(path=path.name, columns=", ".join(v.shown(c) for c in unknown), expected=", ".join(COLUMNS))
        )
    preview = ImportPreview()
    seen: dict[str, int] = {}
    for number, raw in raws:
        try:
            row = parse_row(raw)
        except RowError as exc:
            raise UserError(
                _("Row {row}, column “{column}”: the value “{value}” cannot be read.").format(
                    row=number, column=exc.column, value=v.shown(exc.value)
                )
            ) from exc
        except v.Invalid as exc:
            raise UserError(_("Row {row}: {problem}").format(row=number, problem=explain(exc))) from exc
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
        fields = [f for f in COMPARED if not (f in OPTIONAL and getattr(row, f) is None)]  # absent: kept as is
        diff = {f: (getattr(current, f), getattr(probe, f)) for f in fields if getattr(current, f) != getattr(probe, f)}
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
