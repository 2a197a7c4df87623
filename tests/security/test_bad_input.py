"""Hostile input against every public service call that takes text, an amount, a date, a
choice, a vital sign or a secret: each must end in a typed ``ValidationError`` (a sentence for
the desk) and write nothing.

The probe is a table: every (call, hostile value) pair below is one test, 336 in all. Run on
the untouched code (commit d296e9b) 209 of the 336 failed:
- 103 ended in a raw exception, shown as "Something went wrong": ``DataError`` (46: NUL bytes,
  NUMERIC(12,2) overflow from 1e10 / 1e27, over-long VARCHARs, a NUL in the DHA login after
  the keyring had already taken it), ``UnicodeEncodeError`` (23: a lone surrogate),
  ``InvalidOperation`` (16: NaN, sNaN, floats in refunds, a vital of 1e27), ``ValueError`` (8:
  made-up payment method / visit type), ``TypeError`` (6: None, floats), ``OverflowError`` (3:
  audit dates of 9999-12-31 and datetime.max), ``ProgrammingError`` (1);
- 17 ended in a misleading typed error (NotFound, Conflict, AuthenticationFailed for input
  that was simply invalid; a message quoting a NUL or a megabyte back at the desk);
- 89 were accepted: stored (a 1 MB reason in the append-only audit, control characters and
  text-direction overrides in reasons and names, out-of-range amounts, a DHA password with
  control characters in the keyring) or run as a query.
After this branch all 336 give a ValidationError and leave every table (and the keyring) as
it was.

The accepted side (Arabic-Indic and Persian digits normalised to ASCII, ``-0`` read as 0, text
at the cap stored whole) is tested at the end of the file.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from app.bootstrap import make_dha_provider
from app.db.models import (
    ActivityLog,
    Appointment,
    CopayPayment,
    CopayRefund,
    DepositTransaction,
    InsuranceAudit,
    JournalEntry,
    JournalLine,
    LoginSession,
    Patient,
    PatientInsurance,
    PreAuthRequest,
    User,
)
from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, Role
from app.domain.errors import ValidationError
from app.domain.vitals import VitalsInput
from app.services import passwords
from app.services.audit import AuditFilters, AuditService
from app.services.auth import AuthService
from app.services.clock import fixed_clock
from app.services.eligibility import EligibilityService
from app.services.insurance import NewPolicy
from app.services.refunds import RefundService
from app.services.settings import HospitalSettings, SettingsService
from tests import factories as f
from tests.services.conftest import NOW, make_clinic

D = Decimal
_real_hash = passwords.hash_password

# ------------------------------------------------------------------------ hostile values
HUGE = "x" * 1_000_000  # the audit once stored a 20 MB reason; 1 MB shows the same
HOSTILE_TEXT: dict[str, str] = {
    "nul": "late\x00payment",
    "huge": HUGE,
    "control": "bell\x07 and escape\x1b",
    "surrogate": "half \ud800 a character",
    "bidi-override": "evil\u202etxt.exe",
}
# Values that are not amounts at all, or that no column can hold.
HOSTILE_AMOUNTS: dict[str, Any] = {
    "1e10": D("10000000000"),
    "1e10-text": "10000000000.00",
    "1e27-text": "1e27",
    "1e27": D("1e27"),
    "nan-text": "NaN",
    "nan": D("NaN"),
    "snan": D("sNaN"),
    "inf-text": "Infinity",
    "-inf": D("-Infinity"),
    "3-decimals": D("1.005"),
    "3-decimals-text": "12.345",
    "float": 12.5,
    "true": True,
    "false": False,
    "nul-text": "12\x00",
    "words": "twelve",
    "negative": D("-5.00"),
}
HOSTILE_DATES: dict[str, Any] = {
    "max": dt.date(9999, 12, 31),
    "min": dt.date(1, 1, 1),
    "datetime-max": dt.datetime.max,
    "text": "2026-03-10",
}


# ---------------------------------------------------------------------------- the world
@dataclass
class World:
    c: Any
    refunds: RefundService
    audit: AuditService
    eligibility: EligibilityService
    settings: SettingsService
    auth: AuthService
    appt_id: int
    patient_id: int
    insurance_id: int
    payment_id: int
    refund_id: int
    self_pay_patient_id: int

    def actor(self, role: Role):
        return self.c.actors[role]

    @property
    def desk(self):
        return self.c.actors[Role.RECEPTIONIST]

    @property
    def admin(self):
        return self.c.actors[Role.HOSPITAL_ADMIN]


@functools.cache
def _hash_once(password: str) -> str:
    return _real_hash(password)


@pytest.fixture
def w(session, uow, monkeypatch) -> World:
    # One real argon2 hash per password for the whole run, not six per probe: the clinic's
    # users all share "secret-pass-1" (sign-in probes still verify it for real).
    monkeypatch.setattr(passwords, "hash_password", _hash_once)
    c = make_clinic(session, uow)
    clock = fixed_clock(NOW)
    payer = c.payer(name="Daman", preauth_required=True)
    pat = c.patient(phone="+971 50 000 0001")
    ins = f.insurance(session, pat, payer, annual_deductible=D(500))
    appt = c.appointment(pat)
    bare = c.patient()  # no policy yet: add_primary probes
    session.commit()
    refunds = RefundService(uow, clock)
    # A collected visit (yesterday) with a pending refund, for the refund probes.
    paid_appt = c.appointment(pat, day=NOW.date() - dt.timedelta(days=1))
    session.commit()
    pay = CopayPayment(
        hospital_id=c.hospital.id, patient_id=pat.id, appointment_id=paid_appt.id,
        patient_insurance_id=ins.id, amount=D("60.00"), fee=D("300.00"),
        primary_insurer_amount=D("240.00"), secondary_insurer_amount=D(0),
        deductible_portion=D(0), copay_portion=D("60.00"), vat_amount=D(0), vat_rate=D(0),
        payment_method=PaymentMethod.CASH, insurance_provider="Daman",
        policy_number=ins.policy_number, receipt_number=f"RCP-T-{uuid.uuid4().hex[:6]}",
        receipt_year=2026, receipt_seq=900000 + paid_appt.id,
        idempotency_key=uuid.uuid4().hex, quote={}, collected_by=c.users[Role.RECEPTIONIST].id,
        payment_date=NOW - dt.timedelta(days=1))
    session.add(pay)
    session.commit()
    pending = refunds.request(c.desk, pay.id, D("10.00"), RefundReason.OVERCHARGE,
                              RefundMethod.CASH)
    dha = make_dha_provider(uow)
    return World(c, refunds, AuditService(uow, clock), EligibilityService(uow, dha, clock),
                 SettingsService(uow, clock, dha=dha), AuthService(uow, clock),
                 appt.id, pat.id, ins.id, pay.id, pending.refund_id, bare.id)


WRITE_TABLES = (CopayPayment, CopayRefund, InsuranceAudit, ActivityLog, JournalEntry, JournalLine,
                DepositTransaction, PreAuthRequest, PatientInsurance, Patient, User,
                LoginSession, Appointment)


def _counts(session) -> dict[str, int]:
    session.expire_all()
    return {m.__tablename__: session.scalar(sa.select(sa.func.count()).select_from(m))
            for m in WRITE_TABLES}


def _fingerprint(session) -> tuple:
    """Counts, plus what a refused call might have changed in place (appointment flags,
    hospital settings, user lockout counters)."""
    session.expire_all()
    appts = session.execute(sa.text(
        "SELECT md5(string_agg(a::text, '|' ORDER BY id)) FROM appointments a")).scalar()
    hosp = session.execute(sa.text(
        "SELECT md5(string_agg(h.settings::text, '|' ORDER BY id)) FROM hospitals h")).scalar()
    users = session.execute(sa.text(
        "SELECT md5(string_agg(u::text, '|' ORDER BY id)) FROM users u")).scalar()
    return _counts(session), appts, hosp, users


# ------------------------------------------------------------------ the calls, by input kind
TextCall = Callable[[World, str], object]
AmountCall = Callable[[World, Any], object]
DateCall = Callable[[World, Any], object]


def _policy(**kw) -> NewPolicy:
    base = dict(payer_id=None, policy_number="POL-1", effective_date=dt.date(2026, 1, 1))
    base.update(kw)
    return NewPolicy(**base)


def _payer_id(w: World) -> int:
    return w.c.session.execute(sa.text(
        "SELECT id FROM insurance_payers WHERE hospital_id = :h ORDER BY id LIMIT 1"),
        {"h": w.c.hospital.id}).scalar()


def _settings(**kw) -> HospitalSettings:
    return HospitalSettings(**kw)


TEXT_CALLS: dict[str, TextCall] = {
    "copay.waive.reason": lambda w, t: w.c.copay.waive(w.desk, w.appt_id, t),
    "copay.defer.reason": lambda w, t: w.c.copay.defer(w.desk, w.appt_id, t),
    "copay.override_preauth.reason":
        lambda w, t: w.c.copay.override_preauth(w.admin, w.appt_id, t),
    "copay.convert_to_self_pay.reason":
        lambda w, t: w.c.copay.convert_to_self_pay(w.desk, w.appt_id, t),
    "copay.request_preauth.note": lambda w, t: w.c.copay.request_preauth(w.desk, w.appt_id, note=t),
    "copay.collect.idempotency_key":
        lambda w, t: w.c.copay.collect(w.desk, w.appt_id, PaymentMethod.CASH, t),
    "patients.search.text": lambda w, t: w.c.patients.search(w.desk, t),
    "patients.register.first_name":
        lambda w, t: w.c.patients.register(w.desk, t, "Khan", None, "FEMALE", None, None),
    "patients.register.last_name":
        lambda w, t: w.c.patients.register(w.desk, "Sara", t, None, "FEMALE", None, None),
    "patients.register.phone":
        lambda w, t: w.c.patients.register(w.desk, "Sara", "Khan", None, "FEMALE", t, None),
    "patients.register.emirates_id":
        lambda w, t: w.c.patients.register(w.desk, "Sara", "Khan", None, "FEMALE", None, t),
    "insurance.add_primary.policy_number":
        lambda w, t: w.c.insurance.add_primary(w.desk, w.self_pay_patient_id,
                                               _policy(payer_id=_payer_id(w), policy_number=t)),
    "insurance.add_primary.member_id":
        lambda w, t: w.c.insurance.add_primary(w.desk, w.self_pay_patient_id,
                                               _policy(payer_id=_payer_id(w), member_id=t)),
    "insurance.add_primary.plan_name":
        lambda w, t: w.c.insurance.add_primary(w.desk, w.self_pay_patient_id,
                                               _policy(payer_id=_payer_id(w), plan_name=t)),
    "refunds.request.details":
        lambda w, t: w.refunds.request(w.desk, w.payment_id, D("5.00"), RefundReason.OTHER,
                                       RefundMethod.CASH, t),
    "refunds.reject.reason":
        lambda w, t: w.refunds.reject(w.actor(Role.ACCOUNTANT), w.refund_id, t),
    "refunds.delete.reason":
        lambda w, t: w.refunds.delete(w.actor(Role.SUPER_ADMIN), w.refund_id, t),
    "refunds.find_payments.text": lambda w, t: w.refunds.find_payments(w.desk, t),
    "refunds.list.search":
        lambda w, t: w.refunds.list(w.actor(Role.ACCOUNTANT), search=t),
    "eligibility.lookup_by_eid.eid": lambda w, t: w.eligibility.lookup_by_eid(w.desk, t),
    "eligibility.accept_coverage_change.reason":
        lambda w, t: w.eligibility.accept_coverage_change(w.desk, w.insurance_id, reason=t),
    "eligibility.reject_coverage_change.reason":
        lambda w, t: w.eligibility.reject_coverage_change(w.desk, w.insurance_id, t),
    "eligibility.manual_verify.notes":
        lambda w, t: w.eligibility.manual_verify(w.admin, w.insurance_id, t),
    "eligibility.manual_reject.reason":
        lambda w, t: w.eligibility.manual_reject(w.admin, w.insurance_id, t),
    "eligibility.resolve_mismatch.reason":
        lambda w, t: w.eligibility.resolve_mismatch(w.desk, w.patient_id, "USE_DB_DATA",
                                                    reason=t),
    "audit.page.patient":
        lambda w, t: w.audit.page(w.actor(Role.ACCOUNTANT), AuditFilters(patient=t)),
    "audit.activity.action": lambda w, t: w.audit.activity(w.admin, action=t),
    "settings.update.dha_endpoint":
        lambda w, t: w.settings.update(w.admin, _settings(dha_mode="SANDBOX",
                                                          dha_endpoint="https://x/" + t)),
    "settings.update.smtp_host":
        lambda w, t: w.settings.update(w.admin, _settings(smtp_host=t, smtp_sender="a@b.ae")),
    "settings.update.smtp_sender":
        lambda w, t: w.settings.update(w.admin, _settings(smtp_host="mail", smtp_sender=t + "@b.ae")),
    "settings.update.smtp_username":
        lambda w, t: w.settings.update(w.admin, _settings(smtp_username=t)),
    "auth.login.username": lambda w, t: w.auth.login(t, "secret-pass-1", "desk-1"),
    "auth.login.workstation":
        lambda w, t: w.auth.login(w.c.users[Role.RECEPTIONIST].username, "secret-pass-1", t),
    "auth.create_user.username":
        lambda w, t: w.auth.create_user(w.c.hospital.code, t, "Sara Khan", Role.NURSE,
                                        "long-enough-1"),
    "auth.create_user.full_name":
        lambda w, t: w.auth.create_user(w.c.hospital.code, "sara.k", t, Role.NURSE,
                                        "long-enough-1"),
}

AMOUNT_CALLS: dict[str, AmountCall] = {
    "patients.deposit_top_up.amount":
        lambda w, a: w.c.patients.deposit_top_up(w.desk, w.patient_id, a),
    "refunds.request.amount":
        lambda w, a: w.refunds.request(w.desk, w.payment_id, a, RefundReason.OVERCHARGE,
                                       RefundMethod.CASH),
    "copay.request_preauth.expected_amount":
        lambda w, a: w.c.copay.request_preauth(w.desk, w.appt_id, expected_amount=a),
    "insurance.add_primary.copay_cap_per_visit":
        lambda w, a: w.c.insurance.add_primary(
            w.desk, w.self_pay_patient_id, _policy(payer_id=_payer_id(w), copay_cap_per_visit=a)),
    "insurance.add_primary.annual_deductible":
        lambda w, a: w.c.insurance.add_primary(
            w.desk, w.self_pay_patient_id, _policy(payer_id=_payer_id(w), annual_deductible=a)),
}

DATE_CALLS: dict[str, DateCall] = {
    "audit.page.date_from":
        lambda w, d: w.audit.page(w.actor(Role.ACCOUNTANT), AuditFilters(date_from=d)),
    "audit.page.date_to":
        lambda w, d: w.audit.page(w.actor(Role.ACCOUNTANT), AuditFilters(date_to=d)),
    "queue.day.day": lambda w, d: w.c.queue.day(w.desk, d),
    "patients.register.date_of_birth":
        lambda w, d: w.c.patients.register(w.desk, "Sara", "Khan", d, "FEMALE", None, None),
}
# Values that are fine elsewhere but not for this call.
_NOT_HOSTILE_FOR = {
    # A required-text call refuses an empty value on its own; these optional texts accept
    # what the others refuse, so nothing to exclude today.
}


def _cases(calls: dict[str, Callable], values: dict[str, Any]):
    for call in calls:
        for name, value in values.items():
            if name in _NOT_HOSTILE_FOR.get(call, ()):
                continue
            yield pytest.param(call, value, id=f"{call}[{name}]")


def _probe(session, w: World, fn: Callable, value: Any) -> None:
    before = _fingerprint(session)
    with pytest.raises(ValidationError) as err:
        fn(w, value)
    # A sentence for the desk: not a repr, not a driver message.
    msg = err.value.message
    assert msg and msg[0].isupper() and "\x00" not in msg and len(msg) < 400, msg
    assert "psycopg" not in msg and "SQL" not in msg, msg
    assert _fingerprint(session) == before


@pytest.mark.parametrize(("call", "value"), list(_cases(TEXT_CALLS, HOSTILE_TEXT)))
def test_hostile_text_is_refused_and_nothing_written(session, w, call, value):
    _probe(session, w, TEXT_CALLS[call], value)


@pytest.mark.parametrize(("call", "value"), list(_cases(AMOUNT_CALLS, HOSTILE_AMOUNTS)))
def test_hostile_amount_is_refused_and_nothing_written(session, w, call, value):
    _probe(session, w, AMOUNT_CALLS[call], value)


@pytest.mark.parametrize(("call", "value"), list(_cases(DATE_CALLS, HOSTILE_DATES)))
def test_hostile_date_is_refused_and_nothing_written(session, w, call, value):
    _probe(session, w, DATE_CALLS[call], value)


def test_a_reversed_audit_date_range_is_refused(session, w):
    _probe(session, w, lambda w, _: w.audit.page(
        w.actor(Role.ACCOUNTANT), AuditFilters(date_from=dt.date(2026, 3, 10),
                                               date_to=dt.date(2026, 3, 1))), None)


def test_the_audit_export_refuses_a_date_beyond_the_calendar(session, w, tmp_path):
    _probe(session, w, lambda w, d: w.audit.export_csv(
        w.actor(Role.ACCOUNTANT), AuditFilters(date_to=d), tmp_path / "a.csv"),
        dt.date(9999, 12, 31))
    assert not (tmp_path / "a.csv").exists()


def test_none_is_not_an_amount(session, w):
    for call in ("patients.deposit_top_up.amount", "refunds.request.amount"):
        _probe(session, w, AMOUNT_CALLS[call], None)


def _dha_creds(**kw):
    from app.integrations.dha.credentials import DhaCredentials

    base = dict(facility_id="FAC001", licence="DHA-F-0000001", login="clinic", password="pw-1")
    return DhaCredentials(**{**base, **kw})


SECRET_CALLS: dict[str, TextCall] = {
    "settings.send_test_email.to": lambda w, t: w.settings.send_test_email(w.admin, t + "@b.ae"),
    "settings.set_smtp_password.password":
        lambda w, t: w.settings.set_smtp_password(w.admin, t),
    "settings.save_dha_credentials.login":
        lambda w, t: w.settings.save_dha_credentials(w.admin, _dha_creds(login=t)),
    "settings.save_dha_credentials.password":
        lambda w, t: w.settings.save_dha_credentials(w.admin, _dha_creds(password=t)),
}


@pytest.mark.parametrize(("call", "value"), list(_cases(
    SECRET_CALLS, {k: v for k, v in HOSTILE_TEXT.items() if k != "bidi-override"})))
def test_hostile_settings_and_secrets_are_refused(session, w, memory_keyring, call, value):
    """The in-memory keyring stands in for the machine's; it must stay empty."""
    _probe(session, w, SECRET_CALLS[call], value)
    assert memory_keyring.store == {}


