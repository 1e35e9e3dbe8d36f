"""The register of controlled documents (ISO 9001:2015 7.5): code, title, kind, issues with their date, approval,
what each changed, distribution and obsolete status (:mod:`isodesk.domain.qms.documents`). An attached file is
copied into the data folder's ``documents`` folder and its SHA-256 kept, so a copy changed outside the program is
found. The ISO procedures already printed from the catalogue (each printed issue recorded) join the register."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Procedure, QmsDocument, QmsRevision, Setting
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.domain.qms.documents import (
    DocumentKind,
    DocumentRefusal,
    DocumentStepRefused,
    RevisionState,
    check_distributable,
    check_editable,
    check_issue,
    check_new_revision,
)
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.text import search_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.files import write_file
from isodesk.services.inputs import check
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.qms import field_initials

DOCUMENTS_FOLDER = "documents"
CODE = v.TextField(N_("The document's code"), 50, required=True)
TITLE = v.TextField(N_("The document's title"), 500, required=True)
HOLDER = v.TextField(N_("A holder of a copy"), 200, required=True)
KIND_NAMES = {
    DocumentKind.POLICY: N_("quality policy"),
    DocumentKind.OBJECTIVES: N_("quality objectives"),
    DocumentKind.MANUAL: N_("QMS overview"),
    DocumentKind.SYSTEM_PROCEDURE: N_("system procedure"),
    DocumentKind.ISO_PROCEDURE: N_("ISO procedure"),
    DocumentKind.FORM: N_("form"),
    DocumentKind.EXTERNAL: N_("external document"),
}


def document_kind_name(kind: DocumentKind | str) -> str:
    return _(KIND_NAMES[DocumentKind(kind)])


@dataclass(frozen=True)
class RevisionView:
    id: int
    issue: int
    state: str
    change: str
    issued_on: date | None
    approved_by: str
    file_name: str
    checksum: str
    distribution: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "issue": self.issue, "state": self.state, "change": self.change,
                "issued_on": self.issued_on.isoformat() if self.issued_on else None, "approved_by": self.approved_by,
                "file_name": self.file_name, "checksum": self.checksum,
                "distribution": list(self.distribution)}  # fmt: skip


@dataclass(frozen=True)
class DocumentView:
    id: int
    code: str
    title: str
    kind: str
    obsolete_on: date | None
    revisions: tuple[RevisionView, ...]  # oldest first

    @property
    def current(self) -> RevisionView | None:
        """The issue in force (the latest issued), else the draft."""
        issued = [r for r in self.revisions if r.state == RevisionState.ISSUED.value]
        return issued[-1] if issued else (self.revisions[-1] if self.revisions else None)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "title": self.title, "kind": self.kind,
                "obsolete_on": self.obsolete_on.isoformat() if self.obsolete_on else None,
                "revisions": [r.to_dict() for r in self.revisions]}  # fmt: skip


def _refused(exc: DocumentStepRefused, code: str) -> UserError:
    messages = {
        DocumentRefusal.ISSUED_IS_FROZEN: _(
            "Document {code}: an issued revision is never edited. Start a new revision instead."
        ),
        DocumentRefusal.OBSOLETE: _("Document {code} is obsolete: it is not revised, issued or distributed again."),
        DocumentRefusal.DRAFT_EXISTS: _("Document {code} already has a draft revision: finish or issue it first."),
        DocumentRefusal.NOTHING_TO_ISSUE: _("Document {code} has no draft revision to issue."),
    }
    return UserError(messages[exc.reason].format(code=code))


def _revisions(session: Session, document_id: int) -> list[QmsRevision]:
    query = select(QmsRevision).where(QmsRevision.document_id == document_id).order_by(QmsRevision.issue)
    return list(session.execute(query).scalars())


def _revision_view(r: QmsRevision) -> RevisionView:
    holders = tuple(json.loads(r.distribution))
    return RevisionView(r.id, r.issue, r.state, r.change, r.issued_on, r.approved_by, r.file_name, r.checksum, holders)


def _view(session: Session, doc: QmsDocument) -> DocumentView:
    return DocumentView(
        doc.id,
        doc.code,
        doc.title,
        doc.kind,
        doc.obsolete_on,
        tuple(_revision_view(r) for r in _revisions(session, doc.id)),
    )


def _document(session: Session, document_id: int) -> QmsDocument:
    doc = session.get(QmsDocument, document_id)
    if doc is None:
        raise UserError(_("There is no controlled document number {id}.").format(id=document_id))
    return doc


def read_documents(session: Session) -> list[DocumentView]:
    docs = session.execute(select(QmsDocument).order_by(QmsDocument.kind, QmsDocument.code)).scalars()
    return [_view(session, d) for d in docs]


def list_documents(ctx: AppContext) -> list[DocumentView]:
    with ctx.read() as s:
        return read_documents(s)


def add_document(ctx: AppContext, code: str, title: str, kind: str) -> DocumentView:
    """A new controlled document with its first revision as a draft."""
    clean_code, clean_title = check(v.text, code, CODE), check(v.text, title, TITLE)
    try:
        clean_kind = DocumentKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in DocumentKind)
        raise UserError(_("Unknown kind “{value}”: use one of {names}.").format(value=kind, names=names)) from None
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        if s.execute(select(QmsDocument.id).where(QmsDocument.code == clean_code)).first() is not None:
            raise UserError(_("A controlled document with the code {code} exists already.").format(code=clean_code))
        doc = QmsDocument(code=clean_code, title=clean_title, kind=clean_kind.value)
        s.add(doc)
        s.flush()
        s.add(QmsRevision(document_id=doc.id, issue=1, state=RevisionState.DRAFT.value, change="", approved_by="",
                          file_name="", checksum="", distribution="[]"))  # fmt: skip
        s.flush()
        return _view(s, doc)


def _draft(session: Session, doc: QmsDocument) -> QmsRevision:
    revisions = _revisions(session, doc.id)
    latest = revisions[-1] if revisions else None
    try:
        check_editable(RevisionState(latest.state) if latest else RevisionState.ISSUED, doc.obsolete_on is not None)
    except DocumentStepRefused as exc:
        raise _refused(exc, doc.code) from None
    assert latest is not None
    return latest


def edit_draft(ctx: AppContext, document_id: int, change: str) -> DocumentView:
    """What the draft revision changes (refused once issued)."""
    clean = check(v.text, change, t.NOTE)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        doc = _document(s, document_id)
        _draft(s, doc).change = clean
        s.flush()
        return _view(s, doc)


def attach_file(ctx: AppContext, document_id: int, source: Path) -> DocumentView:
    """Keep a copy of ``source`` with the draft revision, in the data folder, with its SHA-256."""
    try:
        data = Path(source).read_bytes()
    except OSError:
        raise UserError(_("Cannot read the file {path}.").format(path=source)) from None
    stem = re.sub(r"[^a-z0-9.]+", "-", search_key(Path(source).name)).strip("-.") or "tai-lieu"
    name = f"{uuid.uuid4().hex[:8]}-{stem}"
    with ctx.read() as s:
        doc = _document(s, document_id)
        _draft(s, doc)  # refused before anything is written
    folder = ctx.data_dir / DOCUMENTS_FOLDER
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise UserError(_("The folder {path} cannot be made ({reason}).").format(path=folder, reason=exc)) from exc
    write_file(folder / name, data)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        doc = _document(s, document_id)
        draft = _draft(s, doc)
        draft.file_name, draft.checksum = name, hashlib.sha256(data).hexdigest()
        s.flush()
        return _view(s, doc)


def file_intact(ctx: AppContext, document_id: int) -> bool | None:
    """Whether the current revision's attachment is as it was attached (None: no attachment)."""
    with ctx.read() as s:
        current = _view(s, _document(s, document_id)).current
    if current is None or not current.file_name:
        return None
    path = ctx.data_dir / DOCUMENTS_FOLDER / current.file_name
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == current.checksum
    except OSError:
        return False


