"""Office-wide settings stored in the database as JSON values under dotted keys.

Every setting has a default here, with the rule it comes from, so the program behaves the same
whether or not the office ever opened the settings page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Setting
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import LANGUAGES, N_, _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check

SETTING_VALUE = v.TextField(N_("The value"), 200, required=True)
#: The shortest retention the program accepts: a dossier's result can be contested and reviewed for years after
#: it was settled, so erasing sooner would lose evidence the office still needs.
MIN_RETENTION_YEARS = 1

DEFAULTS: dict[str, Any] = {
    # Vietnamese first (docs/ARCHITECTURE.md §1).
    "ui.language": "vi",
    # Office hours of state agencies (commonly 07:30-11:30, 13:30-17:00; each province sets its own).
    "ledger.morning_start": "07:30",
    "ledger.morning_end": "11:30",
    "ledger.afternoon_start": "13:30",
    "ledger.afternoon_end": "17:00",
    # "Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo" (same-day procedures, DVCQG texts).
    "ledger.cutoff": "15:00",
    # Under NĐ 61/2018 art. 19 a late dossier could get a new appointment once; kept as a setting (docs/DOMAIN.md §2).
    "ledger.max_extensions": 1,
    # NĐ 61/2018/NĐ-CP art. 19 asked for the apology at least one working day before the due date; NĐ 118/2025
    # is silent on the lead, hence settings: the days ahead, and what a later apology does ("warn" or "refuse").
    "ledger.apology_lead_days": 1,
    "ledger.late_apology": "warn",
    # Shares (in %) of a dossier's time for each hand-over along the route (handling officer, leader, officer
    # back, desk) when the procedure has no internal steps; the process control sheet judges each hand-over
    # against them (TT 01/2018/TT-VPCP form 05, TT 03/2025/TT-VPCP form 06). An even split by default.
    "ledger.step_shares": "25,25,25,25",
    # Whether the receive form starts with every document ticked as handed in. Unticked by default: the officer
    # ticks what the applicant really hands in, so a missing document is never recorded as received (NĐ
    # 118/2025/NĐ-CP: the desk checks the dossier's completeness before receiving it).
    "ledger.documents_ticked": False,
    # Dossier code: observed national format <agency code>-<yymmdd>-<4-digit running number per day>
    # (docs/DOMAIN.md §2).
    "ledger.code_pattern": "{agency}-{yymmdd}-{seq:04d}",
    # Years after a dossier is settled before its applicant's personal data is erased: personal data is kept no
    # longer than its purpose needs (Luật Bảo vệ dữ liệu cá nhân 2025, in force 1 January 2026). The purpose ends
    # with the archive period of one-stop-shop dossiers, which the province's archive rules set from the national
    # retention tables (Thông tư 10/2022/TT-BNV and the sector tables). 10 years is a starting value, not a
    # confirmed one (check): the office sets the period its province's list gives.
    "privacy.retention_years": 10,
    # Minutes without use after which the window locks and asks the same person's password again: several officers
    # share one PC, often under one Windows account (docs/DOMAIN.md §7); 15 minutes is the usual screen-lock default
    # (e.g. CIS benchmarks ask for 15 or fewer). 0 turns the lock off.
    "security.idle_lock_minutes": 15,
    # The office's backup key pair (services.safety.backup_key): the public half and the private half sealed by the
    # passphrase. Never typed as text; set by "isodesk backup passphrase set" or Settings › Sao lưu.
    "backup.key": None,
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


def write_setting(session: Session, key: str, value: Any) -> None:
    """Store a setting inside an open unit of work (the caller has checked who may)."""
    text = json.dumps(value, ensure_ascii=False)
    row = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def set_setting(ctx: AppContext, key: str, value: Any) -> None:
    if key == "ui.language" and value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r}")
    with ctx.unit_of_work() as s:
        if key not in PERSONAL_PREFERENCES:
            require(s, Permission.SETTINGS_MANAGE)
        write_setting(s, key, value)


def _time(text: str) -> str:
    """A time of day as settings store it: ISO 8601 hours and minutes ("15:00"), read back by
    :func:`isodesk.services.ledger.calendar.office_hours`."""
    return check(v.parse_time, text).isoformat(timespec="minutes")


def _pattern(text: str) -> str:
    """A dossier-code pattern must number the dossiers and make codes that pass the dossier-code rule."""
    from isodesk.domain.ledger import CodeParts, format_code

    if "{seq" not in text:
        raise UserError(_("The pattern “{value}” needs {{seq}}, the day's running number.").format(value=v.shown(text)))
    try:
        sample = format_code(text, CodeParts("0" * 40, date(2026, 12, 31), 9999))  # the longest agency code
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        raise UserError(
            _(
                "The pattern “{value}” cannot be read: use {{agency}}, {{yymmdd}}, {{yyyymmdd}}, "
                "{{yyyy}} and {{seq:04d}}."
            ).format(value=v.shown(text))
        ) from exc
    check(v.dossier_code, sample)
    return text


def _late_apology(text: str) -> str:
    if text not in ("warn", "refuse"):
        raise UserError(_("What a late apology does must be “warn” or “refuse”."))
    return text


def _shares(text: str) -> str:
    """Whole percentages separated by commas, each above zero, adding up to 100."""
    try:
        shares = [int(part) for part in text.split(",")]
    except ValueError:
        shares = []
    if not shares or any(share <= 0 for share in shares) or sum(shares) != 100:
        raise UserError(
            _(
                "The shares “{value}” must be whole percentages above zero, separated by commas, adding up to 100."
            ).format(value=v.shown(text))
        )
    return ",".join(str(share) for share in shares)


def _yes_no(text: str) -> bool:
    """Yes or no, as people type it: "yes"/"no", "có"/"không", "true"/"false", 1/0."""
    word = v.normalise(text).lower()
    if word in ("yes", "có", "co", "true", "1", "on"):
        return True
    if word in ("no", "không", "khong", "false", "0", "off"):
        return False
    raise UserError(_("The value “{value}” must be yes or no.").format(value=v.shown(text)))


def _language(text: str) -> str:
    if text not in LANGUAGES:
        raise UserError(_("The language must be one of {languages}.").format(languages=", ".join(LANGUAGES)))
    return text


#: How each office-editable setting is read from text (command line, settings page); each refuses with a message.
PARSERS: dict[str, Callable[[str], Any]] = {
    "ui.language": _language,
    "ledger.morning_start": _time,
    "ledger.morning_end": _time,
    "ledger.afternoon_start": _time,
    "ledger.afternoon_end": _time,
    "ledger.cutoff": _time,
    "ledger.max_extensions": lambda text: check(v.whole_number, text, N_("The number of new appointments"), 0, 10),
    "ledger.code_pattern": _pattern,
    "ledger.apology_lead_days": lambda text: check(v.whole_number, text, N_("The days before the due date"), 0, 30),
    "ledger.late_apology": _late_apology,
    "ledger.step_shares": _shares,
    "ledger.documents_ticked": _yes_no,
    "privacy.retention_years": lambda text: check(
        v.whole_number, text, N_("The retention period"), MIN_RETENTION_YEARS, 100
    ),
    "security.idle_lock_minutes": lambda text: check(
        v.whole_number, text, N_("The minutes before the window locks"), 0, 240
    ),
}
HOURS = ("ledger.morning_start", "ledger.morning_end", "ledger.afternoon_start", "ledger.afternoon_end")


def set_setting_text(ctx: AppContext, key: str, text: str) -> Any:
    """Set ``key`` from what a user typed, refusing unknown keys and values with a clear message."""
    if key not in PARSERS:
        raise UserError(
            _("There is no setting “{key}”. Settings: {keys}.").format(key=v.shown(key), keys=", ".join(PARSERS))
        )
    value = PARSERS[key](check(v.text, text, SETTING_VALUE))
    if key in HOURS:
        hours = {k: get_setting(ctx, k) for k in HOURS} | {key: value}
        if not hours[HOURS[0]] < hours[HOURS[1]] <= hours[HOURS[2]] < hours[HOURS[3]]:
            raise UserError(
                _("Office hours must follow each other: morning {a}–{b}, afternoon {c}–{d}.").format(
                    a=hours[HOURS[0]], b=hours[HOURS[1]], c=hours[HOURS[2]], d=hours[HOURS[3]]
                )
            )
    set_setting(ctx, key, value)
    return value


def setting_problem(key: str, text: str) -> str | None:
    """What is wrong with ``text`` for ``key``, or None when it would be accepted (for checking as one types)."""
    try:
        PARSERS[key](check(v.text, text, SETTING_VALUE))
    except UserError as exc:
        return str(exc)
    return None


def code_example(pattern: str, agency: str, day: date) -> str:
    """The code the office's pattern gives the first dossier of ``day`` (shown beside the pattern as it is typed)."""
    from isodesk.domain.ledger import CodeParts, format_code

    return format_code(_pattern(pattern), CodeParts(agency, day, 1))


