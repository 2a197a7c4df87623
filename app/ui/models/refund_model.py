"""Copay refunds as Qt table models: the refunds list and the payments found for a request.

:class:`RefundTableModel` shows one page of :class:`~app.services.refunds.RefundRow`
values with a coloured status badge (painted by
:class:`~app.ui.models.audit_model.BadgeDelegate`); :class:`PaymentTableModel` lists the
:class:`~app.services.refunds.PaymentMatch` values of the request dialog's search. Neither
computes money: every figure comes formatted from the service's values.
"""
# i18n: pending

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.enums import PaymentMethod, RefundStatus
from app.domain.money import fmt
from app.domain.refunds import STATUS_LABELS
from app.ui.models.audit_model import BADGE_ROLE, BLUE, GREEN, RED, ROW_ROLE, YELLOW, ModelIndex

__all__ = ["BADGE_ROLE", "PaymentTableModel", "ROW_ROLE", "RefundTableModel", "STATUS_COLORS",
           "payment_method_label"]

STATUS_COLORS: dict[RefundStatus, tuple[str, str]] = {
    RefundStatus.PENDING: YELLOW,
    RefundStatus.APPROVED: BLUE,
    RefundStatus.PROCESSED: GREEN,
    RefundStatus.REJECTED: RED,
}

_PAYMENT_METHODS = {PaymentMethod.CASH: "cash", PaymentMethod.CREDIT_CARD: "credit card",
                    PaymentMethod.DEBIT_CARD: "debit card", PaymentMethod.DEPOSIT: "deposit"}
_SHORT_METHODS = {PaymentMethod.CASH: "cash", PaymentMethod.CREDIT_CARD: "card",
                  PaymentMethod.DEBIT_CARD: "card", PaymentMethod.DEPOSIT: "deposit"}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_GREY = QColor("#57606a")


def payment_method_label(method: PaymentMethod) -> str:
    return _PAYMENT_METHODS.get(method, method.value.lower())


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
            return self.HEADERS[section]
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

    HEADERS = ("Status", "Amount", "Requested", "Patient", "Original payment", "Reason",
               "Outcome")

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
                return f"Requested by {r.requested_by or 'unknown'}"
            if col == RCol.PAYMENT:
                return (f"Receipt {r.original_receipt_number}: {fmt(r.payment_amount)} paid by "
                        f"{payment_method_label(r.payment_method)} on "
                        f"{r.payment_date:%d %b %Y}; {fmt(r.payment_refunded)} refunded so far")
        return None

    @staticmethod
    def _text(r: Any, col: int) -> str:
        if col == RCol.STATUS:
            return STATUS_LABELS[r.status]
        if col == RCol.AMOUNT:
            return f"{fmt(r.amount)}\n{r.method_label}"
        if col == RCol.REQUESTED:
            return f"{r.requested_at:%d %b %Y}\n{r.requested_at:%H:%M}"
        if col == RCol.PATIENT:
            return f"{r.patient_name}\n{r.mrn}"
        if col == RCol.PAYMENT:
            short = _SHORT_METHODS.get(r.payment_method, "")
            return f"{r.original_receipt_number}\n{fmt(r.payment_amount)} {short}"
        if col == RCol.REASON:
            return r.reason_text
        if col == RCol.OUTCOME:
            if r.status is RefundStatus.REJECTED:
                return f"Rejected by {r.rejected_by}: {r.rejection_reason}"
            if r.status is RefundStatus.PROCESSED:
                if r.receipt_number:
                    return f"{r.receipt_number} · paid out by {r.processed_by}"
                return f"Paid out by {r.processed_by}"
            if r.status is RefundStatus.APPROVED:
                return f"Approved by {r.approved_by}; waiting to be paid out"
            return "Waiting for approval"
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
    HEADERS = ("Receipt", "Paid on", "Method", "Patient", "MRN", "Paid", "Refunded", "Pending",
               "Refundable")

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
            insurer = f", insurer {m.insurer}" if m.insurer else ", self-pay"
            return f"Paid by {payment_method_label(m.payment_method)}{insurer}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PCol.RECEIPT: m.receipt_number,
            PCol.DATE: m.payment_date.strftime("%d %b %Y"),
            PCol.METHOD: payment_method_label(m.payment_method).capitalize(),
            PCol.PATIENT: m.patient_name,
            PCol.MRN: m.mrn,
            PCol.PAID: fmt(m.paid),
            PCol.REFUNDED: fmt(m.refunded),
            PCol.PENDING: fmt(m.pending),
            PCol.REFUNDABLE: fmt(m.refundable),
        }[PCol(col)]
