"""Password hashes: scrypt from the standard library, with its parameters stored beside each hash.

Why scrypt and not argon2id: both are memory-hard (OWASP Password Storage Cheat Sheet lists either); scrypt is in
Python's ``hashlib`` (OpenSSL), so it needs no new compiled dependency on the old Windows PCs the program targets,
while argon2id would need ``argon2-cffi`` and its native wheels. Parameters: N = 2^14, r = 8, p = 1 (16 MiB of
memory per hash) — Django's default for its scrypt hasher — which takes about 45 ms on the development machine and
about 50–100 ms on an old office PC: slow enough to make guessing from a stolen file costly, quick enough that
signing in does not feel slow. They are stored with the hash (``scrypt$N$r$p$salt$hash``), so they can be raised
later: :func:`needs_rehash` tells the sign-in to store a stronger hash the next time the password is typed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from isodesk.domain.lockout import normalise_password

ALGORITHM = "scrypt"
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
#: Letters and digits that cannot be mistaken for each other when read aloud or copied from a slip of paper.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMPORARY_LENGTH = 10


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        normalise_password(password).encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=2 * 128 * n * r * p,
        dklen=KEY_BYTES,
    )


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    salt = os.urandom(SALT_BYTES)
    return f"{ALGORITHM}${n}${r}${p}${_b64(salt)}${_b64(_derive(password, salt, n, r, p))}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != ALGORITHM:
        return None
    try:
        return int(parts[1]), int(parts[2]), int(parts[3]), base64.b64decode(parts[4]), base64.b64decode(parts[5])
    except ValueError:
        return None


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; compared in constant time."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    return hmac.compare_digest(_derive(password, salt, n, r, p), expected)


def needs_rehash(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (N, R, P)


def temporary_password() -> str:
    """A random password an administrator hands over; its owner must change it at the first sign-in."""
    return "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(TEMPORARY_LENGTH))
