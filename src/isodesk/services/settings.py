"""Office-wide settings stored in the database as JSON values under dotted keys.

Every setting has a default here, with the rule it comes from, so the program behaves the same
whether or not the office ever opened the settings page.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Setting
from isodesk.domain.permissions import Permission
from isodesk.i18n import LANGUAGES
from isodesk.services.auth import require
from isodesk.services.context import AppContext

DEFAULTS: dict[str, Any] = {
    # Vietnamese first (DESIGN.md §2).
    "ui.language": "vi",
    # Office hours of state agencies (commonly 07:30-11:30, 13:30-17:00; each province sets its own).
    "ledger.morning_start": "07:30",
    "ledger.morning_end": "11:30",
    "ledger.afternoon_start": "13:30",
    "ledger.afternoon_end": "17:00",
    # "Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo" (same-day procedures, DVCQG texts).
    "ledger.cutoff": "15:00",
    # Under NĐ 61/2018 art. 19 a late dossier could get a new appointment once; kept as a setting (DOMAIN.md §2).
    "ledger.max_extensions": 1,
    # Dossier code: observed national format <agency code>-<yymmdd>-<4-digit running number per day> (DOMAIN.md §2).
    "ledger.code_pattern": "{agency}-{yymmdd}-{seq:04d}",
}


#: Settings each person may change whatever their role: the language is a preference, not an office rule.
PERSONAL_PREFERENCES = frozenset({"ui.language"})


def read_setting(session: Session, key: str) -> Any:
    """A setting read inside an open session (for services that already hold one)."""
    row = session.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()
    return DEFAULTS.get(key) if row is None else json.loads(row)


def get_setting(ctx: AppContext, key: str) -> Any:
    with ctx.read() as s:
        return read_setting(s, key)


def set_setting(ctx: AppContext, key: str, value: Any) -> None:
    if key == "ui.language" and value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r}")
    text = json.dumps(value, ensure_ascii=False)
    with ctx.unit_of_work() as s:
        if key not in PERSONAL_PREFERENCES:
            require(s, Permission.SETTINGS_MANAGE)
        row = s.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
        if row is None:
            s.add(Setting(key=key, value=text))
        else:
            row.value = text


def _check_time(value: str) -> str:
    from datetime import time

    time.fromisoformat(value)
    return value


def _check_pattern(value: str) -> str:
    from datetime import date

    from isodesk.domain.ledger import CodeParts, format_code

    if "{seq" not in value:
        raise ValueError("the pattern needs {seq}")
    format_code(value, CodeParts("000.00.00.H00", date(2026, 1, 1), 1))
    return value


def _check_language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(value)
    return value


def _check_count(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 10:
        raise ValueError(value)
    return number


#: How each office-editable setting is read from text (command line, settings page).
PARSERS: dict[str, Any] = {
    "ui.language": _check_language,
    "ledger.morning_start": _check_time,
    "ledger.morning_end": _check_time,
    "ledger.afternoon_start": _check_time,
    "ledger.afternoon_end": _check_time,
    "ledger.cutoff": _check_time,
    "ledger.max_extensions": _check_count,
    "ledger.code_pattern": _check_pattern,
}


def set_setting_text(ctx: AppContext, key: str, text: str) -> Any:
    """Set ``key`` from what a user typed, refusing unknown keys and values with a clear message."""
    from isodesk.errors import UserError
    from isodesk.i18n import _

    if key not in PARSERS:
        raise UserError(_("There is no setting “{key}”. Settings: {keys}.").format(key=key, keys=", ".join(PARSERS)))
    try:
        value = PARSERS[key](text.strip())
    except (ValueError, KeyError, IndexError) as exc:
        raise UserError(_("“{value}” is not a valid value for {key}.").format(value=text, key=key)) from exc
    set_setting(ctx, key, value)
    return value


def all_settings(ctx: AppContext) -> dict[str, Any]:
    with ctx.read() as s:
        return {key: read_setting(s, key) for key in PARSERS}
