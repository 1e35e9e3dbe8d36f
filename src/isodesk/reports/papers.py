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
from isodesk.reports.text import NBSP
from isodesk.reports.words import time_words


@dataclass(frozen=True)
class DossierData:
    """The dossier as papers name it (times in Vietnam time).

    ``representative`` is the person who filed on the applicant's behalf (an organisation's dossier is always
    filed by someone); papers name them beside the applicant (TT 03/2025, form 01) and in the signature block.
    """

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
    organisation: bool = False
    id_number: str = ""
    representative: str = ""
    representative_id_number: str = ""
    representative_phone: str = ""

    @property
    def addressee(self) -> str:
        """ "Ông/Bà Nguyễn Văn An" for a person, the organisation by its name ("Hộ kinh doanh Bảy Ơn")."""
        return self.applicant if self.organisation else f"Ông/Bà {self.applicant}"

    @property
    def you(self) -> str:
        """How a letter's sentences address the applicant: "Ông/Bà", or the organisation's name."""
        return self.applicant if self.organisation else "Ông/Bà"

    @property
    def filer(self) -> str:
        """Who signs as the one who filed: the representative, else the applicant in person (an organisation's
        name is never a signature: its line stays blank for the person to write their name)."""
        if self.representative:
            return self.representative
        return "" if self.organisation else self.applicant


@dataclass(frozen=True)
class PaperOffice:
    """The office as a form set's papers name it.

    Papers the desk issues carry the committee over the desk ("UBND PHƯỜNG MỸ THO" / "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH
    CÔNG"); the committee's own papers carry its name alone ("ỦY BAN NHÂN DÂN" / "PHƯỜNG MỸ THO") (NĐ 30/2020, Phụ
    lục I, mục II.3).
    """

    office_issuer: Issuer
    desk_issuer: Issuer
    name: str  # "Ủy ban nhân dân phường Mỹ Tho", as sentences name it
    desk: str  # "Trung tâm Phục vụ hành chính công phường Mỹ Tho", as sentences name it
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


def whole_date(words: str) -> str:
    """ "09 giờ 30 phút, ngày 05 tháng 02 năm 2026" with the date unbreakable: on a narrow slip the date moves to
    the next line whole instead of leaving its year alone there."""
    head, sep, day = words.partition(", ngày ")
    return f"{head}, {unbroken('ngày ' + day)}" if sep else words


def unbroken(text: str) -> str:
    """``text`` that never breaks across lines (a date, a person's name)."""
    return text.replace(" ", NBSP)


def values(d: DossierData, **more: str) -> dict[str, str]:
    """The placeholders a form set's lines may use, each already worded (blank when not known)."""
    out = {
        "request": or_blank(request(d.procedure)),
        "code": or_blank(d.code),
        "applicant": or_blank(d.applicant),
        "addressee": d.addressee if d.applicant else f"Ông/Bà {BLANK}",
        "you": d.you if d.applicant else "Ông/Bà",
        "id_number": or_blank(d.id_number),
        "representative": or_blank(d.representative),
        "representative_id_number": or_blank(d.representative_id_number),
        "representative_phone": or_blank(d.representative_phone),
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


#: What a line of a form set may be printed on condition of (``{"text": …, "when": "representative"}``).
CONDITIONS = ("person", "organisation", "representative", "code")


def facts(d: DossierData) -> frozenset[str]:
    """The conditions a dossier meets, for the lines of a form set printed only for some dossiers."""
    out = {"organisation" if d.organisation else "person"}
    if d.representative or d.organisation:  # an organisation always files through someone: a line to fill
        out.add("representative")
    if d.code:
        out.add("code")
    return frozenset(out)


def chosen(texts: Sequence[str | Mapping[str, str]], met: frozenset[str]) -> list[str]:
    """The lines of ``texts`` that apply: plain lines always, conditional lines when their condition is met."""
    out = []
    for line in texts:
        if isinstance(line, str):
            out.append(line)
        elif line["when"] in met:
            out.append(line["text"])
    return out


def lines(
    texts: Sequence[str | Mapping[str, str]], data: Mapping[str, str], size: float, met: frozenset[str] = frozenset()
) -> list[Flowable]:
    """Field lines ("Địa chỉ: …"), left-aligned; conditional lines only when ``met`` has their condition."""
    return [para(fill(line, data), size) for line in chosen(texts, met)]


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
