"""The demo's quality system: made through the real services on top of the demo office, half-way through its first
year, the steps left to the head still to do; never added twice, never over an office's own system, never at the
province; with the leaders a person typed in the wizard in the demo's places."""

from __future__ import annotations

from datetime import date

from isodesk.services.audit.audits import list_audits
from isodesk.services.audit.decisions import list_decisions
from isodesk.services.audit.findings import list_actions, list_findings
from isodesk.services.context import AppContext, open_context
from isodesk.services.demo.quality import fill_demo_quality
from isodesk.services.office.demo import fill_demo
from isodesk.services.office.profile import init_office
from isodesk.services.qms.journey import qms_status
from isodesk.services.qms.organisation import list_roles, list_trainings
from isodesk.services.qms.policy import list_policies
from isodesk.services.qms.scope import list_scope_versions

TODAY = date(2026, 12, 6)


def _states(ctx: AppContext) -> dict[str, str]:
    return {str(t.key): str(t.state) for t in qms_status(ctx, TODAY).tasks}


def test_the_demo_office_gets_a_system_half_way_through_its_first_year(office: AppContext) -> None:
    fill_demo(office, 200)
    made = fill_demo_quality(office, TODAY)
    assert made.added and made.records > 20
    states = _states(office)
    for done in ("organisation", "scope", "objectives", "training", "first_audit", "first_review"):
        assert states[done] == "done", done
    for left in ("policy", "effectiveness", "announcement"):  # the chairman's approval and the head's steps
        assert states[left] == "todo", left
    assert [p.state for p in list_policies(office)] == ["reviewed"]
    [audit] = list_audits(office)
    assert audit.status == "reported" and date.fromisoformat(audit.date) < TODAY
    findings = {f.grade: f for f in list_findings(office)}
    assert set(findings) == {"minor", "observation"}
    actions = list_actions(office)
    assert sorted(a.status for a in actions) == ["open", "verified"]
    assert findings["minor"].open_actions == 1  # it cannot close while one is open
    assert sorted(d.status for d in list_decisions(office)) == ["done", "open"]
    auditors = {r.name for r in list_roles(office) if r.role == "auditor"}
    certified = {t.name for t in list_trainings(office) if t.certificate}
    assert auditors and auditors <= certified  # the audit team is trained: no warning on the plan
    objectives = qms_status(office, TODAY).objectives
    assert len(objectives) == 3 and all(o.actual is not None for o in objectives)  # computed from the demo ledger


def test_the_demo_is_added_once_and_never_over_an_offices_own_system(office: AppContext) -> None:
    fill_demo(office, 0)
    assert fill_demo_quality(office, TODAY).added
    versions = len(list_scope_versions(office))
    again = fill_demo_quality(office, TODAY)
    assert not again.added and again.records == 0
    assert len(list_scope_versions(office)) == versions and len(list_audits(office)) == 1


def test_the_leaders_typed_in_the_wizard_play_the_demos_parts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(tmp_path / "office")
    try:
        init_office(ctx, province_code="82", unit_code="28261", leader_name="Tạ Quang Vinh",
                    iso_representative="Lý Thị Mai", iso_secretary="Châu Văn Lộc")  # fmt: skip
        ctx.actor = "admin"
        fill_demo(ctx, 0)
        assert fill_demo_quality(ctx, TODAY).added
        holders = {(r.role, r.name) for r in list_roles(ctx)}
        assert {
            ("representative", "Lý Thị Mai"),
            ("secretary", "Châu Văn Lộc"),
            ("committee", "Tạ Quang Vinh"),
        } <= holders
        [audit] = list_audits(ctx)
        assert audit.lead == "Châu Văn Lộc"
    finally:
        ctx.close()


def test_a_province_office_gets_no_quality_demo(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(tmp_path / "province")
    try:
        init_office(ctx, province_code="82", role="province", leader_name="Trần Văn Tỉnh")
        ctx.actor = "admin"
        made = fill_demo_quality(ctx, TODAY)
        assert not made.added and list_scope_versions(ctx) == []
    finally:
        ctx.close()
