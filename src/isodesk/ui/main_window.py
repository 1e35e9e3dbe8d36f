"""The main window: navigation between the areas of the program, a status bar, menus, About."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from isodesk.i18n import N_, _
from isodesk.ui.language import LanguageManager
from isodesk.ui.page import Page

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

# (key, title, name of a QStyle standard icon, description of what the area holds while it is not built)
AREAS: tuple[tuple[str, str, str, str], ...] = (
    ("overview", N_("Overview"), "SP_ComputerIcon", ""),
    ("one_stop", N_("One-stop shop"), "SP_FileDialogDetailedView", ""),
    ("catalogue", N_("Procedure catalogue"), "SP_FileIcon", ""),
    (
        "quality",
        N_("Quality system"),
        "SP_FileDialogContentsView",
        N_(
            "Drafting the quality management system: scope, quality policy, measurable quality objectives "
            "and controlled documents."
        ),
    ),
    ("audit", N_("Internal audit"), "SP_DialogApplyButton", ""),
    ("sync", N_("Sync"), "SP_BrowserReload", ""),
    ("trail", N_("Audit trail"), "SP_FileDialogInfoView", ""),
    ("settings", N_("Settings"), "SP_FileDialogListView", ""),
)
#: The areas of a province office (the provincial ISO working group's desk, issue 13): its units at a glance and the
#: import of their packages, the catalogue and the Sync page, where it exports the package of its calendar and
#: catalogue for the units and prints its key's sheet; the commune's own areas (ledger, quality system, audits) are
#: not shown there, since the province keeps no dossiers of its own.
PROVINCE_AREAS: tuple[tuple[str, str, str, str], ...] = (
    ("province", N_("Province overview"), "SP_ComputerIcon", ""),
    ("province_import", N_("Import from units"), "SP_DialogOpenButton", ""),
    ("catalogue", N_("Procedure catalogue"), "SP_FileIcon", ""),
    ("sync", N_("Sync"), "SP_BrowserReload", ""),
    ("trail", N_("Audit trail"), "SP_FileDialogInfoView", ""),
    ("settings", N_("Settings"), "SP_FileDialogListView", ""),
)
#: Areas that belong to the one before them (Một cửa › Danh mục thủ tục): indented under it in the navigation.
SUB_AREAS = frozenset({"catalogue"})
#: Areas shown only to accounts with a permission (key -> permission key of isodesk.domain.permissions).
AREA_PERMISSIONS = {"trail": "trail.view"}


class MainWindow(QMainWindow):
    first_painted = Signal()
    context_changed = Signal(object)  # a restore replaced the open office

    def __init__(self, languages: LanguageManager, data_dir: Path, unit_name: str = "") -> None:
        super().__init__()
        self.languages = languages
        self.data_dir = data_dir
        self.unit_name = unit_name
        self.ctx: AppContext | None = None
        self.role = "commune"
        self.areas = AREAS
        self._painted = False
        self.setObjectName("mainWindow")
        self.resize(1100, 720)
        self.setMinimumSize(QSize(800, 560))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget()
        # Pages are built when first shown, so the window paints quickly.
        self.pages: dict[str, Page] = {}
        for _area in self.areas:
            self.nav.addItem(QListWidgetItem(""))
            self.stack.addWidget(QWidget())
        # The first page is built just after the first paint (see paintEvent): a page may load heavy modules
        # (charts, date formatting), and the frame of the window should be on screen before that.
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.office_label = QLabel()
        self.office_label.setObjectName("statusOffice")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.account: object | None = None  # the signed-in account (isodesk.services.accounts.accounts.AccountInfo)
        self.idle_lock: Any = None  # isodesk.ui.accounts.idle_lock.IdleLock, made at the first sign-in
        self.idle_minutes = 0
        self.permissions: frozenset[str] = frozenset()
        self.location_label = QLabel()
        self.location_label.setObjectName("statusLocation")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("statusClock")
        self.clock_label.setVisible(False)
        self.statusBar().addWidget(self.office_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.clock_label)
        self.statusBar().addPermanentWidget(self.location_label)

        self.file_menu = self.menuBar().addMenu("")
        self.switch_user_action = QAction(self)
        self.switch_user_action.setObjectName("switchUser")
        self.switch_user_action.setShortcut("Ctrl+L")
        self.switch_user_action.triggered.connect(self.sign_in)
        self.file_menu.addAction(self.switch_user_action)
        self.password_action = QAction(self)
        self.password_action.triggered.connect(self.change_password)
        self.file_menu.addAction(self.password_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.guide_action = QAction(self)
        self.guide_action.setObjectName("userGuide")
        self.guide_action.setShortcut("F1")
        self.guide_action.triggered.connect(self.show_guide)
        self.help_menu.addAction(self.guide_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

        languages.changed.connect(self.retranslate)
        self.retranslate()

    def _make_page(self, key: str, title: str, description: str) -> Page:
        if key == "overview":
            from isodesk.ui.ledger.overview_page import OverviewPage

            overview = OverviewPage()
            overview.go.connect(self.go_to)
            return overview
        if key == "one_stop":
            from isodesk.ui.ledger.ledger_page import LedgerPage

            return LedgerPage()
        if key == "catalogue":
            from isodesk.ui.catalogue.catalogue_page import CataloguePage

            return CataloguePage()
        if key == "quality":
            from isodesk.ui.qms.quality_page import QualityPage

            return QualityPage(title, description)
        if key == "audit":
            from isodesk.ui.audit.audit_page import AuditPage

            return AuditPage(title)
        if key == "sync":
            from isodesk.ui.sync.sync_page import SyncPage

            return SyncPage(title)
        if key == "trail":
            from isodesk.ui.safety.trail_page import TrailPage

            return TrailPage()
        if key == "settings":
            from isodesk.ui.office.settings_page import SettingsPage

            return SettingsPage(self.languages.apply)
        if key == "province":
            from isodesk.ui.province.dashboard_page import ProvinceDashboardPage

            return ProvinceDashboardPage()
        if key == "province_import":
            from isodesk.ui.province.import_page import ProvinceImportPage

            return ProvinceImportPage()
        from isodesk.ui.placeholder import PlaceholderPage

        return PlaceholderPage(title, description)

    def page(self, key: str) -> Page:
        """The page of area ``key``, built on first use."""
        page = self.pages.get(key)
        if page is None:
            index = [a[0] for a in self.areas].index(key)
            _key, title, _icon, description = self.areas[index]
            page = self._make_page(key, title, description)
            self.pages[key] = page
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            if self.ctx is not None:
                page.set_context(self.ctx)
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.page(self.areas[row][0])
        self.stack.setCurrentIndex(row)

    # -- state ----------------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext, unit_name: str, role: str | None = None) -> None:
        """Show the office to the account ``ctx`` acts for (signed in, or just created by the wizard); ``role``
        ("commune" or "province") when known, else it is read with the account."""
        self.ctx = ctx
        self.unit_name = unit_name
        if role is not None:
            self.use_role(role)
        self.centralWidget().show()
        self._show_status()
        self._load_account()
        for page in self.pages.values():
            page.set_context(ctx)
        self.context_changed.emit(ctx)

    def open_office(self, ctx: AppContext, unit_name: str, role: str | None = None) -> None:
        """The office is open: ask who is at the PC before any of its data is shown."""
        self.ctx = ctx
        self.unit_name = unit_name
        if role is not None:
            self.use_role(role)
        self._show_status()
        self.context_changed.emit(ctx)
        self.sign_in()

    def sign_in(self) -> Any:
        """Sign out whoever is signed in, hide the data, and ask who is at the PC (also "switch user")."""
        ctx = self.ctx
        if ctx is None:
            return None
        from isodesk.services.accounts.signin import sign_out
        from isodesk.ui.accounts.login import LoginDialog

        previous = ctx.actor
        if self.idle_lock is not None:
            self.idle_lock.stop()  # the sign-in window is itself the lock
        sign_out(ctx)
        self.account = None
        for dialog in self.findChildren(QDialog):
            dialog.close()  # dossier windows of the previous user
        self.centralWidget().hide()
        self._show_status()
        dialog = LoginDialog(ctx, self.unit_name, self)
        dialog.select_user(previous)
        dialog.signed_in.connect(lambda _account: self.set_context(ctx, self.unit_name))
        dialog.rejected.connect(self.close)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def change_password(self) -> Any:
        if self.ctx is None or self.account is None:
            return None
        from isodesk.ui.accounts.login import PasswordDialog

        dialog = PasswordDialog(self.ctx, self.account, parent=self)  # type: ignore[arg-type]
        dialog.changed.connect(lambda _p: self.statusBar().showMessage(_("Your password was changed."), 8000))
        dialog.open()
        return dialog

    def _load_account(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        from isodesk.ui.ops import run_in_background

        def load() -> tuple[Any, frozenset[str], int, str]:
            from isodesk.services.accounts.accounts import current_account
            from isodesk.services.accounts.auth import permissions_of
            from isodesk.services.office.profile import get_profile
            from isodesk.services.settings import get_setting

            minutes = int(get_setting(ctx, "security.idle_lock_minutes") or 0)
            role = get_profile(ctx).role
            return current_account(ctx), frozenset(p.value for p in permissions_of(ctx)), minutes, role

        run_in_background(load, self._show_account)

    def _show_account(self, data: tuple[Any, frozenset[str], int, str]) -> None:
        self.account, self.permissions, minutes, role = data
        self.use_role(role)
        self.start_idle_lock(minutes)
        self._hide_areas()
        self._show_status()
        if self._painted:
            self._show_row(self.nav.currentRow())  # the first page of the role, if not built yet

    def _hide_areas(self) -> None:
        for row, (key, *_rest) in enumerate(self.areas):
            needed = AREA_PERMISSIONS.get(key)
            self.nav.setRowHidden(row, needed is not None and needed not in self.permissions)

    def use_role(self, role: str) -> None:
        """Show the areas of a commune or ward office, or those of the province's desk: the navigation and the
        pages are made anew when the role changes (the pages of the other role are dropped)."""
        areas = PROVINCE_AREAS if role == "province" else AREAS
        self.role = role
        if areas is self.areas:
            return
        self.nav.blockSignals(True)
        for page in self.pages.values():
            page.deleteLater()
        self.pages = {}
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.nav.clear()
        self.areas = areas
        for _area in areas:
            self.nav.addItem(QListWidgetItem(""))
            self.stack.addWidget(QWidget())
        self.nav.setCurrentRow(0)
        self.nav.blockSignals(False)
        self.retranslate()
        if self._painted:
            self._add_icons()
        self._hide_areas()

    def start_idle_lock(self, minutes: int, clock: Any = None) -> Any:
        """Lock the window after ``minutes`` without use (the office's setting; 0: never)."""
        if self.idle_lock is None:
            from isodesk.ui.accounts.idle_lock import IdleLock

            self.idle_lock = IdleLock(self) if clock is None else IdleLock(self, clock)
        self.idle_minutes = minutes
        if self.account is not None:
            self.idle_lock.start(minutes)
        return self.idle_lock

    def show_area(self, key: str) -> None:
        keys = [a[0] for a in self.areas]
        row = keys.index(key)
        if self.nav.currentRow() == row:
            self._show_row(row)  # the first page may not be built yet
        else:
            self.nav.setCurrentRow(row)

    def go_to(self, target: str) -> None:
        """Where a first step of the Overview leads: an area, a part of Settings, or the receive form."""
        if target in ("staff", "accounts", "backups"):
            self.show_area("settings")
            self.page("settings").reveal(target)  # type: ignore[attr-defined]
        elif target == "receive":
            self.show_area("one_stop")
            self.page("one_stop").open_receive()  # type: ignore[attr-defined]
        else:
            self.show_area(target)

    def current_area(self) -> str:
        return self.areas[self.stack.currentIndex()][0]

    # -- texts ----------------------------------------------------------------------------------------
    def retranslate(self, _lang: str = "") -> None:
        self.setWindowTitle(_("isodesk — quality management and one-stop shop"))
        for i, (key, title, _icon, _d) in enumerate(self.areas):
            item = self.nav.item(i)
            if item is not None:
                item.setText(("    " if key in SUB_AREAS and self.areas is AREAS else "") + _(title))
        self.file_menu.setTitle(_("&File"))
        self.switch_user_action.setText(_("Switch &user…"))
        self.password_action.setText(_("Change my &password…"))
        self.quit_action.setText(_("E&xit"))
        self.help_menu.setTitle(_("&Help"))
        self.guide_action.setText(_("User &guide"))
        self.about_action.setText(_("&About isodesk"))
        self._fit_navigation()
        settings = self.pages.get("settings")
        if settings is not None:
            settings.show_language(self.languages.language)  # type: ignore[attr-defined]
        for page in self.pages.values():
            page.retranslate()
        self._show_status()

    def _fit_navigation(self) -> None:
        """Width from the longest area name in the current font and language, so nothing is cut at 150%."""
        self.nav.ensurePolished()
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        padding = 2 * self.nav.frameWidth() + metrics.averageCharWidth() * 6
        self.nav.setFixedWidth(widest + self.nav.iconSize().width() + padding)

    def _show_status(self) -> None:
        self.office_label.setText(
            _("Office: {name}").format(name=self.unit_name) if self.unit_name else _("Opening the data…")
        )
        self.location_label.setText(_("Data: {path}").format(path=self.data_dir))
        account = self.account
        self.user_label.setText(
            _("Signed in: {name} ({username})").format(name=account.display_name, username=account.username)  # type: ignore[attr-defined]
            if account is not None
            else _("Nobody signed in")
        )

    def show_guide(self) -> QDialog:
        from isodesk.ui.guide import GuideDialog

        dialog = GuideDialog(self)
        self.guide_dialog = dialog
        dialog.show()
        return dialog

    def show_about(self) -> QDialog:
        from isodesk.ui.about import AboutDialog  # loaded when asked for: not before first paint

        dialog = AboutDialog(self.data_dir, self)
        dialog.show()
        return dialog

    def _add_icons(self) -> None:
        """Icons come after the first paint: looking up Qt's style enums costs tens of milliseconds."""
        for i, (_key, _title, icon, _d) in enumerate(self.areas):
            item = self.nav.item(i)
            if item is not None:
                item.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._add_icons)
            QTimer.singleShot(0, lambda: self._show_row(self.nav.currentRow()))
            self.first_painted.emit()
            if os.environ.get("ISODESK_BENCH_EXIT_ON_PAINT"):
                sys.stdout.write("painted\n")
                sys.stdout.flush()
                QTimer.singleShot(0, lambda: os._exit(0))
