"""Running a fuzz target with Hypothesis and counting what happened to each input."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzz.targets import Env, Target


def fuzz(target: Target, env: Env, examples: int, *, raise_failures: bool, seed: int | None = None) -> Counter[str]:
    """Try ``examples`` inputs on ``target``; count "tried", "accepted", "refused" and "failed".

    In the test suite failures are raised (Hypothesis then shrinks them to the smallest failing input); the
    benchmark counts them and keeps going. Without a seed the run is derandomised: the same inputs every time.
    """
    counts: Counter[str] = Counter()
    failures: list[tuple[Any, BaseException]] = []
    phases = [Phase.explicit, Phase.generate, Phase.shrink] if raise_failures else [Phase.generate]

    @settings(
        max_examples=examples,
        derandomize=seed is None,
        database=None,
        deadline=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def one(example: Any) -> None:
        counts["tried"] += 1
        try:
            outcome = target.run(env, example)
        except Exception as exc:
            counts["failed"] += 1
            failures.append((example, exc))
            if raise_failures:
                raise
        else:
            counts[outcome] += 1

    if seed is not None:
        from hypothesis import seed as with_seed

        one = with_seed(seed)(one)
    one()
    counts.failures = failures  # type: ignore[attr-defined]
    return counts
