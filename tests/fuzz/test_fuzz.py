"""Fuzzing every import and every typed input: each ends in success or a clear refusal that changed nothing.

Deterministic (derandomised) and bounded, so the suite stays fast: about 2,500 inputs in all. ``bench/fuzz.py``
runs the same targets with many more.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fuzz.harness import fuzz
from tests.fuzz.targets import TARGETS, Env, Target, open_env

#: Inputs per unit of a target's weight in the test suite.
PER_WEIGHT = 180


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    env = open_env(tmp_path_factory.mktemp("fuzz"))
    yield env
    env.watcher.close()
    env.ctx.close()


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_input_is_accepted_or_refused_cleanly(env: Env, target: Target) -> None:
    counts = fuzz(target, env, int(PER_WEIGHT * target.weight), raise_failures=True)
    assert counts["failed"] == 0
    assert counts["tried"] >= PER_WEIGHT * target.weight * 0.5
    # Both outcomes are exercised: a target that only ever refuses (or accepts) tests nothing of the rules.
    assert counts["refused"] > 0
    assert counts["accepted"] > 0 or target.name in ("import_xlsx",)
