"""Render every screen offscreen to PNG (``python -m app screenshots DIR``), for the README,
reviews and release notes.

Builds a context on the configured database (the embedded server unless DATABASE_URL is set;
the demo hospital is created on an empty database), signs in as the demo admin and grabs:
the sign-in window, the main window on the queue, the Live Queue tab, the copay dialog for an
insured in-network patient, a COB patient, a self-pay patient (with Add Insurance filled in,
and refused for a mistyped amount) and a blocking pre-auth (with Request Pre-Auth filled in),
the insured patient's copay dialog again in Arabic (copay-ar), the receipt screen, Record
Vitals, the walk-in page, and every other page of the main window.

Nothing is written to the demo data except the admin's login session (ended at the end): the
receipt screen shows an existing demo receipt rather than collecting, the vitals, insurance
and pre-auth dialogs are filled in but not saved, and the walk-in page only searches. Each grab waits until the
screen's background loads have finished. Only DIR is written: on a clinic's database the
pictures hold patient names, so they never land in the install folder by themselves (copy the
ones the README shows into docs/screenshots/ by hand, from the demo).

The Arabic pictures (``queue-ar``, ``walkin-ar``) are made last, signed in as the demo
receptionist in Arabic at 1280x800: the main window on the queue, and the walk-in page with
quick registration filled in for a patient not found (nothing is registered).
``python -m app.ui.screenshots DIR --arabic`` renders only those two.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.config import Settings
from app.ui.i18n import tr

log = logging.getLogger(__name__)

#: What the pictures type into the screens: demo input as a person would type it (data, in
#: whatever language the screen is; not interface text).
_DEMO = {
    "plan": "Enhanced", "policy": "DM-2026-004512", "mistyped": "five hundred",
    "preauth_note": "Persistent lower back pain for 6 weeks despite physiotherapy; MRI of the "
                    "lumbar spine advised.",
    "name_search": "Al M", "new_patient": "Sara Khan",
}

def _settle(app: Any, ctx: Any, timeout: float = 20.0) -> None:
    """Process events until the ops runner has been idle for a few consecutive checks (so
    the debounce timers and the callbacks they start have run too)."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        app.processEvents()
        quiet = 0 if ctx.ops.busy else quiet + 1
        time.sleep(0.02)
    app.processEvents()


def _first(rows: list[Any], ctx: Any, want: Callable[[Any, Any], bool]) -> Any | None:
    """The first of today's appointments waiting for check-in whose quote matches."""
    for row in rows:
        if row.status.value not in ("SCHEDULED", "CONFIRMED"):
            continue
        if row.copay_status.value != "PENDING":
            continue
        view = ctx.services.copay.quote(ctx.actor, row.appointment_id)
        if want(row, view):
            return row
    return None


class _Shooter:
    def __init__(self, app: Any, ctx: Any, directory: Path) -> None:
        self.app, self.ctx, self.directory = app, ctx, directory
        self.written: list[Path] = []

    def grab(self, widget: Any, name: str) -> Path:
        _settle(self.app, self.ctx)
        path = self.directory / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.written.append(path)
        log.info("wrote %s", path)
        return path


def _add_insurance(shoot: _Shooter, copay: Any) -> None:
    """The Add Insurance dialog filled in from a card, then refused for a mistyped amount
    (nothing is saved: the service refuses before writing)."""
    copay.add_insurance()
    dialog = copay.insurance_dialog
    _settle(shoot.app, shoot.ctx)
    if dialog.payer.count() > 1:
        dialog.payer.setCurrentIndex(1)
    dialog.plan.setText(_DEMO["plan"])
    dialog.policy_number.setText(_DEMO["policy"])
    dialog.member_id.setText("784-1990-1234567")
    dialog.copay_pct.setText("20")
    dialog.deductible.setText("500.00")
    dialog.copay_max.setText("2,000")
    dialog.adjustSize()
    shoot.grab(dialog, "add-insurance")
    dialog.policy_number.clear()
    dialog.deductible.setText(_DEMO["mistyped"])
    dialog.save()
    _settle(shoot.app, shoot.ctx)
    dialog.adjustSize()
    shoot.grab(dialog, "add-insurance-errors")
    dialog.reject()


def _request_preauth(shoot: _Shooter, copay: Any) -> None:
    """The Request Pre-Auth dialog with a note and an amount (not sent)."""
    copay.request_preauth()
    dialog = copay.preauth_dialog
    dialog.note.setPlainText(_DEMO["preauth_note"])
    dialog.amount.setText("450.00")
    dialog.adjustSize()
    shoot.grab(dialog, "request-preauth")
    dialog.reject()


