"""Running the real ``isodesk`` command in a subprocess, as a script or a province batch would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def isodesk(*args: str, data_dir: Path | None = None, env: dict[str, str] | None = None) -> Run:
    full_env = {k: v for k, v in os.environ.items() if k not in ("ISODESK_DATA_DIR", "ISODESK_LANG")}
    full_env.update(env or {})
    if data_dir is not None:
        full_env["ISODESK_DATA_DIR"] = str(data_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "isodesk", *args], capture_output=True, text=True, env=full_env, timeout=120
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli():
    return isodesk
