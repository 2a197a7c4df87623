"""Receipt PDFs read back with pdftotext: numbers, amounts, VAT, MRN, Arabic in logical order."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from app.receipts.pdf import THERMAL_WIDTH, render_pdf, visual
from tests.receipts.conftest import (
    ARABIC_NAME,
    logical,
    make_receipt,
    make_refund,
    media_boxes,
    pdftotext,
)

LAYOUTS = ("A4", "THERMAL_80MM")
ARABIC_LABELS = ("رقم الإيصال", "التاريخ والوقت", "الرقم الطبي", "ضريبة القيمة المضافة",
                 "طريقة الدفع")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_copay_receipt_text(layout, copay, tmp_path):
    pdf = render_pdf(copay, layout)
    assert pdf.startswith(b"%PDF")
    text = pdftotext(pdf, tmp_path)
    for expected in ("Al Noor Family Clinic", "COPAY RECEIPT", "RCP-2025-000123", "MRN-000481",
                     "784-1990-1234567-1", "AED 200.00", "AED 160.00", "AED 10.00", "AED 30.00",
                     "VAT 5% included", "AED 1.43", "Card (Visa", "Fatima Hassan",
                     "Daman National Health", "AXA Gulf", "TRN 100123456700003"):
        assert expected in text, f"{expected!r} missing from the {layout} receipt"
    assert "REFUND" not in text
    # issued 10:05 UTC is shown in the hospital's time zone
    assert "22 Nov 2025 14:05" in text and "Asia/Dubai" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_refund_receipt_says_refund_and_original_number(layout, refund, tmp_path):
    text = pdftotext(render_pdf(refund, layout), tmp_path)
    assert "REFUND RECEIPT" in text
    assert "RFD-2025-000007" in text
    assert "Original receipt" in text and "RCP-2025-000123" in text
    assert "Amount refunded" in text and "AED 30.00" in text
    assert "Cash" in text and "Appointment cancelled by the clinic" in text
    assert "إيصال استرداد" in logical(text)
    assert "المبلغ المسترد" in logical(text)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_arabic_is_shaped_and_extracts_in_logical_order(layout, copay, tmp_path):
    raw = pdftotext(render_pdf(copay, layout), tmp_path, layout=False)
    # shaped: the PDF holds Arabic presentation forms (joined letters), not bare letters
    assert re.search("[\ufe70-\ufeff]", raw)
    text = logical(raw)
    for label in ARABIC_LABELS:
        assert label in text, f"Arabic label {label!r} not found in logical order"
    # the name contains "الله", which the reshaper would turn into a ligature DejaVu lacks
    assert ARABIC_NAME in text
    assert "عيادة النور للعائلة" in text


def test_visual_order_is_reversed_for_drawing():
    shown = visual("رقم الإيصال")
    assert shown != "رقم الإيصال"
    assert all("\ufe70" <= ch <= "\ufeff" or ch == " " for ch in shown)
    assert visual("AED 30.00") == "AED 30.00"


def test_thermal_is_80mm_wide_and_as_tall_as_its_content(copay):
    short = media_boxes(render_pdf(copay, "THERMAL_80MM"))
    long_notes = "Patient asked for an itemised statement for the employer. " * 12
    tall = media_boxes(render_pdf(make_receipt(notes=long_notes), "THERMAL_80MM"))
    assert len(short) == 1 and len(tall) == 1
    assert short[0][0] == pytest.approx(THERMAL_WIDTH, abs=0.01)
    assert short[0][0] == pytest.approx(226.77, abs=0.01)
    assert 100 * 2.8346 < short[0][1] < 1000 * 2.8346  # between 10 cm and 1 m of paper
    assert tall[0][1] > short[0][1] + 50


def test_a4_page_size_and_long_notes_flow_onto_more_pages(copay, tmp_path):
    assert media_boxes(render_pdf(copay, "A4")) == [pytest.approx((595.2756, 841.8898), abs=0.01)]
    notes = "\n".join(f"Line {i}: follow-up instructions for the patient." for i in range(70))
    pdf = render_pdf(make_receipt(notes=notes), "A4")
    pages = len(media_boxes(pdf))
    assert pages >= 2
    text = pdftotext(pdf, tmp_path)
    assert "Line 0:" in text and "Line 69:" in text and "RCP-2025-000123" in text
    assert f"Page {pages} of {pages}" in text
    # every line is on a page, none lost below a page's bottom edge
    assert all(f"Line {i}:" in text for i in range(70))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_self_pay_without_vat_trn_or_arabic_name(layout, tmp_path):
    data = make_receipt(primary_insurer=None, primary_policy=None, primary_amount=Decimal(0),
                        secondary_insurer=None, secondary_policy=None,
                        secondary_amount=Decimal(0), patient_amount=Decimal("200.00"),
                        vat_rate=Decimal(0), hospital_trn=None, hospital_name_ar="",
                        patient_name_ar=None, emirates_id=None, payment_method="Cash")
    text = pdftotext(render_pdf(data, layout), tmp_path)
    assert "Self-pay" in text and "AED 200.00" in text and "Not applicable" in text
    assert "TRN" not in text and "Emirates ID" not in text


def test_unknown_layout_is_refused(copay):
    with pytest.raises(ValueError, match="layout"):
        render_pdf(copay, "LETTER")  # type: ignore[arg-type]


def test_refund_vat_uses_domain_rounding():
    data = make_refund(patient_amount=Decimal("21.00"), fee=Decimal(0), primary_insurer=None,
                       primary_policy=None, primary_amount=Decimal(0), secondary_insurer=None,
                       secondary_policy=None, secondary_amount=Decimal(0))
    assert data.vat_amount == Decimal("1.00")
