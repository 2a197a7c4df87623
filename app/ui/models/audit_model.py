"""The insurance audit page as a Qt table model, and the coloured badge both the audit and
the refunds tables draw.

:class:`AuditTableModel` shows one page of :class:`~app.services.audit.AuditRow` values;
paging is the window's business. The Action column carries its badge colours in
``BADGE_ROLE`` and :class:`BadgeDelegate` paints them as a rounded label, so the colour
never depends on the selection or the platform style.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domain.enums import AuditAction
from app.services.audit import ACTION_LABELS
from app.ui import i18n
from app.ui.i18n import N_, tr

ModelIndex = QModelIndex | QPersistentModelIndex
BADGE_ROLE = Qt.ItemDataRole.UserRole + 10
"""data(index, BADGE_ROLE) -> (background, text colour) hex strings for a badge cell."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 11
"""data(index, ROW_ROLE) -> the row value object of that line."""

A = AuditAction
GREEN = ("#dff3e4", "#0f5323")
YELLOW = ("#fff4d1", "#5c3b00")
BLUE = ("#e7f0fb", "#0a3069")
ORANGE = ("#ffe9d6", "#6b2a00")
RED = ("#fde8e8", "#7a1111")
PURPLE = ("#f0e8fb", "#3e1f79")
TEAL = ("#dcf3f3", "#0b4a4a")
GREY = ("#eef0f2", "#1f2328")

# seed 004 §9: Collected green, Waived yellow, Deferred blue, Pre-Auth Override orange,
# Convert to Self-Pay red; a pre-auth request yellow (the pending panel's colour); refunds
# purple, verifications and policies added teal, the rest grey.
ACTION_COLORS: dict[AuditAction, tuple[str, str]] = {
    A.COPAY_COLLECTED: GREEN,
    A.COPAY_WAIVED: YELLOW,
    A.COPAY_DEFERRED: BLUE,
    A.PREAUTH_REQUESTED: YELLOW,
    A.PREAUTH_OVERRIDE: ORANGE,
    A.CONVERT_TO_SELFPAY: RED,
    A.DHA_MISMATCH_SELFPAY: RED,
    A.DHA_VERIFIED: TEAL,
    A.EID_VERIFIED: TEAL,
    A.MANUAL_VERIFY: TEAL,
    A.INSURANCE_ADDED: TEAL,
    A.REFUND_REQUESTED: PURPLE,
    A.REFUND_APPROVED: PURPLE,
    A.REFUND_REJECTED: PURPLE,
    A.REFUND_PROCESSED: PURPLE,
    A.REFUND_DELETED: PURPLE,
}


SIMULATED_COLORS = RED


def action_colors(action: AuditAction) -> tuple[str, str]:
    return ACTION_COLORS.get(action, GREY)


class BadgeDelegate(QStyledItemDelegate):
    """Paints the cell text as a rounded badge in the colours of ``BADGE_ROLE``."""

    PAD_X = 8
    PAD_Y = 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        colors = index.data(BADGE_ROLE)
        if not colors:
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # Background (selection highlight) first, without the text.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        bg, fg = colors
        font = opt.font
        font.setBold(True)
        metrics = QFontMetrics(font)
        # +4: elidedText measures a little wider than horizontalAdvance on some fonts.
        width = min(metrics.horizontalAdvance(text) + 2 * self.PAD_X + 4,
                    option.rect.width() - 8)
        height = metrics.height() + 2 * self.PAD_Y
        # The badge sits at the cell's leading edge: the right one in a right-to-left table.
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        x = option.rect.right() - 4 - width if rtl else option.rect.x() + 4
        rect = QRectF(x, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(fg).lighter(160))
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(QColor(fg))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                    int(rect.width()) - 2 * self.PAD_X + 4)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(BADGE_ROLE):
            font = option.font
            font.setBold(True)
            metrics = QFontMetrics(font)
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            return QSize(metrics.horizontalAdvance(text) + 2 * self.PAD_X + 12,
                         max(size.height(), metrics.height() + 2 * self.PAD_Y + 8))
        return size


class Col(IntEnum):
    WHEN = 0
    ACTION = 1
    PATIENT = 2
    DETAILS = 3
    BY = 4
    REASON = 5


HEADERS = (N_("Date/Time"), N_("Action"), N_("Patient"), N_("Details"), N_("Performed By"),
           N_("Reason"))

