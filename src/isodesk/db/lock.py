"""One isodesk at a time on a data folder.

The running program holds an operating-system lock on ``isodesk.lock`` in the data folder (``filelock``:
``fcntl.flock`` on Linux, ``msvcrt.locking`` on Windows). The system releases such a lock when the process
ends, however it ends, so a crash or a power cut never leaves a stale lock that blocks the next start; the
file itself may stay and means nothing. A restore and a migration take the same lock, so they never replace
or rebuild the file under a running window. Within one process the lock is re-entrant: the window that holds
it may restore or migrate.

Commands that only read, and command-line writes beside a running window, do not take it: SQLite
serialises writers (each unit of work waits up to the busy timeout for the write lock, see
:mod:`isodesk.db.engine`), which is safe; only replacing the whole file needs the folder to itself.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from isodesk.errors import DataFolderBusyError
from isodesk.i18n import _

LOCK_FILENAME = "isodesk.lock"

_held: dict[Path, tuple[FileLock, int]] = {}
_guard = threading.Lock()


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_FILENAME


def busy_error(data_dir: Path) -> DataFolderBusyError:
    return DataFolderBusyError(
        _(
            "isodesk is already open on the data folder {path} (in another window or by another user of this PC). "
            "Close it first, then try again."
        ).format(path=data_dir)
    )


def acquire(data_dir: Path, timeout: float = 0) -> None:
    """Take the folder's lock (re-entrant in this process); raise :class:`DataFolderBusyError` when another has it."""
    key = data_dir.resolve()
    with _guard:
        if key in _held:
            lock, count = _held[key]
            _held[key] = (lock, count + 1)
            return
        lock = FileLock(lock_path(key), thread_local=False)
        try:
            lock.acquire(timeout=timeout)
        except Timeout as exc:
            raise busy_error(data_dir) from exc
        except OSError as exc:  # a read-only or vanished folder: say so instead of a lock error
            from isodesk.db.storage import translate  # SQLAlchemy is not loaded before the first paint

            raise translate(exc, data_dir) or exc from exc
        _held[key] = (lock, 1)


def release(data_dir: Path) -> None:
    key = data_dir.resolve()
    with _guard:
        if key not in _held:
            return
        lock, count = _held[key]
        if count > 1:
            _held[key] = (lock, count - 1)
            return
        del _held[key]
        lock.release()


@contextmanager
def holding(data_dir: Path, timeout: float = 0) -> Iterator[None]:
    acquire(data_dir, timeout)
    try:
        yield
    finally:
        release(data_dir)