def _vitals_call(name: str) -> Callable[[World, Any], object]:
    return lambda w, v: w.c.queue.record_vitals(w.actor(Role.NURSE), w.appt_id,
                                                VitalsInput(**{name: v}))


VITALS_CALLS = {f"queue.record_vitals.{name}": _vitals_call(name)
                for name in ("heart_rate", "temperature_c", "height_cm")}
HOSTILE_VITALS: dict[str, Any] = {
    "1e27": D("1e27"), "nan": D("NaN"), "inf": float("inf"), "true": True, "nul": "80\x00",
    "huge-int": 10**30, "words": "normal",
}


@pytest.mark.parametrize(("call", "value"), list(_cases(VITALS_CALLS, HOSTILE_VITALS)))
def test_hostile_vitals_are_refused_and_nothing_written(session, w, call, value):
    _probe(session, w, VITALS_CALLS[call], value)


CHOICE_CALLS: dict[str, Callable[[World, Any], object]] = {
    "queue.create_walk_in.visit_type":
        lambda w, v: w.c.queue.create_walk_in(w.desk, w.patient_id, w.c.doctor.id, v),
    "patients.deposit_top_up.method":
        lambda w, v: w.c.patients.deposit_top_up(w.desk, w.patient_id, "10.00", v),
    "copay.collect.method":
        lambda w, v: w.c.copay.collect(w.desk, w.appt_id, v, "key-1"),
    "refunds.request.method":
        lambda w, v: w.refunds.request(w.desk, w.payment_id, D("5.00"), RefundReason.OVERCHARGE,
                                       v),
    "eligibility.resolve_mismatch.choice":
        lambda w, v: w.eligibility.resolve_mismatch(w.desk, w.patient_id, v),
}


