#!/usr/bin/env python3
"""Set-up and launch on a fresh machine with only Python 3.11+ (standard library only).

    python3 clinicdesk.py run     install what is needed into .venv, then open the desk
    python3 clinicdesk.py test    install with test extras into .venv, then run the test suite

Anything after the command is passed on (to `python -m app` or to pytest).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CLINICDESK_VENV", ROOT / ".venv"))


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _ensure_env(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script runs before the venv exists)
        sys.exit("ClinicDesk needs Python 3.11 or newer.")
    if not _python().exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        target = f".[{extras}]" if extras else "."
        print("installing dependencies (first run only)…", flush=True)
        subprocess.check_call([str(_python()), "-m", "pip", "install", "-q", "--upgrade", "pip"])
        subprocess.check_call([str(_python()), "-m", "pip", "install", "-q", "-e", target],
                              cwd=ROOT)
        stamp.write_text(digest)
    return _python()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        py = _ensure_env("")
        return subprocess.call([str(py), "-m", "app", *rest], cwd=ROOT)
    py = _ensure_env("test")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
