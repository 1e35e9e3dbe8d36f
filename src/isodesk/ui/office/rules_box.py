"""The office's working rules in Settings: office hours and the cut-off hour, the dossier-code pattern, the
apology's lead and the number of new appointments a dossier may get.

The values are the office's settings (:mod:`isodesk.services.settings`), saved together or not at all; an account
without ``settings.manage`` sees them and cannot change them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

#: What a late apology does, as the setting ``ledger.late_apology`` stores it, in words.
LATE_APOLOGY = (("warn", N_("Warn, and record it")), ("refuse", N_("Refuse to record it")))
TIME_KEYS = (
    "ledger.morning_start",
    "ledger.morning_end",
    "ledger.afternoon_start",
    "ledger.afternoon_end",
    "ledger.cutoff",
)


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    return edit


class OfficeRulesBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeRulesBox")
        self.ctx: AppContext | None = None
        self.agency = ""
        self.saved: dict[str, Any] = {}
        self.times = {key: _time_edit(key.split(".")[1]) for key in TIME_KEYS}
        self.code_pattern = QLineEdit()
        self.code_pattern.setObjectName("codePattern")
        self.code_example = QLabel()
        self.code_example.setObjectName("codeExample")
        self.code_example.setWordWrap(True)
        self.apology_days = QSpinBox()
        self.apology_days.setObjectName("apologyLeadDays")
        self.apology_days.setRange(0, 30)
        self.late_apology = QComboBox()
        self.late_apology.setObjectName("lateApology")
        for key, _words in LATE_APOLOGY:
            self.late_apology.addItem("", key)
        self.max_extensions = QSpinBox()
        self.max_extensions.setObjectName("maxExtensions")
        self.max_extensions.setRange(0, 10)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveRules")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("rulesStatus")
        self.status.setWordWrap(True)

        self.labels = {key: QLabel() for key in ("morning", "afternoon", "cutoff", "pattern", "apology", "late", "ext")}
        self.dashes = [QLabel("–"), QLabel("–")]
        form = QFormLayout(self)
        for label, (start, end), dash in zip(
            (self.labels["morning"], self.labels["afternoon"]),
            ((TIME_KEYS[0], TIME_KEYS[1]), (TIME_KEYS[2], TIME_KEYS[3])),
            self.dashes,
            strict=True,
        ):
            row = QHBoxLayout()
            row.addWidget(self.times[start])
            row.addWidget(dash)
            row.addWidget(self.times[end])
            row.addStretch(1)
            form.addRow(label, row)
        cutoff_row = QHBoxLayout()
        cutoff_row.addWidget(self.times["ledger.cutoff"])
        self.cutoff_note = QLabel()
        self.cutoff_note.setWordWrap(True)
        cutoff_row.addWidget(self.cutoff_note, 1)
        form.addRow(self.labels["cutoff"], cutoff_row)
        form.addRow(self.labels["pattern"], self.code_pattern)
        form.addRow("", self.code_example)
        apology_row = QHBoxLayout()
        apology_row.addWidget(self.apology_days)
        self.apology_unit = QLabel()
        apology_row.addWidget(self.apology_unit, 1)
        form.addRow(self.labels["apology"], apology_row)
        for label, widget in ((self.labels["late"], self.late_apology), (self.labels["ext"], self.max_extensions)):
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            form.addRow(label, row)
        form.addRow(self.status, self.save_button)
        self.code_pattern.textChanged.connect(lambda _t: self._show_example())
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext, *, editable: bool) -> None:
        self.ctx = ctx
        for edit in self.times.values():
            edit.setReadOnly(not editable)
        self.code_pattern.setReadOnly(not editable)
        self.apology_days.setReadOnly(not editable)
        self.max_extensions.setReadOnly(not editable)
        self.late_apology.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> tuple[dict[str, Any], str]:
            from isodesk.services.office.profile import get_profile
            from isodesk.services.settings import list_settings

            return list_settings(ctx), get_profile(ctx).agency_code

        run_in_background(load, self.show_settings, lambda exc: show_error(self, exc))

    def show_settings(self, data: tuple[dict[str, Any], str]) -> None:
        self.saved, self.agency = data
        for key, edit in self.times.items():
            edit.setTime(QTime.fromString(str(self.saved[key]), "HH:mm"))
        self.code_pattern.setText(str(self.saved["ledger.code_pattern"]))
        self.apology_days.setValue(int(self.saved["ledger.apology_lead_days"]))
        self.late_apology.setCurrentIndex(max(0, self.late_apology.findData(self.saved["ledger.late_apology"])))
        self.max_extensions.setValue(int(self.saved["ledger.max_extensions"]))
        self._show_example()

    def values(self) -> dict[str, str]:
        """The form as the settings read typed text."""
        texts = {key: edit.time().toString("HH:mm") for key, edit in self.times.items()}
        texts["ledger.code_pattern"] = self.code_pattern.text()
        texts["ledger.apology_lead_days"] = str(self.apology_days.value())
        texts["ledger.late_apology"] = str(self.late_apology.currentData())
        texts["ledger.max_extensions"] = str(self.max_extensions.value())
        return texts

    def _show_example(self) -> None:
        from isodesk.services.settings import code_example, setting_problem

        pattern = self.code_pattern.text()
        problem = setting_problem("ledger.code_pattern", pattern)
        if problem:
            self.code_example.setText(problem)
            self.code_example.setStyleSheet("color: #c62828;")
        else:
            example = code_example(pattern, self.agency or "000.00.00.H00", local_today())
            self.code_example.setText(_("The first dossier today would be {code}.").format(code=example))
            self.code_example.setStyleSheet("color: #455a64;")

    def save(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        texts = self.values()

        def saved(_values: object) -> None:
            self.status.setText(_("Saved."))
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.status.setText(str(exc))
                self.status.setStyleSheet("color: #c62828;")
            else:
                show_error(self, exc)

        from isodesk.services.settings import update_settings

        self.status.setText("")
        self.status.setStyleSheet("")
        run_in_background(lambda: update_settings(ctx, texts), saved, failed)

    def retranslate(self) -> None:
        self.setTitle(_("Office hours and ledger rules"))
        self.labels["morning"].setText(_("Morning:"))
        self.labels["afternoon"].setText(_("Afternoon:"))
        self.labels["cutoff"].setText(_("Cut-off hour:"))
        self.cutoff_note.setText(_("a same-day dossier received after this hour is due the next working day"))
        self.labels["pattern"].setText(_("Dossier code pattern:"))
        self.code_pattern.setToolTip(
            _("{agency} the agency code, {yymmdd} or {yyyymmdd} or {yyyy} the date, {seq:04d} the day's number")
        )
        self.labels["apology"].setText(_("Apology sent at least:"))
        self.apology_unit.setText(_("days before the due date on the receipt slip"))
        self.labels["late"].setText(_("A later apology:"))
        for index, (_key, words) in enumerate(LATE_APOLOGY):
            self.late_apology.setItemText(index, _(words))
        self.labels["ext"].setText(_("New appointments per dossier:"))
        self.save_button.setText(_("Save rules"))
        self.status.setText("")
        if self.saved:
            self._show_example()
