"""The committed locks are the ones pyproject.toml asks for, so every machine installs what was tested."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lock_tool", ROOT / "tools" / "lock.py")
assert _spec and _spec.loader
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^ ;\\]+)(?: ; (?P<marker>[^\\]+?))?\s*\\?$")
PYTHONS = ["3.11", "3.12", "3.13", "3.14"]
PLATFORMS = [("win32", "Windows", "nt", "AMD64"), ("linux", "Linux", "posix", "x86_64")]


def _pins(lock: Path) -> list[tuple[str, Version, Marker | None, int]]:
    """Every pinned package of a lock: name, version, marker, and how many hashes follow it."""
    lines = lock.read_text(encoding="utf-8").splitlines()
    pins = []
    for i, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            hashes = 0
            for follow in lines[i + 1 :]:
                if not follow.startswith(" "):
                    break
                hashes += "--hash=sha256:" in follow
            marker = Marker(match["marker"]) if match["marker"] else None
            pins.append((canonicalize_name(match["name"]), Version(match["version"]), marker, hashes))
    return pins


def _environments() -> list[dict[str, str]]:
    return [
        {
            "python_version": py,
            "python_full_version": f"{py}.0",
            "sys_platform": sys_platform,
            "platform_system": system,
            "os_name": os_name,
            "platform_machine": machine,
            "implementation_name": "cpython",
            "platform_python_implementation": "CPython",
            "extra": "",
        }
        for py in PYTHONS
        for sys_platform, system, os_name, machine in PLATFORMS
    ]


def _resolved(lock: Path, env: dict[str, str]) -> dict[str, Version]:
    chosen: dict[str, Version] = {}
    for name, version, marker, _hashes in _pins(lock):
        if marker is None or marker.evaluate(env):
            assert name not in chosen, f"{lock.name}: two versions of {name} for {env['sys_platform']}"
            chosen[name] = version
    return chosen


@pytest.mark.parametrize("lock", [tool.APP_LOCK, tool.DEV_LOCK], ids=["app", "dev"])
def test_lock_was_made_from_the_current_pyproject(lock: Path) -> None:
    assert tool.locked_digest(lock) == tool.inputs_digest(), (
        f"{lock.name} is older than pyproject.toml: run `python3 dev.py lock` and commit both locks"
    )


@pytest.mark.parametrize("lock", [tool.APP_LOCK, tool.DEV_LOCK], ids=["app", "dev"])
def test_every_pin_has_hashes(lock: Path) -> None:
    pins = _pins(lock)
    assert len(pins) > 20
    assert [name for name, _v, _m, hashes in pins if hashes == 0] == []


def test_every_requirement_is_satisfied_on_windows_and_linux_for_every_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    extras = [Requirement(r) for group in project["optional-dependencies"].values() for r in group]
    build = [Requirement(line) for line in tool.BUILD_IN.read_text().splitlines() if line and line[0] != "#"]
    for env in _environments():
        for lock, wanted in ((tool.APP_LOCK, runtime + build), (tool.DEV_LOCK, runtime + build + extras)):
            chosen = _resolved(lock, env)
            for req in wanted:
                if canonicalize_name(req.name) == "isodesk" or (req.marker and not req.marker.evaluate(env)):
                    continue
                name = canonicalize_name(req.name)
                assert name in chosen, f"{lock.name} lacks {name} on {env['sys_platform']} {env['python_version']}"
                assert req.specifier.contains(chosen[name], prereleases=True), (lock.name, name, chosen[name])


def test_the_app_lock_takes_the_dev_locks_versions() -> None:
    for env in _environments():
        app, dev = _resolved(tool.APP_LOCK, env), _resolved(tool.DEV_LOCK, env)
        assert {name: dev.get(name) for name in app} == app


def test_tzdata_is_a_dependency_on_windows() -> None:
    windows = next(env for env in _environments() if env["sys_platform"] == "win32")
    assert "tzdata" in _resolved(tool.APP_LOCK, windows)
