"""Tổng quan tỉnh: every commune and ward of the province (enrolled or not) with its QMS step, announcement, last
internal audit and management review, objectives met, on-time rate, open nonconformities and last package, for a
chosen year; the units that sent nothing this year stand out and can be listed alone; two charts; a unit opened
read-only with a double click; the yearly consolidated report saved as PDF or for Excel.

Every figure comes from :func:`isodesk.services.province.report.province_overview`, read off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_datetime, local_today, short_date, short_datetime
from isodesk.i18n.numbers import percent, whole_number
from isodesk.services.changes import Change
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.province.charts import StepChart, UnitRateChart
from isodesk.ui.tables import read_only_table

if TYPE_CHECKING:
    from datetime import date, datetime

    from isodesk.services.context import AppContext
    from isodesk.services.province.report import ProvinceOverview, UnitRow

#: The QMS steps as the dashboard names them (QĐ 19/2014/QĐ-TTg), and a unit that sent none.
STEP_NAMES = {
    "build": N_("1. Build"),
    "apply": N_("2. Apply"),
    "announce": N_("3. Announce"),
    "maintain": N_("4. Maintain and improve"),
    None: N_("No figures yet"),
}
#: A unit that sent nothing this year: a warm background and a darker text, readable in print and on any theme.
LATE_BACKGROUND = QColor("#fde2cf")
LATE_TEXT = QColor("#7a2e00")

#: (header, its tooltip): short headers, so that every column fits at 1366×768.
COLUMNS = (
    (N_("Code"), N_("The unit's code")),
    (N_("Unit"), N_("The commune or ward")),
    (N_("QMS step"), N_("The step of the quality system (QĐ 19/2014/QĐ-TTg)")),
    (N_("Announced"), N_("The date the unit announced its quality system conforms to TCVN ISO 9001:2015")),
    (N_("Internal audit"), N_("The last internal audit")),
    (N_("Mgmt review"), N_("The last management review")),
    (N_("Objectives"), N_("The year's quality objectives met, of those set")),
    (N_("On time"), N_("On-time rate of the dossiers settled in the year")),
    (N_("Open NCs"), N_("Nonconformities whose corrective action is not finished")),
    (N_("Last package"), N_("When the unit's last package was imported")),
)


def step_name(step: str | None) -> str:
    return _(STEP_NAMES.get(step, STEP_NAMES[None]))


def _day(value: date | None) -> str:
    return short_date(value) if value else "—"


def _moment(value: datetime | None) -> str:
    return short_datetime(local_datetime(value)) if value else "—"


def objectives(u: UnitRow) -> str:
    if u.objectives_total is None:
        return "—"
    return f"{'—' if u.objectives_met is None else u.objectives_met}/{u.objectives_total}"


def unit_cells(u: UnitRow) -> list[str]:
    return [
        u.unit_code,
        u.unit_name,
        step_name(u.qms_step),
        _day(u.announced_on),
        _day(u.last_audit_on),
        _day(u.last_review_on),
        objectives(u),
        percent(u.on_time_rate),
        "—" if u.open_nonconformities is None else str(u.open_nonconformities),
        _day(local_datetime(u.last_package_at).date() if u.last_package_at else None),
    ]


class ProvinceDashboardPage(Page):
    shows = frozenset({Change.PROVINCE, Change.OFFICE})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: ProvinceOverview | None = None
        self.visible_units: list[UnitRow] = []
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("provinceYear")
        this_year = local_today().year
        self.year.setRange(2014, this_year + 1)
        self.year.setValue(this_year)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.late_only = QCheckBox()
        self.late_only.setObjectName("provinceLateOnly")
        self.late_only.toggled.connect(lambda _on: self._show_table())
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("provinceReportPdf")
        self.pdf_button.clicked.connect(lambda: self._choose_report(".pdf"))
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("provinceReportXlsx")
        self.xlsx_button.clicked.connect(lambda: self._choose_report(".xlsx"))
        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(self.late_only)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)

        self.summary = QLabel()
        self.summary.setObjectName("provinceSummary")
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("provinceStatus")
        self.status.setWordWrap(True)
        self.table = read_only_table(len(COLUMNS), "provinceUnits", single_row=True)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the unit's name takes the spare width
        self.table.doubleClicked.connect(lambda index: self.open_unit(index.row()))
        self.table.setToolTip("")

        self.rate_box = QGroupBox()
        self.rate_chart = UnitRateChart()
        QVBoxLayout(self.rate_box).addWidget(self.rate_chart)
        self.step_box = QGroupBox()
        self.step_chart = StepChart()
        QVBoxLayout(self.step_box).addWidget(self.step_chart)
        charts = QHBoxLayout()
        charts.addWidget(self.rate_box, 3)
        charts.addWidget(self.step_box, 2)
        for box in (self.rate_box, self.step_box):
            box.setMaximumHeight(210)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(charts)
        layout.addWidget(self.status)
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        year = self.year.value()

        def load() -> ProvinceOverview:
            from isodesk.services.province.report import province_overview

            return province_overview(ctx, year)

        run_in_background(load, self._loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        show_error(self, exc)

    def _loaded(self, overview: ProvinceOverview) -> None:
        if overview.year != self.year.value():
            return  # an older answer: the year changed meanwhile
        self.overview = overview
        self._show_summary()
        self._show_table()
        self._show_charts()

    def _show_summary(self) -> None:
        o = self.overview
        if o is None:
            return
        s = o.summary
        self.summary.setText(
            _(
                "{province}, {year}: {units} units; {reporting} sent figures this year, {late} not yet; "
                "{applying} apply a quality system, {announced} announced it, {maintained} maintain it "
                "(internal audit and management review held); mean on-time rate {rate}."
            ).format(
                province=o.province_name,
                year=o.year,
                units=s.units,
                reporting=s.reporting,
                late=s.units - s.reporting,
                applying=s.applying,
                announced=s.announced,
                maintained=s.maintained,
                rate=percent(s.mean_on_time_rate),
            )
        )

    def _show_table(self) -> None:
        o = self.overview
        if o is None:
            return
        units = [u for u in o.units if not self.late_only.isChecked() or not u.reported_this_year]
        self.visible_units = units
        self.table.setRowCount(len(units))
        bold = QFont(self.table.font())
        bold.setBold(True)
        late_tip = _("This unit has sent no package this year.")
        for row, u in enumerate(units):
            for col, text in enumerate(unit_cells(u)):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if not u.reported_this_year:
                    item.setBackground(QBrush(LATE_BACKGROUND))
                    item.setForeground(QBrush(LATE_TEXT))
                    item.setToolTip(late_tip)
                    if col == 1:
                        item.setFont(bold)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def _show_charts(self) -> None:
        o = self.overview
        if o is None:
            return
        self.rate_chart.set_rates([(u.unit_code, u.on_time_rate) for u in o.units if u.on_time_rate is not None])
        self.step_chart.set_counts([(step_name(step), count) for step, count in o.summary.by_step.items()])

    # -- actions --------------------------------------------------------------------------------------
    def open_unit(self, row: int) -> QDialog | None:
        if not 0 <= row < len(self.visible_units):
            return None
        dialog = UnitDialog(self.visible_units[row], self.year.value(), self)
        self.unit_dialog = dialog
        dialog.open()
        if self.ctx is not None and self.visible_units[row].enrolled:
            dialog.load_ledger(self.ctx)
        return dialog

    def _choose_report(self, suffix: str) -> None:
        year = self.year.value()
        if suffix == ".pdf":
            name, _filter = QFileDialog.getSaveFileName(
                self, _("Save the consolidated report"), f"bao-cao-iso-tinh-{year}.pdf", _("PDF documents (*.pdf)")
            )
        else:
            name, _filter = QFileDialog.getSaveFileName(
                self, _("Export the consolidated report for Excel"), f"bao-cao-iso-tinh-{year}.xlsx",
                _("Excel workbooks (*.xlsx)"),
            )  # fmt: skip
        if name:
            self.save_report(Path(name if name.lower().endswith(suffix) else name + suffix))

    def save_report(self, path: Path) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        year = self.year.value()

        def work() -> Path:
            from isodesk.services.province.report import write_report

            return write_report(ctx, path, year).out

        def saved(written: Path) -> None:
            self.status.setText(_("Written {path}.").format(path=written))

        self.status.setText(_("Writing {path}…").format(path=path))
        run_in_background(work, saved, self._failed)

    def retranslate(self) -> None:
        self.title.setText(_("Province overview"))
        self.year_label.setText(_("Year:"))
        self.late_only.setText(_("Only units that have not reported this year"))
        self.pdf_button.setText(_("Consolidated report (PDF)…"))
        self.xlsx_button.setText(_("Export for Excel…"))
        self.table.setHorizontalHeaderLabels([_(c) for c, _tip in COLUMNS])
        for column, (_c, tip) in enumerate(COLUMNS):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(_(tip))
        self.table.setToolTip(_("Double-click a unit to see its figures."))
        self.rate_box.setTitle(_("On-time rate by unit (dashed line: 95% target)"))
        self.rate_chart.empty_text = _("No unit has sent settled dossiers yet.")
        self.step_box.setTitle(_("Units by QMS step"))
        if self.overview is not None:
            self._show_summary()
            self._show_table()
            self._show_charts()


class UnitDialog(QDialog):
    """A unit's figures, read-only: what the province received from it."""

    def __init__(self, unit: UnitRow, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceUnitDialog")
        self.unit = unit
        self.setWindowTitle(f"{unit.unit_name} ({unit.unit_code})")  # names only: nothing to translate
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        if unit.enrolled:
            enrolled = _("yes, key confirmed") if unit.confirmed else _("yes, key not confirmed yet")
        else:
            enrolled = _("no package received")
        rows = [
            ("enrolled", _("Enrolled"), enrolled),
            ("qms_step", _("QMS step"), step_name(unit.qms_step)),
            ("announced_on", _("Announced on"), _day(unit.announced_on)),
            ("last_audit_on", _("Last internal audit"), _day(unit.last_audit_on)),
            ("last_review_on", _("Last management review"), _day(unit.last_review_on)),
            ("objectives", _("Objectives met"), objectives(unit)),
            ("on_time_rate", _("On-time rate"), percent(unit.on_time_rate)),
            ("received", _("Dossiers received"), whole_number(unit.received)),
            (
                "open_nonconformities",
                _("Open nonconformities"),
                "—" if unit.open_nonconformities is None else str(unit.open_nonconformities),
            ),
            ("last_package_at", _("Last package"), _moment(unit.last_package_at)),
            ("sequence", _("Last package number"), str(unit.sequence) if unit.sequence else "—"),
            (
                "reported",
                _("Reported in {year}").format(year=year),
                _("yes") if unit.reported_this_year else _("no"),
            ),
        ]
        for key, label, value in rows:
            shown = QLabel(value)
            shown.setObjectName(f"unit_{key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = shown
            form.addRow(label, shown)
        note = QLabel(_("Read-only: these figures are what the unit sent in its signed packages."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        self.year = year
        self.ledger_box = QGroupBox(_("Dossiers of {year} (from the records the unit sent)").format(year=year))
        self.ledger_box.setObjectName("provinceUnitLedger")
        self.ledger_form = QFormLayout(self.ledger_box)
        self.ledger_box.setVisible(False)
        self.ledger: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ledger_box)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def load_ledger(self, ctx: AppContext) -> None:
        """The unit's ledger statistics of the year, as ``isodesk stats --unit`` gives them, read off the GUI thread."""
        code, year = self.unit.unit_code, self.year

        def load() -> dict[str, Any]:
            from datetime import date

            from isodesk.services.province.unit_stats import unit_stats

            return unit_stats(ctx, code, date(year, 1, 1), date(year, 12, 31))

        run_in_background(load, self._show_ledger, lambda exc: show_error(self, exc))

    def _show_ledger(self, figures: dict[str, Any]) -> None:
        rows = [
            ("received", _("Received (dossiers)"), whole_number(figures["received"])),
            ("settled", _("Settled (dossiers)"), whole_number(figures["settled"])),
            ("ahead", _("Ahead of time"), whole_number(figures["ahead"])),
            ("on_time", _("On time"), whole_number(figures["on_time"])),
            ("late", _("Late"), whole_number(figures["late"])),
            ("overdue", _("Overdue, still open"), whole_number(figures["overdue"])),
            ("on_time_rate", _("On-time rate"), percent(figures["on_time_rate"])),
            ("satisfaction_rate", _("Satisfied"), percent(figures["satisfaction_rate"])),
        ]
        for key, label, value in rows:
            shown = QLabel(value)
            shown.setObjectName(f"ledger_{key}")
            self.ledger[key] = shown
            self.ledger_form.addRow(label, shown)
        self.ledger_box.setVisible(True)
