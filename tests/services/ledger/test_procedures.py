"""The procedure catalogue: starter list, office values, imports with preview and every bad-file case."""

from __future__ import annotations

from pathlib import Path

import pytest

from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.errors import UserError
from isodesk.services.context import AppContext
from isodesk.services.ledger.procedures import (
    add_procedure,
    apply_import,
    get_procedure,
    list_procedures,
    preview_import,
    set_office_time,
)

HEADER = "code,name,field,time_value,time_unit,cutoff,fee_vnd,components,source,confidence\n"


def test_starter_catalogue(office: AppContext) -> None:
    items = list_procedures(office)
    assert len(items) == 68
    birth = get_procedure(office, "1.001193")
    assert birth.name == "Thủ tục đăng ký khai sinh" and birth.processing_time.unit is TimeUnit.SAME_DAY
    assert birth.confidence == "high" and "dichvucong" in birth.source.lower()
    unknown = [p for p in items if p.processing_time is None]
    assert unknown and all(p.to_dict()["time_unknown"] for p in unknown)
    assert [p.code for p in list_procedures(office, "khai sinh")][:1]


def test_office_time_overrides_without_losing_the_published_value(office: AppContext) -> None:
    info = set_office_time(
        office, "1.004873", ProcessingTime(TimeUnit.WORKING_DAYS, __import__("decimal").Decimal("1.5")), "15000"
    )
    assert info.office_time and info.time_value == "1.5" and info.fee == "15000"
    restored = set_office_time(office, "1.004873", None)
    assert restored.time_value == "3" and not restored.office_time


def test_add_procedure(office: AppContext) -> None:
    from decimal import Decimal

    info = add_procedure(office, "9.000001", "Thủ tục thử nghiệm", ProcessingTime(TimeUnit.WORKING_HOURS, Decimal(8)))
    assert info.to_dict()["hours"] == 8
    with pytest.raises(UserError):
        add_procedure(office, "9.000001", "Trùng mã", ProcessingTime(TimeUnit.SAME_DAY))


def _write(tmp_path: Path, text: str, name: str = "ds.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_preview_then_apply(office: AppContext, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,1,working_days,,0,,QĐ tỉnh,high\n"
        + "9.100000,Thủ tục mới của tỉnh,Văn hóa,5,working_days,,0,Đơn; Bản sao,QĐ tỉnh,high\n",
    )
    preview = preview_import(office, path)
    assert preview.added == ["9.100000"]
    assert set(preview.changed["1.001193"]) >= {"time_unit", "time_value"}
    assert len(preview.removed) == 67
    assert get_procedure(office, "1.001193").time_unit == "same_day"  # nothing written yet
    applied = apply_import(office, path)
    assert applied.removed == []  # not asked to withdraw absent procedures
    assert get_procedure(office, "1.001193").time_value == "1"
    assert get_procedure(office, "9.100000").components == ["Đơn", "Bản sao"]
    assert len(list_procedures(office)) == 69


def test_xlsx_import(office: AppContext, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.strip().split(","))
    ws.append(["9.200000", "Thủ tục từ Excel", "Đất đai", 10, "working_days", "", "HĐND", "", "QĐ", "medium"])
    wb.save(tmp_path / "ds.xlsx")
    assert preview_import(office, tmp_path / "ds.xlsx").added == ["9.200000"]


SPLIT = HEADER.strip() + ",exemptions,legal_basis,notes\n"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_keeps_documents_fees_exemptions_basis_and_notes_apart(
    office: AppContext, tmp_path: Path, kind: str
) -> None:
    row = [
        "9.300000",
        "Thủ tục có ghi chú",
        "Hộ tịch",
        "3",
        "working_days",
        "Trường hợp cần xác minh: không quá 05 ngày làm việc",
        "8000/bản",
        "Tờ khai; Giấy tờ tùy thân",
        "QĐ tỉnh",
        "high",
        "Miễn cho hộ nghèo",
        "Luật Hộ tịch | 60/2014/QH13 | 20/11/2014 | ; Quyết định | 12/QĐ-UBND |  | của Chủ tịch UBND tỉnh",
        "Giá trị của tỉnh, cần đối chiếu",
    ]
    if kind == "csv":
        import csv
        import io

        buf = io.StringIO()
        csv.writer(buf).writerow(row)
        path = _write(tmp_path, SPLIT + buf.getvalue())
    else:
        from openpyxl import Workbook

        wb = Workbook()
        wb.active.append(SPLIT.strip().split(","))
        wb.active.append(row)
        path = tmp_path / "ds.xlsx"
        wb.save(path)
    apply_import(office, path)
    info = get_procedure(office, "9.300000")
    assert info.components == ["Tờ khai", "Giấy tờ tùy thân"] and info.fee == "8000/bản"
    assert info.exemptions == "Miễn cho hộ nghèo" and info.notes == "Giá trị của tỉnh, cần đối chiếu"
    assert info.legal_basis == (
        {"kind": "Luật Hộ tịch", "number": "60/2014/QH13", "date": "2014-11-20", "title": ""},
        {"kind": "Quyết định", "number": "12/QĐ-UBND", "date": "", "title": "của Chủ tịch UBND tỉnh"},
    )
    # A file without the new columns leaves them as they are; one with them shows what it changes.
    old_style = _write(
        tmp_path, HEADER + "9.300000,Thủ tục có ghi chú,Hộ tịch,3,working_days,,8000/bản,Tờ khai,QĐ,high\n"
    )
    assert "exemptions" not in preview_import(office, old_style).changed.get("9.300000", {})
    apply_import(office, old_style)
    kept = get_procedure(office, "9.300000")
    assert kept.exemptions == "Miễn cho hộ nghèo" and kept.notes and kept.legal_basis == info.legal_basis
    cleared = _write(tmp_path, SPLIT + "9.300000,Thủ tục có ghi chú,Hộ tịch,3,working_days,,0,Tờ khai,QĐ,high,,,\n")
    assert set(preview_import(office, cleared).changed["9.300000"]) >= {"exemptions", "notes", "legal_basis"}


