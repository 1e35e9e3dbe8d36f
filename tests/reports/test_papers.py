"""Pieces every paper is made of: words of times, durations and fees; the QR code; the QMS documents."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil

from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.reports.official import Issuer, Signer
from isodesk.reports.qms import (
    ConformityDecision,
    Objective,
    PlanTask,
    QualityObjectives,
    QualityPolicy,
    render_decision,
    render_objectives,
    render_policy,
)
from isodesk.reports.qms_records import (
    Auditor,
    AuditReport,
    Finding,
    ReviewDecision,
    ReviewItem,
    ReviewMinutes,
    render_audit_report,
    render_review_minutes,
)
from isodesk.reports.qr import lost_point, qr_runs
from isodesk.reports.words import duration_words, fee_words, time_words
from tests.pdfcheck import A4, A4_LANDSCAPE, assert_fonts_embedded_subsets, pages_text, sizes, text

#: A People's Committee's own papers: its name in full on two lines, no parent line (NĐ 30/2020, Phụ lục I, II.3).
ISSUER = Issuer("Ủy ban nhân dân\nPhường Mỹ Tho", "Mỹ Tho")
COMMITTEE = "ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO"
HEAD = Signer("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Nguyễn Văn Hùng")


def test_words_of_official_papers() -> None:
    assert time_words(datetime(2026, 2, 5, 9, 5, tzinfo=LOCAL_TZ)) == "09 giờ 05 phút, ngày 05 tháng 02 năm 2026"
    assert duration_words(ProcessingTime(TimeUnit.WORKING_DAYS, Decimal(3))) == "03 ngày làm việc"
    assert duration_words(ProcessingTime(TimeUnit.WORKING_DAYS, Decimal("1.5"))) == "1,5 ngày làm việc"
    assert duration_words(ProcessingTime(TimeUnit.WORKING_HOURS, Decimal(4))) == "04 giờ làm việc"
    assert duration_words(ProcessingTime(TimeUnit.SAME_DAY, Decimal(0))) == "Trong ngày làm việc"
    assert duration_words(ProcessingTime(TimeUnit.CALENDAR_DAYS, Decimal(30))) == "30 ngày"
    assert duration_words(None) == ""
    assert fee_words("0") == "Không thu phí, lệ phí"
    assert fee_words("8000") == "8.000 đồng"
    assert fee_words("50000/giao dịch") == "50.000 đồng/giao dịch"
    assert fee_words("2000/trang (từ trang 3: 1000/trang)") == "2.000 đồng/trang (từ trang 3: 1.000 đồng/trang)"
    assert fee_words("HĐND") == "Theo Nghị quyết của Hội đồng nhân dân tỉnh"
    assert fee_words("0|HĐND").startswith("Miễn lệ phí")
    assert fee_words("?") == ""


def test_qr_matrix_is_the_one_reportlab_draws() -> None:
    codes = [f"000.00.28.H20-2602{d:02d}-{n:04d}" for d in (2, 5, 27) for n in (1, 17, 230, 4096)]
    for code in ("28261-251231-0999", "H56-210531-0001", *codes):
        widget = QrCodeWidget(code)
        widget.draw()
        runs = []
        for r, row in enumerate(widget.qr.modules):
            c = 0
            for dark, group in itertools.groupby(bool(m) for m in row):
                n = len(list(group))
                if dark:
                    runs.append((r, c, n))
                c += n
        assert qr_runs(code) == (widget.qr.getModuleCount(), tuple(runs))


def test_mask_penalty_is_reportlabs() -> None:
    """The fast penalty chooses the mask reportlab's encoder would: same score on any matrix."""
    rng = random.Random(2026)
    finder = [c == "1" for c in "10111010000"]
    matrices = []
    for n in (21, 25, 29):
        for _ in range(60):
            matrices.append([[rng.random() < 0.5 for _ in range(n)] for _ in range(n)])
        for start in (0, 3, n - 12, n - 11):  # a finder-like pattern, also at the position reportlab never checks
            m = [[rng.random() < 0.3 for _ in range(n)] for _ in range(n)]
            m[rng.randrange(n)][start : start + 11] = finder
            matrices.append(m)
        matrices.append([[True] * n for _ in range(n)])
        matrices.append([[(r + c) % 2 == 0 for c in range(n)] for r in range(n)])
    for m in matrices:
        assert lost_point(m) == QRUtil.getLostPoint(SimpleNamespace(modules=m))


