"""Setting up the office and editing its profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from isodesk.errors import NotInitialisedError, UserError
from isodesk.services.context import AppContext, open_context
from isodesk.services.office.profile import get_profile, init_office, office_info, update_profile
from isodesk.services.settings import get_setting, set_setting


def test_profile_after_init(office: AppContext) -> None:
    profile = get_profile(office)
    assert profile.unit_name == "Phường Mỹ Tho" and profile.province_name == "Tỉnh Đồng Tháp"
    assert profile.heading_name == "UBND PHƯỜNG MỸ THO"
    assert profile.leader_title == "Chủ tịch" and profile.agency_code == "28261"


def test_cannot_set_up_twice(office: AppContext) -> None:
    with pytest.raises(UserError):
        init_office(office, province_code="82", unit_code="28261")


def test_province_office(data_dir: Path) -> None:
    ctx = open_context(data_dir)
    try:
        profile = init_office(ctx, province_code="92", role="province")
        assert (profile.unit_code, profile.role, profile.unit_name) == ("92", "province", "Thành phố Cần Thơ")
    finally:
        ctx.close()


def test_commune_office_needs_its_commune(data_dir: Path) -> None:
    ctx = open_context(data_dir)
    try:
        with pytest.raises(UserError):
            init_office(ctx, province_code="82")
        with pytest.raises(UserError):
            init_office(ctx, province_code="82", unit_code="28261", role="district")
        with pytest.raises(NotInitialisedError):
            get_profile(ctx)
    finally:
        ctx.close()


def test_update_profile_normalises_text(office: AppContext) -> None:
    import unicodedata

    update_profile(office, iso_secretary=unicodedata.normalize("NFD", " Lê  Minh Đức "))
    assert get_profile(office).iso_secretary == "Lê Minh Đức"
    with pytest.raises(ValueError):
        update_profile(office, unit_code="00001")


def test_info_keys(office: AppContext) -> None:
    info = office_info(office)
    assert {"unit_code", "unit_name", "province_code", "role", "schema_version", "data_dir"} <= set(info)


def test_settings_default_and_saved(office: AppContext) -> None:
    assert get_setting(office, "ui.language") == "vi"
    set_setting(office, "ui.language", "en")
    assert get_setting(office, "ui.language") == "en"
    with pytest.raises(ValueError):
        set_setting(office, "ui.language", "fr")