@pytest.mark.parametrize(("call", "value"), list(_cases(
    CHOICE_CALLS, {"made-up": "HOUSE_CALL", "nul": "CASH\x00", "none": None, "number": 7})))
def test_a_made_up_choice_is_refused(session, w, call, value):
    _probe(session, w, CHOICE_CALLS[call], value)


# --------------------------------------------------------------- what is accepted instead
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _valid_eid() -> str:
    from app.domain.eid import is_valid_eid

    return next(f"784-1990-1234567-{c}" for c in range(10)
                if is_valid_eid(f"784-1990-1234567-{c}"))


def test_arabic_indic_and_persian_digits_are_read_as_ascii(session, w):
    eid = _valid_eid()
    pid = w.c.patients.register(w.desk, "Sara", "Khan", None, "FEMALE",
                                "+971 50 123 4567".translate(ARABIC),
                                eid.translate(PERSIAN)).patient_id  # register returns Registered
    row = session.get(Patient, pid)
    assert (row.phone, row.emirates_id) == ("+971 50 123 4567", eid)
    # A search typed in Arabic-Indic digits finds the patient by Emirates ID.
    found = w.c.patients.search(w.desk, eid.replace("-", "").translate(ARABIC))
    assert [p.patient_id for p in found] == [pid]
    # Amounts: digits and the Arabic decimal separator (U+066B).
    top = w.c.patients.deposit_top_up(w.desk, pid, "١٥٠٫٥٠")
    assert top.balance == D("150.50")


def test_negative_zero_is_zero_and_the_largest_amount_is_accepted(session, w):
    from app.domain.money import MAX_AMOUNT, to_amount

    assert str(to_amount(D("-0"))) == "0.00" and str(to_amount("-0.00")) == "0.00"
    assert to_amount("9,999,999,999.99") == MAX_AMOUNT
    added = w.c.insurance.add_primary(w.desk, w.self_pay_patient_id, _policy(
        payer_id=_payer_id(w), copay_cap_per_visit=D("-0"), annual_deductible="٥٠٠"))
    ins = session.get(PatientInsurance, added.policy.insurance_id)
    assert (str(ins.copay_cap_per_visit), ins.annual_deductible) == ("0.00", D("500.00"))


def test_text_at_the_cap_is_accepted_and_stored_whole(session, w):
    from app.domain.text import REASON_MAX

    reason = ("Staff discount approved by the medical director. " * 20)[:REASON_MAX]
    w.c.copay.waive(w.desk, w.appt_id, reason)
    stored = session.scalar(sa.select(InsuranceAudit.reason).where(
        InsuranceAudit.appointment_id == w.appt_id).order_by(InsuranceAudit.id.desc()))
    assert stored == reason.strip() and len(stored) <= REASON_MAX
