"""From an empty data folder to the first receipt slip saved as PDF, through the real windows, as a new user goes.

Each run is a new Python process on a new temporary data folder, drawn offscreen. It starts the program as
``isodesk`` does with no command (the first-run wizard on an empty folder), chooses Tỉnh Đồng Tháp (82) and Phường
Mỹ Tho (28261), names the leaders and the administrator, starts empty; then, in the main window, opens the ledger,
receives a dossier for 1.001193 (birth registration) with every document ticked through "Receive and print the
slip", and saves the slip from the preview as a PDF. Nothing waits for a person: text is committed as an input
method commits it, clicks are immediate, and each step starts as soon as the screen is ready for it. So the figure
is the program's own time for the whole path, from launch to the PDF on disk.

Prints the median over the runs of the whole path and of each stage, each stage's share of the whole, and the
median processor time of the program (which other work on a shared machine does not inflate).

    .venv/bin/python bench/first_slip.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: The stages, in order: the name of the moment each one ends at, and what it covers.
STAGES = (
    ("wizard_ready", "start-up to the wizard, its lists loaded"),
    ("office_set_up", "the wizard filled in and the office saved"),
    ("overview_ready", "the main window and its first steps shown"),
    ("received", "the receive form filled in and the dossier saved"),
    ("pdf_saved", "the slip's preview made and saved as PDF"),
)
TIMEOUT = 120.0
#: The Overview's first step that opens the receive form (isodesk.ui.office.first_steps).
RECEIVE_STEP = "first_dossier"


def wait_until(condition: Callable[[], object], what: str) -> None:
    """Let the program work (events, background results) until ``condition`` holds; no fixed pause."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    deadline = time.monotonic() + TIMEOUT
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():
        raise RuntimeError(f"gave up waiting for {what}")


