"""A quality management system half-way through its first year, for the demo office, so that the QMS journey, the
audit area and the province's sync package show what a working system looks like before the office enters its own.

Everything goes through the same services a person uses (so every rule and permission applies and the trail
records it), dated back from today: the ISO steering committee and roles named five months ago, the internal
auditors trained, the scope set, the model quality policy drafted and reviewed (approval is left to the chairman:
the administrator who loads the demo may not approve it), three objectives computed from the demo ledger, the
plan, a risk and a problem in the log, a first internal audit held with a minor nonconformity (its corrective action
done and verified, a second one still open) and an observation, its report issued, and a management review with
its decisions. The steps QĐ 19/2014 leaves to the head (approval, confirmation, announcement) are left to do, so
the journey shows the next step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from isodesk.db.models import Procedure, Staff
from isodesk.i18n.dates import local_today
from isodesk.services.audit.audits import get_audit, plan_audit, record_check
from isodesk.services.audit.decisions import add_decision, complete_decision
from isodesk.services.audit.findings import (
    acknowledge_finding,
    add_action,
    add_finding,
    complete_action,
    verify_action,
)
from isodesk.services.audit.papers import issue_report
from isodesk.services.audit.reviews import edit_review, start_review
from isodesk.services.context import AppContext
from isodesk.services.office.demo import CENTRE, demo_people
from isodesk.services.office.profile import get_profile
from isodesk.services.qms.objectives import add_objective
from isodesk.services.qms.organisation import add_training, name_to_role
from isodesk.services.qms.policy import draft_policy, model_policy, review_policy
from isodesk.services.qms.register import add_plan_task, add_problem, add_risk, finish_plan_task
from isodesk.services.qms.scope import list_scope_versions, set_scope

#: The parts the demo's people play, by their place in :data:`isodesk.services.office.demo.DEMO_STAFF` (whose first
#: three are the leaders typed in the wizard, when it loads the demo).
CHAIRMAN, DEPUTY, SECRETARY, DESK, DESK_2, CIVIL, AUDITOR_2 = 0, 1, 2, 3, 4, 5, 8
AUDITED_AREA = CENTRE

#: How far back the system was started.
STARTED_DAYS_AGO = 150


@dataclass(frozen=True)
class QualitySummary:
    added: bool
    records: int


def has_quality_system(ctx: AppContext) -> bool:
    """Whether the office already set its scope (the demo never overwrites a system the office began)."""
    return bool(list_scope_versions(ctx))


def fill_demo_quality(ctx: AppContext, today: date | None = None) -> QualitySummary:
    """Add the demo's quality system to a commune or ward office that has none yet; the number of records made."""
    profile = get_profile(ctx)
    if profile.role != "commune" or has_quality_system(ctx):
        return QualitySummary(False, 0)
    day = today or local_today()
    start = day - timedelta(days=STARTED_DAYS_AGO)
    with ctx.read() as s:
        staff = {name: sid for sid, name in s.execute(select(Staff.id, Staff.name))}
        timed = s.execute(
            select(Procedure.code)
            .where(Procedure.active.is_(True), Procedure.time_unit != "unknown")
            .order_by(Procedure.code)
        ).scalars()
        codes = list(timed)
    made = 0
    names = [name for name, _department, _position in demo_people(profile)]
    chairman, deputy, secretary, desk, desk_2, civil = (
        names[i] for i in (CHAIRMAN, DEPUTY, SECRETARY, DESK, DESK_2, CIVIL)
    )
    auditors = (secretary, names[AUDITOR_2])

    def person(name: str) -> int:
        return staff[name]

    # Build (QĐ 19/2014 Điều 4): organisation, training, scope, policy, objectives, plan.
    for role, name, duty in (
        ("committee", chairman, "Trưởng Ban chỉ đạo ISO"),
        ("committee", deputy, "Phó Trưởng Ban chỉ đạo ISO"),
        ("representative", deputy, ""),
        ("secretary", secretary, ""),
        *(("auditor", name, "Chuyên gia đánh giá nội bộ") for name in auditors),
    ):
        name_to_role(ctx, role, person(name), duty, on=start)
        made += 1
    for number, name in enumerate(auditors, start=11):
        course = "Đào tạo chuyên gia đánh giá nội bộ TCVN ISO 9001:2015"
        add_training(ctx, person(name), course, start + timedelta(days=12), f"ĐGNB-{start.year}/{number:03d}")
        made += 1
    for name in (desk, desk_2, civil):
        add_training(ctx, person(name), "Phổ biến, áp dụng HTQLCL theo TCVN ISO 9001:2015", start + timedelta(days=20))
        made += 1
    set_scope(ctx, codes, note="Phạm vi áp dụng lần đầu", on=start + timedelta(days=20))
    draft_policy(ctx, model_policy(ctx))
    review_policy(ctx)
    made += 3
    year = day.year
    for title, measure, target, period, at_most in (
        ("Giải quyết hồ sơ đúng và trước hạn", "on_time_rate", "95", "quarter", False),
        ("Người dân hài lòng với việc giải quyết thủ tục hành chính", "satisfaction_rate", "90", "year", False),
        ("Thời gian giải quyết bình quân một hồ sơ", "avg_days", "3", "year", True),
    ):
        add_objective(ctx, title=title, measure=measure, target=target, year=year, period=period, at_most=at_most,
                      owner=deputy,
                      plan="Theo dõi hằng tháng trên sổ theo dõi hồ sơ; báo cáo tại cuộc họp giao ban",
                      evaluation="Số liệu tính từ sổ theo dõi hồ sơ")  # fmt: skip
        made += 1
    done = add_plan_task(ctx, "Xây dựng quy trình ISO cho các thủ tục trong phạm vi", secretary,
                         start + timedelta(days=45))  # fmt: skip
    finish_plan_task(ctx, done.id, start + timedelta(days=40))
    add_plan_task(ctx, "Rà soát, cập nhật quy trình theo quyết định công bố thủ tục mới của tỉnh", secretary,
                  day + timedelta(days=30))  # fmt: skip
    add_risk(ctx, "risk", "Máy tính bộ phận một cửa cũ, có thể hỏng làm chậm việc tiếp nhận hồ sơ",
             "Sao lưu dữ liệu hằng ngày; đề nghị cấp máy dự phòng", deputy, day + timedelta(days=60))  # fmt: skip
    add_problem(ctx, "Máy in phiếu hẹn trả kết quả hỏng hai ngày, phải viết tay phiếu hẹn", day - timedelta(days=12),
                action="Đã sửa máy in; bổ sung mẫu phiếu in sẵn dự phòng")  # fmt: skip
    made += 5

    # Apply: the first internal audit (three months after the start, as the seed plans ask) and its follow-up.
    held = start + timedelta(days=100)
    planned = plan_audit(
        ctx, held, AUDITED_AREA, auditors[0], members=auditors[1:], clauses=("7.5", "8.2", "8.5", "9.1"),
        objectives="Đánh giá việc áp dụng HTQLCL tại bộ phận một cửa", criteria="TCVN ISO 9001:2015; quy trình ISO",
        auditees=(desk, desk_2),
    )  # fmt: skip
    audit = get_audit(ctx, planned.id)
    first_of_7_5 = next((item.id for item in audit.checklist if item.clause == "7.5"), None)
    for item in audit.checklist:
        result = "nonconformity" if item.id == first_of_7_5 else "conforms"
        record_check(ctx, item.id, result, "Xem sổ theo dõi hồ sơ và phỏng vấn công chức một cửa")
    minor = add_finding(ctx, planned.id, "minor", "7.5",
                        "Sổ theo dõi hồ sơ tháng 8 thiếu chữ ký người nhận kết quả ở 3 hồ sơ",
                        place=AUDITED_AREA, day=held)  # fmt: skip
    add_finding(ctx, planned.id, "observation", "8.2", "Bảng niêm yết thủ tục hành chính chưa cập nhật mức phí mới",
                place=AUDITED_AREA, day=held)  # fmt: skip
    acknowledge_finding(ctx, minor.id, desk, held)
    fixed = add_action(ctx, minor.id, desk, held + timedelta(days=14), "Bổ sung chữ ký; kiểm tra sổ hằng tuần",
                       cause="Chưa có bước kiểm tra sổ cuối ngày", correction="Mời người dân ký bổ sung")  # fmt: skip
    complete_action(ctx, fixed.id, held + timedelta(days=10))
    verify_action(ctx, fixed.id, secretary, True, held + timedelta(days=30))
    add_action(ctx, minor.id, desk_2, day + timedelta(days=14), "Tập huấn lại quy định ghi sổ cho công chức một cửa")
    issue_report(ctx, planned.id, held + timedelta(days=3))
    made += 6

    review_day = day - timedelta(days=20)
    review = start_review(ctx, review_day)
    edit_review(ctx, review.id, minutes="Xem xét kết quả đánh giá nội bộ lần đầu, mục tiêu chất lượng quý III và "
                "ý kiến người dân.", decisions="Tập huấn lại quy định ghi sổ theo dõi hồ sơ")  # fmt: skip
    first = add_decision(ctx, review.id, "Tập huấn lại quy định ghi sổ theo dõi hồ sơ", deputy,
                         review_day + timedelta(days=10))  # fmt: skip
    complete_decision(ctx, first.id, review_day + timedelta(days=8))
    add_decision(
        ctx, review.id, "Đề nghị cấp máy tính dự phòng cho bộ phận một cửa", chairman, day + timedelta(days=40)
    )
    made += 3
    return QualitySummary(True, made)
