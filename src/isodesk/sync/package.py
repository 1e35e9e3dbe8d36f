"""Writing a sync package whole or not at all, and reading one back only once every check has passed.

A package comes from a USB stick or an e-mail attachment and may be damaged or forged, so the reader trusts nothing
before it is checked, in this order: that the file is a zip; that its member names are exactly the manifest, its
signature and data members named ``data/<kind>.jsonl`` (no path can leave a folder it is extracted to); that the
sizes the zip declares stay under the caps before anything is decompressed; the manifest's format version; the
signature of the manifest against the unit's public key (given, or else the one the manifest carries); the schema
version; and then every data member: its declared size (read no further than that), its SHA-256 and its record
count. Whatever fails raises one :class:`PackageError` with a stable ``code`` and a reason in the user's language;
nothing else leaves :func:`read_package`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from isodesk.db.migrate import HEAD_REVISION
from isodesk.i18n import N_, _
from isodesk.sync import signing
from isodesk.sync.format import (
    FORMAT_VERSION,
    MANIFEST,
    RECORD_FIELDS,
    SIGNATURE,
    Manifest,
    Member,
    kind_of,
    member_name,
)

#: Why a package is refused: its stable code and the reason shown (an English msgid, translated when raised).
REASONS = {
    "not_zip": N_("The file is not a sync package (it is not a zip file)."),
    "unreadable": N_("The file cannot be read: it is missing, or the folder cannot be opened."),
    "damaged": N_("The sync package is damaged or incomplete (perhaps cut short while copying)."),
    "members": N_("The sync package's contents do not match its manifest (a part was added, removed or renamed)."),
    "unsafe_path": N_("The sync package holds a part whose name points outside its folder; it is refused."),
    "too_large": N_("The sync package is larger than allowed or expands to far more than it declares."),
    "size": N_("A part of the sync package is not the size its manifest declares."),
    "manifest": N_("The sync package's manifest cannot be read or has been edited."),
    "signature": N_("The sync package is not signed by the unit's key: it was changed or made by someone else."),
    "format_version": N_(
        "The sync package was made by a newer version of isodesk (format {found}); update isodesk to read it."
    ),
    "schema_version": N_(
        "The sync package was made by a newer version of isodesk (data version {found}); update isodesk to read it."
    ),
    "hash": N_("A part of the sync package does not match its checksum: the file was changed or damaged."),
    "records": N_("A part of the sync package holds records that cannot be read."),
}


class PackageError(Exception):
    """A package refused: ``code`` is stable (for scripts and tests), ``reason`` is in the user's language."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        self.reason = _(REASONS[code]).format(**values)
        super().__init__(self.reason)

    def __reduce__(self) -> tuple[Any, ...]:
        """Made again where it is unpickled (a package read by a worker process), its reason in that language."""
        return (_package_error, (self.code, self.values))


def _package_error(code: str, values: dict[str, object]) -> PackageError:
    return PackageError(code, **values)


@dataclass(frozen=True)
class Limits:
    """Caps checked on the sizes a zip declares, before anything is decompressed."""

    file: int = 256 * 1024 * 1024  # the package file itself
    member: int = 512 * 1024 * 1024  # one member, decompressed
    total: int = 1024 * 1024 * 1024  # all members, decompressed
    manifest: int = 4 * 1024 * 1024
    ratio: int = 200  # decompressed / compressed, for members over ``ratio_from`` bytes
    ratio_from: int = 1024 * 1024


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    manifest: Manifest


