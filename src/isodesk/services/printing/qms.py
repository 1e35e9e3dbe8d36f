"""QMS documents from the procedure catalogue: an ISO procedure document per administrative procedure, and the
QMS scope (ISO 9001:2015, 4.3: the procedures applied and the requirements excluded, with their reason)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.reports.papers import fill, request
from isodesk.reports.qms import QmsScope, ScopeItem, render_scope
from isodesk.reports.qms_procedure import Person, ProcedureDocument, Revision, Step, render_procedure
from isodesk.reports.words import duration_words, fee_words
from isodesk.services.context import AppContext
from isodesk.services.ledger.procedures import ProcedureInfo, get_procedure, list_procedures
from isodesk.services.office.profile import get_profile
from isodesk.services.office.staff import list_staff
from isodesk.services.printing.office import full_name, head_signer, office_issuer
from isodesk.services.printing.reports_data import report_texts
from isodesk.services.printing.templates import form_set_on

#: Numbers of legal documents in a catalogue source ("163/QĐ-BTP", "118/2025/NĐ-CP").
LEGAL_NUMBER = re.compile(r"\b\d{1,4}/(?:\d{4}/)?(?:QĐ|NĐ|TT|NQ|QH)[A-ZĐ0-9-]*")
KINDS = {"QĐ": "Quyết định", "NĐ": "Nghị định", "TT": "Thông tư", "NQ": "Nghị quyết", "QH": "Luật"}


def field_initials(field: str) -> str:
    """ "HT" for "Hộ tịch", "ĐKHKD" for "Đăng ký hộ kinh doanh" (the part of a document code naming its field)."""
    words = re.sub(r"\(.*?\)", "", field).replace("-", " ").split()
    return "".join(w[0] for w in words).upper() or "TTHC"


def _legal_references(source: str) -> list[str]:
    out = []
    for number in dict.fromkeys(LEGAL_NUMBER.findall(source)):
        kind = next((name for key, name in KINDS.items() if f"/{key}" in number or f"{key}-" in number), "Văn bản")
        out.append(f"{kind} số {number}")
    return out


def _positions(ctx: AppContext) -> dict[str, str]:
    return {s.name: s.position for s in list_staff(ctx)}


def _document_number(ctx: AppContext, info: ProcedureInfo, first: int) -> int:
    applied = [p.code for p in list_procedures(ctx) if p.in_scope]
    return first + applied.index(info.code)


def procedure_pdf(
    ctx: AppContext, code: str, *, issue: int = 1, issued: date | None = None, doc_code: str | None = None
) -> bytes:
    """The ISO procedure document of administrative procedure ``code`` (it must be in the QMS scope)."""
    info = get_procedure(ctx, code)
    if not info.in_scope:
        raise UserError(
            _(
                "Procedure {code} is not in the scope of the quality system. Put it in scope first "
                "(isodesk procedure set {code} --in-scope)."
            ).format(code=info.code)
        )
    if issue < 1:
        raise UserError(_("The issue number must be 1 or more."))
    template = report_texts()["procedure"]
    profile = get_profile(ctx)
    issued = issued or local_today()
    form_set = form_set_on(issued)
    office = full_name(profile)
    words = {"office": office, "request": request(info.name), "desk": form_set["desk"]}
    positions = _positions(ctx)
    roles = template["roles"]

    def person(name: str, role: str) -> Person:
        return Person(name, positions.get(name) or roles[role])

    number = _document_number(ctx, info, int(template["first_number"]))
    content = template["content"]
    processing = info.processing_time
    time = duration_words(processing) or "……"
    if info.cutoff_note:
        time = f"{time} ({info.cutoff_note})"
    if info.steps:
        steps = [
            Step(
                s["name"],
                s["responsible"],
                duration_words(ProcessingTime(TimeUnit(s["unit"]), Decimal(s["value"]))),
                "",
            )
            for s in info.steps
        ]
    else:
        steps = [Step(name, who, "", result) for name, who, result in template["default_steps"]]
    forms = [(form["number"], form["title"].capitalize()) for form in form_set["forms"].values()]
    revision = template["first_issue"] if issue == 1 else template["revised"]
    document = ProcedureDocument(
        office=f"UBND {profile.unit_name}",
        code=doc_code
        or fill(template["code_format"], {"number": f"{number:02d}", "field": field_initials(info.field)}),
        name=info.name,
        issue=issue,
        issued=issued,
        drafted=person(profile.iso_secretary, "drafted"),
        reviewed=person(profile.iso_representative, "reviewed"),
        approved=person(profile.leader_name, "approved"),
        revisions=[Revision(issue, issued, revision)],
        purpose=fill(template["purpose"], words),
        scope=fill(template["scope"], words),
        references=[*template["references"], *_legal_references(info.source)],
        definitions=[(a, b) for a, b in template["definitions"]],
        components=[c[:1].upper() + c[1:] for c in info.components],
        copies=content["copies"],
        time=fill(content["time"], {"time": time}),
        place=fill(content["place"], {**words, "address": f" ({profile.address})" if profile.address else ""}),
        fee=fill(content["fee"], {"fee": fee_words(info.fee) or "……"}),
        steps=steps,
        total_time=duration_words(processing),
        forms=forms,
        records=[(a, b, c) for a, b, c in template["records"]],
    )
    return render_procedure(document, template)


def scope_pdf(ctx: AppContext, day: date | None = None) -> bytes:
    """The QMS scope: the procedures in scope by field, those left out, and the excluded requirements."""
    template = report_texts()["scope"]
    profile = get_profile(ctx)
    items = list_procedures(ctx)
    applied = [ScopeItem(p.field, p.code, p.name) for p in items if p.in_scope]
    if not applied:
        raise UserError(_("No procedure is in the scope of the quality system yet."))
    outside = [ScopeItem(p.field, p.code, p.name) for p in items if not p.in_scope]
    signer = head_signer(profile, template)
    scope = QmsScope(
        day=day or local_today(),
        office=full_name(profile),
        applied=applied,
        outside=outside,
        exclusions=[(a, b, c) for a, b, c in template["exclusions"]],
        signer=signer,
    )
    return render_scope(scope, office_issuer(profile), template)
