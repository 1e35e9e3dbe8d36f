"""The quality policy (ISO 9001:2015 5.2): the text edited from the model for communes and wards, saved as a draft,
marked reviewed, approved by a leader only; its versions; the approved policy printed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.i18n.dates import short_date
from isodesk.ui.qms.common import run

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


class PolicyTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsPolicy")
        self.ctx_of = ctx_of
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("policyText")
        self.model_button = QPushButton()
        self.model_button.setObjectName("policyModel")
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("policyDraft")
        self.review_button = QPushButton()
        self.review_button.setObjectName("policyReview")
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("policyApprove")
        self.print_button = QPushButton()
        self.print_button.setObjectName("policyPrint")
        self.versions = QTableWidget(0, 4)
        self.versions.setObjectName("policyVersions")
        self.versions.setMaximumHeight(150)
        self.versions.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for b in (self.model_button, self.draft_button, self.review_button, self.approve_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.versions)
        self.model_button.clicked.connect(lambda: self.use_model())
        self.draft_button.clicked.connect(lambda: self.save_draft())
        self.review_button.clicked.connect(lambda: self.review())
        self.approve_button.clicked.connect(lambda: self.approve())
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(
            _(
                "One commitment a paragraph. Save it as a draft; the quality representative reviews it and a leader "
                "approves it. An approved version is never edited again: a new draft replaces it once approved."
            )
        )
        self.model_button.setText(_("Start from the model"))
        self.draft_button.setText(_("Save the draft"))
        self.review_button.setText(_("Mark reviewed"))
        self.approve_button.setText(_("Approve (leader)"))
        self.print_button.setText(_("Print the approved policy…"))
        self.versions.setHorizontalHeaderLabels([_("Version"), _("State"), _("Approved"), _("By")])

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.policy import list_policies

        run(self, lambda: list_policies(ctx), self._fill)

    def _fill(self, versions: list[Any]) -> None:
        from isodesk.services.qms.policy import policy_state_name

        self.versions.setRowCount(len(versions))
        for row, p in enumerate(versions):
            values = (
                str(p.version),
                policy_state_name(p.state),
                short_date(p.approved_on) if p.approved_on else "",
                p.approved_by or p.reviewed_by or p.drafted_by,
            )
            for col, value in enumerate(values):
                self.versions.setItem(row, col, QTableWidgetItem(value))
        if versions and not self.text.toPlainText().strip():
            self.text.setPlainText(versions[0].text.replace("\n", "\n\n"))

    def use_model(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.policy import model_policy

        run(self, lambda: model_policy(ctx), lambda text: self.text.setPlainText(str(text).replace("\n", "\n\n")))

    def save_draft(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.policy import draft_policy, edit_policy, list_policies

        text = self.text.toPlainText()

        def save() -> object:
            versions = list_policies(ctx)
            if versions and versions[0].state == "draft":  # the open draft is changed, not copied
                return edit_policy(ctx, versions[0].version, text)
            return draft_policy(ctx, text)

        run(self, save)

    def review(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.policy import review_policy

        run(self, lambda: review_policy(ctx))

    def approve(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.policy import approve_policy

        run(self, lambda: approve_policy(ctx))
