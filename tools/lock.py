"""Write the dependency locks from pyproject.toml: ``python3 dev.py lock`` (the one way to change them).

    requirements/app.lock   what the program needs to run and to be built as a wheel (dev.py start)
    requirements/dev.lock   the same plus the test and development tools and PyInstaller, which builds the bundle
                            (dev.py test, .ci/run, dev.py lint, dev.py bundle)

Both are universal (Windows and Linux, every Python from ``requires-python`` on) and pin every package, with the
hashes of all its published files, so ``pip install --require-hashes`` installs exactly what was tested. The app lock
is resolved within the dev lock, so a package has the same version in both. The first line of each lock names the
digest of the inputs it was made from; ``tests/test_lock.py`` fails when pyproject.toml has changed since. A new
run keeps the versions the locks already pin unless ``ISODESK_LOCK_UPGRADE=1`` asks for the newest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
BUILD_IN = ROOT / "requirements" / "build.in"
APP_LOCK = ROOT / "requirements" / "app.lock"
DEV_LOCK = ROOT / "requirements" / "dev.lock"
DIGEST_PREFIX = "# inputs-sha256: "
OLDEST_PYTHON = "3.11"


def inputs_digest() -> str:
    """The digest of everything a lock is resolved from: the project's dependencies and the build requirements."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    inputs = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build": [
            line.strip()
            for line in BUILD_IN.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ],
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def locked_digest(lock: Path) -> str | None:
    first = lock.read_text(encoding="utf-8").splitlines()[0] if lock.exists() else ""
    return first[len(DIGEST_PREFIX) :] if first.startswith(DIGEST_PREFIX) else None


def _compile(uv: str, out: Path, extras: list[str], constraint: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / out.name
        cmd = [
            uv, "pip", "compile", "pyproject.toml", str(BUILD_IN.relative_to(ROOT)),
            "--universal", "--python-version", OLDEST_PYTHON, "--generate-hashes",
            "--no-header", "--quiet", "--output-file", str(raw),
        ]  # fmt: skip
        for extra in extras:
            cmd += ["--extra", extra]
        if constraint is not None:
            cmd += ["--constraint", str(constraint)]
        if out.exists():  # uv keeps the versions an existing output file pins unless asked to upgrade
            raw.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
        if os.environ.get("ISODESK_LOCK_UPGRADE"):
            cmd += ["--upgrade"]
        subprocess.run(cmd, cwd=ROOT, check=True)
        body = raw.read_text(encoding="utf-8")
        if constraint is not None:  # the annotations name the pins' source, not a temporary file of this machine
            body = body.replace(str(constraint), DEV_LOCK.relative_to(ROOT).as_posix())
    header = (
        f"{DIGEST_PREFIX}{inputs_digest()}\n"
        "# Written by `python3 dev.py lock` (tools/lock.py) from pyproject.toml and requirements/build.in.\n"
        "# Do not edit by hand.\n"
    )
    out.write_text(header + body, encoding="utf-8")


def main() -> int:
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        print("uv is not installed: run `python3 dev.py lock`, which installs it into .venv first", file=sys.stderr)
        return 1
    _compile(uv, DEV_LOCK, ["test", "dev", "bundle"], None)
    # Pins (with their markers: a package may have one version per Python) without hashes, so the app lock takes
    # the dev lock's versions and keeps its own hashes.
    with tempfile.TemporaryDirectory() as tmp:
        pins = Path(tmp) / "pins.txt"
        pins.write_text(
            "\n".join(
                line.rstrip(" \\").strip()
                for line in DEV_LOCK.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith((" ", "#"))
            )
            + "\n",
            encoding="utf-8",
        )
        _compile(uv, APP_LOCK, [], pins)
    print(f"wrote {APP_LOCK.relative_to(ROOT)} and {DEV_LOCK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
