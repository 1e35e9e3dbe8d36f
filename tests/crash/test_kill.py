"""SIGKILL the real command during saves, a demo load, an import, a migration, a backup and a restore.

A bounded share of kill points runs here (about sixty, two scenarios at a time); ``bench/kill.py`` runs
hundreds and prints the count by scenario. The seed is printed with every failure, so it can be replayed
with ``ISODESK_KILL_SEED``.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.crash.harness import SCENARIOS, Outcome, prepare, run_scenario

KILLS = {"receive": 12, "demo": 6, "import": 10, "migration": 12, "backup": 10, "restore": 10}


@pytest.mark.slow
def test_killed_at_random_points_the_data_stays_whole(tmp_path: Path) -> None:
    seed = int(os.environ.get("ISODESK_KILL_SEED", "20261124"))
    messages: list[str] = []

    def run(index: int) -> Outcome:
        scenario = SCENARIOS[index]
        return run_scenario(scenario, tmp_path, KILLS[scenario.name], random.Random(seed + index), messages.append)

    for scenario in SCENARIOS:
        prepare(scenario, tmp_path)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(run, range(len(SCENARIOS))))
    failures = [f for o in outcomes for f in o.failures]
    assert not failures, f"seed {seed}:\n" + "\n".join(failures)
    tried = sum(o.tried for o in outcomes)
    assert tried >= 40, {o.scenario: (o.tried, o.finished) for o in outcomes}  # most kills land mid-command
    assert all(o.tried == o.survived for o in outcomes)