@dataclass(frozen=True)
class Package:
    """A package whose every check passed."""

    manifest: Manifest
    sha256: str  # of the whole file: the next package names it as ``previous_sha256``
    data: Mapping[str, bytes]  # kind -> the member's bytes

    def records(self, kind: str) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.data.get(kind, b"").splitlines()]

    def iter_records(self, kind: str) -> Iterator[dict[str, Any]]:
        """The records of ``kind`` one at a time (no list of them all is built), each checked as the reader checks
        them: :class:`PackageError` ``records`` for one that is not a record (a package read with
        ``records=False`` is checked here, as it is applied)."""
        decode, scan, find = _DECODER.decode, _SCAN, str.find
        try:
            text = self.data.get(kind, b"").decode("utf-8", "strict")
        except ValueError as exc:
            raise PackageError("records") from exc
        pos = 0
        # Records end in a newline; nothing else ends a line (a string holds none). Each line is read where it lies
        # in the text, with no copy of it: a record that is the whole of its line is taken as it is; any other line
        # (with spaces around its record, say) is read alone, as a JSON document of its own.
        while (end := find(text, "\n", pos)) >= 0:
            try:
                try:
                    record, stop = scan(text, pos)
                except StopIteration:
                    stop = -1
                if stop != end:
                    record = decode(text[pos:end])
            except ValueError as exc:
                raise PackageError("records") from exc
            if not isinstance(record, dict) or not record.keys() >= _REQUIRED:
                raise PackageError("records")
            yield record
            pos = end + 1


_DECODER = json.JSONDecoder()
#: The decoder's scanner: the value that starts at a place in a text and the place it ends (what ``decode`` calls).
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]
_REQUIRED = frozenset(RECORD_FIELDS)

# Every member has the same fixed header fields, so that a package is the same bytes whatever the PC's clock, zone
# and system, and the reader can require exactly these: no byte of the file goes unchecked.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1
_DOS_TIME = 0
_ZIP_VERSION = 20
_UNIX = 3
_ATTRIBUTES = 0o100644 << 16
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sBBBBHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")


