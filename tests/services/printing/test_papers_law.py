"""What the law asks of the papers, read back from the PDFs: names by date, addressing, the 2025 slip, the
catalogue's notes kept off every paper, the ledger's parts and dates (issue 16, DOMAIN.md §2 and §5)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.ledger.procedures import get_procedure, list_procedures
from isodesk.services.printing import form_pdf, ledger_pdf, procedure_pdf, receipts_pdf
from tests.pdfcheck import pages_text, placed_text, text

#: Words of the starter catalogue's notes, fees and exemptions that must never be printed as documents or rules.
NOTE_WORDS = (
    "DVCQG",
    "Phí 8.000",
    "đ/bản",
    "(?)",
    "Hải Phòng",
    "chưa xác nhận",
    "đơn vị OTHER",
    "ghi trong trình tự",
    "HP (",
)


def at(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


@dataclass
class World:
    ctx: AppContext
    before_july: str  # received 20/06/2025: the ward's former name, the old desk
    organisation: str  # a household business filed by its representative (2025 forms)
    person: str  # a person with an ID number (2025 forms)
    copy: str  # a copy of a civil status extract: a fee and an exemption in the catalogue
    straddle: list[str]  # received 12/09/2025 (2018 set) and 16/09/2025 (2025 set)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from isodesk.services.context import open_context
    from isodesk.services.office.profile import init_office

    ctx = open_context(tmp_path_factory.mktemp("law"))
    init_office(ctx, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Hùng")
    before = receive_dossier(ctx, "1.004873", ApplicantInput("Lâm Văn Hậu"), received_at=at(2025, 6, 20, 9, 0)).code
    move_dossier(ctx, before, "processing", at=at(2025, 6, 20, 10))
    move_dossier(ctx, before, "extended", at=at(2025, 6, 24, 16), new_due=at(2025, 6, 27, 16), note="Phải xác minh")
    organisation = receive_dossier(
        ctx,
        "1.004873",
        ApplicantInput(
            "Hộ kinh doanh Bảy Ơn",
            kind="organisation",
            address="Số 12 đường Nam Kỳ Khởi Nghĩa",
            representative="Nguyễn Văn Bảy",
            representative_id_number="082085001234",
            representative_phone="0913 456 789",
        ),
        received_at=at(2026, 3, 3, 8, 30),
    ).code
    move_dossier(ctx, organisation, "processing", at=at(2026, 3, 3, 9))
    move_dossier(ctx, organisation, "extended", at=at(2026, 3, 5, 15), new_due=at(2026, 3, 10, 16), note="Xác minh")
    person = receive_dossier(
        ctx, "1.004873", ApplicantInput("Phạm Thị Lan", id_number="082190004321"), received_at=at(2026, 3, 3, 9)
    ).code
    copy = receive_dossier(ctx, "2.000635", ApplicantInput("Võ Minh Trí"), received_at=at(2026, 3, 3, 10)).code
    straddle = [
        receive_dossier(ctx, "1.001193", ApplicantInput(name), received_at=when).code
        for name, when in (("Đào Thị Mơ", at(2025, 9, 12, 9)), ("Lý Văn Đông", at(2025, 9, 16, 9)))
    ]
    yield World(ctx, before, organisation, person, copy, straddle)
    ctx.close()


def test_before_july_2025_the_desk_and_the_unit_keep_their_names_of_then(world: World) -> None:
    slip = pages_text(form_pdf(world.ctx, "receipt", world.before_july))[0]
    assert "UBND PHƯỜNG 1 BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" in slip  # the unit's former name over the old desk
    assert "Bộ phận Tiếp nhận và Trả kết quả tiếp nhận hồ sơ của: Lâm Văn Hậu" in slip
    assert "Trung tâm" not in slip and "MỸ THO" not in slip.split("CỘNG HÒA")[0]
    assert "Mỹ Tho, ngày 20 tháng 6 năm 2025" in slip  # the place stays the locality
    letter = pages_text(form_pdf(world.ctx, "apology", world.before_july))[0]
    assert "ỦY BAN NHÂN DÂN PHƯỜNG 1" in letter  # "Phường 1": a unit named by a number keeps its capital
    assert "Ủy ban nhân dân Phường 1 đã tiếp nhận hồ sơ" in letter


def test_after_july_2025_the_ward_centre_named_with_its_ward(world: World) -> None:
    slip = pages_text(form_pdf(world.ctx, "receipt", world.person))[0]
    assert "UBND PHƯỜNG MỸ THO TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in slip
    assert "Trung tâm Phục vụ hành chính công phường Mỹ Tho tiếp nhận hồ sơ của: Phạm Thị Lan" in slip
    assert "6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công phường Mỹ Tho" in slip


def test_2025_slip_number_personal_id_and_representative(world: World) -> None:
    person = pages_text(form_pdf(world.ctx, "receipt", world.person))[0]
    assert "Số: 2/TTPVHCC" in person  # the second entry of the 2026 ledger book
    assert "Số định danh cá nhân: 082190004321" in person
    assert "Người đại diện" not in person  # filed in person: no representative line
    organisation = pages_text(form_pdf(world.ctx, "receipt", world.organisation))[0]
    assert "tiếp nhận hồ sơ của: Hộ kinh doanh Bảy Ơn" in organisation
    assert (
        "Người đại diện, người được ủy quyền nộp hồ sơ: Nguyễn Văn Bảy; số định danh cá nhân: 082085001234; "
        "số điện thoại: 0913 456 789" in organisation
    )
    assert "Số định danh cá nhân: …" not in organisation  # an organisation has no personal ID line of its own
    # The signature block names the person who filed, under "NGƯỜI NỘP HỒ SƠ", never the organisation.
    names = [t for t, _x, _y in placed_text(form_pdf(world.ctx, "receipt", world.organisation))]
    signer = names[names.index("NGƯỜI NỘP HỒ SƠ") :]
    assert "Nguyễn Văn Bảy" in signer and "Hộ kinh doanh Bảy Ơn" not in signer


def test_an_organisation_is_addressed_by_its_name(world: World) -> None:
    letter = text(form_pdf(world.ctx, "apology", world.organisation))
    assert "Kính gửi: Hộ kinh doanh Bảy Ơn" in letter and "Ông/Bà" not in letter
    assert "xin lỗi Hộ kinh doanh Bảy Ơn" in letter
    person = text(form_pdf(world.ctx, "receipt", world.person))
    control = text(form_pdf(world.ctx, "control-sheet", world.organisation))
    assert "Ông/Bà Hộ kinh doanh" not in control and "Phạm Thị Lan" in person


def test_the_2018_apology_number_carries_the_issuers_abbreviation(world: World) -> None:
    letter = pages_text(form_pdf(world.ctx, "apology", world.before_july))[0]
    assert "Số: ……/PXL-UBND" in letter


def test_no_catalogue_note_on_any_paper(world: World) -> None:
    """A fee, an exemption or a remark of the catalogue is never printed as a document or a time rule."""
    copy = get_procedure(world.ctx, "2.000635")
    assert copy.fee == "8000/bản" and copy.exemptions.startswith("Miễn cho gia đình người có công")
    assert all("Phí" not in c and "iễn" not in c for c in copy.components)
    papers = {
        "slip": text(form_pdf(world.ctx, "receipt", world.copy)),
        "control": text(form_pdf(world.ctx, "control-sheet", world.copy)),
        "procedure": text(procedure_pdf(world.ctx, "2.000635", issued=date(2026, 3, 1))),
        "business": text(procedure_pdf(world.ctx, "1.001612", issued=date(2026, 3, 1))),
        "marriage": text(procedure_pdf(world.ctx, "1.000894", issued=date(2026, 3, 1))),
        "adoption": text(procedure_pdf(world.ctx, "2.001263", issued=date(2026, 3, 1))),
        "land": text(procedure_pdf(world.ctx, "1.013978", issued=date(2026, 3, 1))),
    }
    for name, page in papers.items():
        for word in NOTE_WORDS:
            assert word not in page, (name, word)
    assert "Lệ phí: 8.000 đồng/bản" in papers["slip"]  # the fee in its line
    assert "Miễn cho gia đình" not in papers["slip"]  # the slip lists documents, not who is exempt
    procedure = papers["procedure"]
    fee_at = procedure.index("5.5. Phí, lệ phí: 8.000 đồng/bản.")
    assert procedure.index("Miễn cho gia đình người có công với cách mạng") > fee_at  # under the fee
    assert "hai bên phải có mặt" not in papers["marriage"].lower()
    assert "Miễn lệ phí cho: cha dượng, mẹ kế" in papers["adoption"]


def test_no_note_among_the_starter_documents_and_rules(world: World) -> None:
    for p in list_procedures(world.ctx):
        for document in p.components:
            assert not any(word in document for word in (*NOTE_WORDS, "Phí ", "Miễn", "?")), (p.code, document)
        assert not any(word in p.cutoff_note for word in ("DVCQG", "?", "→", "chưa xác nhận")), p.code


def test_ledger_of_a_period_straddling_the_change_of_form_set(world: World) -> None:
    pages = pages_text(ledger_pdf(world.ctx, date(2025, 9, 1), date(2025, 9, 30)))
    first = next(i for i, p in enumerate(pages) if "Mẫu số 07" in p)
    old, new = " ".join(pages[:first]), " ".join(pages[first:])
    assert "Mẫu số 06 (Thông tư 01/2018/TT-VPCP)" in old and "Từ ngày 01/09/2025 đến ngày 14/09/2025" in old
    assert "Mẫu số 07 (Thông tư 03/2025/TT-VPCP)" in new and "Từ ngày 15/09/2025 đến ngày 30/09/2025" in new
    assert "Đào Thị Mơ" in old and "Đào Thị Mơ" not in new
    assert "Lý Văn Đông" in new and "Lý Văn Đông" not in old


def test_ledger_shows_both_dates_after_an_apology(world: World) -> None:
    page = pages_text(ledger_pdf(world.ctx, date(2026, 3, 3), date(2026, 3, 3)))[0]
    row = page[page.index("Hộ kinh doanh Bảy Ơn") :]
    # due on the slip (three working days: Fri 06/03 17:00), then the new appointment of the apology
    assert "06/03/2026 17:00 Hẹn lại: 10/03/2026 16:00" in row


def test_receipts_of_two_eras_in_one_batch(world: World) -> None:
    pages = pages_text(receipts_pdf(world.ctx, [world.before_july, world.person]))
    assert "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" in pages[0] and "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in pages[2]


def test_revision_history_lists_every_earlier_issue(world: World) -> None:
    """Printing an issue records it when the ISO secretary prints it; every later issue lists the earlier ones."""
    from isodesk.services.accounts.accounts import add_account, use_account

    add_account(world.ctx, "thuky", "Lê Minh Đức", ["iso_secretary"], password="Mật-khẩu-thư-ký-2026")
    use_account(world.ctx, "thuky")
    procedure_pdf(world.ctx, "1.004884", issue=1, issued=date(2026, 1, 15))
    third = pages_text(
        procedure_pdf(world.ctx, "1.004884", issue=3, issued=date(2026, 6, 1), change="Cập nhật thời hạn")
    )
    history = third[0][third[0].index("THEO DÕI SỬA ĐỔI TÀI LIỆU") : third[0].index("1. MỤC ĐÍCH")]
    assert "01 15/01/2026 Ban hành lần đầu" in history
    assert "02 ………………… …………………" in history  # never printed here: to be filled in by hand
    assert "03 01/06/2026 Cập nhật thời hạn" in history
    procedure_pdf(world.ctx, "1.004884", issue=2, issued=date(2026, 3, 2), change="Sửa thành phần hồ sơ")
    again = pages_text(
        procedure_pdf(world.ctx, "1.004884", issue=3, issued=date(2026, 6, 1), change="Cập nhật thời hạn")
    )
    assert "02 02/03/2026 Sửa thành phần hồ sơ" in again[0] and "Lần ban hành: 03" in again[0]
    use_account(world.ctx, "admin")  # the administrator may print but not issue: nothing more is recorded
    first = pages_text(procedure_pdf(world.ctx, "1.004884", issue=1, issued=date(2026, 9, 9)))[0]
    assert "01 09/09/2026 Ban hành lần đầu" in first
    later = pages_text(procedure_pdf(world.ctx, "1.004884", issue=2, issued=date(2026, 3, 2)))[0]
    assert "01 15/01/2026 Ban hành lần đầu" in later


def test_supplement_request_marks_the_copy_asked_for_and_gives_the_reason(world: World) -> None:
    from isodesk.errors import UserError
    from isodesk.services.office.profile import update_profile

    code = receive_dossier(world.ctx, "1.001193", ApplicantInput("Tô Thị Hoa"), received_at=at(2026, 3, 4, 8)).code
    note = (
        "Giấy chứng sinh (bản chính); Văn bản ủy quyền (bản sao chứng thực); Giấy tờ tùy thân (bản chụp); "
        "Tờ khai. Lý do: Giấy chứng sinh bị rách, không đọc được."
    )
    move_dossier(world.ctx, code, "supplement", at=at(2026, 3, 4, 8, 20), note=note)
    with pytest.raises(UserError, match="người liên hệ và số điện thoại"):
        form_pdf(world.ctx, "supplement", code)  # the office's contact is not known yet: asked for, not left blank
    update_profile(world.ctx, contact_name="Công chức Tư pháp - Hộ tịch", contact_phone="0273 3872 136")
    data = form_pdf(world.ctx, "supplement", code)
    page = text(data)
    assert "Lý do: Giấy chứng sinh bị rách, không đọc được." in page
    assert "liên hệ với Công chức Tư pháp - Hộ tịch, số điện thoại 0273 3872 136" in page
    placed = placed_text(data)
    mm = 72 / 25.4
    # The table of an A4 paper within its 30 mm and 15 mm margins: TT 10 mm, the item, then 22 / 28 / 22 mm.
    right = (210 - 15) * mm
    columns = {
        "Bản chính": (right - 72 * mm, right - 50 * mm),
        "Bản sao chứng thực": (right - 50 * mm, right - 22 * mm),
        "Bản chụp": (right - 22 * mm, right),
    }
    for header in ("Bản chính", "Bản chụp"):
        ((x, _y),) = [(x, y) for t, x, y in placed if t == header]
        assert columns[header][0] < x < columns[header][1]  # the headings are where the marks are looked for
    rows = {t: y for t, _x, y in placed if t in ("Giấy chứng sinh", "Văn bản ủy quyền", "Giấy tờ tùy thân", "Tờ khai")}
    marks = [(x, y) for t, x, y in placed if t == "x"]

    def column_of(row: str) -> list[str]:
        return [c for x, y in marks if abs(y - rows[row]) < 2 for c, (a, b) in columns.items() if a < x < b]

    assert column_of("Giấy chứng sinh") == ["Bản chính"]
    assert column_of("Văn bản ủy quyền") == ["Bản sao chứng thực"]
    assert column_of("Giấy tờ tùy thân") == ["Bản chụp"]
    assert column_of("Tờ khai") == []  # no copy named: the officer ticks it by hand


def test_a_new_circular_is_a_new_form_set_in_the_data(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """NĐ 309/2026/NĐ-CP hands the one-stop forms to the Ministry of Justice: its circular will be one more form set
    chosen by date, and the dossier code's pattern a setting; neither needs a change of code."""
    import copy

    from isodesk.services.printing import templates
    from isodesk.services.settings import set_setting

    data = copy.deepcopy(templates._data())
    current = data["sets"][-1]
    current["valid_to"] = "2026-12-31"
    future = copy.deepcopy(current)
    future.update(id="btp-2027", name="Thông tư của Bộ Tư pháp (giả định)", valid_from="2027-01-01", valid_to=None)
    future["forms"]["receipt"]["title"] = "PHIẾU TIẾP NHẬN HỒ SƠ"
    future["forms"]["ledger"]["number"] = "Mẫu số 08"
    data["sets"].append(future)
    monkeypatch.setattr(templates, "_data", lambda: data)
    set_setting(world.ctx, "ledger.code_pattern", "{agency}.{yymmdd}.{seq:05d}")
    try:
        code = receive_dossier(world.ctx, "1.004873", ApplicantInput("Mai Văn Tết"), received_at=at(2027, 1, 5, 9)).code
    finally:
        set_setting(world.ctx, "ledger.code_pattern", "{agency}-{yymmdd}-{seq:04d}")
    assert code.endswith(".270105.00001")
    slip = pages_text(form_pdf(world.ctx, "receipt", code))[0]
    assert "PHIẾU TIẾP NHẬN HỒ SƠ" in slip and code in slip
    ledger = " ".join(pages_text(ledger_pdf(world.ctx, date(2026, 12, 20), date(2027, 1, 10))))
    assert "Mẫu số 07" in ledger and "Mẫu số 08 (Thông tư của Bộ Tư pháp (giả định))" in ledger
