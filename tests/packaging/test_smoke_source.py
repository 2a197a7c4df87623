"""``python -m app --smoke`` from the checkout: the same start-up check CI runs on the bundle.

Real processes, the real embedded PostgreSQL on a fresh data directory, offscreen Qt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import app

REPO = Path(app.__file__).resolve().parents[1]


def _smoke(data_dir: Path, **extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLINICDESK_DATA_DIR=str(data_dir),
               CLINICDESK_SYNC="false", CLINICDESK_CONFIG=str(data_dir.parent / "none.toml"),
               PYTHONPATH=str(REPO), **extra)
    if "DATABASE_URL" not in extra:
        env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "app", "--smoke"], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=180)


def test_smoke_starts_migrates_shows_sign_in_and_exits(tmp_path):
    data = tmp_path / "data"
    picture = tmp_path / "login.png"
    result = _smoke(data, CLINICDESK_SMOKE_GRAB=str(picture))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("SMOKE ")]
    assert [line.split()[1] for line in lines] == ["login_shown", "backend_ready", "receipt_pdf",
                                                  "ok"]
    shown, ready = float(lines[0].split()[2]), float(lines[1].split()[2])
    assert 0 < shown <= ready
    head = lines[1].split("head=")[1]
    assert f"revision={head}" in lines[1]
    assert picture.stat().st_size > 2000
    # Clean exit: the embedded server was stopped with the app.
    assert not (data / "pgdata" / "postmaster.pid").exists()


def test_smoke_reports_a_database_that_does_not_start(tmp_path):
    """Nothing listens on the port: one SMOKE failed line and exit 3, not a hang."""
    result = _smoke(tmp_path / "data",
                    DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=3",
                    CLINICDESK_SMOKE_TIMEOUT="60")
    assert result.returncode == 3, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("SMOKE failed")]
    assert len(failed) == 1 and "ok" not in result.stdout.split()
