"""The working-day calendar: holidays, announced days off and make-up Saturdays, editable by the office."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

CLOSED = QColor("#f4c7c3")
WORKED = QColor("#c8e6c9")


class CalendarView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.year = local_today().year
        self.details: dict[str, dict[str, Any]] = {}
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("workCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.currentPageChanged.connect(lambda y, _m: self._year_changed(y))
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self.listing = QListWidget()
        self.listing.setWordWrap(True)  # a long legal basis is read whole, not scrolled sideways
        self.listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note = QLineEdit()
        limit(self.note, v.CALENDAR_NOTE)
        self.day_off = QPushButton()
        self.workday = QPushButton()
        self.clear = QPushButton()
        self.day_off.clicked.connect(lambda: self._set("day_off"))
        self.workday.clicked.connect(lambda: self._set("workday"))
        self.clear.clicked.connect(self._clear)
        # Two rows, so that the Vietnamese labels are never cut beside the calendar at 1366×768.
        buttons = QGridLayout()
        buttons.addWidget(self.day_off, 0, 0)
        buttons.addWidget(self.workday, 0, 1)
        buttons.addWidget(self.clear, 1, 0, 1, 2)
        side = QVBoxLayout()
        side.addWidget(self.day_label)
        side.addWidget(self.note)
        side.addLayout(buttons)
        side.addWidget(self.listing, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.calendar, 3)
        layout.addLayout(side, 2)
        self.retranslate()

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.load()

    def _year_changed(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.load()

    def load(self) -> None:
        ctx, year = self.ctx, self.year
        if ctx is None:
            return

        def fetch() -> dict[str, Any]:
            from isodesk.services.ledger.calendar import calendar_year

            return calendar_year(ctx, year)

        run_in_background(fetch, self._show, lambda exc: show_error(self, exc))

    def _show(self, data: dict[str, Any]) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear old marks
        self.details = {d["date"]: d for d in data["details"]}
        self.listing.clear()
        for d in data["details"]:
            fmt = QTextCharFormat()
            fmt.setBackground(WORKED if d["kind"] == "workday" else CLOSED)
            fmt.setToolTip(d["name"])
            self.calendar.setDateTextFormat(QDate.fromString(d["date"], "yyyy-MM-dd"), fmt)
            mark = "" if d["confirmed"] else " " + _("(unconfirmed)")
            kind = _("working day") if d["kind"] == "workday" else _("day off")
            self.listing.addItem(f"{short_date(date.fromisoformat(d['date']))} — {kind}: {d['name']}{mark}")
        self._show_day()

    def _show_day(self) -> None:
        day = self.calendar.selectedDate().toPython()
        info = self.details.get(day.isoformat())
        if info is None:
            text = _("{day}: ordinary day").format(day=short_date(day))
        else:
            text = f"{short_date(day)}: {info['name'] or _('day off')}"
        self.day_label.setText(text)

    def _set(self, kind: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        day, note = self.calendar.selectedDate().toPython(), self.note.text()

        def work() -> None:
            from isodesk.services.ledger.calendar import set_day

            set_day(ctx, day, kind, note)  # type: ignore[arg-type]

        run_in_background(work, lambda _r: self.load(), lambda exc: show_error(self, exc))

    def _clear(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        day = self.calendar.selectedDate().toPython()

        def work() -> None:
            from isodesk.services.ledger.calendar import clear_day

            clear_day(ctx, day)

        run_in_background(work, lambda _r: self.load(), lambda exc: show_error(self, exc))

    def retranslate(self) -> None:
        self.note.setPlaceholderText(_("Legal basis, e.g. the Government's announcement"))
        self.day_off.setText(_("Mark as day off"))
        self.workday.setText(_("Mark as working day"))
        self.clear.setText(_("Remove the office's entry"))
        self._show_day()
