"""Numbers as people read them in the user's language: "1.501 hồ sơ", "95,2%", "4,0 MB" in Vietnamese,
"1,501", "95.2%", "4.0 MB" in English.

Vietnamese writes a dot between thousands and a comma before decimals (TCVN 7870-1:2010, which follows
ISO 80000-1; NĐ 30/2020/NĐ-CP writes numbers in documents so). Every number with a separator that a screen, a
message or the command line's text shows is written here; printed papers, always Vietnamese, use the same rule
through :func:`vietnamese_decimal`.
"""

from __future__ import annotations

from isodesk.i18n import current_language


def _swap(text: str) -> str:
    """English separators ("1,501.5") as Vietnamese writes them ("1.501,5")."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vietnamese_decimal(value: float, places: int = 1) -> str:
    """ "4,0": a decimal number with a comma, whatever the user's language (printed papers)."""
    return _swap(f"{value:,.{places}f}")


def whole_number(n: int) -> str:
    """ "1.501" in Vietnamese, "1,501" in English."""
    text = f"{n:,d}"
    return _swap(text) if current_language() == "vi" else text


def decimal(value: float, places: int = 1) -> str:
    """ "4,0" in Vietnamese, "4.0" in English (thousands separated as in :func:`whole_number`)."""
    text = f"{value:,.{places}f}"
    return _swap(text) if current_language() == "vi" else text


def percent(value: float | None, places: int = 1) -> str:
    """ "95,2%" in Vietnamese, "95.2%" in English, from a share 0..1; "—" when there is nothing to divide."""
    return "—" if value is None else decimal(value * 100, places) + "%"


def file_size(n: int) -> str:
    """ "4,0 MB", "12 KB" (at least 1 KB): the size of a file as the backups list shows it."""
    if n >= 2**30:
        return decimal(n / 2**30) + " GB"
    if n >= 2**20:
        return decimal(n / 2**20) + " MB"
    return f"{max(1, n // 1024)} KB"
