"""The command line runs where the system has no time-zone database (Windows): Vietnam's zone comes from tzdata."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import init, isodesk

NOWHERE = {"PYTHONTZPATH": "/nonexistent-zoneinfo"}


def test_commands_run_with_the_system_zone_database_hidden(data_dir: Path) -> None:
    made = init("--province", "82", "--unit", "28261", data_dir=data_dir, env=NOWHERE)
    assert made.code == 0, made.err
    assert "Traceback" not in made.err
    run = isodesk(
        "deadline", "--received", "2026-02-12T09:00", "--working-days", "3", "--json", data_dir=data_dir, env=NOWHERE
    )
    assert run.code == 0, run.err
    assert run.json()["due"] == "2026-02-24T17:00:00+07:00"
    info = isodesk("info", "--json", data_dir=data_dir, env=NOWHERE)
    assert info.code == 0, info.err
    assert info.json()["unit_code"] == "28261"
