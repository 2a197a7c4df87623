"""Cold start: process launch -> login window on screen, and -> database ready (Sign in enabled).

    python bench/bench_startup.py [--runs 5]

Runs `python -m app` offscreen with a throw-away data directory: the first run pays initdb +
migrations + demo data; later runs find the embedded server initialised (stopped between runs,
so each pays a real server start). Prints medians; the README quotes them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(data_dir: str) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLINICDESK_DATA_DIR=data_dir,
               CLINICDESK_STARTUP_PROBE="1", CLINICDESK_SYNC="false")
    env.pop("DATABASE_URL", None)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown = ready = float("nan")
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("LOGIN_SHOWN"):
            shown = time.perf_counter() - start
        elif line.startswith("BACKEND_READY"):
            ready = time.perf_counter() - start
            break
    proc.terminate()
    proc.wait(timeout=30)
    return shown, ready


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cd-bench-") as data_dir:
        first_shown, first_ready = one_run(data_dir)
        print(f"first start (initdb + migrations + demo): login shown {first_shown:.2f} s, "
              f"database ready {first_ready:.2f} s")
        shown, ready = [], []
        for _ in range(args.runs):
            s, r = one_run(data_dir)
            shown.append(s)
            ready.append(r)
        print(f"cold start, server initialised ({args.runs} runs): login shown median "
              f"{statistics.median(shown):.2f} s (max {max(shown):.2f}), database ready median "
              f"{statistics.median(ready):.2f} s (max {max(ready):.2f}); goal <= 1.5 s")


if __name__ == "__main__":
    main()
