"""The copay step of check-in (seed 004 CopayCollectionModal): quote, collect / waive / defer,
receipt, then check-in with a token.

The dialog opens at once with a busy state and asks ``copay.quote`` on a worker thread. The
quote is shown as the engine computed it (every figure is the quote's; the UI only formats
AED): patient and insurance, the data-source banner (GAP 5), "No Insurance on File" with Add
Insurance for self-pay (:mod:`app.ui.insurance_dialog`; the quote then uses the new policy and
DHA verifies it), the pre-auth panel (GAP 1) with Request (:mod:`app.ui.preauth_dialog`; the
panel then shows the request pending) / Override (administrators only) / Convert to Self-Pay,
the fee breakdown, the primary and secondary (COB) panels (GAP 2), deductible and annual-copay
bars (GAP 4), the pharmacy estimate (GAP 6) and "How was this calculated?" scroll; the
payment method (with cash tendered / change due, or the card's approval code and last 4
digits) and the actions stay below the scrolled part, so they are on screen at 1280×720
whatever the quote shows (issue 11).

Collect uses ONE idempotency key, made when the dialog opens, for every retry, and disables
the actions while a request is in flight: a double click or a retry after a timeout is one
payment. One ending for every decision (issue 11): collect, waive and defer each check the
patient in in the same transaction as the decision, so closing the window can never leave a
paid patient outside the queue. After a collect the receipt screen shows (GAP 3) the token
with Print / Save PDF / Email and Close; after a waive or defer the token and Close. A
DomainError is shown in red inside the dialog and every choice made is kept.

Issue 15: every text in the interface's language (app/ui/i18n.py); in Arabic the dialog is
right-to-left, amounts through i18n.money, the expander's arrow and the breakdown's value
column mirrored. Issue 13: the balance of earlier underpaid visits can be taken with the copay
(a tick under the payment method) or left.
"""

from __future__ import annotations

import html
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import (
    AppointmentStatus,
    CopayStatus,
    DataSource,
    NetworkTier,
    PaymentMethod,
    PreAuthStatus,
    VisitType,
)
from app.domain.errors import DomainError, ShiftRequired, ValidationError
from app.domain.money import ZERO, to_amount
from app.domain.roles import Permission, can
from app.domain.tender import CARD_METHODS, tender_for
from app.domain.visits import visit_type_name
from app.services.changes import Changes
from app.ui.context import AppContext
from app.ui.errors import message_for
from app.ui.i18n import N_, date_text, is_rtl, money, render, time_text, tr
from app.ui.insurance_dialog import AddInsuranceDialog
from app.ui.preauth_dialog import PreAuthRequestDialog
from app.ui.receipt_panel import ReceiptPanel
from app.ui.widgets.banner import Banner, banner_css
from app.ui.widgets.busy import BusyIndicator
from app.ui.widgets.cap_progress import CapProgress
from app.ui.widgets.eligibility_alerts import EligibilityAlertsPanel
from app.ui.widgets.reason_dialog import ask_reason
from app.ui.widgets.screen_fit import fit_to_screen
from app.ui.widgets.source_banner import SourceBanner

log = logging.getLogger(__name__)

METHODS: tuple[tuple[PaymentMethod, str], ...] = (
    (PaymentMethod.CASH, N_("C&ash")),
    (PaymentMethod.CREDIT_CARD, N_("C&redit Card")),
    (PaymentMethod.DEBIT_CARD, N_("De&bit Card")),
    (PaymentMethod.DEPOSIT, N_("&Patient Deposit")),
)

PREAUTH_KINDS = {
    PreAuthStatus.APPROVED: "success",
    PreAuthStatus.PENDING: "warning",
    PreAuthStatus.DENIED: "error",
    PreAuthStatus.REQUIRED_NOT_SUBMITTED: "error",
    PreAuthStatus.NOT_REQUIRED: "neutral",
}
PREAUTH_TITLES = {
    PreAuthStatus.APPROVED: N_("Pre-authorisation approved"),
    PreAuthStatus.PENDING: N_("Pre-authorisation pending"),
    PreAuthStatus.DENIED: N_("Pre-authorisation denied"),
    PreAuthStatus.REQUIRED_NOT_SUBMITTED: N_("Pre-authorisation required — not submitted"),
    PreAuthStatus.NOT_REQUIRED: N_("Pre-authorisation not required"),
}

SELF_PAY_NOTICE = N_("Health insurance is mandatory in the UAE (in Dubai under the DHA health "
                     "insurance law): ask the patient for their insurance card. Until "
                     "insurance is added, the patient pays the full fee.")

_DONE_TEXT = {
    "collected": N_("Copay collected and patient checked in"),
    "waived": N_("Copay waived and patient checked in"),
    "deferred": N_("Copay deferred and patient checked in"),
    "decided": N_("Patient checked in"),
}
_NETWORK = {NetworkTier.IN_NETWORK: N_("In network"),
            NetworkTier.OUT_OF_NETWORK: N_("Out of network")}
_STATUS_WORDS = {"CHECKED_IN": N_("checked in"), "IN_CONSULTATION": N_("in consultation"),
                 "COMPLETED": N_("completed"), "CANCELLED": N_("cancelled"),
                 "NO_SHOW": N_("no show")}
_COPAY_WORDS = {"COLLECTED": N_("collected"), "WAIVED": N_("waived"),
                "DEFERRED": N_("deferred")}
_GENDERS = {"MALE": N_("Male"), "FEMALE": N_("Female"), "OTHER": N_("Other")}
# The domain's visit type names (app/domain/visits.py), shown with tr().
_VISIT_NAMES = (N_("Consultation"), N_("Follow-up consultation"), N_("Emergency consultation"))
_SELF_PAY_REASONS = {"EXPIRED": N_("The policy on file has expired."),
                     "REJECTED": N_("The policy on file was rejected at manual verification."),
                     "CONVERTED": N_("This visit was converted to self-pay.")}
# The quote's fixed pharmacy sentence (app/domain/copay/engine.py), shown with tr().
_PHARMACY_DISCLAIMER = N_("Pharmacy copay is estimated and collected separately at the "
                          "pharmacy")


def _network(tier: Any) -> str:
    label = _NETWORK.get(tier)
    return tr(label) if label else ""


def balance_text(due: Any) -> str:
    """The banner of earlier underpaid visits (a BalanceDue), in the interface's language."""
    parts = "; ".join(
        tr("insurer adjudicated {portion} for the visit of {date}; {collected} collected")
        .format(portion=money(r.recon.portion or ZERO), date=date_text(r.appointment_date),
                collected=money(r.recon.net_collected))
        for r in due.rows)
    many = len(due.rows) > 1
    head = (tr("Balance from earlier visits: {amount} ({visits}).") if many
            else tr("Balance from earlier visit: {amount} ({visits})."))
    return " ".join((head.format(amount=money(due.amount), visits=parts),
                     tr("It is not included in today's amount: tell the patient, and collect "
                        "it only if they agree.")))


def _pct(value: Any) -> str:
    """Percent for display: 20.00 -> "20%", 12.50 -> "12.5%" (Western digits)."""
    text = format(value.normalize(), "f") if value is not None else "0"
    return f"{text}%"


def fmt(amount: Any) -> str:
    """An amount in the interface's language (app/ui/i18n.money)."""
    return money(amount)


def _esc(text: Any) -> str:
    return html.escape(str(text)) if text is not None else ""


