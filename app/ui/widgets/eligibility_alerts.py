"""The eligibility alerts of one DHA cross-verification, with the desk's choices as buttons
(seed 004 §3 steps 3–4, §9). Shared by the copay dialog and the walk-in page.

One coloured strip per alert (ERROR red, WARNING yellow, INFO blue). Alerts with a decision
carry one button per action offered:

- MISMATCH_DB_VS_DHA       "Use data on file" / "Treat as self-pay" / "Update from DHA"
                           -> eligibility.resolve_mismatch (DHA_MISMATCH_USE_DB / _SELFPAY /
                           _UPDATE in the insurance audit log);
- COVERAGE_CHANGED         "Accept change" / "Reject change" (a reason is asked)
                           -> accept_coverage_change / reject_coverage_change;
- EID_VERIFICATION_NEEDED  "Verify Emirates ID": the receptionist scans or types the card;
                           it must be the Emirates ID on file, then it is looked up with DHA
                           (EID_VERIFIED), and the new result replaces these alerts;
- DHA_VERIFICATION_UNAVAILABLE  "Check DHA again" (``retry_requested``; the host re-runs it).

Service calls run off the GUI thread through ``ctx.ops``; after a choice succeeds its Changes
are published on ``ctx.bus`` and ``resolved`` is emitted, so the host can refresh (the copay
dialog re-fetches its quote). Nothing here blocks the desk: every alert can be ignored.

Button labels, tips, titles and decisions are English source texts marked ``N_()`` and
shown with ``tr()``; DHA's alert text is the domain's message, rendered in the user's language.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.eligibility import Alert, AlertAction, AlertCode, Severity
from app.domain.errors import DomainError, ValidationError
from app.ui.errors import message_for
from app.ui.i18n import N_, render, tr
from app.ui.widgets.banner import banner_css
from app.ui.widgets.reason_dialog import ask_reason

log = logging.getLogger(__name__)

SEVERITY_KINDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}

#: The buttons each alert may carry, in this order (only those the alert offers are shown).
OFFERED: dict[AlertCode, tuple[AlertAction, ...]] = {
    AlertCode.MISMATCH_DB_VS_DHA: (AlertAction.USE_DB_DATA, AlertAction.TREAT_AS_SELFPAY,
                                   AlertAction.UPDATE_INSURANCE),
    AlertCode.COVERAGE_CHANGED: (AlertAction.ACCEPT_COVERAGE_CHANGE,
                                 AlertAction.REJECT_COVERAGE_CHANGE),
    AlertCode.EID_VERIFICATION_NEEDED: (AlertAction.VERIFY_EID,),
    AlertCode.DHA_VERIFICATION_UNAVAILABLE: (AlertAction.RETRY,),
}

LABELS: dict[AlertAction, str] = {
    AlertAction.USE_DB_DATA: N_("Use data on file"),
    AlertAction.TREAT_AS_SELFPAY: N_("Treat as self-pay"),
    AlertAction.UPDATE_INSURANCE: N_("Update from DHA"),
    AlertAction.ACCEPT_COVERAGE_CHANGE: N_("Accept change"),
    AlertAction.REJECT_COVERAGE_CHANGE: N_("Reject change"),
    AlertAction.VERIFY_EID: N_("Verify Emirates ID"),
    AlertAction.RETRY: N_("Check DHA again"),
}

TIPS: dict[AlertAction, str] = {
    AlertAction.USE_DB_DATA: N_("Keep the insurance on file for this visit (recorded in the "
                             "insurance audit log)."),
    AlertAction.TREAT_AS_SELFPAY: N_("The patient pays the full fee for this visit."),
    AlertAction.UPDATE_INSURANCE: N_("Write DHA's answer into the policy on file; a policy DHA "
                                  "does not cover stops being used for copay quotes."),
    AlertAction.ACCEPT_COVERAGE_CHANGE: N_("Keep the terms DHA reported (already applied)."),
    AlertAction.REJECT_COVERAGE_CHANGE: N_("Restore the previous terms; an administrator then "
                                        "verifies the policy manually."),
    AlertAction.VERIFY_EID: N_("Scan or type the patient's Emirates ID card to confirm the "
                            "patient and check the insurance with DHA."),
    AlertAction.RETRY: N_("Ask DHA again; the desk can continue with the data on file meanwhile."),
}

DONE_TEXT: dict[AlertAction, str] = {
    AlertAction.USE_DB_DATA: N_("Decision recorded: the insurance on file is used."),
    AlertAction.TREAT_AS_SELFPAY: N_("Decision recorded: treated as self-pay."),
    AlertAction.UPDATE_INSURANCE: N_("Decision recorded: the insurance was updated from DHA."),
    AlertAction.ACCEPT_COVERAGE_CHANGE: N_("Coverage change accepted."),
    AlertAction.REJECT_COVERAGE_CHANGE: N_("Coverage change rejected: previous terms restored, "
                                        "the policy awaits manual verification."),
}

TITLES: dict[AlertCode, str] = {
    AlertCode.MISMATCH_DB_VS_DHA: N_("Insurance on file not confirmed by DHA"),
    AlertCode.POLICY_RENEWED: N_("Policy renewed"),
    AlertCode.EID_VERIFICATION_NEEDED: N_("Emirates ID not verified"),
    AlertCode.COVERAGE_CHANGED: N_("Coverage changed at DHA"),
    AlertCode.PROVIDER_CHANGED: N_("Insurer changed"),
    AlertCode.COVERAGE_REDUCED: N_("Coverage reduced"),
    AlertCode.COPAY_INCREASED: N_("Copay increased"),
    AlertCode.NETWORK_CHANGED: N_("Network changed"),
    AlertCode.DHA_VERIFICATION_UNAVAILABLE: N_("DHA verification unavailable"),
    AlertCode.POLICY_EXPIRED: N_("Policy expired"),
    AlertCode.INSURANCE_ADDED_FROM_DHA: N_("Insurance added from DHA"),
    AlertCode.DHA_PAYER_UNKNOWN: N_("Payer not set up"),
}

_MISMATCH = (AlertAction.USE_DB_DATA, AlertAction.TREAT_AS_SELFPAY,
             AlertAction.UPDATE_INSURANCE)


def unavailable_alert(message: str) -> Alert:
    """The alert shown when the verification itself could not run."""
    return Alert(AlertCode.DHA_VERIFICATION_UNAVAILABLE, Severity.WARNING,
                 tr("DHA eligibility could not be checked ({reason}). The insurance on file is "
                    "used and is not verified in real time.").format(reason=message),
                 (AlertAction.RETRY,))


class EligibilityAlertsPanel(QWidget):
    """The alerts of one EligibilityCheck and the buttons for their decisions."""

    resolved = Signal(object)
    """resolved(result) — a choice was stored (MismatchResolution / PolicyChange /
    EligibilityCheck after an Emirates ID verification); its Changes are published."""

    action_failed = Signal(str)
    """action_failed(message) — a choice could not be stored; the message is shown."""

    retry_requested = Signal()
    """retry_requested() — "Check DHA again" was pressed; the host verifies again."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check: Any | None = None
        self.alerts: tuple[Alert, ...] = ()
        self.patient_id: int | None = None
        self.appointment_id: int | None = None
        self.buttons: dict[AlertAction, QPushButton] = {}
        self.done: dict[AlertCode, str] = {}
        self._strip_layouts: dict[AlertCode, QVBoxLayout] = {}
        self._in_flight = False
        self.setAccessibleName(tr("Eligibility alerts"))
        self._strips = QVBoxLayout()
        self._strips.setContentsMargins(0, 0, 0, 0)
        self._strips.setSpacing(6)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Eligibility decision"))
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._strips)
        layout.addWidget(self.message)
        self.hide()

    # -- content -----------------------------------------------------------------------------
    def show_check(self, check: Any, *, appointment_id: int | None = None) -> None:
        """Show ``check``'s alerts (an EligibilityCheck); nothing to show hides the panel."""
        self.check = check
        self.patient_id = check.patient.id if check.patient is not None else None
        self.appointment_id = appointment_id
        self.done = {}
        self._show(tuple(check.alerts))

    def show_unavailable(self, message: str) -> None:
        """The check itself failed (not DHA's answer): say so; the cached data stays."""
        self.check = None
        self.done = {}
        self._show((unavailable_alert(message),))

    def show_pending(self, text: str) -> None:
        """A verification is running: one quiet line, no alerts yet."""
        self.check = None
        self.done = {}
        self._show(())
        self._say(text, kind="info")

    def clear(self) -> None:
        self.check = None
        self.done = {}
        self._show(())

    def _show(self, alerts: tuple[Alert, ...]) -> None:
        self.alerts = alerts
        self.buttons = {}
        self._strip_layouts = {}
        while self._strips.count():
            w = self._strips.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.message.hide()
        for alert in alerts:
            self._strips.addWidget(self._strip(alert))
        self.setVisible(bool(alerts))

    def _strip(self, alert: Alert) -> QWidget:
        kind = SEVERITY_KINDS.get(alert.severity, "info")
        box = QFrame()
        box.setObjectName("EligibilityAlert")
        box.setProperty("code", alert.code.value)
        box.setStyleSheet(f"#EligibilityAlert {{ {banner_css(kind)} }} "
                          "QLabel { border: none; background: transparent; }")
        title = tr(TITLES.get(alert.code, alert.code.value.replace("_", " ").capitalize()))
        text = QLabel(tr("<b>{title}</b> — {message}").format(
            title=html.escape(title), message=html.escape(render(alert.message))))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(alert.code.value)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(text)
        self._strip_layouts[alert.code] = layout
        actions = [a for a in OFFERED.get(alert.code, ()) if a in alert.actions]
        if actions:
            row = QHBoxLayout()
            row.addStretch(1)
            for action in actions:
                b = QPushButton(tr(LABELS[action]))
                b.setAutoDefault(False)
                b.setToolTip(tr(TIPS[action]))
                b.setProperty("action", action.value)
                b.clicked.connect(lambda _=False, a=action, c=alert.code: self.choose(a, c))
                row.addWidget(b)
                self.buttons[action] = b
            layout.addLayout(row)
        return box

    def button(self, action: AlertAction | str) -> QPushButton | None:
        return self.buttons.get(AlertAction(action))

    def offered(self) -> tuple[AlertAction, ...]:
        return tuple(self.buttons)

    # -- choices -------------------------------------------------------------------------------
    def choose(self, action: AlertAction | str, code: AlertCode | None = None) -> None:
        action = AlertAction(action)
        if self._in_flight or action not in self.buttons:
            return
        if action is AlertAction.RETRY:
            self.retry_requested.emit()
            return
        if action is AlertAction.VERIFY_EID:
            self.verify_eid()
            return
        services, actor = self.ctx.services, self.ctx.actor
        check, patient_id, appointment_id = self.check, self.patient_id, self.appointment_id
        if check is None or patient_id is None:
            return
        if action in _MISMATCH:
            dha = check.verification.dha

            def work() -> Any:
                return services.eligibility.resolve_mismatch(
                    actor, patient_id, action, dha=dha, appointment_id=appointment_id)
        elif action is AlertAction.ACCEPT_COVERAGE_CHANGE:
            insurance_id = check.policy.insurance_id

            def work() -> Any:
                return services.eligibility.accept_coverage_change(actor, insurance_id)
        elif action is AlertAction.REJECT_COVERAGE_CHANGE:
            reason = self.ask_reason(
                tr("Reject coverage change"),
                tr("Why are DHA's new terms rejected? The previous terms are restored and the "
                   "reason is kept in the insurance audit log."), tr("Reject"))
            if not reason:
                return
            insurance_id = check.policy.insurance_id

            def work() -> Any:
                return services.eligibility.reject_coverage_change(actor, insurance_id, reason)
        else:
            return
        self._run(work, lambda result: self._decided(action, code, result))

    def verify_eid(self) -> None:
        """Scenario C: scan the card; it must match the Emirates ID on file."""
        check = self.check
        patient = check.patient if check is not None else None
        if patient is None:
            return
        if not patient.emirates_id:
            self._say(tr("There is no Emirates ID on file for this patient, so it cannot be "
                         "verified here. Add it to the patient record, then check again."),
                      kind="warning")
            return
        text = self.ask_eid()
        if not text:
            return
        from app.domain.eid import normalize_eid

        try:
            eid = normalize_eid(text)
        except ValidationError as exc:
            self._say(message_for(exc), kind="error")
            return
        if eid != patient.emirates_id:
            self._say(tr("The card scanned ({eid}) is not the Emirates ID on file for {name} "
                         "({eid_on_file}). Check that this is the right patient.").format(
                             eid=eid, name=patient.full_name, eid_on_file=patient.emirates_id),
                      kind="error")
            return
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id

        def work() -> Any:
            return services.eligibility.lookup_by_eid(actor, eid, appointment_id=appointment_id)

        def ok(new_check: Any) -> None:
            self.show_check(new_check, appointment_id=appointment_id)
            # Say it worked: the reminder is gone and nothing else might change on screen.
            self._say(tr("✓ Emirates ID verified: the card matches {name}'s Emirates ID on file "
                         "({eid}).").format(name=patient.full_name, eid=eid), kind="success")
            self.resolved.emit(new_check)

        self._run(work, ok, pool="net")

    def _run(self, work: Any, on_ok: Any, *, pool: str = "db") -> None:
        self._in_flight = True
        self._set_enabled(False)
        self.message.hide()

        def ok(result: Any) -> None:
            self._in_flight = False
            on_ok(result)

        def failed(exc: BaseException) -> None:
            self._in_flight = False
            self._set_enabled(True)
            text = message_for(exc)
            if not isinstance(exc, DomainError):
                log.error("eligibility action failed: %s",
                          getattr(exc, "__cd_traceback__", repr(exc)))
            self._say(text, kind="error")
            self.action_failed.emit(text)

        self.ctx.ops.mutate(work, on_done=ok, on_failure=failed, owner=self, pool=pool)

    def _decided(self, action: AlertAction, code: AlertCode | None, result: Any) -> None:
        # The alert is settled: its buttons go, the decision is said in their place.
        for a in OFFERED.get(code, ()) if code is not None else (action,):
            b = self.buttons.pop(a, None)
            if b is not None:
                b.hide()
        self._set_enabled(True)
        text = tr(DONE_TEXT.get(action, N_("Done.")))
        if action is AlertAction.TREAT_AS_SELFPAY and self.appointment_id is None:
            text = tr("{decision} The copay step of the visit will ask again.").format(
                decision=text)
        self.message.hide()
        layout = self._strip_layouts.get(code) if code is not None else None
        if layout is not None:  # said inside the alert it settles
            if code is not None:
                self.done[code] = text
            note = QLabel(f"<b>✓ {html.escape(text)}</b>")
            note.setTextFormat(Qt.TextFormat.RichText)
            note.setWordWrap(True)
            note.setAccessibleName(tr("Decision"))
            layout.addWidget(note)
        else:
            self._say(text, kind="success")
        self.resolved.emit(result)

    def _set_enabled(self, enabled: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(enabled)

    def _say(self, text: str, kind: str) -> None:
        self.message.setStyleSheet(banner_css(kind))
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.show()

    # -- small dialogs (tests replace these) -----------------------------------------------------
    def ask_reason(self, title: str, prompt: str, ok_text: str) -> str | None:
        return ask_reason(self, title, prompt, ok_text=ok_text)

    def ask_eid(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, tr("Verify Emirates ID"), tr("Scan the patient's Emirates ID card (or type the "
                                              "number on it):"), QLineEdit.EchoMode.Normal, "")
        return text.strip() if ok and text.strip() else None
