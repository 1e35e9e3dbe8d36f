"""Running service calls off the GUI thread (after Anki's ``CollectionOp``).

Database work can take time on an old PC (a migration, a large query), so pages hand a function to
:func:`run_in_background`; its result or exception comes back on the GUI thread through a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_pending: set[_Task] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # reported on the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    task = _Task(fn)
    _pending.add(task)

    def finished(result: Any) -> None:
        _pending.discard(task)
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        _pending.discard(task)
        if on_error is not None:
            on_error(exc)
        else:
            from isodesk.ui.messages import show_error

            show_error(None, exc)

    task.signals.done.connect(finished)
    task.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(task)


def busy() -> bool:
    """True while a background call is running (used by tests and on quit)."""
    return bool(_pending)
