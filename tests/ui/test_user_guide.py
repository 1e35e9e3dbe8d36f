"""The user guide (Trợ giúp › Hướng dẫn sử dụng) in both languages: the same numbered sections, among them the internal
audit, the Sync page and the province's desk; every picture it shows is beside it, small, and found by the dialog;
every button or field it names in bold in those sections is written as the program shows it."""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator

import pytest
from babel.messages.mofile import read_mo
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from isodesk.i18n import current_language, set_language
from isodesk.resources_path import resource_path, translations_path
from isodesk.ui.guide import GuideDialog, guide_text

LANGS = ("vi", "en")
#: The sections added for the audit, the sync with the province and the province's desk, by language.
NEW_SECTIONS = {
    "vi": ("7. Đánh giá nội bộ", "8. Đồng bộ với tỉnh (ở xã, phường)", "9. Ở tỉnh: theo dõi các đơn vị"),
    "en": (
        "7. Internal audit",
        "8. Sync with the province (in a commune or ward)",
        "9. At the province: following the units",
    ),
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PICTURE_BYTES = 150 * 1024


@pytest.fixture
def _language_restored() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


def headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, flags=re.MULTILINE)


def pictures(text: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)


def picture_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk (right after the signature)."""
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def new_sections(text: str) -> str:
    """The text of sections 7 to 9 (audit, sync, province), without the rest of the guide."""
    return text.split("\n## 7. ", 1)[1].split("\n## 10. ", 1)[0]


def screen_texts(lang: str) -> set[str]:
    """Every text the program shows in ``lang``, without the keyboard accelerators' ampersands."""
    with (translations_path() / lang / "LC_MESSAGES" / "isodesk.mo").open("rb") as f:
        catalog = read_mo(f)
    texts = set()
    for message in catalog:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            texts.add((message.string or message.id).replace("&", ""))
    return texts


def test_both_languages_have_the_same_numbered_sections_with_the_audit_sync_and_province() -> None:
    found = {lang: headings(guide_text(lang)) for lang in LANGS}
    numbers = {lang: [h.split(".", 1)[0] for h in found[lang]] for lang in LANGS}
    assert numbers["vi"] == numbers["en"] == [str(n) for n in range(1, 11)]
    for lang in LANGS:
        assert set(NEW_SECTIONS[lang]) <= set(found[lang]), lang
    assert found["vi"][-1] == "10. Dòng lệnh" and found["en"][-1] == "10. The command line"


def test_every_picture_is_beside_the_guide_small_and_matched_in_english() -> None:
    names = {lang: pictures(guide_text(lang)) for lang in LANGS}
    assert "audit-programme.png" in names["vi"] and "audit-actions.png" in names["vi"]
    assert names["en"] == [name.replace(".png", "-en.png") for name in names["vi"]]
    for name in names["vi"] + names["en"]:
        path = resource_path("guide", name)
        assert path.is_file(), name
        data = path.read_bytes()
        assert data[:8] == PNG_SIGNATURE and len(data) < MAX_PICTURE_BYTES, name
        assert picture_size(data)[0] <= 860, name  # narrower than the guide's window: it never scrolls sideways
    # the pictures of sections 7 to 9 are in those sections, in both languages
    assert pictures(new_sections(guide_text("vi"))) == ["audit-programme.png", "audit-actions.png"]
    assert pictures(new_sections(guide_text("en"))) == ["audit-programme-en.png", "audit-actions-en.png"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_buttons_and_fields_named_are_the_labels_on_screen(lang: str) -> None:
    """In sections 7 to 9, a phrase in bold is either a paragraph's title (it ends with a full stop) or a page, tab,
    button, box or field as the program shows it in that language (its label, or the label before its brackets)."""
    texts = screen_texts(lang)
    named = [" ".join(span.split()) for span in re.findall(r"\*\*(.+?)\*\*", new_sections(guide_text(lang)), re.S)]
    labels = [span for span in named if not span.endswith(".")]
    assert len(labels) > 60
    unknown = [s for s in labels if s not in texts and not any(t.startswith(s + " (") for t in texts)]
    assert unknown == []
    expected = {
        "vi": ("Lập kế hoạch đánh giá", "Báo cáo đánh giá…", "In phiếu đăng ký khóa…", "Xuất gói tiếp theo…",
               "Nhận gói từ tỉnh…", "Thực hiện", "Chọn thư mục…", "Xác nhận…", "Xuất gói cho các đơn vị…"),
        "en": ("Plan the audit", "Audit report…", "Print the enrolment sheet…", "Export the next package…",
               "Receive a package from the province…", "Apply", "Choose a folder…", "Confirm…",
               "Export the package for the units…"),
    }[lang]  # fmt: skip
    assert set(expected) <= set(labels)


@pytest.mark.usefixtures("_language_restored")
@pytest.mark.parametrize("lang", LANGS)
def test_the_dialog_shows_the_new_sections_and_finds_their_pictures(qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for heading in NEW_SECTIONS[lang]:
        assert heading.split(". ", 1)[1] in text
    html = dialog.browser.toHtml()
    for name in pictures(new_sections(guide_text(lang))):
        assert f'src="{name}"' in html
        picture = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert picture is not None and not picture.isNull(), name
