"""The journey read from the office's records, with the day as a parameter: tasks move as they are done, yearly
obligations fall overdue a year later, legal changes after three months, a change of scope asks for a new
announcement; the policy's versions and its approval by a leader only."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.office.staff import add_staff
from isodesk.services.qms.announcements import announce, notify_province
from isodesk.services.qms.journey import overdue_obligations, qms_status
from isodesk.services.qms.milestones import add_legal_change, apply_legal_change, record_milestone
from isodesk.services.qms.organisation import add_training, list_roles, name_to_role
from isodesk.services.qms.policy import approve_policy, draft_policy, edit_policy, list_policies, review_policy
from isodesk.services.qms.register import add_plan_task, add_risk, finish_plan_task, list_plan, list_risks
from isodesk.services.qms.scope import list_scope_versions, set_scope


def states(office: AppContext, today: date) -> dict[str, tuple[str, str | None]]:
    return {s["key"]: (s["state"], s["due"]) for s in qms_status(office, today).to_dict()["steps"]}


def _rows(office: AppContext, table: str) -> int:
    conn = sqlite3.connect(database_path(office.data_dir))
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_the_journey_moves_as_the_office_works(office: AppContext) -> None:
    start = states(office, date(2026, 1, 5))
    assert {k for k, (s, _d) in start.items() if s == "overdue"} == set()
    assert start["organisation"][0] == start["scope"][0] == start["policy"][0] == "todo"

    people = [add_staff(office, name, "Văn phòng") for name in ("Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Nam")]
    name_to_role(office, "committee", people[0].id, "Trưởng ban")
    name_to_role(office, "representative", people[1].id)
    assert states(office, date(2026, 1, 5))["organisation"][0] == "todo"  # no ISO secretary yet
    name_to_role(office, "secretary", people[2].id)
    name_to_role(office, "secretary", people[1].id)  # one secretary at a time: the new one replaces the old
    assert [h.name for h in list_roles(office) if h.role == "secretary"] == ["Trần Thị Lan"]
    with pytest.raises(UserError, match="đã thuộc"):
        name_to_role(office, "committee", people[0].id)
    add_training(office, people[2].id, "Nhận thức TCVN ISO 9001:2015", date(2026, 1, 10), "CC-01")
    set_scope(office, ["1.004873", "1.001193"], on=date(2026, 1, 12))
    record_milestone(office, "audit", date(2026, 4, 10), "01/BC-ĐGNB")
    record_milestone(office, "review", date(2026, 5, 5))
    record_milestone(office, "effectiveness", date(2026, 5, 20))
    found = states(office, date(2026, 5, 25))
    for key in ("organisation", "training", "scope", "first_audit", "first_review", "effectiveness"):
        assert found[key][0] == "done", key

    announce(office, "125/QĐ-UBND", date(2026, 6, 1))
    assert states(office, date(2026, 6, 2))["notification"][0] == "todo"
    notify_province(office, date(2026, 6, 3))
    at = states(office, date(2026, 6, 4))
    assert at["announcement"][0] == at["notification"][0] == at["reannouncement"][0] == "done"
    assert at["yearly_audit"] == ("todo", "2027-06-01")
    assert states(office, date(2027, 6, 2))["yearly_audit"] == ("overdue", "2027-06-01")
    assert [t.key.value for t in overdue_obligations(office, date(2027, 6, 2))] == ["yearly_audit", "yearly_review"]
    record_milestone(office, "audit", date(2027, 5, 20))
    assert states(office, date(2027, 6, 2))["yearly_audit"] == ("done", "2028-05-20")

    # A procedure added to the scope after the announcement: announce again.
    set_scope(office, ["1.004873", "1.001193", "1.000656"], on=date(2026, 9, 1))
    assert states(office, date(2026, 9, 2))["reannouncement"][0] == "todo"
    announce(office, "200/QĐ-UBND", date(2026, 9, 20))
    assert states(office, date(2026, 9, 21))["reannouncement"][0] == "done"
    assert qms_status(office, date(2026, 9, 21)).announced_on == date(2026, 9, 20)
    assert [v.version for v in list_scope_versions(office)] == [1, 2]

    # A legal change must be brought in within three months of its entry into force.
    change = add_legal_change(office, "changed", "Quyết định số 1234/QĐ-BTP", date(2026, 7, 1), "1.004873")
    assert change.due == date(2026, 10, 1)
    assert states(office, date(2026, 10, 1))["legal_updates"] == ("todo", "2026-10-01")
    assert states(office, date(2026, 10, 2))["legal_updates"] == ("overdue", "2026-10-01")
    apply_legal_change(office, change.id, date(2026, 10, 5))
    assert states(office, date(2026, 10, 6))["legal_updates"][0] == "done"


def test_a_scope_with_no_procedure_or_an_unknown_one_is_refused(office: AppContext) -> None:
    with pytest.raises(UserError, match="ít nhất một thủ tục"):
        set_scope(office, [])
    with pytest.raises(UserError, match=r"9\.999999"):
        set_scope(office, ["1.004873", "9.999999"])
    assert _rows(office, "qms_scopes") == 0
    conn = sqlite3.connect(database_path(office.data_dir))
    try:
        assert conn.execute("SELECT COUNT(*) FROM procedures WHERE in_scope = 0").fetchone()[0] == 0
    finally:
        conn.close()
    made = set_scope(office, ["1.004873"])
    assert made.version == 1 and made.exclusions[0].clause == "8.3"
    assert "Ủy ban nhân dân phường Mỹ Tho" in made.exclusions[0].reason  # the model reason names the office


def test_the_policy_is_drafted_reviewed_and_approved_by_a_leader_only(office: AppContext) -> None:
    with pytest.raises(UserError, match="Chưa có chính sách"):
        review_policy(office)
    first = draft_policy(office, "  Công khai,   minh bạch.\n\n\nĐúng hạn. ")
    assert (first.version, first.state, first.text) == (1, "draft", "Công khai, minh bạch.\nĐúng hạn.")
    assert review_policy(office).state == "reviewed"
    with pytest.raises(UserError, match="không được phê duyệt tài liệu được kiểm soát"):
        approve_policy(office)  # the administrator is not a leader
    assert [p.state for p in list_policies(office)] == ["reviewed"]
    add_account(office, "hung", "Nguyễn Văn Hùng", ["leader"], password="Chủ tịch 2026")
    office.actor = "hung"
    approved = approve_policy(office, on=date(2026, 1, 20))
    assert (approved.state, approved.approved_by) == ("approved", "Nguyễn Văn Hùng")
    assert approved.approved_on == date(2026, 1, 20)
    assert states(office, date(2026, 1, 21))["policy"][0] == "done"
    with pytest.raises(UserError, match="không thể sửa"):
        edit_policy(office, 1, "Khác")
    office.actor = "admin"
    second = draft_policy(office, "Phục vụ nhân dân.")
    assert second.version == 2 and second.state == "draft"
    assert edit_policy(office, 2, "Phục vụ nhân dân tận tình.").text == "Phục vụ nhân dân tận tình."
    third = draft_policy(office, "Phục vụ nhân dân tận tình, đúng hạn.")  # a new draft replaces the open one
    assert third.version == 3
    office.actor = "hung"
    with pytest.raises(UserError, match="không có bản dự thảo"):
        approve_policy(office, 2)
    approve_policy(office)
    assert [(p.version, p.state) for p in list_policies(office)] == [
        (3, "approved"),
        (2, "superseded"),
        (1, "superseded"),
    ]
    with pytest.raises(UserError):
        draft_policy(office, "   ")


def test_plan_and_risks(office: AppContext) -> None:
    task = add_plan_task(office, "Soạn thảo sổ tay chất lượng", "Thư ký ISO", date(2026, 2, 1))
    assert task.overdue_on(date(2026, 2, 2)) and not task.overdue_on(date(2026, 2, 1))
    done = finish_plan_task(office, task.id, date(2026, 1, 30))
    assert not done.overdue_on(date(2026, 3, 1)) and list_plan(office)[0].done_on == date(2026, 1, 30)
    add_risk(office, "risk", "Hồ sơ trễ hạn do thiếu người", "Phân công trực thay", "Lãnh đạo", date(2026, 6, 30))
    assert [r.kind for r in list_risks(office)] == ["risk"]
    with pytest.raises(UserError):
        add_risk(office, "threat", "Không rõ")
    with pytest.raises(UserError):
        add_plan_task(office, "  ")
    assert _rows(office, "qms_risks") == 1 and _rows(office, "qms_plan_tasks") == 1
