"""Encrypted files for copies that leave the PC: a backup on a USB stick, a person's copy of their data.

Luật Bảo vệ dữ liệu cá nhân 2025 (in force 1 January 2026, docs/DOMAIN.md §7) asks for protection measures fitting the
data; a plain SQLite file found on a lost stick gives every applicant's name, ID number, address and phone. So a
copy written outside the data folder is encrypted with AES-256-GCM (NIST SP 800-38D), streamed in chunks so the
1.7 GB database of a large office never sits in memory.

The format (version :data:`FORMAT`) is a text line that says what the file is, then a length-prefixed JSON header,
then the chunks. Each chunk of :data:`CHUNK` bytes is sealed on its own, with a nonce built from its index and
associated data that binds the header's digest, the index and a "last chunk" flag (the STREAM construction of
Hoang, Reyhanitabar, Rogaway and Vizár, "Online authenticated-encryption and its nonce-reuse misuse-resistance",
CRYPTO 2015): a flipped byte, chunks swapped or a file cut short, even at a chunk boundary, are all refused.

Two ways to get the file key:

* ``office-key`` (backups): the office has an X25519 key pair (RFC 7748). Its private half is sealed by the office's
  passphrase (scrypt, RFC 7914, then AES-GCM) and kept in the settings with the public half; the passphrase itself
  is never stored. A backup is encrypted to the public key (an ephemeral key pair, then HKDF-SHA256, RFC 5869), so
  the daily or scheduled copy needs no passphrase; opening it needs the passphrase, which unseals the private half
  carried in the file's header (sealed, so useless without the passphrase): a new PC restores a stick's copy
  without anything else. After the office changes its passphrase, an older copy opens with the new one where the
  office's settings are at hand, and with the passphrase of its day anywhere else.
* ``passphrase`` (a person's copy): the key comes from a passphrase given at the export, by scrypt.

Losing the passphrase loses every encrypted copy: nobody, the program's authors included, can open them.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from isodesk.domain.lockout import normalise_password
from isodesk.errors import UserError
from isodesk.i18n import _

#: The first line of every encrypted file: says what it is to someone who opens it in a text editor.
MAGIC = b"isodesk encrypted file (AES-256-GCM); open it with isodesk\n"
FORMAT = 1
#: Bytes of plain text per sealed chunk: 1 MiB keeps memory flat and costs 16 bytes of tag per MiB.
CHUNK = 1 << 20
TAG = 16
#: scrypt for a passphrase that protects copies for years, outside the office: N = 2^16, r = 8, p = 1 (64 MiB,
#: about 0.2 s here), four times the window's password cost; asked once per restore or opening.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
MIN_PASSPHRASE = 10
MAX_HEADER = 64 * 1024
KIND_BACKUP = "backup"
KIND_PERSONAL_DATA = "personal-data"
SUFFIX = ".isodesk-enc"

Progress = Callable[[int, int], None]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def checked_passphrase(passphrase: str) -> str:
    text = normalise_password(passphrase)
    if len(text.strip()) < MIN_PASSPHRASE:
        raise UserError(
            _("The passphrase is too short: use at least {n} characters, for example four unrelated words.").format(
                n=MIN_PASSPHRASE
            )
        )
    return text


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(normalise_password(passphrase).encode("utf-8"))


# -- the office's key pair ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OfficeKey:
    """The public half and the sealed private half, as stored in the settings (both safe to copy)."""

    public: bytes
    sealed: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"public": _b64(self.public), "sealed": self.sealed}

    @classmethod
    def from_json(cls, data: Any) -> OfficeKey:
        return cls(_unb64(data["public"]), dict(data["sealed"]))

    @property
    def fingerprint(self) -> str:
        """A short name of the key, printed on the recovery sheet and in each file's header."""
        digest = hashlib.sha256(self.public).hexdigest()[:20].upper()
        return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def _seal_private(private: X25519PrivateKey, public: bytes, passphrase: str) -> dict[str, Any]:
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(kek).encrypt(nonce, raw, b"isodesk office key 1" + public)
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt), "nonce": _b64(nonce),
            "key": _b64(sealed)}  # fmt: skip


def new_office_key(passphrase: str) -> OfficeKey:
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return OfficeKey(public, _seal_private(private, public, checked_passphrase(passphrase)))


def wrong_passphrase() -> UserError:
    return UserError(
        _(
            "The passphrase is wrong, or the file was encrypted by another office. Nothing was changed. "
            "Type the passphrase the office set (see its recovery sheet)."
        )
    )


