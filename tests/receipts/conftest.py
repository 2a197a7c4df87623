"""Receipt fixtures: a copay receipt and its refund, with an Arabic patient name, and text helpers."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.receipts.model import ReceiptData

ARABIC_NAME = "عبد الله محمد المنصوري"
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def make_receipt(**changes: object) -> ReceiptData:
    values: dict[str, object] = dict(
        kind="COPAY",
        receipt_number="RCP-2025-000123",
        issued_at=datetime(2025, 11, 22, 10, 5, tzinfo=UTC),  # 14:05 in Dubai
        timezone="Asia/Dubai",
        hospital_name="Al Noor Family Clinic",
        hospital_name_ar="عيادة النور للعائلة",
        hospital_address="Building 12, Sheikh Zayed Road, Al Barsha 1, Dubai, United Arab Emirates",
        hospital_phone="+971 4 123 4567",
        hospital_trn="100123456700003",
        patient_name="Abdullah Mohammed Al Mansoori",
        patient_name_ar=ARABIC_NAME,
        mrn="MRN-000481",
        emirates_id="784199012345671",
        visit_description="Initial consultation — Dr. Sara Khan, Cardiology",
        fee=Decimal("200.00"),
        primary_insurer="Daman National Health Insurance",
        primary_policy="DAM-88421-07",
        primary_amount=Decimal("160.00"),
        secondary_insurer="AXA Gulf",
        secondary_policy="AXA-5512",
        secondary_amount=Decimal("10.00"),
        patient_amount=Decimal("30.00"),
        vat_rate=Decimal("0.05"),
        payment_method="Card (Visa •••• 4242)",
        collected_by="Fatima Hassan (Reception)",
    )
    values.update(changes)
    return ReceiptData(**values)  # type: ignore[arg-type]


def make_refund(**changes: object) -> ReceiptData:
    values: dict[str, object] = dict(
        kind="REFUND",
        receipt_number="RFD-2025-000007",
        original_receipt_number="RCP-2025-000123",
        notes="Appointment cancelled by the clinic",
        payment_method="Cash",
        collected_by="Omar Saeed (Accounts)",
    )
    values.update(changes)
    return make_receipt(**values)


@pytest.fixture
def copay() -> ReceiptData:
    return make_receipt()


@pytest.fixture
def refund() -> ReceiptData:
    return make_refund()


def logical(text: str) -> str:
    """pdftotext output with Arabic presentation forms folded back to letters, marks removed."""
    return _BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))


def pdftotext(pdf: bytes, tmp_path: Path, *, layout: bool = True) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext not installed (apt-get install poppler-utils)")
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    args = [exe, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page, from the MediaBox entries."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]
