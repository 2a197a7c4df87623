"""The chart of accounts every hospital is created with: code, name, type.

app/services/ledger.py names the codes it posts to (ACCOUNT_CASH = "1000" ...); the demo and
the test factories create these rows.
"""

from __future__ import annotations

from app.domain.enums import GLAccountType

CHART_OF_ACCOUNTS: tuple[tuple[str, str, GLAccountType], ...] = (
    ("1000", "Cash on hand", GLAccountType.ASSET),
    ("1010", "Card clearing", GLAccountType.ASSET),
    ("1100", "Patient receivable", GLAccountType.ASSET),
    ("2100", "Patient deposits", GLAccountType.LIABILITY),
    ("2200", "VAT payable", GLAccountType.LIABILITY),
    ("2300", "Refunds payable", GLAccountType.LIABILITY),
    ("4000", "Consultation revenue", GLAccountType.REVENUE),
    # OpenDental claim payments (app/services/insurance_payments.py, migration 0004).
    ("1020", "Bank (insurance remittances)", GLAccountType.ASSET),
    ("1200", "Insurance receivable", GLAccountType.ASSET),
    # Petty payouts from a cash drawer (app/services/shifts.py, migration 0006).
    ("5100", "Petty cash expenses", GLAccountType.EXPENSE),
)
