"""GUI stall while an OpenDental sync runs in the background.

    python bench/bench_opendental_gui_stall.py [--url URL] [--appointments 20000]

A Qt event loop (offscreen) runs a 5 ms timer on the GUI thread while the sync engine, on a
thread of its own as in the app, reads every appointment of a sandbox practice (sandbox in its
own process, pacing off: the heaviest the sync gets) into a scratch database. The stall is how
late the timer fires beyond its 5 ms (the GUI thread waiting for the GIL or anything else);
reported: max, p99 and median, with and without the sync running. The heap is settled first
(app/ui/gc_tuning.py), as the app does after sign-in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_opendental_ingest import _admin_url, scratch_clinic  # noqa: E402


def _measure(app, seconds: float, busy: threading.Event | None = None) -> list[float]:
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - 5)
        last[0] = now
        if busy is not None and not busy.is_set():
            app.quit()

    timer.timeout.connect(tick)
    timer.start()
    if busy is None:
        QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    timer.stop()
    return gaps


def _summary(gaps: list[float]) -> str:
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    return (f"max {max(gaps):.1f} ms, p99 {p99:.1f} ms, median {statistics.median(gaps):.1f} ms "
            f"({len(gaps)} ticks)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--appointments", type=int, default=20_000)
    args = parser.parse_args()
    args.claims, args.patients = 100, 4000

    from PySide6.QtWidgets import QApplication

    from app.db.models import OpenDentalConnection
    from app.domain.enums import OpenDentalMode
    from app.integrations.opendental.credentials import SANDBOX_KEYS
    from app.sync import jobs
    from app.sync.opendental import appointments as appts
    from app.sync.opendental.connections import ClientFactory, connection_info

    admin = _admin_url(args.url)
    app = QApplication.instance() or QApplication([])
    with scratch_clinic(args, admin, "cd_bench_stall") as (engine, uow, hid, sandbox_url):
        with uow() as u:
            row = OpenDentalConnection(hospital_id=hid, name="stall", timezone="Asia/Dubai",
                                       mode=OpenDentalMode.SANDBOX, requests_per_second=9999,
                                       cadence={})
            u.session.add(row)
            u.commit()
            conn_id = row.id
        info = connection_info(uow, conn_id)
        clients = ClientFactory(lambda: (sandbox_url, SANDBOX_KEYS))
        days = (dt.date.today() - dt.timedelta(days=29), dt.date.today() + dt.timedelta(days=15))
        job = jobs.Job("stall", "all appointments", jobs.Trigger.every(15),
                       lambda ctx: (appts._window_read(ctx, *days), jobs.JobResult())[1],
                       per_connection=True)

        from app.ui.gc_tuning import settle_heap

        settle_heap()  # as the app does after sign-in
        idle = _measure(app, 3.0)
        print(f"idle GUI thread:        {_summary(idle)}")
        busy = threading.Event()
        busy.set()
        result: list = []

        def background() -> None:
            try:
                result.append(jobs.run_job(job, engine=engine, uow=uow, hospital_id=hid,
                                           connection=info, client_factory=clients))
            finally:
                busy.clear()

        started = time.perf_counter()
        threading.Thread(target=background, daemon=True).start()
        during = _measure(app, 0, busy)
        elapsed = time.perf_counter() - started
        res = result[0]
        print(f"during the sync:        {_summary(during)}")
        print(f"the sync: {res.rows_read} appointments read, {res.rows_written} rows written in "
              f"{elapsed:.1f} s ({'ok' if res.ok else res.error})")
        return 0


if __name__ == "__main__":
    sys.exit(main())
