"""Translation catalogs: extract, update, compile, check (Babel's Python API).

    python tools/i18n.py extract   # src/isodesk -> translations/isodesk.pot
    python tools/i18n.py update    # merge the template into vi and en .po (en is filled with the msgids)
    python tools/i18n.py compile   # .po -> .mo beside it (committed: a checkout runs with no build step)
    python tools/i18n.py check     # untranslated, fuzzy or placeholder mismatches -> exit 1
    python tools/i18n.py all       # extract, update, compile, check

Msgids are English; Vietnamese is translated by hand in ``translations/vi/LC_MESSAGES/isodesk.po``. The catalogs
live at the top level beside ``src/``; the wheel and the Windows bundle carry the compiled ``.mo`` inside the
package (pyproject.toml, installer/isodesk.spec), and ``isodesk.resources_path`` finds them either way.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "isodesk"
LOCALES = ROOT / "translations"
POT = LOCALES / "isodesk.pot"
LANGS = ("vi", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*(?:[:!][^}]*)?\}|%\([a-zA-Z_]+\)[sd]")


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "isodesk.po"


def extract() -> Catalog:
    """The template built from the source as it is now (in memory)."""
    template = Catalog(project="isodesk", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(f"src/isodesk/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, no_location=True, omit_header=False, sort_output=True)
    path.write_bytes(buf.getvalue())


def _read(path: Path, lang: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=lang, project="isodesk", charset="utf-8", fuzzy=False)
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def cmd_extract() -> None:
    _write(extract(), POT)


def cmd_update() -> None:
    with POT.open("rb") as fh:
        template = read_po(fh)
    for lang in LANGS:
        catalog = _read(po_path(lang), lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        if lang == "en":
            for message in catalog:
                if isinstance(message.id, tuple):
                    if not all(message.string):
                        message.string = message.id
                elif message.id and not message.string:
                    message.string = message.id
        _write(catalog, po_path(lang))


def compile_catalog(lang: str) -> bytes:
    catalog = _read(po_path(lang), lang)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def cmd_compile() -> None:
    for lang in LANGS:
        po_path(lang).with_suffix(".mo").write_bytes(compile_catalog(lang))


def problems() -> list[str]:
    found: list[str] = []
    for lang in LANGS:
        for message in _read(po_path(lang), lang):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                found.append(f"{lang}: fuzzy: {ids[0]!r}")
            if not all(strings):
                found.append(f"{lang}: untranslated: {ids[0]!r}")
                continue
            want = sorted(PLACEHOLDER.findall(ids[0]))
            for text in strings:
                if sorted(PLACEHOLDER.findall(text)) != want:
                    found.append(f"{lang}: placeholders differ: {ids[0]!r} -> {text!r}")
    return found


def cmd_check() -> int:
    issues = problems()
    for line in issues:
        print(line)
    return 1 if issues else 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command in ("extract", "all"):
        cmd_extract()
    if command in ("update", "all"):
        cmd_update()
    if command in ("compile", "all"):
        cmd_compile()
    if command in ("check", "all"):
        return cmd_check()
    if command not in ("extract", "update", "compile", "check", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
