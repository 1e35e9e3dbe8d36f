"""Each limit of what people type is stated once, in the domain, and the column that stores the value is exactly that
wide (docs/ARCHITECTURE.md §2): change one side alone and this fails.

SQLite does not enforce a width, so a column narrower than its rule would not lose data here; it would the day the
data moves (a sync package read by a stricter database, an export with fixed widths), and a rule wider than its
column means the two were decided in two places.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import String

from isodesk.db.base import Base, SyncedMixin
from isodesk.db.models import (
    Account,
    Applicant,
    ChecklistItem,
    Department,
    Dossier,
    Finding,
    Office,
    Procedure,
    QmsProblem,
    Staff,
)
from isodesk.domain import validation as v
from isodesk.domain.validation import audit as va

#: (column, the domain's limit for what it stores)
TIED = [
    (Applicant.name, v.APPLICANT_NAME.limit),
    (Applicant.address, v.ADDRESS.limit),
    (Applicant.phone, v.PHONE_LENGTH),
    (Applicant.email, v.EMAIL_LENGTH),
    (Applicant.id_number, v.CITIZEN_ID_LENGTH),
    (Applicant.representative_name, v.REPRESENTATIVE_NAME.limit),
    (Applicant.representative_id_number, v.CITIZEN_ID_LENGTH),
    (Applicant.representative_phone, v.PHONE_LENGTH),
    (Dossier.code, v.DOSSIER_CODE_LENGTH),
    (Procedure.code, v.PROCEDURE_CODE_LENGTH),
    (Procedure.field, v.PROCEDURE_FIELD.limit),
    (Procedure.fee, v.FEE.limit),
    (Procedure.office_fee, v.FEE.limit),
    (Office.leader_name, v.PERSON_NAME.limit),
    (Office.leader_title, v.TITLE.limit),
    (Office.iso_representative, v.PERSON_NAME.limit),
    (Office.iso_secretary, v.PERSON_NAME.limit),
    (Office.address, v.ADDRESS.limit),
    (Office.email, v.EMAIL_LENGTH),
    (Office.agency_code, v.AGENCY_CODE_LENGTH),
    (Office.contact_name, v.CONTACT.limit),
    (Office.contact_phone, v.PHONE_LENGTH),
    (Department.name, v.DEPARTMENT.limit),
    (Staff.name, v.STAFF_NAME.limit),
    (Staff.position, v.POSITION.limit),
    (Account.username, v.USERNAME_LENGTH),
    (Account.username_key, v.USERNAME_LENGTH),
    (Account.display_name, v.PERSON_NAME.limit),
    (Finding.clause, va.CLAUSE_LENGTH),
    (Finding.procedure_code, v.PROCEDURE_CODE_LENGTH),
    (Finding.place, va.AUDIT_PLACE.limit),
    (ChecklistItem.clause, va.CLAUSE_LENGTH),
    (ChecklistItem.procedure_code, v.PROCEDURE_CODE_LENGTH),
    (QmsProblem.procedure_code, v.PROCEDURE_CODE_LENGTH),
]
#: Columns wider than their rule, each with why it stays so.
WIDER = {
    "office.phone": "40 since schema 0001; narrowing it rebuilds the table in every office's database for nothing",
}
#: String columns of the office's records that hold no typed value: what the program writes itself.
NOT_TYPED = {
    "calendar_changes.new_kind",
    "calendar_changes.old_kind",
    "calendar_overrides.kind",
    "departments.search_key",
    "dossier_events.action",
    "dossier_events.from_state",
    "dossier_events.to_state",
    "dossiers.status",
    "dossiers.timeliness",
    "office.province_code",
    "office.role",
    "procedures.confidence",
    "procedures.office_time_unit",
    "procedures.office_time_value",
    "procedures.time_unit",
    "procedures.time_value",
    "applicants.kind",
    "settings.key",
    "qms_roles.role",
    "qms_objectives.measure",
    "qms_objectives.direction",
    "qms_objectives.period",
    "qms_objectives.target",
    "qms_policies.state",
    "qms_risks.kind",
    "qms_milestones.kind",
    "qms_legal_changes.change",
    "qms_documents.kind",
    "qms_revisions.state",
    "qms_revisions.checksum",
    "staff.search_key",
    "audits.opening",
    "audits.closing",
    "audits.status",
    "audits.edition",
    "audit_checklist.result",
    "audit_findings.grade",
    "audit_findings.status",
    "corrective_actions.status",
    "review_decisions.status",
    "audit_reports.sha256",
}


def _name(column: object) -> str:
    table = column.table.name  # type: ignore[attr-defined]
    return f"{table}.{column.name}"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("attribute", "limit"), TIED, ids=[_name(a.property.columns[0]) for a, _ in TIED])
def test_each_limited_field_is_as_wide_as_its_column(attribute: object, limit: int) -> None:
    column = attribute.property.columns[0]  # type: ignore[attr-defined]
    assert isinstance(column.type, String) and column.type.length == limit


def test_a_column_wider_than_its_rule_says_why() -> None:
    assert Office.__table__.c.phone.type.length >= v.PHONE_LENGTH  # type: ignore[attr-defined]
    assert set(WIDER) == {"office.phone"}


def test_every_string_column_of_the_office_records_is_accounted_for() -> None:
    """A new column that holds typed text must say which rule limits it (in TIED), else it is listed as written
    by the program (NOT_TYPED)."""
    tied = {_name(a.property.columns[0]) for a, _ in TIED}  # type: ignore[attr-defined]
    sync = {"uuid", "unit_code", "updated_by"}
    found = set()
    for mapper in Base.registry.mappers:
        if not issubclass(mapper.class_, SyncedMixin):
            continue
        for column in mapper.local_table.columns:
            if isinstance(column.type, String) and column.type.length is not None and column.name not in sync:
                found.add(_name(column))
    assert found - tied - set(WIDER) - NOT_TYPED == set()
    assert (tied | set(WIDER) | NOT_TYPED) - found == set()  # no stale name either


def test_the_rules_accept_exactly_their_limit() -> None:
    """The constants are the rules' own limits, not a copy beside them."""
    assert v.procedure_code("1" * v.PROCEDURE_CODE_LENGTH)
    with pytest.raises(v.Invalid):
        v.procedure_code("1" * (v.PROCEDURE_CODE_LENGTH + 1))
    assert v.dossier_code("1" * v.DOSSIER_CODE_LENGTH)
    with pytest.raises(v.Invalid):
        v.dossier_code("1" * (v.DOSSIER_CODE_LENGTH + 1))
    assert v.agency_code("1" * v.AGENCY_CODE_LENGTH)
    with pytest.raises(v.Invalid):
        v.agency_code("1" * (v.AGENCY_CODE_LENGTH + 1))
    domain = "@" + "a" * 63 + "." + "b" * 63 + "." + "c" * 48 + ".vn"  # labels of at most 63 (RFC 1035)
    longest = "x" * (v.EMAIL_LENGTH - len(domain)) + domain  # 20 before the @, 200 in all
    assert v.email_address(longest) == longest
    with pytest.raises(v.Invalid):
        v.email_address("x" + longest)
    assert len(v.citizen_id("082190001234", date(2026, 1, 1))) == v.CITIZEN_ID_LENGTH
    assert len(v.phone_number("+1 650-253-0000")) <= v.PHONE_LENGTH
