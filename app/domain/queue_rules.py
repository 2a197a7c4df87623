"""The OPD queue's stages (seed 004 §15) as a transition table: pure rules, no I/O.

    SCHEDULED / CONFIRMED --check in--> CHECKED_IN --start--> IN_CONSULTATION --complete--> COMPLETED
                                        (vitals may be recorded while CHECKED_IN or IN_CONSULTATION)

The service layer asks :func:`next_status` before it writes; an illegal step raises
:class:`InvalidTransition` naming the current status and what to do instead.
"""
# i18n: pending

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.enums import AppointmentStatus, CopayStatus
from app.domain.errors import Conflict, InvalidTransition

S = AppointmentStatus


class QueueAction(StrEnum):
    CHECK_IN = "CHECK_IN"
    RECORD_VITALS = "RECORD_VITALS"
    START_CONSULTATION = "START_CONSULTATION"
    COMPLETE = "COMPLETE"


@dataclass(frozen=True)
class Transition:
    allowed_from: frozenset[AppointmentStatus]
    to: AppointmentStatus | None  # None: the status stays as it is (recording vitals)
    label: str  # completes "Cannot ...": "check the patient in"


TRANSITIONS: dict[QueueAction, Transition] = {
    QueueAction.CHECK_IN: Transition(frozenset({S.SCHEDULED, S.CONFIRMED}), S.CHECKED_IN,
                                     "check the patient in"),
    QueueAction.RECORD_VITALS: Transition(frozenset({S.CHECKED_IN, S.IN_CONSULTATION}), None,
                                          "record vitals"),
    QueueAction.START_CONSULTATION: Transition(frozenset({S.CHECKED_IN}), S.IN_CONSULTATION,
                                               "start the consultation"),
    QueueAction.COMPLETE: Transition(frozenset({S.IN_CONSULTATION}), S.COMPLETED,
                                     "complete the consultation"),
}

_STATUS_LABELS = {
    S.SCHEDULED: "scheduled",
    S.CONFIRMED: "confirmed",
    S.CHECKED_IN: "checked in",
    S.IN_CONSULTATION: "in consultation",
    S.COMPLETED: "completed",
    S.CANCELLED: "cancelled",
    S.NO_SHOW: "marked as a no-show",
}

# What the person should do instead, for the common wrong clicks.
_HINTS: dict[tuple[QueueAction, AppointmentStatus], str] = {
    (QueueAction.CHECK_IN, S.CHECKED_IN): "The patient is already in the queue.",
    (QueueAction.CHECK_IN, S.IN_CONSULTATION): "The patient is already with the doctor.",
    (QueueAction.RECORD_VITALS, S.SCHEDULED): "Check the patient in first.",
    (QueueAction.RECORD_VITALS, S.CONFIRMED): "Check the patient in first.",
    (QueueAction.START_CONSULTATION, S.SCHEDULED): "Check the patient in first.",
    (QueueAction.START_CONSULTATION, S.CONFIRMED): "Check the patient in first.",
    (QueueAction.START_CONSULTATION, S.IN_CONSULTATION): "The consultation has already started.",
    (QueueAction.COMPLETE, S.CHECKED_IN): "Start the consultation first.",
    (QueueAction.COMPLETE, S.SCHEDULED): "Check the patient in and start the consultation first.",
    (QueueAction.COMPLETE, S.CONFIRMED): "Check the patient in and start the consultation first.",
}

DECIDED_COPAY = frozenset({CopayStatus.COLLECTED, CopayStatus.WAIVED, CopayStatus.DEFERRED})


def status_label(status: AppointmentStatus) -> str:
    return _STATUS_LABELS[status]


def can(status: AppointmentStatus, action: QueueAction) -> bool:
    return status in TRANSITIONS[action].allowed_from


def next_status(status: AppointmentStatus, action: QueueAction) -> AppointmentStatus:
    """The status after ``action``, or InvalidTransition naming the current status."""
    t = TRANSITIONS[action]
    if status not in t.allowed_from:
        hint = _HINTS.get((action, status), "")
        raise InvalidTransition(
            f"Cannot {t.label}: this appointment is {status_label(status)}. {hint}".strip(),
            status=status.value, action=action.value,
        )
    return t.to or status


def allowed_actions(status: AppointmentStatus, copay_status: CopayStatus | None = None
                    ) -> frozenset[QueueAction]:
    """What the queue screen may offer for a row; check-in also needs the copay decided."""
    out = {a for a, t in TRANSITIONS.items() if status in t.allowed_from}
    if copay_status is not None and copay_status not in DECIDED_COPAY:
        out.discard(QueueAction.CHECK_IN)
    return frozenset(out)


def require_copay_decided(copay_status: CopayStatus) -> None:
    """Check-in comes after the desk collected, waived or deferred the copay (seed 004 §1)."""
    if copay_status not in DECIDED_COPAY:
        raise Conflict(
            "Collect, waive or defer the copay before checking the patient in.",
            copay_status=copay_status.value,
        )