def _copay_in_arabic(shoot: _Shooter, rows: list[Any],
                     cases: list[tuple[str, Callable[[Any, Any], bool]]]) -> None:
    """copay-ar.png: the insured patient's copay dialog in Arabic, right to left (issue 15),
    the breakdown open as in copay-insured.png; the interface goes back to English after."""
    from app.ui import i18n
    from app.ui.copay_dialog import CopayDialog

    row = next((r for _name, want in cases
                if (r := _first(rows, shoot.ctx, want)) is not None), None)
    if row is None:
        log.warning("no insured appointment today for copay-ar; skipped")
        return
    i18n.install("ar")
    try:
        dialog = CopayDialog(shoot.ctx, row.appointment_id)
        dialog.show()
        _settle(shoot.app, shoot.ctx)
        dialog.explanation.set_expanded(True)
        content = dialog.scroll.widget()
        if content is not None:
            below = dialog.methods_box.sizeHint().height() + 90
            dialog.resize(820, min(content.sizeHint().height() + below, 1500))
        shoot.grab(dialog, "copay-ar")
        dialog.close()
        dialog.deleteLater()
    finally:
        i18n.install("en")


def render_all(settings: Settings, directory: str | os.PathLike[str]) -> int:
    """Write the PNGs into ``directory``; returns 0 (the process exit code)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.domain.enums import SessionEndReason
    from app.ui.app import make_context, make_qapp
    from app.ui.copay_dialog import CopayDialog
    from app.ui.login_dialog import LoginDialog
    from app.ui.main_window import MainWindow
    from app.ui.preview import DEMO_ADMIN, delete_windows, open_runtime
    from app.ui.vitals_dialog import VitalsDialog
    from app.ui.walkin_dialog import WalkInPage

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    app = make_qapp(["clinicdesk-screenshots"])
    ctx = make_context(settings)

    login = LoginDialog()
    login.set_starting()
    login.show()
    open_runtime(ctx, settings, "This database has no hospital yet: run `python -m app demo` "
                 "first to render the screens from the demo clinic.")
    login.set_ready()
    login.username.setText(DEMO_ADMIN[0])
    shoot = _Shooter(app, ctx, out)
    shoot.grab(login, "login")
    login.close()

    ctx.signed_in = ctx.services.auth.login(*DEMO_ADMIN, settings.workstation)
    try:
        main = MainWindow(ctx)
        main.resize(1366, 820)
        main.show()
        queue = main.open_page("queue")
        shoot.grab(main, "main-window")
        queue.tabs.setCurrentIndex(1)
        shoot.grab(main, "queue-live")
        queue.tabs.setCurrentIndex(0)

        rows = ctx.services.queue.day(ctx.actor)
        cases: list[tuple[str, Callable[[Any, Any], bool]]] = [
            ("copay-insured", lambda r, v: not v.quote.is_self_pay and v.quote.secondary is None
             and v.quote.network_tier is not None and v.quote.network_tier.value == "IN_NETWORK"
             and not v.quote.preauth.required and v.quote.pharmacy.count > 0),
            ("copay-insured", lambda r, v: not v.quote.is_self_pay and v.quote.secondary is None
             and not v.quote.preauth.required),
            ("copay-cob", lambda r, v: v.quote.secondary is not None),
            ("copay-self-pay", lambda r, v: v.quote.is_self_pay),
            ("copay-preauth-required", lambda r, v: v.quote.preauth.blocks_collection),
        ]
        done: set[str] = set()
        for name, want in cases:
            if name in done:
                continue
            row = _first(rows, ctx, want)
            if row is None:
                log.warning("no appointment today for %s; skipped", name)
                continue
            dialog = CopayDialog(ctx, row.appointment_id)
            dialog.show()
            _settle(app, ctx)
            if name == "copay-insured" and getattr(dialog, "explanation", None) is not None:
                dialog.explanation.set_expanded(True)  # show "How was this calculated?" once
            content = dialog.scroll.widget()
            if content is not None:  # tall enough to show every panel without scrolling
                below = dialog.methods_box.sizeHint().height() + 90  # method and actions
                dialog.resize(820, min(content.sizeHint().height() + below, 1500))
            shoot.grab(dialog, name)
            if name == "copay-self-pay" and dialog.add_insurance_button is not None:
                _add_insurance(shoot, dialog)
            elif name == "copay-preauth-required" and dialog.request_preauth_button.isVisible():
                _request_preauth(shoot, dialog)
            dialog.close()
            dialog.deleteLater()
            done.add(name)

        _copay_in_arabic(shoot, rows, cases[:2])

        # The receipt screen, from an existing demo receipt (nothing is collected).
        paid = next((r for r in rows if r.copay_status.value == "COLLECTED"), None)
        if paid is not None:
            payments = ctx.services.copay.payment_history(ctx.actor, paid.patient_id)
            if payments:
                data = ctx.services.copay.receipt(ctx.actor, payments[0].payment_id)
                dialog = CopayDialog(ctx, paid.appointment_id)
                dialog.show()
                _settle(app, ctx)
                dialog.show_receipt(data)
                dialog.receipt_done.set_message(
                    tr("Copay collected and patient checked in — token #{token}.").format(
                        token=paid.token_number), kind="success")
                dialog.resize(780, 600)
                shoot.grab(dialog, "receipt")
                dialog.close()
                dialog.deleteLater()

        waiting = next((r for r in rows if r.status.value == "CHECKED_IN"), None)
        if waiting is not None:
            vitals = VitalsDialog(ctx, waiting)
            vitals.show()
            vitals.set_values(bp_systolic=128, bp_diastolic=82, heart_rate=76,
                              temperature_c="36.8", spo2=98, weight_kg="71.5", height_cm=168)
            shoot.grab(vitals, "vitals")
            vitals.set_values(bp_systolic=300, spo2="ninety")
            vitals.save()  # refused by the validator before anything is sent
            shoot.grab(vitals, "vitals-errors")
            vitals.close()

        walkin = WalkInPage(ctx)
        walkin.resize(1280, 760)
        walkin.show()
        _settle(app, ctx)
        walkin.by_name.setChecked(True)
        walkin.query.setText(_DEMO["name_search"])
        walkin.search()
        shoot.grab(walkin, "walk-in")
        walkin.close()

        for key in main.page_keys():
            main.open_page(key)
            shoot.grab(main, f"page-{key}")
        main.close()
        _arabic(shoot, settings)
    finally:
        try:
            ctx.services.auth.end_session(ctx.actor, SessionEndReason.APP_EXIT)
        except Exception:  # the screenshots are written; the session just stays open-ended
            log.exception("could not end the screenshot session")
        ctx.ops.shutdown()
        delete_windows(app)
        ctx.runtime.close()
    for path in shoot.written:
        print(path)
    return 0


RECEPTION = ("reception", "reception123")
"""The demo hospital's receptionist (app/demo.py)."""


