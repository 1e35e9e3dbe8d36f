"""Tổng quan: the office at a glance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from isodesk.i18n import N_, _
from isodesk.ui.ops import run_in_background
from isodesk.ui.pages.base import Page

FIELDS = (
    ("unit_name", N_("Office")),
    ("province_name", N_("Province")),
    ("leader_name", N_("Head of the office")),
    ("iso_representative", N_("ISO representative")),
    ("iso_secretary", N_("ISO secretary")),
    ("staff", N_("Staff")),
    ("data_dir", N_("Data folder")),
)


class OverviewPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, _msg in FIELDS:
            self.labels[key] = QLabel()
            self.values[key] = QLabel("…")
            self.values[key].setObjectName(f"overview_{key}")
            self.form.addRow(self.labels[key], self.values[key])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Overview"))
        for key, msg in FIELDS:
            self.labels[key].setText(_(msg) + ":")

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> dict[str, Any]:
            from isodesk.services.office import get_profile, office_info

            info = office_info(ctx)
            profile = get_profile(ctx).to_dict()
            return {**profile, "staff": info["counts"]["staff"], "data_dir": info["data_dir"]}  # type: ignore[index]

        run_in_background(load, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        for key, _msg in FIELDS:
            value = data.get(key)
            self.values[key].setText(str(value) if value not in (None, "") else "—")
