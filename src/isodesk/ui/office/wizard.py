"""First-run wizard: which unit this office is, who leads it, and whether to start with demo data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from isodesk.domain import validation as v
from isodesk.i18n import N_, _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import FieldCheck, FormCheck, add_row, limit, password_edit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.office.units import UnitInfo


class UnitPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.role_commune = QRadioButton()
        self.role_commune.setObjectName("roleCommune")
        self.role_province = QRadioButton()
        self.role_province.setObjectName("roleProvince")
        self.role_commune.setChecked(True)
        roles = QButtonGroup(self)
        roles.addButton(self.role_commune)
        roles.addButton(self.role_province)
        self.province_search = QLineEdit()
        self.province_search.setObjectName("provinceSearch")
        self.province_list = QListWidget()
        self.province_list.setObjectName("provinceList")
        self.commune_label = QLabel()
        self.commune_search = QLineEdit()
        self.commune_search.setObjectName("communeSearch")
        self.commune_list = QListWidget()
        self.commune_list.setObjectName("communeList")
        self.province_label = QLabel()
        self.role_label = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.role_label)
        layout.addWidget(self.role_commune)
        layout.addWidget(self.role_province)
        layout.addWidget(self.province_label)
        layout.addWidget(self.province_search)
        layout.addWidget(self.province_list, 1)
        layout.addWidget(self.commune_label)
        layout.addWidget(self.commune_search)
        layout.addWidget(self.commune_list, 2)

        self.province_search.textChanged.connect(self.reload_provinces)
        self.province_list.currentItemChanged.connect(lambda *_: self.reload_communes())
        self.commune_search.textChanged.connect(self.reload_communes)
        self.commune_list.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.role_commune.toggled.connect(self._role_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Your office"))
        self.setSubTitle(_("Choose the province and the commune, ward or special zone this office belongs to."))
        self.role_label.setText(_("This program is used by:"))
        self.role_commune.setText(_("a commune, ward or special zone People's Committee"))
        self.role_province.setText(_("the provincial ISO working group"))
        self.province_label.setText(_("Province or city:"))
        self.province_search.setPlaceholderText(_("Type to search, with or without accents (e.g. dong thap)"))
        self.commune_label.setText(_("Commune, ward or special zone:"))
        self.commune_search.setPlaceholderText(_("Type to search, with or without accents (e.g. my tho)"))

    def _role_changed(self) -> None:
        commune = self.role_commune.isChecked()
        for w in (self.commune_label, self.commune_search, self.commune_list):
            w.setVisible(commune)
        self.completeChanged.emit()

    @staticmethod
    def _fill(widget: QListWidget, units: list[UnitInfo]) -> None:
        widget.clear()
        for unit in units:
            text = unit.name
            if unit.matched_alias:
                text = _("{name} (formerly {former})").format(name=unit.name, former=unit.matched_alias)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            widget.addItem(item)

    def reload_provinces(self) -> None:
        """Searched on the GUI thread on purpose: a query over ~3,300 units takes a few milliseconds, and
        answering each keystroke in order keeps the list in step with what was typed."""
        ctx = self.owner.ctx
        if ctx is None:
            return
        from isodesk.services.office.setup import list_provinces

        self._fill(self.province_list, list_provinces(ctx, self.province_search.text()))
        if self.province_list.count() == 1:
            self.province_list.setCurrentRow(0)
        self.completeChanged.emit()

    def reload_communes(self) -> None:
        ctx = self.owner.ctx
        province = self.province_code()
        if ctx is None or province is None:
            self.commune_list.clear()
            self.completeChanged.emit()
            return
        from isodesk.services.office.setup import find_communes

        self._fill(self.commune_list, find_communes(ctx, province, self.commune_search.text()))
        if self.commune_list.count() == 1:
            self.commune_list.setCurrentRow(0)
        self.completeChanged.emit()

    def province_code(self) -> str | None:
        item = self.province_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def commune_code(self) -> str | None:
        item = self.commune_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def role(self) -> str:
        return "commune" if self.role_commune.isChecked() else "province"

    def isComplete(self) -> bool:
        if self.province_code() is None:
            return False
        return self.role() == "province" or self.commune_code() is not None


class LeadersPage(QWizardPage):
    FIELDS = (
        ("leader_name", N_("Head of the office (chairman):")),
        ("iso_representative", N_("ISO representative (vice chairman):")),
        ("iso_secretary", N_("ISO secretary:")),
        ("address", N_("Address of the office:")),
    )

    def __init__(self) -> None:
        super().__init__()
        from isodesk.services.office.profile import PROFILE_LIMITS, PROFILE_RULES

        form = QFormLayout(self)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        #: The rules Settings and the office service apply, shown under each field as it is typed.
        self.checks = FormCheck(self)
        for key, _msg in self.FIELDS:
            self.labels[key] = QLabel()
            edit = limit(QLineEdit(), PROFILE_LIMITS[key])
            edit.setObjectName(f"wizard_{key}")
            edit.textChanged.connect(lambda *_: self.completeChanged.emit())
            self.edits[key] = edit
            add_row(form, self.checks, self.labels[key], edit, PROFILE_RULES[key])
            if key != "address":  # a digit is never part of a name: say so at once, not when the field is left
                check = self.checks.fields[-1]
                edit.textEdited.connect(lambda text, c=check: self._digit_typed(c, text))
        self.problem = QLabel()
        self.problem.setObjectName("wizardProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        self._leader_touched = False
        self.edits["leader_name"].textEdited.connect(self._leader_edited)
        self.edits["leader_name"].editingFinished.connect(self._leader_edited)
        self.edits["leader_name"].textChanged.connect(self._show_problem)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Leaders"))
        self.setSubTitle(_("The people who sign the office's papers and run its quality system."))
        for key, msg in self.FIELDS:
            self.labels[key].setText(_(msg))
        self.hint.setText(_("The head's name is required; the others can be filled in later under Settings."))
        self._show_problem()

    @staticmethod
    def _digit_typed(check: FieldCheck, text: str) -> None:
        if any(ch.isdigit() for ch in text):
            check.touched = True
            check.refresh()

    def _leader_edited(self, *_args: object) -> None:
        self._leader_touched = True
        self._show_problem()

    def _show_problem(self) -> None:
        """Say what is missing once the user has been in the field, not before they start."""
        missing = self._leader_touched and not self.edits["leader_name"].text().strip()
        self.problem.setText(_("The {what} must not be empty.").format(what=_("Head of the office")))
        self.problem.setVisible(missing)

    def isComplete(self) -> bool:
        return bool(self.edits["leader_name"].text().strip()) and not self.checks.problems()

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}


class AdminPage(QWizardPage):
    """The administrator account: whoever sets the office up manages its accounts afterwards."""

    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.username = QLineEdit("admin")
        self.username.setObjectName("adminUsername")
        self.username.setMaxLength(v.USERNAME_LENGTH)
        self.display_name = limit(QLineEdit(), v.PERSON_NAME)
        self.display_name.setObjectName("adminName")
        self.password, self.repeat = password_edit("adminPassword"), password_edit("adminRepeat")
        self.labels = [QLabel() for _i in range(4)]
        for label, edit in zip(
            self.labels, (self.username, self.display_name, self.password, self.repeat), strict=True
        ):
            form.addRow(label, edit)
            edit.textChanged.connect(self._changed)
        self.problem = QLabel()
        self.problem.setObjectName("wizardProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.domain.lockout import MIN_PASSWORD_LENGTH

        self.setTitle(_("Administrator"))
        self.setSubTitle(_("The account that manages the other accounts, the settings and the backups."))
        texts = (_("Username:"), _("Display name:"), _("Password:"), _("Repeat the password:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.display_name.setPlaceholderText(_("e.g. Lê Minh Đức (ISO secretary)"))
        self.hint.setText(
            _(
                "At least {n} characters; letters with accents are fine. Keep it safe: the administrator adds "
                "the accounts of the other officers under Settings and can reset their passwords."
            ).format(n=MIN_PASSWORD_LENGTH)
        )
        self._changed()

    def problem_text(self) -> str:
        """What is missing, once the user has typed a password (no complaint before they start)."""
        from isodesk.domain.lockout import MIN_PASSWORD_LENGTH, password_problem

        if not self.username.text().strip():
            return _("The {what} must not be empty.").format(what=_("username"))
        if not self.password.text():
            return ""
        problem = password_problem(self.password.text())
        if problem == "short":
            return _("The password is too short: use at least {n} characters.").format(n=MIN_PASSWORD_LENGTH)
        if problem is not None:
            return _("The password must not be empty.")
        repeat = self.repeat.text()
        # Said as soon as the repetition stops matching, not only once it is as long as the password.
        if repeat and not self.password.text().startswith(repeat):
            return _("The two passwords differ.")
        return ""

    def _changed(self) -> None:
        text = self.problem_text()
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem_text() and bool(self.password.text()) and self.password.text() == self.repeat.text()

    def values(self) -> dict[str, str]:
        return {
            "admin_username": self.username.text().strip(),
            "admin_name": self.display_name.text().strip(),
            "admin_password": self.password.text(),
        }


class StartPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.demo = QRadioButton()
        self.demo.setObjectName("startDemo")
        self.empty = QRadioButton()
        self.empty.setObjectName("startEmpty")
        self.empty.setChecked(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("How to start"))
        self.setSubTitle(_("You can look around with demo data first, or start with your own office's data."))
        self.demo.setText(_("Start with demo data"))
        self.empty.setText(_("Start empty"))
        self.note.setText(
            _(
                "Demo data adds the staff of a ward People's Committee and a year of one-stop-shop dossiers, "
                "so every screen has something to show."
            )
        )


class SetupWizard(QWizard):
    """Emits :attr:`completed` with the open context and the office name once the office is saved."""

    completed = Signal(object, str)

    def __init__(self, data_dir: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.data_dir = data_dir
        self.ctx: AppContext | None = None
        self.saving = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(720, 600)
        self.unit_page = UnitPage(self)
        self.leaders_page = LeadersPage()
        self.admin_page = AdminPage()
        self.start_page = StartPage()
        for page in (self.unit_page, self.leaders_page, self.admin_page, self.start_page):
            self.addPage(page)
        self.retranslate()
        run_in_background(self._open, self._opened, self._failed)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Setting up isodesk"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        for page in (self.unit_page, self.leaders_page, self.admin_page, self.start_page):
            page.retranslate()

    def _open(self) -> AppContext:
        from isodesk.services.context import open_context
        from isodesk.services.office.setup import prepare

        ctx = open_context(self.data_dir)
        prepare(ctx)
        return ctx

    def _opened(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.unit_page.reload_provinces()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        show_error(self, exc)

    def accept(self) -> None:
        if self.saving or self.ctx is None:
            return
        self.saving = True
        ctx = self.ctx
        params = dict(
            province_code=self.unit_page.province_code() or "",
            unit_code=self.unit_page.commune_code() if self.unit_page.role() == "commune" else None,
            role=self.unit_page.role(),
            **self.leaders_page.values(),
            **self.admin_page.values(),
        )
        with_demo = self.start_page.demo.isChecked()

        def save() -> str:
            from isodesk.services.demo.quality import fill_demo_quality
            from isodesk.services.office.demo import fill_demo
            from isodesk.services.office.profile import init_office
            from isodesk.services.safety.backups import make_backup

            profile = init_office(ctx, **params)  # type: ignore[arg-type]
            if with_demo:
                fill_demo(ctx)
                fill_demo_quality(ctx)
            make_backup(ctx.data_dir, "daily")  # the first copy, before any work (the next ones come each day)
            return profile.unit_name

        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        # Demo data (a year of dossiers) takes seconds on an old PC: show that the program is working.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        run_in_background(save, self._saved, self._failed_save)

    def _saved(self, unit_name: str) -> None:
        QApplication.restoreOverrideCursor()
        self.saving = False
        self.completed.emit(self.ctx, unit_name)
        super().accept()

    def _failed_save(self, exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self._failed(exc)
