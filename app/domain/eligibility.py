"""Insurance eligibility as values, and the cross-verification of the policy on file against DHA.

Pure: no I/O, no SQL, no clock (``today`` is passed in). The service layer reads the policy,
asks DHA (outside any transaction), calls :func:`cross_verify`, then writes what it decided.

Seed 004 §3 step 3 (cross-verification), step 4 (DHA failure) and §7 checkpoints 4–5:

- A  MISMATCH_DB_VS_DHA     policy on file, DHA says NOT_FOUND / INACTIVE / EXPIRED / SUSPENDED.
                            ERROR; actions USE_DB_DATA, TREAT_AS_SELFPAY, UPDATE_INSURANCE;
                            not eligible; ``has_mismatch``; ``previous_coverage`` = the policy.
- B  POLICY_RENEWED         policy on file expired (expiry < today), DHA says ACTIVE.
                            INFO; the terms are synced from DHA; eligible; ``policy_was_renewed``.
- C  EID_VERIFICATION_NEEDED patient picked by name/MRN, or no EID on file.
                            INFO with an EID / WARNING without; actions VERIFY_EID, USE_DB_DATA,
                            UPDATE_INSURANCE; ``requires_eid_verification``.
- D  COVERAGE_CHANGED       DHA differs from the policy in provider, coverage % or copay.
                            Sub-alerts PROVIDER_CHANGED, COVERAGE_REDUCED (> 5 points),
                            COPAY_INCREASED (> AED 10); terms synced; ``coverage_changed``.
- DHA unavailable           DHA_VERIFICATION_UNAVAILABLE; eligibility from the policy on file
                            (CACHED_DB), with checkpoint 5 (an expired policy is not eligible).

Beyond the seed (its "known limitations", fixed here): a change of network tier is reported
as NETWORK_CHANGED under COVERAGE_CHANGED, because it changes the copay rule; and an expired
policy on the cached path raises POLICY_EXPIRED instead of silently quoting it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.domain.enums import DataSource, NetworkTier, VerificationStatus
from app.domain.messages import N_, Msg, messages

M = messages(__name__)

COVERAGE_REDUCED_POINTS = Decimal("5")
COPAY_INCREASED_AED = Decimal("10")


class CoverageStatus(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    EXPIRED = "EXPIRED"
    SUSPENDED = "SUSPENDED"
    NOT_FOUND = "NOT_FOUND"


_STATUS_WORDS = {
    "A": CoverageStatus.ACTIVE,
    "ACTIVE": CoverageStatus.ACTIVE,
    "I": CoverageStatus.INACTIVE,
    "INACTIVE": CoverageStatus.INACTIVE,
    "E": CoverageStatus.EXPIRED,
    "EXPIRED": CoverageStatus.EXPIRED,
    "S": CoverageStatus.SUSPENDED,
    "SUSPENDED": CoverageStatus.SUSPENDED,
}


def map_status(code: str | None) -> CoverageStatus:
    """DHA status code or word -> status (checkpoint 4); anything else is NOT_FOUND."""
    if code is None:
        return CoverageStatus.NOT_FOUND
    return _STATUS_WORDS.get(code.strip().upper(), CoverageStatus.NOT_FOUND)


class Severity(StrEnum):
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


class AlertCode(StrEnum):
    MISMATCH_DB_VS_DHA = "MISMATCH_DB_VS_DHA"
    POLICY_RENEWED = "POLICY_RENEWED"
    EID_VERIFICATION_NEEDED = "EID_VERIFICATION_NEEDED"
    COVERAGE_CHANGED = "COVERAGE_CHANGED"
    PROVIDER_CHANGED = "PROVIDER_CHANGED"
    COVERAGE_REDUCED = "COVERAGE_REDUCED"
    COPAY_INCREASED = "COPAY_INCREASED"
    NETWORK_CHANGED = "NETWORK_CHANGED"
    DHA_VERIFICATION_UNAVAILABLE = "DHA_VERIFICATION_UNAVAILABLE"
    POLICY_EXPIRED = "POLICY_EXPIRED"
    # raised by the service, not by cross_verify:
    INSURANCE_ADDED_FROM_DHA = "INSURANCE_ADDED_FROM_DHA"
    DHA_PAYER_UNKNOWN = "DHA_PAYER_UNKNOWN"


class AlertAction(StrEnum):
    USE_DB_DATA = "USE_DB_DATA"
    TREAT_AS_SELFPAY = "TREAT_AS_SELFPAY"
    UPDATE_INSURANCE = "UPDATE_INSURANCE"
    VERIFY_EID = "VERIFY_EID"
    ACCEPT_COVERAGE_CHANGE = "ACCEPT_COVERAGE_CHANGE"
    REJECT_COVERAGE_CHANGE = "REJECT_COVERAGE_CHANGE"
    RETRY = "RETRY"


@dataclass(frozen=True)
class Alert:
    code: AlertCode
    severity: Severity
    message: str  # English: the audit, the CLI and to_dict()
    actions: tuple[AlertAction, ...] = ()
    # The same sentence for the reader's language (the UI renders ``msg or message``).
    msg: Msg | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code.value, "severity": self.severity.value,
                "message": self.message, "actions": [a.value for a in self.actions]}


@dataclass(frozen=True)
class CoverageTerms:
    """The terms of a policy that DHA may confirm or change (what auto-sync writes)."""

    provider_name: str | None = None
    policy_number: str | None = None
    member_id: str | None = None
    coverage_pct: Decimal | None = None
    copay_pct: Decimal | None = None
    copay_amount: Decimal | None = None
    network_tier: NetworkTier | None = None
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _pct(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _coverage(coverage_pct: Decimal | None, copay_pct: Decimal | None) -> Decimal | None:
    if coverage_pct is not None:
        return _pct(coverage_pct)
    if copay_pct is not None:
        return _pct(Decimal(100) - Decimal(copay_pct))
    return None


def _copay_pct(coverage_pct: Decimal | None, copay_pct: Decimal | None) -> Decimal | None:
    if copay_pct is not None:
        return _pct(copay_pct)
    if coverage_pct is not None:
        return _pct(Decimal(100) - Decimal(coverage_pct))
    return None


@dataclass(frozen=True)
class EligibilityResult:
    """What DHA said about one member on one service date (seed 004 checkpoint 4)."""

    status: CoverageStatus
    data_source: DataSource
    emirates_id: str | None = None
    payer_id: str | None = None
    payer_name: str | None = None
    member_id: str | None = None
    policy_number: str | None = None
    coverage_pct: Decimal | None = None
    copay_pct: Decimal | None = None
    copay_amount: Decimal | None = None
    network: NetworkTier | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    provider: str | None = None
    request_id: str | None = None
    payer_reference: str | None = None  # Prior.Authorization/IDPayer
    denial_code: str | None = None
    comments: str | None = None
    simulated: bool = False
    checked_at: dt.datetime | None = None
    raw_summary: dict[str, str] = field(default_factory=dict)

    @property
    def eligible(self) -> bool:
        return self.status is CoverageStatus.ACTIVE

    @property
    def effective_coverage_pct(self) -> Decimal | None:
        return _coverage(self.coverage_pct, self.copay_pct)

    @property
    def effective_copay_pct(self) -> Decimal | None:
        return _copay_pct(self.coverage_pct, self.copay_pct)

    def terms(self) -> CoverageTerms:
        return CoverageTerms(
            provider_name=self.provider or self.payer_name,
            policy_number=self.policy_number,
            member_id=self.member_id,
            coverage_pct=self.effective_coverage_pct,
            copay_pct=self.effective_copay_pct,
            copay_amount=self.copay_amount,
            network_tier=self.network,
            effective_date=self.start_date,
            expiry_date=self.end_date,
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class PolicySnapshot:
    """The primary active policy on file, as plain values (no ORM object crosses a layer)."""

    insurance_id: int
    patient_id: int
    payer_id: int
    provider_name: str
    policy_number: str
    member_id: str | None = None
    payer_code: str | None = None
    dha_payer_id: str | None = None
    copay_pct: Decimal | None = None
    copay_amount: Decimal | None = None
    network_tier: NetworkTier | None = None
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None
    is_active: bool = True
    verification_status: VerificationStatus = VerificationStatus.PENDING

    @property
    def coverage_pct(self) -> Decimal | None:
        return _coverage(None, self.copay_pct)

    def is_expired(self, today: dt.date) -> bool:
        return self.expiry_date is not None and self.expiry_date < today

    def covers(self, today: dt.date) -> bool:
        """Checkpoint 5 on the data on file: active, started, not expired, not rejected."""
        if not self.is_active or self.verification_status is VerificationStatus.REJECTED:
            return False
        if self.effective_date is not None and self.effective_date > today:
            return False
        return not self.is_expired(today)

    def terms(self) -> CoverageTerms:
        return CoverageTerms(
            provider_name=self.provider_name,
            policy_number=self.policy_number,
            member_id=self.member_id,
            coverage_pct=self.coverage_pct,
            copay_pct=_pct(self.copay_pct),
            copay_amount=self.copay_amount,
            network_tier=self.network_tier,
            effective_date=self.effective_date,
            expiry_date=self.expiry_date,
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class CrossVerification:
    """The decision for one patient: eligible or not, from which source, and why."""

    eligible: bool
    status: CoverageStatus
    data_source: DataSource
    alerts: tuple[Alert, ...] = ()
    has_mismatch: bool = False
    policy_was_renewed: bool = False
    coverage_changed: bool = False
    requires_eid_verification: bool = False
    dha_unavailable: bool = False
    insurance_found_on_dha: bool = False  # DHA active, nothing on file: the service may add it
    previous_coverage: CoverageTerms | None = None
    sync_terms: CoverageTerms | None = None  # B/D: what to write into the policy on file
    policy: PolicySnapshot | None = None
    dha: EligibilityResult | None = None

    @property
    def alert_codes(self) -> tuple[AlertCode, ...]:
        return tuple(a.code for a in self.alerts)

    def has_alert(self, code: AlertCode) -> bool:
        return code in self.alert_codes

    @property
    def should_auto_sync(self) -> bool:
        return self.sync_terms is not None

    @property
    def simulated(self) -> bool:
        return self.data_source is DataSource.MOCK_DATA or bool(self.dha and self.dha.simulated)

    def with_alerts(self, *extra: Alert) -> CrossVerification:
        return dataclasses.replace(self, alerts=self.alerts + tuple(extra))

    def to_dict(self) -> dict[str, Any]:
        return {
            "eligible": self.eligible,
            "status": self.status.value,
            "data_source": self.data_source.value,
            "alerts": [a.to_dict() for a in self.alerts],
            "has_mismatch": self.has_mismatch,
            "policy_was_renewed": self.policy_was_renewed,
            "coverage_changed": self.coverage_changed,
            "requires_eid_verification": self.requires_eid_verification,
            "dha_unavailable": self.dha_unavailable,
            "insurance_found_on_dha": self.insurance_found_on_dha,
            "simulated": self.simulated,
            "previous_coverage": None if self.previous_coverage is None
            else self.previous_coverage.to_dict(),
            "sync_terms": None if self.sync_terms is None else self.sync_terms.to_dict(),
        }


def _norm_text(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _same_text(a: str | None, b: str | None) -> bool:
    return _norm_text(a) == _norm_text(b)


def _aed(amount: Decimal) -> str:
    return f"AED {Decimal(amount).quantize(Decimal('0.01'))}"


def _fmt_pct(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}%"


def _alert(code: AlertCode, severity: Severity, msg: Msg,
           actions: tuple[AlertAction, ...] = ()) -> Alert:
    return Alert(code, severity, str(msg), actions, msg=msg)


# Words inside alert sentences, lower-cased as the English always had them (catalogue: N_).
_NETWORK_WORDS = {NetworkTier.IN_NETWORK: N_("in network"),
                  NetworkTier.OUT_OF_NETWORK: N_("out of network")}
_STATUS_TEXT = {CoverageStatus.ACTIVE: N_("active"), CoverageStatus.INACTIVE: N_("inactive"),
                CoverageStatus.EXPIRED: N_("expired"), CoverageStatus.SUSPENDED: N_("suspended"),
                CoverageStatus.NOT_FOUND: N_("not found")}


def _word(table: dict[Any, str], value: Any) -> Msg:
    """A lower-cased enum value inside a sentence, translated where the catalogue has it."""
    return Msg("eligibility.word", table.get(value, value.value.replace("_", " ").lower()))


def coverage_differences(db: PolicySnapshot, dha: EligibilityResult) -> tuple[Alert, ...]:
    """Scenario D: COVERAGE_CHANGED followed by its sub-alerts, or () when the policy on file
    agrees with DHA on provider, coverage %, copay (and network tier). A difference below the
    thresholds still counts as a change (COVERAGE_CHANGED without a sub-alert). Only values
    known on both sides are compared."""
    subs: list[Alert] = []
    differs = False
    dha_provider = dha.provider or dha.payer_name
    if dha_provider and db.provider_name and not _same_text(db.provider_name, dha_provider):
        differs = True
        subs.append(_alert(AlertCode.PROVIDER_CHANGED, Severity.WARNING,
                           M("provider_changed", "DHA lists the insurer as {dha}; the policy on "
                             "file says {file}.", dha=dha_provider, file=db.provider_name)))
    db_cov, dha_cov = db.coverage_pct, dha.effective_coverage_pct
    if db_cov is not None and dha_cov is not None and db_cov != dha_cov:
        differs = True
        if db_cov - dha_cov > COVERAGE_REDUCED_POINTS:
            subs.append(_alert(AlertCode.COVERAGE_REDUCED, Severity.WARNING,
                               M("coverage_reduced", "Coverage fell from {old} to {new}; the "
                                 "patient pays more.", old=_fmt_pct(db_cov),
                                 new=_fmt_pct(dha_cov))))
    if (db.copay_amount is not None and dha.copay_amount is not None
            and Decimal(db.copay_amount) != Decimal(dha.copay_amount)):
        differs = True
        if Decimal(dha.copay_amount) - Decimal(db.copay_amount) > COPAY_INCREASED_AED:
            # _aed, not Money: the English has always shown these without thousands commas.
            subs.append(_alert(AlertCode.COPAY_INCREASED, Severity.WARNING,
                               M("copay_increased", "The fixed copay rose from {old} to {new}.",
                                 old=_aed(db.copay_amount), new=_aed(dha.copay_amount))))
    if (db.network_tier is not None and dha.network is not None
            and db.network_tier != dha.network):
        differs = True
        subs.append(_alert(AlertCode.NETWORK_CHANGED, Severity.WARNING,
                           M("network_changed", "DHA lists this clinic as {dha} for the policy; "
                             "the policy on file says {file}.",
                             dha=_word(_NETWORK_WORDS, dha.network),
                             file=_word(_NETWORK_WORDS, db.network_tier))))
    if not differs:
        return ()
    head = _alert(AlertCode.COVERAGE_CHANGED, Severity.WARNING,
                  M("coverage_changed", "DHA reports different coverage terms from the policy on "
                    "file; the policy was updated from DHA. Accept the change, or reject it to "
                    "restore the old terms."),
                  (AlertAction.ACCEPT_COVERAGE_CHANGE, AlertAction.REJECT_COVERAGE_CHANGE))
    return (head, *subs)


def merged_terms(db: PolicySnapshot, dha: EligibilityResult) -> CoverageTerms:
    """The policy's terms after a sync from DHA: DHA's value where it gave one, else the file's."""
    old, new = db.terms(), dha.terms()
    values = {f.name: getattr(new, f.name) if getattr(new, f.name) is not None
              else getattr(old, f.name) for f in dataclasses.fields(CoverageTerms)}
    return CoverageTerms(**values)


