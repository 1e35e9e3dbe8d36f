"""The printing services the GUI and the command line use: which paper applies, batches, reports, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from isodesk.errors import UserError
from isodesk.i18n import set_language
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.ledger.procedures import set_scope, set_steps
from isodesk.services.printing import (
    form_pdf,
    forms_for,
    ledger_pdf,
    procedure_pdf,
    receipts_pdf,
    received_on,
    scope_pdf,
    stats_pdf,
    write_pdf,
)
from tests.forms_life import NOW, Life, build_life
from tests.pdfcheck import A4, A5, pages_text, sizes, text


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Life]:
    world = build_life(tmp_path_factory.mktemp("life"))
    yield world
    world.ctx.close()


def _choices(life: Life, code: str, now: datetime = NOW) -> dict[str, bool]:
    return {c.name: c.applies for c in forms_for(life.ctx, code, now=now)}


def test_forms_for_each_state(life: Life) -> None:
    codes = life.codes["2025"]
    assert _choices(life, codes["receipt"]) == {
        "receipt": True,
        "supplement": False,
        "refusal": False,
        "apology": True,  # it was given a new appointment
        "stop": False,
        "control-sheet": True,
    }
    assert _choices(life, codes["supplement"])["supplement"] is True
    assert _choices(life, codes["refusal"])["refusal"] is True
    assert _choices(life, codes["stop"])["stop"] is True
    choices = {c.name: c for c in forms_for(life.ctx, life.codes["2018"]["stop"], now=NOW)}
    assert not choices["stop"].applies and "Thông tư 01/2018/TT-VPCP" in choices["stop"].reason
    assert choices["apology"].title == "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
    assert choices["control-sheet"].number == "Mẫu số 05"
    set_language("en")
    choices = {c.name: c for c in forms_for(life.ctx, codes["supplement"], now=NOW)}
    assert choices["apology"].title == "Apology and request to extend the processing time"
    assert choices["refusal"].reason.startswith("Dossier ") and "was not refused" in choices["refusal"].reason


def test_papers_that_do_not_apply_are_refused_clearly(life: Life) -> None:
    codes = life.codes["2025"]
    with pytest.raises(UserError, match="không bị từ chối"):
        form_pdf(life.ctx, "refusal", codes["receipt"])
    with pytest.raises(UserError, match="chưa từng được yêu cầu bổ sung"):
        form_pdf(life.ctx, "supplement", codes["refusal"])
    with pytest.raises(UserError, match="không bị dừng giải quyết"):
        form_pdf(life.ctx, "stop", codes["supplement"])
    with pytest.raises(UserError, match="không bị trễ hạn"):
        form_pdf(life.ctx, "apology", codes["supplement"], now=NOW)  # waiting for the applicant: the clock stands
    with pytest.raises(UserError, match="Thông tư 01/2018/TT-VPCP"):
        form_pdf(life.ctx, "stop", life.codes["2018"]["stop"])
    with pytest.raises(UserError, match="không phải là biểu mẫu"):
        form_pdf(life.ctx, "letter", codes["receipt"])
    with pytest.raises(UserError, match="KHONG-CO"):
        form_pdf(life.ctx, "receipt", "KHONG-CO")


def test_apology_for_an_open_dossier_past_its_appointment(office: AppContext) -> None:
    received = datetime(2026, 3, 2, 9, 0, tzinfo=LOCAL_TZ)
    code = receive_dossier(office, "1.004873", ApplicantInput("Phan Văn Lộc"), received_at=received).code
    move_dossier(office, code, "processing", at=received.replace(hour=10))
    before = datetime(2026, 3, 5, 9, 0, tzinfo=LOCAL_TZ)  # due Thu 5 Mar 17:00
    after = datetime(2026, 3, 6, 9, 0, tzinfo=LOCAL_TZ)
    with pytest.raises(UserError, match="không bị trễ hạn"):
        form_pdf(office, "apology", code, now=before)
    letter = text(form_pdf(office, "apology", code, now=after))
    assert "17 giờ 00 phút, ngày 05 tháng 3 năm 2026" in letter  # the appointment missed
    assert "gia hạn thời gian giải quyết hồ sơ đến …" in letter  # the new date is written by hand once decided
    assert "Mỹ Tho, ngày 06 tháng 3 năm 2026" in letter


def test_control_sheet_judges_each_internal_step(office: AppContext) -> None:
    set_steps(office, "1.004873", "Tiếp nhận | Bộ phận một cửa | 2h; Thẩm định | Tư pháp | 1d; Ký | Lãnh đạo | 4h")
    received = datetime(2026, 3, 2, 8, 0, tzinfo=LOCAL_TZ)  # steps due Mon 10:00, Tue 17:00, Wed 11:30
    code = receive_dossier(office, "1.004873", ApplicantInput("Phan Văn Lộc"), received_at=received).code
    move_dossier(office, code, "processing", at=datetime(2026, 3, 2, 9, 0, tzinfo=LOCAL_TZ))  # on time
    move_dossier(office, code, "processing", at=datetime(2026, 3, 2, 16, 0, tzinfo=LOCAL_TZ))  # a day ahead
    move_dossier(office, code, "ready", at=datetime(2026, 3, 4, 14, 0, tzinfo=LOCAL_TZ))  # after 11:30: late
    sheet = pages_text(form_pdf(office, "control-sheet", code))[0]
    rows = sheet[sheet.index("GHI CHÚ") :]
    # In the official form's words (TT 01/2018 form 05: "Trước hạn/đúng hạn/quá hạn").
    assert [word for word in rows.split() if word in ("Trước", "Đúng", "Quá")] == ["Đúng", "Trước", "Quá"]
    assert "Giao: Trung tâm Phục vụ hành chính công" in rows  # the first hand-over leaves the desk
    assert sheet.count("Giao: ……") >= 2  # rows to fill in by hand while the dossier is open


def test_receipts_of_a_day_in_one_file(office: AppContext) -> None:
    day = datetime(2026, 3, 3, 8, 0, tzinfo=LOCAL_TZ)
    codes = [
        receive_dossier(office, "1.001193", ApplicantInput(name), received_at=day.replace(hour=h)).code
        for name, h in (("Lý Thị Mai", 8), ("Đinh Văn Tài", 9), ("Mai Thị Lan", 10))
    ]
    receive_dossier(office, "1.001193", ApplicantInput("Hồ Văn Khác"), received_at=day.replace(day=4))
    assert received_on(office, date(2026, 3, 3)) == codes
    data = receipts_pdf(office, received_on(office, date(2026, 3, 3)))
    pages = pages_text(data)
    assert len(pages) == 6 and sizes(data) == {A5}
    for i, code in enumerate(codes):
        assert code in pages[2 * i] and code in pages[2 * i + 1]
    assert "Đinh Văn Tài" in pages[2] and "(Liên: Giao khách hàng)" in pages[3]
    with pytest.raises(UserError, match="KHONG-CO"):
        receipts_pdf(office, [codes[0], "KHONG-CO"])
    with pytest.raises(UserError):
        receipts_pdf(office, [])


def test_ledger_fills_hand_over_and_result_back_from_events(life: Life) -> None:
    page = pages_text(ledger_pdf(life.ctx, date(2026, 2, 5), date(2026, 2, 5)))[0]
    code = life.codes["2025"]["receipt"]
    head, _sep, tail = code.partition("-")
    row = page[page.index(f"{head}- {tail}") :]  # a long code is printed on two lines, broken after its first dash
    row = row[: row.index(life.codes["2025"]["supplement"].partition("-")[2])]
    # received, appointment (the new one), sent for processing (first hand-over), result back (ready), returned
    for stamp in ("05/02/2026 09:30", "12/02/2026 16:30", "05/02/2026 10:00", "10/02/2026 09:00", "11/02/2026 10:00"):
        assert stamp in row, stamp
    assert "Đã hẹn lại" in row
    assert "Từ chối tiếp nhận" in page and "Dừng giải quyết" in page
    with pytest.raises(UserError):
        ledger_pdf(life.ctx, date(2026, 2, 5), date(2026, 2, 4))


def test_statistics_report(life: Life) -> None:
    data = stats_pdf(life.ctx, date(2025, 9, 1), date(2026, 2, 28), now=NOW)
    page = text(data)
    for expected in (
        "BÁO CÁO",
        "Kết quả giải quyết thủ tục hành chính từ ngày 01/09/2025 đến ngày 28/02/2026",  # the subject line
        "09/2025",
        "02/2026",
        "Tổng",
        "Hộ tịch",
        "100,0%",
        "ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO",  # the committee's own report: no parent line
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Hùng",
    ):
        assert expected in page, expected
    assert sizes(data) == {A4}
    with pytest.raises(UserError):
        stats_pdf(life.ctx, date(2026, 2, 1), date(2026, 1, 1))


def test_procedure_document_and_scope(life: Life) -> None:
    data = procedure_pdf(life.ctx, "1.004873", issued=date(2026, 1, 15))
    pages = pages_text(data)
    first = pages[0]
    for expected in (
        "QUY TRÌNH",
        "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
        "Lần ban hành: 01",
        "Ngày ban hành: 15/01/2026",
        f"Trang: 1/{len(pages)}",
        "Lê Minh Đức",
        "Trần Thị Thu Hà",
        "Nguyễn Văn Hùng",
        "1. MỤC ĐÍCH",
        "Ban hành lần đầu",
    ):
        assert expected in first, expected
    assert "QT " in first and "/HT" in first
    whole = " ".join(pages)
    for expected in (
        "5.1. Thành phần hồ sơ",
        "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
        "03 ngày làm việc",
        "5.6. Quy trình xử lý công việc",
        "Tổng thời gian giải quyết",
        "6. BIỂU MẪU",
        "7. HỒ SƠ CẦN LƯU",
        "Quyết định số 163/QĐ-BTP",
        # The legal basis with number, date and title, from the catalogue's own field.
        "Luật Hộ tịch số 60/2014/QH13 ngày 20 tháng 11 năm 2014",
        "Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều và",
        "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025",
    ):
        assert expected in whole, expected
    assert "UBND TỈNH" not in whole and "ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO" in first
    assert all(f"Trang: {i}/{len(pages)}" in p for i, p in enumerate(pages, 1))  # the header on every page
    custom = pages_text(procedure_pdf(life.ctx, "1.004873", issue=2, doc_code="QT 02/CX-HCTP"))[0]
    assert "Mã hiệu: QT 02/CX-HCTP" in custom and "Lần ban hành: 02" in custom
    set_scope(life.ctx, "1.000656", False)
    with pytest.raises(UserError, match=r"1\.000656"):
        procedure_pdf(life.ctx, "1.000656")
    scope = text(scope_pdf(life.ctx, date(2026, 1, 15)))
    for expected in (
        "PHẠM VI ÁP DỤNG",
        "TCVN ISO 9001:2015",
        "67 thủ tục hành chính",
        "8.3",
        "Thiết kế và phát triển sản phẩm và dịch vụ",
        "chưa đưa vào phạm vi",
        "1.000656",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Hùng",  # the head signs the scope, like the statistics report
    ):
        assert expected in scope, expected
    set_scope(life.ctx, "1.000656", True)


def test_write_pdf_refuses_bad_paths_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (tmp_path / "a-file").write_text("x")
    for bad in (folder / "phieu.docx", folder, folder / "missing" / "phieu.pdf", tmp_path / "a-file" / "phieu.pdf"):
        with pytest.raises(UserError):
            write_pdf(bad, b"%PDF-1.4")
    assert list(folder.iterdir()) == []
