"""The program's files reach every install: the wheel, the Windows bundle's spec, and a source checkout.

Their sources live beside ``src/`` (``resources/``, ``translations/``); the wheel and the bundle carry them inside
the package, where :mod:`isodesk.resources_path` looks first. The wheel test builds the wheel as a user's pip
would, unpacks it, and sets an office up from it in another process: the fonts, seed data, form texts, unit data,
migrations and both catalogs must all come from inside the wheel, not from this checkout.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from isodesk import resources_path
from isodesk.i18n import LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent

#: Run by the wheel's own isodesk: everything it found and loaded, as JSON.
PROBE = r"""
import json, sqlite3, sys
from pathlib import Path

data_dir = Path(sys.argv[1])
import isodesk
from isodesk import i18n
from isodesk.db import migrate
from isodesk.db.paths import database_path
from isodesk.resources_path import resource_path, translations_path
from isodesk.services.context import open_context
from isodesk.services.office.profile import init_office
from isodesk.services.printing.reports_data import report_texts
from isodesk.services.printing.templates import form_sets
from isodesk.ui.fonts import UI_FAMILY
from isodesk.ui.language import BUNDLED
from PySide6.QtCore import QTranslator
from reportlab.pdfbase.ttfonts import TTFont

fonts = {
    f"{folder}/{name}": resource_path("fonts", folder, name)
    for folder, names in {
        "liberation": ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                       "LiberationSerif-BoldItalic.ttf"],
        "noto": ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"],
    }.items()
    for name in names
}
font_names = {key: TTFont(key, str(path)).face.familyName.decode() for key, path in fonts.items()}

ctx = open_context(data_dir)  # creates the database with the wheel's migrations
init_office(ctx, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Hùng")
ctx.close()
db = sqlite3.connect(database_path(data_dir))
counts = {
    table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    for table in ("procedures", "calendar_overrides", "admin_units")
}
counts["aliases"] = db.execute("SELECT count(*) FROM admin_unit_names WHERE is_alias").fetchone()[0]
counts["former"] = db.execute(
    "SELECT count(*) FROM admin_unit_names WHERE NOT is_alias AND valid_from IS NULL AND valid_to IS NOT NULL"
).fetchone()[0]
revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]

catalogs = {}
for lang in i18n.LANGUAGES:
    i18n.set_language(lang)
    catalogs[lang] = {"kind": type(i18n._catalog(lang)).__name__, "Overview": i18n._("Overview")}

