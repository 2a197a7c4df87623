"""The built bundle: its size, and how long the frozen desk takes to show sign-in.

    python bench/bench_frozen_start.py [--bundle dist/clinicdesk] [--runs 5]

Runs ``clinicdesk --smoke`` offscreen (app/ui/smoke.py) and times, from process launch by
this script's clock, the line ``SMOKE login_shown`` (the sign-in window is on screen) and
``SMOKE backend_ready`` (embedded server up, schema at head: Sign in enabled):

- fresh: a new data directory every run (initdb, migrations, the demo clinic);
- warm: one initialised data directory, its server stopped between runs (each run pays a
  real server start), i.e. every later morning at the desk.

The operating system's file cache is warm in both (the bundle was just read): a first start
after a reboot reads ~230 MB from disk more. Prints medians and the folder size; README and
docs/installer.md quote them. Goal: sign-in within 2 s, bundle <= 250 MB.
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
EXE = ".exe" if os.name == "nt" else ""


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def one_run(bundle: Path, data_dir: Path) -> tuple[float, float, float]:
    """(login shown, database ready, process exited) in seconds since launch."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLINICDESK_DATA_DIR=str(data_dir),
               CLINICDESK_SYNC="false", CLINICDESK_CONFIG=str(data_dir.parent / "none.toml"))
    for name in ("DATABASE_URL", "PYTHONPATH"):
        env.pop(name, None)
    start = time.perf_counter()
    proc = subprocess.Popen([str(bundle / f"clinicdesk{EXE}"), "--smoke"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown = ready = float("nan")
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SMOKE login_shown"):
            shown = time.perf_counter() - start
        elif line.startswith("SMOKE backend_ready"):
            ready = time.perf_counter() - start
        elif line.startswith("SMOKE failed"):
            raise SystemExit(f"the frozen desk did not start: {line.strip()}")
    code = proc.wait(timeout=120)
    exited = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"clinicdesk --smoke exited {code}")
    return shown, ready, exited


def _summary(label: str, runs: list[tuple[float, float, float]]) -> str:
    shown, ready, exited = (sorted(col) for col in zip(*runs, strict=True))
    return (f"{label} ({len(runs)} runs): sign-in shown median {statistics.median(shown):.2f} s "
            f"(max {shown[-1]:.2f}), database ready median {statistics.median(ready):.2f} s "
            f"(max {ready[-1]:.2f}), clean exit after {statistics.median(exited):.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "clinicdesk")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    bundle = args.bundle.resolve()
    if not (bundle / f"clinicdesk{EXE}").is_file():
        print(f"no bundle in {bundle}: python3 packaging/build.py first", file=sys.stderr)
        return 2
    print(f"bundle {bundle}: {folder_mb(bundle):.0f} MB (goal <= 250 MB)")
    if hasattr(os, "getloadavg"):  # start times on a busy machine are not a desk's
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="cd-frozen-") as tmp:
        fresh = [one_run(bundle, Path(tmp) / f"fresh{i}" / "data") for i in range(args.runs)]
        print(_summary("fresh data directory", fresh))
        warm_dir = Path(tmp) / "warm" / "data"
        one_run(bundle, warm_dir)  # initialise it
        warm = [one_run(bundle, warm_dir) for _ in range(args.runs)]
        print(_summary("initialised data directory", warm) + "; goal: sign-in <= 2 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
