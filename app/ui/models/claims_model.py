"""The Claims & Payments page's tables as Qt models: one page of claim rows, one page of
insurance payment rows. Each column says its title, how to read its text from a row, and
whether it is a money column (right-aligned); the status column carries badge colours
(``BADGE_ROLE``, drawn by :class:`~app.ui.models.audit_model.BadgeDelegate`).

Titles and status labels are fixed English marked ``N_()`` (the catalogue finds them) and
translated where shown; amounts and dates go through app/ui/i18n.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.enums import ClaimStatus, InsurancePaymentStatus
from app.ui import i18n
from app.ui.i18n import N_, tr
from app.ui.models.audit_model import BADGE_ROLE, BLUE, GREEN, GREY, RED, ROW_ROLE, TEAL, YELLOW

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS_LABELS = {
    ClaimStatus.NOT_SUBMITTED: N_("Draft"),
    ClaimStatus.SUBMITTED: N_("Submitted"),
    ClaimStatus.APPROVED: N_("Approved"),
    ClaimStatus.REJECTED: N_("Rejected"),
    ClaimStatus.PAID: N_("Paid"),
}
POSTING_LABELS = {
    InsurancePaymentStatus.PENDING: N_("Pending"),
    InsurancePaymentStatus.POSTED: N_("Posted"),
    InsurancePaymentStatus.REVERSED: N_("Reversed"),
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
    """An amount without the currency (the page says "amounts in AED"), or a dash."""
    return i18n.money(value, currency=False) if value is not None else "—"


def day(value: Any) -> str:
    return i18n.date_text(value) if value is not None else "—"


def status_label(status: ClaimStatus) -> str:
    return tr(STATUS_LABELS[status])


def posting_label(status: InsurancePaymentStatus) -> str:
    return tr(POSTING_LABELS[status])


def claim_ref(claim_id: int, claim_num: Any) -> str:
    """``#12`` or ``#12 · OD 3456`` (OD: OpenDental's claim number)."""
    if claim_num:
        return tr("#{id} · OD {num}").format(id=claim_id, num=claim_num)
    return f"#{claim_id}"


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
            return tr(self.COLUMNS[section].title)
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
        Column(N_("Claim"), lambda r: claim_ref(r.id, r.claim_num)),
        Column(N_("Service date"), lambda r: day(r.date_service)),
        Column(N_("Patient"), lambda r: f"{r.patient_name}\n{r.mrn}"),
        Column(N_("Payer"), lambda r: r.payer or "—"),
        Column(N_("Status"), lambda r: status_label(r.status),
               badge=lambda r: STATUS_COLORS[r.status]),
        Column(N_("Billed"), lambda r: money(r.amount_billed), is_money=True),
        Column(N_("Approved"), lambda r: money(r.amount_approved), is_money=True),
        Column(N_("Sent"), lambda r: day(r.date_sent)),
        Column(N_("Clinic"), lambda r: r.clinic or "—"),
    )
    STATUS_COLUMN = 4


class PaymentsTableModel(RowsModel):
    COLUMNS = (
        Column(N_("Received"), lambda r: day(r.received_at)),  # the hospital's day
        Column(N_("Check / EFT"), lambda r: r.check_num or "—"),
        Column(N_("Carrier"), lambda r: r.carrier or "—"),
        Column(N_("Claim"), lambda r: claim_ref(r.claim_id, r.claim_num)),
        Column(N_("Patient"), lambda r: f"{r.patient_name}\n{r.mrn}"),
        Column(N_("Amount"), lambda r: money(r.amount), is_money=True),
        Column(N_("Posting"), lambda r: posting_label(r.status),
               badge=lambda r: POSTING_COLORS[r.status]),
    )
    STATUS_COLUMN = 6
