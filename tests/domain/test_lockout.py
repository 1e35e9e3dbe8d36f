"""The wait after wrong passwords, and the password rules."""

from __future__ import annotations

import unicodedata
from datetime import timedelta

from isodesk.domain.lockout import delay_after, normalise_password, password_problem


def test_five_tries_then_a_wait_that_doubles_up_to_fifteen_minutes() -> None:
    assert [delay_after(n) for n in range(5)] == [timedelta(0)] * 5
    assert [delay_after(n).total_seconds() for n in range(5, 11)] == [30, 60, 120, 240, 480, 900]
    assert delay_after(11) == delay_after(50) == delay_after(10_000) == timedelta(minutes=15)


def test_password_rules() -> None:
    assert password_problem("") == "blank"
    assert password_problem("        ") == "blank"
    assert password_problem("Mỹ Tho1") == "short"  # seven characters
    assert password_problem("Mỹ Tho 1") is None
    assert password_problem("x" * 201) == "long"


def test_vietnamese_typed_composed_or_decomposed_is_the_same_password() -> None:
    composed = unicodedata.normalize("NFC", "Đồng Tháp 2026")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert normalise_password(composed) == normalise_password(decomposed)
