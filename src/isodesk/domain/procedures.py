"""Reading procedure catalogue rows (the format of the shipped ``procedures-commune.csv``).

Columns: code, name, field, time_value, time_unit, cutoff, fee_vnd, components, source, confidence, and optionally
steps: the internal steps as "name | responsible | time" separated by ";", time written "4h" (working hours) or
"1d" (working days), e.g. "Tiếp nhận | Bộ phận một cửa | 2h; Thẩm định | Công chức Tư pháp - Hộ tịch | 1d".
``time_unit`` is working_days, working_hours, same_day, calendar_days, or "?" when the published unit was not
confirmed (then the office must set its own before dossiers can be received). Components are separated by "; ".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from isodesk.domain import validation as v
from isodesk.domain.deadlines import ProcessingTime, TimeUnit

COLUMNS = (
    "code",
    "name",
    "field",
    "time_value",
    "time_unit",
    "cutoff",
    "fee_vnd",
    "components",
    "source",
    "confidence",
)
REQUIRED = ("code", "name", "time_value", "time_unit")
UNKNOWN = "unknown"
#: The longest processing time the program takes: the longest published ones are a few months in days.
MAX_TIME = Decimal(1000)
PROCESSING_TIME = v.N_("The processing time")
STEP_TIME = v.N_("The time of a step")


@dataclass(frozen=True)
class Step:
    """An internal step of a procedure: who does what within which time (the ISO procedure's step table)."""

    name: str
    responsible: str
    time: ProcessingTime


def parse_steps(text: str) -> tuple[Step, ...]:
    steps = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        fields = [f.strip() for f in part.split("|")]
        if len(fields) != 3 or not fields[0]:
            raise RowError("steps", part)
        amount = fields[2].lower()
        unit = {"h": TimeUnit.WORKING_HOURS, "d": TimeUnit.WORKING_DAYS}.get(amount[-1:])
        if unit is None:
            raise RowError("steps", part)
        value = v.decimal_number(amount[:-1], STEP_TIME, Decimal(0), MAX_TIME)
        name, responsible = v.text(fields[0], v.STEP_PART), v.text(fields[1], v.STEP_PART)
        steps.append(Step(name, responsible, ProcessingTime(unit, value)))
    return tuple(steps)


class RowError(ValueError):
    """A catalogue row that cannot be read: ``column`` names the culprit."""

    def __init__(self, column: str, value: str) -> None:
        super().__init__(f"{column}: {value!r}")
        self.column = column
        self.value = value


@dataclass(frozen=True)
class CatalogueRow:
    code: str
    name: str
    field: str
    time_unit: str  # a TimeUnit value or "unknown"
    time_value: str
    cutoff_note: str
    fee: str
    components: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    source: str = ""
    confidence: str = ""

    def processing_time(self) -> ProcessingTime | None:
        return parse_time(self.time_unit, self.time_value)


def parse_time(unit: str, value: str) -> ProcessingTime | None:
    if unit == UNKNOWN:
        return None
    try:
        number = Decimal(value) if value else Decimal(0)
    except InvalidOperation as exc:
        raise RowError("time_value", value) from exc
    return ProcessingTime(TimeUnit(unit), number)


def parse_row(raw: dict[str, str]) -> CatalogueRow:
    """One catalogue row, every cell normalised and checked (:mod:`isodesk.domain.validation`).

    Raises :class:`RowError` for a cell in the catalogue's own notation (time unit, steps) and
    :class:`~isodesk.domain.validation.Invalid` for a cell a general rule refuses.
    """

    def get(name: str) -> str:
        return v.normalise(raw.get(name) or "")

    unit = get("time_unit")
    value = get("time_value")
    if unit in ("?", ""):
        unit = UNKNOWN
    elif unit not in {u.value for u in TimeUnit}:
        raise RowError("time_unit", unit)
    if unit == TimeUnit.SAME_DAY and value in ("", "?"):
        value = "0"
    if unit != UNKNOWN:
        value = str(v.decimal_number(value, PROCESSING_TIME, Decimal(0), MAX_TIME))
    components = tuple(v.text(c, v.COMPONENT) for c in get("components").split(";") if c.strip())
    return CatalogueRow(
        code=v.procedure_code(get("code")),
        name=v.text(get("name"), v.PROCEDURE_NAME),
        field=v.text(get("field"), v.PROCEDURE_FIELD),
        time_unit=unit,
        time_value=value or "0",
        cutoff_note=v.text(get("cutoff"), v.CUTOFF_NOTE),
        fee=v.text(get("fee_vnd"), v.FEE),
        components=components,
        source=v.text(get("source"), v.SOURCE),
        confidence=get("confidence")[:10],
        steps=parse_steps(get("steps")),
    )
