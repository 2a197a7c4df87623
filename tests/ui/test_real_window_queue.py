"""The queue from the keyboard in a real X window (Xvfb + xdotool), as the trial met it
(issue 11, point 1): after switching to another page and back, Ctrl+F reaches the search box,
the MRN typed there and Enter open the copay step of that patient, and F1 opens the list of
keyboard shortcuts. Offscreen tests cannot show real focus; this one does."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import sqlalchemy as sa

from tests.ui.test_real_window import ROOT, _titles, _wait_window, xvfb  # noqa: F401

SHOTS = Path("/tmp/f3")


def _pending_mrn(url: str) -> str:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as c:
            return c.execute(sa.text(
                "SELECT p.mrn FROM appointments a JOIN patients p ON p.id = a.patient_id "
                "JOIN hospitals h ON h.id = a.hospital_id "
                "WHERE a.appointment_date = (now() AT TIME ZONE h.timezone)::date "
                "AND a.status IN ('SCHEDULED', 'CONFIRMED') AND a.copay_status = 'PENDING' "
                "ORDER BY a.scheduled_start, a.id LIMIT 1")).scalar_one()
    finally:
        engine.dispose()


def _until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_ctrl_f_enter_and_f1_in_a_real_window(xvfb: str, fresh_db_url: str,  # noqa: F811
                                              tmp_path: Path) -> None:
    mrn = _pending_mrn(fresh_db_url)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=xvfb, DATABASE_URL=fresh_db_url, CLINICDESK_DATA_DIR=str(tmp_path),
               CLINICDESK_SYNC="false", CLINICDESK_WORKSTATION="xvfb-desk",
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               CLINICDESK_STARTUP_PROBE="1")
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
    xdo = {**os.environ, "DISPLAY": xvfb}

    def key(*keys: str) -> None:
        subprocess.run(["xdotool", "key", "--delay", "80", *keys], env=xdo, check=True)
        time.sleep(0.6)

    def shot(name: str) -> None:
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(SHOTS / name)], env=xdo,
                           check=False)

    try:
        login = _wait_window(xvfb, "ClinicDesk — Sign in", 30)
        assert login, "the sign-in window never appeared: " + "".join(lines)
        subprocess.run(["xdotool", "windowactivate", "--sync", login], env=xdo, check=False)
        subprocess.run(["xdotool", "type", "--delay", "20", "reception"], env=xdo, check=True)
        key("Tab")
        subprocess.run(["xdotool", "type", "--delay", "20", "reception123"], env=xdo,
                       check=True)
        assert ready.wait(60), "the database never became ready: " + "".join(lines)
        key("Return")
        assert _until(lambda: "ClinicDesk — Al Noor Family Clinic" in _titles(xvfb), 30), (
            _titles(xvfb), "".join(lines))
        time.sleep(2)  # the queue loads
        # Xvfb runs no window manager: give the new main window the X focus as one would.
        main = _wait_window(xvfb, "ClinicDesk — Al Noor Family Clinic", 5)
        subprocess.run(["xdotool", "windowfocus", "--sync", main], env=xdo, check=False)
        time.sleep(0.5)
        key("ctrl+3")  # Refunds
        time.sleep(1)
        key("ctrl+1")  # back to the queue: the focus is wherever the page switch left it
        key("ctrl+f")
        subprocess.run(["xdotool", "type", "--delay", "30", mrn], env=xdo, check=True)
        time.sleep(0.8)
        shot("real_queue_search.png")
        key("Return")
        assert _until(lambda: any(t.startswith("Copay collection") for t in _titles(xvfb)
                                  if t) or bool(_names(xvfb, "Copay collection")), 20), (
            "Enter on the only match did not open the copay step: " + str(_titles(xvfb)))
        shot("real_queue_enter_copay.png")
        key("Escape")
        time.sleep(1)
        # no window manager gives the focus back when the dialog closes: do it as one would
        subprocess.run(["xdotool", "windowfocus", "--sync", main], env=xdo, check=False)
        key("F1")
        assert _until(lambda: bool(_names(xvfb, "Keyboard shortcuts")), 10), (
            "F1 did not open the keyboard shortcuts")
        shot("real_keyboard_help.png")
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    assert "Traceback" not in "".join(lines), "".join(lines)


def _names(display: str, name: str) -> list[str]:
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                          env={**os.environ, "DISPLAY": display}, capture_output=True,
                          text=True).stdout.split()
