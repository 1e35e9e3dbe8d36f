"""Each role, allowed or refused, on each service that changes data (and on reading the trail)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.errors import UserError
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.ledger.calendar import set_day
from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.ledger.procedures import set_office_time
from isodesk.services.office.demo import fill_demo
from isodesk.services.office.profile import update_profile
from isodesk.services.office.staff import add_staff
from isodesk.services.safety.trail import list_trail
from isodesk.services.safety.trail_verify import verify_trail
from isodesk.services.settings import set_setting, set_setting_text

PASSWORD = "Một cửa 2026!"
Action = Callable[[AppContext, str, str], object]

ACTIONS: dict[str, Action] = {
    "receive": lambda c, _u, _code: receive_dossier(c, "1.004873", ApplicantInput("Lê Văn Tám")),
    "move": lambda c, _u, code: move_dossier(c, code, "processing"),
    "edit": lambda c, _u, code: edit_dossier(c, code, DossierCorrection(note="đã gọi điện cho người nộp")),
    "procedure": lambda c, _u, _code: set_office_time(c, "1.004873", ProcessingTime(TimeUnit.WORKING_DAYS, Decimal(4))),
    "calendar": lambda c, _u, _code: set_day(c, date(2026, 12, 31), "day_off", "nghỉ bù"),
    "settings": lambda c, _u, _code: set_setting_text(c, "ledger.cutoff", "16:00"),
    "language": lambda c, _u, _code: set_setting(c, "ui.language", "en"),
    "office": lambda c, _u, _code: update_profile(c, phone="0273 3872 135"),
    "staff": lambda c, _u, _code: add_staff(c, "Cán bộ Thử", "Văn phòng"),
    "accounts": lambda c, u, _code: add_account(c, f"moi.{u}", "Người mới", ["officer"]),
    "demo": lambda c, _u, _code: fill_demo(c, 0),
    "trail": lambda c, _u, _code: list_trail(c, limit=5),
    "verify": lambda c, _u, _code: verify_trail(c),
}
EVERYONE = {"language"}
ALLOWED: dict[str, set[str]] = {
    "officer": EVERYONE | {"receive", "move", "edit"},
    "iso_secretary": EVERYONE | {"procedure", "calendar", "trail", "verify"},
    "auditor": EVERYONE | {"trail", "verify"},
    "leader": EVERYONE | {"move", "edit", "trail", "verify"},
    "admin": set(ACTIONS),
}


@pytest.fixture
def dossier(office: AppContext) -> str:
    return receive_dossier(office, "1.004873", ApplicantInput("Nguyễn Văn Bình")).code


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_role_is_allowed_exactly_its_actions(office: AppContext, dossier: str, role: str) -> None:
    username = f"nguoi.{role}"
    if role != "admin":
        add_account(office, username, f"Người {role}", [role], password=PASSWORD)
        office.actor = username
    else:
        username = "admin"
    for name, action in ACTIONS.items():
        if name in ALLOWED[role]:
            action(office, role, dossier)
        else:
            with pytest.raises(UserError) as err:
                action(office, role, dossier)
            assert f"Tài khoản “{username}” không được" in err.value.message, name
            assert "cần vai trò" in err.value.message


def test_refusal_names_what_is_needed(office: AppContext) -> None:
    add_account(office, "kiem.toan", "Bùi Văn Sơn", ["auditor"], password=PASSWORD)
    office.actor = "kiem.toan"
    with pytest.raises(UserError) as err:
        set_office_time(office, "1.004873", None)
    assert err.value.message == (
        "Tài khoản “kiem.toan” không được sửa danh mục thủ tục: việc này cần vai trò Thư ký ISO hoặc Quản trị viên. "
        "Hãy liên hệ quản trị viên."
    )


def test_a_signed_out_context_may_change_nothing(office: AppContext, dossier: str) -> None:
    office.actor = ""
    with pytest.raises(UserError, match="đang đăng nhập"):
        move_dossier(office, dossier, "processing")


def test_disabled_account_loses_its_rights_at_once(office: AppContext, dossier: str) -> None:
    from isodesk.services.accounts.accounts import set_active

    add_account(office, "mot.cua", "Võ Thanh Tùng", ["officer"], password=PASSWORD)
    set_active(office, "mot.cua", False)
    office.actor = "mot.cua"
    with pytest.raises(UserError):
        move_dossier(office, dossier, "processing")
