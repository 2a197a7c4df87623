"""Bad start-up input gets one clear sentence naming the fix, a non-zero exit, and nothing
half-created."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import load_settings
from app.db import embedded
from app.domain.errors import DatabaseUnavailable, ValidationError

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=60)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_database_url_names_the_fix(tmp_path):
    port = _free_port()
    result = _cli("db", "status", DATABASE_URL=f"postgresql://nobody@127.0.0.1:{port}/x",
                  CLINICDESK_CONFIG=str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "Cannot reach the database" in result.stderr and "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_port_taken_by_something_that_is_not_postgres(tmp_path):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        result = _cli("db", "status", DATABASE_URL=f"postgresql://x@127.0.0.1:{port}/x",
                      CLINICDESK_CONFIG=str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "Cannot reach the database" in result.stderr


def test_malformed_database_url(tmp_path):
    result = _cli("db", "status", DATABASE_URL="not a url",
                  CLINICDESK_CONFIG=str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr and "Traceback" not in result.stderr


def test_data_dir_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(DatabaseUnavailable, match="CLINICDESK_DATA_DIR"):
        embedded.start(blocker / "pgdata")
    assert not (blocker.parent / "pgdata").exists()


def test_bad_config_values_are_explained(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("idle_lock_minutes = 'ten'\n")
    with pytest.raises(ValidationError, match="idle_lock_minutes must be a whole number"):
        load_settings(env={}, config_file=cfg)
    cfg.write_text("this is = = not toml")
    with pytest.raises(ValidationError, match="not valid TOML"):
        load_settings(env={}, config_file=cfg)


def test_env_overrides_config_file(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("idle_lock_minutes = 3\nworkstation = 'desk-9'\n")
    s = load_settings(env={"CLINICDESK_IDLE_LOCK_MINUTES": "7"}, config_file=cfg)
    assert s.idle_lock_minutes == 7 and s.workstation == "desk-9" and s.embedded