def update_settings(ctx: AppContext, texts: Mapping[str, str]) -> dict[str, Any]:
    """Set several settings from what a user typed, all or none (the settings page saves its form in one go).

    Each value is read as :func:`set_setting_text` reads it; the office hours are checked together, so that moving
    the lunch break moves both of its ends at once."""
    unknown = [key for key in texts if key not in PARSERS or key in PERSONAL_PREFERENCES]
    if unknown:
        raise UserError(
            _("There is no setting “{key}”. Settings: {keys}.").format(key=v.shown(unknown[0]), keys=", ".join(PARSERS))
        )
    values = {key: PARSERS[key](check(v.text, text, SETTING_VALUE)) for key, text in texts.items()}
    with ctx.unit_of_work() as s:
        require(s, Permission.SETTINGS_MANAGE)
        hours = {k: read_setting(s, k) for k in HOURS} | {k: values[k] for k in HOURS if k in values}
        if not hours[HOURS[0]] < hours[HOURS[1]] <= hours[HOURS[2]] < hours[HOURS[3]]:
            raise UserError(
                _("Office hours must follow each other: morning {a}–{b}, afternoon {c}–{d}.").format(
                    a=hours[HOURS[0]], b=hours[HOURS[1]], c=hours[HOURS[2]], d=hours[HOURS[3]]
                )
            )
        for key, value in values.items():
            if read_setting(s, key) != value:
                write_setting(s, key, value)
    return values


def list_settings(ctx: AppContext) -> dict[str, Any]:
    with ctx.read() as s:
        return {key: read_setting(s, key) for key in PARSERS}
