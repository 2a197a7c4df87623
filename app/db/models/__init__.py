"""All mapped classes, imported together so the metadata is complete wherever it is used."""

from app.db.models.audit import ActivityLog, HashChainHead, InsuranceAudit
from app.db.models.billing import BalanceSettlement, CopayPayment, CopayRefund, ReceiptCounter
from app.db.models.insurance import (
    CPTPayerRule,
    DeductibleLedger,
    ICD10PayerRule,
    InsurancePayer,
    PatientInsurance,
    PreAuthRequest,
)
from app.db.models.ledger import GLAccount, JournalEntry, JournalLine
from app.db.models.opendental import (
    ClaimProcedure,
    ClaimStatusChange,
    OdCoverage,
    OdProcedure,
    OpenDentalConnection,
)
from app.db.models.org import Department, Doctor, Hospital, LoginSession, User
from app.db.models.patients import DepositTransaction, Patient
from app.db.models.schedule import WorkingHours
from app.db.models.shifts import CashShift, ShiftMovement
from app.db.models.sync import Claim, InsurancePayment, SyncState
from app.db.models.visits import (
    Appointment,
    ChargeItem,
    Drug,
    Prescription,
    TokenCounter,
    Vitals,
)

__all__ = [
    "ActivityLog", "Appointment", "BalanceSettlement", "CPTPayerRule", "ChargeItem", "Claim", "CopayPayment",
    "CopayRefund", "DeductibleLedger", "Department", "DepositTransaction", "Doctor", "Drug",
    "GLAccount", "HashChainHead", "Hospital", "ICD10PayerRule", "InsuranceAudit", "InsurancePayer",
    "InsurancePayment", "JournalEntry", "JournalLine", "LoginSession", "Patient",
    "PatientInsurance", "PreAuthRequest", "Prescription", "ReceiptCounter", "SyncState",
    "TokenCounter", "User", "Vitals",
    "ClaimProcedure", "ClaimStatusChange", "OdCoverage", "OdProcedure", "OpenDentalConnection",
    "WorkingHours",
    "CashShift", "ShiftMovement",
]
