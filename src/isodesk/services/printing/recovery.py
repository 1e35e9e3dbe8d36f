"""The recovery sheet of the office's backup passphrase (:mod:`isodesk.reports.recovery_sheet`).

Printed only by whoever just proved the passphrase (the administrator, ``Permission.BACKUP_MANAGE``), so the sheet
always names the key the copies are really encrypted to.
"""

from __future__ import annotations

from datetime import datetime

from isodesk.domain.permissions import Permission
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.reports.recovery_sheet import RecoverySheet, render_recovery_sheet
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import full_name
from isodesk.services.safety.backup_key import check_passphrase, no_passphrase_error, office_key


def recovery_sheet_pdf(ctx: AppContext, passphrase: str) -> bytes:
    """The sheet for the office's key, once ``passphrase`` is shown to be the office's."""
    require(ctx, Permission.BACKUP_MANAGE)
    check_passphrase(ctx, passphrase)
    key = office_key(ctx)
    if key is None:
        raise no_passphrase_error()
    profile = get_profile(ctx)
    sheet = RecoverySheet(
        office=full_name(profile),
        unit_code=profile.unit_code,
        fingerprint=key.fingerprint,
        day=datetime.now(LOCAL_TZ).date(),
        set_by=ctx.actor,
    )
    return render_recovery_sheet(sheet)