def test_a_legal_basis_that_cannot_be_read_is_refused(office: AppContext, tmp_path: Path) -> None:
    path = _write(tmp_path, SPLIT + "9.4,A,,5,working_days,,0,,,,,Nghị định chỉ có tên,\n")
    with pytest.raises(UserError, match="legal_basis"):
        preview_import(office, path)


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        ("ma,ten\n1,2\n", "utf-8", "code"),  # wrong columns
        (HEADER + "1.1,Đường,Công thương,5,working_days,,0,,,\n", "cp1258", "UTF-8"),  # Windows Vietnamese code page
        (HEADER + "1.1,A,,5,working_days,,,,,\n1.1,B,,5,working_days,,,,,\n", "utf-8", "1.1"),  # duplicate codes
        (HEADER + "1.1,A,,năm,working_days,,,,,\n", "utf-8", "“năm”"),  # bad number
        (HEADER + "1.1,A,,5,weeks,,,,,\n", "utf-8", "time_unit"),  # unknown unit
        (HEADER + ",A,,5,working_days,,,,,\n", "utf-8", "Dòng 2: Mã thủ tục"),  # missing code
    ],
)
def test_bad_files_are_refused_and_nothing_changes(
    office: AppContext, tmp_path: Path, content: str, encoding: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content.encode(encoding, errors="replace"))
    with pytest.raises(UserError) as err:
        apply_import(office, path)
    assert message in err.value.message
    assert len(list_procedures(office)) == 68


def test_unicode_text_and_semicolons_from_excel_are_read(office: AppContext, tmp_path: Path) -> None:
    """Excel saves "Unicode text" as UTF-16 with tabs, and CSV with semicolons where that is the list separator."""
    tabbed = tmp_path / "unicode.csv"
    rows = (HEADER + "1.1,Thủ tục,Hộ tịch,1;5,working_days,,0,,,\n").replace(",", "\t").replace(";", ",")
    tabbed.write_bytes(rows.encode("utf-16"))
    assert preview_import(office, tabbed).rows[0].time_value == "1.5"
    semi = tmp_path / "semi.csv"
    semi.write_text(
        (HEADER + "1.2,Thủ tục khác,Hộ tịch,2,working_days,,0,,,\n").replace(",", ";"), encoding="utf-8-sig"
    )
    assert preview_import(office, semi).added == ["1.2"]


def test_missing_and_damaged_files(office: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UserError):
        preview_import(office, tmp_path / "khong-co.csv")
    damaged = tmp_path / "hong.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError):
        preview_import(office, damaged)


def test_internal_steps_and_scope(office: AppContext) -> None:
    from datetime import datetime

    from isodesk.i18n.dates import LOCAL_TZ
    from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier, show_dossier
    from isodesk.services.ledger.procedures import set_scope, set_steps

    info = set_steps(
        office, "1.004873", "Tiếp nhận | Bộ phận một cửa | 2h; Thẩm định | Công chức Tư pháp - Hộ tịch | 1d"
    )
    assert [s["name"] for s in info.steps] == ["Tiếp nhận", "Thẩm định"]
    assert set_scope(office, "1.004873", False).in_scope is False
    code = receive_dossier(
        office, "1.004873", ApplicantInput("Lê Văn A"), received_at=datetime(2026, 11, 16, 9, 0, tzinfo=LOCAL_TZ)
    ).code
    steps = show_dossier(office, code)["steps"]
    assert [s["due"] for s in steps] == ["2026-11-16T11:00:00+07:00", "2026-11-17T17:00:00+07:00"]
    with pytest.raises(UserError):
        set_steps(office, "1.004873", "Thẩm định | Tư pháp | ba ngày")


def test_steps_column_in_an_import(office: AppContext, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER.strip()
        + ",steps\n"
        + "9.3,Thủ tục có bước,Hộ tịch,1,working_days,,0,,QĐ,high,Tiếp nhận | Một cửa | 1h\n",
    )
    apply_import(office, path)
    assert get_procedure(office, "9.3").steps[0]["responsible"] == "Một cửa"
