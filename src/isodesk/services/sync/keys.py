"""The unit's signing key, seen from the office: its fingerprint, which the enrolment sheet carries to the province.

The key is made when the office is set up (:func:`isodesk.services.office.profile.init_office`) and kept in the data
folder and in the database (:mod:`isodesk.sync.keystore`), so every backup carries it. An office set up before
the sync existed gets its key the first time it is asked for.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from isodesk.i18n.dates import local_today
from isodesk.reports.enrolment_sheet import EnrolmentSheet, render_enrolment_sheet
from isodesk.services.context import AppContext
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import full_name
from isodesk.sync import signing
from isodesk.sync.keystore import ensure_unit_key, read_unit_key


@dataclass(frozen=True)
class KeyFingerprint:
    fingerprint: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def unit_key(ctx: AppContext) -> signing.PrivateKey:
    """The unit's key: read, or made once if the office has none yet."""
    with ctx.read() as s:
        if read_unit_key(s) is not None:
            return ensure_unit_key(s, ctx.data_dir)  # writes the file back if it went missing
    with ctx.unit_of_work() as s:
        return ensure_unit_key(s, ctx.data_dir)


def fingerprint(ctx: AppContext) -> KeyFingerprint:
    """The fingerprint of the unit's public key, as the GUI shows it and the enrolment sheet prints it."""
    return KeyFingerprint(signing.fingerprint(unit_key(ctx)))


def enrolment_sheet_pdf(ctx: AppContext) -> bytes:
    """The enrolment sheet the unit sends to the province: the unit and its key's fingerprint, for the head to sign
    and stamp (:mod:`isodesk.reports.enrolment_sheet`); in the province's office, the sheet it sends its units."""
    found = fingerprint(ctx)
    profile = get_profile(ctx)
    sheet = EnrolmentSheet(
        office=full_name(profile),
        unit_code=profile.unit_code,
        province=profile.province_name,
        fingerprint=found.fingerprint,
        day=local_today(),
        leader_title=profile.leader_title,
        leader_name=profile.leader_name,
        for_units=profile.role == "province",
    )
    return render_enrolment_sheet(sheet)