print(json.dumps({
    "isodesk": isodesk.__file__,
    "paths": {
        **{f"fonts/{key}": str(path) for key, path in fonts.items()},
        "seed/procedures": str(resource_path("seed", "procedures-commune.csv")),
        "seed/calendar": str(resource_path("seed", "calendar-overlay.csv")),
        "seed/units": str(resource_path("seed", "unit-aliases.csv")),
        "forms/form-sets": str(resource_path("forms", "form-sets.json")),
        "forms/reports": str(resource_path("forms", "reports.json")),
        "locale": str(i18n.LOCALE_DIR),
        **{f"mo/{lang}": str(translations_path(lang, "LC_MESSAGES", "isodesk.mo")) for lang in i18n.LANGUAGES},
        "qt": str(BUNDLED),
        "migrations": str(migrate.MIGRATIONS_DIR),
    },
    "migrations": sorted(p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py")),
    "revision": revision,
    "head": migrate.HEAD_REVISION,
    "counts": counts,
    "form_sets": [s["valid_from"] for s in form_sets()],
    "report_texts": sorted(report_texts()),
    "font_names": font_names,
    "ui_family": UI_FAMILY,
    "catalogs": catalogs,
    "qt_vi": QTranslator().load("qtbase_vi", str(BUNDLED)),
}, ensure_ascii=False))
"""


def _force_include() -> dict[str, str]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        table = tomllib.load(fh)["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    return dict(table)


def _unpacked(out: Path, build: list[str]) -> Path:
    """The wheel ``build`` writes into ``out``, unpacked as an installer would."""
    result = subprocess.run(build, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("isodesk-*.whl")
    site = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site.resolve()


def _probe(tmp_path: Path, flags: tuple[str, ...] = (), prelude: str = "", **env: str) -> dict[str, Any]:
    """What the isodesk a new Python process imports finds and loads, having set an office up in a new folder."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ISODESK_DATA_DIR")}
    clean.update(env, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, *flags, "-c", prelude + PROBE, str(tmp_path / "data")]
    result = subprocess.run(command, cwd=tmp_path, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    missing = [name for name, path in found["paths"].items() if not Path(path).is_file() and not Path(path).is_dir()]
    assert missing == []
    return found


def _check_loaded(found: dict[str, Any]) -> None:
    """The files the probe loaded are this checkout's: the migrations, seed rows, form texts, fonts, catalogs."""
    assert found["migrations"] == sorted(p.name for p in (ROOT / "src/isodesk/db/migrations/versions").glob("*.py"))
    assert found["revision"] == found["head"]

    def rows(name: str) -> list[dict[str, str]]:
        with (ROOT / "resources" / "seed" / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    counts = found["counts"]
    assert counts["procedures"] == len(rows("procedures-commune.csv")) > 60
    assert counts["calendar_overrides"] == len(rows("calendar-overlay.csv")) > 0
    aliases = rows("unit-aliases.csv")
    assert counts["aliases"] == len([r for r in aliases if r["kind"] == "alias"]) > 0
    assert counts["former"] >= len([r for r in aliases if r["kind"] == "former"]) > 0  # the units' own former names
    assert counts["admin_units"] > 3000  # the national list (vietnam-provinces), which the aliases point into

    sets = json.loads((ROOT / "resources/forms/form-sets.json").read_text("utf-8"))["sets"]
    assert found["form_sets"] == [s["valid_from"] for s in sets] and len(sets) == 2
    assert found["report_texts"] == sorted(json.loads((ROOT / "resources/forms/reports.json").read_text("utf-8")))

    names = found["font_names"]
    assert {k for k, v in names.items() if v == "Liberation Serif"} == {k for k in names if "liberation" in k}
    assert {k for k, v in names.items() if v == found["ui_family"]} == {k for k in names if "noto" in k}

    assert set(found["catalogs"]) == set(LANGUAGES)
    assert {lang: c["kind"] for lang, c in found["catalogs"].items()} == dict.fromkeys(LANGUAGES, "GNUTranslations")
    assert found["catalogs"]["vi"]["Overview"] == "Tổng quan"
    assert found["qt_vi"] is True


@pytest.mark.slow
def test_the_installed_wheel_finds_every_file_inside_itself(tmp_path: Path) -> None:
    out = tmp_path / "wheel"
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet"]
    site = _unpacked(out, [*pip, "-w", str(out), str(ROOT)])  # with the build backend of the lock, as dev.py does

    found = _probe(tmp_path, PYTHONPATH=str(site))

    package = site / "isodesk"
    assert Path(found["isodesk"]).parent == package  # the wheel's isodesk, not this checkout's
    outside = {name: path for name, path in found["paths"].items() if not Path(path).is_relative_to(package)}
    assert outside == {}
    _check_loaded(found)


@pytest.mark.slow
def test_the_editable_install_reads_the_checkout(tmp_path: Path) -> None:
    """``pip install -e .`` (dev.py) puts src/ on the path with a .pth; hatchling also copies the force-included
    files into site-packages/isodesk/, where the package, imported from src/, never looks. The program reads the
    checkout's own resources/ and translations/, so an edit to a form text shows at the next start."""
    out = tmp_path / "editable"
    hook = "import sys; from hatchling.build import build_editable; build_editable(sys.argv[1])"
    site = _unpacked(out, [sys.executable, "-c", hook, str(out)])  # the PEP 660 hook pip calls
    assert (site / "isodesk" / "resources").is_dir()  # the copy nobody reads

    # Its .pth is read as site-packages' would be, before the environment that holds the dependencies.
    dependencies = sysconfig.get_path("purelib")
    found = _probe(
        tmp_path, ("-S",), f"import site\nsite.addsitedir({str(site)!r})\nsite.addsitedir({dependencies!r})\n"
    )

    assert Path(found["isodesk"]).parent == ROOT / "src" / "isodesk"
    top = {"fonts": "resources", "seed": "resources", "forms": "resources", "locale": "translations"}
    top |= {"mo": "translations", "qt": "translations", "migrations": "src/isodesk"}
    elsewhere = {
        name: path
        for name, path in found["paths"].items()
        if not Path(path).is_relative_to(ROOT / top[name.split("/")[0]])
    }
    assert elsewhere == {}
    _check_loaded(found)


def test_the_wheel_packs_each_compiled_catalog_and_every_source_exists() -> None:
    """Each language's catalog is packed (a new language needs its line in pyproject.toml), and nothing else of
    translations/: the .po, .pot and .ts are sources."""
    packed = _force_include()
    for source in packed:
        assert (ROOT / source).exists(), source
    catalogs = {f"translations/{lang}/LC_MESSAGES/isodesk.mo" for lang in LANGUAGES}
    qt = {p.relative_to(ROOT).as_posix() for p in (ROOT / "translations" / "qt").glob("*.qm")}
    assert {s for s in packed if s.startswith("translations/")} == catalogs | qt
    assert all(packed[s] == f"isodesk/{s}" for s in packed)
    assert packed["resources"] == "isodesk/resources"


def test_the_bundle_collects_what_the_wheel_packs_and_every_migration() -> None:
    """installer/layout.py (read by isodesk.spec) puts the wheel's files in the same places, and the migrations'
    .py files beside them (Alembic runs them from their files; PyInstaller's data collection skips .py files)."""
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import layout
    finally:
        sys.path.remove(str(ROOT / "installer"))

    placed = {}
    migrations = set()
    for source, target in layout.package_files():
        path = Path(source)
        assert path.exists(), source
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("src/isodesk/db/migrations/"):
            assert f"{target}/{path.name}" == "isodesk/" + relative.removeprefix("src/isodesk/")
            migrations.add(path.name)
        else:
            placed[relative] = target if path.is_dir() else f"{target}/{path.name}"
    assert placed == _force_include()
    versions = {p.name for p in (ROOT / "src/isodesk/db/migrations/versions").glob("0*.py")}
    assert {"env.py", "script.py.mako", *versions} <= migrations and len(versions) >= 5


def test_a_checkout_finds_its_files_at_the_top_level() -> None:
    """Run from src/ (the tests, an editable install): the files come from resources/ and translations/ beside it."""
    assert resources_path.CHECKOUT == ROOT
    assert resources_path.resource_path("seed", "unit-aliases.csv") == ROOT / "resources" / "seed" / "unit-aliases.csv"
    assert LOCALE_DIR == ROOT / "translations"


def test_the_package_comes_first_and_a_stale_folder_hides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "src" / "isodesk"
    (package / "resources" / "seed" / "__pycache__").mkdir(parents=True)  # what an older checkout leaves behind
    (tmp_path / "resources" / "seed").mkdir(parents=True)
    (tmp_path / "resources" / "seed" / "unit-aliases.csv").write_text("top level", encoding="utf-8")
    monkeypatch.setattr(resources_path, "PACKAGE", package)
    monkeypatch.setattr(resources_path, "CHECKOUT", tmp_path)

    found = resources_path.resource_path("seed", "unit-aliases.csv")
    assert found.read_text(encoding="utf-8") == "top level"
    (package / "resources" / "seed" / "unit-aliases.csv").write_text("packaged", encoding="utf-8")
    assert resources_path.resource_path("seed", "unit-aliases.csv").read_text(encoding="utf-8") == "packaged"
    # Found nowhere: named where an installed program has it, so the error a reader raises says so.
    assert resources_path.translations_path("vi", "LC_MESSAGES", "isodesk.mo") == (
        package / "translations" / "vi" / "LC_MESSAGES" / "isodesk.mo"
    )
    monkeypatch.setattr(resources_path, "CHECKOUT", None)  # an installed package never looks outside itself
    (package / "resources" / "seed" / "unit-aliases.csv").unlink()
    assert resources_path.resource_path("seed", "unit-aliases.csv") == package / "resources/seed/unit-aliases.csv"
