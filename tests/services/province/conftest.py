"""A demo unit office and a province office on real migrated databases, shared by the province's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from isodesk.services.context import AppContext, open_context
from isodesk.services.office.demo import fill_demo
from isodesk.services.office.profile import init_office


@pytest.fixture
def unit(office: AppContext) -> AppContext:
    office.actor = "admin"
    fill_demo(office, 30)
    office.actor = "admin"
    return office


def province_office(folder: Path) -> AppContext:
    """A province office of Đồng Tháp set up in ``folder``, its administrator acting."""
    folder.mkdir()
    ctx = open_context(folder)
    init_office(ctx, province_code="82", role="province", leader_name="Trần Văn Tỉnh")
    ctx.actor = "admin"
    return ctx


@pytest.fixture
def province(tmp_path: Path) -> Iterator[AppContext]:
    ctx = province_office(tmp_path / "tỉnh")
    yield ctx
    ctx.close()
