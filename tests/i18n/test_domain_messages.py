"""Messages of the domain, the integrations and the start-up code in the reader's language
(issue 15): the English rendering (``str(msg)``, what tests, logs, the CLI and to_dict() use)
is the sentence it always was; the UI's render() shows the same message in Arabic, amounts
through i18n.money and labels nested in a sentence translated too.

No screen is involved: these are the messages every screen shows through message_for() /
render(); the screens' own tests look at the widgets.
"""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from app.domain import queue_rules, refunds, roles
from app.domain.copay import quote
from app.domain.enums import AppointmentStatus, Role
from app.domain.errors import DomainError, InvalidTransition, PermissionDenied, ValidationError
from app.domain.messages import Msg, messages
from app.domain.text import clean_text
from app.integrations.dha.modes import DhaMode, endpoint_problem, endpoint_problem_msg
from app.ui import i18n
from tests.domain.test_copay import OON, make, pol, rx, sec

ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def arabic(qapp):
    i18n.install("ar")
    try:
        yield
    finally:
        i18n.install("en")


def _insured_quote():
    return quote(make(vat="0.05", policies=(
        pol(copay_pct="20", network_tier=OON, annual_deductible="500.00",
            deductible_used="400.00", copay_cap_per_visit="50.00", annual_copay_max="1000.00",
            payer_preauth_required=True),
        sec(copay_pct="10")), prescriptions=(rx("A", 1, "10.00"),)))


def test_copay_explanation_lines_are_messages_with_the_old_english():
    q = _insured_quote()
    assert all(isinstance(line, Msg) for line in q.explanation)
    english = [str(line) for line in q.explanation]
    assert "Deductible: AED 100.00 applied (AED 100.00 of AED 500.00 left this year)" in english
    assert q.to_dict()["explanation"] == english  # the snapshot / CLI stay English


def test_copay_explanation_in_arabic(arabic):
    q = _insured_quote()
    lines = [i18n.render(line) for line in q.explanation]
    assert all(ARABIC.search(line) for line in lines), lines
    deductible = next(line for line in lines if "مبلغ الخصم: تم تطبيق" in line)
    # Amounts as the Arabic interface shows them: "100.00 د.إ", never "AED 100.00".
    assert i18n.money(D("100.00")) in deductible and i18n.money(D("500.00")) in deductible
    assert "AED" not in " ".join(lines)
    # Nested labels are translated too: the visit type and the eligibility source.
    assert lines[0].startswith(i18n.tr("Consultation") + ":")
    assert i18n.tr("Consultation") != "Consultation"


def test_refund_limit_in_english_and_arabic(arabic):
    limit = refunds.RefundableLimit("R-2026-000042", paid=D("30.00"), refunded=D("10.00"))
    with pytest.raises(ValidationError) as err:
        refunds.check_amount(D("25.00"), limit)
    assert err.value.message == ("At most AED 20.00 can still be refunded on receipt "
                                 "R-2026-000042 (AED 30.00 paid, AED 10.00 refunded).")
    arabic_text = i18n.render(err.value.msg)
    assert ARABIC.search(arabic_text)
    assert i18n.money(D("20.00")) in arabic_text and "R-2026-000042" in arabic_text
    assert i18n.money(D("30.00")) in arabic_text  # the nested explanation, in Arabic too


def test_refund_race_names_who_decided(arabic):
    decision = refunds.Decision(refunds.S.APPROVED, by="Omar")
    with pytest.raises(InvalidTransition) as err:
        refunds.next_status(decision, refunds.RefundAction.APPROVE)
    assert err.value.message == "This refund was already approved by Omar."
    assert i18n.render(err.value.msg) == "هذا الاسترداد مُعتمد مسبقًا من قِبل Omar."


def test_permission_denied_translates_the_roles_and_the_action(arabic):
    with pytest.raises(PermissionDenied) as err:
        roles.require(Role.NURSE, roles.Permission.APPROVE_REFUND)
    assert err.value.message == ("Only Accountant, Hospital Admin, Super Admin may approve or "
                                 "reject refunds; you are signed in as Nurse.")
    text = i18n.render(err.value.msg)
    for english in ("Accountant", "Nurse", "approve or reject refunds"):
        assert i18n.tr(english) in text and english not in text


def test_queue_transition_in_arabic(arabic):
    with pytest.raises(InvalidTransition) as err:
        queue_rules.next_status(AppointmentStatus.SCHEDULED, queue_rules.QueueAction.COMPLETE)
    assert err.value.message == ("Cannot complete the consultation: this appointment is "
                                 "scheduled. Check the patient in and start the consultation "
                                 "first.")
    assert i18n.render(err.value.msg) == ("لا يمكن إنهاء الاستشارة: هذا الموعد مجدول. سجّل "
                                          "وصول المريض وابدأ الاستشارة أولًا.")


def test_a_msg_label_is_translated_and_a_str_label_stays_as_given(arabic):
    label = messages("app.domain.onboarding")("label_hospital_name", "The hospital name")
    with pytest.raises(ValidationError) as err:
        clean_text("", label, 200, required=True, key="name")
    assert err.value.message == "The hospital name is required."
    assert err.value.details["field"] == "name"
    assert i18n.render(err.value.msg) == "يجب إدخال اسم المستشفى."
    with pytest.raises(ValidationError) as err:
        clean_text("", "Some label", 200, required=True)
    assert i18n.render(err.value.msg) == "يجب إدخال Some label."
    assert err.value.details["field"] == "Some label"


def test_integration_errors_keep_their_english_and_have_arabic(arabic):
    problem = endpoint_problem_msg(DhaMode.LIVE, "http://dhpo.example.ae/x.asmx")
    assert str(problem) == endpoint_problem(DhaMode.LIVE, "http://dhpo.example.ae/x.asmx")
    assert str(problem).startswith("DHA production (LIVE) needs an https:// address")
    assert ARABIC.search(i18n.render(problem)) and "DHA" in i18n.render(problem)
    error = DomainError(problem)
    assert error.message == str(problem) and error.msg is problem


def test_eligibility_alerts_carry_a_message(arabic):
    import datetime as dt

    from app.domain.eligibility import AlertCode, cross_verify

    v = cross_verify(None, None, selected_by_eid=False, has_eid=False,
                     today=dt.date(2026, 12, 4))
    alert = next(a for a in v.alerts if a.code is AlertCode.EID_VERIFICATION_NEEDED)
    assert alert.message == ("No Emirates ID is on file, so DHA cannot confirm this insurance. "
                             "Scan or type the patient's Emirates ID.")
    assert alert.to_dict()["message"] == alert.message and "msg" not in alert.to_dict()
    assert "الهوية الإماراتية" in i18n.render(alert.msg)
