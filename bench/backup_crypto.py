"""Encrypted copies of the million-dossier office, against the unencrypted checked backup, and what signing in costs.

Reuses the office bench/ledger.py builds and caches in bench/out/ledger-<N>/ (about 8 minutes for a million
dossiers, 1.7 GB, the first time). Every operation runs in a process of its own, so its peak resident memory is
its own; the unencrypted and the encrypted copy (and restore) of the same file are measured in the same run,
alternately, and the best of ``--rounds`` of each is compared. Targets (issue 17): an encrypted backup and its
restore take at most 1.3 times the unencrypted checked ones, with under 200 MB of memory.

Then signing in: the password check the command line shares with the sign-in window (scrypt, N = 2^14, r = 8,
p = 1: the window's strength, a security choice), in the same process, and a whole protected command
(``isodesk setting list``) against an unprotected one of the same weight (``isodesk procedure list``).

    .venv/bin/python bench/backup_crypto.py [--dossiers 1000000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import OUT, build

PASSPHRASE = "ba con mèo trèo cây cau"
PASSWORD = "Quản trị 2026"


def _high_water_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: ru_maxrss survives exec, so a child started by
    a parent that had built the ledger would report the parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(operation: str, data: Path, target: Path) -> None:
    """One measured operation in this process; prints its seconds and its peak resident memory."""
    from isodesk.services.context import open_context
    from isodesk.services.safety.backup_key import encrypted_backup_to, office_key, restore_encrypted
    from isodesk.services.safety.backups import backup_to
    from isodesk.services.safety.restore import restore_backup

    key = None
    if operation == "encrypt":
        ctx = open_context(data)
        key = office_key(ctx)
        ctx.close()
    base = _high_water_mb()
    started = time.perf_counter()
    if operation == "plain":
        backup_to(data, target)
    elif operation == "encrypt":
        encrypted_backup_to(data, target, key)
    elif operation == "restore-plain":
        restore_backup(data, target)
    elif operation == "restore-encrypted":
        restore_encrypted(data, target, PASSPHRASE)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": _high_water_mb(), "before_mb": base}))


def run_child(operation: str, data: Path, target: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", operation, str(data), str(target)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def sign_in_costs(data: Path, runs: int = 15) -> None:
    from isodesk.errors import UserError
    from isodesk.services.accounts.passwords import hash_password, verify_password
    from isodesk.services.accounts.signin import change_password, sign_in_command
    from isodesk.services.context import open_context

    ctx = open_context(data)
    with contextlib.suppress(UserError):  # the demo's administrator has none yet; set by an earlier run otherwise
        change_password(ctx, "admin", "", PASSWORD)
    stored = hash_password(PASSWORD)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        verify_password(PASSWORD, stored)
        times.append((time.perf_counter() - t) * 1000)
    verify_ms = statistics.median(times)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        sign_in_command(ctx, "admin", PASSWORD)
        times.append((time.perf_counter() - t) * 1000)
    sign_in_ms = statistics.median(times)
    ctx.close()

    env = {k: v for k, v in os.environ.items() if not k.startswith("ISODESK_")}
    env.update({"ISODESK_DATA_DIR": str(data), "ISODESK_USER": "admin", "ISODESK_PASSWORD": PASSWORD})

    def command_ms(*args: str) -> float:
        samples = []
        for _ in range(7):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "isodesk", *args], env=env, check=True, capture_output=True)
            samples.append((time.perf_counter() - t) * 1000)
        return statistics.median(samples)

    protected = command_ms("setting", "list")
    open_ = command_ms("procedure", "list", "--search", "khai sinh")
    print(f"password check (scrypt N=2^14, r=8, p=1, as the window): {verify_ms:7.1f} ms (median of {runs})")
    print(f"sign-in for a command (check + its transaction):        {sign_in_ms:7.1f} ms")
    print(f"`isodesk setting list` (signs in), whole process:       {protected:7.0f} ms")
    print(f"`isodesk procedure list` (no sign-in), whole process:   {open_:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", nargs=3, metavar=("OPERATION", "DATA", "TARGET"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    source = OUT / f"ledger-{args.dossiers}"
    build(source, args.dossiers)

    from isodesk.db.paths import database_path
    from isodesk.services.context import open_context
    from isodesk.services.safety.backup_key import set_passphrase

    with tempfile.TemporaryDirectory(prefix="isodesk-bench-", dir=OUT) as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        shutil.copyfile(database_path(source), database_path(data))
        ctx = open_context(data)
        set_passphrase(ctx, PASSPHRASE)
        ctx.close()
        size_mb = database_path(data).stat().st_size / 2**20
        print(f"office: {args.dossiers:,} dossiers, database {size_mb:,.0f} MB; best of {args.rounds} rounds each")
        results: dict[str, list[dict[str, float]]] = {k: [] for k in ("plain", "encrypt")}
        plain, sealed = Path(tmp) / "plain.sqlite3", Path(tmp) / "copy.sqlite3.isodesk-enc"
        for _ in range(args.rounds):
            for operation, target in (("plain", plain), ("encrypt", sealed)):
                target.unlink(missing_ok=True)
                results[operation].append(run_child(operation, data, target))
        restores: dict[str, list[dict[str, float]]] = {k: [] for k in ("restore-plain", "restore-encrypted")}
        for _ in range(args.rounds):
            for operation, target in (("restore-plain", plain), ("restore-encrypted", sealed)):
                restores[operation].append(run_child(operation, data, target))
                for kept in (data / "backups").glob("isodesk-pre-restore-*"):
                    kept.unlink()  # the copy of the replaced file each restore keeps: not part of what is compared

        def best(rows: list[dict[str, float]]) -> dict[str, float]:
            return min(rows, key=lambda r: r["seconds"])

        def line(name: str, row: dict[str, float]) -> str:
            speed = size_mb / row["seconds"]
            return f"{name:<40} {row['seconds']:6.1f} s  ({speed:5.0f} MB/s)  peak {row['peak_mb']:5.0f} MB"

        p, e = best(results["plain"]), best(results["encrypt"])
        print(line("unencrypted checked backup (--out)", p))
        print(line("encrypted backup (--out)", e))
        print(f"  ratio {e['seconds'] / p['seconds']:.2f}x (target <= 1.3x); peak memory target < 200 MB")
        rp, re_ = best(restores["restore-plain"]), best(restores["restore-encrypted"])
        print(line("restore of the unencrypted copy", rp))
        print(line("restore of the encrypted copy", re_))
        print(f"  ratio {re_['seconds'] / rp['seconds']:.2f}x (target <= 1.3x); includes the passphrase's scrypt")
        sign_in_costs(data)


if __name__ == "__main__":
    main()
