"""What the first-run wizard asks of the database before an office exists."""

from __future__ import annotations

from isodesk.services.context import AppContext
from isodesk.services.office.units import UnitInfo, ensure_reference_data, find_units, read_provinces


def prepare(ctx: AppContext) -> None:
    """Make sure the national unit list is in the database (first start only)."""
    with ctx.unit_of_work() as s:
        ensure_reference_data(s)


def list_provinces(ctx: AppContext, text: str = "") -> list[UnitInfo]:
    """Provinces and centrally-run cities, in Vietnamese order; ``text`` filters accent-insensitively."""
    with ctx.read() as s:
        if text.strip():
            return find_units(s, None, text)
        return read_provinces(s)


def find_communes(ctx: AppContext, province_code: str, text: str = "") -> list[UnitInfo]:
    with ctx.read() as s:
        return find_units(s, province_code, text, limit=500)
