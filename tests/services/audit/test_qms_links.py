"""The audit records and the quality system's records read each other: an auditor's training is looked up in the
QMS's training records, and an issued audit report, a management review and the head's confirmation move the QMS
journey (QĐ 19/2014/QĐ-TTg art. 4, step 2)."""

from __future__ import annotations

from datetime import date, datetime

from isodesk.domain.qms.journey import TaskKey, TaskState
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.audit.audits import plan_audit
from isodesk.services.audit.papers import issue_report
from isodesk.services.audit.reviews import confirm_effectiveness, start_review
from isodesk.services.context import AppContext
from isodesk.services.qms.journey import qms_status
from isodesk.services.qms.organisation import add_training
from tests.services.audit.conftest import CIVIL_STATUS, People

DAY = date(2026, 3, 10)


def test_a_lead_without_an_internal_auditor_certificate_is_warned_once_training_is_recorded(
    office: AppContext, people: People
) -> None:
    assert plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung").warnings == []  # no training records kept yet
    add_training(office, people.em, "Nghiệp vụ một cửa", date(2026, 1, 5), "CC-01")
    warned = plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung").warnings
    assert len(warned) == 1 and "Phạm Thị Dung" in warned[0]
    add_training(office, people.dung, "Đánh giá viên nội bộ ISO 9001:2015", date(2026, 1, 12), "DGNB-07")
    assert plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung").warnings == []


def test_an_issued_report_a_review_and_the_heads_confirmation_move_the_journey(
    office: AppContext, people: People
) -> None:
    def state(key: TaskKey) -> TaskState:
        return next(t.state for t in qms_status(office, today=date(2026, 12, 20)).tasks if t.key is key)

    before = {key: state(key) for key in (TaskKey.FIRST_AUDIT, TaskKey.FIRST_REVIEW, TaskKey.EFFECTIVENESS)}
    assert TaskState.DONE not in before.values()
    audit = plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung")
    assert state(TaskKey.FIRST_AUDIT) is not TaskState.DONE  # planned, not yet reported
    issue_report(office, audit.id, day=date(2026, 3, 12))
    assert state(TaskKey.FIRST_AUDIT) is TaskState.DONE
    review = start_review(office, date(2026, 12, 1), now=datetime(2026, 12, 1, 9, 0, tzinfo=LOCAL_TZ))
    assert state(TaskKey.FIRST_REVIEW) is TaskState.DONE
    assert state(TaskKey.EFFECTIVENESS) is not TaskState.DONE
    confirm_effectiveness(office, review.id, "Phạm Thị Dung", False, day=date(2026, 12, 1))
    assert state(TaskKey.EFFECTIVENESS) is not TaskState.DONE  # confirmed not effective
    confirm_effectiveness(office, review.id, "Phạm Thị Dung", True, day=date(2026, 12, 2))
    assert state(TaskKey.EFFECTIVENESS) is TaskState.DONE