def _info(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = method
    info.create_system = _UNIX
    info.create_version = info.extract_version = _ZIP_VERSION
    info.external_attr = _ATTRIBUTES
    return info


def build_package(key: signing.PrivateKey, header: Manifest, data: Mapping[str, bytes]) -> tuple[bytes, Manifest]:
    """The bytes of a package: the data members (compressed), then ``header`` completed with the members and the
    signer's public key, and its signature (both stored as they are, so the signed bytes are the file's bytes)."""
    buf = io.BytesIO()
    members: dict[str, Member] = {}
    with zipfile.ZipFile(buf, "w", compresslevel=6) as zf:
        for kind, body in sorted(data.items()):
            name = member_name(kind)
            zf.writestr(_info(name, zipfile.ZIP_DEFLATED), body)
            info = zf.getinfo(name)
            start = info.header_offset + _LOCAL.size + len(name)
            packed = buf.getbuffer()[start : start + info.compress_size]
            members[name] = Member(
                hashlib.sha256(body).hexdigest(), len(body), _count_lines(body), hashlib.sha256(packed).hexdigest()
            )
            packed.release()
        manifest = replace(header, members=members, public_key=signing.public_raw(key).hex())
        manifest_bytes = manifest.to_bytes()
        zf.writestr(_info(MANIFEST, zipfile.ZIP_STORED), manifest_bytes)
        zf.writestr(_info(SIGNATURE, zipfile.ZIP_STORED), signing.sign(key, manifest_bytes))
    return buf.getvalue(), manifest


def write_package(path: Path, key: signing.PrivateKey, header: Manifest, data: Mapping[str, bytes]) -> Written:
    """Write a package to ``path`` atomically: a temporary file in the same folder, then renamed over ``path``.
    ``OSError`` when the folder cannot take it (nothing is then left behind)."""
    body, manifest = build_package(key, header, data)
    fd, tmp = tempfile.mkstemp(prefix=".isodesk-", suffix=".isosync.partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Written(path, hashlib.sha256(body).hexdigest(), manifest)


def _count_lines(body: bytes) -> int:
    return body.count(b"\n") + (1 if body and not body.endswith(b"\n") else 0)


# What a damaged or hostile zip may raise from the standard library while it is read.
_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    RuntimeError,
    NotImplementedError,
    struct.error,
    OverflowError,
)


def read_package(
    source: Path | bytes,
    public_key: signing.PublicKey | None = None,
    *,
    schema_version: str = HEAD_REVISION,
    limits: Limits = Limits(),
    records: bool = True,
) -> Package:
    """Read and verify a package (a file or its bytes): the package, or :class:`PackageError`, nothing else.

    With ``public_key`` (the key the province enrolled for the unit) the manifest must be signed by it; without,
    by the key the manifest carries (which proves only that the package is whole). With ``records=False`` every
    check is made but the reading of each record, which is left to :meth:`Package.iter_records` (an import reads
    them once, as it applies them in a transaction that a bad record rolls back)."""
    try:
        if isinstance(source, bytes):
            body = source
            if len(body) > limits.file:
                raise PackageError("too_large")
        else:
            with open(source, "rb") as fh:
                body = fh.read(limits.file + 1)
            if len(body) > limits.file:
                raise PackageError("too_large")
        return _verify(body, public_key, schema_version, limits, records)
    except PackageError:
        raise
    except _READ_ERRORS as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            raise PackageError("unreadable") from exc
        raise PackageError("damaged") from exc


def _verify(
    body: bytes, public_key: signing.PublicKey | None, schema_version: str, limits: Limits, records: bool
) -> Package:
    if not body.startswith(b"PK\x03\x04"):
        raise PackageError("not_zip")
    try:
        zf = zipfile.ZipFile(io.BytesIO(body))
    except zipfile.BadZipFile as exc:
        raise PackageError("damaged") from exc
    with zf:
        infos = _check_names(zf.infolist(), limits)
        packed = _check_layout(body, infos)
        if MANIFEST not in infos or SIGNATURE not in infos:
            raise PackageError("members")
        if infos[MANIFEST].file_size > limits.manifest:
            raise PackageError("too_large")
        manifest_bytes = _read_member(zf, infos[MANIFEST], infos[MANIFEST].file_size)
        signature = _read_member(zf, infos[SIGNATURE], 64)
        manifest = _manifest(manifest_bytes)
        _check_signature(manifest, manifest_bytes, signature, public_key)
        if _revision(manifest.schema_version) > _revision(schema_version):
            raise PackageError("schema_version", found=manifest.schema_version)
        data_names = {name for name in infos if name not in (MANIFEST, SIGNATURE)}
        if data_names != set(manifest.members):
            raise PackageError("members")
        data: dict[str, bytes] = {}
        for name in sorted(data_names):
            declared = manifest.members[name]
            if infos[name].file_size != declared.size:
                raise PackageError("size")
            if hashlib.sha256(packed[name]).hexdigest() != declared.packed_sha256:
                raise PackageError("hash")
            member = _read_member(zf, infos[name], declared.size)
            if hashlib.sha256(member).hexdigest() != declared.sha256:
                raise PackageError("hash")
            _check_records(member, declared.records, parse=records)
            data[kind_of(name) or name] = member
    return Package(manifest, hashlib.sha256(body).hexdigest(), data)


def _check_names(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Member names must be exactly the ones a package has; declared sizes stay under the caps."""
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe(name) or _unsafe(info.orig_filename):
            raise PackageError("unsafe_path")
        if name in found or not (name in (MANIFEST, SIGNATURE) or kind_of(name)) or info.is_dir():
            raise PackageError("members")
        if info.flag_bits & 0x1:  # encrypted: a package never is
            raise PackageError("damaged")
        if info.file_size > limits.member or info.file_size < 0:
            raise PackageError("too_large")
        if info.file_size > limits.ratio_from and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise PackageError("too_large")
        total += info.file_size
        found[name] = info
    if total > limits.total:
        raise PackageError("too_large")
    return found


def _check_layout(body: bytes, infos: dict[str, zipfile.ZipInfo]) -> dict[str, bytes]:
    """Every byte of the file where a package has it: local headers with the fixed fields and the same values as
    the central directory, members back to back from the start, the central directory right after them, its end
    record last with no comment. Returns each member's compressed bytes (the manifest and its signature are
    stored as they are)."""
    pos = 0
    packed: dict[str, bytes] = {}
    entries = sorted(infos.values(), key=lambda i: i.header_offset)
    for info in entries:
        name = info.filename.encode("ascii")
        stored = info.filename in (MANIFEST, SIGNATURE)
        method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        local = _LOCAL.unpack_from(body, pos)
        expected = (b"PK\x03\x04", _ZIP_VERSION, 0, method, _DOS_TIME, _DOS_DATE, info.CRC, info.compress_size,
                    info.file_size, len(name), 0)  # fmt: skip
        start = pos + _LOCAL.size + len(name)
        if info.header_offset != pos or local != expected or body[pos + _LOCAL.size : start] != name:
            raise PackageError("damaged")
        packed[info.filename] = body[start : start + info.compress_size]
        pos = start + info.compress_size
    directory = pos
    for info in entries:
        name = info.filename.encode("ascii")
        central = _CENTRAL.unpack_from(body, pos)
        local = _LOCAL.unpack_from(body, info.header_offset)
        expected_central = (b"PK\x01\x02", _ZIP_VERSION, _UNIX, _ZIP_VERSION, 0, *local[2:9], len(name), 0, 0, 0,
                            0, _ATTRIBUTES, info.header_offset)  # fmt: skip
        if central != expected_central or body[pos + _CENTRAL.size : pos + _CENTRAL.size + len(name)] != name:
            raise PackageError("damaged")
        pos += _CENTRAL.size + len(name)
    end = (b"PK\x05\x06", 0, 0, len(entries), len(entries), pos - directory, directory, 0)
    if len(body) != pos + _END.size or _END.unpack_from(body, pos) != end:
        raise PackageError("damaged")
    return packed


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or ":" in name
        or any(p in ("..", ".") for p in parts)
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> bytes:
    """At most ``size`` bytes of a member: one more means it is larger than declared (a bomb, or a lie)."""
    with zf.open(info) as fh:
        data = fh.read(size + 1)
    if len(data) != size:
        raise PackageError("size")
    return data


def _manifest(data: bytes) -> Manifest:
    try:
        raw = json.loads(data.decode("utf-8"))
        version = raw.get("format_version") if isinstance(raw, dict) else None
    except ValueError as exc:
        raise PackageError("manifest") from exc
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise PackageError("format_version", found=version)
    try:
        manifest = Manifest.from_bytes(data)
    except ValueError as exc:
        raise PackageError("manifest") from exc
    if manifest.format_version != FORMAT_VERSION or manifest.to_bytes() != data:
        raise PackageError("manifest")  # only the canonical form is signed: nothing may be hidden beside it
    return manifest


def _check_signature(manifest: Manifest, data: bytes, signature: bytes, public_key: signing.PublicKey | None) -> None:
    try:
        embedded = signing.public_from_raw(bytes.fromhex(manifest.public_key))
    except ValueError as exc:
        raise PackageError("manifest") from exc
    if public_key is not None and signing.public_raw(public_key) != signing.public_raw(embedded):
        raise PackageError("signature")
    if not signing.verify(public_key or embedded, signature, data):
        raise PackageError("signature")


def _revision(value: str) -> int:
    if not value.isdigit() or len(value) > 9:
        raise PackageError("manifest")
    return int(value)


def _check_records(member: bytes, declared: int, *, parse: bool = True) -> None:
    if (member and not member.endswith(b"\n")) or _count_lines(member) != declared:
        raise PackageError("records")
    if not parse:
        if b"\r" in member or b"\x00" in member:
            raise PackageError("records")
        return
    lines = member.splitlines()
    if len(lines) != declared:
        raise PackageError("records")
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise PackageError("records") from exc
        if not isinstance(record, dict) or any(f not in record for f in RECORD_FIELDS):
            raise PackageError("records")
