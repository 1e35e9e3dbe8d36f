"""Announcing conformity (QĐ 19/2014/QĐ-TTg, Annex I): the decision's number and date, the notification of the
province, the decision printed; and the milestones the journey needs: internal audits and management reviews held,
the head's confirmation that the system works."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import short_date
from isodesk.ui.qms.common import date_field, date_of, run

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


class AnnouncementTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsAnnouncement")
        self.ctx_of = ctx_of
        self.decision_box = QGroupBox()
        self.number = QLineEdit()
        self.number.setObjectName("announcementNumber")
        self.day = date_field("announcementDate")
        self.number_label, self.day_label = QLabel(), QLabel()
        self.announce_button = QPushButton()
        self.announce_button.setObjectName("announce")
        self.notified = date_field("notifiedDate")
        self.notify_button = QPushButton()
        self.notify_button.setObjectName("notifyProvince")
        self.print_button = QPushButton()
        self.print_button.setObjectName("announcementPrint")
        self.announcements = QTableWidget(0, 3)
        self.announcements.setObjectName("announcements")
        self.announcements.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.number_label)
        row.addWidget(self.number, 1)
        row.addWidget(self.day_label)
        row.addWidget(self.day)
        row.addWidget(self.announce_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.notified)
        row2.addWidget(self.notify_button)
        row2.addStretch(1)
        row2.addWidget(self.print_button)
        box = QVBoxLayout(self.decision_box)
        box.addLayout(row)
        box.addLayout(row2)
        box.addWidget(self.announcements)

        self.milestone_box = QGroupBox()
        self.kind = QComboBox()
        self.kind.setObjectName("milestoneKind")
        self.held_on = date_field("milestoneDate")
        self.reference = QLineEdit()
        self.reference.setObjectName("milestoneReference")
        self.record_button = QPushButton()
        self.record_button.setObjectName("milestoneRecord")
        self.milestones = QTableWidget(0, 3)
        self.milestones.setObjectName("milestones")
        self.milestones.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.held_on)
        row.addWidget(self.reference, 1)
        row.addWidget(self.record_button)
        box = QVBoxLayout(self.milestone_box)
        box.addLayout(row)
        box.addWidget(self.milestones)

        layout = QVBoxLayout(self)
        layout.addWidget(self.decision_box, 1)
        layout.addWidget(self.milestone_box, 1)
        self.announce_button.clicked.connect(lambda: self.announce())
        self.notify_button.clicked.connect(lambda: self.notify())
        self.record_button.clicked.connect(lambda: self.record())
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.services.qms.milestones import MILESTONE_NAMES, MilestoneKind

        self.decision_box.setTitle(_("Decision announcing conformity to TCVN ISO 9001:2015"))
        self.number_label.setText(_("Number:"))
        self.number.setPlaceholderText("125/QĐ-UBND")
        self.day_label.setText(_("Date:"))
        self.announce_button.setText(_("Record the decision"))
        self.notify_button.setText(_("Province notified on this day"))
        self.print_button.setText(_("Print the decision…"))
        self.announcements.setHorizontalHeaderLabels([_("Number"), _("Date"), _("Province notified")])
        self.milestone_box.setTitle(_("Audits, reviews and the head's confirmation"))
        current = self.kind.currentData()
        self.kind.clear()
        for kind in MilestoneKind:
            name = _(MILESTONE_NAMES[kind])
            self.kind.addItem(name[:1].upper() + name[1:], kind.value)
        if current:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.reference.setPlaceholderText(_("Report or minutes number"))
        self.record_button.setText(_("Record"))
        self.milestones.setHorizontalHeaderLabels([_("Milestone"), _("Date"), _("Reference")])

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return

        def load() -> tuple[list[Any], list[Any]]:
            from isodesk.services.qms.announcements import list_announcements
            from isodesk.services.qms.milestones import list_milestones

            return list_announcements(ctx), list_milestones(ctx)

        run(self, load, self._fill)

    def _fill(self, loaded: tuple[list[Any], list[Any]]) -> None:
        from isodesk.services.qms.milestones import MILESTONE_NAMES, MilestoneKind

        announcements, milestones = loaded
        self.announcements.setRowCount(len(announcements))
        for row, a in enumerate(reversed(announcements)):
            values = (a.number, short_date(a.announced_on), short_date(a.notified_on) if a.notified_on else "")
            for col, value in enumerate(values):
                self.announcements.setItem(row, col, QTableWidgetItem(value))
        self.milestones.setRowCount(len(milestones))
        for row, m in enumerate(reversed(milestones)):
            name = _(MILESTONE_NAMES[MilestoneKind(m.kind)])
            for col, value in enumerate((name[:1].upper() + name[1:], short_date(m.held_on), m.reference)):
                self.milestones.setItem(row, col, QTableWidgetItem(value))

    def announce(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.announcements import announce

        number, day = self.number.text(), date_of(self.day)
        run(self, lambda: announce(ctx, number, day), lambda _a: self.number.clear())

    def notify(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.announcements import notify_province

        day = date_of(self.notified)
        run(self, lambda: notify_province(ctx, day))

    def record(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.milestones import record_milestone

        kind, day, reference = str(self.kind.currentData()), date_of(self.held_on), self.reference.text()
        run(self, lambda: record_milestone(ctx, kind, day, reference), lambda _m: self.reference.clear())
