"""``isodesk person``: find, export, erase on request, erase past the retention period (JSON keys are a contract)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import init, isodesk

PASSPHRASE = "chim sẻ bay qua đồng lúa"


def _receive(data_dir: Path, name: str, when: str, phone: str = "") -> str:
    run = isodesk(
        "dossier", "receive", "--procedure", "1.004873", "--applicant", name, "--phone", phone,
        "--received", when, "--json", data_dir=data_dir,
    )  # fmt: skip
    assert run.code == 0, run.err
    return str(run.json()["code"])


def _return(data_dir: Path, code: str, when: str) -> None:
    for state in ("ready", "returned"):
        assert isodesk("dossier", "move", code, "--to", state, "--at", when, data_dir=data_dir).code == 0


def test_person_commands(data_dir: Path, tmp_path: Path) -> None:
    assert init("--province", "82", "--unit", "28261", data_dir=data_dir).code == 0
    old = _receive(data_dir, "Huỳnh Văn Nghĩa", "2014-05-05T09:00", "0909 111 222")
    _return(data_dir, old, "2014-05-07T10:00")
    recent = _receive(data_dir, "Huỳnh Văn Nghĩa", "2026-11-02T09:00", "0909111222")

    found = isodesk("person", "find", "--name", "huynh van nghia", "--json", data_dir=data_dir).json()
    assert [a["dossiers"] for a in found["applicants"]] == [[old], [recent]]
    assert found["applicants"][0]["phone"] == "0909 111 222"

    out = tmp_path / "nghia"
    unsealed = isodesk("person", "export", "--phone", "0909111222", "--out", str(out), data_dir=data_dir)
    assert unsealed.code == 1 and "--passphrase-stdin" in unsealed.err and list(tmp_path.glob("nghia*")) == []
    export = isodesk(
        "person", "export", "--phone", "0909111222", "--out", str(out), "--json", "--passphrase-stdin",
        input=PASSPHRASE + "\n", data_dir=data_dir,
    )  # fmt: skip
    assert export.code == 0, export.err
    sealed = {"json": f"{out}.json.isodesk-enc", "csv": f"{out}.csv.isodesk-enc"}
    assert export.json() == {"applicants": 2, "dossiers": 2, **sealed}
    assert b"Hu\xe1\xbb\xb3nh" not in Path(sealed["csv"]).read_bytes()  # no name in the clear
    wrong = isodesk("decrypt", sealed["json"], "--out", f"{out}.json", env={"ISODESK_BACKUP_PASSPHRASE": "không phải"})
    assert wrong.code == 1 and "Cụm mật khẩu không đúng" in wrong.err and not Path(f"{out}.json").exists()
    opened = isodesk(
        "decrypt", sealed["json"], "--out", f"{out}.json", env={"ISODESK_BACKUP_PASSPHRASE": PASSPHRASE},
        signed_in=False,
    )  # fmt: skip
    assert opened.code == 0, opened.err
    assert json.loads(Path(f"{out}.json").read_text("utf-8"))["applicants"][1]["dossiers"][0]["code"] == recent

    stats_before = isodesk("stats", "--from", "2014-01-01", "--to", "2014-12-31", "--json", data_dir=data_dir).out
    dry = isodesk("person", "erase-expired", "--dry-run", "--json", data_dir=data_dir)
    assert dry.json() == {"applicants": 1, "dossiers": 1, "dry_run": True}
    done = isodesk("person", "erase-expired", "--json", data_dir=data_dir)
    assert done.json() == {"applicants": 1, "dossiers": 1, "dry_run": False}
    assert isodesk("stats", "--from", "2014-01-01", "--to", "2014-12-31", "--json", data_dir=data_dir).out == (
        stats_before
    )
    shown = isodesk("dossier", "show", old, "--json", data_dir=data_dir).json()
    assert shown["applicant"]["name"] == "" and shown["timeliness"] == "ahead"

    refused = isodesk("person", "erase", "--id", str(found["applicants"][1]["id"]), data_dir=data_dir)
    assert refused.code == 1 and recent in refused.err and "chưa giải quyết xong" in refused.err
    nobody = isodesk(
        "person", "export", "--out", str(out), data_dir=data_dir, env={"ISODESK_BACKUP_PASSPHRASE": PASSPHRASE}
    )
    assert nobody.code == 1 and "họ tên, số điện thoại hoặc số định danh" in nobody.err
    bad = isodesk("person", "find", "--phone", "0909 11", data_dir=data_dir)
    assert bad.code == 1 and "Số điện thoại “0909 11” không hợp lệ" in bad.err
