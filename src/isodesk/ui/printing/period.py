"""Choosing the period of a printed ledger or report: two dates, with the usual periods one click away."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import QT_SHORT_DATE


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def quarter_of(day: date) -> tuple[date, date]:
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first, month_of(first.replace(month=first.month + 2))[1]


def year_of(day: date) -> tuple[date, date]:
    return date(day.year, 1, 1), date(day.year, 12, 31)


class PeriodDialog(QDialog):
    def __init__(self, title: str, start: date, end: date, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodDialog")
        self.setWindowTitle(title)
        self.today = today
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat(QT_SHORT_DATE)
            edit.setCalendarPopup(True)
        self.problem = QLabel()
        self.problem.setObjectName("periodProblem")
        self.problem.setStyleSheet("color: #b00020")
        quick = QHBoxLayout()
        for label, period in (
            (_("This month"), month_of),
            (_("This quarter"), quarter_of),
            (_("This year"), year_of),
        ):
            button = QPushButton(label)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, p=period: self.set_period(*p(self.today)))
            quick.addWidget(button)
        quick.addStretch(1)
        form = QFormLayout()
        form.addRow(_("From:"), self.start)
        form.addRow(_("To:"), self.end)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(_("Preview"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(quick)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.start.dateChanged.connect(lambda _d: self._check())
        self.end.dateChanged.connect(lambda _d: self._check())
        self.set_period(start, end)

    def set_period(self, start: date, end: date) -> None:
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def _check(self) -> None:
        start, end = self.period()
        bad = end < start
        self.problem.setText(_("The end date is before the start date.") if bad else "")
        self.ok.setEnabled(not bad)
