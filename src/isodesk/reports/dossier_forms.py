"""The one-stop-shop papers about one dossier after its receipt (fields as docs/DOMAIN.md §2 lists them):

- 02 supplement request: number; whose dossier; procedure; address, phone, email; the items to complete (table:
  document, then a mark in the column of the copy asked for: original / certified copy / photocopy); reason;
  contact person and phone (the office's); the guiding officer's signature (TT 01/2018 and TT 03/2025, form 02);
- 03 refusal: from whom; address; phone; email; procedure; the specific reasons; the receiving officer's signature
  (form 03);
- 04 apology: addressee; procedure; dossier code; original due date; the result is not yet returned; reason;
  apology; new return date (2018: "hẹn lại"; 2025: a request to extend the time); signed and stamped by the head
  (form 04);
- 05 notice of stopping the processing (TT 03/2025 only): addressee, dossier, from when, reason; signed by the head.

The wording of each line is the form set's; this module places it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from isodesk.domain.supplement import Copy, MissingItem
from isodesk.i18n.dates import official_date
from isodesk.reports.official import (
    BLANK,
    Signer,
    build_pdf,
    closing,
    field_table,
    heading,
    para,
    title,
)
from isodesk.reports.papers import DossierData, PaperOffice, facts, fill, form_page, letter, lines, sentence, values
from isodesk.reports.words import time_words

SIZE = 13


@dataclass(frozen=True)
class SupplementRequest:
    dossier: DossierData
    day: date  # when the request was made
    items: Sequence[MissingItem]  # what to add or complete, with the copy asked for
    reason: str
    contact: str  # who guides the applicant
    contact_phone: str
    officer: str  # who signs (the guiding officer)


@dataclass(frozen=True)
class Refusal:
    dossier: DossierData
    day: date
    reasons: Sequence[str]
    officer: str


@dataclass(frozen=True)
class Apology:
    dossier: DossierData
    day: date  # date of the letter
    original_due: datetime | None
    new_due: datetime | None  # None: written by hand once the head decides
    reason: str


@dataclass(frozen=True)
class StopNotice:
    dossier: DossierData
    day: date
    stopped: datetime
    reason: str


def _start(d: DossierData, office: PaperOffice, template: Mapping[str, Any], day: date) -> list[Flowable]:
    page = form_page(template)
    number = fill(template["number_format"], values(d)) if "number_format" in template else None
    return [
        heading(office.issuer_for(template), number, day, page.frame_width, size=12.5),
        *title(template["title"], 14),
    ]


def _slip_end(story: list[Flowable], officer: str, template: Mapping[str, Any], width: float) -> list[Flowable]:
    """The last line kept with the officer's signature at the right, so it never stands alone on a page."""
    signer = Signer(template["signer"], officer, template.get("signature_note", ""))
    tail = story[-1:]
    return [*story[:-1], closing(signer, width, keep=tail)]


def render_supplement(form: SupplementRequest, office: PaperOffice, template: Mapping[str, Any]) -> bytes:
    page = form_page(template)
    width = page.frame_width
    data = values(
        form.dossier,
        **office.words(),
        reason=sentence(form.reason or template.get("reason_default", "")),
        contact=form.contact,
        contact_phone=form.contact_phone,
    )
    met = facts(form.dossier)
    story = _start(form.dossier, office, template, form.day)
    story += lines(template["lines_before"], data, SIZE, met)
    rows: list[list[Any]] = [list(template["items_header"])]
    columns = (Copy.ORIGINAL, Copy.CERTIFIED, Copy.PHOTOCOPY)
    rows += [
        [str(i), item.name, *("x" if item.copy is c else "" for c in columns)] for i, item in enumerate(form.items, 1)
    ]
    rows += [[str(len(rows) + i), "", "", "", ""] for i in range(max(0, 2 - len(form.items)))]
    widths = [10 * mm, width - 82 * mm, 22 * mm, 28 * mm, 22 * mm]
    story += [Spacer(1, 1 * mm), field_table(rows, widths, size=12, centre=(0, 2, 3, 4))]
    story.append(Spacer(1, 2 * mm))
    story += lines(template["lines_after"], data, SIZE, met)
    return build_pdf(
        _slip_end(story, form.officer, template, width), page, title=_title(template, form.dossier), page_numbers=True
    )


def render_refusal(form: Refusal, office: PaperOffice, template: Mapping[str, Any]) -> bytes:
    page = form_page(template)
    width = page.frame_width
    data = values(form.dossier, **office.words())
    met = facts(form.dossier)
    story = _start(form.dossier, office, template, form.day)
    story += lines(template["lines_before"], data, SIZE, met)
    reasons = [sentence(r) for r in form.reasons if r.strip()] or [BLANK * 3]
    story += [para(f"- {reason}", SIZE, indent=0) for reason in reasons]
    story += lines(template["lines_after"], data, SIZE, met)
    return build_pdf(
        _slip_end(story, form.officer, template, width), page, title=_title(template, form.dossier), page_numbers=True
    )


def _letter(
    d: DossierData, office: PaperOffice, template: Mapping[str, Any], day: date, data: Mapping[str, str]
) -> bytes:
    page = form_page(template)
    story = _start(d, office, template, day)
    story.append(para(fill(template["addressee"], data), SIZE, align=TA_CENTER))
    story.append(Spacer(1, 3 * mm))
    story += letter(template["letter"], data, SIZE)
    last = story.pop()
    story.append(closing(office.head(template), page.frame_width, to=template.get("recipients", ()), keep=[last]))
    return build_pdf(story, page, title=_title(template, d), page_numbers=True)


def render_apology(form: Apology, office: PaperOffice, template: Mapping[str, Any]) -> bytes:
    data = values(
        form.dossier,
        **office.words(),
        original_due_time=time_words(form.original_due) if form.original_due else "",
        new_due_time=time_words(form.new_due) if form.new_due else "",
        reason=sentence(form.reason),
    )
    return _letter(form.dossier, office, template, form.day, data)


def render_stop(form: StopNotice, office: PaperOffice, template: Mapping[str, Any]) -> bytes:
    data = values(
        form.dossier, **office.words(), stopped_day=official_date(form.stopped.date()), reason=sentence(form.reason)
    )
    return _letter(form.dossier, office, template, form.day, data)


def _title(template: Mapping[str, Any], d: DossierData) -> str:
    return f"{template['title']} {d.code}"
