"""Những việc cần làm trước: the first steps of a new office, each with a button that goes there (Overview, while
the ledger is empty; :mod:`isodesk.services.office.first_steps` says which are done)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from isodesk.i18n import N_, _, ngettext
from isodesk.i18n.numbers import whole_number

if TYPE_CHECKING:
    from isodesk.services.office.first_steps import FirstSteps

#: Each step: its key, what to do, why or how, the button's text, and where the button goes.
STEP_TEXTS = (
    (
        "procedure_times",
        N_("Confirm the processing times of your procedures"),
        N_("The appointment on the receipt slip is counted from them."),
        N_("Open the one-stop shop"),
        "one_stop",
    ),
    (
        "staff",
        N_("Add the office's staff"),
        N_("Who receives, handles and signs the dossiers."),
        N_("Add staff"),
        "staff",
    ),
    (
        "accounts",
        N_("Give each officer an account with their roles"),
        N_("Every change is recorded under the name of the person who made it."),
        N_("Add accounts"),
        "accounts",
    ),
    (
        "first_dossier",
        N_("Receive a first dossier"),
        N_("Choose the procedure, type the applicant's name: the program gives the code and the appointment."),
        N_("Receive a dossier…"),
        "receive",
    ),
    (
        "receipt_slip",
        N_("Print its receipt slip for the applicant"),
        N_("The receive form offers the slip as soon as the dossier is saved; the ledger prints it again."),
        N_("Open the ledger"),
        "one_stop",
    ),
    (
        "backup",
        N_("Make a backup, and copy it to a USB stick"),
        N_("The program copies the data every day on this PC; a copy kept elsewhere survives a broken disk."),
        N_("Back up"),
        "backups",
    ),
)


class FirstStepsBox(QGroupBox):
    #: Where a step's button goes: "one_stop", "staff", "accounts", "receive", "backups".
    go = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.steps: FirstSteps | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.intro, 0, 0, 1, 3)
        self.marks: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, (key, _title, _detail, _button, target) in enumerate(STEP_TEXTS, start=1):
            mark = QLabel()
            mark.setStyleSheet("font-size: 16pt; font-weight: 600;")
            title, detail = QLabel(), QLabel()
            title.setStyleSheet("font-weight: 600;")
            detail.setWordWrap(True)
            text = QWidget()
            column = QVBoxLayout(text)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(detail)
            button = QPushButton()
            button.setObjectName(f"firstStep_{key}")
            button.clicked.connect(lambda _checked=False, where=target: self.go.emit(where))
            grid.addWidget(mark, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
            self.marks[key], self.titles[key], self.details[key], self.buttons[key] = mark, title, detail, button
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        grid.addWidget(self.guide, len(STEP_TEXTS) + 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(STEP_TEXTS) + 2, 1)
        self.retranslate()

    def show_steps(self, steps: FirstSteps) -> None:
        self.steps = steps
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("First steps"))
        self.intro.setText(_("The ledger is still empty. To start work at the desk:"))
        self.guide.setText(_("Help › User guide explains each step."))
        done = self.steps.done if self.steps is not None else frozenset()
        for number, (key, title, detail, button, _target) in enumerate(STEP_TEXTS, start=1):
            finished = key in done
            self.marks[key].setText("✔" if finished else f"{number}.")
            self.marks[key].setStyleSheet(
                "font-size: 16pt; font-weight: 600;" + (" color: #2e7d32;" if finished else "")
            )
            text = _(detail)
            if key == "procedure_times" and self.steps is not None and self.steps.procedures_without_time:
                n = self.steps.procedures_without_time
                text += " " + ngettext(
                    "{n} procedure of the catalogue has no confirmed time yet.",
                    "{n} procedures of the catalogue have no confirmed time yet.",
                    n,
                ).format(n=whole_number(n))
            self.titles[key].setText(_(title))
            self.details[key].setText(text)
            self.buttons[key].setText(_(button))