class _Expander(QWidget):
    """A header button that shows or hides a body (collapsed by default)."""

    def __init__(self, title: str, body: QWidget, *, badge: str = "",
                 badge_colour: str = "#0969da", expanded: bool = False) -> None:
        super().__init__()
        self.title = title
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setStyleSheet("QToolButton { border: none; font-weight: 600; }")
        self.body = body
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        if badge:
            b = QLabel(badge)
            b.setStyleSheet(f"background: {badge_colour}; color: white; border-radius: 8px; "
                            "padding: 1px 8px; font-weight: 600;")
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(body)
        self.button.toggled.connect(self.set_expanded)
        self.set_expanded(expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.button.setChecked(expanded)
        if self.isRightToLeft():
            # Qt draws a tool button's arrow over the end of right-to-left text: the arrow
            # is a character before the title instead, pointing left while collapsed.
            self.button.setArrowType(Qt.ArrowType.NoArrow)
            self.button.setText(f"{'▾' if expanded else '◂'} {self.title}")
        else:
            self.button.setArrowType(Qt.ArrowType.DownArrow if expanded
                                     else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)


def _rows(pairs: list[tuple[str, str]], *, bold_last: bool = False) -> QLabel:
    """Label / right-aligned value pairs as ONE rich-text label (a widget per cell would
    make the dialog slow to open: every widget is styled separately)."""
    cells = []
    # Qt's rich-text tables do not mirror: right to left, the value cell comes first (at the
    # left edge, where the line ends) and the label is right-aligned at the start.
    rtl = is_rtl()
    for i, (label, value) in enumerate(pairs):
        style = " style='font-weight:700; font-size:12pt'" if bold_last and i == len(pairs) - 1 \
            else ""
        if rtl:
            cells.append(f"<tr{style}><td align='left' style='white-space:nowrap'>"
                         f"{_esc(value)}</td><td align='right'>{_esc(label)}</td></tr>")
        else:
            cells.append(f"<tr{style}><td>{_esc(label)}</td><td align='right' "
                         f"style='white-space:nowrap'>{_esc(value)}</td></tr>")
    label = QLabel("<table width='100%' cellspacing='0' cellpadding='3'>"
                   + "".join(cells) + "</table>")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


@dataclass(frozen=True)
class _Verification:
    """The DHA check of the dialog's appointment, or None when there was nothing to verify."""

    check: Any | None
    changes: Changes = Changes()


class CopayDialog(QDialog):
    """Copay collection for one appointment, ending with the patient checked in."""

    quote_ready = Signal(object)
    """quote_ready(view: QuoteView) — the quote arrived and is on screen."""

    collect_finished = Signal(object)
    """collect_finished(result: CollectResult) — the payment is stored; the receipt shows."""

    copay_decided = Signal(str)
    """copay_decided(action) — "collected", "waived" or "deferred" was stored."""

    checked_in = Signal(int)
    """checked_in(token_number) — the patient is in the live queue with this token."""

    error_shown = Signal(str)
    """error_shown(message) — an error is shown in red in the dialog; nothing was closed."""

    eligibility_checked = Signal(object)
    """eligibility_checked(result) — the DHA cross-verification started when the dialog
    opened has finished: the EligibilityCheck, None when it was not run (self-pay, DHA not
    configured, appointment no longer open, no permission), or the exception when the check
    could not run (the quote on screen stays; the panel says DHA was unavailable)."""

    def __init__(self, ctx: AppContext, appointment_id: int,
                 parent: QWidget | None = None, *, picked_by_name: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appointment_id = appointment_id
        # The walk-in desk chose the patient by name or MRN without reading the card: the
        # DHA check then reminds the desk to verify the Emirates ID (seed 004 scenario C).
        # A patient from the day's list, or found by Emirates ID, is not reminded.
        self.picked_by_name = picked_by_name
        self.idempotency_key = uuid.uuid4().hex  # one per dialog: retries replay, never repeat
        self.view: Any | None = None
        self.collect_result: Any | None = None
        self.token: int | None = None
        self._in_flight = False
        self._method: PaymentMethod | None = PaymentMethod.CASH
        self._due: Any | None = None  # BalanceDue of earlier underpaid visits (issue 13)
        self._decided_action = "decided"
        self._quote_seq = 0
        self._verify_after_quote = False  # a policy was added: verify it once re-quoted
        self.preauth_dialog: PreAuthRequestDialog | None = None
        self.insurance_dialog: AddInsuranceDialog | None = None
        self.eligibility: Any | None = None  # the last EligibilityCheck shown
        self.eligibility_panel = EligibilityAlertsPanel(ctx)
        self.eligibility_panel.resolved.connect(self._eligibility_resolved)
        self.eligibility_panel.retry_requested.connect(self.verify_eligibility)
        self.setWindowTitle(tr("Copay collection"))
        self.setMinimumSize(720, 560)
        fit_to_screen(self, 780, 860)  # a 720-pixel screen keeps the method and the buttons

        self.stack = QStackedWidget()
        self.loading_page = self._build_loading_page()
        self.quote_page = QWidget()
        self.receipt_page: QWidget | None = None  # built when first needed: opening stays fast
        self.done_page: QWidget | None = None
        for page in (self.loading_page, self.quote_page):
            self.stack.addWidget(page)
        self._build_quote_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.stack)
        self.load_quote()
        # The DHA check starts once the first quote is on screen: the receptionist sees the
        # amount at once, and the check's XML work does not compete with drawing it.

    # ----------------------------------------------------------------------- pages
    def _build_loading_page(self) -> QWidget:
        page = QWidget()
        self.loading_busy = BusyIndicator(tr("Calculating the copay…"), width=260)
        self.loading_error = Banner(kind="error")
        retry = QPushButton(tr("Try again"))
        retry.clicked.connect(self.load_quote)
        retry.hide()
        self.loading_retry = retry
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.loading_busy, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.loading_error)
        # The eligibility alerts live here until the quote page exists (a slow quote does not
        # hide DHA's answer); _populate moves them under the data-source banner.
        layout.addWidget(self.eligibility_panel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(retry)
        row.addWidget(close)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_quote_page(self) -> None:
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.busy = BusyIndicator(tr("Updating…"))
        self.error = Banner(kind="error")
        self.error.setAccessibleName(tr("Error"))
        self.collect_button = QPushButton(tr("&Collect"))
        self.collect_button.setProperty("primary", True)
        self.waive_button = QPushButton(tr("&Waive…"))
        self.defer_button = QPushButton(tr("&Defer"))
        self.continue_button = QPushButton(tr("Continue to Check-in"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.collect_button.clicked.connect(self.collect)
        self.waive_button.clicked.connect(self.waive)
        self.defer_button.clicked.connect(self.defer)
        self.continue_button.clicked.connect(self.check_in)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        for b in (self.collect_button, self.waive_button, self.defer_button,
                  self.continue_button, self.cancel_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self.quote_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        # Outside the scroll area: the method and the actions never need scrolling.
        layout.addWidget(self._build_methods_box())
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _ensure_receipt_page(self) -> QWidget:
        if self.receipt_page is None:
            self.receipt_page = QWidget()
            self._build_receipt_page()
            self.stack.addWidget(self.receipt_page)
        return self.receipt_page

    def _ensure_done_page(self) -> QWidget:
        if self.done_page is None:
            self.done_page = QWidget()
            self._build_done_page()
            self.stack.addWidget(self.done_page)
        return self.done_page

    def _build_receipt_page(self) -> None:
        self.receipt = ReceiptPanel(self.ctx)
        self.receipt_error = Banner(kind="error")
        self.receipt_done = Banner(kind="success")
        # Only when the collect could not check the patient in itself (a copay collected
        # later for a patient no longer waiting): normally the collect checked them in.
        self.receipt_continue = QPushButton(tr("Continue to Check-in"))
        self.receipt_continue.setProperty("primary", True)
        self.receipt_continue.clicked.connect(self.check_in)
        self.receipt_continue.hide()
        self.receipt_close = QPushButton(tr("Close"))
        self.receipt_close.setDefault(True)
        self.receipt_close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.receipt_continue)
        row.addWidget(self.receipt_close)
        layout = QVBoxLayout(self.receipt_page)
        layout.addWidget(self.receipt_done)  # "checked in — token #N" first: what to tell
        layout.addWidget(self.receipt, 1)
        layout.addWidget(self.receipt_error)
        layout.addLayout(row)

    def _build_done_page(self) -> None:
        self.done_title = QLabel("")
        self.done_title.setStyleSheet("font-size: 16pt; font-weight: 600; color: #0f5323;")
        self.done_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_token = QLabel("")
        self.done_token.setStyleSheet("font-size: 28pt; font-weight: 700; color: #0f4c5c;")
        self.done_token.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_detail = QLabel("")
        self.done_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_detail.setWordWrap(True)
        self.done_close = QPushButton(tr("Close"))
        self.done_close.setDefault(True)
        self.done_close.clicked.connect(self.accept)
        layout = QVBoxLayout(self.done_page)
        layout.addStretch(1)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_token)
        layout.addWidget(self.done_detail)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_close)
        layout.addLayout(row)

    # ----------------------------------------------------------------------- quote
    def load_quote(self) -> None:
        """Ask for the quote off the GUI thread; the dialog stays responsive meanwhile."""
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id
        if self.view is None:
            self.stack.setCurrentWidget(self.loading_page)
            self.loading_error.clear_message()
            self.loading_retry.hide()
            if not self.loading_busy.busy:
                self.loading_busy.start()
        else:
            self.busy.start(tr("Updating the quote…"))
            self._set_actions_enabled(False)
        self._quote_seq += 1
        seq = self._quote_seq
        self.ctx.ops.run(lambda: services.copay.quote(actor, appointment_id),
                         on_success=lambda view: self._quote_arrived(view, seq),
                         on_failure=lambda exc: self._quote_failed(exc, seq),
                         owner=self)

    def _quote_arrived(self, view: Any, seq: int | None = None) -> None:
        if seq is not None and seq != self._quote_seq:
            return  # a newer quote was asked for (eligibility changed meanwhile)
        first = self.view is None
        if not first:
            self.busy.stop()
        self.view = view
        self._populate(view)
        if self.stack.currentWidget() in (self.loading_page, self.quote_page):
            self.stack.setCurrentWidget(self.quote_page)
        if first:
            self.loading_busy.stop()
        if first or self._verify_after_quote:
            self._verify_after_quote = False
            QTimer.singleShot(0, self.verify_eligibility)
        self.quote_ready.emit(view)

    def _quote_failed(self, exc: BaseException, seq: int | None = None) -> None:
        if seq is not None and seq != self._quote_seq:
            return
        if self.view is None:
            self.loading_busy.stop()
            self.loading_error.set_message(message_for(exc), kind="error")
            self.loading_retry.show()
            self.error_shown.emit(message_for(exc))
            if not isinstance(exc, DomainError):
                log.error("quote failed: %s", getattr(exc, "__cd_traceback__", repr(exc)))
        else:
            self.busy.stop()
            self._show_error(exc)
            self._update_actions()

    # ----------------------------------------------------------------------- building
    def _populate(self, view: Any) -> None:
        h, q = view.header, view.quote
        self.add_insurance_button = None
        self.setWindowTitle(tr("Copay collection — {patient} ({mrn})").format(
            patient=h.patient_name, mrn=h.mrn))
        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(2, 2, 10, 2)
        col.setSpacing(10)
        col.addWidget(self._header_box(h, q))
        self.source_banner = SourceBanner(q.data_source)
        col.addWidget(self.source_banner)
        col.addWidget(self.eligibility_panel)  # moved from the previous content: kept alive
        self.state_banner = Banner()
        col.addWidget(self.state_banner)
        self.balance_banner = Banner(kind="warning")  # issue 13: underpaid earlier visits
        self.balance_banner.set_message(getattr(self, "_balance_text", ""), kind="warning")
        col.addWidget(self.balance_banner)
        if not hasattr(self, "_balance_text"):  # asked once per dialog, kept on re-quotes
            self._balance_text = ""
            self._load_balance(h.patient_id)
        if q.is_self_pay:
            col.addWidget(self._self_pay_box(q))
        col.addWidget(self._preauth_box(q))
        col.addWidget(self._fee_box(q))
        if q.secondary is not None:
            col.addWidget(self._cob_box(q))
        if not q.is_self_pay:
            col.addWidget(self._limits_box(q))
        col.addWidget(self._pharmacy_box(q))
        col.addWidget(self._explanation_box(q))
        col.addStretch(1)
        self._update_methods(h, q)
        self.scroll.setWidget(content)
        self._update_state_banner(h)
        self._update_actions()

    def _load_balance(self, patient_id: int) -> None:
        """What the insurer's decisions left the patient owing from earlier visits
        (app/services/reconciliation.py), as one line; not added to today's amount unless
        the desk ticks "Also collect the balance" (the patient agreed): the collect then takes
        it too and the receipt prints it as its own line."""
        actor, services = self.ctx.actor, self.ctx.services

        def show(due: Any) -> None:
            if due.amount > 0:
                self._due = due
                self._balance_text = balance_text(due)
                self.balance_banner.set_message(self._balance_text, kind="warning")
                self.balance_check.setText(tr("Also collect the balance from earlier visits "
                                              "({amount})").format(amount=money(due.amount)))
                self._offer_balance()

        self.ctx.ops.run(lambda: services.reconciliation.balance_due(actor, patient_id),
                         on_success=show, on_failure=lambda exc: None, owner=self)

    def _header_box(self, h: Any, q: Any) -> QWidget:
        box = QFrame()
        box.setObjectName("CopayHeader")
        box.setStyleSheet("#CopayHeader { background: white; border: 1px solid #d0d7de; "
                          "border-radius: 6px; }")
        age = (tr("{age} y").format(age=h.age) if h.age is not None
               else tr("age unknown"))
        eid = (tr("Emirates ID {eid}").format(eid=h.emirates_id) if h.emirates_id
               else tr("no Emirates ID on file"))
        visit = _esc(tr(visit_type_name(h.visit_type)))
        emergency = (" <span style='color:#b42318; font-weight:700'>{}</span>".format(
            _esc(tr("(emergency)")))
            if h.is_emergency and h.visit_type is not VisitType.EMERGENCY else "")
        if h.visit_type is VisitType.EMERGENCY:
            visit = "<span style='color:#b42318; font-weight:700'>{}</span>".format(
                _esc(tr("Emergency")))
        gender = _GENDERS.get(h.gender.value)
        who = (f"<span style='font-size:14pt; font-weight:600'>{_esc(h.patient_name)}</span>"
               f"&nbsp;&nbsp;<b>{_esc(tr('MRN'))}</b> {_esc(h.mrn)}")
        self.patient_label = QLabel(who)
        self.patient_label.setAccessibleName(tr("Patient"))
        line = (f"{_esc(eid)} · {_esc(tr(gender) if gender else h.gender.value)} · "
                f"{_esc(age)}<br>{time_text(h.scheduled_start)} · {_esc(h.doctor_name)} · "
                f"{_esc(h.department_name)} · {visit}{emergency}")
        details = QLabel(line)
        insurance = _esc(tr("Insurance:"))
        if q.is_self_pay:
            ins = f"<b>{insurance}</b> {_esc(tr('none — self-pay'))}"
        else:
            p = q.primary
            plan = f" — {_esc(p.plan_name)}" if p.plan_name else ""
            ins = (f"<b>{insurance}</b> {_esc(p.payer_name)}{plan} · "
                   + _esc(tr("policy {number}").format(number=p.policy_number))
                   + f" · {_network(p.network_tier)}")
            if q.secondary is not None:
                s = q.secondary
                ins += (f"<br><b>{_esc(tr('Secondary:'))}</b> {_esc(s.payer_name)} · "
                        + _esc(tr("policy {number}").format(number=s.policy_number))
                        + f" · {_network(s.network_tier)}")
        self.insurance_label = QLabel(ins)
        self.insurance_label.setAccessibleName(tr("Insurance"))
        for lab in (self.patient_label, details, self.insurance_label):
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            if box.isRightToLeft():  # a line starting with a Latin name stays at the right
                lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.patient_label)
        layout.addWidget(details)
        layout.addWidget(self.insurance_label)
        return box

    def _self_pay_box(self, q: Any) -> QWidget:
        box = QFrame()
        box.setObjectName("SelfPay")
        box.setStyleSheet(f"#SelfPay {{ {banner_css('orange')} }} QLabel {{ border: none; "
                          "background: transparent; color: #6b2a00; }")
        title = QLabel(tr("No Insurance on File"))
        title.setStyleSheet("font-weight: 700; font-size: 12pt; border: none;")
        reason = _SELF_PAY_REASONS.get(getattr(q.self_pay_reason, "value", ""))
        notice = QLabel(" ".join(t for t in (tr(reason) if reason else "",
                                             tr(SELF_PAY_NOTICE)) if t))
        notice.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(notice, 1)
        # A visit converted to self-pay stays self-pay whatever is on file: nothing to add.
        converted = getattr(q.self_pay_reason, "value", "") == "CONVERTED"
        if not converted and can(self.ctx.actor.role, Permission.ADD_INSURANCE):
            self.add_insurance_button = QPushButton(tr("Add &Insurance…"))
            self.add_insurance_button.setAutoDefault(False)
            self.add_insurance_button.setToolTip(tr(
                "Enter the policy from the patient's insurance card; the copay is then "
                "calculated with the insurer (Alt+I)"))
            self.add_insurance_button.clicked.connect(self.add_insurance)
            row.addWidget(self.add_insurance_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addWidget(title)
        layout.addLayout(row)
        return box

    def _preauth_box(self, q: Any) -> QWidget:
        pa = q.preauth
        kind = PREAUTH_KINDS[pa.status]
        if pa.overridden:
            kind = "warning"
        box = QFrame()
        box.setObjectName("PreAuth")
        box.setStyleSheet(f"#PreAuth {{ {banner_css(kind)} }} QLabel {{ border: none; "
                          "background: transparent; }")
        english = PREAUTH_TITLES[pa.status]
        title = tr(english)
        if pa.status is PreAuthStatus.APPROVED and pa.preauth_number:
            title = tr("{title} — number {number}").format(title=title,
                                                          number=pa.preauth_number)
        lines = [f"<b>{_esc(title)}</b>"]
        reason = render(pa.reason)
        if str(pa.reason).strip().rstrip(".").casefold() != english.casefold():
            lines.append(_esc(reason))
        if pa.overridden:
            lines.append("<b>{}</b>".format(_esc(tr(
                "Override recorded by an administrator — collection allowed."))))
        elif pa.blocks_collection:
            lines.append("<b>{}</b>".format(_esc(tr(
                "Collection is blocked until the pre-authorisation is approved, overridden by "
                "an administrator, or the visit is converted to self-pay."))))
        self.preauth_label = QLabel("<br>".join(lines))
        self.preauth_label.setTextFormat(Qt.TextFormat.RichText)
        self.preauth_label.setWordWrap(True)
        self.preauth_label.setAccessibleName(tr("Pre-authorisation"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.preauth_label)
        actions = q.allowed_actions
        self.request_preauth_button = QPushButton(tr("Re&quest Pre-Auth…"))
        self.override_button = QPushButton(tr("Override (Admin)…"))
        self.convert_button = QPushButton(tr("Convert to Self-Pay…"))
        insurer = q.primary.payer_name if q.primary is not None else tr("the insurer")
        code = f"CPT {q.cpt_code}" if q.cpt_code else tr("this visit")
        self.request_preauth_button.setToolTip(tr(
            "Send {insurer} a pre-authorisation request for {code}; the panel then shows it "
            "as pending (Alt+Q)").format(insurer=insurer, code=code))
        self.override_button.setToolTip(tr("Let the desk collect although the "
                                           "pre-authorisation is missing; the reason is "
                                           "audited"))
        self.convert_button.setToolTip(tr("Bill this visit to the patient instead of the "
                                          "insurer (full fee {fee})").format(fee=fmt(q.fee)))
        self.request_preauth_button.clicked.connect(self.request_preauth)
        self.override_button.clicked.connect(self.override_preauth)
        self.convert_button.clicked.connect(self.convert_to_self_pay)
        not_approved = pa.status in (PreAuthStatus.PENDING, PreAuthStatus.DENIED,
                                     PreAuthStatus.REQUIRED_NOT_SUBMITTED)
        self.request_preauth_button.setVisible(
            "REQUEST_PREAUTH" in actions and can(self.ctx.actor.role, Permission.REQUEST_PREAUTH))
        self.override_button.setVisible("PREAUTH_OVERRIDE" in actions
                                        and can(self.ctx.actor.role, Permission.PREAUTH_OVERRIDE))
        self.convert_button.setVisible(not_approved and "CONVERT_TO_SELFPAY" in actions)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (self.request_preauth_button, self.override_button, self.convert_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        if any(not b.isHidden() for b in (self.request_preauth_button, self.override_button,
                                          self.convert_button)):
            layout.addLayout(row)
        return box

    def _fee_box(self, q: Any) -> QWidget:
        box = QGroupBox(tr("Fee breakdown"))
        what = q.charge_description or q.charge_code.replace("_", " ").capitalize()
        if q.cpt_code:
            what += f" (CPT {q.cpt_code})"
        pairs = [(what, fmt(q.fee))]
        if q.fee_source.value == "FALLBACK":
            pairs[0] = (tr("{what} — standard fee (no charge-master price)").format(what=what),
                        fmt(q.fee))
        elif q.fee_source.value == "PAYER_PRICE_OVERRIDE":
            pairs.insert(0, (tr("Charge-master price"), fmt(q.charge_master_fee)))
            pairs[1] = (tr("{what} — payer's negotiated price").format(what=what), fmt(q.fee))
        p = q.primary
        if q.is_self_pay:
            pairs.append((tr("Self-pay: the patient pays 100%"), fmt(q.patient_amount)))
        elif p is not None:
            if p.restricted:
                why = render(p.restriction_reason) if p.restriction_reason else tr("restricted")
                pairs.append((tr("Not covered: {reason}").format(reason=why),
                              tr("100% patient")))
            if p.deductible_portion > 0:
                pairs.append((tr("Deductible applied"), fmt(p.deductible_portion)))
            if p.copay_pct_applied != p.copay_pct_base:
                copay = tr("Copay {pct} (out of network, raised from {base})").format(
                    pct=_pct(p.copay_pct_applied), base=_pct(p.copay_pct_base))
            else:
                copay = tr("Copay {pct}").format(pct=_pct(p.copay_pct_applied))
            pairs.append((copay, fmt(p.copay_portion)))
            if q.per_visit_cap is not None and q.per_visit_cap.applied:
                pairs.append((tr("Per-visit cap applied ({cap})").format(
                    cap=fmt(q.per_visit_cap.cap)), ""))
            if q.annual_copay is not None and q.annual_copay.limited_by_cap:
                pairs.append((tr("Limited by the annual copay cap"), ""))
            pairs.append((tr("{payer} pays (coverage {pct})").format(
                payer=p.payer_name, pct=_pct(p.coverage_pct)), fmt(q.primary_insurer_amount)))
            if q.secondary is not None:
                pairs.append((tr("{payer} pays (secondary, COB)").format(
                    payer=q.secondary.payer_name), fmt(q.secondary_insurer_amount)))
        vat = (tr("VAT {pct} included").format(pct=_pct(q.vat_rate.scaleb(2)))
               if q.vat_rate > 0 else tr("VAT (not charged on this service)"))
        pairs.append((vat, fmt(q.vat_amount)))
        layout = QVBoxLayout(box)
        self.fee_rows = _rows(pairs)
        self.fee_rows.setAccessibleName(tr("Fee breakdown"))
        layout.addWidget(self.fee_rows)
        total = QHBoxLayout()
        total.setContentsMargins(3, 0, 3, 0)
        pays = QLabel(tr("Patient pays"))
        self.patient_amount_label = QLabel(fmt(q.patient_amount))
        self.patient_amount_label.setAccessibleName(tr("Patient pays"))
        for lab in (pays, self.patient_amount_label):
            lab.setStyleSheet("font-weight: 700; font-size: 13pt;")
        total.addWidget(pays)
        total.addStretch(1)
        total.addWidget(self.patient_amount_label)
        layout.addLayout(total)
        return box

    def _cob_box(self, q: Any) -> QWidget:
        p, s = q.primary, q.secondary
        box = QWidget()
        box.setAccessibleName(tr("Coordination of benefits"))
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        primary = QGroupBox(tr("Primary insurance"))
        QVBoxLayout(primary).addWidget(_rows([
            (tr("Provider"), p.payer_name),
            (tr("Policy"), p.policy_number),
            (tr("Network"), _network(p.network_tier)),
            (tr("Coverage"), _pct(p.coverage_pct)),
            (tr("Copay"), _pct(p.copay_pct_applied)),
            (tr("Insurance pays"), fmt(p.insurer_pays)),
            (tr("Patient responsibility"), fmt(p.patient_share)),
        ]))
        secondary = QGroupBox(tr("Secondary insurance (COB)"))
        QVBoxLayout(secondary).addWidget(_rows([
            (tr("Provider"), s.payer_name),
            (tr("Policy"), s.policy_number),
            (tr("Network"), _network(s.network_tier)),
            (tr("Applied to remaining"), fmt(s.applied_to)),
            (tr("Secondary copay"), _pct(s.copay_pct_applied)),
            (tr("Secondary pays"), fmt(s.secondary_pays)),
            (tr("Final patient amount"), fmt(s.patient_share)),
        ], bold_last=True))
        self.cob_primary, self.cob_secondary = primary, secondary
        row.addWidget(primary, 1)
        row.addWidget(secondary, 1)
        return box

    def _limits_box(self, q: Any) -> QWidget:
        box = QGroupBox(tr("Annual limits"))
        self.deductible_bar = CapProgress(tr("Annual deductible"))
        d = q.deductible
        if d is not None:
            note = (tr(" · this visit {amount}").format(amount=fmt(d.applied))
                    if d.applied > 0 else "")
            self.deductible_bar.set_values(
                d.used, d.annual, d.remaining, met=d.met_for_year,
                met_text=tr("Deductible met for this year"),
                none_text=tr("No annual deductible."), note=note)
        else:
            self.deductible_bar.set_values(ZERO, None, None, met=False, met_text="",
                                           none_text=tr("No annual deductible."))
        self.copay_bar = CapProgress(tr("Annual copay cap"))
        a = q.annual_copay
        if a is not None:
            self.copay_bar.set_values(
                a.used, a.cap, a.remaining, met=a.reached,
                met_text=tr("Annual copay cap reached — no copay required!"),
                none_text=tr("No annual copay cap."))
        else:
            self.copay_bar.set_values(ZERO, None, None, met=False, met_text="",
                                      none_text=tr("No annual copay cap."))
        layout = QHBoxLayout(box)
        layout.addWidget(self.deductible_bar, 1, Qt.AlignmentFlag.AlignTop)
        layout.addSpacing(16)
        layout.addWidget(self.copay_bar, 1, Qt.AlignmentFlag.AlignTop)
        return box

    def _pharmacy_box(self, q: Any) -> QWidget:
        ph = q.pharmacy
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(18, 0, 0, 0)
        estimate = (tr("Pharmacy copay estimate ({pct} of {total})").format(
            pct=_pct(ph.patient_share_pct), total=fmt(ph.total_cost)) if ph.count
            else tr("Pharmacy copay estimate"))
        inner.addWidget(_rows([
            (tr("Consultation copay"), fmt(q.patient_amount)),
            (estimate, fmt(ph.patient_estimate)),
            (tr("Estimated total patient cost"), fmt(q.total_estimate)),
        ], bold_last=True))
        disclaimer = QLabel(render(ph.disclaimer) if not isinstance(ph.disclaimer, str)
                            else tr(ph.disclaimer))
        disclaimer.setWordWrap(True)
        disclaimer.setStyleSheet("color: #57606a; font-style: italic;")
        inner.addWidget(disclaimer)
        count = ph.count
        if count == 0:
            badge = tr("No active prescriptions")
        else:
            badge = (tr("{count} active prescription") if count == 1
                     else tr("{count} active prescriptions")).format(count=count)
        self.pharmacy = _Expander(tr("Estimated Total Visit Cost"), body, badge=badge,
                                  badge_colour="#0969da" if count else "#6e7781",
                                  expanded=count > 0)
        self.pharmacy.setAccessibleName(tr("Pharmacy estimate"))
        return self.pharmacy

    def _explanation_box(self, q: Any) -> QWidget:
        # Each line is the domain's message (or, until converted, its English sentence).
        lines = [_esc(render(line)) for line in q.explanation]
        if is_rtl():
            # A right-to-left <ol> does not wrap its lines (they run off the left edge):
            # numbered paragraphs instead, the number at the right.
            html_text = "".join(f"<p dir='rtl' style='margin: 3px 0'>{i}. {line}</p>"
                                for i, line in enumerate(lines, 1))
        else:
            html_text = "".join(f"<li>{line}</li>" for line in lines).join(
                ("<ol style='-qt-list-indent: 1;'>", "</ol>"))
        text = QLabel(html_text)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = _Expander(tr("How was this calculated?"), text)
        return self.explanation

    def _build_methods_box(self) -> QWidget:
        """The payment method, built once under the scrolled quote: the methods in one row,
        then what the method needs (cash tendered and change due; card approval code and
        last 4 digits)."""
        box = QGroupBox(tr("Payment method"))
        self.methods_box = box
        self.method_group = QButtonGroup(box)
        self.method_buttons: dict[PaymentMethod, QRadioButton] = {}
        grid = QGridLayout(box)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setVerticalSpacing(4)
        methods = QHBoxLayout()
        for method, label in METHODS:
            rb = QRadioButton(tr(label))
            self.method_group.addButton(rb)
            self.method_buttons[method] = rb
            rb.toggled.connect(lambda on, m=method: self._method_chosen(m) if on else None)
            methods.addWidget(rb)
        methods.addStretch(1)
        grid.addLayout(methods, 0, 0)

        details = QHBoxLayout()
        self.tendered_label = QLabel(tr("Amount &tendered"))
        self.tendered_edit = QLineEdit()
        self.tendered_edit.setPlaceholderText(tr("e.g. 100"))
        self.tendered_edit.setMaximumWidth(130)
        self.tendered_edit.setAccessibleName(tr("Amount tendered"))
        self.tendered_label.setBuddy(self.tendered_edit)
        self.change_label = QLabel("")
        self.change_label.setAccessibleName(tr("Change due"))
        self.change_label.setStyleSheet("font-weight: 600;")
        self.tendered_edit.textChanged.connect(self._update_change)
        self.approval_label = QLabel(tr("Appro&val code"))
        self.approval_edit = QLineEdit()
        self.approval_edit.setMaxLength(12)
        self.approval_edit.setMaximumWidth(120)
        self.approval_edit.setPlaceholderText(tr("from the slip"))
        self.approval_edit.setAccessibleName(tr("Card approval code"))
        self.approval_label.setBuddy(self.approval_edit)
        self.last4_label = QLabel(tr("Card &last 4 digits"))
        self.last4_edit = QLineEdit()
        self.last4_edit.setMaxLength(4)
        self.last4_edit.setMaximumWidth(70)
        self.last4_edit.setPlaceholderText("4242")
        self.last4_edit.setAccessibleName(tr("Card last 4 digits"))
        self.last4_label.setBuddy(self.last4_edit)
        for w in (self.tendered_label, self.tendered_edit, self.change_label,
                  self.approval_label, self.approval_edit, self.last4_label, self.last4_edit):
            details.addWidget(w)
        for edit in (self.tendered_edit, self.approval_edit, self.last4_edit):
            edit.textChanged.connect(lambda _t: self.error.clear_message())
        details.addStretch(1)
        grid.addLayout(details, 1, 0)
        # Issue 13: the balance of earlier underpaid visits, taken with the copay or left.
        self.balance_check = QCheckBox("")
        self.balance_check.setAccessibleName(tr("Collect the earlier balance"))
        self.balance_check.setToolTip(tr("Tick only if the patient agrees to pay it now; "
                                         "the receipt shows it as its own line."))
        self.balance_check.hide()
        self.balance_check.toggled.connect(self._balance_toggled)
        grid.addWidget(self.balance_check, 3, 0)
        self.deposit_reason = QLabel("")
        self.deposit_reason.setStyleSheet("color: #7a1111;")
        self.deposit_reason.setWordWrap(True)
        self.deposit_reason.hide()
        grid.addWidget(self.deposit_reason, 2, 0)
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self._show_method_details()
        return box

    def _update_methods(self, h: Any, q: Any) -> None:
        """The quote arrived: the deposit's balance and whether it covers the copay."""
        deposit = self.method_buttons[PaymentMethod.DEPOSIT]
        deposit.setText(tr("&Patient Deposit (balance {balance})").format(
            balance=fmt(h.deposit_balance)))
        if self._deposit_covers():
            deposit.setToolTip("")
            self.deposit_reason.hide()
        else:
            reason = tr("Deposit balance {balance} is less than the copay {amount}.").format(
                balance=fmt(h.deposit_balance), amount=fmt(self._total()))
            deposit.setToolTip(reason)
            self.deposit_reason.setText(tr("Patient Deposit unavailable: {reason}").format(
                reason=reason))
            self.deposit_reason.show()
            if self._method is PaymentMethod.DEPOSIT:
                self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self._update_change()

    def _balance_amount(self) -> Any:
        """The earlier balance the desk chose to take now (0 when left for later)."""
        if self._due is None or not self.balance_check.isChecked() \
                or self.balance_check.isHidden():
            return ZERO
        return self._due.amount

    def _total(self) -> Any:
        """Today's copay plus the earlier balance when taken: what the patient pays now."""
        assert self.view is not None
        return self.view.quote.patient_amount + self._balance_amount()

    def _deposit_covers(self) -> bool:
        if self.view is None:
            return False
        if not self._balance_amount():
            return bool(self.view.quote.deposit_covers)
        return self.view.header.deposit_balance >= self._total()

    def _balance_toggled(self, _on: bool) -> None:
        self.error.clear_message()
        if self.view is not None:
            self._update_methods(self.view.header, self.view.quote)
        self._update_actions()

    def _show_method_details(self) -> None:
        cash = self._method is PaymentMethod.CASH
        card = self._method in CARD_METHODS
        for w in (self.tendered_label, self.tendered_edit, self.change_label):
            w.setVisible(cash)
        for w in (self.approval_label, self.approval_edit, self.last4_label, self.last4_edit):
            w.setVisible(card)

    def _update_change(self) -> None:
        """Change due as the amount tendered is typed (or how much is still missing)."""
        text = self.tendered_edit.text().strip()
        if self.view is None or not text:
            self.change_label.setText("")
            return
        amount = self._total()
        try:
            given = to_amount(text, field="Amount tendered")
        except ValidationError as exc:
            self.change_label.setText(message_for(exc))
            return
        if given < amount:
            self.change_label.setText(tr("{amount} short").format(amount=fmt(amount - given)))
        else:
            self.change_label.setText(tr("Change due {amount}").format(
                amount=fmt(given - amount)))

    def _tender_details(self, method: PaymentMethod) -> dict[str, Any]:
        """What the chosen method needs, checked here with the service's own rules (the
        service checks again): raises ValidationError with the sentence to show."""
        details: dict[str, Any] = {}
        if method is PaymentMethod.CASH and self.tendered_edit.text().strip():
            details["tendered"] = self.tendered_edit.text().strip()
        if method in CARD_METHODS:
            details["approval_code"] = self.approval_edit.text()
            details["card_last4"] = self.last4_edit.text()
        assert self.view is not None
        tender_for(method, self._total(), require_card=True, **details)
        balance = self._balance_amount()
        if balance:
            details["balance"] = balance
        return details

    def _method_chosen(self, method: PaymentMethod) -> None:
        self._method = method
        self.error.clear_message()
        self._show_method_details()

    def selected_method(self) -> PaymentMethod | None:
        return self._method

    def select_method(self, method: PaymentMethod) -> None:
        self.method_buttons[PaymentMethod(method)].setChecked(True)

    # ----------------------------------------------------------------------- state
    def _update_state_banner(self, h: Any) -> None:
        open_statuses = (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED)
        if h.status not in open_statuses:
            word = _STATUS_WORDS.get(h.status.value)
            self.state_banner.set_message(
                tr("This appointment is already {status}; there is nothing to collect "
                   "here.").format(status=tr(word) if word else h.status.value.lower()),
                kind="error")
        elif h.copay_status is not CopayStatus.PENDING:
            word = _COPAY_WORDS.get(h.copay_status.value)
            decided = tr(word) if word else h.copay_status.value.lower()
            if h.copay_amount is not None:
                text = tr("The copay was already {decided} ({amount}). Continue to check the "
                          "patient in.").format(decided=decided, amount=fmt(h.copay_amount))
            else:
                text = tr("The copay was already {decided}. Continue to check the patient "
                          "in.").format(decided=decided)
            self.state_banner.set_message(text, kind="info")
        else:
            self.state_banner.clear_message()

    def _update_actions(self) -> None:
        if self.view is None:
            return
        h, q = self.view.header, self.view.quote
        actions = q.allowed_actions
        open_appt = h.status in (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED)
        pending = h.copay_status is CopayStatus.PENDING
        may_collect = can(self.ctx.actor.role, Permission.COLLECT_COPAY)
        undecided = open_appt and pending and may_collect
        self.collect_button.setVisible(undecided)
        self.waive_button.setVisible(undecided and "WAIVE" in actions and not q.is_self_pay)
        self.defer_button.setVisible(undecided and "DEFER" in actions)
        self.continue_button.setVisible(open_appt and not pending)
        self._offer_balance()
        if self._balance_amount():
            self.collect_button.setText(tr("&Collect {amount}").format(amount=fmt(self._total())))
            self.collect_button.setStyleSheet("")
        elif q.is_self_pay:
            self.collect_button.setText(tr("&Collect Self-Pay {amount}").format(
                amount=fmt(q.patient_amount)))
            self.collect_button.setStyleSheet(
                "QPushButton { background: #d1570a; color: white; border: 1px solid #d1570a; "
                "border-radius: 4px; padding: 5px 12px; }"
                " QPushButton:disabled { background: #f3c7a8; color: #ffffff; }")
        else:
            self.collect_button.setText(tr("&Collect {amount}").format(
                amount=fmt(q.patient_amount)))
            self.collect_button.setStyleSheet("")
        self.collect_button.setToolTip("" if "COLLECT" in actions else render(q.preauth.reason))
        self._set_actions_enabled(not self._in_flight)

    def _offer_balance(self) -> None:
        """Issue 13: the earlier balance is offered while today's copay is still to decide
        (only the tick box: the actions keep their state, a re-quote may be running)."""
        if self.view is None:
            return
        h = self.view.header
        undecided = (h.status in (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED)
                     and h.copay_status is CopayStatus.PENDING
                     and can(self.ctx.actor.role, Permission.COLLECT_COPAY))
        self.balance_check.setVisible(undecided and self._due is not None
                                      and self._due.amount > 0)

    def _set_actions_enabled(self, enabled: bool) -> None:
        actions = self.view.quote.allowed_actions if self.view is not None else frozenset()
        self.collect_button.setEnabled(enabled and "COLLECT" in actions)
        for b in (self.waive_button, self.defer_button, self.continue_button):
            b.setEnabled(enabled)
        for name in ("request_preauth_button", "override_button", "convert_button",
                     "add_insurance_button"):
            b = getattr(self, name, None)
            if b is not None and shiboken6.isValid(b):
                b.setEnabled(enabled)
        self.eligibility_panel.setEnabled(enabled)
        self.balance_check.setEnabled(enabled)
        deposit_ok = self._deposit_covers()
        for method, rb in getattr(self, "method_buttons", {}).items():
            if shiboken6.isValid(rb):
                rb.setEnabled(enabled and (method is not PaymentMethod.DEPOSIT or deposit_ok))

    def _begin(self, text: str) -> bool:
        """Start an action unless one is running; False when one is."""
        if self._in_flight:
            return False
        self._in_flight = True
        self.error.clear_message()
        self.busy.start(text)
        self._set_actions_enabled(False)
        return True

    def _end(self) -> None:
        self._in_flight = False
        self.busy.stop()
        self._set_actions_enabled(True)

    def _show_error(self, exc: BaseException) -> None:
        text = message_for(exc)
        if not isinstance(exc, DomainError):
            log.error("copay dialog: %s", getattr(exc, "__cd_traceback__", repr(exc)))
        on_receipt = self.receipt_page is not None and (
            self.stack.currentWidget() is self.receipt_page)
        target = self.receipt_error if on_receipt else self.error
        target.set_message(text, kind="error")
        self.error_shown.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self._show_error(exc)
        if isinstance(exc, ShiftRequired):  # cash with no drawer: offer to open one here
            from app.ui.shift_page import offer_open_shift

            self.shift_prompt = offer_open_shift(self.ctx, self, exc)

    # ----------------------------------------------------------------------- actions
    def collect(self) -> None:
        if self.view is None or "COLLECT" not in self.view.quote.allowed_actions:
            return
        method = self._method
        if method is None:
            self.error.set_message(tr("Choose a payment method."), kind="error")
            return
        try:
            details = self._tender_details(method)
        except ValidationError as exc:
            self.error.set_message(message_for(exc), kind="error")
            self.error_shown.emit(message_for(exc))
            return
        if not self._begin(tr("Collecting…")):
            return
        services, actor = self.ctx.services, self.ctx.actor
        appointment_id, key = self.appointment_id, self.idempotency_key
        # check_in=True: the payment and the check-in are one transaction (issue 11).
        self.ctx.ops.mutate(lambda: services.copay.collect(actor, appointment_id, method, key,
                                                           check_in=True, **details),
                            on_done=self._collected, on_failure=self._failed, owner=self)

    def _collected(self, result: Any) -> None:
        self._in_flight = False
        self.busy.stop()
        self.collect_result = result
        self._decided_action = "collected"
        self._ensure_receipt_page()
        self.receipt.show_result(result)
        self.receipt_error.clear_message()
        self.receipt_done.clear_message()
        self.stack.setCurrentWidget(self.receipt_page)
        self.collect_finished.emit(result)
        self.copay_decided.emit("collected")
        if result.token_number is not None:
            self._checked_in(result)
        else:  # collected for a patient not waiting to be checked in
            self.receipt_continue.show()
            self.receipt_continue.setDefault(True)
            self.receipt_continue.setFocus()
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.ops.run(lambda: services.copay.receipt(actor, result.payment_id),
                         on_success=self.receipt.set_receipt, on_failure=self._show_error,
                         owner=self)

    def show_receipt(self, data: Any) -> None:
        """Show the receipt screen for an existing receipt (reprints, screenshots)."""
        self.stack.setCurrentWidget(self._ensure_receipt_page())
        self.receipt.set_receipt(data)

    def waive(self) -> None:
        if self.view is None or self.view.quote.is_self_pay or self._in_flight:
            return
        reason = self.ask_reason(tr("Waive copay"),
                                 tr("Why is the copay of {amount} waived? The reason is kept "
                                    "in the insurance audit log.").format(
                                     amount=fmt(self.view.quote.patient_amount)),
                                 tr("Waive"))
        if not reason:
            return
        self._settle("waived", lambda s, a, i: s.copay.waive(a, i, reason, check_in=True),
                     tr("Waiving…"))

    def defer(self) -> None:
        if self.view is None:
            return
        self._settle("deferred", lambda s, a, i: s.copay.defer(a, i, check_in=True),
                     tr("Deferring…"))

    def _settle(self, action: str, call: Any, busy_text: str) -> None:
        if not self._begin(busy_text):
            return
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id

        def ok(result: Any) -> None:
            self._in_flight = False
            self.busy.stop()
            self._decided_action = action
            self.copay_decided.emit(action)
            # The decision checked the patient in (same transaction): show the token.
            if getattr(result, "token_number", None) is not None:
                self._checked_in(result)
            else:
                self.check_in()

        self.ctx.ops.mutate(lambda: call(services, actor, appointment_id), on_done=ok,
                            on_failure=self._failed, owner=self)

    def check_in(self) -> None:
        """Check the patient in (after collect, waive, defer, or a copay decided before)."""
        if self._in_flight or self.token is not None:
            return
        self._in_flight = True
        self.busy.start(tr("Checking in…"))
        self._set_actions_enabled(False)
        if self.receipt_page is not None:
            self.receipt_continue.setEnabled(False)
            self.receipt_error.clear_message()
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id
        self.ctx.ops.mutate(lambda: services.queue.check_in(actor, appointment_id),
                            on_done=self._checked_in, on_failure=self._check_in_failed,
                            owner=self)

    def _checked_in(self, result: Any) -> None:
        self._in_flight = False
        self.busy.stop()
        self.token = result.token_number
        if self.receipt_page is not None and self.stack.currentWidget() is self.receipt_page:
            self.receipt_done.set_message(tr("{done} — token #{token}.").format(
                done=tr(_DONE_TEXT["collected"]), token=result.token_number), kind="success")
            self.receipt_continue.hide()
            self.receipt_close.setDefault(True)
            self.receipt_close.setFocus()
        else:
            self._ensure_done_page()
            self.done_title.setText(tr(_DONE_TEXT.get(self._decided_action,
                                                      _DONE_TEXT["decided"])))
            self.done_token.setText(tr("Token #{token}").format(token=result.token_number))
            who = self.view.header.patient_name if self.view is not None else ""
            self.done_detail.setText(tr("Checked in — token #{token}. {patient} is in the live "
                                        "queue, awaiting vitals.").format(
                token=result.token_number, patient=who))
            self.stack.setCurrentWidget(self.done_page)
            self.done_close.setFocus()
        self.checked_in.emit(result.token_number)

    def _check_in_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self.busy.stop()
        if self.receipt_page is not None:
            self.receipt_continue.setEnabled(True)
        if self.stack.currentWidget() is self.quote_page:
            self._set_actions_enabled(True)
            # The copay is decided now: offer only the check-in again.
            self.collect_button.hide()
            self.waive_button.hide()
            self.defer_button.hide()
            self.continue_button.show()
            self.continue_button.setEnabled(True)
        self._show_error(exc)

    # -- pre-auth and self-pay ----------------------------------------------------
    def request_preauth(self) -> None:
        """Open the Request Pre-Auth dialog; a stored request re-quotes (the panel turns
        PENDING)."""
        if self.view is None or self._in_flight:
            return
        dialog = PreAuthRequestDialog(self.ctx, self.view, self)
        dialog.preauth_requested.connect(lambda _changes: self._refresh_quote())
        self.preauth_dialog = dialog
        dialog.open()

    def add_insurance(self) -> None:
        """Open the Add Insurance dialog; a stored policy re-quotes (no longer self-pay) and,
        once the new quote is shown, starts the DHA check of the new policy."""
        if self.view is None or self._in_flight:
            return
        h = self.view.header
        dialog = AddInsuranceDialog(self.ctx, h.patient_id, h.patient_name, h.mrn,
                                    appointment_id=self.appointment_id,
                                    visit_date=h.appointment_date, parent=self,
                                    simulated=self.view.quote.data_source
                                    is DataSource.MOCK_DATA)
        dialog.insurance_added.connect(self._insurance_added)
        self.insurance_dialog = dialog
        dialog.open()

    def _insurance_added(self, _result: Any) -> None:
        self._verify_after_quote = True
        self._refresh_quote()

    def override_preauth(self) -> None:
        if self.view is None or not can(self.ctx.actor.role, Permission.PREAUTH_OVERRIDE):
            return
        reason = self.ask_reason(tr("Override pre-authorisation"),
                                 tr("{reason}. Why may the desk collect anyway? The override "
                                    "is kept in the audit log.").format(
                                     reason=render(self.view.quote.preauth.reason).rstrip(".")),
                                 tr("Override"))
        if reason:
            self._change_quote(lambda s, a, i: s.copay.override_preauth(a, i, reason),
                               tr("Recording the override…"))

    def convert_to_self_pay(self) -> None:
        if self.view is None:
            return
        reason = self.ask_reason(tr("Convert to self-pay"),
                                 tr("The patient will pay the full fee of {fee} for this "
                                    "visit. Why?").format(fee=fmt(self.view.quote.fee)),
                                 tr("Convert"))
        if reason:
            self._change_quote(lambda s, a, i: s.copay.convert_to_self_pay(a, i, reason),
                               tr("Converting to self-pay…"))

    def _change_quote(self, call: Any, busy_text: str) -> None:
        if not self._begin(busy_text):
            return
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id

        def ok(_result: Any) -> None:
            self._in_flight = False
            self.busy.stop()
            self.load_quote()

        self.ctx.ops.mutate(lambda: call(services, actor, appointment_id), on_done=ok,
                            on_failure=self._failed, owner=self)

    # -- eligibility (seed 004 §3 steps 3–4) -------------------------------------------
    def verify_eligibility(self) -> None:
        """Cross-verify the insured patient's policy with DHA on the network pool, once the
        first quote is shown: the dialog never waits for it, and a changed policy re-quotes."""
        if not can(self.ctx.actor.role, Permission.VERIFY_ELIGIBILITY):
            self.eligibility_checked.emit(None)
            return
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment_id
        picked_by_name = self.picked_by_name
        open_statuses = (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED)

        def work() -> _Verification:
            row = services.queue.row(actor, appointment_id)
            if row.primary_insurer is None or row.status not in open_statuses:
                return _Verification(None)  # self-pay, or nothing left to collect
            if not services.dha(actor.hospital_id).configured:
                return _Verification(None)  # the banner already says "manual verification"
            check = services.eligibility.verify_patient(
                actor, row.patient_id, selected_by_eid=False, appointment_id=appointment_id,
                picked_by_name=picked_by_name)
            return _Verification(check, check.changes)

        self.eligibility_panel.show_pending(tr("Checking the insurance with DHA…"))
        # A mutation: the answer is stored on the appointment (and may sync the policy).
        self.ctx.ops.mutate(work, on_done=lambda v: self._eligibility_arrived(v.check),
                            on_failure=self._eligibility_failed, owner=self, pool="net")

    def _eligibility_arrived(self, check: Any) -> None:
        if check is None:
            self.eligibility_panel.clear()
            self.eligibility_checked.emit(None)
            return
        self.eligibility = check
        self.eligibility_panel.show_check(check, appointment_id=self.appointment_id)
        self._refresh_quote()  # the check is stored on the appointment; terms may be synced
        self.eligibility_checked.emit(check)

    def _eligibility_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            log.error("eligibility check failed: %s", getattr(exc, "__cd_traceback__", repr(exc)))
        self.eligibility_panel.show_unavailable(message_for(exc))
        self.eligibility_checked.emit(exc)

    def _eligibility_resolved(self, result: Any) -> None:
        """A choice on an alert was stored (its Changes are published): coverage may have
        changed, and self-pay changes the amount, so the quote is asked again."""
        if hasattr(result, "verification"):  # an Emirates ID verification: a new check
            self.eligibility = result
        self._refresh_quote()

    def _refresh_quote(self) -> None:
        if self._in_flight or self.token is not None:
            return  # a payment / check-in is running or done: the quote is settled
        if self.stack.currentWidget() not in (self.loading_page, self.quote_page):
            return
        self.load_quote()

    # -- small dialogs (tests replace this one) ----------------------------------------
    def ask_reason(self, title: str, prompt: str, ok_text: str) -> str | None:
        return ask_reason(self, title, prompt, ok_text=ok_text)


if __name__ == "__main__":
    import sys

    from app.ui.preview import run_preview

    def _build(ctx: AppContext) -> QWidget:
        rows = ctx.services.queue.day(ctx.actor)
        target = next((r for r in rows if r.status.value in ("SCHEDULED", "CONFIRMED")
                       and r.copay_status.value == "PENDING"), None)
        if target is None:
            raise SystemExit("No appointment waiting for check-in today in the demo data.")
        return CopayDialog(ctx, int(sys.argv[1]) if len(sys.argv) > 1 else
                           target.appointment_id)

    sys.exit(run_preview(_build, title=tr("Copay collection")))
