"""The desk in a real X window (Xvfb), as a user meets it: the app starts as `python -m app`,
its sign-in window appears, a receptionist signs in from the keyboard and the main window opens.

Offscreen grabs cannot show that Qt's xcb plugin finds its system libraries, nor that keyboard
focus and Enter work in a real window; this test does. It needs Xvfb and xdotool (README's list;
.ci/run installs them). Outside CI it is skipped when they are missing; in CI it fails instead,
so a missing package cannot hide behind a skip.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.ui import platform_check

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool")


def _need_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (see README)")
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb xdotool)")


def _wait_window(display: str, name: str, timeout: float) -> str | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                             env={**os.environ, "DISPLAY": display},
                             capture_output=True, text=True).stdout.split()
        if out:
            return out[0]
        time.sleep(0.2)
    return None


def _titles(display: str) -> list[str]:
    env = {**os.environ, "DISPLAY": display}
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "ClinicDesk"],
                         env=env, capture_output=True, text=True).stdout.split()
    return [subprocess.run(["xdotool", "getwindowname", w], env=env, capture_output=True,
                           text=True).stdout.strip() for w in ids]


@pytest.fixture
def xvfb() -> str:
    _need_tools()
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x820x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as r:
        number = r.readline().strip()
    assert number, "Xvfb did not report a display number"
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def test_platform_check_finds_nothing_missing_where_the_desk_runs(xvfb: str) -> None:
    env = {"DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    assert platform_check.problem(env) is None, platform_check.problem(env)


def test_real_window_opens_and_signs_in_from_the_keyboard(xvfb: str, fresh_db_url: str,
                                                           tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=xvfb, DATABASE_URL=fresh_db_url, CLINICDESK_DATA_DIR=str(tmp_path),
               CLINICDESK_SYNC="false", CLINICDESK_WORKSTATION="xvfb-desk",
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env["CLINICDESK_STARTUP_PROBE"] = "1"  # prints BACKEND_READY when Sign in is enabled
    app = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in app.stdout:
            lines.append(line)
            if "BACKEND_READY" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        login = _wait_window(xvfb, "ClinicDesk — Sign in", 30)
        assert login, "the sign-in window never appeared: " + "".join(lines)
        xdo = {**os.environ, "DISPLAY": xvfb}
        subprocess.run(["xdotool", "windowactivate", "--sync", login], env=xdo, check=False)
        subprocess.run(["xdotool", "type", "--delay", "20", "reception"], env=xdo, check=True)
        subprocess.run(["xdotool", "key", "Tab"], env=xdo, check=True)
        subprocess.run(["xdotool", "type", "--delay", "20", "reception123"], env=xdo,
                       check=True)
        assert ready.wait(60), "the database never became ready: " + "".join(lines)
        subprocess.run(["xdotool", "key", "Return"], env=xdo, check=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(
                t.startswith("ClinicDesk — ") and t != "ClinicDesk — Sign in"
                for t in _titles(xvfb)):
            time.sleep(0.2)
        titles = _titles(xvfb)
        assert "ClinicDesk — Al Noor Family Clinic" in titles, (
            f"signing in from the keyboard did not open the main window: {titles} "
            + "".join(lines))
        assert "ClinicDesk — Sign in" not in titles
        if shutil.which("import"):  # imagemagick: keep a picture of what the user saw
            subprocess.run(["import", "-window", "root", str(tmp_path / "real-window.png")],
                           env=xdo, check=False)
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    out = "".join(lines)
    assert app.returncode == 0, out
    assert "Traceback" not in out, out