def _arabic(shoot: _Shooter, settings: Settings) -> None:
    """The queue and walk-in registration in Arabic, as the demo receptionist sees them."""
    from app.domain.enums import Gender, SessionEndReason
    from app.ui import i18n
    from app.ui.main_window import MainWindow

    ctx, app = shoot.ctx, shoot.app
    admin = ctx.signed_in
    reception = ctx.services.auth.login(*RECEPTION, settings.workstation)
    ctx.signed_in = reception
    i18n.install("ar")
    try:
        main = MainWindow(ctx)
        main.resize(1280, 800)
        main.show()
        main.open_page("queue")
        shoot.grab(main, "queue-ar")
        walkin = main.open_page("walkin")
        walkin.by_name.setChecked(True)
        walkin.query.setText(_DEMO["new_patient"])
        walkin.search()  # no such patient: the quick registration opens, filled from the name
        _settle(app, ctx)
        walkin.gender.setCurrentIndex(walkin.gender.findData(Gender.FEMALE))
        walkin.dob.setText("15/03/1990")
        walkin.phone.setText("+971 50 123 4567")
        shoot.grab(main, "walkin-ar")
        main.close()
        main.deleteLater()
    finally:
        i18n.install("en")
        try:
            ctx.services.auth.end_session(reception.actor, SessionEndReason.APP_EXIT)
        except Exception:  # the pictures are written; the session just stays open-ended
            log.exception("could not end the receptionist's screenshot session")
        ctx.signed_in = admin


def render_arabic(settings: Settings, directory: str | os.PathLike[str]) -> int:
    """Only the Arabic pictures (queue-ar.png, walkin-ar.png) into ``directory``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.app import make_context, make_qapp
    from app.ui.preview import delete_windows, open_runtime

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    app = make_qapp(["clinicdesk-screenshots"])
    ctx = make_context(settings)
    open_runtime(ctx, settings, "This database has no hospital yet: run `python -m app demo` "
                 "first to render the screens from the demo clinic.")
    shoot = _Shooter(app, ctx, out)
    try:
        _arabic(shoot, settings)
    finally:
        ctx.ops.shutdown()
        delete_windows(app)
        ctx.runtime.close()
    for path in shoot.written:
        print(path)
    return 0


if __name__ == "__main__":
    import sys

    from app.config import load_settings

    args = [a for a in sys.argv[1:] if a != "--arabic"]
    render = render_arabic if "--arabic" in sys.argv[1:] else render_all
    sys.exit(render(load_settings(), args[0] if args else "screenshots"))
