"""The closed vocabularies of the domain, shared by the rules, the database and the screens.

Every enum stores its ``value`` (an upper-case string) so the database, the audit log and
exports read the same words the seeds use.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    RECEPTIONIST = "RECEPTIONIST"
    NURSE = "NURSE"
    DOCTOR = "DOCTOR"
    ACCOUNTANT = "ACCOUNTANT"
    HOSPITAL_ADMIN = "HOSPITAL_ADMIN"
    SUPER_ADMIN = "SUPER_ADMIN"


class Gender(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"
    OTHER = "OTHER"


class VisitType(StrEnum):
    CONSULTATION = "CONSULTATION"
    FOLLOW_UP = "FOLLOW_UP"
    EMERGENCY = "EMERGENCY"


class AppointmentStatus(StrEnum):
    SCHEDULED = "SCHEDULED"
    CONFIRMED = "CONFIRMED"
    CHECKED_IN = "CHECKED_IN"
    IN_CONSULTATION = "IN_CONSULTATION"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
    NO_SHOW = "NO_SHOW"


class CopayStatus(StrEnum):
    """What the desk did about the copay of an appointment."""

    PENDING = "PENDING"
    COLLECTED = "COLLECTED"
    WAIVED = "WAIVED"
    DEFERRED = "DEFERRED"


class EligibilityStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class NetworkTier(StrEnum):
    IN_NETWORK = "IN_NETWORK"
    OUT_OF_NETWORK = "OUT_OF_NETWORK"


class VerificationStatus(StrEnum):
    PENDING = "PENDING"
    VERIFIED = "VERIFIED"
    REJECTED = "REJECTED"


class VerificationSource(StrEnum):
    MANUAL = "MANUAL"
    DHA_ECLAIM = "DHA_ECLAIM"
    PAYER_API = "PAYER_API"
    OPENDENTAL = "OPENDENTAL"
    SIMULATED = "SIMULATED"  # the built-in DHA simulator (MOCK mode): never a real check


class CoordinationOfBenefits(StrEnum):
    COB_PRIMARY = "COB_PRIMARY"
    COB_SECONDARY = "COB_SECONDARY"


class Regulator(StrEnum):
    DHA = "DHA"
    DOH = "DOH"
    HAAD = "HAAD"
    MOHAP = "MOHAP"


class PreAuthRequestStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    DENIED = "DENIED"
    CANCELLED = "CANCELLED"


class PreAuthStatus(StrEnum):
    """Pre-authorisation state of a quote (DESIGN rule 10)."""

    NOT_REQUIRED = "NOT_REQUIRED"
    REQUIRED_NOT_SUBMITTED = "REQUIRED_NOT_SUBMITTED"
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    DENIED = "DENIED"


class DataSource(StrEnum):
    DHA_LIVE = "DHA_LIVE"
    DHA_SANDBOX = "DHA_SANDBOX"
    MOCK_DATA = "MOCK_DATA"
    CACHED_DB = "CACHED_DB"
    NOT_CONFIGURED = "NOT_CONFIGURED"


class PaymentMethod(StrEnum):
    CASH = "CASH"
    CREDIT_CARD = "CREDIT_CARD"
    DEBIT_CARD = "DEBIT_CARD"
    DEPOSIT = "DEPOSIT"


class RefundReason(StrEnum):
    APPOINTMENT_CANCELLED = "APPOINTMENT_CANCELLED"
    INSURANCE_UPDATED = "INSURANCE_UPDATED"
    OVERCHARGE = "OVERCHARGE"
    DOCTOR_WAIVED = "DOCTOR_WAIVED"
    OTHER = "OTHER"


class RefundMethod(StrEnum):
    CASH = "CASH"
    CREDIT_CARD = "CREDIT_CARD"
    BANK_TRANSFER = "BANK_TRANSFER"
    DEPOSIT_CREDIT = "DEPOSIT_CREDIT"


class RefundStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    PROCESSED = "PROCESSED"
    REJECTED = "REJECTED"


class DepositTxnKind(StrEnum):
    TOP_UP = "TOP_UP"
    COPAY = "COPAY"
    REFUND_CREDIT = "REFUND_CREDIT"
    WITHDRAWAL = "WITHDRAWAL"


class AuditAction(StrEnum):
    """Insurance verification audit actions (seed 004 §9), plus the refund lifecycle, a
    pre-authorisation requested from the desk (GAP 1) and a policy added at the desk (§2)."""

    COPAY_COLLECTED = "COPAY_COLLECTED"
    COPAY_WAIVED = "COPAY_WAIVED"
    COPAY_DEFERRED = "COPAY_DEFERRED"
    PREAUTH_REQUESTED = "PREAUTH_REQUESTED"
    PREAUTH_OVERRIDE = "PREAUTH_OVERRIDE"
    CONVERT_TO_SELFPAY = "CONVERT_TO_SELFPAY"
    INSURANCE_ADDED = "INSURANCE_ADDED"
    DHA_VERIFIED = "DHA_VERIFIED"
    DHA_MISMATCH_USE_DB = "DHA_MISMATCH_USE_DB"
    DHA_MISMATCH_SELFPAY = "DHA_MISMATCH_SELFPAY"
    DHA_MISMATCH_UPDATE = "DHA_MISMATCH_UPDATE"
    DHA_UNAVAILABLE_USE_CACHE = "DHA_UNAVAILABLE_USE_CACHE"
    MANUAL_VERIFY = "MANUAL_VERIFY"
    MANUAL_REJECT = "MANUAL_REJECT"
    MANUAL_RESET = "MANUAL_RESET"
    EID_VERIFIED = "EID_VERIFIED"
    COVERAGE_CHANGE_ACCEPTED = "COVERAGE_CHANGE_ACCEPTED"
    COVERAGE_CHANGE_REJECTED = "COVERAGE_CHANGE_REJECTED"
    REFUND_REQUESTED = "REFUND_REQUESTED"
    REFUND_APPROVED = "REFUND_APPROVED"
    REFUND_REJECTED = "REFUND_REJECTED"
    REFUND_PROCESSED = "REFUND_PROCESSED"
    REFUND_DELETED = "REFUND_DELETED"
    ELIGIBILITY_OVERRIDE = "ELIGIBILITY_OVERRIDE"
    BALANCE_WRITTEN_OFF = "BALANCE_WRITTEN_OFF"  # issue 13: an underpaid balance forgiven


class ActorType(StrEnum):
    USER = "USER"
    SYSTEM = "SYSTEM"


class SessionEndReason(StrEnum):
    LOGOUT = "LOGOUT"
    IDLE_LOCK = "IDLE_LOCK"
    REVOKED = "REVOKED"
    APP_EXIT = "APP_EXIT"


class ClaimStatus(StrEnum):
    NOT_SUBMITTED = "NOT_SUBMITTED"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    PAID = "PAID"


class InsurancePaymentStatus(StrEnum):
    PENDING = "PENDING"
    POSTED = "POSTED"
    REVERSED = "REVERSED"


class GLAccountType(StrEnum):
    ASSET = "ASSET"
    LIABILITY = "LIABILITY"
    EQUITY = "EQUITY"
    REVENUE = "REVENUE"
    EXPENSE = "EXPENSE"


class OpenDentalMode(StrEnum):
    """How the desk reaches an OpenDental: the vendor's cloud relay (eConnector), the Local API
    on the server PC, the API Service on the LAN, or the in-process loopback sandbox whose
    data is SIMULATED."""

    CLOUD = "CLOUD"
    LOCAL = "LOCAL"
    SERVICE = "SERVICE"
    SANDBOX = "SANDBOX"
