"""Typed errors that the services raise and the UI turns into messages a receptionist understands.

Every message is a full sentence meant for the person at the desk, given as a ``Msg``
(app/domain/messages.py) so the UI can show it in the reader's language; ``code`` is for
tests and logs, ``message`` the English rendering.
"""

from __future__ import annotations

from app.domain.messages import Msg, as_msg


class DomainError(Exception):
    code = "DOMAIN_ERROR"

    def __init__(self, message: str | Msg, **details: object) -> None:
        self.msg = as_msg(message, self.code)
        self.message = str(self.msg)
        super().__init__(self.message)
        self.details = details


class ValidationError(DomainError):
    code = "VALIDATION"


class NotFound(DomainError):
    code = "NOT_FOUND"


class PermissionDenied(DomainError):
    code = "PERMISSION_DENIED"


class Conflict(DomainError):
    """The state changed under us: already collected, already checked in, refund decided..."""

    code = "CONFLICT"


class InvalidTransition(Conflict):
    code = "INVALID_TRANSITION"


class InsufficientDeposit(DomainError):
    code = "INSUFFICIENT_DEPOSIT"


class AuthenticationFailed(DomainError):
    code = "AUTH_FAILED"


class AccountLocked(AuthenticationFailed):
    code = "ACCOUNT_LOCKED"


class SessionEnded(DomainError):
    """The caller's login session no longer works (signed out, idle-locked, revoked, expired):
    the call was refused before it wrote anything, and the desk goes back to sign-in."""

    code = "SESSION_ENDED"

    @property
    def reason(self) -> str:
        """A SessionRefusal value (app/domain/sessions.py)."""
        return str(self.details.get("reason", "NO_SESSION"))


class IntegrationError(DomainError):
    """An outside system (DHA, OpenDental, SMTP, printer) failed or answered nonsense."""

    code = "INTEGRATION"


class DatabaseUnavailable(DomainError):
    code = "DB_UNAVAILABLE"


class SchemaMismatch(DomainError):
    code = "SCHEMA_MISMATCH"


class RecordBusy(Conflict):
    """Another desk holds the row (an appointment, a payment) longer than the lock timeout."""

    code = "RECORD_BUSY"


class Deadlock(Conflict):
    """Two desks each waited for the other; PostgreSQL cancelled this one. Safe to retry."""

    code = "DEADLOCK"


class ConcurrentUpdate(Conflict):
    """A serialization failure: another desk changed the same rows first. Safe to retry."""

    code = "CONCURRENT_UPDATE"


class TimedOut(DomainError):
    """A statement ran longer than its call kind allows and was cancelled."""

    code = "TIMED_OUT"


class SlotTaken(Conflict):
    """The slot was booked by someone else (another desk, a moment earlier): choose another."""

    code = "SLOT_TAKEN"


class MakerChecker(PermissionDenied):
    """A refund step refused because the same person did the step before it (the hospital's
    maker-checker setting, app/domain/refund_policy.py)."""

    code = "MAKER_CHECKER"


class ApproverIsRequester(MakerChecker):
    code = "APPROVER_IS_REQUESTER"


class PayerIsApprover(MakerChecker):
    code = "PAYER_IS_APPROVER"


class ShiftRequired(Conflict):
    """Cash was to move at a desk whose user has no open cash shift on this workstation: the
    UI offers to open one (app/ui/shift_page.py)."""

    code = "SHIFT_REQUIRED"


class DrawerShort(Conflict):
    """A cash payout (refund, petty payout) larger than the cash the drawer should hold."""

    code = "DRAWER_SHORT"
