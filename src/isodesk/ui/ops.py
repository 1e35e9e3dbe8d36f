"""Running service calls off the GUI thread (after Anki's ``CollectionOp``), and telling every page what changed.

Database work can take time on an old PC (a migration, a large query), so pages hand a function to
:func:`run_in_background`; its result or exception comes back on the GUI thread through a signal. Long work that
can say how far it is (a ledger of thousands of pages, a backup) uses :func:`run_with_progress`: the function is
given a ``progress(done, total)`` callable, and each report reaches the GUI thread as a queued signal.

Every call records what its committed units of work changed (:mod:`isodesk.services.changes`, as Anki's operations
return ``OpChanges``). When something changed, the application-wide :func:`changes` signal carries the kinds of
data, before the caller's own ``on_done``; each page reloads what it shows (:class:`isodesk.ui.page.Page`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from isodesk.services.changes import Change, recording

_pending: set[_Task] = set()


Progress = Callable[[int, int], None]


class Changes(QObject):
    """The one signal every page listens to: ``changed`` carries a frozenset of :class:`Change`."""

    changed = Signal(object)


_changes: list[Changes] = []


def changes() -> Changes:
    """The application's :class:`Changes`, made on first use (on the GUI thread, by the first page)."""
    if not _changes:
        _changes.append(Changes())
    return _changes[0]


def report(changed: frozenset[Change]) -> None:
    """Tell every page that ``changed`` kinds of data changed (nothing when nothing did)."""
    if changed:
        changes().changed.emit(changed)


class _Signals(QObject):
    done = Signal(object, object)  # result, what changed
    failed = Signal(object, object)  # exception, what changed before it (earlier units of work stay saved)
    progress = Signal(object, object)  # Python ints: a count of bytes may not fit a C int


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        with recording() as seen:
            try:
                result = self.fn()
            except BaseException as exc:  # reported on the GUI thread
                self.signals.failed.emit(exc, frozenset(seen))
                return
        self.signals.done.emit(result, frozenset(seen))


def _alive(fn: Callable[..., Any]) -> bool:
    """False when ``fn`` is a method of a widget Qt has already deleted (its window closed meanwhile)."""
    owner = getattr(fn, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    _start(_Task(fn), on_done, on_error)


def run_with_progress(
    fn: Callable[[Progress], Any],
    on_progress: Progress,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Like :func:`run_in_background`; ``fn(progress)`` may call ``progress(done, total)`` from its thread."""
    task = _Task(lambda: fn(task.signals.progress.emit))
    task.signals.progress.connect(on_progress)
    _start(task, on_done, on_error)


def _start(
    task: _Task,
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
) -> None:
    _pending.add(task)

    def finished(result: Any, changed: frozenset[Change]) -> None:
        _pending.discard(task)
        report(changed)
        if on_done is not None and _alive(on_done):
            on_done(result)

    def failed(exc: BaseException, changed: frozenset[Change]) -> None:
        _pending.discard(task)
        report(changed)
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
