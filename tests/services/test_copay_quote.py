"""CopayService.quote through the database: every scenario of seed 004, table-driven; the
one-statement loader against the seed-style loader; round trips; data source; the CLI JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import pytest
import sqlalchemy as sa

from app.db.models import Appointment
from app.domain.copay import CopayAction, FeeSource, SelfPayReason
from app.domain.enums import (
    DataSource,
    Gender,
    NetworkTier,
    PreAuthRequestStatus,
    PreAuthStatus,
    Role,
    VerificationStatus,
    VisitType,
)
from app.domain.errors import NotFound, PermissionDenied
from app.services.copay import data_source_for
from app.services.copay_cli import quote_json
from tests import factories as f
from tests.services.conftest import DAY, Clinic

D = Decimal


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Clinic], Appointment]
    patient: str
    primary: str = "0.00"
    secondary: str = "0.00"
    check: Callable[[object], bool] = lambda q: True


def _insured(c: Clinic, *, pct="20", payer_kw=None, pat_kw=None, appt_kw=None, **ins_kw):
    pat = c.patient(**(pat_kw or {}))
    payer = c.payer(**(payer_kw or {}))
    ins = f.insurance(c.session, pat, payer, copay_pct=D(pct) if pct is not None else None,
                      **ins_kw)
    return pat, payer, ins, c.appointment(pat, **(appt_kw or {}))


def self_pay(c):
    return c.appointment(c.patient())


def in_network(c):
    return _insured(c)[3]


def out_of_network(c):
    return _insured(c, network_tier=NetworkTier.OUT_OF_NETWORK)[3]


def per_visit_cap(c):
    return _insured(c, copay_cap_per_visit=D("50.00"))[3]


def annual_cap_partial(c):
    pat, _, ins, appt = _insured(c, annual_copay_max=D("500.00"))
    f.ledger(c.session, ins, 2026, copay_accumulated=D("470.00"), max_copay=D("500.00"))
    return appt


def annual_cap_reached(c):
    pat, _, ins, appt = _insured(c, annual_copay_max=D("500.00"))
    f.ledger(c.session, ins, 2026, copay_accumulated=D("500.00"), max_copay=D("500.00"))
    f.ledger(c.session, ins, 2025, copay_accumulated=D("0.00"))  # last year does not count
    return appt


def deductible(c):
    pat, _, ins, appt = _insured(c, annual_deductible=D("100.00"))
    f.ledger(c.session, ins, 2026, accumulated_amount=D("20.00"), max_deductible=D("100.00"))
    return appt


def cob_in_network(c):
    pat, _, _, appt = _insured(c)
    f.insurance(c.session, pat, c.payer(), priority=2, copay_pct=D("10"))
    return appt


def cob_secondary_out_of_network(c):
    pat, _, _, appt = _insured(c)
    f.insurance(c.session, pat, c.payer(), priority=2, copay_pct=D("10"),
                network_tier=NetworkTier.OUT_OF_NETWORK)
    return appt


def rejected_primary(c):
    return _insured(c, verification_status=VerificationStatus.REJECTED)[3]


def rejected_secondary(c):
    pat, _, _, appt = _insured(c)
    f.insurance(c.session, pat, c.payer(), priority=2, copay_pct=D("10"),
                verification_status=VerificationStatus.REJECTED)
    return appt


def age_restricted(c):
    pat, payer, _, appt = _insured(c, pat_kw={"date_of_birth": dt.date(2020, 6, 1)})
    f.cpt_rule(c.session, payer, "99203", min_age=18, copay_pct=D("10"))
    return appt


def gender_restricted(c):
    pat, payer, _, appt = _insured(c, pat_kw={"gender": Gender.FEMALE})
    f.cpt_rule(c.session, payer, "99203", gender=Gender.MALE)
    return appt


def emergency_without_preauth(c):
    return _insured(c, payer_kw={"preauth_required": True},
                    appt_kw={"is_emergency": True})[3]


def preauth_missing(c):
    return _insured(c, payer_kw={"preauth_required": True})[3]


def preauth_approved(c):
    pat, payer, ins, appt = _insured(c, payer_kw={"preauth_required": True})
    f.preauth(c.session, ins, "99203", PreAuthRequestStatus.APPROVED, preauth_number="PA-77")
    return appt


def preauth_approved_under_old_policy(c):
    pat, payer, ins, appt = _insured(c, payer_kw={"preauth_required": True})
    old = f.insurance(c.session, pat, payer, is_active=False,
                      effective_date=dt.date(2019, 1, 1), expiry_date=dt.date(2019, 12, 31))
    f.preauth(c.session, old, "99203", PreAuthRequestStatus.APPROVED, preauth_number="PA-OLD")
    return appt


def preauth_expired_approval(c):
    pat, payer, ins, appt = _insured(c, payer_kw={"preauth_required": True})
    f.preauth(c.session, ins, "99203", PreAuthRequestStatus.APPROVED, preauth_number="PA-1",
              valid_to=dt.date(2026, 1, 31))
    return appt


def fallback_fee(c):
    pat, _, _, appt = _insured(c)
    c.session.execute(sa.text("DELETE FROM charge_master WHERE hospital_id = :h AND code = "
                              "'initial_consultation'"), {"h": c.hospital.id})
    return appt


def expired_policy(c):
    return _insured(c, expiry_date=dt.date(2026, 3, 9))[3]


def rounding_half_up(c):
    c.session.execute(sa.text("UPDATE charge_master SET fee = 10.10 WHERE hospital_id = :h AND "
                              "code = 'initial_consultation'"), {"h": c.hospital.id})
    return _insured(c, pct="25")[3]


def vat_inclusive(c):
    c.session.execute(sa.text("UPDATE charge_master SET fee = 315.00, vat_rate = 0.05 WHERE "
                              "hospital_id = :h AND code = 'initial_consultation'"),
                      {"h": c.hospital.id})
    return _insured(c)[3]


def cpt_rule_pct(c):
    pat, payer, _, appt = _insured(c)
    f.cpt_rule(c.session, payer, "99203", copay_pct=D("10"))
    return appt


def icd_rule_pct(c):
    from app.db.models import ICD10PayerRule

    pat, payer, _, appt = _insured(c)
    c.session.add(ICD10PayerRule(payer_id=payer.id, icd10_code="Z00.00", copay_pct=D("5")))
    c.session.flush()
    return appt


def payer_default_pct(c):
    return _insured(c, pct=None, payer_kw={"default_copay_pct": D("30")})[3]


def default_pct(c):
    return _insured(c, pct=None)[3]


def follow_up_fee(c):
    return _insured(c, appt_kw={"visit_type": VisitType.FOLLOW_UP})[3]


def converted_to_self_pay(c):
    return _insured(c, appt_kw={"self_pay": True})[3]


def pharmacy(c):
    pat, _, _, appt = _insured(c)
    f.prescription(c.session, pat, "Amoxicillin", "25.00", qty=2)
    return appt


CASES = [
    Case("self-pay", self_pay, "300.00",
         check=lambda q: q.is_self_pay and q.self_pay_reason is SelfPayReason.NO_INSURANCE
         and CopayAction.WAIVE not in q.allowed_actions),
    Case("in-network 20%", in_network, "60.00", "240.00"),
    Case("out-of-network 20% -> 40%", out_of_network, "120.00", "180.00",
         check=lambda q: q.copay_pct_applied == D("40.00")),
    Case("per-visit cap 50", per_visit_cap, "50.00", "250.00",
         check=lambda q: q.per_visit_cap.applied),
    Case("annual cap partly used", annual_cap_partial, "30.00", "270.00",
         check=lambda q: q.annual_copay.limited_by_cap and q.annual_copay.remaining_after == 0),
    Case("annual cap reached", annual_cap_reached, "0.00", "300.00",
         check=lambda q: q.annual_copay.reached and CopayAction.COLLECT in q.allowed_actions),
    Case("deductible 80 left", deductible, "124.00", "176.00",
         check=lambda q: q.deductible.applied == D("80.00") and q.primary.copay_portion == D("44.00")),
    Case("COB, both in network", cob_in_network, "6.00", "240.00", "54.00",
         check=lambda q: q.cob_applied),
    Case("COB, secondary out of network", cob_secondary_out_of_network, "12.00", "240.00",
         "48.00", check=lambda q: q.secondary.copay_pct_applied == D("20.00")),
    Case("primary rejected at manual verification", rejected_primary, "300.00",
         check=lambda q: q.is_self_pay and q.self_pay_reason is SelfPayReason.REJECTED
         and any("rejected at manual verification" in str(line) for line in q.explanation)),
    Case("secondary rejected: no COB", rejected_secondary, "60.00", "240.00",
         check=lambda q: q.secondary is None and not q.cob_applied
         and any("Secondary" in str(line) and "rejected" in str(line) for line in q.explanation)),
    Case("age restriction", age_restricted, "300.00", "0.00",
         check=lambda q: q.primary.restricted and not q.is_self_pay),
    Case("gender restriction", gender_restricted, "300.00", "0.00",
         check=lambda q: q.primary.restricted),
    Case("emergency without pre-auth", emergency_without_preauth, "100.00", "400.00",
         check=lambda q: q.preauth.status is PreAuthStatus.NOT_REQUIRED
         and q.charge_code == "emergency_consult" and not q.preauth.blocks_collection),
    Case("pre-auth required, none submitted", preauth_missing, "60.00", "240.00",
         check=lambda q: q.preauth.status is PreAuthStatus.REQUIRED_NOT_SUBMITTED
         and q.preauth.blocks_collection and CopayAction.COLLECT not in q.allowed_actions),
    Case("pre-auth approved", preauth_approved, "60.00", "240.00",
         check=lambda q: q.preauth.status is PreAuthStatus.APPROVED
         and q.preauth.preauth_number == "PA-77"),
    Case("pre-auth approved under the previous policy", preauth_approved_under_old_policy,
         "60.00", "240.00",
         check=lambda q: q.preauth.status is PreAuthStatus.REQUIRED_NOT_SUBMITTED),
    Case("pre-auth approval no longer valid", preauth_expired_approval, "60.00", "240.00",
         check=lambda q: q.preauth.status is PreAuthStatus.REQUIRED_NOT_SUBMITTED),
    Case("fallback fee", fallback_fee, "40.00", "160.00",
         check=lambda q: q.fee_source is FeeSource.FALLBACK and q.fee == D("200.00")),
    Case("expired policy", expired_policy, "300.00",
         check=lambda q: q.self_pay_reason is SelfPayReason.EXPIRED),
    Case("rounding half-up 25% of 10.10", rounding_half_up, "2.53", "7.57"),
    Case("VAT-inclusive 5%", vat_inclusive, "63.00", "252.00",
         check=lambda q: q.vat_amount == D("3.00") and q.fee_vat_amount == D("15.00")),
    Case("CPT payer rule 10%", cpt_rule_pct, "30.00", "270.00",
         check=lambda q: q.primary.rule_source == "CPT 99203"),
    Case("ICD-10 Z00 payer rule 5%", icd_rule_pct, "15.00", "285.00",
         check=lambda q: q.primary.rule_source == "ICD-10 Z00.00"),
    Case("payer default 30%", payer_default_pct, "90.00", "210.00"),
    Case("standard default 20%", default_pct, "60.00", "240.00"),
    Case("follow-up fee", follow_up_fee, "30.00", "120.00",
         check=lambda q: q.charge_code == "follow_up"),
    Case("converted to self-pay", converted_to_self_pay, "300.00",
         check=lambda q: q.self_pay_reason is SelfPayReason.CONVERTED),
    Case("pharmacy estimate", pharmacy, "60.00", "240.00",
         check=lambda q: q.pharmacy.total_cost == D("50.00")
         and q.pharmacy.patient_estimate == D("10.00") and q.total_estimate == D("70.00")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_quote_scenarios(clinic, case):
    appt = case.build(clinic)
    clinic.session.commit()
    view = clinic.copay.quote(clinic.desk, appt.id)
    q = view.quote
    assert (q.patient_amount, q.primary_insurer_amount, q.secondary_insurer_amount) == (
        D(case.patient), D(case.primary), D(case.secondary)), q.explanation
    assert q.patient_amount + q.primary_insurer_amount + q.secondary_insurer_amount == q.fee
    assert case.check(q), q.explanation
    # The same data loaded the seed's way, one query per lookup, gives the same view.
    assert clinic.copay.quote_naive(clinic.desk, appt.id) == view


def test_header_shows_patient_and_visit_in_dubai_time(clinic):
    pat = clinic.patient(first_name="Layla", last_name="Haddad", emirates_id="784-1990-1234567-1",
                         date_of_birth=dt.date(1990, 3, 11), deposit_balance=D("75.00"))
    appt = clinic.appointment(pat)
    clinic.session.commit()
    h = clinic.copay.quote(clinic.desk, appt.id).header
    assert (h.patient_name, h.mrn, h.emirates_id) == ("Layla Haddad", pat.mrn, "784-1990-1234567-1")
    assert h.age == 35  # birthday is tomorrow
    assert h.deposit_balance == D("75.00")
    assert h.scheduled_start.utcoffset() == dt.timedelta(hours=4)
    assert h.scheduled_start.hour == 10 and h.appointment_date == DAY
    assert (h.doctor_name, h.department_name) == ("Dr. Sara Khan", "General Practice")


def _statements(engine):
    seen: list[str] = []

    def listener(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            seen.append(statement)

    return seen, listener


def test_quote_takes_at_most_three_round_trips(clinic, engine):
    pat, payer, ins, appt = _insured(clinic, annual_deductible=D("100.00"))
    f.insurance(clinic.session, pat, clinic.payer(), priority=2, copay_pct=D("10"))
    f.cpt_rule(clinic.session, payer, "99203", copay_pct=D("10"), requires_preauth=True)
    f.preauth(clinic.session, ins, "99203", PreAuthRequestStatus.PENDING)
    f.prescription(clinic.session, pat, "Paracetamol", "5.00", qty=3)
    clinic.session.commit()
    seen, listener = _statements(engine)
    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        view = clinic.copay.quote(clinic.desk, appt.id)
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)
    assert len(seen) <= 3, seen
    assert view.quote.preauth.status is PreAuthStatus.PENDING
    assert view.quote.pharmacy.count == 1 and view.quote.secondary is not None
    # ... while the seed-style loader needs one query per lookup.
    seen2, listener2 = _statements(engine)
    sa.event.listen(engine, "before_cursor_execute", listener2)
    try:
        assert clinic.copay.quote_naive(clinic.desk, appt.id) == view
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener2)
    assert len(seen2) > 10


@pytest.mark.parametrize(("eligibility", "mode", "expected"), [
    ("DHA_LIVE", "SANDBOX", DataSource.DHA_LIVE),
    ("cached_db", None, DataSource.CACHED_DB),
    ("nonsense", "MOCK", DataSource.MOCK_DATA),
    (None, "LIVE", DataSource.DHA_LIVE),
    (None, "sandbox", DataSource.DHA_SANDBOX),
    (None, "MOCK", DataSource.MOCK_DATA),
    (None, None, DataSource.NOT_CONFIGURED),
    (None, "SOMETHING", DataSource.NOT_CONFIGURED),
])
def test_data_source_for(eligibility, mode, expected):
    assert data_source_for(eligibility, mode) is expected


def test_data_source_comes_from_eligibility_then_settings_then_argument(clinic):
    clinic.hospital.settings = {"dha_mode": "SANDBOX"}
    a1 = clinic.appointment(clinic.patient())
    a2 = clinic.appointment(clinic.patient(), eligibility_details={"data_source": "CACHED_DB"})
    clinic.session.commit()
    assert clinic.copay.quote(clinic.desk, a1.id).quote.data_source is DataSource.DHA_SANDBOX
    assert clinic.copay.quote(clinic.desk, a2.id).quote.data_source is DataSource.CACHED_DB
    forced = clinic.copay.quote(clinic.desk, a2.id, data_source=DataSource.MOCK_DATA)
    assert forced.quote.data_source is DataSource.MOCK_DATA


def test_quote_refuses_other_roles_and_hospitals(clinic, session):
    appt = clinic.appointment(clinic.patient())
    other = f.hospital(session)
    stranger = f.actor(f.user(session, other, Role.RECEPTIONIST))
    session.commit()
    with pytest.raises(PermissionDenied, match="Nurse"):
        clinic.copay.quote(clinic.actors[Role.NURSE], appt.id)
    with pytest.raises(NotFound):
        clinic.copay.quote(stranger, appt.id)
    with pytest.raises(NotFound, match="no appointment 999999999"):
        clinic.copay.quote(clinic.desk, 999_999_999)


def test_cli_quote_json_has_every_figure(clinic, uow):
    appt = cob_in_network(clinic)
    clinic.session.commit()
    data = json.loads(quote_json(uow, appt.id))
    q = data["quote"]
    assert (q["patient_amount"], q["primary_insurer_amount"], q["secondary_insurer_amount"]) == (
        "6.00", "240.00", "54.00")
    assert q["primary"]["copay_pct_applied"] == "20.00" and q["explanation"]
    assert data["header"]["appointment_id"] == appt.id
    with pytest.raises(NotFound):
        quote_json(uow, 999_999_999)
