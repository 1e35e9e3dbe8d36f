"""Reading procedure catalogue rows (the format of the shipped ``procedures-commune.csv``).

Columns: code, name, field, time_value, time_unit, cutoff, fee_vnd, components, source, confidence, and optionally
exemptions, legal_basis, notes and steps. Each kind of fact has its own column because each is printed in its own
place, or not at all:

- ``components``: the documents the applicant hands in, separated by "; " (the receipt slip's table, the ISO
  procedure's 5.1, the items a supplement request may ask for). Nothing else: no fee, no remark. A document may
  say how many originals and copies are handed in: "Tờ khai đăng ký khai sinh | 1 | 0" (name | originals | copies),
  printed in the slip's "Bản chính" and "Bản sao" columns.
- ``fee_vnd``: the fee ("0", "8000/bản", "HĐND" …, see :func:`isodesk.reports.words.fee_words`); ``exemptions``: who
  pays nothing, in words (the ISO procedure's 5.5, beside the fee).
- ``cutoff``: what the law adds to the processing time (the 15:00 cut-off, the extension when verification is
  needed), printed with the time.
- ``legal_basis``: the documents the procedure rests on, "kind | number | date | title" separated by ";", the date
  (the one the document is cited by, its signing date) as 2014-11-20 or 20/11/2014 and empty when not known, and
  optionally a fifth part, the date it took effect ("… | title | 2016-01-01"), e.g. "Luật Hộ tịch | 60/2014/QH13 |
  2014-11-20 | ;
  Nghị định | 123/2015/NĐ-CP | 2015-11-15 | của Chính phủ quy định chi tiết …" (the ISO procedure's references).
- ``notes``, ``source``, ``confidence``: the catalogue's own remarks and where its values come from; never printed.
- ``steps``: the internal steps as "name | responsible | time" separated by ";", time written "4h" (working hours)
  or "1d" (working days), e.g. "Tiếp nhận | Bộ phận một cửa | 2h; Thẩm định | Công chức Tư pháp - Hộ tịch | 1d".

``time_unit`` is working_days, working_hours, same_day, calendar_days, or "?" when the published unit was not
confirmed (then the office must set its own before dossiers can be received). A file without one of the optional
columns leaves that field of the procedures it lists as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
    "exemptions",
    "legal_basis",
    "notes",
    "steps",
)
#: Columns a file may leave out: the procedures it lists keep what they had.
OPTIONAL = ("exemptions", "legal_basis", "notes")
REQUIRED = ("code", "name", "time_value", "time_unit")
UNKNOWN = "unknown"
#: The longest processing time the program takes: the longest published ones are a few months in days.
MAX_TIME = Decimal(1000)
PROCESSING_TIME = v.N_("The processing time")
EFFECTIVE_DATE = v.N_("The effective date of a legal basis")
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


#: The most originals or copies of one document a catalogue may ask for.
MAX_COPIES = 99
ORIGINALS = v.N_("The number of originals")
COPIES = v.N_("The number of copies")


@dataclass(frozen=True)
class Component:
    """A document of the dossier and how many originals and copies of it are handed in: the receipt slip's
    "Bản chính" and "Bản sao" columns (TT 01/2018/TT-VPCP form 01; QĐ công bố TTHC: "Thành phần, số lượng hồ sơ").
    None: the catalogue does not say."""

    name: str
    originals: int | None = None
    copies: int | None = None

    def text(self) -> str:
        """As the import's ``components`` column writes it."""
        if self.originals is None and self.copies is None:
            return self.name
        return f"{self.name} | {_count_text(self.originals)} | {_count_text(self.copies)}"

    def stored(self) -> str | dict[str, object]:
        """As the catalogue stores it (a JSON list item): the bare name when no count is known."""
        if self.originals is None and self.copies is None:
            return self.name
        return {"name": self.name, "originals": self.originals, "copies": self.copies}


def _count_text(count: int | None) -> str:
    return "" if count is None else str(count)


def _count(text: str, label: str) -> int | None:
    return None if not text.strip() else v.whole_number(text, label, 0, MAX_COPIES)


def component(name: str, originals: str = "", copies: str = "") -> Component:
    """One document as typed: its name, and the counts as text (empty when not said)."""
    return Component(v.text(name, v.COMPONENT), _count(originals, ORIGINALS), _count(copies, COPIES))


def parse_components(text: str) -> tuple[Component, ...]:
    """The ``components`` column: "name; name | 1 | 2; …"."""
    out = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        fields = [f.strip() for f in part.split("|")]
        if len(fields) not in (1, 3) or not fields[0]:
            raise RowError("components", part)
        out.append(component(*fields))
    return tuple(out)


def stored_components(items: list[object]) -> tuple[Component, ...]:
    """The catalogue's stored list (names, or {name, originals, copies}) as components."""
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(Component(str(item.get("name", "")), item.get("originals"), item.get("copies")))
        else:
            out.append(Component(str(item)))
    return tuple(out)


@dataclass(frozen=True)
class LegalBasis:
    """A document a procedure rests on, as an ISO procedure's references cite it: "Nghị định số 123/2015/NĐ-CP
    ngày 15 tháng 11 năm 2015 của Chính phủ quy định …" (kind, number, date, title; the date may be unknown)."""

    kind: str  # "Luật Hộ tịch", "Nghị định", "Quyết định"
    number: str  # "123/2015/NĐ-CP"
    day: date | None
    title: str = ""
    effective: date | None = None  # when it took effect, which may come months after it was signed


def parse_legal_basis(text: str) -> tuple[LegalBasis, ...]:
    out = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        fields = [f.strip() for f in part.split("|")]
        if not 2 <= len(fields) <= 5 or not fields[0] or not fields[1]:
            raise RowError("legal_basis", part)
        fields += [""] * (5 - len(fields))
        kind, number = v.text(fields[0], v.LEGAL_BASIS), v.text(fields[1], v.LEGAL_BASIS)
        day = v.parse_date(fields[2], v.N_("The date of a legal basis")) if fields[2] else None
        effective = v.parse_date(fields[4], EFFECTIVE_DATE) if fields[4] else None
        out.append(LegalBasis(kind, number, day, v.text(fields[3], v.LEGAL_BASIS), effective))
    return tuple(out)


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
    components: tuple[Component, ...] = ()
    steps: tuple[Step, ...] = ()
    source: str = ""
    confidence: str = ""
    # None: the file has no such column, the procedure keeps what it had.
    exemptions: str | None = None
    legal_basis: tuple[LegalBasis, ...] | None = None
    notes: str | None = None

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

    def optional(name: str) -> str | None:
        return None if name not in raw else get(name)

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
    components = parse_components(get("components"))
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
        exemptions=None if (e := optional("exemptions")) is None else v.text(e, v.EXEMPTIONS),
        legal_basis=None if (b := optional("legal_basis")) is None else parse_legal_basis(b),
        notes=None if (n := optional("notes")) is None else v.text(n, v.CATALOGUE_NOTES),
    )
