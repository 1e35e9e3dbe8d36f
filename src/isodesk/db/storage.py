"""Storage failures, translated once into messages that say what to do.

An office PC meets a full disk, a data folder on a USB stick that was pulled out, a folder made
read-only, another program holding the file, or a damaged file. SQLite reports each with a result code
(https://www.sqlite.org/rescode.html), which Python 3.11's sqlite3 exposes as ``sqlite_errorcode``; file
copies report an ``errno``. This module maps both to a :class:`~isodesk.errors.UserError`. SQLite rolls
back the statement and the transaction on these errors (a full disk or an I/O error never leaves half a
transaction in the file: https://www.sqlite.org/atomiccommit.html), so the message can say nothing was
saved.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from isodesk.errors import DamagedDatabaseError, UserError
from isodesk.i18n import _

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 5, 6, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE_ERRNOS = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", errno.EIO)}


def disk_full(path: Path) -> UserError:
    return UserError(
        _(
            "The disk holding {path} is full; nothing was saved. Free some space (empty the Recycle Bin, "
            "move old files away) and try again."
        ).format(path=path)
    )


def read_only(path: Path) -> UserError:
    return UserError(
        _(
            "{path} is read-only; nothing was saved. Check that the folder and the file may be written "
            "(not a write-protected USB stick or CD), or choose another data folder with --data-dir."
        ).format(path=path)
    )


def unreachable(path: Path) -> UserError:
    return UserError(
        _(
            "The data folder {path} cannot be reached; nothing was saved. If it is on a USB stick or a network "
            "drive, put it back or reconnect it, then try again."
        ).format(path=path)
    )


def busy(path: Path) -> UserError:
    return UserError(
        _(
            "The data in {path} is busy with another action (another window or command is saving); nothing was "
            "saved. Wait a moment and try again."
        ).format(path=path)
    )


def damaged(path: Path) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        _(
            "The database {path} is damaged. Restore the newest good backup: in the program, Settings → Backups, "
            "or on the command line `isodesk backup list` then `isodesk restore FILE`."
        ).format(path=path)
    )


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of ``exc`` (the low byte of the extended code), if it carries one."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: BaseException, path: Path) -> UserError | None:
    """The message for a storage failure, or None when ``exc`` is something else (a bug, a constraint)."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, sqlite3.Error):
        primary = primary_code(exc)
        if primary == SQLITE_FULL:
            return disk_full(path)
        if primary == SQLITE_READONLY:
            return read_only(path)
        if primary in (SQLITE_IOERR, SQLITE_CANTOPEN):
            return unreachable(path)
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return busy(path)
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return damaged(path)
        return None
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return disk_full(path)
        if exc.errno in _READONLY_ERRNOS:
            return read_only(path)
        if exc.errno in _GONE_ERRNOS:
            return unreachable(path)
    return None


@contextmanager
def storage_errors(path: Path, reset: Callable[[], None] | None = None) -> Iterator[None]:
    """Turn storage failures raised inside the block into a :class:`UserError` about ``path``.

    ``reset`` (the engine's ``dispose``) drops pooled connections after an I/O failure: a connection
    opened on a USB stick that was pulled out stays dead after the stick is back, a new one works.
    """
    try:
        yield
    except UserError:
        raise
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        message = translate(exc, path)
        if message is None:
            raise
        if reset is not None:
            # The pool may hold a connection to a vanished file; dropping it is all that is needed.
            with contextlib.suppress(Exception):
                reset()
        raise message from exc
