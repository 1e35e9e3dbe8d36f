"""The input rules: valid and invalid examples for each, and the Vietnamese message a refusal gives."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from isodesk.domain import validation as v
from isodesk.errors import UserError
from isodesk.services.inputs import check, problem

TODAY = date(2026, 11, 24)


# -- free text -------------------------------------------------------------------------------------------------
def test_text_is_stored_nfc_without_controls_and_with_single_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn  Văn\tĐức")
    assert v.text(f" {decomposed}\u200b\x00\ud800 ", v.APPLICANT_NAME) == "Nguyễn Văn Đức"
    assert v.normalise("a\u202eb\r\nc") == "ab c"  # bidi override dropped, line break made a space


def test_text_limit_and_required_say_the_field_and_the_limit_in_vietnamese() -> None:
    assert v.text("x" * 200, v.APPLICANT_NAME) == "x" * 200
    assert problem(v.text, "x" * 201, v.APPLICANT_NAME) == "Họ tên người nộp hồ sơ quá dài: 201 ký tự, tối đa 200."
    assert problem(v.text, " \t ", v.APPLICANT_NAME) == "Họ tên người nộp hồ sơ không được để trống."
    assert v.text("", v.ADDRESS) == ""


def test_a_long_value_is_cut_in_the_message() -> None:
    message = problem(v.phone_number, "9" * 5000)
    assert message is not None and len(message) < 300 and "…" in message


@pytest.mark.parametrize(
    "name", ["Nguyễn Văn Đức", "Đặng Thị Ánh Nguyệt", "H'Hen Niê", "Jean-Pierre O'Neil", "Kim Jong-un"]
)
def test_person_names(name: str) -> None:
    assert v.person_name(name) == name


@pytest.mark.parametrize(("name", "char"), [("Nguyễn Văn 2", "2"), ("Lê Thị Hoa 0912345678", "0"), ("an@b", "@")])
def test_person_names_refuse_digits_and_symbols(name: str, char: str) -> None:
    assert problem(v.person_name, name) == f"Họ tên “{name}” có ký tự “{char}”: họ tên chỉ gồm chữ cái và khoảng trắng."


# -- phone numbers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912 345 678"),
        ("0912 345 678", "0912 345 678"),
        ("0912.345.678", "0912 345 678"),
        ("091-234-5678", "0912 345 678"),
        ("+84 912 345 678", "0912 345 678"),
        ("+84 0912 345 678", "0912 345 678"),
        ("84912345678", "0912 345 678"),
        ("0084 912 345 678", "0912 345 678"),
        ("0865123456", "0865 123 456"),
        ("02733872135", "0273 3872 135"),  # landline, Tiền Giang/Đồng Tháp area code 273
        ("(024) 3825 3531", "024 3825 3531"),  # Hà Nội
        ("1900.1234", "1900 1234"),
        ("+1 650 253 0000", "+1 650-253-0000"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert v.phone_number(typed) == stored


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0912 34", "cần 10 chữ số, bắt đầu bằng 0"),
        ("09123456789", "cần 10 chữ số"),
        ("0273 387 213", "11 chữ số, bắt đầu bằng 02"),
        ("0412345678", "không phải số đang dùng ở Việt Nam"),
        ("01234567890", "cần 10 chữ số"),  # an old 11-digit mobile number, converted in 2018
        ("912345678", "phải bắt đầu bằng 0"),
        ("0912abc678", "chỉ nhập chữ số"),
        ("+999 12345", "không phải số quốc tế hợp lệ"),
    ],
)
def test_bad_phone_numbers(typed: str, expected: str) -> None:
    message = problem(v.phone_number, typed)
    assert message is not None and message.startswith(f"Số điện thoại “{typed}” ") and expected in message


def test_the_message_of_the_brief_example() -> None:
    assert problem(v.phone_number, "0912 34") == (
        "Số điện thoại “0912 34” không hợp lệ: số di động cần 10 chữ số, bắt đầu bằng 0; "
        "số cố định cần 11 chữ số, bắt đầu bằng 02."
    )


# -- email -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ubnd@dongthap.gov.vn", "ubnd@dongthap.gov.vn"),
        ("Nguyen.Van.A@Gmail.COM", "Nguyen.Van.A@gmail.com"),
        ("a+b_c@sub.example.vn", "a+b_c@sub.example.vn"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
        ("", ""),
    ],
)
def test_emails(typed: str, stored: str) -> None:
    assert v.email_address(typed) == stored


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nguyễn@gmail.com", "tắt bộ gõ tiếng Việt"),
        ("a@b", "tên@tên-miền"),
        ("a@@b.vn", "tên@tên-miền"),
        ("a..b@c.vn", "tên@tên-miền"),
        (".a@c.vn", "tên@tên-miền"),
        ("a b@c.vn", "tên@tên-miền"),
        ("a@-c.vn", "tên@tên-miền"),
        ("a@c.v1", "tên@tên-miền"),
        ("a" * 65 + "@c.vn", "tên@tên-miền"),
        ("gmail.com", "tên@tên-miền"),
    ],
)
def test_bad_emails(typed: str, expected: str) -> None:
    message = problem(v.email_address, typed)
    assert message is not None and message.startswith("Địa chỉ thư điện tử") and expected in message


# -- citizen ID ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("001099012345", "001099012345"),  # Hà Nội, male, born 1999
        ("082 303 012 345", "082303012345"),  # Tiền Giang, female, born 2003
        ("079-226-001234", "079226001234"),  # born 2026: a newborn gets a number at birth registration
        ("", ""),
    ],
)
def test_citizen_ids(typed: str, stored: str) -> None:
    assert v.citizen_id(typed, TODAY) == stored


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0010990123", "có 10 chữ số, cần đúng 12 chữ số"),
        ("0010990123456", "có 13 chữ số"),
        ("123456789", "chứng minh nhân dân 9 số"),
        ("00109901234a", "chỉ gồm 12 chữ số"),
        ("001227012345", "năm sinh 2027"),  # born next year
        ("001499012345", "năm sinh 2199"),  # the 22nd century
    ],
)
def test_bad_citizen_ids(typed: str, expected: str) -> None:
    message = problem(v.citizen_id, typed, TODAY)
    assert message is not None and message.startswith("Số định danh cá nhân") and expected in message


# -- dates, times, numbers -------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["2026-02-12", "12/02/2026", "12/2/2026", "12-02-2026", "12.02.2026", " 2026-2-12 "])
def test_dates(typed: str) -> None:
    assert v.parse_date(typed) == date(2026, 2, 12)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31/02/2026", "không có trên lịch"),
        ("2026-13-01", "không có trên lịch"),
        ("12/02/26", "năm đủ bốn chữ số"),
        ("12/02/0206", "nằm ngoài khoảng 01/01/2000 – 31/12/2100"),
        ("1999-12-31", "hãy kiểm tra năm"),
        ("hôm nay", "không phải là ngày"),
        ("", "không phải là ngày"),
    ],
)
def test_bad_dates(typed: str, expected: str) -> None:
    message = problem(v.parse_date, typed)
    assert message is not None and message.startswith("Ngày") and expected in message


def test_date_range_can_be_narrowed() -> None:
    with pytest.raises(UserError):
        check(v.parse_date, "01/01/2030", latest=date(2029, 12, 31))


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("2026-02-12T09:30", datetime(2026, 2, 12, 9, 30)),
        ("2026-02-12 09:30", datetime(2026, 2, 12, 9, 30)),
        ("09:30 12/02/2026", datetime(2026, 2, 12, 9, 30)),
        ("12/02/2026 9h30", datetime(2026, 2, 12, 9, 30)),
        ("12/02/2026", datetime(2026, 2, 12)),
        ("2026-02-12T09:30+07:00", datetime(2026, 2, 12, 9, 30, tzinfo=timezone(timedelta(hours=7)))),
    ],
)
def test_datetimes(typed: str, moment: datetime) -> None:
    assert v.parse_datetime(typed) == moment


@pytest.mark.parametrize("typed", ["2026-02-30T09:30", "25:00 12/02/2026", "12/02/2026 09:30 sáng", "T09:30"])
def test_bad_datetimes(typed: str) -> None:
    message = problem(v.parse_datetime, typed)
    assert message is not None and typed in message


def test_times() -> None:
    assert v.parse_time("15:00") == time(15) and v.parse_time("7:30") == time(7, 30) and v.parse_time("15h00")
    for typed in ("24:00", "15:60", "3 giờ", ""):
        assert problem(v.parse_time, typed) == f"Giờ “{typed}” không phải giờ trong ngày: hãy viết dạng 15:00."


def test_numbers() -> None:
    label = v.N_("The retention period")
    assert v.whole_number("10", label, 1, 100) == 10
    assert problem(v.whole_number, "0", label, 1, 100) == (
        "Thời hạn lưu giữ “0” không hợp lệ: cần một số nguyên từ 1 đến 100."
    )
    assert problem(v.whole_number, "1e3", label, 1, 100) is not None
    assert v.decimal_number("1,5", label, Decimal(0), Decimal(1000)) == Decimal("1.5")
    assert v.decimal_number("2.25", label, Decimal(0), Decimal(1000)) == Decimal("2.25")
    for typed in ("NaN", "Infinity", "1e999", "-1", "1001", "1.2.3", "một"):
        assert problem(v.decimal_number, typed, label, Decimal(0), Decimal(1000)) is not None


# -- codes -----------------------------------------------------------------------------------------------------
def test_codes() -> None:
    assert v.procedure_code(" 1.001193 ") == "1.001193"
    assert v.procedure_code("1.001193.000.00.00.H56") == "1.001193.000.00.00.H56"
    assert v.dossier_code("000.00.28.H20-261116-0001") == "000.00.28.H20-261116-0001"
    assert v.agency_code("000.00.28.H20") == "000.00.28.H20"
    assert v.unit_code("82", province=True) == "82" and v.unit_code("1", province=True) == "01"
    assert v.unit_code("28261", province=False) == "28261" and v.unit_code("70", province=False) == "00070"
    assert problem(v.procedure_code, "thủ tục 1") == (
        "Mã thủ tục “thủ tục 1” không hợp lệ: chỉ gồm chữ không dấu, chữ số, dấu chấm và gạch ngang, "
        "tối đa 40 ký tự (ví dụ 1.001193)."
    )
    assert problem(v.procedure_code, "") == "Mã thủ tục không được để trống."
    assert problem(v.procedure_code, "=HYPERLINK(1)") is not None
    assert problem(v.dossier_code, "x" * 61) is not None
    assert problem(v.unit_code, "282610", province=False) == (
        "Mã xã, phường “282610” không hợp lệ: cần 5 chữ số (ví dụ 28261)."
    )
    assert problem(v.unit_code, "8a", province=True) is not None


def test_english_messages_follow_the_language() -> None:
    from isodesk.i18n import set_language

    set_language("en")
    assert problem(v.phone_number, "0912 34") == (
        "The phone number “0912 34” is not valid: a mobile number has 10 digits starting with 0, "
        "a landline 11 digits starting with 02."
    )


# -- choices ---------------------------------------------------------------------------------------------------
def test_satisfaction_is_typed_by_name_or_by_a_score_with_four_the_best() -> None:
    from isodesk.domain.ledger import Satisfaction

    assert v.satisfaction("very_satisfied") is v.satisfaction("4") is v.satisfaction(" Very-Satisfied ")
    assert v.satisfaction("4") is Satisfaction.VERY_SATISFIED and Satisfaction.VERY_SATISFIED.value == 1
    assert [v.satisfaction(str(n)).code for n in (4, 3, 2, 1)] == [
        "very_satisfied",
        "satisfied",
        "neutral",
        "dissatisfied",
    ]
    message = problem(v.satisfaction, "5")
    assert message is not None and message.startswith("Mức độ hài lòng “5” không hợp lệ")
    assert "4 (rất hài lòng)" in message
    for bad in ("0", "", "rất tốt", "very", "1.0"):
        with pytest.raises(UserError):
            check(v.satisfaction, bad)