# The service's action labels (app/services/audit.py ACTION_LABELS, English in the CSV) and
# payment/refund methods as the service words them ("CREDIT_CARD" -> "Credit card"), marked
# here so that the catalogue of this screen holds their Arabic; shown with tr().
_CATALOGUE = (
    N_("Copay Collected"), N_("Copay Waived"), N_("Copay Deferred"), N_("Pre-Auth Requested"),
    N_("Pre-Auth Override"), N_("Convert to Self-Pay"), N_("Insurance Added"),
    N_("DHA Verified"), N_("DHA Mismatch: Used Record"), N_("DHA Mismatch: Self-Pay"),
    N_("DHA Mismatch: Updated"), N_("DHA Unavailable: Cache"), N_("Manual Verify"),
    N_("Manual Reject"), N_("Manual Reset"), N_("Emirates ID Verified"),
    N_("Coverage Change Accepted"), N_("Coverage Change Rejected"), N_("Refund Requested"),
    N_("Refund Approved"), N_("Refund Rejected"), N_("Refund Processed"), N_("Refund Deleted"),
    N_("Eligibility Override"),
    N_("Cash"), N_("Credit card"), N_("Debit card"), N_("Deposit"), N_("Bank transfer"),
    N_("Deposit credit"),
)


def action_text(action: AuditAction) -> str:
    """An audit action in the interface's language."""
    label = ACTION_LABELS.get(action)
    return tr(label) if label else action.value.replace("_", " ").title()


def row_action_text(r: Any) -> str:
    """The Action cell: the label, marked when the answer came from the DHA simulator."""
    if getattr(r, "simulated", False):
        return tr("{action} · SIMULATED").format(action=action_text(r.action))
    return action_text(r.action)


class AuditTableModel(QAbstractTableModel):
    """One page of audit rows (newest first, as the service returned them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == BADGE_ROLE and col == Col.ACTION:
            # A simulated eligibility answer is not a verification: red, like the copay
            # dialog's SIMULATED banner, whatever the action's usual colour.
            return SIMULATED_COLORS if getattr(r, "simulated", False) else action_colors(r.action)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.REASON and not r.reason:
            return QColor("#8c959f")
        return None

    @staticmethod
    def _text(r: Any, col: int) -> str:
        """Two lines per entry: date over time, name over MRN, amount and method over the
        insurer; the reason wraps."""
        if col == Col.WHEN:
            if i18n.is_rtl():  # "%b" is an English month name: the day in numbers
                return f"{i18n.date_text(r.performed_at)}\n{i18n.time_text(r.performed_at)}"
            return f"{r.performed_at:%d %b %Y}\n{r.performed_at:%H:%M}"
        if col == Col.ACTION:
            return row_action_text(r)
        if col == Col.PATIENT:
            if not r.patient_name:
                return "—"
            return f"{r.patient_name}\n{r.mrn}" if r.mrn else r.patient_name
        if col == Col.DETAILS:
            money = " · ".join(p for p in (
                i18n.money(r.amount) if r.amount is not None else None,
                tr(r.method) if r.method else None) if p)
            lines = [p for p in (money, r.insurer) if p]
            return "\n".join(lines) or "—"
        if col == Col.BY:
            # Where it was done: the workstation and its IP (issue 11), under the name.
            where = " · ".join(p for p in (r.workstation, r.ip_address) if p)
            return f"{r.performed_by}\n{where}" if where else r.performed_by
        if col == Col.REASON:
            return r.reason or "—"
        return ""

    @staticmethod
    def _tooltip(r: Any, col: int) -> str | None:
        if col == Col.REASON and r.reason:
            return r.reason
        if col == Col.DETAILS and (r.amount is not None or r.method or r.insurer):
            return " · ".join(p for p in (
                i18n.money(r.amount) if r.amount is not None else None,
                tr(r.method) if r.method else None, r.insurer) if p)
        if col == Col.WHEN:
            when = (i18n.datetime_text(r.performed_at, seconds=True) if i18n.is_rtl()
                    else f"{r.performed_at:%A %d %B %Y, %H:%M:%S}")
            if r.workstation:
                return tr("{when} at {workstation}").format(when=when,
                                                            workstation=r.workstation)
            return when
        if col == Col.ACTION:
            if getattr(r, "simulated", False):
                return tr("{action}: the answer came from the built-in DHA simulator (MOCK "
                          "mode), not from DHA eClaimLink.").format(action=r.action.value)
            return r.action.value
        if col == Col.PATIENT and r.appointment_id:
            return tr("Appointment {number}").format(number=r.appointment_id)
        return None
