"""Shared test set-up. Qt must be told to draw offscreen before it is first imported."""

from __future__ import annotations

import faulthandler
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ISODESK_DATA_DIR", None)

from collections.abc import Iterator
from pathlib import Path

import pytest

from isodesk.i18n import set_language

# A test that waits on something that never comes (a modal dialog nobody closes) would hold the whole run until CI
# gives up, saying nothing. After this long, every thread's stack is printed and the run ends with a failure.
HANG_SECONDS = 900


@pytest.fixture(autouse=True)
def _no_test_hangs() -> Iterator[None]:
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


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