def test_quality_policy() -> None:
    data = render_policy(
        QualityPolicy(
            ISSUER,
            date(2026, 1, 5),
            "Ủy ban nhân dân phường Mỹ Tho",
            ["Công khai, minh bạch thủ tục hành chính.", "Giải quyết đúng hạn, thân thiện với người dân."],
            HEAD,
            decision="(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2026)",
        )
    )
    page = text(data)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CHÍNH SÁCH CHẤT LƯỢNG",
        "Mỹ Tho, ngày 05 tháng 01 năm 2026",
        "Giải quyết đúng hạn, thân thiện với người dân.",
        "Nguyễn Văn Hùng",
        COMMITTEE,
    ):
        assert expected in page, expected
    assert "UBND" not in page.split("CỘNG HÒA")[0]  # no parent line above the committee
    assert sizes(data) == {A4}
    assert_fonts_embedded_subsets(data)


def test_quality_objectives_with_their_plan() -> None:
    data = render_objectives(
        QualityObjectives(
            ISSUER,
            date(2026, 1, 5),
            2026,
            "Ủy ban nhân dân phường Mỹ Tho",
            [Objective("Giải quyết hồ sơ đúng hạn", "Tỷ lệ hồ sơ đúng hạn", "≥ 98%", "Bộ phận một cửa", "31/12/2026")],
            [
                PlanTask(
                    1, "Rà soát quy trình nội bộ", "Thư ký ISO", "Kinh phí thường xuyên", "Quý I", "Biên bản rà soát"
                )
            ],
            HEAD,
        )
    )
    pages = pages_text(data)
    assert "MỤC TIÊU CHẤT LƯỢNG NĂM 2026" in pages[0] and "Tỷ lệ hồ sơ đúng hạn" in pages[0]
    assert "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2026" in pages[1] and "Rà soát quy trình nội bộ" in pages[1]
    assert sizes(data) == {A4_LANDSCAPE}


def test_conformity_decision_follows_the_annex_sample() -> None:
    data = render_decision(
        ConformityDecision(
            ISSUER,
            "125/QĐ-UBND",
            date(2026, 6, 1),
            "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO",
            "Ủy ban nhân dân phường Mỹ Tho",
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương",
                "Căn cứ Quyết định số 19/2014/QĐ-TTg của Thủ tướng Chính phủ",
            ],
            "Xét đề nghị của Thư ký ISO",
            ["Thủ tục đăng ký khai sinh", "Thủ tục đăng ký kết hôn"],
            "Văn phòng HĐND và UBND, các công chức có liên quan",
            HEAD,
            ["Sở Khoa học và Công nghệ", "Lưu: VT"],
        )
    )
    pages = pages_text(data)
    for expected in (
        "Số: 125/QĐ-UBND",
        "Mỹ Tho, ngày 01 tháng 6 năm 2026",
        "QUYẾT ĐỊNH",
        "phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
        "Điều 1.",
        "Điều 3.",
        "Nơi nhận:",
        "Sở Khoa học và Công nghệ",
    ):
        assert expected in pages[0], expected
    assert "PHỤ LỤC" in pages[-1] and "Thủ tục đăng ký kết hôn" in pages[-1]
    assert "(Kèm theo Quyết định số 125/QĐ-UBND ngày 01 tháng 6 năm 2026)" in pages[-1]


