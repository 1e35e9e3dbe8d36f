"""Translation of user-facing text (gettext catalogs compiled with Babel).

Vietnamese is the default language; English is complete too. Strings are written in English in the code
(the gettext convention) and translated at the moment they are shown, so a language switch at run time
takes effect for everything produced afterwards. Constants that must be translated later are marked
with ``N_`` and passed through ``_`` where they are displayed.
"""

from __future__ import annotations

import gettext as _gettext

from isodesk.resources_path import translations_path

DOMAIN = "isodesk"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
#: ``<lang>/LC_MESSAGES/isodesk.mo``: compiled from ``translations/<lang>/LC_MESSAGES/isodesk.po`` (tools/i18n.py).
LOCALE_DIR = translations_path()

_current = DEFAULT_LANGUAGE
_catalogs: dict[str, _gettext.NullTranslations] = {}


def _catalog(lang: str) -> _gettext.NullTranslations:
    cat = _catalogs.get(lang)
    if cat is None:
        cat = _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)
        _catalogs[lang] = cat
    return cat


def set_language(lang: str) -> None:
    """Switch the language of every string translated from now on."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    _current = lang


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translate where it is shown)."""
    return message


gettext = _

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "N_", "_", "current_language", "gettext", "ngettext", "set_language"]
