"""Each committed use case says which kinds of data it changed, read from what its unit of work wrote."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest

from isodesk.db.base import Base
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.changes import TABLE_CHANGES, Change, recording
from isodesk.services.context import AppContext
from isodesk.services.ledger.calendar import set_day
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier, show_dossier
from isodesk.services.ledger.procedures import set_steps
from isodesk.services.office.staff import add_staff
from isodesk.services.settings import set_setting

RECEIVED_AT = datetime(2026, 11, 16, 9, 0, tzinfo=LOCAL_TZ)


def _receive(office: AppContext) -> str:
    return receive_dossier(office, "1.004873", ApplicantInput("Nguyễn Văn Bình"), received_at=RECEIVED_AT).code


def test_every_table_says_what_it_changes() -> None:
    """A new model must name the screens its changes refresh."""
    assert set(Base.metadata.tables) <= set(TABLE_CHANGES)


def test_use_cases_report_what_they_wrote(office: AppContext) -> None:
    with recording() as received:
        code = _receive(office)
    assert received == {Change.LEDGER, Change.STATS, Change.TRAIL}
    with recording() as moved:
        move_dossier(office, code, "processing", at=RECEIVED_AT.replace(hour=10))
    assert moved == {Change.LEDGER, Change.STATS, Change.TRAIL}
    cases = (
        (lambda: set_setting(office, "ledger.max_extensions", 2), {Change.SETTINGS, Change.TRAIL}),
        (lambda: set_day(office, date(2026, 12, 31), "day_off", "Thông báo"), {Change.CALENDAR, Change.TRAIL}),
        (lambda: add_staff(office, "Huỳnh Thị Mỹ Linh", "Tư pháp - Hộ tịch"), {Change.OFFICE, Change.TRAIL}),
        (lambda: set_steps(office, "1.004873", "Thẩm định | Tư pháp | 1d"), {Change.PROCEDURES, Change.TRAIL}),
    )
    for action, expected in cases:
        with recording() as seen:
            action()
        assert seen == expected


def test_reads_and_refusals_change_nothing(office: AppContext) -> None:
    code = _receive(office)
    with recording() as seen:
        show_dossier(office, code)
        with pytest.raises(UserError):
            move_dossier(office, code, "returned", at=RECEIVED_AT.replace(hour=10))  # not ready: rolled back
    assert seen == set()


def test_what_one_thread_commits_is_not_reported_to_another(office: AppContext) -> None:
    with recording() as here:
        worker = threading.Thread(target=lambda: _receive(office))
        worker.start()
        worker.join()
    assert here == set()
