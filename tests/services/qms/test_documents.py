"""The register of controlled documents (ISO 9001:2015 7.5): issues keep their history, an issued revision is never
edited, an obsolete document is never distributed; attachments are kept with their checksum; the ISO procedures
printed from the catalogue join the register with their issue numbers."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.printing import procedure_pdf
from isodesk.services.qms.documents import (
    add_document,
    attach_file,
    distribute,
    edit_draft,
    file_intact,
    issue_document,
    list_documents,
    make_obsolete,
    register_iso_procedures,
    revise_document,
)


def _revisions(office: AppContext) -> list[tuple[int, str]]:
    conn = sqlite3.connect(database_path(office.data_dir))
    try:
        return list(conn.execute("SELECT issue, state FROM qms_revisions ORDER BY document_id, issue"))
    finally:
        conn.close()


@pytest.fixture
def secretary(office: AppContext) -> AppContext:
    add_account(office, "lan", "Trần Thị Lan", ["iso_secretary"], password="Thư ký 2026")
    return office


def test_issues_keep_their_history_and_an_issued_one_is_never_edited(secretary: AppContext, tmp_path: Path) -> None:
    office = secretary
    doc = add_document(office, "QT 01/VP", "Quy trình kiểm soát tài liệu", "system_procedure")
    source = tmp_path / "Quy trình kiểm soát.docx"
    source.write_bytes(b"noi dung lan 1")
    doc = attach_file(office, doc.id, source)
    assert doc.revisions[0].checksum and file_intact(office, doc.id) is True
    with pytest.raises(UserError, match="Thư ký ISO"):
        issue_document(office, doc.id, date(2026, 1, 10))  # the administrator does not issue documents
    office.actor = "lan"
    doc = issue_document(office, doc.id, date(2026, 1, 10), "Nguyễn Văn Hùng")
    assert [(r.issue, r.state, r.approved_by) for r in doc.revisions] == [(1, "issued", "Nguyễn Văn Hùng")]
    kept = office.data_dir / "documents" / doc.revisions[0].file_name
    kept.write_bytes(b"da bi sua ngoai chuong trinh")  # a copy changed outside the program is found
    assert file_intact(office, doc.id) is False
    before = _revisions(office)
    for attempt in (lambda: edit_draft(office, doc.id, "Sửa"), lambda: attach_file(office, doc.id, source)):
        with pytest.raises(UserError, match="không bao giờ được sửa"):
            attempt()
    assert _revisions(office) == before
    office.actor = "admin"
    doc = revise_document(office, doc.id, "Bổ sung bước lưu trữ")
    with pytest.raises(UserError, match="bản dự thảo"):
        revise_document(office, doc.id, "Lần nữa")
    office.actor = "lan"
    doc = issue_document(office, doc.id, date(2026, 6, 1))
    assert [(r.issue, r.state) for r in doc.revisions] == [(1, "superseded"), (2, "issued")]
    assert doc.current is not None and doc.current.change == "Bổ sung bước lưu trữ"
    office.actor = "admin"
    doc = distribute(office, doc.id, ["Bộ phận một cửa", "Văn phòng", "Bộ phận một cửa"])
    assert doc.revisions[-1].distribution == ("Bộ phận một cửa", "Văn phòng")


def test_an_obsolete_document_is_not_distributed(secretary: AppContext) -> None:
    office = secretary
    doc = add_document(office, "BM 01", "Sổ theo dõi", "form")
    make_obsolete(office, doc.id, date(2026, 3, 1))
    for attempt in (
        lambda: distribute(office, doc.id, ["Văn phòng"]),
        lambda: revise_document(office, doc.id, "Mới"),
    ):
        with pytest.raises(UserError, match="hết hiệu lực"):
            attempt()
    assert list_documents(office)[0].revisions[0].distribution == ()
    with pytest.raises(UserError, match="Đã có"):
        add_document(office, "BM 01", "Trùng mã", "form")
    with pytest.raises(UserError):
        add_document(office, "BM 02", "Loại lạ", "poster")


def test_printed_iso_procedures_join_the_register(secretary: AppContext) -> None:
    office = secretary
    office.actor = "lan"  # printing an issue records it when the account may issue documents
    procedure_pdf(office, "1.004873", issue=1, issued=date(2025, 3, 1))
    procedure_pdf(office, "1.004873", issue=2, issued=date(2026, 2, 1), change="Cập nhật thời hạn")
    office.actor = "admin"
    made = register_iso_procedures(office)
    assert [(d.code, d.kind) for d in made] == [("QT 1.004873/HT", "iso_procedure")]
    assert [(r.issue, r.state, r.issued_on) for r in made[0].revisions] == [
        (1, "superseded", date(2025, 3, 1)),
        (2, "issued", date(2026, 2, 1)),
    ]
    assert len(register_iso_procedures(office)[0].revisions) == 2  # again: nothing doubled
