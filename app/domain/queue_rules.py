"""The OPD queue's stages (seed 004 §15) as a transition table: pure rules, no I/O.

    SCHEDULED / CONFIRMED --check in--> CHECKED_IN --start--> IN_CONSULTATION --complete--> COMPLETED
                                        (vitals may be recorded while CHECKED_IN or IN_CONSULTATION)

The service layer asks :func:`next_status` before it writes; an illegal step raises
:class:`InvalidTransition` naming the current status and what to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.enums import AppointmentStatus, CopayStatus
from app.domain.errors import Conflict, InvalidTransition
from app.domain.messages import Msg, messages

M = messages(__name__)

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
    label: Msg  # completes "Cannot ...": "check the patient in"


TRANSITIONS: dict[QueueAction, Transition] = {
    QueueAction.CHECK_IN: Transition(frozenset({S.SCHEDULED, S.CONFIRMED}), S.CHECKED_IN,
                                     M("action_check_in", "check the patient in")),
    QueueAction.RECORD_VITALS: Transition(frozenset({S.CHECKED_IN, S.IN_CONSULTATION}), None,
                                          M("action_record_vitals", "record vitals")),
    QueueAction.START_CONSULTATION: Transition(frozenset({S.CHECKED_IN}), S.IN_CONSULTATION,
                                               M("action_start", "start the consultation")),
    QueueAction.COMPLETE: Transition(frozenset({S.IN_CONSULTATION}), S.COMPLETED,
                                     M("action_complete", "complete the consultation")),
}

_STATUS_LABELS = {
    S.SCHEDULED: M("status_scheduled", "scheduled"),
    S.CONFIRMED: M("status_confirmed", "confirmed"),
    S.CHECKED_IN: M("status_checked_in", "checked in"),
    S.IN_CONSULTATION: M("status_in_consultation", "in consultation"),
    S.COMPLETED: M("status_completed", "completed"),
    S.CANCELLED: M("status_cancelled", "cancelled"),
    S.NO_SHOW: M("status_no_show", "marked as a no-show"),
}

# What the person should do instead, for the common wrong clicks.
_IN_FIRST = M("hint_check_in_first", "Check the patient in first.")
_IN_AND_START = M("hint_check_in_and_start",
                  "Check the patient in and start the consultation first.")
_HINTS: dict[tuple[QueueAction, AppointmentStatus], Msg] = {
    (QueueAction.CHECK_IN, S.CHECKED_IN): M("hint_already_queued",
                                            "The patient is already in the queue."),
    (QueueAction.CHECK_IN, S.IN_CONSULTATION): M("hint_with_doctor",
                                                 "The patient is already with the doctor."),
    (QueueAction.RECORD_VITALS, S.SCHEDULED): _IN_FIRST,
    (QueueAction.RECORD_VITALS, S.CONFIRMED): _IN_FIRST,
    (QueueAction.START_CONSULTATION, S.SCHEDULED): _IN_FIRST,
    (QueueAction.START_CONSULTATION, S.CONFIRMED): _IN_FIRST,
    (QueueAction.START_CONSULTATION, S.IN_CONSULTATION): M(
        "hint_already_started", "The consultation has already started."),
    (QueueAction.COMPLETE, S.CHECKED_IN): M("hint_start_first", "Start the consultation first."),
    (QueueAction.COMPLETE, S.SCHEDULED): _IN_AND_START,
    (QueueAction.COMPLETE, S.CONFIRMED): _IN_AND_START,
}

DECIDED_COPAY = frozenset({CopayStatus.COLLECTED, CopayStatus.WAIVED, CopayStatus.DEFERRED})


def status_label(status: AppointmentStatus) -> str:
    return str(_STATUS_LABELS[status])


def can(status: AppointmentStatus, action: QueueAction) -> bool:
    return status in TRANSITIONS[action].allowed_from


def next_status(status: AppointmentStatus, action: QueueAction) -> AppointmentStatus:
    """The status after ``action``, or InvalidTransition naming the current status."""
    t = TRANSITIONS[action]
    if status not in t.allowed_from:
        hint = _HINTS.get((action, status))
        msg = (M("cannot_hint", "Cannot {action}: this appointment is {status}. {hint}",
                 action=t.label, status=_STATUS_LABELS[status], hint=hint) if hint else
               M("cannot", "Cannot {action}: this appointment is {status}.",
                 action=t.label, status=_STATUS_LABELS[status]))
        raise InvalidTransition(
            msg,
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
            M("collect_waive_defer_copay", "Collect, waive or defer the copay before checking "
              "the patient in."),
            copay_status=copay_status.value,
        )
