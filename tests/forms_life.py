"""An office with a dossier in every state a paper is printed for, in both form sets (received before and after
15/09/2025), with applicants' names typed decomposed (NFD) as some keyboards send them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext, open_context
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.office.demo import fill_demo
from isodesk.services.office.staff import list_staff

#: Applicant of each paper (as printed, NFC) per form.
NAMES = {
    "main": "Nguyễn Thị Ánh Tuyết",
    "supplement": "Lê Văn Tám",
    "refusal": "Trần Quốc Việt",
    "stop": "Đỗ Thị Hồng",
}
#: When the dossiers of each era are received (Vietnam time): 2018 set before 15/09/2025, 2025 set after.
DAYS = {"2018": (2025, 9, 8), "2025": (2026, 2, 5)}
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=LOCAL_TZ)


def at(day: tuple[int, int, int], plus: int, hh: int, mm: int = 0) -> datetime:
    y, m, d = day
    return datetime(y, m, d + plus, hh, mm, tzinfo=LOCAL_TZ)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@dataclass
class Life:
    ctx: AppContext
    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # era -> form -> dossier code


def build_life(folder: Path) -> Life:
    ctx = open_context(folder)
    fill_demo(ctx, 0)
    staff = {s.name: s.id for s in list_staff(ctx)}
    desk, clerk = staff["Phạm Thị Ngọc Ánh"], staff["Võ Thanh Tùng"]
    life = Life(ctx)
    for era, day in DAYS.items():
        main = receive_dossier(
            ctx,
            "1.004873",
            ApplicantInput(nfd(NAMES["main"]), address="Số 5 đường Ấp Bắc", phone="0912345678"),
            received_at=at(day, 0, 9, 30),
            officer_id=desk,
        ).code
        move_dossier(ctx, main, "processing", at=at(day, 0, 10), to_staff_id=staff["Huỳnh Thị Mỹ Linh"])
        move_dossier(ctx, main, "processing", at=at(day, 1, 8, 15), to_staff_id=staff["Trần Thị Thu Hà"])
        move_dossier(ctx, main, "processing", at=at(day, 1, 14), to_staff_id=staff["Huỳnh Thị Mỹ Linh"])
        move_dossier(
            ctx, main, "extended", at=at(day, 1, 16), new_due=at(day, 7, 16, 30), note="Phải xác minh nơi cư trú"
        )
        move_dossier(ctx, main, "ready", at=at(day, 5, 9))
        move_dossier(ctx, main, "returned", at=at(day, 6, 10), rating=1)
        supplement = receive_dossier(
            ctx, "1.001193", ApplicantInput(nfd(NAMES["supplement"])), received_at=at(day, 0, 10, 5), officer_id=clerk
        ).code
        move_dossier(
            ctx, supplement, "supplement", at=at(day, 0, 10, 20), note="Giấy chứng sinh; Văn bản ủy quyền có chứng thực"
        )
        refusal = receive_dossier(
            ctx, "1.001193", ApplicantInput(nfd(NAMES["refusal"])), received_at=at(day, 0, 11), officer_id=clerk
        ).code
        move_dossier(ctx, refusal, "refused", at=at(day, 0, 11, 10), note="Không thuộc thẩm quyền giải quyết")
        stop = receive_dossier(
            ctx, "1.001193", ApplicantInput(nfd(NAMES["stop"])), received_at=at(day, 0, 14), officer_id=clerk
        ).code
        move_dossier(ctx, stop, "stopped", at=at(day, 1, 9), note="Người yêu cầu đề nghị dừng giải quyết")
        life.codes[era] = {
            "receipt": main,
            "control-sheet": main,
            "apology": main,
            "supplement": supplement,
            "refusal": refusal,
            "stop": stop,
        }
    return life
