"""What the one-folder bundle holds and what is left out of it: read by ``isodesk.spec`` and by the tests.

Two programs share one folder (``dist/isodesk/``): ``isodesk`` (windowed, for officers) and ``isodesk-cli``
(a console program with the whole command line). The command line is analysed on its own, with Qt excluded, so
its process never loads Qt (PyInstaller's PySide6 run-time hook would otherwise load QtCore in every process).

PyInstaller finds what is imported; these are the files it cannot find, and the ones it collects that the program
never reads. Nothing here imports PyInstaller, so the tests read the same lists without it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "isodesk"
NAME_GUI = "isodesk"
NAME_CLI = "isodesk-cli"
ENTRY_GUI = PACKAGE / "__main__.py"
ENTRY_CLI = ROOT / "installer" / "isodesk_cli.py"


def version() -> str:
    """The program's version, as ``isodesk --version`` prints it (read from the source, not imported)."""
    found = re.search(r'^__version__ = "([^"]+)"', (PACKAGE / "__init__.py").read_text("utf-8"), re.M)
    assert found is not None
    return found.group(1)


def package_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) of the files the program reads from inside its package.

    - The Alembic migrations, ``.py`` files included: Alembic runs ``env.py`` and each revision from its file,
      and PyInstaller's own data collection skips ``.py`` files.
    - The fonts, seed data, form texts and compiled catalogs (Qt's Vietnamese strings included): their sources
      live beside ``src/`` and go where the wheel puts them (pyproject.toml's ``force-include``, read here so the
      two cannot differ), which is where :mod:`isodesk.resources_path` looks first.
    """
    files: list[tuple[str, str]] = []
    migrations = PACKAGE / "db" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".mako"):
            files.append((str(path), PurePosixPath("isodesk", path.parent.relative_to(PACKAGE).as_posix()).as_posix()))
    with (ROOT / "pyproject.toml").open("rb") as fh:
        packaged = tomllib.load(fh)["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for source, target in packaged.items():
        path = ROOT / source
        files.append((str(path), target if path.is_dir() else str(PurePosixPath(target).parent)))
    return files


#: Packages of our own code loaded by name (the migrations' revisions import nothing new, but Alembic's env does).
HIDDEN_PACKAGES = ["isodesk", "holidays.countries", "reportlab.graphics.barcode"]
#: Packages whose data files the program reads (each is trimmed by :func:`keep`): the holidays' names in Vietnamese
#: (gettext catalogs) and the national list of units.
DATA_PACKAGES = ["holidays", "vietnam_provinces"]
#: reportlab's barcode widgets are loaded through ``exec`` (``createBarcodeDrawing``), and its C accelerator
#: ``_rl_accel`` only if importable; ``logging.config`` is imported by Alembic from a string.
HIDDEN_MODULES = ["logging.config", "_rl_accel"]

#: Never in either program: the test and build tools, and what the program does not use at run time (Babel only
#: compiles the catalogs, tools/i18n.py; Tk is Python's other GUI).
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    "psutil",
    "PyInstaller",
    "setuptools",
    "pkg_resources",
    "pip",
    "babel",
    "pygments",  # Mako's optional highlighting (Alembic renders no templates at run time)
    "mypy",
    "importlinter",
    "grimp",
    "IPython",
    "numpy",
    "matplotlib",
]
#: The command line's own: nothing of Qt, and not the window's code.
CLI_EXCLUDES = [*EXCLUDES, "PySide6", "shiboken6", "isodesk.ui", "isodesk.app", "isodesk.__main__"]

#: Qt plugin folders the window uses: the platform (Windows, X11 or offscreen), printing, the image formats of the
#: icons, and input methods (Vietnamese is typed through an input method on Linux).
QT_PLUGINS = {"platforms", "printsupport", "imageformats", "platforminputcontexts", "xcbglintegrations", "styles"}
#: Platform plugins kept (Wayland sessions run the X11 one through XWayland).
QT_PLATFORMS = {"qwindows", "qxcb", "qoffscreen", "qminimal"}
#: Image formats kept: PNG is built in; icons come as .ico on Windows and .svg on Linux desktops.
QT_IMAGE_FORMATS = {"qico", "qsvg", "qjpeg", "qgif"}
#: Qt libraries of modules the program does not import that the PySide6 hooks still carry.
QT_UNUSED_LIBRARIES = (
    "Qt6Quick",
    "Qt6Qml",
    "Qt6OpenGL.",
    "Qt6OpenGLWidgets",
    "Qt6VirtualKeyboard",
    "Qt6WaylandClient",
    "Qt6WaylandEgl",
    "Qt6Pdf",
    "libQt6Quick",
    "libQt6Qml",
    "libQt6OpenGL.",
    "libQt6OpenGLWidgets",
    "libQt6VirtualKeyboard",
    "libQt6WaylandClient",
    "libQt6WaylandEgl",
    "libQt6Pdf",
    "opengl32sw",  # Windows' software OpenGL (about 20 MiB): the window draws with widgets, never OpenGL
)


def keep(dest: str) -> bool:
    """Whether a file PyInstaller collected (named by its path in the bundle) goes into the bundle."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts:
        return True
    name = parts[-1]
    stem = name.split(".")[0]
    if parts[0] == "PySide6":
        inner = (
            parts[2:] if len(parts) > 1 and parts[1] == "Qt" else parts[1:]
        )  # Linux: PySide6/Qt/..., Windows: PySide6/...
        if inner and inner[0] == "translations":
            return False  # Qt's own catalogs: ours (translations/qt) carries Vietnamese, English needs none
        if inner and inner[0] == "plugins" and len(inner) > 1:
            folder = inner[1]
            if folder not in QT_PLUGINS:
                return False
            if folder == "platforms":
                return stem.removeprefix("lib") in QT_PLATFORMS
            if folder == "imageformats":
                return stem.removeprefix("lib") in QT_IMAGE_FORMATS
            return True
        if inner and inner[0] in ("qml", "resources", "metatypes", "typesystems", "include", "glue", "scripts"):
            return False
        return not name.startswith(QT_UNUSED_LIBRARIES)
    if name.startswith(QT_UNUSED_LIBRARIES):
        return False
    if parts[0] == "holidays" and "locale" in parts:
        return stem == "VN"  # each country's translations: only Vietnam's are read
    if parts[0] in ("PIL", "pillow.libs") and re.match(
        r"(_avif|_webp|libavif|libwebp|libsharpyuv|libaom|libdav1d)", name
    ):
        return False  # AVIF and WebP: reportlab draws PNG and JPEG only
    return "tests" not in parts[:-1] and "test" not in parts[:-1]