def unseal(key: OfficeKey, passphrase: str) -> X25519PrivateKey:
    """The private half, if ``passphrase`` is the one it was sealed with."""
    s = key.sealed
    try:
        kek = _scrypt(passphrase, _unb64(s["salt"]), int(s["n"]), int(s["r"]), int(s["p"]))
        raw = AESGCM(kek).decrypt(_unb64(s["nonce"]), _unb64(s["key"]), b"isodesk office key 1" + key.public)
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise wrong_passphrase() from exc
    return X25519PrivateKey.from_private_bytes(raw)


def reseal(key: OfficeKey, old: str, new: str) -> OfficeKey:
    """The same key pair sealed by a new passphrase: copies already made open with the new one too."""
    private = unseal(key, old)
    return OfficeKey(key.public, _seal_private(private, key.public, checked_passphrase(new)))


def _file_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=b"isodesk file key 1").derive(
        shared
    )


# -- the file -------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Header:
    """What an encrypted file says about itself before anyone types a passphrase."""

    kind: str
    unit_code: str
    created: str
    key: dict[str, Any]
    raw: bytes  # the header as written: its digest is bound to every chunk

    @property
    def created_at(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.created)
        except ValueError:
            return None


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def not_readable(path: Path) -> UserError:
    return UserError(
        _("{path} is damaged or was changed after it was encrypted; it cannot be opened. Nothing was changed.").format(
            path=path
        )
    )


