"""A new office's Overview shows what to do first and leads there; Help › User guide opens the guide in the
user's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from isodesk.services.context import AppContext
from isodesk.ui import ops
from tests.ui.conftest import shown_window


def test_an_empty_office_sees_its_first_steps_and_their_buttons_lead_there(
    qtbot, office: AppContext, data_dir: Path
) -> None:
    with shown_window(qtbot, office, data_dir) as win:
        overview = win.pages["overview"]
        steps = overview.first_steps
        qtbot.waitUntil(lambda: steps.steps is not None, timeout=10000)
        assert steps.isVisible() and not overview.chart_box.isVisible() and not overview.overdue_box.isVisible()
        assert steps.title() == "Những việc cần làm trước"
        assert steps.titles["first_dossier"].text() == "Tiếp nhận hồ sơ đầu tiên"
        assert steps.marks["staff"].text() == "2." and steps.marks["backup"].text() == "6."
        assert "thủ tục chưa được xác nhận thời hạn" in steps.details["procedure_times"].text()

        steps.buttons["staff"].click()
        assert win.current_area() == "settings"
        qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
        settings = win.pages["settings"]
        qtbot.waitUntil(lambda: settings.scroll.verticalScrollBar().value() > 0, timeout=5000)  # scrolled to staff
        win.show_area("overview")
        steps.buttons["first_dossier"].click()
        assert win.current_area() == "one_stop"
        from isodesk.ui.ledger.receive_dialog import ReceiveDialog

        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReceiveDialog) and w.isVisible()]
        assert len(dialogs) == 1
        dialogs[0].close()
        qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)

        # In English, the same steps in English.
        win.languages.apply("en")
        assert steps.title() == "First steps" and steps.buttons["backup"].text() == "Back up"
        assert "procedures of the catalogue have no confirmed time yet" in steps.details["procedure_times"].text()


def test_help_opens_the_user_guide_in_the_users_language(qtbot, office: AppContext, data_dir: Path) -> None:
    with shown_window(qtbot, office, data_dir) as win:
        assert win.guide_action.text() == "&Hướng dẫn sử dụng" and win.guide_action in win.help_menu.actions()
        win.guide_action.trigger()
        guide = win.guide_dialog
        assert guide.isVisible() and guide.windowTitle() == "Hướng dẫn sử dụng"
        text = guide.browser.toPlainText()
        assert text.startswith("Hướng dẫn sử dụng isodesk") and "Những việc cần làm trước" in text
        html = guide.browser.toHtml()
        assert 'src="first-steps.png"' in html
        picture = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("first-steps.png"))
        assert picture is not None  # the picture is found beside the guide
        guide.close()
        win.languages.apply("en")
        win.guide_action.trigger()
        english = win.guide_dialog.browser.toPlainText()
        assert english.startswith("isodesk user guide") and "First steps" in english and "hồ sơ" not in english
        win.guide_dialog.close()
