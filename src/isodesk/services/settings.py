"""Office-wide settings stored in the database as JSON values under dotted keys.

Every setting has a default here, with the rule it comes from, so the program behaves the same
whether or not the office ever opened the settings page.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from isodesk.db.models import Setting
from isodesk.i18n import LANGUAGES
from isodesk.services.context import AppContext

DEFAULTS: dict[str, Any] = {
    # Vietnamese first (DESIGN.md §2).
    "ui.language": "vi",
}


def get_setting(ctx: AppContext, key: str) -> Any:
    with ctx.read() as s:
        row = s.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()
    return DEFAULTS.get(key) if row is None else json.loads(row)


def set_setting(ctx: AppContext, key: str, value: Any) -> None:
    if key == "ui.language" and value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r}")
    text = json.dumps(value, ensure_ascii=False)
    with ctx.unit_of_work() as s:
        row = s.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
        if row is None:
            s.add(Setting(key=key, value=text))
        else:
            row.value = text