def _parse_header(f: BinaryIO, path: Path) -> Header:
    if f.read(len(MAGIC)) != MAGIC:
        raise UserError(_("{path} is not a file encrypted by isodesk.").format(path=path))
    size_bytes = f.read(4)
    if len(size_bytes) != 4:
        raise not_readable(path)
    (size,) = struct.unpack(">I", size_bytes)
    if size > MAX_HEADER:
        raise not_readable(path)
    raw = f.read(size)
    try:
        data = json.loads(raw.decode("utf-8"))
        version = int(data["format"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise not_readable(path) from exc
    if version > FORMAT:
        raise UserError(
            _(
                "{path} was encrypted by a newer version of isodesk (format {n}); install that version to open it."
            ).format(path=path, n=version)
        )
    try:
        return Header(str(data["kind"]), str(data.get("unit") or ""), str(data["created"]), dict(data["key"]), raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise not_readable(path) from exc


def header_of(path: Path) -> Header:
    with open(path, "rb") as f:
        return _parse_header(f, path)


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _aad(digest: bytes, index: int, final: bool) -> bytes:
    return digest + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def _blocks(f: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """The file's blocks of ``size`` bytes, each with whether it is the last (read one ahead)."""
    current = f.read(size)
    while True:
        following = f.read(size) if len(current) == size else b""
        yield current, not following
        if not following:
            return
        current = following


def _write_sealed(source: BinaryIO, dest: BinaryIO, header: dict[str, Any], key: bytes, total: int,
                  progress: Progress | None) -> None:  # fmt: skip
    raw = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    dest.write(MAGIC + struct.pack(">I", len(raw)) + raw)
    digest = hashlib.sha256(MAGIC + raw).digest()
    aead = AESGCM(key)
    done = 0
    for index, (block, final) in enumerate(_blocks(source, CHUNK)):
        dest.write(aead.encrypt(_nonce(index), block, _aad(digest, index, final)))
        done += len(block)
        if progress:
            progress(done, total)


def _header(kind: str, unit_code: str, key: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "kind": kind,
        "unit": unit_code,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "cipher": "AES-256-GCM",
        "chunk": CHUNK,
        "key": key,
    }


def _finish(partial: Path, dest: Path) -> None:
    from isodesk.db.backup import fsync_dir

    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(partial, dest)
    fsync_dir(dest.parent)


def _sealed_write(source: Path | bytes, dest: Path, header: dict[str, Any], key: bytes,
                  progress: Progress | None) -> None:  # fmt: skip
    """Write ``dest`` whole or not at all (a ``.partial`` beside it until it is complete and flushed)."""
    partial = dest.with_name(dest.name + ".partial")
    try:
        with io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb") as src, open(partial, "wb") as out:
            total = len(source) if isinstance(source, bytes) else source.stat().st_size
            _write_sealed(src, out, header, key, total, progress)
        _finish(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def encrypt_for_office(source: Path, dest: Path, office: OfficeKey, *, kind: str, unit_code: str,
                       progress: Progress | None = None) -> None:  # fmt: skip
    """Encrypt ``source`` to the office's public key: no passphrase needed (scheduled copies)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(office.public))
    key_info = {
        "method": "office-key",
        "ephemeral": _b64(ephemeral_public),
        "recipient": _b64(office.public),
        "fingerprint": office.fingerprint,
        "sealed": office.sealed,
    }
    _sealed_write(source, dest, _header(kind, unit_code, key_info), _file_key(shared, ephemeral_public, office.public),
                  progress)  # fmt: skip


def encrypt_with_passphrase(source: Path | bytes, dest: Path, passphrase: str, *, kind: str, unit_code: str) -> None:
    """Encrypt ``source`` (a file, or data already in memory such as a person's JSON or CSV: never written in the
    clear) with a key derived from ``passphrase``, which the person is told apart from the file."""
    salt = os.urandom(16)
    key = _scrypt(checked_passphrase(passphrase), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    key_info = {"method": "passphrase", "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                "salt": _b64(salt)}  # fmt: skip
    _sealed_write(source, dest, _header(kind, unit_code, key_info), key, None)


def _key_for(header: Header, passphrase: str, office: OfficeKey | None = None) -> bytes:
    """The file's key. A backup's private half is unsealed from the file's own header (the passphrase in force when
    it was made) or, when the file was made for ``office``'s key, from the office's current seal (the passphrase
    after a change)."""
    info = header.key
    try:
        method = info["method"]
        if method == "office-key":
            recipient = OfficeKey(_unb64(info["recipient"]), dict(info["sealed"]))
            try:
                private = unseal(recipient, passphrase)
            except UserError:
                if office is None or office.public != recipient.public:
                    raise
                private = unseal(office, passphrase)
            ephemeral = _unb64(info["ephemeral"])
            return _file_key(
                private.exchange(X25519PublicKey.from_public_bytes(ephemeral)), ephemeral, recipient.public
            )
        if method == "passphrase":
            return _scrypt(passphrase, _unb64(info["salt"]), int(info["n"]), int(info["r"]), int(info["p"]))
    except (KeyError, ValueError, TypeError) as exc:
        raise wrong_passphrase() from exc
    raise wrong_passphrase()


def decrypt_to(
    source: Path, dest: Path, passphrase: str, *, progress: Progress | None = None, office: OfficeKey | None = None
) -> Header:
    """Decrypt ``source`` into ``dest`` (a new file, removed again unless every chunk checked out). ``office``: the
    office's current key, so a backup made before the passphrase was changed opens with the new one."""
    try:
        with open(source, "rb") as f, open(dest, "wb") as out:
            header = _parse_header(f, source)
            key = _key_for(header, passphrase, office)
            aead = AESGCM(key)
            digest = hashlib.sha256(MAGIC + header.raw).digest()
            total = source.stat().st_size
            for index, (block, final) in enumerate(_blocks(f, CHUNK + TAG)):
                if len(block) < TAG:
                    raise not_readable(source)
                try:
                    out.write(aead.decrypt(_nonce(index), block, _aad(digest, index, final)))
                except InvalidTag as exc:
                    if index == 0:  # a wrong key fails on the first chunk; an edit fails there too, rarely
                        raise _first_chunk_failed(source, header, passphrase) from exc
                    raise not_readable(source) from exc
                if progress:
                    progress(f.tell(), total)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return header


def _first_chunk_failed(source: Path, header: Header, passphrase: str) -> UserError:
    """A key made from the passphrase fits, yet the first chunk fails: the file was edited, not mistyped."""
    if header.key.get("method") == "office-key":
        return not_readable(source)  # the passphrase unsealed the key (else refused earlier): the file is at fault
    return UserError(
        _("The passphrase is wrong, or {path} was changed after it was encrypted. Nothing was changed.").format(
            path=source
        )
    )


def decrypt_bytes(source: Path, passphrase: str, office: OfficeKey | None = None) -> bytes:
    """A small encrypted file (a person's copy) decrypted in memory."""
    with open(source, "rb") as f:
        header = _parse_header(f, source)
        aead = AESGCM(_key_for(header, passphrase, office))
        digest = hashlib.sha256(MAGIC + header.raw).digest()
        out = bytearray()
        for index, (block, final) in enumerate(_blocks(f, CHUNK + TAG)):
            if len(block) < TAG:
                raise not_readable(source)
            try:
                out += aead.decrypt(_nonce(index), block, _aad(digest, index, final))
            except InvalidTag as exc:
                raise (_first_chunk_failed(source, header, passphrase) if index == 0 else not_readable(source)) from exc
    return bytes(out)
