"""QMS documents from the procedure catalogue: an ISO procedure document per administrative procedure, and the
QMS scope (ISO 9001:2015, 4.3: the procedures applied and the requirements excluded, with their reason).

Printing an issue of an ISO procedure document issues it: its number, date and change are recorded (by whoever may
issue controlled documents), so the revision history of every later issue lists all the earlier ones (ISO
9001:2015, 7.5.3.2: control of changes); an earlier issue the program never printed shows as a line to fill in.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from isodesk.db.models import Setting
from isodesk.domain import validation as v
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.reports.official import BLANK
from isodesk.reports.papers import fill, request, sentence
from isodesk.reports.qms import QmsScope, ScopeItem, render_scope
from isodesk.reports.qms_procedure import Person, ProcedureDocument, Revision, Step, render_procedure
from isodesk.reports.words import duration_words, fee_words, legal_reference
from isodesk.services.accounts.auth import permissions_of, require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.ledger.procedures import ProcedureInfo, get_procedure, list_procedures
from isodesk.services.office.profile import get_profile
from isodesk.services.office.staff import list_staff
from isodesk.services.printing.office import desk_name, full_name, head_signer, office_issuer
from isodesk.services.printing.reports_data import report_texts
from isodesk.services.printing.templates import form_set_on
from isodesk.services.settings import read_setting

CHANGE = v.TextField(v.N_("What the issue changed"), 500)


def field_initials(field: str) -> str:
    """ "HT" for "Hộ tịch", "ĐKHKD" for "Đăng ký hộ kinh doanh" (the part of a document code naming its field)."""
    words = re.sub(r"\(.*?\)", "", field).replace("-", " ").split()
    return "".join(w[0] for w in words).upper() or "TTHC"


def _legal_references(info: ProcedureInfo) -> list[str]:
    """The procedure's legal basis as the catalogue records it (number, date, title), never its notes or sources."""
    return [
        legal_reference(b["kind"], b["number"], date.fromisoformat(b["date"]) if b["date"] else None, b["title"])
        for b in info.legal_basis
    ]


def _positions(ctx: AppContext) -> dict[str, str]:
    return {s.name: s.position for s in list_staff(ctx)}


def _document_number(ctx: AppContext, info: ProcedureInfo, first: int) -> int:
    applied = [p.code for p in list_procedures(ctx) if p.in_scope]
    return first + applied.index(info.code)


def _issues_key(code: str) -> str:
    return f"qms.procedure_issues.{code}"


def _history(ctx: AppContext, code: str, issue: int, issued: date, change: str) -> list[Revision]:
    """Issues 1..``issue`` of the document: the recorded ones, the current one (recorded now when the acting account
    may issue controlled documents), and a line to fill in by hand for an issue never printed here."""
    key = _issues_key(code)
    with ctx.read() as s:
        recorded: dict[int, dict[str, Any]] = {int(r["issue"]): r for r in read_setting(s, key) or []}
    current: dict[str, Any] = {"issue": issue, "date": issued.isoformat(), "change": change}
    if recorded.get(issue) != current and Permission.DOCUMENT_ISSUE in permissions_of(ctx):
        recorded[issue] = current
        value = json.dumps([recorded[n] for n in sorted(recorded)], ensure_ascii=False)
        with ctx.unit_of_work() as s:
            require(s, Permission.DOCUMENT_ISSUE)
            row = s.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
    out = []
    for n in range(1, issue + 1):
        entry = current if n == issue else recorded.get(n)
        if entry is None:
            out.append(Revision(n, None, BLANK))
        else:
            out.append(Revision(n, date.fromisoformat(entry["date"]), entry["change"]))
    return out


def procedure_pdf(
    ctx: AppContext,
    code: str,
    *,
    issue: int = 1,
    issued: date | None = None,
    doc_code: str | None = None,
    change: str = "",
) -> bytes:
    """The ISO procedure document of administrative procedure ``code`` (it must be in the QMS scope); ``change`` says
    what this issue changed (default: "first issue" for issue 1, "amended" after)."""
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
    words = {"office": office, "request": request(info.name), "desk": desk_name(issued, profile.unit_name)}
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
    revision = check(v.text, change, CHANGE) or (template["first_issue"] if issue == 1 else template["revised"])
    revisions = _history(ctx, info.code, issue, issued, revision)
    document = ProcedureDocument(
        office=office_issuer(profile).body,
        code=doc_code
        or fill(template["code_format"], {"number": f"{number:02d}", "field": field_initials(info.field)}),
        name=info.name,
        issue=issue,
        issued=issued,
        drafted=person(profile.iso_secretary, "drafted"),
        reviewed=person(profile.iso_representative, "reviewed"),
        approved=person(profile.leader_name, "approved"),
        revisions=revisions,
        purpose=fill(template["purpose"], words),
        scope=fill(template["scope"], words),
        references=[*template["references"], *_legal_references(info)],
        definitions=[(a, b) for a, b in template["definitions"]],
        components=[c[:1].upper() + c[1:] for c in info.components],
        copies=content["copies"],
        time=fill(content["time"], {"time": time}),
        place=fill(content["place"], {**words, "address": f" ({profile.address})" if profile.address else ""}),
        fee=fill(content["fee"], {"fee": fee_words(info.fee) or "……"}),
        exemptions=fill(content["exemptions"], {"exemptions": sentence(info.exemptions)}) if info.exemptions else "",
        steps=steps,
        total_time=duration_words(processing),
        forms=forms,
        records=[(a, b, c) for a, b, c in template["records"]],
    )
    return render_procedure(document, template)


def scope_pdf(ctx: AppContext, day: date | None = None, exclusions: list[tuple[str, str, str]] | None = None) -> bytes:
    """The QMS scope: the procedures in scope by field, those left out, and the excluded requirements (``exclusions``
    as (clause, requirement, reason), else the model ones of the report texts)."""
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
        exclusions=exclusions if exclusions is not None else [(a, b, c) for a, b, c in template["exclusions"]],
        signer=signer,
    )
    return render_scope(scope, office_issuer(profile), template)
