"""The OpenDental sandbox: its generated practice, its raw wire format, control endpoint and CLI."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from app.integrations.opendental.practice import make_practice
from app.integrations.opendental.sandbox import start_sandbox
from app.integrations.opendental.wire import AptStatus, ClaimStatus

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def practice():
    return make_practice(21, patients=150, appointments=900, claims=300, today=TODAY,
                         clock=lambda: dt.datetime(2026, 12, 4, 16, 0))


@pytest.fixture
def sandbox():
    with start_sandbox(make_practice(4, patients=40, appointments=150, claims=40)) as running:
        yield running


def _auth(sandbox) -> dict[str, str]:
    return {"Authorization": f"ODFHIR {sandbox.developer_key}/{sandbox.customer_key}"}


def test_the_practice_is_deterministic_for_a_seed_and_a_day():
    kw = dict(patients=50, appointments=200, claims=60, today=TODAY,
              clock=lambda: dt.datetime(2026, 12, 4, 16, 0))
    one, two = make_practice(9, **kw), make_practice(9, **kw)
    assert list(one.appointments.values()) == list(two.appointments.values())
    assert list(one.claims.values()) == list(two.claims.values())
    assert list(make_practice(10, **kw).appointments.values()) != list(one.appointments.values())


def test_the_practice_is_realistic(practice):
    statuses = Counter(c.claim_status for c in practice.claims.values())
    assert set(statuses) == set(ClaimStatus)  # every ClaimStatus U/H/W/S/R/I
    days = {a.apt_date_time.date() for a in practice.appointments.values()}
    assert min(days) == TODAY - dt.timedelta(days=28) and max(days) == TODAY + dt.timedelta(14)
    for apt in practice.appointments.values():
        past = apt.apt_date_time < dt.datetime(2026, 12, 4, 16, 0)
        assert (apt.apt_status in (AptStatus.COMPLETE, AptStatus.BROKEN, AptStatus.UNSCHED_LIST)
                if past else apt.apt_status in (AptStatus.SCHEDULED, AptStatus.ASAP))
        assert apt.date_t_stamp <= dt.datetime(2026, 12, 4, 16, 0)
    assert any("(SIMULATED)" in c.carrier_name for c in practice.carriers.values())
    assert all(p.wireless_phone.startswith("+9715") for p in practice.patients.values())
    # Claims cost what their procedures cost (AED, Decimal) and sit on completed procedures.
    procs_of = defaultdict(list)
    for cp in practice.claimprocs.values():
        procs_of[cp.claim_num].append(cp)
    for claim in practice.claims.values():
        rows = procs_of[claim.claim_num]
        assert rows and sum((r.fee_billed for r in rows), Decimal(0)) == claim.claim_fee
        assert all(practice.procedures[r.proc_num].proc_status == "C" for r in rows)
    # Each check pays exactly the claimprocs attached to it (apis.md §1.5).
    paid = defaultdict(Decimal)
    for cp in practice.claimprocs.values():
        if cp.claim_payment_num:
            paid[cp.claim_payment_num] += cp.ins_pay_amt
    assert paid and all(practice.claimpayments[n].check_amt == amount
                        for n, amount in paid.items())
    denials = [c for c in practice.claims.values() if c.reason_under_paid]
    assert denials and all(c.claim_status is ClaimStatus.RECEIVED
                           and c.ins_pay_amt == 0 for c in denials)
    kinds = Counter(b.benefit_type for b in practice.benefits.values())
    assert {"CoInsurance", "Deductible", "Limitations"} <= set(kinds)
    assert any(s.date_term and s.date_term < TODAY for s in practice.inssubs.values())


def test_the_raw_wire_format_is_opendentals(sandbox):
    response = httpx.get(f"{sandbox.url}/claims", params={"Limit": 500},
                         headers=_auth(sandbox), timeout=5)
    assert response.status_code == 200
    assert response.headers["X-ClinicDesk-Sandbox"] == "SIMULATED"
    rows = response.json()
    assert len(rows) == 40  # 40 claims, Limit above 100 is clamped (none lost here)
    row = rows[0]
    assert {"ClaimNum", "PatNum", "ClaimStatus", "ClaimFee", "SecDateTEdit",
            "serverDateTime"} <= set(row)
    assert isinstance(row["ClaimFee"], float) and row["IsOrtho"] in ("True", "False")
    big = httpx.get(f"{sandbox.url}/appointments", params={"Limit": 500},
                    headers=_auth(sandbox), timeout=5).json()
    assert len(big) == 100  # the hard limit
    payments = httpx.get(f"{sandbox.url}/claimpayments", headers=_auth(sandbox),
                         timeout=5).json()
    assert payments and isinstance(payments[0]["CheckAmt"], str)


def test_errors_are_plain_text_explanations(sandbox):
    no_auth = httpx.get(f"{sandbox.url}/claims/1", timeout=5)
    assert no_auth.status_code == 401 and "ODFHIR" in no_auth.text
    missing = httpx.get(f"{sandbox.url}/appointments/424242", headers=_auth(sandbox), timeout=5)
    assert (missing.status_code, missing.text) == (404, "Appointment not found.")
    assert missing.headers["content-type"].startswith("text/plain")
    bad = httpx.get(f"{sandbox.url}/claims/abc", headers=_auth(sandbox), timeout=5)
    assert (bad.status_code, bad.text) == (400, "ClaimNum abc is invalid.")
    body = httpx.post(f"{sandbox.url}/appointments", headers=_auth(sandbox),
                      content=json.dumps({"PatNum": 1}), timeout=5)
    assert (body.status_code, body.text) == (400, "Op is required.")


def test_faults_can_be_switched_per_request_over_http(sandbox):
    control = sandbox.url.replace("/api/v1", "/_sandbox")
    added = httpx.post(f"{control}/faults", json={"kind": "server_error", "times": 1},
                       timeout=5)
    assert added.status_code == 201
    assert httpx.get(f"{sandbox.url}/claims/1", headers=_auth(sandbox), timeout=5
                     ).status_code == 500
    assert httpx.get(f"{sandbox.url}/claims/1", headers=_auth(sandbox), timeout=5
                     ).status_code == 200
    state = httpx.get(f"{control}/state", timeout=5).json()
    assert state["label"] == "SIMULATED" and state["faults"][0]["hits"] == 1
    assert state["counts"]["claims"] == 40
    assert httpx.post(f"{control}/faults", json={"kind": "nonsense"}, timeout=5
                      ).status_code == 400
    assert httpx.delete(f"{control}/faults", timeout=5).json() == {"faults": 0}


def test_unknown_scenarios_are_refused():
    with pytest.raises(ValueError, match="throttled"):
        start_sandbox(make_practice(1, patients=5, appointments=5, claims=0), scenario="nope")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_sandbox_cli_starts_and_answers():
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.integrations.opendental.sandbox", "--port", str(port),
         "--appointments", "120", "--patients", "30", "--claims", "20"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        url = f"http://127.0.0.1:{port}/api/v1"
        assert url in first and "SIMULATED" in first
        headers = {"Authorization": "ODFHIR clinicdesk-sandbox-developer/"
                                    "clinicdesk-sandbox-customer"}
        rows = httpx.get(f"{url}/appointments", params={"Offset": 100}, headers=headers,
                         timeout=5).json()
        assert len(rows) == 20 and rows[0]["AptNum"] == 101
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
    assert proc.returncode == 0


def test_a_spawned_sandbox_runs_in_its_own_process_and_stops():
    from app.integrations.opendental.client import OpenDentalClient
    from app.integrations.opendental.sandbox import spawn_sandbox

    with spawn_sandbox(patients=20, appointments=130, claims=10) as child:
        assert child.url.startswith("http://127.0.0.1:") and child.process.pid
        with OpenDentalClient(child.url, (child.developer_key, child.customer_key),
                              requests_per_second=None) as api:
            assert len(api.list_appointments().items) == 130
    assert child.process.returncode == 0
