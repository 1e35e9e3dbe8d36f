"""The national unit list in the database: search, aliases, names over time."""

from __future__ import annotations

from datetime import date

import pytest

from isodesk.errors import UserError
from isodesk.services.context import AppContext
from isodesk.services.office import setup
from isodesk.services.office.units import name_on, normalise_code, read_unit


def test_reference_list_has_the_two_level_units(office: AppContext) -> None:
    provinces = setup.list_provinces(office)
    assert len(provinces) == 34
    assert provinces[0].name == "Tỉnh An Giang"  # Vietnamese order ignoring the "Tỉnh"/"Thành phố" prefix
    communes = setup.find_communes(office, "82")
    assert len(communes) > 50 and all(c.province_code == "82" for c in communes)


def test_search_is_accent_insensitive_and_finds_former_names(office: AppContext) -> None:
    # Without accents "my tho" also matches "Mỹ Thọ": both are offered, in Vietnamese order.
    assert [u.name for u in setup.find_communes(office, "82", "my tho")] == ["Phường Mỹ Tho", "Xã Mỹ Thọ"]
    assert [u.name for u in setup.find_communes(office, "82", "mỹ thọ")] == ["Phường Mỹ Tho", "Xã Mỹ Thọ"]
    found = setup.list_provinces(office, "tien giang")
    assert [(u.code, u.matched_alias) for u in found] == [("82", "Tỉnh Tiền Giang")]
    assert [u.code for u in setup.list_provinces(office, "ĐỒNG THÁP")] == ["82"]


def test_codes_are_normalised_and_checked(office: AppContext) -> None:
    assert normalise_code("1", province=True) == "01"
    assert normalise_code(70, province=False) == "00070"
    with pytest.raises(UserError):
        normalise_code("8a", province=True)
    with office.read() as s:
        assert read_unit(s, "82", province=True).name == "Tỉnh Đồng Tháp"
        with pytest.raises(UserError):
            read_unit(s, "28261", province=True)


def test_name_on_a_date(office: AppContext) -> None:
    with office.read() as s:
        assert name_on(s, "28261", date(2026, 1, 1)) == "Phường Mỹ Tho"
        # Before the 2025 rearrangement the papers carry the name of the ward the office was then (a former name);
        # the old city's name is an alias for searching, never printed as this unit's name.
        assert name_on(s, "28261", date(2024, 1, 1)) == "Phường 1"
        assert name_on(s, "28261", date(2025, 6, 30)) == "Phường 1"
        assert name_on(s, "28261", date(2025, 7, 1)) == "Phường Mỹ Tho"
