"""The house rules of docs/ARCHITECTURE.md: the layers (import-linter's contracts from pyproject.toml), the feature
packages, and no import circles."""

from __future__ import annotations

import ast
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


# --- Feature packages (docs/ARCHITECTURE.md): read from the imports themselves ---------------------------------


SRC = ROOT / "src"
SERVICES = SRC / "isodesk" / "services"


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "isodesk").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports() -> dict[str, set[tuple[str, str]]]:
    """Each module's imports of the project: (module imported, name taken from it or "")."""
    modules = _modules()

    def known(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    edges: dict[str, set[tuple[str, str]]] = {m: set() for m in modules}
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("isodesk"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    target = (sub, "") if sub in modules else (known(node.module), alias.name)
                    if target[0] and target[0] != module:
                        edges[module].add(target)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("isodesk") and known(alias.name) not in ("", module):
                        edges[module].add((known(alias.name), ""))
    return edges


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _feature(module: str) -> str | None:
    """The feature package of a service module (``isodesk.services.ledger.stats`` -> ``ledger``), else None."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] == "services" and (SERVICES / parts[2]).is_dir():
        return parts[2]
    return None


def test_no_module_imports_itself_back_through_others() -> None:
    graph = {module: {target for target, _name in targets} for module, targets in _imports().items()}
    assert _cycles(graph) == []


def test_feature_packages_depend_on_each_other_in_one_direction() -> None:
    graph: dict[str, set[str]] = {}
    for module, targets in _imports().items():
        source = _feature(module)
        for target, _name in targets:
            feature = _feature(target)
            if source and feature and feature != source:
                graph.setdefault(source, set()).add(feature)
    assert _cycles(graph) == []
    assert {"accounts", "ledger", "office", "printing", "privacy", "safety"} <= {p.name for p in SERVICES.iterdir()}


def test_no_feature_reaches_into_another_ones_internals() -> None:
    """Across features, only public modules and names: a leading underscore keeps a thing inside its package."""
    offenders = []
    for module, targets in _imports().items():
        for target, name in targets:
            source, feature = _feature(module), _feature(target)
            if not feature or feature == source:
                continue
            if any(part.startswith("_") and part != "__init__" for part in target.split(".")) or name.startswith("_"):
                offenders.append(f"{module} -> {target}.{name}")
    assert offenders == []


def test_ui_and_cli_are_siblings() -> None:
    crossing = [
        f"{module} -> {target}"
        for module, targets in _imports().items()
        for target, _name in targets
        if (module.startswith("isodesk.ui") and target.startswith("isodesk.cli"))
        or (module.startswith("isodesk.cli") and target.startswith("isodesk.ui"))
    ]
    assert crossing == []


def test_command_modules_take_shared_helpers_from_their_own_module() -> None:
    back = [
        module
        for module, targets in _imports().items()
        if module.startswith("isodesk.cli.") and module != "isodesk.cli.main"
        for target, _name in targets
        if target == "isodesk.cli.main"
    ]
    assert back == []


# --- Naming rules (docs/ARCHITECTURE.md, "Naming") ---------------------------------------------------------------


def _service_functions() -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for path in sorted(SERVICES.rglob("*.py")):
        module = path.relative_to(SRC).with_suffix("").as_posix().replace("/", ".")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                found.append((module, node))
    return found


def _first_parameter_type(fn: ast.FunctionDef) -> str:
    args = fn.args.posonlyargs + fn.args.args
    return ast.unparse(args[0].annotation) if args and args[0].annotation is not None else ""


def test_use_cases_take_the_office_and_helpers_take_a_session() -> None:
    """``get_`` is a use case (it opens its own read of the office); ``read_`` is the same read inside a session
    a caller already holds. A helper that takes a session never ends the caller's transaction."""
    wrong = []
    for module, fn in _service_functions():
        first = _first_parameter_type(fn)
        if fn.name.startswith("get_") and first != "AppContext":
            wrong.append(f"{module}.{fn.name} takes {first or 'no office'}: a get_ use case takes the AppContext")
        if fn.name.startswith("read_") and first != "Session":
            wrong.append(f"{module}.{fn.name} takes {first or 'no session'}: a read_ helper takes a Session")
        if first == "Session":
            for node in ast.walk(fn):
                if isinstance(node, ast.Attribute) and node.attr in ("commit", "rollback", "unit_of_work"):
                    wrong.append(f"{module}.{fn.name} takes a Session but calls {node.attr}")
    assert wrong == []


def test_no_two_service_functions_share_a_name_within_a_feature() -> None:
    """One name, one meaning: inside a feature package a name is defined once (a session helper and the use case
    over it are told apart by read_/get_, not by module)."""
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for module, fn in _service_functions():
        key = (_feature(module) or module, fn.name)
        if key in seen:
            twice.append(f"{fn.name}: {seen[key]} and {module}")
        seen[key] = module
    assert twice == []
