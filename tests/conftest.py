"""Shared test set-up. Qt must be told to draw offscreen before it is first imported."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ISODESK_DATA_DIR", None)

from collections.abc import Iterator
from pathlib import Path

import pytest

from isodesk.i18n import set_language


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    """Each test starts in Vietnamese, the program's default language, whatever the previous one switched to."""
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def office(data_dir: Path) -> Iterator[object]:
    """An open context for a set-up commune office (Phường Mỹ Tho, Đồng Tháp) on a real migrated database."""
    from isodesk.services.context import open_context
    from isodesk.services.office.profile import init_office

    ctx = open_context(data_dir)
    init_office(ctx, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Hùng")
    yield ctx
    ctx.close()
