"""What a supplement request asks for: each missing item with the kind of copy wanted, and the reason.

The supplement request (TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP, form 02) lists the items to add or complete in
a table whose columns say the quantity of each as an original (bản chính), a certified copy (bản sao chứng thực)
or a photocopy (bản chụp), then the reason. The officer writes them in the dossier's note of the request, as the
dossier's history shows it:

    Giấy chứng sinh (bản chính); Văn bản ủy quyền (bản sao chứng thực). Lý do: Hồ sơ thiếu giấy chứng sinh.

Items are separated by ";"; an item's copy is named in brackets at its end (none: the officer ticks the column by
hand); the reason follows "Lý do:".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Copy(StrEnum):
    ORIGINAL = "original"
    CERTIFIED = "certified"
    PHOTOCOPY = "photocopy"


#: How form 02 names each kind of copy (its column headings).
COPY_WORDS = {Copy.ORIGINAL: "bản chính", Copy.CERTIFIED: "bản sao chứng thực", Copy.PHOTOCOPY: "bản chụp"}
REASON = "Lý do:"
SEPARATOR = "; "


@dataclass(frozen=True)
class MissingItem:
    name: str
    copy: Copy | None = None


def _item(text: str) -> MissingItem:
    name = text.strip()
    if name.endswith(")") and "(" in name:
        head, _sep, tail = name[:-1].rpartition("(")
        word = tail.strip().lower()
        copy = next((c for c, w in COPY_WORDS.items() if w == word), None)
        if copy is not None:
            return MissingItem(head.strip(), copy)
    return MissingItem(name)


def parse_request(note: str) -> tuple[list[MissingItem], str]:
    """The items and the reason written in a supplement request's note (see the module's notation)."""
    items_text, _sep, reason = note.partition(REASON)
    items = [_item(part) for part in items_text.strip().rstrip(".").split(";") if part.strip()]
    return items, reason.strip()


def item_text(item: MissingItem) -> str:
    """One item as the note writes it: its name, then the copy asked for in brackets when one is said."""
    return f"{item.name} ({COPY_WORDS[item.copy]})" if item.copy else item.name


def request_note(items: Sequence[MissingItem], reason: str = "") -> str:
    """The note recording a supplement request, in the notation :func:`parse_request` reads."""
    text = SEPARATOR.join(item_text(i) for i in items)
    if reason.strip():
        text = f"{text}. {REASON} {reason.strip()}" if text else f"{REASON} {reason.strip()}"
    return text
