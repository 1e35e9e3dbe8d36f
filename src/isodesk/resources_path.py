"""Where the program's own files are: the fonts, seed data and form texts, and the compiled translations.

Their sources live beside ``src/`` in the repository, in ``resources/`` and ``translations/`` (the layout the
project was specified with; README, "For developers"). The wheel and the Windows bundle carry what the program
needs inside the package, as ``isodesk/resources/`` and ``isodesk/translations/`` (pyproject.toml's
``force-include``, installer/isodesk.spec). A source checkout, run from ``src/`` or installed editable (which
only puts ``src/`` on the path), has them at the top level instead. This module is the one place that knows both:
a file is looked up in the package first, then in the checkout.

Each path is looked up as a whole, not only its first folder, so a stale ``src/isodesk/resources/`` of an older
checkout (Python's ``__pycache__`` folders survive a ``git pull``) does not hide the real files.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: The repository's top level when the package runs from a source checkout (``<checkout>/src/isodesk``).
CHECKOUT = PACKAGE.parent.parent if PACKAGE.parent.name == "src" else None


def _find(folder: str, parts: tuple[str, ...]) -> Path:
    packaged = PACKAGE.joinpath(folder, *parts)
    if CHECKOUT is None or packaged.exists():
        return packaged
    source = CHECKOUT.joinpath(folder, *parts)
    return source if source.exists() else packaged


def resource_path(*parts: str) -> Path:
    """A file or folder of ``resources/``, e.g. ``resource_path("seed", "unit-aliases.csv")``.

    A missing one is named where an installed program would have it, for the caller's error to say."""
    return _find("resources", parts)


def translations_path(*parts: str) -> Path:
    """A file or folder of the compiled translations (``<lang>/LC_MESSAGES/isodesk.mo``, ``qt/qtbase_vi.qm``)."""
    return _find("translations", parts)
