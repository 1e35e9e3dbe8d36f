"""Accounts, passwords, sign-in and lockout on a real office database (the clock is injected, nobody sleeps)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from isodesk.db.models import Account
from isodesk.errors import UserError
from isodesk.services.accounts.accounts import (
    add_account,
    list_accounts,
    reset_password,
    set_active,
    set_roles,
    sign_in_choices,
    unlock,
    use_account,
)
from isodesk.services.accounts.passwords import N, hash_password, needs_rehash, verify_password
from isodesk.services.accounts.signin import Outcome, change_password, sign_in
from isodesk.services.context import AppContext, open_context

T0 = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
PASSWORD = "Phường Mỹ Tho 2026"


def _stored_hash(ctx: AppContext, username: str) -> str:
    with ctx.read() as s:
        return s.execute(select(Account.password_hash).where(Account.username == username)).scalar_one()


@pytest.fixture
def officer(office: AppContext) -> str:
    add_account(office, "anh.pham", "Phạm Thị Ngọc Ánh", ["officer"], password=PASSWORD)
    return "anh.pham"


# -- hashing ---------------------------------------------------------------------------------------------
def test_hash_stores_its_parameters_and_a_fresh_salt() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    algorithm, n, r, p, _salt, _key = first.split("$")
    assert (algorithm, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert first != second  # salted
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password("Phường Mỹ Tho 2025", first)
    assert not verify_password(PASSWORD, "not-a-hash")
    assert PASSWORD not in first


def test_password_typed_decomposed_matches() -> None:
    stored = hash_password(unicodedata.normalize("NFC", PASSWORD))
    assert verify_password(unicodedata.normalize("NFD", PASSWORD), stored)


def test_weaker_parameters_are_raised_at_the_next_sign_in(office: AppContext, officer: str) -> None:
    weak = hash_password(PASSWORD, n=2**10)
    assert needs_rehash(weak) and not needs_rehash(hash_password(PASSWORD))
    with office.unit_of_work() as s:
        s.execute(select(Account).where(Account.username == officer)).scalar_one().password_hash = weak
    assert sign_in(office, officer, PASSWORD).outcome is Outcome.SIGNED_IN
    stored = _stored_hash(office, officer)
    assert stored.split("$")[1] == str(N) and verify_password(PASSWORD, stored)


# -- accounts --------------------------------------------------------------------------------------------
def test_office_set_up_has_its_administrator_without_password(office: AppContext) -> None:
    (admin,) = list_accounts(office)
    assert (admin.username, admin.roles, admin.has_password) == ("admin", ["admin"], False)
    assert office.actor == "admin"
    result = sign_in(office, "admin", "")
    assert result.outcome is Outcome.SET_PASSWORD  # the first sign-in in the program asks for one
    change_password(office, "admin", "", PASSWORD)
    assert sign_in(office, "ADMIN", PASSWORD).outcome is Outcome.SIGNED_IN


def test_new_account_without_password_gets_a_temporary_one(office: AppContext) -> None:
    made = add_account(office, "Ha.Tran", "Trần Thị Thu Hà", ["leader", "auditor"])
    assert made.temporary_password and len(made.temporary_password) == 10
    assert made.account.roles == ["auditor", "leader"] and made.account.must_change_password
    assert "password_hash" not in made.to_dict() and made.to_dict()["temporary_password"]
    result = sign_in(office, "ha.tran", made.temporary_password)
    assert result.outcome is Outcome.MUST_CHANGE and office.actor == "admin"  # not signed in until changed
    change_password(office, "ha.tran", made.temporary_password, "Lãnh đạo phường")
    assert sign_in(office, "ha.tran", "Lãnh đạo phường").outcome is Outcome.SIGNED_IN
    assert office.actor == "Ha.Tran"
    # Vietnamese order of names, by given name: "Hà" before "(Quản trị) viên".
    assert [c.username for c in sign_in_choices(office)] == ["Ha.Tran", "admin"]


def test_usernames_are_unique_whatever_the_case(office: AppContext, officer: str) -> None:
    with pytest.raises(UserError, match="đã có người dùng"):
        add_account(office, "Anh.Pham", "Ai đó", ["officer"], password=PASSWORD)


@pytest.mark.parametrize(
    ("username", "roles", "password", "message"),
    [
        ("mot cua", ["officer"], PASSWORD, "không dùng được làm tên đăng nhập"),
        ("motcua", [], PASSWORD, "ít nhất một vai trò"),
        ("motcua", ["chairman"], PASSWORD, "“chairman” không phải là vai trò"),
        ("motcua", ["officer"], "ngắn", "ít nhất 8 ký tự"),
        ("motcua", ["officer"], "        ", "không được để trống"),
    ],
)
def test_refused_accounts(office: AppContext, username: str, roles: list[str], password: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        add_account(office, username, "Võ Thanh Tùng", roles, password=password)
    assert [a.username for a in list_accounts(office)] == ["admin"]


def test_display_name_follows_the_input_rules(office: AppContext) -> None:
    typed = unicodedata.normalize("NFD", "  Võ\u200b  Thanh\tTùng ")
    made = add_account(office, "tung.vo", typed, ["officer"], password=PASSWORD)
    assert made.account.display_name == "Võ Thanh Tùng"  # NFC, no zero-width space, one space between words
    assert add_account(office, "khach", "   ", ["officer"], password=PASSWORD).account.display_name == "khach"
    with pytest.raises(UserError, match="Họ tên quá dài: 204 ký tự, tối đa 200"):
        add_account(office, "dai.qua", "Tùng" * 51, ["officer"], password=PASSWORD)
    assert "dai.qua" not in [a.username for a in list_accounts(office)]


def test_last_administrator_cannot_be_removed(office: AppContext, officer: str) -> None:
    with pytest.raises(UserError, match="quản trị viên duy nhất"):
        set_roles(office, "admin", ["officer"])
    set_roles(office, officer, ["officer", "admin"])
    set_roles(office, "admin", ["leader"])  # another administrator exists now
    use_account(office, officer)
    with pytest.raises(UserError, match="quản trị viên duy nhất"):
        set_roles(office, officer, ["officer"])
    with pytest.raises(UserError, match="Không thể cho ngừng hoạt động tài khoản đang đăng nhập"):
        set_active(office, officer, False)
    assert [a.roles for a in list_accounts(office)] == [["officer", "admin"], ["leader"]]


def test_disabled_account_cannot_sign_in_nor_be_used(office: AppContext, officer: str) -> None:
    set_active(office, officer, False)
    with pytest.raises(UserError, match="đã ngừng hoạt động"):
        sign_in(office, officer, PASSWORD)
    with pytest.raises(UserError, match=r"Không có tài khoản “anh\.pham” đang hoạt động"):
        use_account(office, officer)
    assert officer not in [c.username for c in sign_in_choices(office)]
    set_active(office, officer, True)
    assert sign_in(office, officer, PASSWORD).outcome is Outcome.SIGNED_IN


def test_password_change_needs_the_old_one_and_a_new_one(office: AppContext, officer: str) -> None:
    with pytest.raises(UserError, match="Sai mật khẩu"):
        change_password(office, officer, "không phải", "Mật khẩu mới 1", now=T0)
    with pytest.raises(UserError, match="khác mật khẩu cũ"):
        change_password(office, officer, PASSWORD, PASSWORD, now=T0)
    with pytest.raises(UserError, match="quá ngắn"):
        change_password(office, officer, PASSWORD, "ngắn", now=T0)
    change_password(office, officer, PASSWORD, "Mật khẩu mới 1", now=T0)
    with pytest.raises(UserError):
        sign_in(office, officer, PASSWORD, now=T0)
    assert sign_in(office, officer, "Mật khẩu mới 1", now=T0).outcome is Outcome.SIGNED_IN


def test_administrator_reset_gives_a_temporary_password_and_unlocks(office: AppContext, officer: str) -> None:
    for _ in range(6):
        with pytest.raises(UserError):
            sign_in(office, officer, "sai rồi", now=T0)
    temporary = reset_password(office, officer)
    (info,) = [a for a in list_accounts(office) if a.username == officer]
    assert info.must_change_password and info.failed_attempts == 0 and info.locked_until is None
    with pytest.raises(UserError):
        sign_in(office, officer, PASSWORD, now=T0)  # the old password no longer works
    assert sign_in(office, officer, temporary, now=T0).outcome is Outcome.MUST_CHANGE


# -- lockout ---------------------------------------------------------------------------------------------
def test_lockout_after_five_failures_grows_and_survives_a_restart(
    office: AppContext, officer: str, data_dir: Path
) -> None:
    for attempt in range(1, 5):
        with pytest.raises(UserError) as err:
            sign_in(office, officer, "sai rồi", now=T0)
        if attempt >= 3:
            assert "Nếu nhập sai thêm" in err.value.message
    with pytest.raises(UserError) as err:
        sign_in(office, officer, "sai rồi", now=T0)
    assert "hãy chờ 30 giây" in err.value.message

    # During the wait even the right password is refused, and the wait does not grow.
    with pytest.raises(UserError) as err:
        sign_in(office, officer, PASSWORD, now=T0 + timedelta(seconds=10))
    assert "Hãy chờ 20 giây" in err.value.message

    # The wait is in the database: a new program start sees it.
    office.close()
    again = open_context(data_dir)
    try:
        with pytest.raises(UserError, match="Hãy chờ 20 giây"):
            sign_in(again, officer, PASSWORD, now=T0 + timedelta(seconds=10))
        # After the wait, one more failure doubles it: 60 s, then 2 minutes, 4, 8, capped at 15.
        moment = T0 + timedelta(seconds=31)
        expected = ["60 giây", "2 phút", "4 phút", "8 phút", "15 phút", "15 phút"]
        for wait in expected:
            with pytest.raises(UserError) as err:
                sign_in(again, officer, "sai rồi", now=moment)
            assert f"hãy chờ {wait}" in err.value.message
            moment += timedelta(minutes=16)
        # The right password after the wait signs in and clears the count.
        assert sign_in(again, officer, PASSWORD, now=moment).outcome is Outcome.SIGNED_IN
        (info,) = [a for a in list_accounts(again) if a.username == officer]
        assert info.failed_attempts == 0 and info.locked_until is None
    finally:
        again.close()


def test_administrator_unlocks_at_once(office: AppContext, officer: str) -> None:
    for _ in range(5):
        with pytest.raises(UserError):
            sign_in(office, officer, "sai rồi", now=T0)
    (info,) = [a for a in list_accounts(office) if a.username == officer]
    assert info.locked(T0)
    unlock(office, officer)
    assert sign_in(office, officer, PASSWORD, now=T0).outcome is Outcome.SIGNED_IN


def test_failed_attempts_are_recorded_under_the_name_tried(office: AppContext, officer: str) -> None:
    with pytest.raises(UserError):
        sign_in(office, officer, "sai rồi", now=T0)
    with office.read() as s:
        account = s.execute(select(Account).where(Account.username == officer)).scalar_one()
    assert account.failed_attempts == 1 and account.updated_by == officer
