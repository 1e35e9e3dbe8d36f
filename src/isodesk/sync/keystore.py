"""Where the unit's signing key lives: a file in the data folder, and a copy in the database.

The file (``unit-key.pem``) is what an administrator sees beside the database; the copy in the database is what
every backup carries, so an office restored from a backup, or moved to a new PC with one, signs with the key the
province enrolled. When the two disagree the database wins and the file is written anew from it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import SyncKey
from isodesk.db.types import utcnow
from isodesk.sync import signing

KEY_FILE = "unit-key.pem"


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILE


def ensure_unit_key(session: Session, data_dir: Path) -> signing.PrivateKey:
    """The unit's key, made (and kept in both places) if the office has none yet."""
    path = key_path(data_dir)
    row = session.scalars(select(SyncKey).order_by(SyncKey.id)).first()
    if row is not None:
        key = signing.key_from_bytes(row.private_pem)
        if not path.is_file() or path.read_bytes() != row.private_pem:
            signing.save_key(key, path)
        return key
    try:
        key = signing.load_key(path)  # a key file from an earlier set-up of this folder
    except (OSError, ValueError):
        key = signing.generate_key()
        signing.save_key(key, path)
    session.add(SyncKey(created_at=utcnow(), private_pem=signing.key_to_pem(key), fingerprint=signing.fingerprint(key)))
    session.flush()
    return key


def read_unit_key(session: Session) -> signing.PrivateKey | None:
    """The key kept in the database, or None before one is made."""
    row = session.scalars(select(SyncKey).order_by(SyncKey.id)).first()
    return signing.key_from_bytes(row.private_pem) if row is not None else None
