"""Text helpers: NFC, accent-insensitive keys, Vietnamese order."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from isodesk.i18n.text import nfc, person_sort_key, search_key, sort_key

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ "


def test_nfc_composes_and_trims() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Văn  Ánh ")
    assert decomposed != "Nguyễn Văn Ánh"
    assert nfc(decomposed) == "Nguyễn Văn Ánh"


def test_search_key_folds_accents_case_and_d() -> None:
    assert search_key("Nguyễn Văn Đức") == "nguyen van duc"
    assert search_key("ĐẶNG QUỐC BẢO") == "dang quoc bao"
    assert search_key(unicodedata.normalize("NFD", "Phường Mỹ Tho")) == "phuong my tho"


@given(st.text(alphabet=VIETNAMESE, max_size=40))
def test_search_key_is_idempotent_and_accent_free(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert all(ord(c) < 128 for c in key)
    assert key == search_key(unicodedata.normalize("NFD", text))


@given(st.text(alphabet=VIETNAMESE, max_size=40))
def test_nfc_is_idempotent(text: str) -> None:
    assert nfc(nfc(text)) == nfc(text)
    assert unicodedata.is_normalized("NFC", nfc(text))


def test_alphabet_order() -> None:
    letters = [
        "a",
        "ă",
        "â",
        "b",
        "c",
        "d",
        "đ",
        "e",
        "ê",
        "g",
        "h",
        "i",
        "k",
        "l",
        "m",
        "n",
        "o",
        "ô",
        "ơ",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "ư",
        "v",
        "x",
        "y",
    ]
    shuffled = list(reversed(letters))
    assert sorted(shuffled, key=sort_key) == letters


def test_tones_order_after_letters() -> None:
    # ngang, huyền, hỏi, ngã, sắc, nặng
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(tones), key=sort_key) == tones
    # letters decide before tones: "mạ" < "mai" although ạ has the heaviest tone
    assert sorted(["mai", "mạ"], key=sort_key) == ["mạ", "mai"]


def test_people_sort_by_given_name() -> None:
    people = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Đỗ Hồng Đào", "Phạm Minh Dũng"]
    assert sorted(people, key=person_sort_key) == [
        "Lê Thị An",
        "Nguyễn Văn An",
        "Trần Văn Bình",
        "Phạm Minh Dũng",
        "Đỗ Hồng Đào",
    ]
