"""What the tabs of the quality area share: running a use case off the GUI thread with its refusal shown, dates
from a date field, and the QMS papers as print jobs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.printing.preview import PrintJob

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


def run(widget: QWidget, fn: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
    """Run ``fn`` in the background; a refusal is shown over ``widget``, nothing else happens."""
    run_in_background(fn, done, lambda exc: show_error(widget, exc))


def date_field(name: str) -> QDateEdit:
    field = QDateEdit()
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("dd/MM/yyyy")
    today = local_today()
    field.setDate(QDate(today.year, today.month, today.day))
    return field


def date_of(field: QDateEdit) -> date:
    value = field.date()
    return date(value.year(), value.month(), value.day())


def policy_job(ctx: AppContext) -> PrintJob:
    from isodesk.ui.printing.jobs import file_name

    title = _("Quality policy")

    def make(_progress: object) -> bytes:
        from isodesk.services.qms.papers import policy_pdf

        return policy_pdf(ctx)

    return PrintJob(title, file_name(title), make)


def objectives_job(ctx: AppContext, year: int) -> PrintJob:
    from isodesk.ui.printing.jobs import file_name

    title = _("Quality objectives {year}").format(year=year)

    def make(_progress: object) -> bytes:
        from isodesk.services.qms.papers import objectives_pdf

        return objectives_pdf(ctx, year)

    return PrintJob(title, file_name(title), make)


def announcement_job(ctx: AppContext) -> PrintJob:
    from isodesk.ui.printing.jobs import file_name

    title = _("Decision announcing conformity")

    def make(_progress: object) -> bytes:
        from isodesk.services.qms.papers import announcement_pdf

        return announcement_pdf(ctx)

    return PrintJob(title, file_name(title), make)


def scope_version_job(ctx: AppContext) -> PrintJob:
    from isodesk.ui.printing.jobs import file_name

    title = _("Scope of the quality system")

    def make(_progress: object) -> bytes:
        from isodesk.services.qms.papers import scope_version_pdf

        return scope_version_pdf(ctx)

    return PrintJob(title, file_name(title), make)
