"""Text normalisation, accent-insensitive search keys and Vietnamese sort keys.

Everything stored is NFC (docs/ARCHITECTURE.md §2; reportlab and SQLite compare code points, and a word typed
with a different input method must be the same word). Search folds case and diacritics, and đ/Đ to d,
which Unicode decomposition alone does not do (đ is a separate letter, not d plus a mark).

Vietnamese collation is written here rather than taken from a library: the only complete one is ICU
(PyICU), which has no wheels for the Windows PCs this program targets. The order implemented is the
dictionary order of the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y)
with tones compared after letters in the order ngang, huyền, hỏi, ngã, sắc, nặng.
"""

from __future__ import annotations

import re
import unicodedata

from isodesk.domain.validation import normalise

_SPACES = re.compile(r"\s+")

# Combining marks that make a new letter (not a tone): breve, circumflex, horn.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
# Tone marks in dictionary order: (none)=0, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_ALPHABET = [
    "a",
    "a\u0306",
    "a\u0302",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "e\u0302",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "o\u0302",
    "o\u031b",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "u\u031b",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_RANK = {letter: i + 1 for i, letter in enumerate(_ALPHABET)}


def nfc(text: str) -> str:
    """NFC-normalise and trim ``text``, collapsing runs of whitespace to one space and dropping control characters.

    The rule lives with the other input rules (:func:`isodesk.domain.validation.normalise`); this is its name
    for the rest of the program.
    """
    return normalise(text)


def search_key(text: str) -> str:
    """Lower-case, accent-free form of ``text`` for searching: "Nguyễn Văn Đức" -> "nguyen van duc"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.replace("đ", "d")).strip()


def _letters(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    ranks: list[int] = []
    tones: list[int] = []
    for ch in decomposed:
        if ch in _TONES:
            if tones:
                tones[-1] = _TONES[ch]
            continue
        if ch in _LETTER_MARKS and ranks:
            base = _ALPHABET[ranks[-1] - 1] if ranks[-1] > 0 else ""
            ranks[-1] = _RANK.get(base + ch, ranks[-1])
            continue
        if unicodedata.combining(ch):
            continue
        ranks.append(_RANK.get(ch, 100 + ord(ch)))
        tones.append(0)
    return tuple(ranks), tuple(tones)


def sort_key(text: str) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]:
    """Key that sorts Vietnamese text in dictionary order: letters first, then tones."""
    words = [_letters(w) for w in nfc(text).split(" ")]
    return tuple(w[0] for w in words), tuple(w[1] for w in words)


def person_sort_key(full_name: str) -> tuple[object, ...]:
    """Key that sorts people as Vietnamese lists do: by given name (the last word), then the whole name."""
    words = nfc(full_name).split(" ")
    return (sort_key(words[-1]), sort_key(" ".join(words[:-1])))
