"""OpenDental wire models parse strictly: each bad value names its field; round trips hold."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from app.integrations.opendental import wire
from app.integrations.opendental.errors import MalformedResponse
from app.integrations.opendental.practice import TABLES, make_practice

APT = {"AptNum": 7, "PatNum": 3, "AptStatus": "Scheduled", "AptDateTime": "2026-12-04 09:30:00"}


def _apt(**changes):
    return wire.Appointment.from_wire({**APT, **changes})


def _malformed(cls, row) -> MalformedResponse:
    with pytest.raises(MalformedResponse) as caught:
        cls.from_wire(row)
    return caught.value


@pytest.mark.parametrize(("text", "expected"), [
    ("true", True), ("false", False), ("True", True), ("False", False), (True, True)])
def test_string_booleans_are_read(text, expected):
    assert _apt(IsNewPatient=text).is_new_patient is expected


@pytest.mark.parametrize("bad", ["yes", "1", 1, 0, "TRUE ", None])
def test_anything_else_as_a_boolean_is_refused_naming_the_field(bad):
    error = _malformed(wire.Appointment, {**APT, "IsHygiene": bad})
    assert error.field == "Appointment.IsHygiene"
    assert "IsHygiene" in error.message and repr(bad) in error.message


def test_money_as_number_or_string_becomes_decimal_cents_half_up():
    raw = '{"ClaimNum":1,"PatNum":2,"ClaimStatus":"S","ClaimFee":250.0,"InsPayEst":"339.5",' \
          '"InsPayAmt":12,"DedApplied":"0.125","WriteOff":0.005}'
    claim = wire.Claim.from_wire(json.loads(raw, parse_float=Decimal))
    assert claim.claim_fee == Decimal("250.00") and isinstance(claim.claim_fee, Decimal)
    assert claim.ins_pay_est == Decimal("339.50")
    assert claim.ins_pay_amt == Decimal("12.00")
    assert claim.ded_applied == Decimal("0.13")  # ROUND_HALF_UP, not banker's
    assert claim.write_off == Decimal("0.01")
    payment = wire.ClaimPayment.from_wire({"ClaimPaymentNum": 4, "CheckAmt": "300"})
    assert payment.check_amt == Decimal("300.00")


@pytest.mark.parametrize("bad", ["abc", "", None, True, "NaN", [1]])
def test_bad_money_is_refused_naming_the_field(bad):
    error = _malformed(wire.ClaimPayment, {"ClaimPaymentNum": 4, "CheckAmt": bad})
    assert error.field == "ClaimPayment.CheckAmt"


def test_empty_dates_are_none_and_real_ones_parse():
    sub = wire.InsSub.from_wire({"InsSubNum": 1, "PlanNum": 2, "Subscriber": 3,
                                 "DateEffective": "2025-01-01", "DateTerm": "0001-01-01",
                                 "SecDateTEdit": "2026-11-30 17:05:09"})
    assert sub.date_effective == dt.date(2025, 1, 1)
    assert sub.date_term is None
    assert sub.sec_date_t_edit == dt.datetime(2026, 11, 30, 17, 5, 9)
    assert sub.covers(dt.date(2030, 1, 1)) and not sub.covers(dt.date(2024, 12, 31))
    apt = _apt(DateTimeArrived="0001-01-01 00:00:00")
    assert apt.date_time_arrived is None


@pytest.mark.parametrize(("field", "bad"), [
    ("AptDateTime", "04/12/2026 09:30"), ("AptDateTime", "2026-12-04T09:30:00"),
    ("AptDateTime", "2026-12-04"), ("AptDateTime", "2026-13-04 09:30:00"),
    ("DateTStamp", 20261204)])
def test_dates_in_another_shape_are_refused(field, bad):
    error = _malformed(wire.Appointment, {**APT, field: bad})
    assert error.field == f"Appointment.{field}"


def test_unknown_status_codes_are_refused_rather_than_guessed():
    error = _malformed(wire.Appointment, {**APT, "AptStatus": "Cancelled"})
    assert error.field == "Appointment.AptStatus" and "Scheduled" in error.message
    error = _malformed(wire.Claim, {"ClaimNum": 1, "PatNum": 1, "ClaimStatus": "X"})
    assert error.field == "Claim.ClaimStatus"
    for code in "UHWSRI":
        assert wire.Claim.from_wire({"ClaimNum": 1, "PatNum": 1,
                                     "ClaimStatus": code}).claim_status.value == code


def test_descriptive_codes_are_kept_raw():
    proc = wire.ClaimProc.from_wire({"ClaimProcNum": 1, "Status": "Supplemental"})
    assert proc.status == "Supplemental"
    claim = wire.Claim.from_wire({"ClaimNum": 1, "PatNum": 1, "ClaimStatus": "U",
                                  "ClaimType": "PreAuth", "IsOrtho": "False"})
    assert claim.claim_type == "PreAuth" and claim.is_ortho is False


def test_missing_required_field_is_named_and_unknown_fields_are_ignored():
    row = dict(APT)
    del row["PatNum"]
    assert _malformed(wire.Appointment, row).field == "Appointment.PatNum"
    apt = _apt(SomeFieldOfAFutureVersion="x", serverDateTime="2026-12-04 10:00:00")
    assert apt.apt_num == 7 and apt.pattern == "" and apt.op == 0


def test_integers_accept_digit_strings_but_not_fractions_or_booleans():
    assert _apt(Op="4").op == 4
    assert _malformed(wire.Appointment, {**APT, "Op": Decimal("1.5")}).field == "Appointment.Op"
    assert _malformed(wire.Appointment, {**APT, "Op": True}).field == "Appointment.Op"


def test_a_row_that_is_not_an_object_is_refused():
    assert _malformed(wire.Appointment, ["AptNum", 7]).field == "Appointment"


def test_benefit_minus_one_means_not_set():
    benefit = wire.Benefit.from_wire({"BenefitNum": 1, "BenefitType": "Limitations",
                                      "Percent": -1, "MonetaryAmt": 5000.0})
    assert benefit.percent is None and benefit.monetary_amt == Decimal("5000.00")
    benefit = wire.Benefit.from_wire({"BenefitNum": 2, "BenefitType": "CoInsurance",
                                      "Percent": 80, "MonetaryAmt": -1})
    assert benefit.percent == 80 and benefit.monetary_amt is None
    assert _malformed(wire.Benefit, {"BenefitNum": 3, "BenefitType": "CoInsurance",
                                     "Percent": 180}).field == "Benefit.Percent"


def test_duration_comes_from_the_pattern():
    assert _apt(Pattern="/XXXX/").duration_minutes == 30


def test_every_generated_row_round_trips_through_json():
    practice = make_practice(3, patients=30, appointments=120, claims=40)
    for name in TABLES:
        for record in practice.table(name).values():
            text = json.dumps(record.to_wire())
            again = type(record).from_wire(json.loads(text, parse_float=Decimal))
            assert again == record, name


def test_wire_shapes_follow_the_documented_conventions():
    practice = make_practice(3, patients=30, appointments=120, claims=40)
    claim = next(iter(practice.claims.values())).to_wire()
    assert isinstance(claim["ClaimFee"], float)          # ClaimFee: 250.0
    assert claim["IsOrtho"] in ("True", "False")         # claim IsOrtho capitalised
    payment = next(iter(practice.claimpayments.values())).to_wire()
    assert isinstance(payment["CheckAmt"], str)          # CheckAmt: "300"
    apt = next(iter(practice.appointments.values())).to_wire()
    assert apt["IsNewPatient"] in ("true", "false")
    assert len(apt["AptDateTime"]) == 19 and apt["AptDateTime"][10] == " "
