"""Where the app's read-only files live, from a source checkout and from a frozen bundle.

Every resource (style sheet, fonts, WSDL, translations, migrations) is found through
``resource_path`` so that nothing else needs to know whether PyInstaller unpacked the app
into ``sys._MEIPASS`` or it runs from the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder that holds ``resources/`` and ``migrations/``: the repository root from
    source, the bundle's data folder when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[1]


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """``resource_path("fonts", "DejaVuSans.ttf")`` → ``<root>/resources/fonts/DejaVuSans.ttf``."""
    return bundle_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return bundle_root() / "migrations"
