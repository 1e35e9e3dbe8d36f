"""The package reader refuses every damaged or forged package with one PackageError, a stable code and a Vietnamese
reason, and hands back only a package whose every check passed."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from isodesk.sync import signing
from isodesk.sync.format import FORMAT_VERSION, MANIFEST, SIGNATURE, Manifest, kind_of, member_name
from isodesk.sync.package import Limits, PackageError, build_package, read_package, write_package
from tests.sync.conftest import DATA, KEY, OTHER_KEY, header, jsonl, record

SCHEMA = "0008"


def read(body: bytes, key: signing.PrivateKey | None = KEY, **kw: object) -> object:
    return read_package(body, key.public_key() if key else None, schema_version=SCHEMA, **kw)  # type: ignore[arg-type]


def refused(body: bytes, code: str | tuple[str, ...], **kw: object) -> PackageError:
    with pytest.raises(PackageError) as caught:
        read(body, **kw)
    codes = (code,) if isinstance(code, str) else code
    assert caught.value.code in codes, caught.value.code
    assert caught.value.reason and caught.value.reason.isascii() is False  # Vietnamese, with its letters
    return caught.value


def members_of(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(members: dict[str, bytes]) -> bytes:
    """The members in a new zip as any zip tool would write it (not the package's own layout)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_package_reads_back_whole(package_bytes: bytes) -> None:
    package = read(package_bytes)
    assert package.manifest.unit_name == "Phường Mỹ Tho"  # type: ignore[attr-defined]
    assert package.manifest.counts == {"audit_findings": 2, "dossiers": 20, "qms_policies": 1}  # type: ignore[attr-defined]
    assert package.records("qms_policies")[0]["text"] == "Chính sách chất lượng: phục vụ nhân dân"  # type: ignore[attr-defined]
    assert package.sha256 == hashlib.sha256(package_bytes).hexdigest()  # type: ignore[attr-defined]
    assert read(package_bytes, key=None).manifest == package.manifest  # type: ignore[attr-defined]


def test_the_same_content_is_the_same_bytes() -> None:
    assert build_package(KEY, header(), DATA)[0] == build_package(KEY, header(), DATA)[0]


def test_the_manifest_is_canonical_json_with_every_member() -> None:
    body, manifest = build_package(KEY, header(), DATA)
    raw = members_of(body)[MANIFEST]
    assert raw == manifest.to_bytes() and Manifest.from_bytes(raw) == manifest
    assert set(manifest.members) == {member_name(k) for k in DATA}
    for name, member in manifest.members.items():
        assert member.sha256 == hashlib.sha256(DATA[kind_of(name) or ""]).hexdigest()
    assert signing.verify(KEY.public_key(), members_of(body)[SIGNATURE], raw)


def test_a_flipped_byte_anywhere_is_refused(package_bytes: bytes) -> None:
    for i in range(len(package_bytes)):
        for bit in (0x01, 0x80):
            damaged = bytearray(package_bytes)
            damaged[i] ^= bit
            with pytest.raises(PackageError):
                read(bytes(damaged))


def test_a_member_added_removed_or_renamed_is_refused(package_bytes: bytes) -> None:
    members = members_of(package_bytes)
    refused(rezip({**members, "data/extra.jsonl": jsonl(record(99))}), ("members", "damaged"))
    refused(rezip({n: d for n, d in members.items() if n != "data/dossiers.jsonl"}), ("members", "damaged"))
    renamed = {("data/dossier.jsonl" if n == "data/dossiers.jsonl" else n): d for n, d in members.items()}
    refused(rezip(renamed), ("members", "damaged"))
    refused(rezip({n: d for n, d in members.items() if n != SIGNATURE}), ("members", "damaged"))
    refused(rezip({**members, "README.txt": b"hello"}), "members")


def test_a_member_added_to_a_resigned_manifest_is_still_refused_without_its_data(package_bytes: bytes) -> None:
    """Members and manifest must agree both ways, even when the manifest is signed."""
    body, _manifest = build_package(KEY, header(), {**DATA, "extra": jsonl(record(99))})
    members = members_of(body)
    without = {n: d for n, d in members.items() if n != "data/extra.jsonl"}
    refused(rezip(without), ("members", "damaged"))


def test_an_edited_manifest_is_refused(package_bytes: bytes) -> None:
    members = members_of(package_bytes)
    edited = members[MANIFEST].replace(b'"sequence":1', b'"sequence":2')
    assert edited != members[MANIFEST] and len(edited) == len(members[MANIFEST])
    refused(rezip({**members, MANIFEST: edited}), ("signature", "damaged"))
    # in the package's own layout, its checksum in the zip made right: the signature is what catches it
    body = _patch_fields(package_bytes.replace(members[MANIFEST], edited), MANIFEST, 14, 16, zlib.crc32(edited))
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        assert zf.read(MANIFEST) == edited
    refused(body, "signature")
    refused(body, "signature", key=None)


def test_a_signature_from_another_key_is_refused() -> None:
    forged, _manifest = build_package(OTHER_KEY, header(), DATA)
    error = refused(forged, "signature")
    assert "khóa" in error.reason
    read(forged, key=OTHER_KEY)  # whole, only not the unit's


def test_a_signature_that_does_not_match_its_embedded_key_is_refused() -> None:
    body, _manifest = build_package(KEY, header(), DATA)
    other, _m = build_package(OTHER_KEY, header(), DATA)
    swapped = body.replace(members_of(body)[SIGNATURE], members_of(other)[SIGNATURE])
    refused(swapped, ("signature", "damaged"), key=None)


def test_a_future_format_or_schema_version_is_refused() -> None:
    error = refused(build_package(KEY, header(format_version=FORMAT_VERSION + 1), DATA)[0], "format_version")
    assert str(FORMAT_VERSION + 1) in error.reason and "isodesk" in error.reason
    error = refused(build_package(KEY, header(schema_version="0099"), DATA)[0], "schema_version")
    assert "0099" in error.reason
    read(build_package(KEY, header(schema_version="0007"), DATA)[0])  # an older one is read


@pytest.mark.parametrize(
    "name", ["../evil.jsonl", "data/../../evil.jsonl", "/etc/evil.jsonl", "data\\..\\evil.jsonl", "C:/evil.jsonl"]
)
def test_member_paths_that_escape_the_folder_are_refused(package_bytes: bytes, name: str) -> None:
    refused(rezip({**members_of(package_bytes), name: jsonl(record(1))}), "unsafe_path")


def test_a_zip_bomb_is_refused_before_it_is_expanded() -> None:
    bomb = build_package(KEY, header(), {**DATA, "dossiers": b" " * (20 * 1024 * 1024)})[0]
    assert len(bomb) < 200_000
    refused(bomb, "too_large")
    refused(build_package(KEY, header(), DATA)[0], "too_large", limits=Limits(member=100))
    refused(build_package(KEY, header(), DATA)[0], "too_large", limits=Limits(total=1000))
    refused(build_package(KEY, header(), DATA)[0], "too_large", limits=Limits(file=1000))


def _patch_fields(body: bytes, name: str, local: int, central: int, value: int) -> bytes:
    """A 4-byte field of ``name``'s local header (at offset ``local``) and central entry (``central``) set."""
    out = bytearray(body)
    encoded = name.encode()
    for signature, offset, name_offset in ((b"PK\x03\x04", local, 30), (b"PK\x01\x02", central, 46)):
        start = 0
        while (at := out.find(signature, start)) >= 0:
            if out[at + name_offset : at + name_offset + len(encoded)] == encoded:
                struct.pack_into("<I", out, at + offset, value)
            start = at + 4
    return bytes(out)


def _patch_sizes(body: bytes, name: str, size: int) -> bytes:
    """The zip's own declared uncompressed size of ``name`` set to ``size``."""
    return _patch_fields(body, name, 22, 24, size)


def test_a_member_larger_than_declared_is_refused(package_bytes: bytes) -> None:
    name = "data/dossiers.jsonl"
    smaller = _patch_sizes(package_bytes, name, len(DATA["dossiers"]) - 10)
    refused(smaller, ("size", "damaged"))
    # a zip of another tool declaring the member smaller than it expands to
    members = members_of(package_bytes)
    refused(_patch_sizes(rezip(members), name, 10), ("size", "damaged"))


def test_a_truncated_file_is_refused(package_bytes: bytes) -> None:
    for cut in (10, 100, len(package_bytes) // 2, len(package_bytes) - 1):
        refused(package_bytes[:cut], ("damaged", "not_zip"))


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    refused(b"", "not_zip")
    refused("Không phải gói đồng bộ".encode(), "not_zip")
    refused(b"%PDF-1.7\n", "not_zip")
    path = tmp_path / "gói giả.isosync"
    path.write_bytes(b"hello")
    with pytest.raises(PackageError) as caught:
        read_package(path, KEY.public_key(), schema_version=SCHEMA)
    assert caught.value.code == "not_zip"
    with pytest.raises(PackageError) as caught:
        read_package(tmp_path / "không có.isosync", schema_version=SCHEMA)
    assert caught.value.code == "unreadable"


def test_records_without_their_sync_fields_are_refused() -> None:
    refused(build_package(KEY, header(), {"staff": b'{"name": "A"}\n'})[0], "records")
    refused(build_package(KEY, header(), {"staff": b"not json\n"})[0], "records")


def test_written_atomically_in_a_vietnamese_folder_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "Gói gửi tỉnh Đồng Tháp"
    folder.mkdir()
    path = folder / "gói số 1.isosync"
    written = write_package(path, KEY, header(), DATA)
    assert read_package(path, KEY.public_key(), schema_version=SCHEMA).sha256 == written.sha256
    assert os.listdir(folder) == ["gói số 1.isosync"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gói.isosync"
    path.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("isodesk.sync.package.os.replace", fail)
    with pytest.raises(OSError):
        write_package(path, KEY, header(), DATA)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["gói.isosync"]


def test_the_fingerprint_is_grouped_hex_of_the_raw_public_key() -> None:
    raw = signing.public_raw(KEY)
    found = signing.fingerprint(KEY)
    assert found.replace(" ", "") == hashlib.sha256(raw).hexdigest().upper()
    assert [len(g) for g in found.split(" ")] == [4] * 16
    assert signing.fingerprint(KEY.public_key()) == signing.fingerprint(raw) == found


def test_a_key_saved_and_loaded_as_pem_or_raw(tmp_path: Path) -> None:
    path = tmp_path / "khóa đơn vị.pem"
    signing.save_key(KEY, path)
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert signing.fingerprint(signing.load_key(path)) == signing.fingerprint(KEY)
    with pytest.raises(ValueError):
        signing.key_from_bytes(b"not a key")


def test_records_read_one_by_one_are_the_records_read_whole() -> None:
    padded = jsonl(record(1, text="Hồ sơ"), record(2)).replace(b"\n", b" \n", 1) + b'  {"uuid": "u", "unit_code": '
    padded += b'"28261", "updated_at": "", "change_seq": 3}\t\n'
    package = read_package(build_package(KEY, header(), {"staff": padded})[0], KEY.public_key(), schema_version=SCHEMA,
                           records=False)  # fmt: skip
    assert list(package.iter_records("staff")) == package.records("staff")
    assert [r["change_seq"] for r in package.iter_records("staff")] == [1, 2, 3]
    assert list(package.iter_records("none")) == []


@pytest.mark.parametrize(
    "member",
    [
        b'{"uuid": "a", "unit_code": "28261",\n"updated_at": "", "change_seq": 1}\n',  # one record over two lines
        jsonl(record(1)).rstrip(b"\n") + b" " + jsonl(record(2)) + jsonl(record(3)),  # two records on one line
        jsonl(record(1)) + b"\n" + jsonl(record(2)),  # an empty line
        jsonl(record(1)) + b"[1]\n",  # not a record
        jsonl(record(1)) + b'{"uuid": "b"}\n',  # without its sync fields
    ],
)
def test_a_line_that_is_not_one_record_is_refused_as_it_is_applied(member: bytes) -> None:
    package = read_package(build_package(KEY, header(), {"staff": member})[0], KEY.public_key(), schema_version=SCHEMA,
                           records=False)  # fmt: skip
    with pytest.raises(PackageError) as caught:
        list(package.iter_records("staff"))
    assert caught.value.code == "records"
