"""The layer rules of DESIGN.md §2, checked with import-linter's contracts from pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.importorskip("importlinter")
        cmd = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]
    else:
        cmd = [exe]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower() or " 0 broken" in result.stdout.lower()


def test_no_qt_outside_the_ui() -> None:
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "src" / "isodesk").rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8")
        and not p.relative_to(ROOT).as_posix().startswith("src/isodesk/ui/")
        and p.name not in ("app.py",)
    ]
    assert offenders == []