def _eid_alert(has_eid: bool) -> Alert:
    actions = (AlertAction.VERIFY_EID, AlertAction.USE_DB_DATA, AlertAction.UPDATE_INSURANCE)
    if has_eid:
        return _alert(AlertCode.EID_VERIFICATION_NEEDED, Severity.INFO,
                      M("found_without_eid", "The patient was found by name or MRN, not by "
                        "Emirates ID. Scan the card to confirm it is the same person before "
                        "relying on this insurance."), actions)
    return _alert(AlertCode.EID_VERIFICATION_NEEDED, Severity.WARNING,
                  M("no_eid", "No Emirates ID is on file, so DHA cannot confirm this insurance. "
                    "Scan or type the patient's Emirates ID."), actions)


def cross_verify(
    db_policy: PolicySnapshot | None,
    dha: EligibilityResult | None,
    *,
    selected_by_eid: bool,
    has_eid: bool,
    today: dt.date,
    dha_configured: bool = True,
) -> CrossVerification:
    """Seed 004 §3 steps 3–4. ``dha`` is None when DHA was not asked or did not answer:
    with an EID and DHA configured that means DHA was unavailable (cached fallback)."""
    eid_alerts: tuple[Alert, ...] = ()
    if not selected_by_eid or not has_eid:
        eid_alerts = (_eid_alert(has_eid),)
    needs_eid = bool(eid_alerts)

    if dha is None:
        unavailable = dha_configured and has_eid
        source = DataSource.CACHED_DB if dha_configured else DataSource.NOT_CONFIGURED
        alerts: list[Alert] = []
        if unavailable:
            alerts.append(_alert(
                AlertCode.DHA_VERIFICATION_UNAVAILABLE, Severity.WARNING,
                M("dha_unreachable", "DHA eClaimLink could not be reached; the insurance shown "
                  "is the data on file and is not verified in real time."), (AlertAction.RETRY,)))
        if db_policy is None:
            status = CoverageStatus.NOT_FOUND
            eligible = False
        else:
            eligible = db_policy.covers(today)
            if db_policy.is_expired(today):
                status = CoverageStatus.EXPIRED
                alerts.append(_alert(
                    AlertCode.POLICY_EXPIRED, Severity.WARNING,
                    M("policy_expired", "The policy on file expired on {day}. Check whether it "
                      "was renewed, or treat the visit as self-pay.",
                      day=f"{db_policy.expiry_date:%d/%m/%Y}"),
                    (AlertAction.UPDATE_INSURANCE, AlertAction.TREAT_AS_SELFPAY)))
            elif eligible:
                status = CoverageStatus.ACTIVE
            else:
                status = CoverageStatus.INACTIVE
        return CrossVerification(
            eligible=eligible, status=status, data_source=source,
            alerts=tuple(alerts) + eid_alerts, requires_eid_verification=needs_eid,
            dha_unavailable=unavailable, policy=db_policy,
            previous_coverage=None if db_policy is None else db_policy.terms())

    if db_policy is None:
        return CrossVerification(
            eligible=dha.eligible, status=dha.status, data_source=dha.data_source,
            alerts=eid_alerts, requires_eid_verification=needs_eid,
            insurance_found_on_dha=dha.eligible, dha=dha)

    previous = db_policy.terms()
    if not dha.eligible:  # Scenario A
        mismatch = _alert(
            AlertCode.MISMATCH_DB_VS_DHA, Severity.ERROR,
            M("mismatch", "DHA reports this member as {status}, but a {payer} policy ({number}) "
              "is on file. Use the data on file, treat the visit as self-pay, or update the "
              "insurance.", status=_word(_STATUS_TEXT, dha.status),
              payer=db_policy.provider_name, number=db_policy.policy_number),
            (AlertAction.USE_DB_DATA, AlertAction.TREAT_AS_SELFPAY,
             AlertAction.UPDATE_INSURANCE))
        return CrossVerification(
            eligible=False, status=dha.status, data_source=dha.data_source,
            alerts=(mismatch, *eid_alerts), has_mismatch=True,
            requires_eid_verification=needs_eid, previous_coverage=previous,
            policy=db_policy, dha=dha)

    alerts = []
    renewed = db_policy.is_expired(today)
    if renewed:  # Scenario B
        expired = f"{db_policy.expiry_date:%d/%m/%Y}"
        alerts.append(_alert(
            AlertCode.POLICY_RENEWED, Severity.INFO,
            M("renewed_until", "The policy on file had expired on {day}; DHA shows it renewed "
              "until {until}. The policy was updated from DHA.", day=expired,
              until=f"{dha.end_date:%d/%m/%Y}") if dha.end_date else
            M("renewed", "The policy on file had expired on {day}; DHA shows it renewed. The "
              "policy was updated from DHA.", day=expired)))
    changes = coverage_differences(db_policy, dha)  # Scenario D
    alerts.extend(changes)
    sync = merged_terms(db_policy, dha) if (renewed or changes) else None
    if sync is not None and sync == previous:
        sync = None
    return CrossVerification(
        eligible=True, status=dha.status, data_source=dha.data_source,
        alerts=tuple(alerts) + eid_alerts, policy_was_renewed=renewed,
        coverage_changed=bool(changes), requires_eid_verification=needs_eid,
        previous_coverage=previous if (renewed or changes) else None,
        sync_terms=sync, policy=db_policy, dha=dha)
