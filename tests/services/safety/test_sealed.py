"""Encrypted copies (services.safety.sealed, backup_key): round trip, wrong passphrase, edited and cut files,
another office's copy; nothing is changed by a refusal."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from isodesk.db.paths import backup_dir, database_path
from isodesk.errors import UserError
from isodesk.services.context import AppContext, open_context
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.office.profile import init_office
from isodesk.services.safety import sealed
from isodesk.services.safety.backup_key import (
    backup_out,
    check_passphrase,
    office_key,
    restore_encrypted,
    restore_encrypted_office,
    set_passphrase,
)

PASSPHRASE = "ba con mèo trèo cây cau"
BIRTH = "1.001193"


def _names(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return [r[0] for r in conn.execute("SELECT name FROM applicants ORDER BY id")]
    finally:
        conn.close()


def _state(data_dir: Path) -> tuple[list[str], int]:
    """What a refused restore must leave as it was: the applicants and the count of saved actions."""
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return _names(data_dir), conn.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def keyed(office: AppContext) -> AppContext:
    set_passphrase(office, PASSPHRASE)
    receive_dossier(office, BIRTH, ApplicantInput("Nguyễn Thị Lan", id_number=""))
    return office


def test_chunked_round_trip_at_every_boundary(tmp_path: Path) -> None:
    key = sealed.new_office_key(PASSPHRASE)
    for size in (0, 1, sealed.CHUNK - 1, sealed.CHUNK, sealed.CHUNK + 1, 2 * sealed.CHUNK):
        plain, enc, back = tmp_path / f"p{size}", tmp_path / f"e{size}", tmp_path / f"b{size}"
        plain.write_bytes(os.urandom(size))
        sealed.encrypt_for_office(plain, enc, key, kind=sealed.KIND_BACKUP, unit_code="28261")
        assert enc.read_bytes().startswith(sealed.MAGIC)
        assert size < 64 or plain.read_bytes()[:64] not in enc.read_bytes()
        header = sealed.decrypt_to(enc, back, PASSPHRASE)
        assert back.read_bytes() == plain.read_bytes() and header.unit_code == "28261"
        expected_chunks = max(1, -(-size // sealed.CHUNK))
        assert enc.stat().st_size - len(sealed.MAGIC) - 4 - len(header.raw) == size + sealed.TAG * expected_chunks


def test_wrong_passphrase_flipped_byte_cut_and_swapped_chunks_are_refused(tmp_path: Path) -> None:
    key = sealed.new_office_key(PASSPHRASE)
    plain, enc = tmp_path / "plain", tmp_path / "enc"
    plain.write_bytes(os.urandom(2 * sealed.CHUNK + 100))
    sealed.encrypt_for_office(plain, enc, key, kind=sealed.KIND_BACKUP, unit_code="28261")
    data = enc.read_bytes()
    body = len(data) - (2 * sealed.CHUNK + 100 + 3 * sealed.TAG)
    out = tmp_path / "out"

    with pytest.raises(UserError, match="Cụm mật khẩu không đúng"):
        sealed.decrypt_to(enc, out, "một cụm khác hẳn")
    assert not out.exists()

    def refused(content: bytes) -> str:
        bad = tmp_path / "bad"
        bad.write_bytes(content)
        with pytest.raises(UserError) as err:
            sealed.decrypt_to(bad, out, PASSPHRASE)
        assert not out.exists()
        return err.value.message

    chunk = sealed.CHUNK + sealed.TAG
    for position in (body + 5, body + chunk + 7, len(data) - 1):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        assert "bị hỏng hoặc đã bị sửa" in refused(bytes(flipped))
    assert "bị hỏng hoặc đã bị sửa" in refused(data[:-1])
    assert "bị hỏng hoặc đã bị sửa" in refused(data[: body + 2 * chunk])  # cut at a chunk boundary
    assert "bị hỏng hoặc đã bị sửa" in refused(data[:body])  # the header alone
    first, second = data[body : body + chunk], data[body + chunk : body + 2 * chunk]
    assert "bị hỏng hoặc đã bị sửa" in refused(data[:body] + second + first + data[body + 2 * chunk :])
    header_edit = data.replace(b'"unit": "28261"', b'"unit": "28262"')
    assert header_edit != data and "bị hỏng hoặc đã bị sửa" in refused(header_edit)
    assert "không phải tệp do isodesk mã hóa" in refused(b"SQLite format 3\x00" + data[16:])


def test_passphrase_is_never_stored_and_can_be_changed(keyed: AppContext) -> None:
    stored = keyed.db.path.read_bytes()
    assert PASSPHRASE.encode() not in stored
    key = office_key(keyed)
    assert key is not None and len(key.public) == 32
    check_passphrase(keyed, PASSPHRASE)
    with pytest.raises(UserError, match="đã có cụm mật khẩu sao lưu"):
        set_passphrase(keyed, "một cụm mật khẩu mới hẳn")
    with pytest.raises(UserError, match="Cụm mật khẩu không đúng"):
        set_passphrase(keyed, "một cụm mật khẩu mới hẳn", "đoán bừa thôi mà")
    with pytest.raises(UserError, match="quá ngắn"):
        set_passphrase(keyed, "ngắn", PASSPHRASE)
    assert set_passphrase(keyed, "một cụm mật khẩu mới hẳn", PASSPHRASE).changed is True
    assert office_key(keyed).public == key.public  # type: ignore[union-attr]
    with pytest.raises(UserError):
        check_passphrase(keyed, PASSPHRASE)
    check_passphrase(keyed, "một cụm mật khẩu mới hẳn")


def test_encrypted_backup_restores_with_the_passphrase_only(keyed: AppContext, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    made = backup_out(keyed, stick)
    assert made.path.parent == stick and made.path.name.endswith(".sqlite3.isodesk-enc")
    assert b"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Lan" not in made.path.read_bytes()
    assert [p.name for p in stick.iterdir()] == [made.path.name]  # nothing plain, no leftover
    assert not [p for p in backup_dir(keyed.data_dir).iterdir() if p.name.startswith(".outgoing")]
    receive_dossier(keyed, BIRTH, ApplicantInput("Trần Văn Hai"))
    before = _state(keyed.data_dir)

    with pytest.raises(UserError, match="Cụm mật khẩu không đúng"):
        restore_encrypted_office(keyed, made.path, "một cụm khác hẳn")
    assert _state(keyed.data_dir) == before
    restored = restore_encrypted_office(keyed, made.path, PASSPHRASE)
    assert restored.kept is not None and restored.kept.name.startswith("isodesk-pre-restore-")
    assert _names(keyed.data_dir) == ["Nguyễn Thị Lan"]

    # A new PC: an empty data folder, the stick and the passphrase.
    fresh = tmp_path / "new-pc"
    fresh.mkdir()
    restore_encrypted(fresh, made.path, PASSPHRASE)
    assert _names(fresh) == ["Nguyễn Thị Lan"]


def test_edited_copy_and_another_offices_copy_change_nothing(keyed: AppContext, tmp_path: Path) -> None:
    made = backup_out(keyed, tmp_path)
    before = _state(keyed.data_dir)
    flipped = bytearray(made.path.read_bytes())
    flipped[len(flipped) // 2] ^= 0x40
    edited = tmp_path / "edited.isodesk-enc"
    edited.write_bytes(bytes(flipped))
    with pytest.raises(UserError, match="bị hỏng hoặc đã bị sửa"):
        restore_encrypted(keyed.data_dir, edited, PASSPHRASE)
    cut = tmp_path / "cut.isodesk-enc"
    cut.write_bytes(made.path.read_bytes()[:-100])
    with pytest.raises(UserError, match="bị hỏng hoặc đã bị sửa"):
        restore_encrypted(keyed.data_dir, cut, PASSPHRASE)

    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = open_context(other_dir)
    try:
        init_office(other, province_code="82", unit_code="28249")
        set_passphrase(other, "cụm mật khẩu của xã khác")
        theirs = backup_out(other, tmp_path)
    finally:
        other.close()
    with pytest.raises(UserError, match="thuộc đơn vị khác"):
        restore_encrypted(keyed.data_dir, theirs.path, PASSPHRASE)
    with pytest.raises(UserError, match="Cụm mật khẩu không đúng"):
        restore_encrypted(keyed.data_dir, theirs.path, PASSPHRASE, allow_other_unit=True)
    assert _state(keyed.data_dir) == before
    assert not list(keyed.data_dir.glob("*.restoring"))


def test_a_copy_leaving_the_pc_needs_a_passphrase_set(office: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="backup passphrase set"):
        backup_out(office, tmp_path)
    assert list(tmp_path.iterdir()) == [office.data_dir]