def commit_text(widget: object, text: str) -> None:
    """Type ``text`` as a Vietnamese input method commits it (key presses cannot carry ễ or Đ)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def one_run(data_dir: Path) -> None:
    """The whole path in this process; prints the moment (time.monotonic) each stage ended, as JSON."""
    from PySide6.QtWidgets import QApplication, QWizard

    from isodesk.app import STYLE, Controller, SingleInstance
    from isodesk.services.safety.startup import probe
    from isodesk.ui import ops
    from isodesk.ui.fonts import install_ui_font
    from isodesk.ui.language import LanguageManager

    marks: dict[str, float] = {}
    # As run_gui starts the window, so that the path is the one a new user takes.
    state = probe(str(data_dir))
    app = QApplication(sys.argv)
    app.setApplicationName("isodesk")
    install_ui_font(app)
    app.setStyleSheet(STYLE)
    languages = LanguageManager(app)
    languages.apply("vi")
    instance = SingleInstance(app, state.data_dir)
    controller = Controller(app, languages, state, instance)
    if not controller.start() or controller.wizard is None:
        raise RuntimeError("the wizard did not open on an empty folder")
    wizard = controller.wizard
    unit = wizard.unit_page
    wait_until(lambda: wizard.ctx is not None and unit.province_list.count() > 0, "the wizard's lists")
    marks["wizard_ready"] = time.monotonic()

    commit_text(unit.province_search, "dong thap")
    wait_until(lambda: unit.province_list.count() == 1, "the province")
    unit.province_list.setCurrentRow(0)
    commit_text(unit.commune_search, "my tho")
    names = [unit.commune_list.item(i).text() for i in range(unit.commune_list.count())]
    unit.commune_list.setCurrentRow(names.index("Phường Mỹ Tho"))
    wizard.next()
    leaders = wizard.leaders_page
    for key, name in (
        ("leader_name", "Nguyễn Thị Ánh Tuyết"),
        ("iso_representative", "Trần Văn Minh"),
        ("iso_secretary", "Đặng Quốc Bảo"),
    ):
        commit_text(leaders.edits[key], name)
    wizard.next()
    admin = wizard.admin_page
    commit_text(admin.display_name, "Lê Minh Đức")
    commit_text(admin.password, "Mỹ Tho xanh 2026")
    commit_text(admin.repeat, "Mỹ Tho xanh 2026")
    if not admin.isComplete():
        raise RuntimeError(admin.problem.text())
    wizard.next()
    wizard.start_page.empty.setChecked(True)
    window = controller.window
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_until(lambda: window.isVisible() and window.ctx is not None, "the office to be saved")
    marks["office_set_up"] = time.monotonic()

    wait_until(lambda: "overview" in window.pages and not ops.busy(), "the overview")
    overview = window.pages["overview"]
    steps = overview.first_steps  # type: ignore[attr-defined]
    wait_until(lambda: steps.isVisible(), "the overview's first steps")
    marks["overview_ready"] = time.monotonic()

    from isodesk.ui.ledger.receive_dialog import ReceiveDialog

    steps.buttons[RECEIVE_STEP].click()  # the first steps lead a new office to the receive form
    wait_until(lambda: "one_stop" in window.pages, "the ledger page")
    ledger = window.pages["one_stop"]
    wait_until(lambda: ledger.findChild(ReceiveDialog) is not None, "the receive form")
    dialog = ledger.findChild(ReceiveDialog)
    assert dialog is not None
    wait_until(lambda: dialog.list.count() > 10, "the receive form's procedures")
    commit_text(dialog.search, "1.001193")
    wait_until(lambda: dialog.list.count() == 1, "the procedure")
    dialog.list.setCurrentRow(0)
    wait_until(lambda: len(dialog.component_checks) > 0, "the procedure's documents")
    for check in dialog.component_checks:  # the officer ticks what is handed in
        check.setChecked(True)
    commit_text(dialog.name, "Nguyễn Văn An")
    codes: list[str] = []
    dialog.received.connect(codes.append)
    dialog.save_print_button.click()
    wait_until(lambda: bool(codes), "the dossier to be received")
    marks["received"] = time.monotonic()

    wait_until(lambda: getattr(dialog, "preview", None) is not None, "the slip's preview")
    preview = dialog.preview
    wait_until(lambda: preview.ready, "the slip to be made")
    target = data_dir / f"giay-tiep-nhan-{codes[0].replace('/', '-')}.pdf"
    saved: list[Path] = []
    preview.save_to(target, saved.append)
    wait_until(lambda: bool(saved), "the PDF to be saved")
    marks["pdf_saved"] = time.monotonic()
    if not target.read_bytes().startswith(b"%PDF"):
        raise RuntimeError("the saved slip is not a PDF")
    marks["cpu"] = time.process_time()
    sys.stdout.write(json.dumps(marks) + "\n")
    sys.stdout.flush()
    os._exit(0)  # the temporary folder goes with the parent; nothing of the run needs closing


def measure(env: dict[str, str]) -> tuple[dict[str, float], float]:
    """One run in a new process and a new data folder: each stage's seconds, and the processor seconds."""
    with tempfile.TemporaryDirectory(prefix="isodesk-first-slip-") as folder:
        start = time.monotonic()
        out = subprocess.run(
            [sys.executable, __file__, "--one", folder], env=env, capture_output=True, text=True, timeout=600
        )
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
        marks = json.loads(out.stdout.strip().splitlines()[-1])
    stages, before = {}, start
    for name, _what in STAGES:
        stages[name] = marks[name] - before
        before = marks[name]
    return stages, marks["cpu"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--one", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_run(Path(args.one))
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("ISODESK_")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["ISODESK_LANG"] = "vi"
    measure(env)  # warm the OS file cache
    runs = [measure(env) for _ in range(args.runs)]
    totals = [sum(stages.values()) for stages, _cpu in runs]
    total = statistics.median(totals)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, each in a new process and a new data folder")
    cpu = statistics.median(cpu for _stages, cpu in runs)
    print(
        f"empty start to the first receipt slip saved as PDF: {total:.2f} s median "
        f"(runs {min(totals):.2f} to {max(totals):.2f} s), processor time {cpu:.2f} s"
    )
    medians = {name: statistics.median(stages[name] for stages, _cpu in runs) for name, _what in STAGES}
    whole = sum(medians.values())
    for name, what in STAGES:
        print(f"  {what:<52} {medians[name]:6.2f} s  {100 * medians[name] / whole:5.1f} %")


if __name__ == "__main__":
    main()
