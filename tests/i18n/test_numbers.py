"""Numbers as each language writes them: a decimal comma and a thousands dot in Vietnamese, the reverse in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from isodesk.i18n import set_language
from isodesk.i18n.numbers import decimal, file_size, percent, vietnamese_decimal, whole_number


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("vi")


def test_vietnamese_writes_a_decimal_comma_and_a_thousands_dot() -> None:
    assert whole_number(1501) == "1.501" and whole_number(1_234_567) == "1.234.567" and whole_number(15) == "15"
    assert decimal(4) == "4,0" and decimal(1234.56, 2) == "1.234,56"
    assert percent(0.952) == "95,2%" and percent(1) == "100,0%" and percent(None) == "—"
    assert file_size(4 * 2**20) == "4,0 MB" and file_size(3 * 2**30 // 2) == "1,5 GB"
    assert file_size(5000) == "4 KB" and file_size(10) == "1 KB"


def test_english_writes_them_the_other_way(english: None) -> None:
    assert whole_number(1501) == "1,501" and decimal(4) == "4.0" and percent(0.952) == "95.2%"
    assert file_size(4 * 2**20) == "4.0 MB"
    assert vietnamese_decimal(1234.5) == "1.234,5"  # printed papers stay Vietnamese
