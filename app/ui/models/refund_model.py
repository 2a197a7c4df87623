"""Copay refunds as Qt table models: the refunds list and the payments found for a request.

:class:`RefundTableModel` shows one page of :class:`~app.services.refunds.RefundRow`
values with a coloured status badge (painted by
:class:`~app.ui.models.audit_model.BadgeDelegate`); :class:`PaymentTableModel` lists the
:class:`~app.services.refunds.PaymentMatch` values of the request dialog's search. Neither
computes money: every figure comes formatted from the service's values.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.enums import PaymentMethod, RefundStatus
from app.domain.refunds import METHOD_LABELS, REASON_LABELS, STATUS_LABELS
from app.ui import i18n
from app.ui.i18n import N_, tr
from app.ui.models.audit_model import BADGE_ROLE, BLUE, GREEN, RED, ROW_ROLE, YELLOW, ModelIndex

__all__ = ["BADGE_ROLE", "PaymentTableModel", "ROW_ROLE", "RefundTableModel", "STATUS_COLORS",
           "method_text", "payment_method_label", "reason_label", "reason_text",
           "status_text"]

STATUS_COLORS: dict[RefundStatus, tuple[str, str]] = {
    RefundStatus.PENDING: YELLOW,
    RefundStatus.APPROVED: BLUE,
    RefundStatus.PROCESSED: GREEN,
    RefundStatus.REJECTED: RED,
}

_PAYMENT_METHODS = {PaymentMethod.CASH: N_("cash"), PaymentMethod.CREDIT_CARD: N_("credit card"),
                    PaymentMethod.DEBIT_CARD: N_("debit card"),
                    PaymentMethod.DEPOSIT: N_("deposit")}
_SHORT_METHODS = {PaymentMethod.CASH: N_("cash"), PaymentMethod.CREDIT_CARD: N_("card"),
                  PaymentMethod.DEBIT_CARD: N_("card"), PaymentMethod.DEPOSIT: N_("deposit")}
# The refund domain's labels (app/domain/refunds.py), marked here so that this screen's
# catalogue holds their Arabic; shown with tr() through the helpers below.
_CATALOGUE = (
    N_("Pending"), N_("Approved"), N_("Processed"), N_("Rejected"),
    N_("Appointment cancelled"), N_("Insurance updated"), N_("Overcharge"), N_("Doctor waived"),
    N_("Other"),
    N_("Cash"), N_("Back to card"), N_("Bank transfer"), N_("Patient deposit credit"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_GREY = QColor("#57606a")


def payment_method_label(method: PaymentMethod) -> str:
    """How a payment was made, lower case for the middle of a sentence ("paid by cash")."""
    label = _PAYMENT_METHODS.get(method)
    return tr(label) if label else method.value.lower()


def status_text(status: RefundStatus) -> str:
    return tr(STATUS_LABELS[status])


def method_text(method: Any) -> str:
    """A refund method (RefundMethod) in the interface's language."""
    return tr(METHOD_LABELS[method])


def reason_label(reason: Any) -> str:
    """A refund reason (RefundReason) in the interface's language."""
    return tr(REASON_LABELS[reason])


def reason_text(r: Any) -> str:
    """The reason of a refund row: its label, and the details typed with it."""
    label = reason_label(r.reason)
    if not r.details:
        return label
    return tr("{reason}: {details}").format(reason=label, details=r.details)


def _day(value: Any) -> str:
    """A day as the tables show it: "04 Dec 2026"; numbers in Arabic (no English month)."""
    return i18n.date_text(value) if i18n.is_rtl() else f"{value:%d %b %Y}"


class _RowsModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None


class RCol(IntEnum):
    STATUS = 0
    AMOUNT = 1
    REQUESTED = 2
    PATIENT = 3
    PAYMENT = 4
    REASON = 5
    OUTCOME = 6


