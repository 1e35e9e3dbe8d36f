"""Editing the catalogue as its screen does: one procedure's time, fee, documents with their counts, steps, scope
and legal basis saved together; adding and retiring; and every refusal leaving the catalogue as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from isodesk.errors import UserError
from isodesk.services.context import AppContext
from isodesk.services.ledger.catalogue import ProcedureEdit, edit_procedure, restore_procedure, retire_procedure
from isodesk.services.ledger.procedures import get_procedure, list_procedures, preview_import

WILL = "2.001019"  # Chứng thực di chúc: the province has not confirmed its time


def _edit(**changes: object) -> ProcedureEdit:
    base = ProcedureEdit(
        name="Chứng thực di chúc",
        field="Chứng thực",
        time_unit="working_days",
        time_value="2",
        fee="50000",
        exemptions="Miễn cho người có công với cách mạng",
        components=(("Dự thảo di chúc", "1", ""), ("Giấy tờ tùy thân", "", "1")),
        steps=(
            ("Tiếp nhận", "Bộ phận một cửa", "working_hours", "2"),
            ("Chứng thực", "Công chức Tư pháp", "working_days", "1,5"),
        ),
        in_scope=True,
        legal_basis=(("Nghị định", "23/2015/NĐ-CP", "16/02/2015", "về chứng thực", "10/04/2015"),),
    )
    return ProcedureEdit(**{**base.__dict__, **changes})


def _row(office: AppContext, code: str) -> tuple[object, ...]:
    from isodesk.db.paths import database_path

    db = sqlite3.connect(database_path(office.data_dir))
    try:
        return db.execute("SELECT * FROM procedures WHERE code = ?", (code,)).fetchone()
    finally:
        db.close()


def test_edit_saves_every_part_together(office: AppContext) -> None:
    before = get_procedure(office, WILL)
    assert before.processing_time is None
    info = edit_procedure(office, WILL, _edit())
    assert info.office_time and info.to_dict()["working_days"] == 2
    assert info.fee == "50000" and info.exemptions.startswith("Miễn")
    assert [(d.name, d.originals, d.copies) for d in info.documents] == [
        ("Dự thảo di chúc", 1, None),
        ("Giấy tờ tùy thân", None, 1),
    ]
    assert info.components == ["Dự thảo di chúc", "Giấy tờ tùy thân"]
    assert info.steps[1] == {
        "name": "Chứng thực",
        "responsible": "Công chức Tư pháp",
        "unit": "working_days",
        "value": "1.5",
    }
    assert info.legal_basis == (
        {
            "kind": "Nghị định",
            "number": "23/2015/NĐ-CP",
            "date": "2015-02-16",
            "title": "về chứng thực",
            "effective": "2015-04-10",
        },
    )
    assert info.published_unit == "unknown" and info.source == before.source  # the published values stay
    # The time can go back to the catalogue's (unconfirmed) one.
    assert edit_procedure(office, WILL, _edit(time_unit="")).processing_time is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"components": ()}, "ít nhất một giấy tờ"),
        ({"components": (("  ", "1", "1"),)}, "ít nhất một giấy tờ"),
        ({"time_value": "-2"}, "không được âm"),
        ({"steps": (("Thẩm định", "Tư pháp", "working_days", "-1"),)}, "không được âm"),
        ({"time_value": "ba"}, "không phải là số"),
        ({"components": (("Đơn", "hai", ""),)}, "Số bản chính"),
        ({"legal_basis": (("Nghị định", "23/2015/NĐ-CP", "31/02/2015", "", ""),)}, "31/02/2015"),
        ({"legal_basis": (("Nghị định", "23/2015/NĐ-CP", "", "", "ngày mai"),)}, "Ngày hiệu lực"),
        ({"name": ""}, "Tên thủ tục"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(office: AppContext, changes: dict, message: str) -> None:
    before = _row(office, WILL)
    with pytest.raises(UserError) as refused:
        edit_procedure(office, WILL, _edit(**changes))
    assert message in str(refused.value)
    assert _row(office, WILL) == before


def test_add_and_retire(office: AppContext) -> None:
    added = edit_procedure(office, "9.000123", _edit(name="Thủ tục riêng của phường"), new=True)
    assert added.office_time and added.fee == "50000" and added.source == "do đơn vị nhập"
    assert len(list_procedures(office)) == 69
    with pytest.raises(UserError, match="Đã có"):
        edit_procedure(office, "9.000123", _edit(), new=True)
    retire_procedure(office, "9.000123")
    assert "9.000123" not in {p.code for p in list_procedures(office)}
    with pytest.raises(UserError):
        retire_procedure(office, "9.000123")
    assert not next(p for p in list_procedures(office, retired=True) if p.code == "9.000123").active
    assert restore_procedure(office, "9.000123").active
    with pytest.raises(UserError, match="đang được áp dụng"):
        restore_procedure(office, "9.000123")


def test_an_import_with_unknown_columns_is_refused(office: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "code,name,field,time_value,time_unit,thoi_han_moi\n9.100000,Thủ tục mới,Văn hóa,5,working_days,3\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="thoi_han_moi"):
        preview_import(office, path)
    assert len(list_procedures(office)) == 68


def test_documents_with_counts_come_from_an_import(office: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "code,name,field,time_value,time_unit,components,legal_basis\n"
        "9.100000,Thủ tục mới,Văn hóa,5,working_days,Đơn | 1 | 0; Bản sao giấy tờ | | 2; Ảnh,"
        "Luật Hộ tịch | 60/2014/QH13 | 20/11/2014 | | 01/01/2016\n",
        encoding="utf-8",
    )
    from isodesk.services.ledger.procedures import apply_import

    apply_import(office, path)
    info = get_procedure(office, "9.100000")
    assert [(d.name, d.originals, d.copies) for d in info.documents] == [
        ("Đơn", 1, 0),
        ("Bản sao giấy tờ", None, 2),
        ("Ảnh", None, None),
    ]
    assert info.legal_basis[0]["date"] == "2014-11-20" and info.legal_basis[0]["effective"] == "2016-01-01"


def test_the_receipt_slip_prints_the_counts_and_the_receiving_account(office: AppContext) -> None:
    """An account not linked to a staff member still signs the slip, by its display name; the documents' counts
    fill the slip's "Bản chính" and "Bản sao" columns."""
    from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
    from isodesk.services.printing import form_pdf
    from tests.pdfcheck import text

    edit_procedure(office, WILL, _edit())
    code = receive_dossier(office, WILL, ApplicantInput("Lê Thị Hoa", phone="0912345678")).code
    slip = text(form_pdf(office, "receipt", code))
    assert "1 Dự thảo di chúc 01" in slip and "2 Giấy tờ tùy thân 01" in slip
    assert "Quản trị viên" in slip  # the office's administrator account, not linked to a staff member
