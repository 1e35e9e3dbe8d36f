"""The first steps of a new office: which are done, read from the office's own data."""

from __future__ import annotations

from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.ledger.procedures import list_procedures
from isodesk.services.office.first_steps import STEPS, first_steps
from isodesk.services.office.staff import add_staff
from isodesk.services.safety.backups import make_backup


def test_a_new_office_has_every_step_to_do_and_the_steps_tick_as_it_works(office: AppContext) -> None:
    fresh = first_steps(office)
    assert fresh.shown and fresh.done == frozenset() and fresh.ledger_empty
    unconfirmed = [p for p in list_procedures(office) if p.processing_time is None]
    assert fresh.procedures_without_time == len(unconfirmed) > 0  # the starter catalogue leaves some to the office
    assert [s["key"] for s in fresh.to_dict()["steps"]] == list(STEPS)

    add_staff(office, "Phạm Thị Ngọc Ánh", "Văn phòng", "Công chức một cửa")
    assert first_steps(office).done == {"staff"}
    add_account(office, "anh", "Phạm Thị Ngọc Ánh", ["officer"], password="Một cửa 2026")
    make_backup(office.data_dir, "daily")
    assert first_steps(office).done == {"staff", "accounts"}  # the automatic copy stays on the PC
    make_backup(office.data_dir, "manual")
    assert first_steps(office).done == {"staff", "accounts", "backup"}
    receive_dossier(office, "1.001193", ApplicantInput("Lê Thị Hồng"))
    after = first_steps(office)
    assert after.done == {"staff", "accounts", "backup", "first_dossier", "receipt_slip"}
    assert not after.shown and not after.ledger_empty