class RefundTableModel(_RowsModel):
    """Two lines per refund, like the seed's cards: amount over refund method, date over
    time, name over MRN, receipt over what was paid; reason and outcome wrap."""

    HEADERS = (N_("Status"), N_("Amount"), N_("Requested"), N_("Patient"),
               N_("Original payment"), N_("Reason"), N_("Outcome"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == BADGE_ROLE and col == RCol.STATUS:
            return STATUS_COLORS[r.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == RCol.AMOUNT:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == RCol.OUTCOME:
            return QColor("#7a1111") if r.status is RefundStatus.REJECTED else _GREY
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (RCol.REASON, RCol.OUTCOME):
                return self._text(r, col)
            if col == RCol.REQUESTED:
                return tr("Requested by {name}").format(name=r.requested_by or tr("unknown"))
            if col == RCol.PAYMENT:
                return tr("Receipt {receipt}: {amount} paid by {method} on {day}; {refunded} "
                          "refunded so far").format(
                              receipt=r.original_receipt_number,
                              amount=i18n.money(r.payment_amount),
                              method=payment_method_label(r.payment_method),
                              day=_day(r.payment_date), refunded=i18n.money(r.payment_refunded))
        return None

    @staticmethod
    def _text(r: Any, col: int) -> str:
        if col == RCol.STATUS:
            return status_text(r.status)
        if col == RCol.AMOUNT:
            return f"{i18n.money(r.amount)}\n{method_text(r.method)}"
        if col == RCol.REQUESTED:
            return f"{_day(r.requested_at)}\n{i18n.time_text(r.requested_at)}"
        if col == RCol.PATIENT:
            return f"{r.patient_name}\n{r.mrn}"
        if col == RCol.PAYMENT:
            short = _SHORT_METHODS.get(r.payment_method)
            paid = i18n.money(r.payment_amount)
            if short:
                paid = tr("{amount} {method}").format(amount=paid, method=tr(short))
            return f"{r.original_receipt_number}\n{paid}"
        if col == RCol.REASON:
            return reason_text(r)
        if col == RCol.OUTCOME:
            if r.status is RefundStatus.REJECTED:
                return tr("Rejected by {name}: {reason}").format(name=r.rejected_by,
                                                                  reason=r.rejection_reason)
            if r.status is RefundStatus.PROCESSED:
                if r.receipt_number:
                    return tr("{receipt} · paid out by {name}").format(
                        receipt=r.receipt_number, name=r.processed_by)
                return tr("Paid out by {name}").format(name=r.processed_by)
            if r.status is RefundStatus.APPROVED:
                return tr("Approved by {name}; waiting to be paid out").format(
                    name=r.approved_by)
            return tr("Waiting for approval")
        return ""


class PCol(IntEnum):
    RECEIPT = 0
    DATE = 1
    METHOD = 2
    PATIENT = 3
    MRN = 4
    PAID = 5
    REFUNDED = 6
    PENDING = 7
    REFUNDABLE = 8


class PaymentTableModel(_RowsModel):
    # Method in its own column: whether the money goes back to a card or the till is decided
    # from it (issue 11); MRN apart from the name so neither is cut to "ANC-10…".
    HEADERS = (N_("Receipt"), N_("Paid on"), N_("Method"), N_("Patient"), N_("MRN"), N_("Paid"),
               N_("Refunded"), N_("Pending"), N_("Refundable"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return m
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= PCol.PAID:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == PCol.REFUNDABLE and not m.refundable:
            return _GREY
        if role == Qt.ItemDataRole.ToolTipRole and col in (PCol.RECEIPT, PCol.METHOD):
            method = payment_method_label(m.payment_method)
            if m.insurer:
                return tr("Paid by {method}, insurer {insurer}").format(method=method,
                                                                        insurer=m.insurer)
            return tr("Paid by {method}, self-pay").format(method=method)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PCol.RECEIPT: m.receipt_number,
            PCol.DATE: _day(m.payment_date),
            PCol.METHOD: payment_method_label(m.payment_method).capitalize(),
            PCol.PATIENT: m.patient_name,
            PCol.MRN: m.mrn,
            PCol.PAID: i18n.money(m.paid),
            PCol.REFUNDED: i18n.money(m.refunded),
            PCol.PENDING: i18n.money(m.pending),
            PCol.REFUNDABLE: i18n.money(m.refundable),
        }[PCol(col)]
