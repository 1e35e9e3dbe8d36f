"""Cài đặt: language, the office profile, the office hours and ledger rules, the staff list, the backups and (for
the administrator) the user accounts. Who may not change a part sees it read-only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.i18n import LANGUAGES, N_, _, current_language
from isodesk.ui.accounts.accounts_page import AccountsBox
from isodesk.ui.office.rules_box import OfficeRulesBox
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.safety.backups_page import BackupsSection
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import FormCheck, add_row, limit

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
PROFILE_FIELDS = (
    ("leader_name", N_("Head of the office")),
    ("leader_title", N_("Title of the head")),
    ("iso_representative", N_("ISO representative")),
    ("iso_secretary", N_("ISO secretary")),
    ("address", N_("Address")),
    ("phone", N_("Phone")),
    ("email", N_("Email")),
    ("agency_code", N_("Agency code used in dossier codes")),
    ("contact_name", N_("Contact named on supplement requests")),
    ("contact_phone", N_("Contact's phone")),
)


class SettingsPage(Page):
    def __init__(self, on_language: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_language = on_language
        self.title = QLabel()
        self.title.setObjectName("pageTitle")

        self.language_box = QGroupBox()
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(current_language()))  # the page may be built late
        self.language.currentIndexChanged.connect(self._language_chosen)
        row = QHBoxLayout(self.language_box)
        row.addWidget(self.language_label)
        row.addWidget(self.language, 1)

        self.profile_box = QGroupBox()
        form = QFormLayout(self.profile_box)
        self.profile_labels: dict[str, QLabel] = {}
        self.profile_edits: dict[str, QLineEdit] = {}
        from isodesk.services.office.profile import PROFILE_LIMITS, PROFILE_RULES

        self.profile_check = FormCheck(self)
        for key, _msg in PROFILE_FIELDS:
            self.profile_labels[key] = QLabel()
            edit = limit(QLineEdit(), PROFILE_LIMITS[key])
            edit.setObjectName(f"profile_{key}")
            self.profile_edits[key] = edit
            add_row(form, self.profile_check, self.profile_labels[key], edit, PROFILE_RULES[key])
        self.save_profile = QPushButton()
        self.save_profile.setObjectName("saveProfile")
        self.save_profile.clicked.connect(self._save_profile)
        self.profile_status = QLabel()
        form.addRow(self.profile_status, self.save_profile)
        self.profile_note = QLabel()
        self.profile_note.setObjectName("profileReadOnly")
        self.profile_note.setWordWrap(True)
        self.profile_note.hide()
        form.addRow(self.profile_note)

        self.rules_box = OfficeRulesBox()

        self.staff_box = QGroupBox()
        staff_layout = QVBoxLayout(self.staff_box)
        self.staff_table = read_only_table(3, "staffTable")
        staff_layout.addWidget(self.staff_table)
        staff_row = QHBoxLayout()
        self.staff_name = QLineEdit()
        self.staff_name.setObjectName("staffName")
        self.staff_department = QLineEdit()
        self.staff_department.setObjectName("staffDepartment")
        self.staff_position = QLineEdit()
        self.staff_position.setObjectName("staffPosition")
        self.add_staff = QPushButton()
        self.add_staff.setObjectName("addStaff")
        self.add_staff.clicked.connect(self._add_staff)
        self.staff_check = FormCheck(self)
        rules = (
            lambda t: v.person_name(t, v.STAFF_NAME),
            lambda t: v.text(t, v.DEPARTMENT),
            lambda t: v.text(t, v.POSITION),
        )
        problems = QVBoxLayout()
        for w, rule in zip((self.staff_name, self.staff_department, self.staff_position), rules, strict=True):
            limit(w, v.STAFF_NAME)
            staff_row.addWidget(w, 1)
            problems.addWidget(self.staff_check.add(w, rule))
        staff_row.addWidget(self.add_staff)
        self.staff_check.attach(self.add_staff)
        self.staff_form = QWidget()
        staff_form_layout = QVBoxLayout(self.staff_form)
        staff_form_layout.setContentsMargins(0, 0, 0, 0)
        staff_form_layout.addLayout(staff_row)
        staff_form_layout.addLayout(problems)
        staff_layout.addWidget(self.staff_form)

        self.staff_table.setMinimumHeight(220)
        self.backups = BackupsSection()
        self.backups.hide()  # shown to accounts that may make and restore backups (see refresh)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.language_box)
        inner.addWidget(self.profile_box)
        inner.addWidget(self.rules_box)
        inner.addWidget(self.staff_box, 1)
        self.accounts_box = AccountsBox()
        self.accounts_box.hide()  # shown to accounts that may manage accounts (see refresh)
        inner.addWidget(self.accounts_box)
        inner.addWidget(self.backups)
        from isodesk.ui.privacy.privacy_page import PrivacyBox

        self.privacy = PrivacyBox()
        inner.addWidget(self.privacy)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def _part(self, part: str) -> QWidget:
        return {"staff": self.staff_box, "accounts": self.accounts_box, "backups": self.backups}[part]

    def reveal(self, part: str) -> None:
        """Scroll to a part of the page ("staff", "accounts", "backups") and put the cursor in it."""
        box = self._part(part)
        self.pending_reveal = part  # again once the page has loaded: the parts an account may use show then
        self.scroll.ensureWidgetVisible(box, 0, 0)
        focus = {"staff": self.staff_name, "accounts": self.accounts_box.username}.get(part)
        if focus is not None:
            focus.setFocus()

    # -- language -------------------------------------------------------------------------------------
    def show_language(self, lang: str) -> None:
        index = self.language.findData(lang)
        if index >= 0 and index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)

    def _language_chosen(self, index: int) -> None:
        lang = self.language.itemData(index)
        self._on_language(lang)
        ctx = self.ctx
        if ctx is not None:
            from isodesk.services.settings import set_setting

            run_in_background(lambda: set_setting(ctx, "ui.language", lang))

    # -- profile and staff ----------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self.privacy.set_context(ctx)

        def load() -> tuple[dict[str, str], list[Any], frozenset[Any]]:
            from isodesk.services.accounts.auth import permissions_of
            from isodesk.services.office.profile import get_profile
            from isodesk.services.office.staff import list_staff

            return get_profile(ctx).to_dict(), list_staff(ctx), permissions_of(ctx)

        run_in_background(load, self._show)

    def _show(self, data: tuple[dict[str, str], list[Any], frozenset[Any]]) -> None:
        from isodesk.domain.permissions import Permission

        profile, staff, permissions = data
        manages_accounts = Permission.ACCOUNTS_MANAGE in permissions
        self.accounts_box.setVisible(manages_accounts)
        if manages_accounts and self.ctx is not None:
            self.accounts_box.set_context(self.ctx)
        manages_backups = Permission.BACKUP_MANAGE in permissions
        self.backups.setVisible(manages_backups)
        # The list is reloaded by its own actions and when the office changes, not by every staff change.
        if manages_backups and self.ctx is not None and self.backups.ctx is not self.ctx:
            self.backups.set_context(self.ctx)
        manages_office = Permission.OFFICE_MANAGE in permissions
        for key, _msg in PROFILE_FIELDS:
            self.profile_edits[key].setText(profile.get(key, ""))
            self.profile_edits[key].setReadOnly(not manages_office)
        self.save_profile.setVisible(manages_office)
        self.profile_note.setVisible(not manages_office)
        if self.ctx is not None:
            self.rules_box.set_context(self.ctx, editable=Permission.SETTINGS_MANAGE in permissions)
        self.staff_form.setVisible(Permission.STAFF_MANAGE in permissions)
        part, self.pending_reveal = getattr(self, "pending_reveal", ""), ""
        if part:
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self._part(part), 0, 0))
        self.staff_table.setRowCount(len(staff))
        for row, person in enumerate(staff):
            for col, value in enumerate((person.name, person.position, person.department)):
                self.staff_table.setItem(row, col, QTableWidgetItem(value))
        self.staff_table.resizeColumnsToContents()

    def _save_profile(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        problem = self.profile_check.first_problem()
        if problem:
            self.profile_status.setText(problem)
            return
        changes = {key: edit.text() for key, edit in self.profile_edits.items()}

        def save() -> None:
            from isodesk.services.office.profile import update_profile

            update_profile(ctx, **changes)

        def saved(_result: object) -> None:
            self.profile_status.setText(_("Saved."))
            self.refresh()

        run_in_background(save, saved)

    def _add_staff(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if self.staff_check.first_problem():
            return
        name, dept, pos = self.staff_name.text(), self.staff_department.text(), self.staff_position.text()

        def add() -> object:
            from isodesk.services.office.staff import add_staff

            return add_staff(ctx, name, dept, pos)

        def added(_person: object) -> None:
            for w in (self.staff_name, self.staff_department, self.staff_position):
                w.clear()
            for check in self.staff_check.fields:
                check.touched = False
                check.refresh()
            self.refresh()

        run_in_background(add, added)

    def retranslate(self) -> None:
        self.title.setText(_("Settings"))
        self.language_box.setTitle(_("Language"))
        self.language_label.setText(_("Language of the program:"))
        self.profile_box.setTitle(_("Office profile"))
        for key, msg in PROFILE_FIELDS:
            self.profile_labels[key].setText(_(msg) + ":")
        self.save_profile.setText(_("Save profile"))
        self.profile_note.setText(_("Only the administrator changes the office profile and its rules."))
        self.rules_box.retranslate()
        self.profile_status.setText("")
        self.staff_box.setTitle(_("Staff"))
        self.staff_table.setHorizontalHeaderLabels([_("Name"), _("Position"), _("Department")])
        self.staff_name.setPlaceholderText(_("Full name"))
        self.staff_department.setPlaceholderText(_("Department or field"))
        self.staff_position.setPlaceholderText(_("Position"))
        self.add_staff.setText(_("Add staff"))
        self.accounts_box.retranslate()
        self.backups.retranslate()
        self.privacy.retranslate()
