"""Editing the procedure catalogue from its screen (Một cửa › Danh mục thủ tục): everything the office sets on one
procedure, checked first and saved together; adding a procedure of its own; retiring one it no longer handles.

The published values (the catalogue's time and fee, with their source) stay as they were: the office's time and
fee are stored beside them (:class:`isodesk.db.models.Procedure`). The documents, exemptions, internal steps and
legal basis are the catalogue's own fields, which a later import of the province's list may bring up to date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from isodesk.db.models import Procedure
from isodesk.domain import validation as v
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.domain.permissions import Permission
from isodesk.domain.procedures import (
    EFFECTIVE_DATE,
    MAX_TIME,
    PROCESSING_TIME,
    STEP_TIME,
    UNKNOWN,
    Component,
    LegalBasis,
    Step,
    component,
    parse_time,
)
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.text import nfc, search_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.ledger.calendar import describe_time
from isodesk.services.ledger.procedures import (
    ProcedureInfo,
    components_json,
    legal_basis_json,
    read_procedure,
)
from isodesk.services.ledger.procedures import _info as to_info
from isodesk.services.ledger.procedures import _steps_json as steps_json

#: Units the office may give a procedure's time in (TimeUnit values); "" keeps the catalogue's published time.
TIME_UNITS = tuple(u.value for u in TimeUnit)
#: Units of an internal step's time budget: the import's "4h" and "1d".
STEP_UNITS = (TimeUnit.WORKING_HOURS.value, TimeUnit.WORKING_DAYS.value)
TIME_UNIT_NAMES = {
    TimeUnit.WORKING_DAYS.value: N_("working days"),
    TimeUnit.WORKING_HOURS.value: N_("working hours"),
    TimeUnit.CALENDAR_DAYS.value: N_("calendar days"),
    TimeUnit.SAME_DAY.value: N_("same day"),
}
NOT_CONFIRMED = N_("not confirmed")


def time_unit_name(unit: str) -> str:
    """A unit of processing time in words (an unknown one as "not confirmed")."""
    return _(TIME_UNIT_NAMES.get(unit, NOT_CONFIRMED))


#: The catalogue's fields in words, as an import's preview names what it changes.
FIELD_WORDS = {
    "name": N_("name"),
    "field": N_("field"),
    "time_unit": N_("unit of time"),
    "time_value": N_("processing time"),
    "cutoff_note": N_("additions to the time"),
    "fee": N_("fee"),
    "components": N_("documents"),
    "exemptions": N_("exemptions"),
    "legal_basis": N_("legal basis"),
    "notes": N_("notes"),
    "steps": N_("internal steps"),
    "source": N_("source"),
    "confidence": N_("confidence"),
}


def field_words(fields: Iterable[str]) -> str:
    """ "processing time, fee": the fields an import changes, in words."""
    return ", ".join(_(FIELD_WORDS[f]) if f in FIELD_WORDS else f for f in fields)


#: How sure the catalogue is of a procedure's published values (the starter list's ``confidence`` column).
CONFIDENCE_NAMES = {"high": N_("confirmed"), "medium": N_("likely"), "low": N_("to check")}


def confidence_name(confidence: str) -> str:
    return _(CONFIDENCE_NAMES[confidence]) if confidence in CONFIDENCE_NAMES else confidence


#: The administrative level every procedure of the catalogue is settled at. The starter list and the lists an
#: office imports are the province's lists of procedures of the commune-level People's Committee (Quyết định công
#: bố danh mục TTHC thuộc thẩm quyền giải quyết của UBND cấp xã; since 1 July 2025 communes, wards and special zones
#: are the one level below the province). The level of the online public service (toàn trình, một phần) is in
#: neither list, so the catalogue does not guess it.
COMMUNE_LEVEL = N_("Commune level")


def level_name() -> str:
    """ "Commune level": the level the catalogue's procedures are settled at, in words."""
    return _(COMMUNE_LEVEL)


def number_text(value: str) -> str:
    """A time's number as people write it: "3", "1,5" (the decimal comma)."""
    number = Decimal(value or "0")
    text = str(number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize())
    return text.replace(".", ",")


def time_words(unit: str, value: str) -> str:
    """ "5 working days", "same day", "not confirmed": a catalogue's time in words."""
    processing = parse_time(unit, value)
    return _(NOT_CONFIRMED) if processing is None else describe_time(processing)


def typed_time(unit: str, value: str) -> ProcessingTime:
    """A processing time as typed on a screen (a number and its unit), or a :class:`UserError` saying what is wrong;
    the same rules as the catalogue's (0 to :data:`MAX_TIME`, never negative)."""
    return _time(unit, value, PROCESSING_TIME)


@dataclass(frozen=True)
class ProcedureEdit:
    """What the catalogue screen sends for one procedure, as typed; :func:`edit_procedure` checks every part."""

    name: str
    field: str = ""
    time_unit: str = ""  # a TimeUnit value; "" uses the catalogue's published time
    time_value: str = "0"  # 3, 1,5 or 1.5
    fee: str = ""
    exemptions: str = ""
    components: tuple[tuple[str, str, str], ...] = ()  # (document, originals, copies); counts may be ""
    steps: tuple[tuple[str, str, str, str], ...] = ()  # (name, responsible, unit of STEP_UNITS, time)
    in_scope: bool = True
    #: (kind, number, date it is cited by, title, date it took effect); the dates as typed, or ""
    legal_basis: tuple[tuple[str, str, str, str, str], ...] = ()