def test_internal_audit_report_and_review_minutes() -> None:
    audit = render_audit_report(
        AuditReport(
            ISSUER,
            "03/BC-ĐGNB",
            date(2026, 3, 12),
            "Đánh giá sự phù hợp của HTQLCL",
            "Bộ phận một cửa",
            "TCVN ISO 9001:2015",
            "ngày 10 và 11 tháng 3 năm 2026",
            [Auditor("Lê Minh Đức", "Trưởng đoàn"), Auditor("Bùi Văn Sơn", "Chuyên gia đánh giá")],
            ["Bộ phận một cửa"],
            [
                Finding(
                    "8.5.1",
                    "Bộ phận một cửa",
                    "Không phù hợp nhẹ",
                    "Thiếu phiếu kiểm soát",
                    "Hồ sơ số 12",
                    "Phạm Thị Ngọc Ánh",
                )
            ],
            "Hệ thống được duy trì phù hợp.",
            "Lê Minh Đức",
            "Trần Thị Thu Hà",
        )
    )
    page = text(audit)
    for expected in ("BÁO CÁO ĐÁNH GIÁ NỘI BỘ", "Thiếu phiếu kiểm soát", "Không phù hợp nhẹ", "TRƯỞNG ĐOÀN ĐÁNH GIÁ"):
        assert expected in page, expected
    minutes = render_review_minutes(
        ReviewMinutes(
            ISSUER,
            "05/BB-UBND",
            datetime(2026, 12, 15, 8, 0, tzinfo=LOCAL_TZ),
            datetime(2026, 12, 15, 10, 30, tzinfo=LOCAL_TZ),
            "Hội trường UBND phường",
            Signer("Chủ tịch UBND phường", "Nguyễn Văn Hùng"),
            "Lê Minh Đức",
            ["Trần Thị Thu Hà", "Lê Minh Đức"],
            [ReviewItem("Kết quả đánh giá nội bộ", "Một điểm không phù hợp nhẹ đã được khắc phục.")],
            [ReviewDecision("Bổ sung máy quét cho Bộ phận một cửa", "Văn phòng", "Quý I/2027")],
        )
    )
    page = text(minutes)
    for expected in (
        "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO",
        "08 giờ 00 phút, ngày 15 tháng 12 năm 2026",
        "10 giờ 30 phút, ngày 15 tháng 12 năm 2026",
        "Bổ sung máy quét",
        "CHỦ TRÌ",
    ):
        assert expected in page, expected


def test_refusal_names_the_dossier_code_only_when_there_is_one() -> None:
    """A dossier refused at the desk may have no code yet: the line is left out rather than printed empty."""
    from isodesk.reports.dossier_forms import Refusal, render_refusal
    from isodesk.reports.papers import DossierData, PaperOffice
    from isodesk.services.printing.templates import form_set_on, template_of

    office = PaperOffice(
        ISSUER,
        Issuer("Trung tâm Phục vụ hành chính công", "Mỹ Tho", "UBND phường Mỹ Tho"),
        "Ủy ban nhân dân phường Mỹ Tho",
        "Trung tâm Phục vụ hành chính công phường Mỹ Tho",
        "Chủ tịch",
        "Nguyễn Văn Hùng",
        "",
    )
    template = template_of(form_set_on(date(2026, 3, 4)), "refusal")
    received = datetime(2026, 3, 4, 9, 0, tzinfo=LOCAL_TZ)

    def refusal(code: str) -> str:
        d = DossierData(code, "Trần Quốc Việt", "", "", "", "Thủ tục đăng ký khai sinh", received, None, 5, 2026)
        return text(render_refusal(Refusal(d, date(2026, 3, 4), ["Không thuộc thẩm quyền"], ""), office, template))

    assert "Mã hồ sơ: 000.00.28.H20-260304-0004" in refusal("000.00.28.H20-260304-0004")
    without = refusal("")
    assert "Mã hồ sơ" not in without and "Không thuộc thẩm quyền." in without
