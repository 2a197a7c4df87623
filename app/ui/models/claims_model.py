"""The Claims & Payments page's tables as Qt models: one page of claim rows, one page of
insurance payment rows. Each column says its title, how to read its text from a row, and
whether it is a money column (right-aligned); the status column carries badge colours
(``BADGE_ROLE``, drawn by :class:`~app.ui.models.audit_model.BadgeDelegate`)."""
# i18n: pending

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.enums import ClaimStatus, InsurancePaymentStatus
from app.domain.money import fmt
from app.ui.models.audit_model import BADGE_ROLE, BLUE, GREEN, GREY, RED, ROW_ROLE, TEAL, YELLOW

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS_LABELS = {
    ClaimStatus.NOT_SUBMITTED: "Draft",
    ClaimStatus.SUBMITTED: "Submitted",
    ClaimStatus.APPROVED: "Approved",
    ClaimStatus.REJECTED: "Rejected",
    ClaimStatus.PAID: "Paid",
}
STATUS_COLORS = {
    ClaimStatus.NOT_SUBMITTED: GREY,
    ClaimStatus.SUBMITTED: BLUE,
    ClaimStatus.APPROVED: TEAL,
    ClaimStatus.REJECTED: RED,
    ClaimStatus.PAID: GREEN,
}
POSTING_COLORS = {
    InsurancePaymentStatus.POSTED: GREEN,
    InsurancePaymentStatus.PENDING: YELLOW,
    InsurancePaymentStatus.REVERSED: RED,
}


def money(value: Decimal | None) -> str:
    return fmt(value, currency=False) if value is not None else "—"


def day(value: Any) -> str:
    return f"{value:%d %b %Y}" if value is not None else "—"


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    is_money: bool = False
    badge: Callable[[Any], tuple[str, str]] | None = None


class RowsModel(QAbstractTableModel):
    """One page of frozen row values shown through ``COLUMNS``."""

    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, i: int) -> Any:
        return self._rows[i]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section].title
        if (orientation == Qt.Orientation.Horizontal
                and role == Qt.ItemDataRole.TextAlignmentRole
                and self.COLUMNS[section].is_money):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.is_money:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BADGE_ROLE and col.badge is not None:
            return col.badge(row)
        if role == ROW_ROLE:
            return row
        return None


class ClaimsTableModel(RowsModel):
    COLUMNS = (
        Column("Claim", lambda r: f"#{r.id}" + (f" · OD {r.claim_num}" if r.claim_num else "")),
        Column("Service date", lambda r: day(r.date_service)),
        Column("Patient", lambda r: f"{r.patient_name}\n{r.mrn}"),
        Column("Payer", lambda r: r.payer or "—"),
        Column("Status", lambda r: STATUS_LABELS[r.status],
               badge=lambda r: STATUS_COLORS[r.status]),
        Column("Billed", lambda r: money(r.amount_billed), is_money=True),
        Column("Approved", lambda r: money(r.amount_approved), is_money=True),
        Column("Sent", lambda r: day(r.date_sent)),
        Column("Clinic", lambda r: r.clinic or "—"),
    )
    STATUS_COLUMN = 4


class PaymentsTableModel(RowsModel):
    COLUMNS = (
        Column("Received", lambda r: day(r.received_at)),  # at the hospital (the service's)
        Column("Check / EFT", lambda r: r.check_num or "—"),
        Column("Carrier", lambda r: r.carrier or "—"),
        Column("Claim", lambda r: f"#{r.claim_id}" + (f" · OD {r.claim_num}"
                                                     if r.claim_num else "")),
        Column("Patient", lambda r: f"{r.patient_name}\n{r.mrn}"),
        Column("Amount", lambda r: money(r.amount), is_money=True),
        Column("Posting", lambda r: r.status.value.capitalize(),
               badge=lambda r: POSTING_COLORS[r.status]),
    )
    STATUS_COLUMN = 6