def issue_document(ctx: AppContext, document_id: int, on: date, approved_by: str = "") -> DocumentView:
    """The ISO secretary issues the draft, approved by the leader named (default: the head in the office profile);
    the issue in force before it is superseded."""
    approver = check(v.text, approved_by, v.PERSON_NAME) or get_profile(ctx).leader_name
    with ctx.unit_of_work() as s:
        require(s, Permission.DOCUMENT_ISSUE)
        doc = _document(s, document_id)
        revisions = _revisions(s, doc.id)
        latest = revisions[-1] if revisions else None
        try:
            check_issue(RevisionState(latest.state) if latest else None, doc.obsolete_on is not None)
        except DocumentStepRefused as exc:
            raise _refused(exc, doc.code) from None
        assert latest is not None
        for r in revisions:
            if r.state == RevisionState.ISSUED.value:
                r.state = RevisionState.SUPERSEDED.value
        latest.state, latest.issued_on, latest.approved_by = RevisionState.ISSUED.value, on, approver
        s.flush()
        return _view(s, doc)


def revise_document(ctx: AppContext, document_id: int, change: str) -> DocumentView:
    """Start the next issue as a draft (the issued one stays in force until it is issued)."""
    clean = check(v.text, change, t.NOTE)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        doc = _document(s, document_id)
        states = [RevisionState(r.state) for r in _revisions(s, doc.id)]
        try:
            issue = check_new_revision(states, doc.obsolete_on is not None)
        except DocumentStepRefused as exc:
            raise _refused(exc, doc.code) from None
        s.add(QmsRevision(document_id=doc.id, issue=issue, state=RevisionState.DRAFT.value, change=clean,
                          approved_by="", file_name="", checksum="", distribution="[]"))  # fmt: skip
        s.flush()
        return _view(s, doc)


