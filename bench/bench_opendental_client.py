"""OpenDental client + loopback sandbox throughput: a full paged read of 50k appointments.

    python bench/bench_opendental_client.py [--appointments 50000] [--claims 20000] [--runs 3]

One process: the sandbox (app/integrations/opendental/sandbox.py) on 127.0.0.1 serving a
generated practice, and OpenDentalClient with pacing off (``requests_per_second=None``) reading
every appointment (pages of 100, overlapping by one row) and every claim, parsing each row
strictly into wire dataclasses. Prints rows/s end to end (HTTP + JSON + parsing on both sides;
the GIL is shared by the server and the client, as it would be for the demo) and rows per
CPU-second of the process (what the code costs, whatever else the machine runs), requests sent,
and the peak traced Python memory of the streaming read (only one page is held at a time).
Then the rate limiter: 5 calls at 10 req/s take >= 0.4 s. No database involved.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appointments", type=int, default=50_000)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--patients", type=int, default=8_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from app.integrations.opendental.client import OpenDentalClient
    from app.integrations.opendental.practice import make_practice
    from app.integrations.opendental.sandbox import start_sandbox

    started = time.perf_counter()
    practice = make_practice(7, patients=args.patients, appointments=args.appointments,
                             claims=args.claims)
    print(f"practice generated in {time.perf_counter() - started:.1f} s: {practice.counts()}")
    with start_sandbox(practice) as sandbox:
        keys = (sandbox.developer_key, sandbox.customer_key)
        rates: list[float] = []
        cpu_rates: list[float] = []  # independent of how busy the machine is
        for run in range(args.runs):
            with OpenDentalClient(sandbox.url, keys, requests_per_second=None) as od:
                t0, c0 = time.perf_counter(), time.process_time()
                rows = 0
                for page in od.iter_appointment_pages():
                    rows += len(page.items)
                elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
                rates.append(rows / elapsed)
                cpu_rates.append(rows / cpu)
                print(f"run {run + 1}: {rows} appointments in {elapsed:.2f} s = "
                      f"{rows / elapsed:,.0f} rows/s, {od.stats.requests} requests; "
                      f"{cpu:.2f} CPU-s = {rows / cpu:,.0f} rows per CPU-second")
        print(f"appointments: median {statistics.median(rates):,.0f} rows/s "
              f"(bar: >= 5,000 rows/s); median {statistics.median(cpu_rates):,.0f} rows per "
              "CPU-second (server + client share one process and one GIL)")
        # Memory of a streaming read, measured apart: tracemalloc slows Python several-fold.
        with OpenDentalClient(sandbox.url, keys, requests_per_second=None) as od:
            tracemalloc.start()
            rows = sum(len(page.items) for page in od.iter_appointment_pages())
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"streaming read of {rows} appointments: peak traced allocation "
                  f"{peak / 1e6:.1f} MB (client and server, beyond the practice itself)")
        with OpenDentalClient(sandbox.url, keys, requests_per_second=None) as od:
            t0 = time.perf_counter()
            claims = sum(len(p.items) for p in od.iter_claim_pages())
            elapsed = time.perf_counter() - t0
            print(f"claims: {claims} in {elapsed:.2f} s = {claims / elapsed:,.0f} rows/s")
        with OpenDentalClient(sandbox.url, keys, requests_per_second=10) as od:
            t0 = time.perf_counter()
            for _ in range(5):
                od.get_appointment(1)
            print(f"rate limiter: 5 calls at 10 req/s took {time.perf_counter() - t0:.3f} s "
                  "(>= 0.4 s expected)")
    # The same read with the server in its own process, as a real OpenDental would be.
    from app.integrations.opendental.sandbox import spawn_sandbox

    with spawn_sandbox(patients=args.patients, appointments=args.appointments,
                       claims=args.claims) as child:
        keys = (child.developer_key, child.customer_key)
        for run in range(args.runs):
            with OpenDentalClient(child.url, keys, requests_per_second=None) as od:
                t0, c0 = time.perf_counter(), time.process_time()
                rows = sum(len(page.items) for page in od.iter_appointment_pages())
                elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
                print(f"server in a child process, run {run + 1}: {rows} appointments in "
                      f"{elapsed:.2f} s = {rows / elapsed:,.0f} rows/s; client "
                      f"{cpu:.2f} CPU-s = {rows / cpu:,.0f} rows per client CPU-second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
