"""`python -m app.integrations.dha.sandbox --port N` runs the sandbox standalone."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_standalone_sandbox_serves_the_wsdl_and_lists_its_members():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.integrations.dha.sandbox", "--port",
                             str(port)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/ValidateTransactions.asmx" in first
        assert "SIMULATED" in first
        wsdl = requests.get(f"http://127.0.0.1:{port}/ValidateTransactions.asmx?WSDL", timeout=5)
        assert wsdl.status_code == 200 and "GetNewPriorAuthorizationTransactions" in wsdl.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
