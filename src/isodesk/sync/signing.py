"""The unit's Ed25519 key: made once, kept in the data folder, signing every package's manifest.

The province trusts a package because its manifest is signed by the key whose fingerprint the unit sent on its
enrolment sheet. The fingerprint is the SHA-256 of the raw 32-byte public key, in groups of four hex digits, so it
can be read aloud and compared on paper.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PrivateKey = Ed25519PrivateKey
PublicKey = Ed25519PublicKey


def generate_key() -> PrivateKey:
    return Ed25519PrivateKey.generate()


def key_to_pem(key: PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def key_from_bytes(data: bytes) -> PrivateKey:
    """A private key from PEM (PKCS#8) or the raw 32 bytes; ``ValueError`` when it is neither."""
    if len(data) == 32:
        return Ed25519PrivateKey.from_private_bytes(data)
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 key")
    return key


def save_key(key: PrivateKey, path: Path) -> None:
    """Write the key as PEM, readable by its owner only where the system allows it."""
    path.write_bytes(key_to_pem(key))
    with contextlib.suppress(OSError):  # a file system without permissions (FAT on a USB stick)
        path.chmod(0o600)


def load_key(path: Path) -> PrivateKey:
    return key_from_bytes(path.read_bytes())


def public_raw(key: PrivateKey | PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_from_raw(data: bytes) -> PublicKey:
    """The public key of 32 raw bytes; ``ValueError`` otherwise."""
    return Ed25519PublicKey.from_public_bytes(data)


def fingerprint(key: PrivateKey | PublicKey | bytes) -> str:
    """SHA-256 of the raw public key, upper-case hex in groups of four: ``"1A2B 3C4D …"`` (16 groups)."""
    raw = key if isinstance(key, bytes) else public_raw(key)
    digest = hashlib.sha256(raw).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def sign(key: PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(public: PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True
