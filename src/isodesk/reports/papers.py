"""What every paper about one dossier shares: its data, its wording from the form set, its look.

Papers are built from plain dataclasses, never from database objects. Their fixed wording comes from the form set
(``resources/forms/form-sets.json``): lines with placeholders such as ``{applicant}`` that a province can reword;
a value that is not known prints as a dotted line to be filled in by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from isodesk.i18n.dates import official_date
from isodesk.reports.official import BLANK, Issuer, Page, Signer, body, or_blank, para
from isodesk.reports.words import time_words


@dataclass(frozen=True)
class DossierData:
    """The dossier as papers name it (times in Vietnam time)."""

    code: str
    applicant: str
    address: str
    phone: str
    email: str
    procedure: str
    received: datetime
    due: datetime | None
    book_seq: int
    book_year: int


@dataclass(frozen=True)
class PaperOffice:
    """The office as a form set's papers name it.

    Papers the desk issues carry the commune over the desk ("UBND PHƯỜNG MỸ THO" / "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT
    QUẢ"); papers the head signs carry the province over the commune (NĐ 30/2020, Phụ lục I, mục II.2).
    """

    office_issuer: Issuer
    desk_issuer: Issuer
    name: str  # "Ủy ban nhân dân phường Mỹ Tho", as sentences name it
    desk: str
    leader_title: str
    leader_name: str
    phone: str

    def issuer_for(self, template: Mapping[str, Any]) -> Issuer:
        return self.desk_issuer if template.get("issuer") == "desk" else self.office_issuer

    def head(self, template: Mapping[str, Any]) -> Signer:
        """The head's signature block as the template words it ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH")."""
        title = fill(template["signer"], {"leader_title": self.leader_title.upper()})
        return Signer(title, self.leader_name, template.get("signature_note", ""))

    def words(self) -> dict[str, str]:
        return {"office": self.name, "desk": self.desk, "leader_title": self.leader_title}


def request(procedure: str) -> str:
    """ "cấp Giấy xác nhận tình trạng hôn nhân" from "Thủ tục cấp Giấy …", for "hồ sơ đề nghị {request}"."""
    text = procedure.strip()
    for prefix in ("Thủ tục ", "thủ tục "):
        text = text.removeprefix(prefix)
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def sentence(text: str) -> str:
    """A reason as a sentence: it ends with a full stop (NĐ 30/2020 writes every reason so)."""
    text = text.strip().rstrip(";,")
    return text if not text or text[-1] in ".!?…" else f"{text}."


def values(d: DossierData, **more: str) -> dict[str, str]:
    """The placeholders a form set's lines may use, each already worded (blank when not known)."""
    out = {
        "request": or_blank(request(d.procedure)),
        "code": d.code,
        "applicant": or_blank(d.applicant),
        "address": or_blank(d.address),
        "phone": or_blank(d.phone),
        "email": or_blank(d.email),
        "procedure": or_blank(d.procedure),
        "received_time": time_words(d.received),
        "received_day": official_date(d.received.date()),
        "due_time": time_words(d.due) if d.due else BLANK,
        "due_day": official_date(d.due.date()) if d.due else BLANK,
        "book_seq": str(d.book_seq),
        "book_year": str(d.book_year),
        "blank": BLANK,
    }
    out.update({k: or_blank(v) for k, v in more.items()})
    return out


def fill(text: str, data: Mapping[str, str]) -> str:
    """A line of the form set with its placeholders replaced (an unknown placeholder is an error of the data)."""
    return text.format_map(data)


def lines(texts: Sequence[str], data: Mapping[str, str], size: float) -> list[Flowable]:
    """Field lines ("Địa chỉ: …"), left-aligned."""
    return [para(fill(line, data), size) for line in texts]


def letter(texts: Sequence[str], data: Mapping[str, str], size: float) -> list[Flowable]:
    """Paragraphs of a letter, justified with the first line indented."""
    return [body(fill(line, data), size) for line in texts]


def form_page(template: Mapping[str, Any]) -> Page:
    """A4 with the NĐ 30/2020 margins, or A5 with narrower ones (the slip's template size)."""
    if template.get("paper", "A4") == "A5":
        return Page(size="A5", top=12 * mm, bottom=12 * mm, left=18 * mm, right=12 * mm)
    return Page(size="A4", top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)


def copy_label(copy: str, size: float) -> Flowable:
    return para(f"({copy})", size - 1, italic=True, align=TA_CENTER)
