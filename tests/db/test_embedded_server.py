"""The embedded server: started on demand, shared by a second instance, stopped when the last
one exits, and its data survives restarts."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import sys, sqlalchemy as sa
    from pathlib import Path
    from app.db import embedded
    url = embedded.start(Path(sys.argv[1]))
    eng = sa.create_engine(url)
    with eng.begin() as c:
        c.execute(sa.text("CREATE TABLE IF NOT EXISTS t (n int)"))
        if sys.argv[2] == "write":
            c.execute(sa.text("INSERT INTO t VALUES (42)"))
        print("ROWS", c.execute(sa.text("SELECT count(*) FROM t")).scalar(), flush=True)
        print("PID", c.execute(sa.text("SELECT pg_backend_pid()")).scalar(), flush=True)
    if sys.argv[2] == "hold":
        sys.stdin.readline()
""")


def _run(pgdata: Path, mode: str, **kw) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(pgdata), mode], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, **kw)


def _postmaster_running(pgdata: Path) -> bool:
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().splitlines()[0])
    return Path(f"/proc/{pid}").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_shared_then_stopped_and_data_survives(tmp_path):
    pgdata = tmp_path / "pgdata"
    holder = _run(pgdata, "hold")
    assert holder.stdout.readline().strip() == "ROWS 0"
    holder.stdout.readline()
    # A second instance joins the running server instead of starting another.
    writer = _run(pgdata, "write")
    out, _ = writer.communicate(timeout=60)
    assert "ROWS 1" in out
    assert _postmaster_running(pgdata), "the holder still uses the server"
    holder.communicate("\n", timeout=60)
    assert not _postmaster_running(pgdata), "the last instance stops the server on exit"
    # Restart: the row is still there.
    again = _run(pgdata, "read")
    out, _ = again.communicate(timeout=60)
    assert "ROWS 1" in out
