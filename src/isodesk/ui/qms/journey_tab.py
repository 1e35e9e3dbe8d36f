"""The QMS journey (the area's first tab): the four steps of QĐ 19/2014/QĐ-TTg as tasks, each with its state, its
due date, what to do next and a button to the tab that does it; overdue obligations stand out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import short_date

if TYPE_CHECKING:
    from isodesk.services.qms.journey import JourneyView

#: Colours of a task's state (text on a light background, readable on old screens and in grey).
STATE_STYLE = {
    "done": "color: #1b5e20; background: #e8f5e9;",
    "todo": "color: #37474f; background: #eceff1;",
    "overdue": "color: #ffffff; background: #c62828; font-weight: bold;",
}


class JourneyTab(QWidget):
    def __init__(self, open_screen: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsJourney")
        self.open_screen = open_screen
        self.summary = QLabel()
        self.summary.setObjectName("journeySummary")
        self.summary.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(2, 1)
        self.grid.setVerticalSpacing(4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.view: JourneyView | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}

    def show_view(self, view: JourneyView) -> None:
        from isodesk.services.qms.journey import SCREENS, phase_name, task_state_name

        self.view = view
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        self.states.clear()
        row, phase = 0, None
        for task in view.tasks:
            if task.phase != phase:
                phase = task.phase
                heading = QLabel(f"<b>{phase_name(task)}</b>")
                heading.setContentsMargins(0, 8 if row else 0, 0, 2)
                self.grid.addWidget(heading, row, 0, 1, 4)
                row += 1
            state = QLabel(task_state_name(task.state))
            state.setObjectName(f"state_{task.key.value}")
            state.setAlignment(Qt.AlignmentFlag.AlignCenter)
            state.setMinimumWidth(80)
            state.setStyleSheet(STATE_STYLE[task.state.value] + " padding: 2px 6px; border-radius: 3px;")
            title = QLabel(_(task.title))
            if task.state.value == "overdue":
                title.setStyleSheet("color: #c62828; font-weight: bold;")
            due = QLabel(short_date(task.due) if task.due else "")
            note = QLabel("" if task.state.value == "done" else _(task.next_action))
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);" if task.state.value == "done" else "")
            button = QPushButton(_("Open"))
            button.setObjectName(f"open_{task.key.value}")
            screen = SCREENS[task.key]
            button.clicked.connect(lambda _checked=False, s=screen: self.open_screen(s))
            text = QWidget()
            column = QVBoxLayout(text)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(title)
            if note.text():
                column.addWidget(note)
            self.grid.addWidget(state, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(due, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, 2)
            self.grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignTop)
            self.buttons[task.key.value] = button
            self.states[task.key.value] = state
            row += 1
        self.grid.setRowStretch(row, 1)
        done = sum(1 for t in view.tasks if t.state.value == "done")
        overdue = view.overdue
        text = _("{done} of {total} tasks done.").format(done=done, total=len(view.tasks))
        if view.announced_on:
            text += " " + _("Announced on {day}.").format(day=short_date(view.announced_on))
        if overdue:
            text += " " + _("Overdue: {tasks}.").format(tasks=", ".join(_(t.title) for t in overdue))
            self.summary.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.summary.setStyleSheet("")
        self.summary.setText(text)
