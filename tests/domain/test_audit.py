"""The audit rules without a database: the clause catalogue, coverage, independence and the workflow's gates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from isodesk.domain.audit import Refused
from isodesk.domain.audit import workflow as w
from isodesk.domain.audit.clauses import covers, edition_for, parse_editions, uncovered
from isodesk.domain.audit.independence import Auditor, Scope, Tie, conflicts
from isodesk.domain.validation import Invalid
from isodesk.domain.validation.audit import clause_code
from isodesk.resources_path import resource_path


def _editions():  # type: ignore[no-untyped-def]
    return parse_editions(json.loads(resource_path("iso", "iso9001-clauses.json").read_text("utf-8")))


def test_the_catalogue_holds_clauses_4_to_10_in_both_languages() -> None:
    edition = edition_for(_editions(), date(2026, 1, 1))
    assert edition.national == "TCVN ISO 9001:2015" and "Amd 1:2024" in edition.standard
    codes = [c.code for c in edition.auditable]
    assert codes[0] == "4.1" and codes[-1] == "10.3" and len(codes) == 28
    assert {c.code for c in edition.clauses if c.main} == {"4", "5", "6", "7", "8", "9", "10"}
    for clause in edition.clauses:
        assert clause.vi and clause.en and clause.vi != clause.en
    climate = edition.find("4.1")
    assert climate is not None and "biến đổi khí hậu" in climate.amendment_vi and "climate" in climate.amendment_en
    assert edition.find("7.5.3") == edition.find("7.5")
    assert edition.find("11") is None


def test_a_later_edition_is_data_chosen_by_date() -> None:
    data = json.loads(resource_path("iso", "iso9001-clauses.json").read_text("utf-8"))
    data["editions"].append(
        {"key": "next", "standard": "ISO 9001:2026", "national": "TCVN ISO 9001:2026", "valid_from": "2027-07-01",
         "clauses": [{"code": "4", "vi": "Bối cảnh", "en": "Context"}, {"code": "4.1", "vi": "A", "en": "B"}]}
    )  # fmt: skip
    editions = parse_editions(data)
    assert edition_for(editions, date(2027, 6, 30)).national == "TCVN ISO 9001:2015"
    assert edition_for(editions, date(2027, 7, 1)).national == "TCVN ISO 9001:2026"


def test_coverage_by_section_clause_and_sub_clause() -> None:
    assert covers("8", "8.5") and covers("8.5", "8.5") and covers("7.5.3", "7.5")
    assert not covers("8", "9.1") and not covers("1", "10.1") and not covers("10", "1.0")
    assert uncovered(["4.1", "7.5", "8.5", "10.1"], ["8", "7.5.3"]) == ["4.1", "10.1"]


def test_clause_numbers_as_typed() -> None:
    assert clause_code(" 7.5. ") == "7.5" and clause_code("Điều 10.2") == "10.2"
    for bad in ("", "bảy", "7,5", "7..5", "1234"):
        with pytest.raises(Invalid):
            clause_code(bad)


def _auditor(department: str = "van phong", procedures: tuple[str, ...] = (), fields: dict | None = None) -> Auditor:  # type: ignore[type-arg]
    return Auditor(1, "Kiều Văn Thẩm", department, frozenset(procedures), fields or {})


SCOPE = Scope("Tư pháp - Hộ tịch", "tu phap - ho tich", frozenset({"1.004873"}), {"ho tich": "Hộ tịch"})


def test_each_tie_to_the_audited_area() -> None:
    assert conflicts(_auditor(), SCOPE) == []
    assert [c.tie for c in conflicts(_auditor("tu phap - ho tich"), SCOPE)] == [Tie.DEPARTMENT]
    tied = conflicts(_auditor(procedures=("1.004873",)), Scope("Địa chính", "dia chinh", frozenset({"1.004873"}), {}))
    assert [(c.tie, c.what) for c in tied] == [(Tie.PROCEDURE, "1.004873")]
    # A field: by the scope's procedures, or by the area's name.
    field = conflicts(_auditor(procedures=("1.001193",), fields={"ho tich": "Hộ tịch"}), SCOPE)
    assert [(c.tie, c.what) for c in field] == [(Tie.FIELD, "Hộ tịch")]
    by_name = Scope("Tư pháp - Hộ tịch", "tu phap - ho tich", frozenset(), {})
    assert [c.tie for c in conflicts(_auditor(fields={"ho tich": "Hộ tịch"}), by_name)] == [Tie.FIELD]
    assert conflicts(_auditor(fields={"dat dai": "Đất đai"}), SCOPE) == []


def test_the_gates_of_findings_and_actions() -> None:
    with pytest.raises(Refused):
        w.close_finding(w.FindingStatus.OPEN, [w.ActionStatus.VERIFIED, w.ActionStatus.DONE])
    assert w.close_finding(w.FindingStatus.OPEN, [w.ActionStatus.VERIFIED]) is w.FindingStatus.CLOSED
    assert w.close_finding(w.FindingStatus.OPEN, []) is w.FindingStatus.CLOSED
    with pytest.raises(Refused):
        w.close_finding(w.FindingStatus.CLOSED, [])
    with pytest.raises(Refused):
        w.verify_action(w.ActionStatus.DONE, owner_id=3, by_id=3, effective=True)
    with pytest.raises(Refused):
        w.verify_action(w.ActionStatus.OPEN, owner_id=3, by_id=4, effective=True)
    assert w.verify_action(w.ActionStatus.DONE, 3, 4, True) is w.ActionStatus.VERIFIED
    assert w.verify_action(w.ActionStatus.DONE, 3, 4, False) is w.ActionStatus.OPEN
    assert w.complete_action(w.ActionStatus.OPEN) is w.ActionStatus.DONE
    with pytest.raises(Refused):
        w.complete_action(w.ActionStatus.VERIFIED)
    with pytest.raises(Refused):
        w.change_audit(w.AuditStatus.REPORTED)
    w.change_audit(w.AuditStatus.PLANNED)
    assert w.reopen_audit(w.AuditStatus.REPORTED) is w.AuditStatus.PLANNED


def test_late_procedures_proposed_worst_first() -> None:
    from isodesk.domain.audit.proposals import late_procedures

    rows = [
        {"group": "A", "settled": 10, "late": 1},  # 10 %: not above the share
        {"group": "B", "settled": 10, "late": 2},
        {"group": "C", "settled": 4, "late": 4},  # too few
        {"group": "D", "settled": 5, "late": 3},
    ]
    assert [(p.procedure, p.late_share) for p in late_procedures(rows)] == [("D", 0.6), ("B", 0.2)]


def test_minutes_keep_their_lines() -> None:
    from isodesk.domain.validation.audit import REVIEW_TEXT, TextField, paragraphs

    assert paragraphs("  1. Tập huấn\r\n\n2.  Bổ sung  người\n", REVIEW_TEXT) == "1. Tập huấn\n2. Bổ sung người"
    with pytest.raises(Invalid):
        paragraphs("ab\ncd", TextField("x", 4))
    assert paragraphs("ab\ncd", TextField("x", 5)) == "ab\ncd"


def test_the_gates_of_review_decisions() -> None:
    meeting = date(2026, 12, 1)
    w.add_decision(False, meeting, meeting)  # due on the day of the meeting
    w.add_decision(False, meeting, date(2027, 1, 31))
    with pytest.raises(Refused) as refused:
        w.add_decision(False, meeting, date(2026, 11, 30))
    assert refused.value.params == {"due": date(2026, 11, 30), "date": meeting}
    with pytest.raises(Refused, match="confirmed"):
        w.add_decision(True, meeting, date(2027, 1, 31))
    assert w.complete_decision(w.DecisionStatus.OPEN) is w.DecisionStatus.DONE
    with pytest.raises(Refused, match="already done"):
        w.complete_decision(w.DecisionStatus.DONE)


def test_meeting_times_as_typed_and_the_closing_after_the_opening() -> None:
    from isodesk.domain.validation.audit import meeting_times

    assert meeting_times("8:00", "16h30") == ("08:00", "16:30")
    assert meeting_times(" 07:30 ", "11:00") == ("07:30", "11:00")
    for opening, closing in (("14:00", "09:00"), ("08:00", "08:00")):
        with pytest.raises(Invalid) as invalid:
            meeting_times(opening, closing)
        assert invalid.value.field == "The time of the closing meeting" and invalid.value.params == {"opening": opening}
    with pytest.raises(Invalid) as invalid:
        meeting_times("25:00", "16:30")
    assert invalid.value.field == "The time of the opening meeting"