@dataclass(frozen=True)
class _Checked:
    name: str
    field: str
    processing: ProcessingTime | None
    fee: str
    exemptions: str
    components: tuple[Component, ...]
    steps: tuple[Step, ...]
    in_scope: bool
    legal_basis: tuple[LegalBasis, ...]


def _time(unit: str, value: str, label: str) -> ProcessingTime:
    if unit not in TIME_UNITS:
        raise UserError(_("Choose the unit of the processing time."))
    if unit == TimeUnit.SAME_DAY:
        return ProcessingTime(TimeUnit.SAME_DAY, Decimal(0))
    if v.normalise(value).startswith("-"):
        raise UserError(_("{field} cannot be negative.").format(field=_(label)))
    return ProcessingTime(TimeUnit(unit), check(v.decimal_number, value, label, Decimal(0), MAX_TIME))


def _checked(edit: ProcedureEdit) -> _Checked:
    """Every part of ``edit`` checked, or a :class:`UserError` naming the first that is wrong; nothing is saved."""
    name = check(v.text, edit.name, v.PROCEDURE_NAME)
    field = check(v.text, edit.field, v.PROCEDURE_FIELD)
    processing = _time(edit.time_unit, edit.time_value, PROCESSING_TIME) if edit.time_unit else None
    components = tuple(
        check(component, doc, originals, copies) for doc, originals, copies in edit.components if v.normalise(doc)
    )
    if not components:
        raise UserError(
            _(
                "List at least one document of the dossier: the receipt slip and the supplement request name "
                "what the applicant hands in."
            )
        )
    steps = []
    for step_name, responsible, unit, amount in edit.steps:
        if not v.normalise(step_name):
            if v.normalise(responsible):
                raise UserError(_("A step has a responsible person but no name."))
            continue
        if unit not in STEP_UNITS:
            raise UserError(_("The time of a step is counted in working hours or working days."))
        steps.append(
            Step(
                check(v.text, step_name, v.STEP_PART),
                check(v.text, responsible, v.STEP_PART),
                _time(unit, amount, STEP_TIME),
            )
        )
    basis = []
    for kind, number, day, title, effective in edit.legal_basis:
        if not (v.normalise(kind) or v.normalise(number) or v.normalise(title)):
            continue
        if not v.normalise(kind) or not v.normalise(number):
            raise UserError(_("Each legal basis needs its kind (Luật, Nghị định, Quyết định …) and its number."))
        basis.append(
            LegalBasis(
                check(v.text, kind, v.LEGAL_BASIS),
                check(v.text, number, v.LEGAL_BASIS),
                check(v.parse_date, day, v.N_("The date of a legal basis")) if v.normalise(day) else None,
                check(v.text, title, v.LEGAL_BASIS),
                check(v.parse_date, effective, EFFECTIVE_DATE) if v.normalise(effective) else None,
            )
        )
    return _Checked(
        name,
        field,
        processing,
        check(v.text, edit.fee, v.FEE),
        check(v.text, edit.exemptions, v.EXEMPTIONS),
        components,
        tuple(steps),
        edit.in_scope,
        tuple(basis),
    )


def _apply(p: Procedure, c: _Checked) -> None:
    p.name, p.field = nfc(c.name), nfc(c.field)
    p.office_time_unit = c.processing.unit.value if c.processing else None
    p.office_time_value = str(c.processing.value) if c.processing else None
    p.office_fee = None if c.fee == p.fee else c.fee
    p.exemptions = nfc(c.exemptions)
    p.components = components_json(c.components)
    p.steps = steps_json(c.steps)
    p.in_scope = c.in_scope
    p.legal_basis = legal_basis_json(c.legal_basis)
    p.search_key = search_key(f"{p.code} {p.name} {p.field}")


def edit_procedure(ctx: AppContext, code: str, edit: ProcedureEdit, *, new: bool = False) -> ProcedureInfo:
    """Save what the office set on procedure ``code``, all of it or nothing.

    With ``new`` the code must not be in the catalogue yet, and the procedure is added as the office's own entry
    (its source says so). A procedure needs its documents: the receipt slip lists them (TT 01/2018/TT-VPCP form 01)
    and a supplement request names the missing ones among them.
    """
    checked = _checked(edit)
    if new:
        code = check(v.procedure_code, code)
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        if new:
            if s.execute(select(Procedure.id).where(Procedure.code == code)).first():
                raise UserError(_("A procedure with code {code} already exists.").format(code=code))
            p = Procedure(code=code, source=_("entered by the office"), confidence="high", active=True)
            p.fee = checked.fee  # the office's own entry: what it typed is the catalogue's value
            p.time_unit = checked.processing.unit.value if checked.processing else UNKNOWN
            p.time_value = str(checked.processing.value) if checked.processing else "0"
            s.add(p)
        else:
            p = read_procedure(s, code)
        _apply(p, checked)
        s.flush()
        return to_info(p)


def restore_procedure(ctx: AppContext, code: str) -> ProcedureInfo:
    """Bring a retired procedure back to the desk, as it was when it was retired."""
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        p = read_procedure(s, code)
        if p.active:
            raise UserError(_("Procedure {code} is in use already.").format(code=p.code))
        p.active = True
        s.flush()
        return to_info(p)


def retire_procedure(ctx: AppContext, code: str) -> ProcedureInfo:
    """Take a procedure out of the catalogue the desk receives for (the province abolished or moved it). Its
    dossiers keep it; an import that lists the code again brings it back."""
    with ctx.unit_of_work() as s:
        require(s, Permission.PROCEDURE_MANAGE)
        p = read_procedure(s, code)
        if not p.active:
            raise UserError(_("Procedure {code} is already retired.").format(code=p.code))
        p.active = False
        s.flush()
        return to_info(p)