def distribute(ctx: AppContext, document_id: int, holders: list[str]) -> DocumentView:
    """Who holds a copy of the issue in force (or of the draft before it is issued); refused for an obsolete
    document."""
    clean = [check(v.text, h, HOLDER) for h in holders]
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        doc = _document(s, document_id)
        try:
            check_distributable(doc.obsolete_on is not None)
        except DocumentStepRefused as exc:
            raise _refused(exc, doc.code) from None
        revisions = _revisions(s, doc.id)
        issued = [r for r in revisions if r.state == RevisionState.ISSUED.value]
        target = issued[-1] if issued else revisions[-1]
        target.distribution = json.dumps(list(dict.fromkeys(clean)), ensure_ascii=False)
        s.flush()
        return _view(s, doc)


def make_obsolete(ctx: AppContext, document_id: int, on: date) -> DocumentView:
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        doc = _document(s, document_id)
        doc.obsolete_on = on
        s.flush()
        return _view(s, doc)


def register_iso_procedures(ctx: AppContext) -> list[DocumentView]:
    """Bring the ISO procedures printed from the catalogue into the register: each recorded issue becomes an issued
    revision (the latest in force, the earlier ones superseded); a document already registered keeps its revisions
    and gains only the issues it lacks."""
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        catalogue = s.execute(select(Procedure.code, Procedure.name, Procedure.field))
        names = {code: (name, field) for code, name, field in catalogue}
        printed = select(Setting.key, Setting.value).where(Setting.key.like("qms.procedure_issues.%"))
        made = []
        for key, value in s.execute(printed).all():
            code = key.removeprefix("qms.procedure_issues.")
            issues = sorted(json.loads(value), key=lambda r: int(r["issue"]))
            if not issues or code not in names:
                continue
            name, field = names[code]
            doc_code = f"QT {code}/{field_initials(field)}"
            doc = s.execute(select(QmsDocument).where(QmsDocument.code == doc_code)).scalar_one_or_none()
            if doc is None:
                doc = QmsDocument(code=doc_code, title=name, kind=DocumentKind.ISO_PROCEDURE.value)
                s.add(doc)
                s.flush()
            have = {r.issue for r in _revisions(s, doc.id)}
            for entry in issues:
                if int(entry["issue"]) in have:
                    continue
                s.add(QmsRevision(document_id=doc.id, issue=int(entry["issue"]), state=RevisionState.SUPERSEDED.value,
                                  change=entry.get("change", ""), issued_on=date.fromisoformat(entry["date"]),
                                  approved_by="", file_name="", checksum="", distribution="[]"))  # fmt: skip
            s.flush()
            revisions = _revisions(s, doc.id)
            issued = [r for r in revisions if r.state != RevisionState.DRAFT.value]
            for r in issued:
                r.state = RevisionState.SUPERSEDED.value
            if issued:
                issued[-1].state = RevisionState.ISSUED.value
            s.flush()
            made.append(_view(s, doc))
        return made
