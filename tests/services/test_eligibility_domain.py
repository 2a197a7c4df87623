"""Pure rules: Emirates ID normalisation (checkpoint 1) and cross-verification (seed 004 §3)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from app.domain.eid import (
    MSG_CHECK,
    MSG_FORMAT,
    MSG_PREFIX,
    eid_digits,
    is_valid_eid,
    luhn_check_digit,
    make_eid,
    normalize_eid,
)
from app.domain.eligibility import (
    AlertAction,
    AlertCode,
    CoverageStatus,
    EligibilityResult,
    PolicySnapshot,
    Severity,
    cross_verify,
    map_status,
)
from app.domain.enums import DataSource, NetworkTier, VerificationStatus
from app.domain.errors import ValidationError

VALID = make_eid(1985, 1234567)  # 784-1985-1234567-3
TODAY = dt.date(2026, 3, 10)


# -- Emirates ID -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("784-1985-1234567-3", VALID),
    ("784198512345673", VALID),
    ("784 1985 1234567 3", VALID),
    ("  784-1985-1234567-3  ", VALID),
    ("784198512345673\r\n", VALID),  # keyboard-wedge scanner: digits + Enter
    ("784198512345673\n", VALID),
    ("784–1985–1234567–3", VALID),  # en dashes from a word processor
    ("784 - 1985 - 1234567 - 3", VALID),
    # Arabic-Indic and Persian digits are the same ID (app/domain/text.py ascii_digits).
    ("٧٨٤١٩٨٥١٢٣٤٥٦٧٣", "784-1985-1234567-3"),
    ("۷۸۴-۱۹۸۵-۱۲۳۴۵۶۷-۳", "784-1985-1234567-3"),
])
def test_valid_emirates_ids_normalise_to_the_canonical_form(text, expected):
    assert normalize_eid(text) == expected
    assert is_valid_eid(text)


@pytest.mark.parametrize(("text", "message", "rule"), [
    ("78419851234567", MSG_FORMAT, "format"),  # 14 digits
    ("7841985123456733", MSG_FORMAT, "format"),  # 16 digits
    ("784-1985-123456A-3", MSG_FORMAT, "format"),  # a letter
    ("784.1985.1234567.3", MSG_FORMAT, "format"),  # dots are not separators
    ("", MSG_FORMAT, "format"),
    ("   ", MSG_FORMAT, "format"),
    ("785-1985-1234567-2", MSG_PREFIX, "prefix"),  # wrong prefix
    ("123-4567-8901234-5", MSG_PREFIX, "prefix"),
    ("784-1985-1234567-4", MSG_CHECK, "check_digit"),  # bad check digit
    ("784-1985-1234576-3", MSG_CHECK, "check_digit"),  # transposed digits
])
def test_invalid_emirates_ids_say_which_rule_failed(text, message, rule):
    with pytest.raises(ValidationError) as err:
        normalize_eid(text)
    assert err.value.message == message
    assert err.value.details["rule"] == rule
    assert not is_valid_eid(text)


def test_messages_match_the_seed_and_the_brief():
    assert MSG_FORMAT == "Invalid Emirates ID format (must be 15 digits)"
    assert MSG_PREFIX == "Emirates ID must start with 784"
    assert MSG_CHECK == "Emirates ID check digit is wrong — please re-scan or re-type it"
    assert not is_valid_eid(None)


def test_make_eid_computes_the_luhn_digit():
    for year, serial in [(1970, 0), (1985, 1234567), (2001, 9999999), (1999, 42)]:
        eid = make_eid(year, serial)
        assert normalize_eid(eid) == eid
        assert eid.startswith(f"784-{year:04d}-{serial:07d}-")
    assert luhn_check_digit("7992739871") == 3  # the textbook Luhn example
    assert eid_digits(VALID) == "784198512345673"
    with pytest.raises(ValueError):
        make_eid(1985, 10_000_000)


# -- cross-verification ------------------------------------------------------------------------


def policy(**kw) -> PolicySnapshot:
    base = dict(insurance_id=1, patient_id=2, payer_id=3, provider_name="Daman",
                policy_number="POL-1", member_id="M-1", payer_code="DAMAN",
                dha_payer_id="INS026", copay_pct=Decimal("20"), copay_amount=Decimal("20.00"),
                network_tier=NetworkTier.IN_NETWORK, effective_date=dt.date(2025, 9, 1),
                expiry_date=dt.date(2026, 8, 31), verification_status=VerificationStatus.PENDING)
    base.update(kw)
    return PolicySnapshot(**base)


def dha(status: CoverageStatus = CoverageStatus.ACTIVE, **kw) -> EligibilityResult:
    base = dict(status=status, data_source=DataSource.DHA_LIVE, payer_id="INS026",
                payer_name="Daman", provider="Daman", member_id="M-1", policy_number="POL-1",
                coverage_pct=Decimal("80"), copay_pct=Decimal("20"),
                copay_amount=Decimal("20.00"), network=NetworkTier.IN_NETWORK,
                start_date=dt.date(2025, 9, 1), end_date=dt.date(2026, 8, 31))
    base.update(kw)
    return EligibilityResult(**base)


def verify(db, answer, *, by_eid=True, has_eid=True, configured=True):
    return cross_verify(db, answer, selected_by_eid=by_eid, has_eid=has_eid, today=TODAY,
                        dha_configured=configured)


def test_agreement_is_eligible_with_no_alerts():
    v = verify(policy(), dha())
    assert v.eligible and v.alerts == () and v.data_source is DataSource.DHA_LIVE
    assert not (v.has_mismatch or v.policy_was_renewed or v.coverage_changed)
    assert v.sync_terms is None and v.previous_coverage is None


@pytest.mark.parametrize("status", [CoverageStatus.NOT_FOUND, CoverageStatus.INACTIVE,
                                    CoverageStatus.EXPIRED, CoverageStatus.SUSPENDED])
def test_scenario_a_mismatch_when_dha_does_not_confirm_the_policy_on_file(status):
    v = verify(policy(), dha(status))
    assert v.alert_codes == (AlertCode.MISMATCH_DB_VS_DHA,)
    alert = v.alerts[0]
    assert alert.severity is Severity.ERROR
    assert alert.actions == (AlertAction.USE_DB_DATA, AlertAction.TREAT_AS_SELFPAY,
                             AlertAction.UPDATE_INSURANCE)
    assert not v.eligible and v.has_mismatch
    assert v.previous_coverage == policy().terms()
    assert v.sync_terms is None and v.status is status


def test_scenario_b_policy_renewed_is_info_and_synced():
    db = policy(effective_date=dt.date(2025, 3, 1), expiry_date=dt.date(2026, 2, 28))
    answer = dha(start_date=dt.date(2026, 3, 1), end_date=dt.date(2027, 2, 28))
    v = verify(db, answer)
    assert v.alert_codes == (AlertCode.POLICY_RENEWED,)
    assert v.alerts[0].severity is Severity.INFO
    assert v.eligible and v.policy_was_renewed and not v.coverage_changed
    assert v.sync_terms.expiry_date == dt.date(2027, 2, 28)
    assert v.sync_terms.effective_date == dt.date(2026, 3, 1)
    assert v.previous_coverage.expiry_date == dt.date(2026, 2, 28)


def test_scenario_b_with_changed_terms_reports_both():
    db = policy(expiry_date=dt.date(2026, 2, 28))
    v = verify(db, dha(coverage_pct=Decimal("70"), copay_pct=Decimal("30")))
    assert v.alert_codes == (AlertCode.POLICY_RENEWED, AlertCode.COVERAGE_CHANGED,
                             AlertCode.COVERAGE_REDUCED)
    assert v.policy_was_renewed and v.coverage_changed


@pytest.mark.parametrize(("by_eid", "has_eid", "severity"), [
    (False, True, Severity.INFO), (True, False, Severity.WARNING),
    (False, False, Severity.WARNING)])
def test_scenario_c_eid_verification_needed(by_eid, has_eid, severity):
    v = verify(policy(), dha() if has_eid else None, by_eid=by_eid, has_eid=has_eid)
    [alert] = [a for a in v.alerts if a.code is AlertCode.EID_VERIFICATION_NEEDED]
    assert alert.severity is severity
    assert alert.actions == (AlertAction.VERIFY_EID, AlertAction.USE_DB_DATA,
                             AlertAction.UPDATE_INSURANCE)
    assert v.requires_eid_verification
    if not has_eid:  # nothing to ask DHA with: not "unavailable"
        assert not v.has_alert(AlertCode.DHA_VERIFICATION_UNAVAILABLE)
        assert v.data_source is DataSource.CACHED_DB and v.eligible


@pytest.mark.parametrize(("answer", "subs"), [
    (dict(coverage_pct=Decimal("70"), copay_pct=Decimal("30")), [AlertCode.COVERAGE_REDUCED]),
    (dict(coverage_pct=Decimal("75"), copay_pct=Decimal("25")), []),  # exactly 5 points
    (dict(coverage_pct=Decimal("74.99"), copay_pct=None), [AlertCode.COVERAGE_REDUCED]),
    (dict(coverage_pct=Decimal("90"), copay_pct=Decimal("10")), []),  # better cover
    (dict(copay_amount=Decimal("30.01")), [AlertCode.COPAY_INCREASED]),
    (dict(copay_amount=Decimal("30.00")), []),  # exactly AED 10 more
    (dict(copay_amount=Decimal("10.00")), []),  # cheaper
    (dict(provider="GIG Gulf"), [AlertCode.PROVIDER_CHANGED]),
    (dict(network=NetworkTier.OUT_OF_NETWORK), [AlertCode.NETWORK_CHANGED]),
    (dict(provider="GIG Gulf", copay_amount=Decimal("50"), coverage_pct=Decimal("60"),
          copay_pct=None),
     [AlertCode.PROVIDER_CHANGED, AlertCode.COVERAGE_REDUCED, AlertCode.COPAY_INCREASED]),
])
def test_scenario_d_coverage_changed_and_its_sub_alerts(answer, subs):
    v = verify(policy(), dha(**answer))
    assert v.alert_codes == (AlertCode.COVERAGE_CHANGED, *subs)
    head = v.alerts[0]
    assert head.actions == (AlertAction.ACCEPT_COVERAGE_CHANGE,
                            AlertAction.REJECT_COVERAGE_CHANGE)
    assert v.eligible and v.coverage_changed and v.previous_coverage == policy().terms()
    assert v.sync_terms is not None


def test_provider_names_compare_without_case_or_spacing():
    assert verify(policy(provider_name="daman "), dha(provider="DAMAN")).alerts == ()


def test_values_unknown_on_either_side_are_not_compared():
    v = verify(policy(copay_amount=None, copay_pct=None), dha(coverage_pct=None,
                                                                copay_pct=None))
    assert v.alerts == ()


def test_dha_unavailable_falls_back_to_the_policy_on_file():
    v = verify(policy(), None)
    assert v.alert_codes == (AlertCode.DHA_VERIFICATION_UNAVAILABLE,)
    assert v.alerts[0].severity is Severity.WARNING
    assert v.eligible and v.dha_unavailable and v.data_source is DataSource.CACHED_DB
    assert v.status is CoverageStatus.ACTIVE


def test_dha_unavailable_and_expired_on_file_is_not_eligible_checkpoint_5():
    v = verify(policy(expiry_date=dt.date(2026, 3, 9)), None)
    assert v.alert_codes == (AlertCode.DHA_VERIFICATION_UNAVAILABLE, AlertCode.POLICY_EXPIRED)
    assert not v.eligible and v.status is CoverageStatus.EXPIRED


def test_policy_covers_its_last_day():
    assert verify(policy(expiry_date=TODAY), None).eligible


def test_not_configured_uses_the_file_and_says_so():
    v = verify(policy(), None, configured=False)
    assert v.data_source is DataSource.NOT_CONFIGURED and v.alerts == () and v.eligible
    assert not verify(None, None, configured=False).eligible


def test_insurance_found_on_dha_with_nothing_on_file():
    v = verify(None, dha())
    assert v.eligible and v.insurance_found_on_dha and v.alerts == ()
    assert not verify(None, dha(CoverageStatus.NOT_FOUND)).insurance_found_on_dha


def test_simulated_sources_are_flagged():
    assert verify(policy(), dha(data_source=DataSource.MOCK_DATA)).simulated
    assert verify(policy(), dataclasses.replace(dha(), simulated=True)).simulated
    assert not verify(policy(), dha()).simulated


def test_status_mapping_helper():
    assert map_status(" a ") is CoverageStatus.ACTIVE
    assert map_status(None) is CoverageStatus.NOT_FOUND
    assert map_status("ELIGIBLE") is CoverageStatus.NOT_FOUND
