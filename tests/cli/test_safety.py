"""isodesk backup / backup list / restore / check, and the clock warning, through the real command."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from isodesk.db.paths import database_path
from tests.cli.conftest import ADMIN_PASSWORD, USER_PASSWORD, as_user, init, isodesk
from tests.services.safety.test_backups import HOLD_LOCK

PASSPHRASE = "ba con mèo trèo cây cau"
KEY = {"ISODESK_BACKUP_PASSPHRASE": PASSPHRASE}


def _office(data_dir: Path) -> None:
    assert init("--province", "82", "--unit", "28261", data_dir=data_dir).code == 0


def _receive(data_dir: Path, name: str) -> None:
    run = isodesk("dossier", "receive", "--procedure", "1.001193", "--applicant", name, data_dir=data_dir)
    assert run.code == 0, run.err


def _dossiers(data_dir: Path) -> int:
    return len(isodesk("dossier", "list", "--json", data_dir=data_dir).json()["dossiers"])


def test_backup_list_restore_round_trip(data_dir: Path, tmp_path: Path) -> None:
    _office(data_dir)
    _receive(data_dir, "Nguyễn Văn Bình")
    assert isodesk("backup", "passphrase", "set", input=PASSPHRASE + "\n", data_dir=data_dir).code == 0
    run = isodesk("backup", "--out", str(tmp_path), "--json", data_dir=data_dir)
    assert run.code == 0, run.err
    made = run.json()
    assert set(made) == {"path", "bytes", "seconds"} and Path(made["path"]).parent == tmp_path
    assert made["bytes"] == Path(made["path"]).stat().st_size
    assert isodesk("backup", "--json", data_dir=data_dir).code == 0
    listed = isodesk("backup", "list", "--json", data_dir=data_dir).json()["backups"]
    assert [(b["kind"], b["good"]) for b in listed] == [("manual", True)]
    assert set(listed[0]) >= {"kind", "path", "time", "size", "good"}
    plain = isodesk("backup", "list", data_dir=data_dir).out  # in words, in Vietnamese, in Vietnam time
    assert "Thủ công" in plain and "  dùng được  " in plain and "good" not in plain
    assert re.search(r"\d,\d MB", plain), plain

    _receive(data_dir, "Trần Thị Hoa")
    refused = isodesk("restore", made["path"], data_dir=data_dir, env=KEY)  # no terminal to ask: --yes is needed
    assert refused.code == 1 and "--yes" in refused.err and _dossiers(data_dir) == 2
    done = isodesk("restore", made["path"], "--yes", "--json", data_dir=data_dir, env=KEY)
    assert done.code == 0, done.err
    assert Path(done.json()["kept"]).name.startswith("isodesk-pre-restore-")
    assert _dossiers(data_dir) == 1


def test_restore_is_refused_while_the_program_holds_the_folder(data_dir: Path) -> None:
    _office(data_dir)
    copy = isodesk("backup", "--json", data_dir=data_dir).json()["path"]
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        run = isodesk("restore", copy, "--yes", data_dir=data_dir)
        assert run.code == 1 and str(data_dir) in run.err and "Traceback" not in run.err
        assert isodesk("backup", "list", data_dir=data_dir).code == 0  # reading beside it is fine
        _receive(data_dir, "Lê Văn Tám")  # so is a save: SQLite serialises the writers
    finally:
        holder.kill()
        holder.wait()


def test_damaged_database_names_the_way_out(data_dir: Path) -> None:
    _office(data_dir)
    for i in range(20):
        _receive(data_dir, f"Người số {chr(65 + i)}")
    path = database_path(data_dir)
    data = bytearray(path.read_bytes())
    data[4096 * 2 :] = b"\x5a" * (len(data) - 4096 * 2)
    path.write_bytes(bytes(data))
    check = isodesk("check", data_dir=data_dir)
    assert check.code == 1 and "isodesk restore" in check.err and "isodesk backup list" in check.err
    listed = isodesk("dossier", "list", data_dir=data_dir)
    assert listed.code == 1 and "isodesk restore" in listed.err and "Traceback" not in listed.err


def test_check_reports_a_sound_file(data_dir: Path) -> None:
    _office(data_dir)
    run = isodesk("check", "--full", "--json", data_dir=data_dir)
    assert run.code == 0 and run.json()["ok"] is True and run.json()["full"] is True


def test_clock_set_back_is_warned_on_stderr(data_dir: Path) -> None:
    _office(data_dir)
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("UPDATE office SET updated_at = '2099-01-01 00:00:00.000000', change_seq = 999")
    conn.commit()
    conn.close()
    run = isodesk("info", "--json", data_dir=data_dir)
    assert run.code == 0 and run.json()["unit_code"] == "28261"
    assert "2099" in run.err and "Windows" in run.err


def test_an_officer_may_not_back_up_or_restore(data_dir: Path) -> None:
    _office(data_dir)
    add = isodesk(
        "user",
        "add",
        "--username",
        "mot.cua",
        "--name",
        "Phạm Thị Ngọc Ánh",
        "--role",
        "officer",
        "--new-password-stdin",
        "--json",
        input=USER_PASSWORD + "\n",
        data_dir=data_dir,
    )
    assert add.code == 0, add.err
    refused = isodesk("--user", "mot.cua", "backup", data_dir=data_dir, env=as_user("mot.cua"))
    assert refused.code == 1 and "mot.cua" in refused.err and "sao lưu" in refused.err
    copy = isodesk("backup", "--json", data_dir=data_dir).json()["path"]
    refused = isodesk("--user", "mot.cua", "restore", copy, "--yes", data_dir=data_dir, env=as_user("mot.cua"))
    assert refused.code == 1 and "mot.cua" in refused.err and "sao lưu" in refused.err


def test_a_copy_leaving_the_pc_is_encrypted_and_refused_when_edited(data_dir: Path, tmp_path: Path) -> None:
    _office(data_dir)
    _receive(data_dir, "Nguyễn Văn Bình")
    stick = tmp_path / "usb"
    stick.mkdir()
    unset = isodesk("backup", "--out", str(stick), data_dir=data_dir)
    assert unset.code == 1 and "isodesk backup passphrase set" in unset.err and list(stick.iterdir()) == []
    # The passphrase comes after the signing-in password on standard input.
    short = isodesk("--password-stdin", "backup", "passphrase", "set", input=f"{ADMIN_PASSWORD}\nngắn\n",
                    data_dir=data_dir, env={"ISODESK_PASSWORD": ""})  # fmt: skip
    assert short.code == 1 and "quá ngắn" in short.err
    chosen = isodesk("--password-stdin", "backup", "passphrase", "set", "--json",
                     input=f"{ADMIN_PASSWORD}\n{PASSPHRASE}\n", data_dir=data_dir,
                     env={"ISODESK_PASSWORD": ""})  # fmt: skip
    assert chosen.code == 0, chosen.err
    assert chosen.json()["changed"] is False and len(chosen.json()["fingerprint"]) == 24
    again = isodesk("backup", "passphrase", "set", input="một cụm khác hẳn nữa\n", data_dir=data_dir)
    assert again.code == 1 and "--change" in again.err
    made = isodesk("backup", "--out", str(stick), "--json", data_dir=data_dir).json()
    copy = Path(made["path"])
    assert copy.name.endswith(".sqlite3.isodesk-enc") and copy.read_bytes().startswith(b"isodesk encrypted file")
    assert "Bình".encode() not in copy.read_bytes()
    _receive(data_dir, "Trần Thị Hoa")

    no_key = isodesk("restore", str(copy), "--yes", data_dir=data_dir)
    assert no_key.code == 1 and "--passphrase-stdin" in no_key.err
    wrong = isodesk("restore", str(copy), "--yes", data_dir=data_dir, env={"ISODESK_BACKUP_PASSPHRASE": "sai rồi"})
    assert wrong.code == 1 and "Cụm mật khẩu không đúng" in wrong.err
    data = copy.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) - 200] ^= 0x01
    (stick / "flipped.isodesk-enc").write_bytes(bytes(flipped))
    (stick / "cut.isodesk-enc").write_bytes(data[: len(data) - 4096])
    for name in ("flipped", "cut"):
        bad = isodesk("restore", str(stick / f"{name}.isodesk-enc"), "--yes", data_dir=data_dir, env=KEY)
        assert bad.code == 1 and "bị hỏng hoặc đã bị sửa" in bad.err and "Traceback" not in bad.err, name
    assert _dossiers(data_dir) == 2 and not list(data_dir.glob("*.restoring"))

    other = tmp_path / "other"
    assert init("--province", "82", "--unit", "28249", data_dir=other).code == 0
    assert isodesk("backup", "passphrase", "set", input="cụm mật khẩu xã khác\n", data_dir=other).code == 0
    theirs = isodesk("backup", "--out", str(stick), "--json", data_dir=other).json()["path"]
    foreign = isodesk("restore", theirs, "--yes", data_dir=data_dir, env=KEY)
    assert foreign.code == 1 and "thuộc đơn vị khác (28249)" in foreign.err and _dossiers(data_dir) == 2

    # The passphrase after the signing-in password on stdin; the office changes it with the current one.
    done = isodesk("--password-stdin", "restore", str(copy), "--yes", "--passphrase-stdin", "--json",
                   input=f"{ADMIN_PASSWORD}\n{PASSPHRASE}\n", data_dir=data_dir,
                   env={"ISODESK_PASSWORD": ""})  # fmt: skip
    assert done.code == 0, done.err
    assert _dossiers(data_dir) == 1
    changed = isodesk("backup", "passphrase", "set", "--change", input=f"{PASSPHRASE}\nmột cụm mới dài hơn\n",
                      data_dir=data_dir)  # fmt: skip
    assert changed.code == 0, changed.err
    # A copy made before the change opens with the new passphrase beside the office, with the old one anywhere.
    reopened = isodesk("decrypt", str(copy), "--out", str(tmp_path / "plain.sqlite3"), signed_in=False,
                       data_dir=data_dir, env={"ISODESK_BACKUP_PASSPHRASE": "một cụm mới dài hơn"})  # fmt: skip
    assert reopened.code == 0, reopened.err
    elsewhere = tmp_path / "new-pc"
    new_pc = isodesk("decrypt", str(copy), "--out", str(tmp_path / "b.sqlite3"), signed_in=False,
                     data_dir=elsewhere, env={"ISODESK_BACKUP_PASSPHRASE": "một cụm mới dài hơn"})  # fmt: skip
    assert new_pc.code == 1 and "Cụm mật khẩu không đúng" in new_pc.err
    old = isodesk("decrypt", str(copy), "--out", str(tmp_path / "b.sqlite3"), signed_in=False,
                  data_dir=elsewhere, env=KEY)  # fmt: skip
    assert old.code == 0, old.err


def test_copies_made_before_an_erasure_are_listed_and_dropped(data_dir: Path) -> None:
    _office(data_dir)
    _receive(data_dir, "Nguyễn Văn Bình")
    code = isodesk("dossier", "list", "--json", data_dir=data_dir).json()["dossiers"][0]["code"]
    assert isodesk("dossier", "move", code, "--to", "refused", "--note", "Thiếu giấy tờ", data_dir=data_dir).code == 0
    assert isodesk("backup", data_dir=data_dir).code == 0
    none_yet = isodesk("backup", "before-erasure", "--json", data_dir=data_dir).json()
    assert none_yet == {"copies": [], "dropped": []}
    found = isodesk("person", "find", "--name", "Nguyễn Văn Bình", "--json", data_dir=data_dir).json()["applicants"]
    assert isodesk("person", "erase", "--id", str(found[0]["id"]), data_dir=data_dir).code == 0
    listed = isodesk("backup", "before-erasure", "--json", data_dir=data_dir).json()
    assert sorted(c["kind"] for c in listed["copies"]) == ["manual", "pre-erasure"] and listed["dropped"] == []
    dropped = isodesk("backup", "before-erasure", "--drop", "--json", data_dir=data_dir).json()
    assert sorted(dropped["dropped"]) == sorted(c["path"] for c in listed["copies"])
    assert not any(Path(c["path"]).exists() for c in listed["copies"])
    assert isodesk("backup", "before-erasure", "--json", data_dir=data_dir).json()["copies"] == []
