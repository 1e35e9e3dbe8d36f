"""The people of the quality system (QĐ 19/2014/QĐ-TTg; ISO 9001:2015 5.3, 7.2): steering committee, quality
representative, ISO secretary and internal audit team chosen from staff; training records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
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


class OrganisationTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsOrganisation")
        self.ctx_of = ctx_of
        self.roles_box = QGroupBox()
        self.role = QComboBox()
        self.role.setObjectName("qmsRole")
        self.staff = QComboBox()
        self.staff.setObjectName("qmsRoleStaff")
        self.duty = QLineEdit()
        self.duty.setObjectName("qmsRoleDuty")
        self.name_button = QPushButton()
        self.name_button.setObjectName("qmsRoleAdd")
        self.roles = QTableWidget(0, 3)
        self.roles.setObjectName("qmsRoles")
        self.roles.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.role)
        row.addWidget(self.staff, 1)
        row.addWidget(self.duty)
        row.addWidget(self.name_button)
        box = QVBoxLayout(self.roles_box)
        box.addLayout(row)
        box.addWidget(self.roles)

        self.training_box = QGroupBox()
        self.trainee = QComboBox()
        self.trainee.setObjectName("trainingStaff")
        self.course = QLineEdit()
        self.course.setObjectName("trainingCourse")
        self.held_on = date_field("trainingDate")
        self.certificate = QLineEdit()
        self.certificate.setObjectName("trainingCertificate")
        self.train_button = QPushButton()
        self.train_button.setObjectName("trainingAdd")
        self.trainings = QTableWidget(0, 4)
        self.trainings.setObjectName("trainings")
        self.trainings.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.trainee, 1)
        row.addWidget(self.course, 2)
        row.addWidget(self.held_on)
        row.addWidget(self.certificate)
        row.addWidget(self.train_button)
        box = QVBoxLayout(self.training_box)
        box.addLayout(row)
        box.addWidget(self.trainings)

        layout = QVBoxLayout(self)
        layout.addWidget(self.roles_box, 1)
        layout.addWidget(self.training_box, 1)
        self.name_button.clicked.connect(lambda: self.name_to_role())
        self.train_button.clicked.connect(lambda: self.add_training())
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.services.qms.organisation import QmsRoleKind, qms_role_name

        self.roles_box.setTitle(_("Steering committee and quality roles"))
        self.training_box.setTitle(_("Training records"))
        current = self.role.currentData()
        self.role.clear()
        for kind in QmsRoleKind:
            self.role.addItem(qms_role_name(kind), kind.value)
        if current:
            self.role.setCurrentIndex(max(0, self.role.findData(current)))
        self.duty.setPlaceholderText(_("Duty, e.g. Head of the committee"))
        self.name_button.setText(_("Name"))
        self.roles.setHorizontalHeaderLabels([_("Role"), _("Name"), _("Duty")])
        self.course.setPlaceholderText(_("Course"))
        self.certificate.setPlaceholderText(_("Certificate number"))
        self.train_button.setText(_("Record"))
        self.trainings.setHorizontalHeaderLabels([_("Name"), _("Course"), _("Date"), _("Certificate number")])

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return

        def load() -> tuple[list[Any], list[Any], list[Any]]:
            from isodesk.services.office.staff import list_staff
            from isodesk.services.qms.organisation import list_roles, list_trainings

            return list_staff(ctx), list_roles(ctx), list_trainings(ctx)

        run(self, load, self._fill)

    def _fill(self, loaded: tuple[list[Any], list[Any], list[Any]]) -> None:
        from isodesk.services.qms.organisation import qms_role_name

        staff, roles, trainings = loaded
        for combo in (self.staff, self.trainee):
            current = combo.currentData()
            combo.clear()
            for person in staff:
                combo.addItem(f"{person.name} — {person.position or person.department}", person.id)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
        self.roles.setRowCount(len(roles))
        for row, h in enumerate(roles):
            for col, value in enumerate((qms_role_name(h.role), h.name, h.duty)):
                self.roles.setItem(row, col, QTableWidgetItem(value))
        self.trainings.setRowCount(len(trainings))
        for row, t in enumerate(trainings):
            for col, value in enumerate((t.name, t.course, short_date(t.held_on), t.certificate)):
                self.trainings.setItem(row, col, QTableWidgetItem(value))

    def name_to_role(self) -> None:
        ctx = self.ctx_of()
        staff_id = self.staff.currentData()
        if ctx is None or staff_id is None:
            return
        from isodesk.services.qms.organisation import name_to_role

        role, duty = str(self.role.currentData()), self.duty.text()
        run(self, lambda: name_to_role(ctx, role, int(staff_id), duty), lambda _r: self.duty.clear())

    def add_training(self) -> None:
        ctx = self.ctx_of()
        staff_id = self.trainee.currentData()
        if ctx is None or staff_id is None:
            return
        from isodesk.services.qms.organisation import add_training

        course, day, cert = self.course.text(), date_of(self.held_on), self.certificate.text()
        run(self, lambda: add_training(ctx, int(staff_id), course, day, cert), lambda _r: self.course.clear())
