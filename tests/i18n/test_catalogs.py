"""The translation catalogs are complete, consistent with the source, and compiled."""

from __future__ import annotations

import gettext
import importlib.util
import io
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from isodesk.i18n import _, set_language

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
assert _spec and _spec.loader
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)


def _as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


def _catalog(lang: str):
    with tool.po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def test_template_is_up_to_date_with_the_source() -> None:
    """Every string marked for translation in the code is in the template (run `tools/i18n.py all`)."""
    in_source = {_as_tuple(m.id) for m in tool.extract() if m.id}
    with tool.POT.open("rb") as fh:
        in_template = {_as_tuple(m.id) for m in read_po(fh) if m.id}
    assert in_source == in_template


@pytest.mark.parametrize("lang", tool.LANGS)
def test_every_message_is_translated_with_matching_placeholders(lang: str) -> None:
    with tool.POT.open("rb") as fh:
        template_ids = {_as_tuple(m.id) for m in read_po(fh) if m.id}
    catalog = _catalog(lang)
    translated = {
        _as_tuple(m.id): _as_tuple(m.string) for m in catalog if m.id and all(_as_tuple(m.string)) and not m.fuzzy
    }
    assert template_ids <= set(translated), sorted(template_ids - set(translated))[:10]
    for msgid, texts in translated.items():
        for text in texts:
            assert sorted(tool.PLACEHOLDER.findall(msgid[0])) == sorted(tool.PLACEHOLDER.findall(text)), (msgid, text)
    assert [p for p in tool.problems() if p.startswith(lang)] == []


def test_vietnamese_differs_from_english_and_is_nfc() -> None:
    catalog = _catalog("vi")
    same = [m.id for m in catalog if isinstance(m.id, str) and m.string == m.id and any(c.isalpha() for c in m.id)]
    assert same == [] or all(s in {"OK", "Email"} for s in same), same
    for message in catalog:
        for text in _as_tuple(message.string):
            if text:
                assert unicodedata.is_normalized("NFC", text), message.id


@pytest.mark.parametrize("lang", tool.LANGS)
def test_compiled_catalogs_are_up_to_date(lang: str) -> None:
    committed = tool.po_path(lang).with_suffix(".mo")
    fresh = gettext.GNUTranslations(io.BytesIO(tool.compile_catalog(lang)))
    installed = gettext.GNUTranslations(io.BytesIO(committed.read_bytes()))
    # The messages, not the header: its "Generated-By" names whichever Babel compiled the catalog.
    assert _messages(fresh) == _messages(installed)
    assert len(_messages(installed)) > 100


def _messages(translations: gettext.GNUTranslations) -> dict[object, str]:
    return {key: text for key, text in translations._catalog.items() if key != ""}  # type: ignore[attr-defined]


def test_qt_translation_is_compiled_from_its_source(tmp_path: Path) -> None:
    """translations/qt/qtbase_vi.qm is what pyside6-lrelease (part of PySide6) makes of the .ts beside it."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    assert lrelease, "pyside6-lrelease comes with PySide6"
    source = ROOT / "translations" / "qt" / "qtbase_vi.ts"
    fresh = tmp_path / "qtbase_vi.qm"
    subprocess.run([lrelease, "-silent", str(source), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == source.with_suffix(".qm").read_bytes()


def test_runtime_language_switch() -> None:
    set_language("vi")
    assert _("Overview") == "Tổng quan"
    assert _("Office set up: {name} ({code}).").format(name="Phường Mỹ Tho", code="28261") == (
        "Đã thiết lập đơn vị: Phường Mỹ Tho (28261)."
    )
    set_language("en")
    assert _("Overview") == "Overview"
    with pytest.raises(ValueError):
        set_language("fr")
