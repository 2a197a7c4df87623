"""Before Qt opens a window: can it? On a minimal Linux machine Qt's xcb plugin misses system
libraries (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 ...) and Qt aborts with a core dump
and a paragraph about plugins. We ask the dynamic linker first and, when something is missing,
say in one sentence which Debian/Ubuntu packages to install.

Standard library only: it runs before QApplication exists. For the same reason its sentence
stays English: it is printed on the terminal before any language is chosen (like the CLI's).
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Loaded by Qt with dlopen at run time, so ldd cannot see them missing.
_DLOPENED = ("xcb-cursor",)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def debian_package(soname: str) -> str:
    """``libxcb-icccm.so.4`` -> ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` ->
    ``libxkbcommon-x11-0`` (Debian's rule: a dash when the name ends in a digit)."""
    m = re.match(r"^(lib.+?)\.so\.(\d+)", soname)
    if not m:
        return soname
    name, major = m.group(1).lower(), m.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def _qt_dir() -> Path | None:
    try:
        import PySide6  # noqa: PLC0415 (only the package path; Qt itself is not loaded)
    except ImportError:
        return None
    return Path(PySide6.__file__).resolve().parent / "Qt"


def uses_xcb(env: dict[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing_libraries(qt_dir: Path | None = None) -> list[str]:
    """Sonames the xcb platform plugin needs and the system lacks (empty when unknown)."""
    qt_dir = qt_dir or _qt_dir()
    ldd = shutil.which("ldd")
    if qt_dir is None or ldd is None:
        return []
    missing: list[str] = []
    # ldd resolves recursively: the plugin's line covers libQt6XcbQpa and everything below it.
    plugin = qt_dir / "plugins" / "platforms" / "libqxcb.so"
    if plugin.exists():
        try:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                                 timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        for soname in _NOT_FOUND.findall(out):
            if soname not in missing:
                missing.append(soname)
    for name in _DLOPENED:
        if ctypes.util.find_library(name) is None:
            missing.append(f"lib{name}.so.0")
    return missing


def problem(env: dict[str, str] | None = None) -> str | None:
    """One sentence saying why no window can open here, or None when nothing is in the way."""
    env = os.environ if env is None else env
    if not uses_xcb(env):
        return None
    if not env.get("DISPLAY"):
        return ("ClinicDesk needs a desktop to open its window and this session has no display "
                "(DISPLAY is not set): run it from a desktop session, or over ssh with -X.")
    missing = missing_libraries()
    if not missing:
        return None
    packages = " ".join(sorted({debian_package(m) for m in missing}))
    return ("Qt cannot open a window because system libraries are missing "
            f"({', '.join(missing)}); install them with: sudo apt-get install {packages}")
