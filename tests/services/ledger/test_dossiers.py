"""Receiving dossiers and moving them through their life, on a real database."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from isodesk.db.models import Applicant, Counter, Dossier, DossierEvent
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier, show_dossier
from isodesk.services.ledger.queries import DossierFilter, count_dossiers, list_dossiers
from isodesk.services.settings import set_setting

MARRIAGE_STATUS = "1.004873"  # 3 working days
BIRTH = "1.001193"  # same day


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


def receive(
    office: AppContext, name: str = "Nguyễn Văn Bình", when: datetime | None = None, code: str = MARRIAGE_STATUS
):
    return receive_dossier(office, code, ApplicantInput(name), received_at=when or at(2026, 11, 16))


def test_full_life_and_timeline(office: AppContext) -> None:
    r = receive(office)
    assert r.code == "28261-261116-0001"
    assert r.due == at(2026, 11, 19, 17, 0)
    assert "3" in r.explanation
    move_dossier(office, r.code, "processing", at=at(2026, 11, 16, 10), note="chuyển công chức tư pháp")
    move_dossier(office, r.code, "ready", at=at(2026, 11, 18, 15))
    result = move_dossier(office, r.code, "returned", at=at(2026, 11, 19, 8), rating=1)
    assert result["status"] == "returned" and result["timeliness"] == "on_time"
    shown = show_dossier(office, r.code)
    assert [e["action"] for e in shown["events"]] == ["received", "processing", "ready", "returned"]
    assert shown["events"][1]["note"] == "chuyển công chức tư pháp"
    assert shown["applicant"]["name"] == "Nguyễn Văn Bình"
    assert shown["rating"] == 1 and shown["book"] == {"year": 2026, "number": 1}


def test_ahead_and_late(office: AppContext) -> None:
    early, late = receive(office), receive(office, "Lê Thị Hoa")
    for code, day in ((early.code, 17), (late.code, 20)):
        move_dossier(office, code, "ready", at=at(2026, 11, day, 8))
        move_dossier(office, code, "returned", at=at(2026, 11, day, 9))
    assert show_dossier(office, early.code)["timeliness"] == "ahead"
    assert show_dossier(office, late.code)["timeliness"] == "late"


def test_invalid_transitions_are_refused_with_a_message(office: AppContext) -> None:
    r = receive(office)
    with pytest.raises(UserError) as err:
        move_dossier(office, r.code, "returned", at=at(2026, 11, 17))
    assert r.code in err.value.message
    with pytest.raises(UserError):
        move_dossier(office, r.code, "processing", at=at(2026, 11, 15))  # before receipt
    with pytest.raises(UserError):
        move_dossier(office, "KHONG-CO", "processing")
    with pytest.raises(UserError):
        move_dossier(office, r.code, "fly-away")
    assert show_dossier(office, r.code)["status"] == "received"
    assert len(show_dossier(office, r.code)["events"]) == 1


def test_supplement_restarts_the_clock(office: AppContext) -> None:
    r = receive(office)
    move_dossier(office, r.code, "supplement", at=at(2026, 11, 16, 10), note="thiếu giấy tờ tùy thân")
    resumed = move_dossier(office, r.code, "resumed", at=at(2026, 11, 20, 9))
    # Complete on Friday 20 Nov: 3 working days after it are Mon 23, Wed 25 (24 is a holiday), Thu 26.
    assert resumed["due"] == at(2026, 11, 26, 17, 0).isoformat()


def test_pause_moves_the_due_date_by_the_paused_time(office: AppContext) -> None:
    r = receive(office)  # due Thu 19 Nov 17:00
    move_dossier(office, r.code, "paused", at=at(2026, 11, 18, 9))
    resumed = move_dossier(office, r.code, "resumed", at=at(2026, 11, 20, 9))
    # 13.5 office hours were left on Wednesday 09:00 (6 that day, 7.5 on Thursday); from Friday 09:00 they
    # run 6 hours on Friday and 7.5 on Monday.
    assert resumed["due"] == at(2026, 11, 23, 17, 0).isoformat()


def test_extension_only_once_by_default(office: AppContext) -> None:
    r = receive(office)
    move_dossier(office, r.code, "extended", at=at(2026, 11, 19, 9), new_due=at(2026, 11, 27, 17))
    with pytest.raises(UserError):
        move_dossier(office, r.code, "extended", at=at(2026, 11, 26, 9), new_due=at(2026, 12, 4, 17))
    set_setting(office, "ledger.max_extensions", 2)
    assert (
        move_dossier(office, r.code, "extended", at=at(2026, 11, 26, 9), new_due=at(2026, 12, 4, 17))["extensions"] == 2
    )
    with pytest.raises(UserError):
        move_dossier(office, r.code, "extended", at=at(2026, 11, 27, 9))  # no new date


def test_codes_are_unique_gap_free_and_not_consumed_by_a_failed_save(office: AppContext) -> None:
    codes = [receive(office, f"Người thứ {chr(65 + i)}").code for i in range(3)]
    with pytest.raises(UserError):
        receive(office, "   ")  # empty name: refused before anything is written
    with pytest.raises(UserError):
        receive(office, "Trần Văn Nam", code="2.002516")  # time not confirmed: refused inside the transaction
    codes.append(receive(office, "Người thứ Tư").code)
    assert codes == [f"28261-261116-{n:04d}" for n in range(1, 5)]
    with office.read() as s:
        assert s.execute(select(func.count()).select_from(Applicant)).scalar_one() == 4
        assert s.execute(select(Counter.value).where(Counter.key == "book:2026")).scalar_one() == 4
        assert sorted(s.execute(select(Dossier.book_seq)).scalars()) == [1, 2, 3, 4]


def test_warnings_for_closed_days_and_the_future(office: AppContext) -> None:
    r = receive(office, when=at(2026, 11, 24, 9))  # Vietnamese Culture Day
    assert any("24/11/2026" in w for w in r.warnings)
    future = receive(office, when=datetime.now(LOCAL_TZ).replace(year=datetime.now().year + 1))
    assert future.warnings


def test_bad_applicant_data(office: AppContext) -> None:
    for data in (
        ApplicantInput("A", phone="abc"),
        ApplicantInput("A", email="x@"),
        ApplicantInput("A", id_number="123"),
    ):
        with pytest.raises(UserError):
            receive_dossier(office, BIRTH, data, received_at=at(2026, 11, 16))
    ok = receive_dossier(
        office, BIRTH, ApplicantInput("A", phone="0912 345 678", id_number="079123456789"), received_at=at(2026, 11, 16)
    )
    assert ok.code


def test_search_is_accent_insensitive(office: AppContext) -> None:
    for name in ("Nguyễn Văn Bình", "Đặng Thị Ánh", "Trần Quốc Đạt"):
        receive(office, name)
    found = list_dossiers(office, DossierFilter(search="dang thi anh"))
    assert [r.applicant for r in found] == ["Đặng Thị Ánh"]
    assert [r.applicant for r in list_dossiers(office, DossierFilter(search="DAT"))] == ["Trần Quốc Đạt"]
    assert count_dossiers(office, DossierFilter(search="261116-0002")) == 1
    assert count_dossiers(office, DossierFilter(search="zz")) == 0


def test_overdue_and_due_today_flags(office: AppContext) -> None:
    r = receive(office)
    now = at(2026, 11, 19, 10)
    rows = list_dossiers(office, now=now)
    assert rows[0].due_today and not rows[0].overdue
    later = list_dossiers(office, DossierFilter(overdue=True), now=at(2026, 11, 20, 10))
    assert [row.code for row in later] == [r.code]


def test_events_record_who(office: AppContext) -> None:
    add_account(office, "mot.cua", "Phạm Thị Ngọc Ánh", ["officer"], password="mat-khau-1")
    office.actor = "mot.cua"
    r = receive(office)
    with office.read() as s:
        event = s.execute(select(DossierEvent)).scalar_one()
    assert event.updated_by == "mot.cua"
    assert show_dossier(office, r.code)["events"][0]["by"] == "mot.cua"


def test_a_receipt_time_no_dossier_can_have_is_refused(office: AppContext) -> None:
    """Found by fuzzing: 2100-09-04 and 2000-09-04 made the same code (yymmdd) and the save failed."""
    receive(office, when=at(2000, 9, 4))
    for year in (1999, 2100, datetime.now(LOCAL_TZ).year + 2):
        with pytest.raises(UserError, match="kiểm tra năm"):
            receive(office, when=at(year, 9, 4))
