"""Issue 11 on paper (A4 and 80 mm): cash tendered and change, the card's approval code and
last 4 digits, "Expected from insurer" until the insurer approved, and a line for the
patient's signature on a cash refund receipt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.receipts.pdf import render_pdf
from tests.receipts.conftest import make_receipt, make_refund, pdftotext

LAYOUTS = ("A4", "THERMAL_80MM")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_cash_receipt_prints_tendered_and_change(layout, tmp_path):
    data = make_receipt(payment_method="Cash", tendered=Decimal("50.00"),
                        change_due=Decimal("20.00"))
    text = pdftotext(render_pdf(data, layout), tmp_path)
    assert "Amount tendered" in text and "AED 50.00" in text
    assert "Change given" in text and "AED 20.00" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_card_receipt_prints_approval_code_and_last_four(layout, tmp_path):
    data = make_receipt(payment_method="Credit card", card_approval_code="A1B2C3",
                        card_last4="4242")
    text = pdftotext(render_pdf(data, layout), tmp_path)
    assert "Approval code" in text and "A1B2C3" in text
    assert "Card ending 4242" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_insurers_share_is_expected_until_confirmed(layout, tmp_path):
    text = pdftotext(render_pdf(make_receipt(), layout), tmp_path)
    assert "Expected from" in text and "pays" not in text.replace("Patient pays", "")
    text = pdftotext(render_pdf(make_receipt(insurance_confirmed=True), layout), tmp_path)
    assert "Primary insurer pays" in text and "Expected from" not in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_cash_refund_has_a_signature_line(layout, tmp_path):
    text = pdftotext(render_pdf(make_refund(signature_line=True), layout), tmp_path)
    assert "Patient's signature" in text
    text = pdftotext(render_pdf(make_refund(payment_method="Back to card"), layout), tmp_path)
    assert "Patient's signature" not in text
