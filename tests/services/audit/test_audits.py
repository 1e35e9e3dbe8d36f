"""Planning audits: auditor independence for each way an auditor is tied to the audited area, the checklist, and
the programme's coverage, on a real database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from isodesk.db.models import Audit, ChecklistItem
from isodesk.errors import UserError
from isodesk.services.audit.audits import coverage, get_audit, list_audits, plan_audit, record_check
from isodesk.services.audit.findings import add_finding
from isodesk.services.context import AppContext
from tests.services.audit.conftest import BIRTH, CIVIL_STATUS, MARRIAGE_STATUS, People

DAY = date(2026, 3, 10)


def _audits(office: AppContext) -> int:
    with office.read() as s:
        return s.execute(select(func.count()).select_from(Audit)).scalar_one()


def test_an_auditor_of_the_audited_department_is_refused(office: AppContext, people: People) -> None:
    with pytest.raises(UserError) as refused:
        plan_audit(office, DAY, CIVIL_STATUS, "Nguyễn Văn An")
    assert "Nguyễn Văn An không thể đánh giá “Tư pháp - Hộ tịch”: đó là bộ phận của chính mình" in refused.value.message
    assert "ISO 19011" in refused.value.message
    assert _audits(office) == 0


def test_an_auditor_who_handles_a_procedure_in_scope_is_refused(office: AppContext, people: People) -> None:
    with pytest.raises(UserError) as refused:
        plan_audit(office, DAY, "Địa chính", "Trần Thị Bình", procedures=[MARRIAGE_STATUS])
    assert f"Trần Thị Bình không thể đánh giá thủ tục {MARRIAGE_STATUS}" in refused.value.message
    assert "hồ sơ" in refused.value.message
    assert _audits(office) == 0


def test_an_auditor_of_the_same_field_is_refused(office: AppContext, people: People) -> None:
    """Lê Văn Cường handled a birth registration (field Hộ tịch): he cannot audit the Hộ tịch department, nor a
    Hộ tịch procedure he never touched."""
    with pytest.raises(UserError) as refused:
        plan_audit(office, DAY, CIVIL_STATUS, "Lê Văn Cường")
    assert "Lê Văn Cường không thể đánh giá lĩnh vực “Hộ tịch”" in refused.value.message
    with pytest.raises(UserError) as again:
        plan_audit(office, DAY, "Văn phòng", "Lê Văn Cường", procedures=[MARRIAGE_STATUS])
    assert "lĩnh vực “Hộ tịch”" in again.value.message and MARRIAGE_STATUS not in again.value.message
    assert _audits(office) == 0


def test_a_tied_team_member_refuses_the_whole_assignment(office: AppContext, people: People) -> None:
    with pytest.raises(UserError) as refused:
        plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung", members=["Hoàng Văn Em", str(people.an)])
    assert "Nguyễn Văn An" in refused.value.message and "Phạm Thị Dung" not in refused.value.message
    assert _audits(office) == 0


def test_no_lead_unknown_people_and_places_are_refused(office: AppContext, people: People) -> None:
    for kwargs, words in (
        ({"area": CIVIL_STATUS, "lead": " "}, "trưởng đoàn"),
        ({"area": CIVIL_STATUS, "lead": "Không Có Ai"}, "Không Có Ai"),
        ({"area": " ", "lead": "Phạm Thị Dung"}, "Bộ phận không được để trống"),
    ):
        with pytest.raises(UserError) as refused:
            plan_audit(office, DAY, kwargs["area"], kwargs["lead"])
        assert words in refused.value.message
    with pytest.raises(UserError) as bad_clause:
        plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung", clauses=["11.2"])
    assert "11.2" in bad_clause.value.message
    with pytest.raises(UserError):
        plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung", procedures=["9.999999"])
    assert _audits(office) == 0


def test_an_independent_team_is_planned_with_its_checklist(office: AppContext, people: People) -> None:
    planned = plan_audit(
        office, DAY, CIVIL_STATUS, "phạm thị dung", members=["Hoàng Văn Em"], procedures=[BIRTH],
        clauses=["7.5", "8"], auditees=["Nguyễn Văn An"],
    )  # fmt: skip
    assert planned.warnings == []  # the office keeps no training records: nothing to warn about
    view = get_audit(office, planned.id)
    assert (view.area, view.lead, view.members, view.auditees) == (
        CIVIL_STATUS, "Phạm Thị Dung", ["Hoàng Văn Em"], ["Nguyễn Văn An"],
    )  # fmt: skip
    assert view.clauses == ["7.5", "8"] and view.procedures == [BIRTH]
    assert "TCVN ISO 9001:2015" in view.objectives and "TCVN ISO 9001:2015" in view.criteria
    questions = [i.question for i in view.checklist]
    assert questions[0].startswith("Điều 7.5 (Thông tin dạng văn bản)")
    assert questions[1].startswith("Điều 8 (Thực hiện)")
    assert any(BIRTH in q for q in questions[2:])
    assert [r.to_dict() for r in list_audits(office)] == [
        {"id": planned.id, "date": "2026-03-10", "area": CIVIL_STATUS, "lead": "Phạm Thị Dung", "status": "planned"}
    ]
    done = record_check(office, view.checklist[0].id, "conforms", "Sổ đăng ký văn bản đến năm 2026", "")
    assert done.result == "conforms"
    with pytest.raises(UserError):
        record_check(office, view.checklist[0].id, "tốt")


def test_coverage_of_a_known_programme(office: AppContext, people: People) -> None:
    plan_audit(office, date(2026, 3, 10), CIVIL_STATUS, "Phạm Thị Dung", clauses=["4", "5", "6"])
    plan_audit(office, date(2026, 6, 10), "Văn phòng", "Hoàng Văn Em", clauses=["7", "8.1", "8.2", "8.5"])
    plan_audit(office, date(2025, 11, 10), "Địa chính", "Phạm Thị Dung", clauses=["9", "10"])  # another year
    found = coverage(office, 2026)
    assert found.clauses_uncovered == ["8.3", "8.4", "8.6", "8.7", "9.1", "9.2", "9.3", "10.1", "10.2", "10.3"]
    assert found.areas_uncovered == ["Địa chính"]
    assert found.matrix["7.5"] == ["Văn phòng"] and found.matrix["4.1"] == [CIVIL_STATUS]
    # A finding on a clause during a year's audit counts for that clause.
    audit_id = list_audits(office, 2026)[0].id
    add_finding(office, audit_id, "observation", "9.2", "Chưa có chương trình đánh giá năm")
    assert "9.2" not in coverage(office, 2026).clauses_uncovered
    assert coverage(office, 2025).areas_uncovered == [CIVIL_STATUS, "Văn phòng"]


def test_a_department_nobody_is_listed_in_yet_is_added(office: AppContext, people: People) -> None:
    """As ``staff add`` does: an audit of the one-stop desk before its officers are entered."""
    planned = plan_audit(office, DAY, "Bộ phận Một cửa", "Phạm Thị Dung")
    assert get_audit(office, planned.id).area == "Bộ phận Một cửa"
    again = plan_audit(office, DAY, "bo phan mot cua", "Hoàng Văn Em")
    assert get_audit(office, again.id).area == "Bộ phận Một cửa"
    assert "Bộ phận Một cửa" not in coverage(office, 2026).areas_uncovered


def test_the_checklist_rows_belong_to_their_audit(office: AppContext, people: People) -> None:
    a = plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung", clauses=["9.1"]).id
    b = plan_audit(office, DAY, "Văn phòng", "Hoàng Văn Em", clauses=["7.1", "7.2"]).id
    with office.read() as s:
        counts = dict(s.execute(select(ChecklistItem.audit_id, func.count()).group_by(ChecklistItem.audit_id)).all())
    assert counts == {a: 1, b: 2}
