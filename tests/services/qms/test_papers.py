"""The QMS papers read back: the scope with its version's exclusions, the objectives with their plan, the decision
with the procedures of the scope it announced."""

from __future__ import annotations

from datetime import date

import pytest

from isodesk.errors import UserError
from isodesk.services.context import AppContext
from isodesk.services.qms.announcements import announce
from isodesk.services.qms.objectives import add_objective
from isodesk.services.qms.papers import announcement_pdf, objectives_pdf, policy_pdf, scope_version_pdf
from isodesk.services.qms.scope import Exclusion, set_scope
from tests.pdfcheck import assert_fonts_embedded_subsets, pages_text, text


def test_papers_of_the_quality_system(office: AppContext) -> None:
    with pytest.raises(UserError, match="chưa được công bố"):
        announcement_pdf(office)
    with pytest.raises(UserError, match="Chưa có chính sách chất lượng nào được phê duyệt"):
        policy_pdf(office)
    with pytest.raises(UserError, match="Chưa có mục tiêu chất lượng năm 2026"):
        objectives_pdf(office, 2026)

    model = scope_version_pdf(office)
    assert "Thiết kế và phát triển" in text(model) and "Ủy ban nhân dân phường Mỹ Tho không thực hiện" in text(model)
    exclusions = [
        Exclusion("8.3", "Thiết kế và phát triển", "Không thiết kế sản phẩm mới."),
        Exclusion("7.1.5", "Nguồn lực theo dõi và đo lường", "Không dùng thiết bị đo."),
    ]
    set_scope(office, ["1.004873", "1.001193"], exclusions)
    scope = text(scope_version_pdf(office))
    assert "7.1.5" in scope and "Không dùng thiết bị đo." in scope
    assert_fonts_embedded_subsets(scope_version_pdf(office))

    add_objective(office, title="Giải quyết hồ sơ đúng hạn", measure="on_time_rate", target="97,5", year=2026,
                  plan="Rà soát hồ sơ sắp đến hạn mỗi sáng", owner="Bộ phận một cửa")  # fmt: skip
    add_objective(office, title="Rút ngắn thời gian", measure="avg_days", target="3", year=2026)
    pages = pages_text(objectives_pdf(office, 2026, day=date(2026, 1, 5)))
    assert "≥ 97,5%" in pages[0] and "≤ 3 ngày" in pages[0]
    assert "Rà soát hồ sơ sắp đến hạn mỗi sáng" in pages[-1]

    announce(office, "125/QĐ-UBND", date(2026, 6, 1))
    decision = pages_text(announcement_pdf(office))
    assert "Số: 125/QĐ-UBND" in decision[0] and "Căn cứ Quyết định số 19/2014/QĐ-TTg" in decision[0]
    annex = " ".join(decision[1:])
    assert "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân" in annex and "Thủ tục đăng ký khai sinh" in annex
    assert "Thủ tục đăng ký khai tử" not in annex  # not in the announced scope
