"""Background calls report their progress and result on the GUI thread."""

from __future__ import annotations

import threading

from isodesk.ui import ops


def test_progress_and_result_arrive_on_the_gui_thread(qtbot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[int, int, bool]] = []
    results: list[object] = []
    worker: list[int] = []

    def work(progress: ops.Progress) -> str:
        worker.append(threading.get_ident())
        for done in range(1, 4):
            progress(done, 3)
        return "xong"

    ops.run_with_progress(
        work,
        lambda done, total: seen.append((done, total, threading.get_ident() == gui)),
        results.append,
    )
    qtbot.waitUntil(lambda: results == ["xong"] and not ops.busy(), timeout=5000)
    assert worker and worker[0] != gui  # the work ran off the GUI thread
    assert seen == [(1, 3, True), (2, 3, True), (3, 3, True)]


def test_failure_with_progress_goes_to_the_error_handler(qtbot) -> None:
    errors: list[BaseException] = []

    def work(progress: ops.Progress) -> None:
        progress(1, 2)
        raise OSError("đĩa đầy")

    ops.run_with_progress(work, lambda _d, _t: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors) and not ops.busy(), timeout=5000)
    assert isinstance(errors[0], OSError) and "đĩa đầy" in str(errors[0])
