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
        try:
            value = Decimal(amount[:-1])
        except InvalidOperation as exc:
            raise RowError("steps", part) from exc
        if unit is None or value < 0:
            raise RowError("steps", part)
        steps.append(Step(fields[0], fields[1], ProcessingTime(unit, value)))
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
    def get(name: str) -> str:
        return (raw.get(name) or "").strip()

    for column in ("code", "name"):
        if not get(column):
            raise RowError(column, "")
    unit = get("time_unit")
    value = get("time_value")
    if unit in ("?", ""):
        unit = UNKNOWN
    elif unit not in {u.value for u in TimeUnit}:
        raise RowError("time_unit", unit)
    if unit != UNKNOWN:
        if unit == TimeUnit.SAME_DAY:
            value = value if value not in ("", "?") else "0"
        try:
            if Decimal(value) < 0:
                raise RowError("time_value", value)
        except InvalidOperation as exc:
            raise RowError("time_value", value) from exc
    components = tuple(c.strip() for c in get("components").split(";") if c.strip())
    return CatalogueRow(
        code=get("code"),
        name=get("name"),
        field=get("field"),
        time_unit=unit,
        time_value=value or "0",
        cutoff_note=get("cutoff"),
        fee=get("fee_vnd"),
        components=components,
        source=get("source"),
        confidence=get("confidence"),
        steps=parse_steps(get("steps")),
    )
