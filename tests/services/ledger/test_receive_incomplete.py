"""Receiving a dossier that lacks documents: received and sent back for a supplement in one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from isodesk.db.models import Applicant, Counter, DailyCount, Dossier, DossierEvent, TrailEntry
from isodesk.domain.ledger import State
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger import dossiers
from isodesk.services.ledger.dossier_view import get_dossier_view
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.printing import forms_for

MARRIAGE_STATUS = "1.004873"  # 3 working days
MISSING = ["Giấy chứng sinh", "Văn bản ủy quyền có chứng thực"]


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


def _footprint(office: AppContext) -> dict[str, Any]:
    """Everything a receipt writes: rows, numbers, the day's counts and the audit trail."""
    with office.read() as s:
        return {
            model.__name__: s.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Applicant, Dossier, DossierEvent, DailyCount, TrailEntry)
        } | {"counters": sorted((key, value) for key, value in s.execute(select(Counter.key, Counter.value)))}


def test_received_and_sent_back_in_one_step(office: AppContext) -> None:
    r = receive_dossier(
        office, MARRIAGE_STATUS, ApplicantInput("Trương Thị Mỹ Duyên"), received_at=at(2026, 11, 16), missing=MISSING
    )
    assert r.status is State.SUPPLEMENT and r.missing == tuple(MISSING)
    assert r.to_dict()["status"] == "supplement" and r.to_dict()["missing"] == MISSING
    view = get_dossier_view(office, r.code)
    assert view.status is State.SUPPLEMENT
    assert [(e.action, e.at, e.from_state, e.to_state) for e in view.events] == [
        ("received", at(2026, 11, 16), "", "received"),
        ("supplement", at(2026, 11, 16), "received", "supplement"),
    ]
    assert view.events[1].note == "Giấy chứng sinh; Văn bản ủy quyền có chứng thực"
    assert {c.name: c.applies for c in forms_for(office, r.code)}["supplement"] is True
    with office.read() as s:
        assert s.execute(select(Dossier.paused_at)).scalar_one() == at(2026, 11, 16)
        assert s.execute(select(func.sum(DailyCount.received))).scalar_one() == 1  # received once, counted once
    # Complete on Friday 20 Nov: the 3 working days run from then (Mon 23, Wed 25, Thu 26; 24 Nov is a holiday).
    resumed = move_dossier(office, r.code, "resumed", at=at(2026, 11, 20, 9))
    assert resumed["due"] == at(2026, 11, 26, 17).isoformat()


def test_without_missing_documents_it_is_simply_received(office: AppContext) -> None:
    r = receive_dossier(office, MARRIAGE_STATUS, ApplicantInput("Lê Văn Đủ"), received_at=at(2026, 11, 16))
    assert r.status is State.RECEIVED and r.missing == ()
    assert [e.action for e in get_dossier_view(office, r.code).events] == ["received"]


def test_a_failure_while_sending_back_leaves_nothing(office: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _footprint(office)

    def fail(*_args: object) -> None:
        raise RuntimeError("hỏng giữa chừng")  # a fault after the receipt was written

    monkeypatch.setattr(dossiers, "_record", fail)
    with pytest.raises(RuntimeError, match="hỏng giữa chừng"):
        receive_dossier(office, MARRIAGE_STATUS, ApplicantInput("Phan Văn Lộc"), missing=MISSING)
    assert _footprint(office) == before
    monkeypatch.undo()
    r = receive_dossier(office, MARRIAGE_STATUS, ApplicantInput("Phan Văn Lộc"), missing=MISSING)
    assert r.code.endswith("-0001")  # the failed one used no number


@pytest.mark.parametrize("missing", [["  "], ["Giấy chứng sinh", ""], ["Giấy tờ " * 400]])
def test_bad_lists_are_refused_before_anything_is_written(office: AppContext, missing: list[str]) -> None:
    before = _footprint(office)
    with pytest.raises(UserError):
        receive_dossier(office, MARRIAGE_STATUS, ApplicantInput("Phan Văn Lộc"), missing=missing)
    assert _footprint(office) == before
