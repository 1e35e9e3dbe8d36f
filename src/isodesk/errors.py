"""Errors a user can cause. Their message is already in the user's language and says what to do.

The command line prints it and exits 1; the GUI shows it in a dialog. Anything else that escapes is a
bug and is reported as such.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake or a situation the user can fix; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotInitialisedError(UserError):
    """The data folder holds no office yet: run the first-run wizard or ``isodesk init``."""


class NewerDatabaseError(UserError):
    """The database was written by a newer version of isodesk and is left untouched."""


class DamagedDatabaseError(UserError):
    """The database file fails SQLite's integrity check or cannot be read as a database: restore a backup."""


class DataFolderBusyError(UserError):
    """Another isodesk holds the data folder (the single-instance lock); nothing was changed."""
