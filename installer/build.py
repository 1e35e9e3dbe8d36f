"""Build the one-folder bundle (and, on Linux, its tarball): ``python3 dev.py bundle [--tarball]``.

    dist/isodesk/                         isodesk (windowed) and isodesk-cli (console), with everything they read
    dist/isodesk-VERSION-linux-x86_64.tar.xz   with --tarball on Linux: the folder, its desktop entry and install.sh

Run with the Python of the .venv that ``dev.py`` made from the dev lock (which holds PyInstaller and the app lock's
versions of everything else): the bundle carries exactly the locked packages. It prints the bundle's size (bytes
unpacked, files) and the build time; ``--json`` prints them as one JSON object instead. On Windows the installer
itself is made from the folder by ``installer/build-windows.ps1`` (Inno Setup).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import layout  # noqa: E402


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle's folder."""
    command = [
        sys.executable, "-m", "PyInstaller", str(HERE / "isodesk.spec"),
        "--noconfirm", "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(command, cwd=layout.ROOT, check=True, env=env)
    return dist / "isodesk"


def tarball(bundle: Path, dist: Path) -> Path:
    """The Linux tarball: ``isodesk-VERSION/`` with the bundle, the desktop entry, the icon and install.sh."""
    top = f"isodesk-{layout.version()}"
    out = dist / f"{top}-linux-x86_64.tar.xz"
    linux = HERE / "linux"
    with tarfile.open(out, "w:xz", preset=6) as tar:
        tar.add(bundle, arcname=f"{top}/isodesk")
        for name in ("isodesk.desktop", "install.sh", "README.txt"):
            tar.add(linux / name, arcname=f"{top}/{name}")
        tar.add(HERE / "isodesk.png", arcname=f"{top}/isodesk.png")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=layout.ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=layout.ROOT / "build" / "pyinstaller", help="build cache")
    parser.add_argument("--tarball", action="store_true", help="also make the Linux tarball (.tar.xz)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    bundle = build(args.dist.resolve(), args.work.resolve())
    figures: dict[str, object] = {"bundle": str(bundle), "build_seconds": round(time.perf_counter() - started, 1)}
    figures["bytes"], figures["files"] = folder_size(bundle)
    if args.tarball and sys.platform.startswith("linux"):
        started = time.perf_counter()
        out = tarball(bundle, args.dist.resolve())
        figures["tarball"] = str(out)
        figures["tarball_bytes"] = out.stat().st_size
        figures["tarball_seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(figures))
    else:
        mib = 1024 * 1024
        print(f"bundle: {bundle} ({figures['bytes'] / mib:.1f} MiB, {figures['files']} files), "
              f"built in {figures['build_seconds']} s")  # fmt: skip
        if "tarball" in figures:
            print(f"tarball: {figures['tarball']} ({figures['tarball_bytes'] / mib:.1f} MiB)")  # type: ignore[operator]
    return 0


if __name__ == "__main__":
    sys.exit(main())
