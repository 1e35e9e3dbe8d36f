"""The province import benchmark runs end to end at a tiny size and prints every figure it promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench" / "province_import.py"


def test_the_benchmark_prints_its_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--units", "2", "--per-unit", "50", "--runs", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout

    def figure(pattern: str) -> float:
        found = re.search(pattern, out)
        assert found, (pattern, out)
        return float(found.group(1).replace(",", ""))

    assert figure(r"2 units x 50 dossiers = ([\d,]+) records") == 100
    assert figure(r"baseline \(sqlite3 executemany, ([\d,]+) rows\)") == 100
    assert figure(r"baseline \(sqlite3 executemany, [\d,]+ rows\):\s+([\d.]+) s") >= 0
    imported = figure(r"import_packages \(2 files, ([\d,]+) records\)")
    assert imported > 100  # the dossiers and the units' QMS records
    assert figure(r"import_packages \(2 files, [\d,]+ records\):\s+([\d.]+) s") > 0
    assert figure(r"ratio import / baseline:\s+([\d.]+) x") > 0
    assert figure(r"province dashboard \(median of 2\):\s+([\d.]+) ms") > 0
    assert 0 < figure(r"peak memory during the import \([^)]*\):\s+([\d.]+) MB") < 10_000
