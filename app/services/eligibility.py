"""Insurance eligibility at the desk and in the background (seed 004 §2 step 3, §3 steps 3–4,
§7 checkpoints 1, 2, 4, 5, §9).

Every public call follows the same three steps, so no database transaction is ever open while
DHA is being asked (up to 30 s):

1. read   — a short unit of work loads the patient and the policy on file as plain values;
2. ask    — the DHA gateway is called with no unit of work open (``_ask_dha`` refuses to run
            inside one);
3. write  — a short unit of work applies what :func:`app.domain.eligibility.cross_verify`
            decided (auto-sync, insurance added from DHA, appointment eligibility) with its
            insurance-audit rows.

Each result carries its data source (DHA_LIVE / DHA_SANDBOX / MOCK_DATA / CACHED_DB /
NOT_CONFIGURED) for the copay quote's banner.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from app.db.models import Appointment, Hospital, InsuranceAudit, InsurancePayer, Patient
from app.db.models import PatientInsurance as Ins
from app.domain.eid import normalize_eid
from app.domain.eligibility import (
    Alert,
    AlertAction,
    AlertCode,
    CoverageTerms,
    CrossVerification,
    EligibilityResult,
    PolicySnapshot,
    Severity,
    cross_verify,
)
from app.domain.enums import (
    AppointmentStatus,
    AuditAction,
    DataSource,
    EligibilityStatus,
    NetworkTier,
    VerificationSource,
    VerificationStatus,
)
from app.domain.errors import Conflict, IntegrationError, NotFound, ValidationError
from app.domain.messages import N_, messages
from app.domain.roles import Permission
from app.domain.text import NOTE_MAX, REASON_MAX, clean_text
from app.integrations.ports import EligibilityGateway
from app.services.changes import Changes
from app.services.clock import Clock, local_today, system_clock
from app.services.context import Actor
from app.services.insurance import insert_primary_policy, primary_policy, snapshot
from app.services.message_text import MsgText
from app.services.unit_of_work import UnitOfWork, UowFactory, jsonable

M = messages(__name__)

log = logging.getLogger(__name__)

GatewayProvider = Callable[[int], EligibilityGateway]
"""hospital id -> the gateway for that hospital's DHA settings (built once, reused)."""

REFRESHABLE = (AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED)

MIRROR_KEY = "ON_FILE"
"""Scenario key of the MOCK sandbox members that mirror the policies on file."""

SOURCE_BANNERS: dict[DataSource, tuple[str, str]] = {
    # seed 004 GAP 5: colour, message (English; the UI shows it with tr(message))
    DataSource.DHA_LIVE: ("green", N_("Verified via DHA eClaimLink")),
    DataSource.DHA_SANDBOX: ("blue", N_("Test environment")),
    DataSource.CACHED_DB: ("yellow", N_("Not real-time verified")),
    DataSource.MOCK_DATA: ("red", N_("SIMULATED")),
    DataSource.NOT_CONFIGURED: ("red", N_("Manual verification required")),
}


# -- values returned to the screens ------------------------------------------------------------


@dataclass(frozen=True)
class PatientSummary:
    id: int
    mrn: str
    full_name: str
    emirates_id: str | None
    date_of_birth: dt.date | None
    phone: str | None


@dataclass(frozen=True)
class EligibilityCheck:
    """The outcome of one lookup or verification, as plain values."""

    patient: PatientSummary | None
    policy: PolicySnapshot | None  # the policy on file after any sync or creation
    verification: CrossVerification
    alerts: tuple[Alert, ...]
    checked_at: dt.datetime
    dha_message: str
    dha_error: str | None = None
    insurance_created_id: int | None = None
    synced: bool = False
    changes: Changes = Changes()

    @property
    def eligible(self) -> bool:
        return self.verification.eligible

    @property
    def data_source(self) -> DataSource:
        return self.verification.data_source

    @property
    def simulated(self) -> bool:
        return self.verification.simulated

    @property
    def banner(self) -> tuple[str, str]:
        return SOURCE_BANNERS[self.data_source]

    @property
    def alert_codes(self) -> tuple[AlertCode, ...]:
        return tuple(a.code for a in self.alerts)


@dataclass(frozen=True)
class PolicyChange:
    """What a manual verify / reject / reset or a coverage decision left on file."""

    policy: PolicySnapshot
    action: AuditAction
    changes: Changes


@dataclass(frozen=True)
class MismatchResolution:
    choice: AlertAction
    action: AuditAction
    data_source: DataSource
    policy: PolicySnapshot | None
    appointment_id: int | None
    changes: Changes


@dataclass(frozen=True)
class RefreshReport:
    day: dt.date
    appointments: int = 0
    patients: int = 0
    dha_calls: int = 0
    eligible: int = 0
    not_eligible: int = 0
    unavailable: int = 0
    synced: int = 0
    data_source: DataSource = DataSource.NOT_CONFIGURED
    errors: tuple[str, ...] = ()
    seconds: float = 0.0


# -- the gateway provider used by the app ------------------------------------------------------


class DhaGatewayProvider:
    """Builds each hospital's gateway from its settings (hospitals.settings: dha_mode,
    dha_endpoint, dha_timeout_seconds) and its keyring credentials, once; rebuilds it only when
    those change. Thread-safe; ``close()`` at exit."""

    def __init__(self, uow: UowFactory, *, load_credentials: Callable[[str], Any],
                 factory: Callable[..., EligibilityGateway],
                 credential_ttl: float = 60.0, mirror_ttl: float = 10.0,
                 clock: Clock = system_clock) -> None:
        # Which adapters (keyring credentials, zeep gateway or sandbox) is the composition
        # root's choice: app/bootstrap.py make_dha_provider passes them in.
        self._uow = uow
        self._load = load_credentials
        self._factory = factory
        self._ttl = credential_ttl
        self._lock = threading.Lock()
        self._built: dict[int, tuple[tuple[Any, ...], EligibilityGateway]] = {}
        self._creds: dict[str, tuple[float, Any]] = {}
        self._mirror_ttl = mirror_ttl
        self._clock = clock
        self._mirror_lock = threading.Lock()
        self._mirrored: dict[int, tuple[int, float]] = {}  # hospital -> (id(gateway), when)

    def _credentials(self, code: str) -> Any:
        cached = self._creds.get(code)
        if cached and time.monotonic() - cached[0] < self._ttl:
            return cached[1]
        creds = self._load(code)
        self._creds[code] = (time.monotonic(), creds)
        return creds

    def __call__(self, hospital_id: int) -> EligibilityGateway:
        with self._uow() as uow:
            hospital = uow.session.get(Hospital, hospital_id)
            if hospital is None:
                raise NotFound(M("workstation_hospital_no_longer",
                                 "This workstation's hospital no longer exists."))
            code, settings = hospital.code, dict(hospital.settings or {})
        mode = str(settings.get("dha_mode") or "NOT_CONFIGURED")
        endpoint = str(settings.get("dha_endpoint") or "")
        timeout = float(settings.get("dha_timeout_seconds") or 30)
        with self._lock:
            creds = self._credentials(code) if mode in ("LIVE", "SANDBOX") else None
            key = (mode, endpoint, timeout, creds)
            built = self._built.get(hospital_id)
            if built and built[0] == key:
                gateway = built[1]
            else:
                if built:
                    built[1].close()
                gateway = self._factory(mode, creds, endpoint, timeout)
                self._built[hospital_id] = (key, gateway)
        self._mirror_policies(hospital_id, gateway)
        return gateway

    def _mirror_policies(self, hospital_id: int, gateway: EligibilityGateway) -> None:
        """MOCK mode only: make the built-in sandbox know the hospital's insured patients.

        The sandbox answers NOT_FOUND for any Emirates ID that is not one of its scenario
        members, so every ordinary demo patient would show a false MISMATCH_DB_VS_DHA. Here
        each active primary policy of a patient with an Emirates ID (scenario EIDs excepted:
        they keep their scenario) becomes a sandbox member answering exactly what is on file.
        One query, repeated at most every ``mirror_ttl`` seconds so patients and policies
        added meanwhile are known too (and the relative dates never go stale)."""
        sandbox = getattr(gateway, "sandbox", None)
        if getattr(gateway, "mode", None) != "MOCK" or not hasattr(sandbox, "set_members"):
            return
        with self._mirror_lock:
            done = self._mirrored.get(hospital_id)
            if (done and done[0] == id(gateway)
                    and time.monotonic() - done[1] < self._mirror_ttl):
                return
            members = self._policies_on_file(hospital_id)
            sandbox.set_members(MIRROR_KEY, members)
            self._mirrored[hospital_id] = (id(gateway), time.monotonic())

    def _policies_on_file(self, hospital_id: int) -> list[Any]:
        from app.integrations.dha.scenarios import BY_EID, SandboxPayer, Scenario

        stmt = (sa.select(Hospital.timezone, Patient.emirates_id, Ins, InsurancePayer)
                .select_from(Patient)
                .join(Hospital, Hospital.id == Patient.hospital_id)
                .join(Ins, sa.and_(Ins.patient_id == Patient.id, Ins.is_active, Ins.is_primary))
                .join(InsurancePayer, InsurancePayer.id == Ins.payer_id)
                .where(Patient.hospital_id == hospital_id, Patient.emirates_id.is_not(None),
                       Patient.emirates_id.not_in(list(BY_EID)))
                .order_by(Patient.emirates_id, Patient.is_active.desc(), Ins.priority, Ins.id)
                .ext(distinct_on(Patient.emirates_id)))  # one row per Emirates ID
        members: list[Scenario] = []
        with self._uow() as uow:
            for tz, eid, ins, payer in uow.session.execute(stmt):
                today = local_today(self._clock, tz)
                start = ins.effective_date or today - dt.timedelta(days=365)
                end = ins.expiry_date or today + dt.timedelta(days=3650)
                expired = end < today
                copay_pct = ins.copay_pct
                members.append(Scenario(
                    key=MIRROR_KEY, eid=eid,
                    description="Mirrors the policy on file (MOCK mode demo patient).",
                    result="No" if expired else "Yes", status="E" if expired else "A",
                    payer=SandboxPayer(payer.dha_payer_id or payer.code, payer.code,
                                       payer.name),
                    provider=ins.provider_name, member_id=ins.member_id,
                    policy_number=ins.policy_number,
                    coverage_pct=None if copay_pct is None else Decimal(100) - copay_pct,
                    copay_pct=copay_pct, copay_amount=ins.copay_amount,
                    network=NetworkTier(ins.network_tier).value if ins.network_tier else None,
                    start_days=(start - today).days, end_days=(end - today).days,
                    denial_code="ELIG-001" if expired else None))
        return members

    def policies_changed(self, hospital_id: int) -> None:
        """A policy was added at this workstation: MOCK mode mirrors the policies on file again
        on the next check, so the new one is known at once (not after ``mirror_ttl``)."""
        with self._mirror_lock:
            self._mirrored.pop(hospital_id, None)

    def invalidate(self, hospital_id: int | None = None) -> None:
        """Forget cached credentials (after the settings screen saved new ones)."""
        with self._lock:
            self._creds.clear()
            if hospital_id is not None and hospital_id in self._built:
                self._built.pop(hospital_id)[1].close()
        with self._mirror_lock:
            self._mirrored.clear()

    def close(self) -> None:
        with self._lock:
            for _key, gateway in self._built.values():
                gateway.close()
            self._built.clear()
        with self._mirror_lock:
            self._mirrored.clear()


# -- helpers ---------------------------------------------------------------------------------


def dha_simulated(dha: EligibilityResult) -> bool:
    """True for an answer of the built-in simulator (MOCK mode), not of DHA itself."""
    return bool(dha.simulated) or dha.data_source is DataSource.MOCK_DATA


def source_of(dha: EligibilityResult) -> VerificationSource:
    """The verification source a DHA answer is stored with: a simulated answer is never
    stored as a real DHA verification (issue 11)."""
    return VerificationSource.SIMULATED if dha_simulated(dha) else VerificationSource.DHA_ECLAIM


def _patient_summary(p: Patient) -> PatientSummary:
    return PatientSummary(p.id, p.mrn, p.full_name, p.emirates_id, p.date_of_birth, p.phone)


def _terms_from_json(data: dict[str, Any] | None) -> CoverageTerms:
    data = data or {}

    def dec(k: str) -> Decimal | None:
        return None if data.get(k) is None else Decimal(str(data[k]))

    def day(k: str) -> dt.date | None:
        return None if not data.get(k) else dt.date.fromisoformat(str(data[k]))

    net = data.get("network_tier")
    return CoverageTerms(
        provider_name=data.get("provider_name"), policy_number=data.get("policy_number"),
        member_id=data.get("member_id"), coverage_pct=dec("coverage_pct"),
        copay_pct=dec("copay_pct"), copay_amount=dec("copay_amount"),
        network_tier=NetworkTier(net) if net else None,
        effective_date=day("effective_date"), expiry_date=day("expiry_date"))


def _apply_terms(ins: Ins, terms: CoverageTerms, *, restore: bool = False) -> None:
    """Write ``terms`` into the policy. With ``restore`` a None clears a nullable column;
    otherwise None means "DHA did not say" and the value on file stays."""
    def put(attr: str, value: Any, nullable: bool = True) -> None:
        if value is not None or (restore and nullable):
            setattr(ins, attr, value)

    put("provider_name", terms.provider_name, nullable=False)
    put("policy_number", terms.policy_number, nullable=False)
    put("member_id", terms.member_id)
    put("copay_pct", terms.copay_pct)
    put("copay_amount", terms.copay_amount)
    put("network_tier", terms.network_tier, nullable=False)
    start = terms.effective_date or ins.effective_date
    end = terms.expiry_date if (terms.expiry_date is not None or restore) else ins.expiry_date
    if end is None or start is None or end >= start:  # never break dates_ordered
        if start is not None:
            ins.effective_date = start
        ins.expiry_date = end


def _details(v: CrossVerification, *, checked_at: dt.datetime, policy: PolicySnapshot | None,
             dha_error: str | None) -> dict[str, Any]:
    """appointments.eligibility_details: what the copay quote and the queue read."""
    dha = v.dha
    terms = (dha.terms() if dha is not None and dha.eligible else
             policy.terms() if policy is not None else None)
    return jsonable({
        "data_source": v.data_source.value,
        "status": v.status.value,
        "eligible": v.eligible,
        "simulated": v.simulated,
        "checked_at": checked_at,
        "alerts": [a.to_dict() for a in v.alerts],
        "insurance_id": policy.insurance_id if policy else None,
        "payer_id": dha.payer_id if dha else (policy.dha_payer_id if policy else None),
        "payer_name": dha.payer_name if dha else None,
        "dha_reference": dha.payer_reference if dha else None,
        "terms": terms.to_dict() if terms else None,
        "dha_error": dha_error,
    })


_APPT_STATUS = {True: EligibilityStatus.APPROVED, False: EligibilityStatus.REJECTED}


@dataclass
class _Outcome:
    """What the write step did: the policy now on file, extra alerts, what changed."""

    policy: PolicySnapshot | None
    alerts: tuple[Alert, ...] = ()
    created_id: int | None = None
    synced: bool = False
    changes: Changes = Changes()


class EligibilityService:
    """Eligibility lookups, cross-verification with DHA, and the manual verification actions."""

    def __init__(self, uow: UowFactory, gateway_provider: GatewayProvider,
                 clock: Clock = system_clock, *, max_workers: int = 4) -> None:
        self._uow_factory = uow
        self._gateways = gateway_provider
        self._clock = clock
        self._max_workers = max_workers
        self._open = threading.local()

    # -- transactions and the network, kept apart ------------------------------------------------

    @contextlib.contextmanager
    def _tx(self, actor: Actor) -> Iterator[UnitOfWork]:
        self._open.depth = getattr(self._open, "depth", 0) + 1
        try:
            with self._uow_factory(actor) as uow:
                yield uow
        finally:
            self._open.depth -= 1

    def _ask_dha(self, gateway: EligibilityGateway, eid: str, day: dt.date,
                 payer_id: str | None, member_id: str | None
                 ) -> tuple[EligibilityResult | None, str | None]:
        if getattr(self._open, "depth", 0):
            raise RuntimeError("DHA must not be called inside a database transaction")
        try:
            return gateway.check_eligibility(eid, day, payer_id, member_id=member_id), None
        except IntegrationError as exc:
            simulated = gateway.data_source is not DataSource.DHA_LIVE  # sandbox scenarios
            log.log(logging.INFO if simulated else logging.WARNING,
                    "DHA eligibility check failed: %s", exc.message)
            return None, exc.message

    def _read(self, actor: Actor, *, patient_id: int | None = None, eid: str | None = None
              ) -> tuple[str, PatientSummary | None, PolicySnapshot | None]:
        """Hospital timezone, patient and primary active policy: one statement."""
        if patient_id is not None:
            which = Patient.id == patient_id
        else:
            which = sa.and_(Patient.emirates_id == eid, Patient.is_active)
        stmt = (sa.select(Hospital.timezone, Patient, Ins, InsurancePayer)
                .select_from(Hospital)
                .outerjoin(Patient, sa.and_(Patient.hospital_id == Hospital.id, which))
                .outerjoin(Ins, sa.and_(Ins.patient_id == Patient.id, Ins.is_active,
                                        Ins.is_primary))
                .outerjoin(InsurancePayer, InsurancePayer.id == Ins.payer_id)
                .where(Hospital.id == actor.hospital_id)
                .order_by(Ins.priority, Ins.id).limit(1))
        with self._tx(actor) as uow:
            row = uow.session.execute(stmt).first()
            if row is None:
                raise NotFound(M("workstation_hospital_no_longer",
                                 "This workstation's hospital no longer exists."))
            tz, patient, ins, payer = row
            if patient is None and patient_id is not None:
                raise NotFound(M("patient_not_registered_hospital",
                                 "That patient is not registered at this hospital."))
            return (tz, None if patient is None else _patient_summary(patient),
                    None if ins is None else snapshot(ins, payer))

    # -- the desk ------------------------------------------------------------------------------

    def lookup_by_eid(self, actor: Actor, eid_text: str, *,
                      appointment_id: int | None = None) -> EligibilityCheck:
        """Scan/enter an Emirates ID: the patient (or None: quick registration), the policy on
        file, and DHA's answer cross-verified against it (seed 004 §2 step 3)."""
        actor.require(Permission.VERIFY_ELIGIBILITY)
        eid = normalize_eid(eid_text)
        tz, patient, policy = self._read(actor, eid=eid)
        return self._verify(actor, tz, patient, policy, eid, selected_by_eid=True,
                            appointment_id=appointment_id)

    def verify_patient(self, actor: Actor, patient_id: int, *, selected_by_eid: bool,
                       appointment_id: int | None = None,
                       picked_by_name: bool | None = None) -> EligibilityCheck:
        """Cross-verify the policy on file of a patient picked from a list (seed 004 §3).

        ``selected_by_eid``: the card was read for this check (an EID_VERIFIED audit is
        written). ``picked_by_name`` (default: not ``selected_by_eid``): the desk chose the
        patient by name or MRN. The scenario C reminder ("Emirates ID not verified") is shown
        only then, and not when the Emirates ID was verified earlier the same hospital day;
        a patient opened from the day's appointment list passes ``picked_by_name=False``.
        Without an Emirates ID on file the desk is always asked for one."""
        actor.require(Permission.VERIFY_ELIGIBILITY)
        tz, patient, policy = self._read(actor, patient_id=patient_id)
        assert patient is not None
        if picked_by_name is None:
            picked_by_name = not selected_by_eid
        confirmed = (selected_by_eid or not picked_by_name
                     or self._eid_verified_today(actor, tz, patient))
        return self._verify(actor, tz, patient, policy, patient.emirates_id,
                            selected_by_eid=selected_by_eid, appointment_id=appointment_id,
                            eid_confirmed=confirmed)

    def _eid_verified_today(self, actor: Actor, tz: str, patient: PatientSummary) -> bool:
        """True when this patient's Emirates ID on file was verified (card read) today."""
        if not patient.emirates_id:
            return False
        start = dt.datetime.combine(local_today(self._clock, tz), dt.time(0), ZoneInfo(tz))
        stmt = sa.select(sa.exists().where(
            InsuranceAudit.hospital_id == actor.hospital_id,
            InsuranceAudit.patient_id == patient.id,
            InsuranceAudit.action == AuditAction.EID_VERIFIED,
            InsuranceAudit.performed_at >= start,
            InsuranceAudit.new_data["emirates_id"].astext == patient.emirates_id))
        with self._tx(actor) as uow:
            return bool(uow.session.scalar(stmt))

    def _verify(self, actor: Actor, tz: str, patient: PatientSummary | None,
                policy: PolicySnapshot | None, eid: str | None, *, selected_by_eid: bool,
                appointment_id: int | None, eid_confirmed: bool | None = None
                ) -> EligibilityCheck:
        today = local_today(self._clock, tz)
        gateway = self._gateways(actor.hospital_id)
        dha, error = None, None
        if gateway.configured and eid:
            dha, error = self._ask_dha(gateway, eid, today,
                                       policy.dha_payer_id if policy else None,
                                       policy.member_id if policy else None)
        confirmed = selected_by_eid if eid_confirmed is None else eid_confirmed
        verification = cross_verify(policy, dha, selected_by_eid=confirmed,
                                    has_eid=bool(eid), today=today,
                                    dha_configured=gateway.configured)
        with self._tx(actor) as uow:
            outcome = self._write_verification(uow, actor, patient, verification, eid=eid,
                                               error=error, selected_by_eid=selected_by_eid,
                                               appointment_id=appointment_id, audit=True,
                                               today=today)
            uow.commit()
        return EligibilityCheck(
            patient=patient, policy=outcome.policy, verification=verification,
            alerts=verification.alerts + outcome.alerts, checked_at=self._clock(),
            dha_message=gateway.message, dha_error=error,
            insurance_created_id=outcome.created_id, synced=outcome.synced,
            changes=outcome.changes)

    def _write_verification(self, uow: UnitOfWork, actor: Actor,
                            patient: PatientSummary | None, v: CrossVerification, *,
                            eid: str | None, error: str | None, selected_by_eid: bool,
                            appointment_id: int | None, audit: bool, today: dt.date) -> _Outcome:
        s = uow.session
        if appointment_id is not None:
            # Lock order: the visit before any audit/activity row, whose chain trigger takes
            # the hospital's chain lock until commit. A check-in locks the visit and then
            # writes its activity row; verifying in the other order deadlocked with it.
            s.get(Appointment, appointment_id, with_for_update=True)
        now = self._clock()
        pid = patient.id if patient else None
        out = _Outcome(policy=v.policy)
        dha = v.dha
        # The policy row too is locked before the first audit/activity row (lock order,
        # app/db/lock_order.py).
        syncing = dha is not None and v.policy is not None and not v.has_mismatch
        found = primary_policy(s, v.policy.patient_id, lock=True) if syncing else None
        if audit and dha is not None:
            uow.activity(actor, "DHA_ELIGIBILITY_CHECKED", "patient", pid, {
                "status": dha.status, "data_source": dha.data_source,
                "alerts": [a.code for a in v.alerts], "request_id": dha.request_id})
        if audit and v.dha_unavailable:
            uow.audit(actor, AuditAction.DHA_UNAVAILABLE_USE_CACHE, patient_id=pid,
                      appointment_id=appointment_id,
                      previous=None if v.policy is None else v.policy.to_dict(),
                      new={"data_source": v.data_source, "eligible": v.eligible,
                           "status": v.status},
                      reason=error)

        if syncing:
            if found is not None and found[0].id == v.policy.insurance_id:
                ins, payer = found
                if v.sync_terms is not None:
                    _apply_terms(ins, v.sync_terms)
                    out.synced = True
                ins.verification_status = VerificationStatus.VERIFIED
                ins.verification_source = source_of(dha)
                ins.verified_at = now
                ins.verified_by = actor.user_id
                s.flush()
                out.policy = snapshot(ins, payer)
                out.changes = out.changes | Changes.of(patient_insurances={ins.id})
                if audit or out.synced:
                    reason = ("Policy renewed: terms synced from DHA" if v.policy_was_renewed
                              else "Coverage changed: terms synced from DHA" if out.synced
                              else None)
                    uow.audit(actor, AuditAction.DHA_VERIFIED, patient_id=pid,
                              appointment_id=appointment_id,
                              previous={"insurance_id": ins.id,
                                        **(v.previous_coverage or v.policy.terms()).to_dict()},
                              new={"insurance_id": ins.id, "auto_sync": out.synced,
                                   "policy_was_renewed": v.policy_was_renewed,
                                   "coverage_changed": v.coverage_changed,
                                   "alerts": [a.code for a in v.alerts],
                                   **(v.sync_terms or v.policy.terms()).to_dict()},
                              dha_response=dha.to_dict(), reason=reason)
        elif dha is not None and v.insurance_found_on_dha and patient is not None:
            created, alert = self._create_from_dha(uow, actor, patient, dha, today)
            out.alerts = (alert,)
            if created is not None:
                out.policy, out.created_id = created, created.insurance_id
                out.changes = Changes.of(patient_insurances={created.insurance_id})
        elif audit and dha is not None and not v.has_mismatch and dha.eligible:
            uow.audit(actor, AuditAction.DHA_VERIFIED, patient_id=pid,
                      appointment_id=appointment_id, new={"eligible": True, "policy": None},
                      dha_response=dha.to_dict())

        if audit and dha is not None and selected_by_eid and patient is not None:
            uow.audit(actor, AuditAction.EID_VERIFIED, patient_id=pid,
                      appointment_id=appointment_id,
                      new={"emirates_id": eid, "verification_source": source_of(dha),
                           "dha_status": dha.status, "simulated": dha_simulated(dha)})

        if appointment_id is not None:
            self._store_on_appointment(s, actor, appointment_id, pid, v, out.policy, error, now)
            out.changes = out.changes | Changes.of(appointments={appointment_id})
        return out

    def _store_on_appointment(self, s: Session, actor: Actor, appointment_id: int,
                              patient_id: int | None, v: CrossVerification,
                              policy: PolicySnapshot | None, error: str | None,
                              now: dt.datetime) -> None:
        appt = s.get(Appointment, appointment_id)  # locked first by _write_verification
        if appt is None or appt.hospital_id != actor.hospital_id or (
                patient_id is not None and appt.patient_id != patient_id):
            raise NotFound(M("appointment_not_patient_hospital",
                             "That appointment is not this patient's at this hospital."))
        appt.eligibility_status = _APPT_STATUS[v.eligible]
        appt.eligibility_details = _details(v, checked_at=now, policy=policy, dha_error=error)
        appt.eligibility_checked_at = now

    def _create_from_dha(self, uow: UnitOfWork, actor: Actor, patient: PatientSummary,
                         dha: EligibilityResult, today: dt.date
                         ) -> tuple[PolicySnapshot | None, Alert]:
        """DHA eligible, nothing on file: add the policy (source DHA_ECLAIM, VERIFIED) if the
        payer is set up here; otherwise add nothing and say so."""
        s = uow.session
        if primary_policy(s, patient.id) is not None:  # added meanwhile elsewhere
            return None, Alert(AlertCode.INSURANCE_ADDED_FROM_DHA, Severity.INFO,
                               MsgText(M("policy_added_meanwhile", "A policy was added on "
                                         "another workstation meanwhile; verify again to "
                                         "compare it with DHA.")))
        key = (dha.payer_id or "").strip()
        payer = None
        if key:
            payer = s.scalars(
                sa.select(InsurancePayer).where(
                    InsurancePayer.hospital_id == actor.hospital_id, InsurancePayer.is_active,
                    sa.or_(InsurancePayer.dha_payer_id == key,
                           sa.func.upper(InsurancePayer.code) == key.upper()))
                .order_by((InsurancePayer.dha_payer_id == key).desc(), InsurancePayer.id)
                .limit(1)).one_or_none()
        label = dha.payer_name or dha.provider or key or M("unnamed_payer", "an unnamed payer")
        if payer is None:
            return None, Alert(
                AlertCode.DHA_PAYER_UNKNOWN, Severity.WARNING,
                MsgText(M("dha_payer_unknown", "DHA shows cover with {payer} (payer id {key}), "
                          "but no payer with that DHA id or code is set up at this hospital, "
                          "so no insurance was added. Add the payer, then add the insurance.",
                          payer=label, key=key or M("not_given", "not given"))),
                (AlertAction.UPDATE_INSURANCE, AlertAction.TREAT_AS_SELFPAY))
        terms = dha.terms()
        start = terms.effective_date or today
        end = terms.expiry_date if terms.expiry_date is None or terms.expiry_date >= start \
            else None
        created = insert_primary_policy(
            uow, actor, payer, patient.id, action=AuditAction.DHA_VERIFIED,
            activity="INSURANCE_ADDED_FROM_DHA", audit_new={"created_from_dha": True},
            dha_response=dha.to_dict(), reason="Insurance added from DHA eClaimLink",
            provider_name=terms.provider_name or payer.name,
            policy_number=terms.policy_number or terms.member_id or
            (f"DHA-{dha.payer_reference}" if dha.payer_reference else "DHA"),
            member_id=terms.member_id, copay_pct=terms.copay_pct,
            copay_amount=terms.copay_amount,
            network_tier=terms.network_tier or NetworkTier.IN_NETWORK,
            effective_date=start, expiry_date=end,
            verification_status=VerificationStatus.VERIFIED,
            verification_source=source_of(dha), verified_at=self._clock(),
            verified_by=actor.user_id)
        return created, Alert(AlertCode.INSURANCE_ADDED_FROM_DHA, Severity.INFO,
                              MsgText(M("dha_cover_added", "{payer} cover found on DHA was "
                                        "added to the patient's file.", payer=payer.name)))

    # -- decisions on alerts ---------------------------------------------------------------------

    def resolve_mismatch(self, actor: Actor, patient_id: int, choice: AlertAction | str, *,
                         dha: EligibilityResult | None = None, appointment_id: int | None = None,
                         reason: str | None = None) -> MismatchResolution:
        """Scenario A: the desk chose to use the data on file, treat the visit as self-pay, or
        update the insurance from DHA's answer (``dha``, from the check the alert came with)."""
        actor.require(Permission.VERIFY_ELIGIBILITY)
        reason = clean_text(reason, "The reason", REASON_MAX)
        try:
            choice = AlertAction(choice)
        except ValueError:
            raise ValidationError(M("unknown_choice", "Unknown choice {choice}.",
                                    choice=repr(choice))) from None
        actions = {AlertAction.USE_DB_DATA: AuditAction.DHA_MISMATCH_USE_DB,
                   AlertAction.TREAT_AS_SELFPAY: AuditAction.DHA_MISMATCH_SELFPAY,
                   AlertAction.UPDATE_INSURANCE: AuditAction.DHA_MISMATCH_UPDATE}
        if choice not in actions:
            raise ValidationError(M("choose_use_data_file",
                                    "Choose: use the data on file, treat as self-pay, or update "
                                    "the insurance."))
        if choice is AlertAction.UPDATE_INSURANCE and dha is None:
            raise ValidationError(M("updating_insurance_needs_dha",
                                    "Updating the insurance needs DHA's answer; verify again."))
        action = actions[choice]
        now = self._clock()
        with self._tx(actor) as uow:
            s = uow.session
            patient = s.get(Patient, patient_id)
            if patient is None or patient.hospital_id != actor.hospital_id:
                raise NotFound(M("patient_not_registered_hospital",
                                 "That patient is not registered at this hospital."))
            found = primary_policy(s, patient_id, lock=True)
            appt = None
            if appointment_id is not None:  # locked before the audit row (lock order)
                appt = s.get(Appointment, appointment_id, with_for_update=True)
                if (appt is None or appt.hospital_id != actor.hospital_id
                        or appt.patient_id != patient_id):
                    raise NotFound(M("appointment_not_patient_hospital",
                                     "That appointment is not this patient's at this hospital."))
            before = snapshot(*found) if found else None
            after = before
            changes = Changes.of(patients={patient_id})
            source = DataSource.CACHED_DB
            if choice is AlertAction.UPDATE_INSURANCE and found is not None and dha is not None:
                ins, payer = found
                source = dha.data_source
                _apply_terms(ins, dha.terms())
                ins.verification_source = source_of(dha)
                ins.verified_at, ins.verified_by = now, actor.user_id
                if dha.eligible:
                    ins.verification_status = VerificationStatus.VERIFIED
                else:  # DHA says no cover: the policy stops counting for copay quotes
                    ins.verification_status = VerificationStatus.REJECTED
                    ins.is_active = False
                s.flush()
                after = snapshot(ins, payer)
                changes = changes | Changes.of(patient_insurances={ins.id})
            uow.audit(actor, action, patient_id=patient_id, appointment_id=appointment_id,
                      previous=None if before is None else before.to_dict(),
                      new={"choice": choice, "policy": None if after is None else after.to_dict(),
                           "dha_status": None if dha is None else dha.status},
                      dha_response=None if dha is None else dha.to_dict(), reason=reason)
            if appt is not None:
                use_db = choice is AlertAction.USE_DB_DATA
                appt.eligibility_status = _APPT_STATUS[use_db]
                if choice is AlertAction.TREAT_AS_SELFPAY:
                    appt.self_pay = True
                appt.eligibility_details = jsonable({
                    **(appt.eligibility_details or {}), "data_source": source.value,
                    "eligible": use_db, "resolution": choice.value, "checked_at": now})
                appt.eligibility_checked_at = now
                changes = changes | Changes.of(appointments={appointment_id})
            uow.commit()
        return MismatchResolution(choice, action, source, after, appointment_id, changes)

    def _last_sync(self, s: Session, actor: Actor, insurance_id: int) -> InsuranceAudit:
        rows = s.scalars(
            sa.select(InsuranceAudit).where(
                InsuranceAudit.hospital_id == actor.hospital_id,
                InsuranceAudit.action.in_([AuditAction.DHA_VERIFIED,
                                           AuditAction.COVERAGE_CHANGE_ACCEPTED,
                                           AuditAction.COVERAGE_CHANGE_REJECTED]),
                InsuranceAudit.new_data["insurance_id"].as_string() == str(insurance_id))
            .order_by(InsuranceAudit.performed_at.desc(), InsuranceAudit.id.desc())
            .limit(20)).all()
        for row in rows:
            if row.action in (AuditAction.COVERAGE_CHANGE_ACCEPTED,
                              AuditAction.COVERAGE_CHANGE_REJECTED):
                raise Conflict(M("coverage_change_already", "This coverage change was already "
                                 "{decision}.", decision=M("accepted", "accepted")
                                 if row.action.endswith("ACCEPTED")
                                 else M("rejected", "rejected")))
            if (row.new_data or {}).get("auto_sync"):
                return row
        raise NotFound(M("no_coverage_change_dha",
                         "No coverage change from DHA is waiting for this policy."))

    def _policy_for_update(self, s: Session, actor: Actor, insurance_id: int
                           ) -> tuple[Ins, InsurancePayer]:
        ins = s.get(Ins, insurance_id, with_for_update=True)
        if ins is None or ins.hospital_id != actor.hospital_id:
            raise NotFound(M("insurance_policy_not_file",
                             "That insurance policy is not on file at this hospital."))
        payer = s.get(InsurancePayer, ins.payer_id)
        return ins, payer  # type: ignore[return-value]

    def accept_coverage_change(self, actor: Actor, insurance_id: int, *,
                               reason: str | None = None) -> PolicyChange:
        """Scenario B/D: keep the terms synced from DHA (COVERAGE_CHANGE_ACCEPTED)."""
        actor.require(Permission.VERIFY_ELIGIBILITY)
        reason = clean_text(reason, "The reason", REASON_MAX)
        with self._tx(actor) as uow:
            s = uow.session
            ins, payer = self._policy_for_update(s, actor, insurance_id)
            sync = self._last_sync(s, actor, insurance_id)
            uow.audit(actor, AuditAction.COVERAGE_CHANGE_ACCEPTED, patient_id=ins.patient_id,
                      previous=sync.previous_data,
                      new={**(sync.new_data or {}), "insurance_id": ins.id,
                           "auto_sync": False, "sync_audit_id": sync.id},
                      reason=reason)
            uow.commit()
            return PolicyChange(snapshot(ins, payer), AuditAction.COVERAGE_CHANGE_ACCEPTED,
                                Changes.of(patient_insurances={ins.id}))

    def reject_coverage_change(self, actor: Actor, insurance_id: int, reason: str
                               ) -> PolicyChange:
        """Restore the terms the policy had before DHA's sync; the policy goes back to PENDING
        so an administrator verifies it manually (COVERAGE_CHANGE_REJECTED)."""
        actor.require(Permission.VERIFY_ELIGIBILITY)
        reason = clean_text(reason, "The reason", REASON_MAX)
        if not reason:
            raise ValidationError(M("say_why_coverage_change",
                                    "Say why the coverage change from DHA is rejected."))
        with self._tx(actor) as uow:
            s = uow.session
            ins, payer = self._policy_for_update(s, actor, insurance_id)
            sync = self._last_sync(s, actor, insurance_id)
            before = snapshot(ins, payer)
            _apply_terms(ins, _terms_from_json(sync.previous_data), restore=True)
            ins.verification_status = VerificationStatus.PENDING
            ins.verification_source = VerificationSource.MANUAL
            ins.verified_at, ins.verified_by = None, None
            s.flush()
            after = snapshot(ins, payer)
            uow.audit(actor, AuditAction.COVERAGE_CHANGE_REJECTED, patient_id=ins.patient_id,
                      previous=before.to_dict(),
                      new={**after.to_dict(), "auto_sync": False, "sync_audit_id": sync.id},
                      reason=reason)
            uow.commit()
            return PolicyChange(after, AuditAction.COVERAGE_CHANGE_REJECTED,
                                Changes.of(patient_insurances={ins.id}))

    # -- manual verification (administrators) ---------------------------------------------------

    def _manual(self, actor: Actor, insurance_id: int, action: AuditAction,
                status: VerificationStatus, source: VerificationSource | None,
                reason: str | None) -> PolicyChange:
        actor.require(Permission.MANUAL_VERIFY_INSURANCE)
        now = self._clock()
        with self._tx(actor) as uow:
            s = uow.session
            ins, payer = self._policy_for_update(s, actor, insurance_id)
            before = {"verification_status": ins.verification_status,
                      "verification_source": ins.verification_source,
                      "verified_at": ins.verified_at, "verified_by": ins.verified_by}
            ins.verification_status = status
            ins.verification_source = source
            verified = status is not VerificationStatus.PENDING
            ins.verified_at = now if verified else None
            ins.verified_by = actor.user_id if verified else None
            s.flush()
            uow.audit(actor, action, patient_id=ins.patient_id,
                      previous={"insurance_id": ins.id, **before},
                      new={"insurance_id": ins.id, "verification_status": status,
                           "verification_source": source, "verified_at": ins.verified_at,
                           "verified_by": ins.verified_by},
                      reason=reason)
            uow.commit()
            return PolicyChange(snapshot(ins, payer), action,
                                Changes.of(patient_insurances={ins.id}))

    def manual_verify(self, actor: Actor, insurance_id: int, notes: str) -> PolicyChange:
        notes = clean_text(notes, "The verification notes", NOTE_MAX, multiline=True)
        if not notes:
            raise ValidationError(M("say_how_insurance_verified",
                                    "Say how the insurance was verified (who confirmed it, "
                                    "reference number)."))
        return self._manual(actor, insurance_id, AuditAction.MANUAL_VERIFY,
                            VerificationStatus.VERIFIED, VerificationSource.MANUAL, notes)

    def manual_reject(self, actor: Actor, insurance_id: int, reason: str) -> PolicyChange:
        reason = clean_text(reason, "The reason", REASON_MAX)
        if not reason:
            raise ValidationError(M("give_reason_insurance_rejected",
                                    "Give the reason the insurance is rejected."))
        return self._manual(actor, insurance_id, AuditAction.MANUAL_REJECT,
                            VerificationStatus.REJECTED, VerificationSource.MANUAL, reason)

    def reset_verification(self, actor: Actor, insurance_id: int) -> PolicyChange:
        return self._manual(actor, insurance_id, AuditAction.MANUAL_RESET,
                            VerificationStatus.PENDING, None, None)

    # -- the background refresh ----------------------------------------------------------------

    def refresh_appointments(self, actor: Actor, day: dt.date) -> RefreshReport:
        """Re-verify the insured, not yet checked-in appointments of ``day`` and store
        eligibility_status / eligibility_details / eligibility_checked_at on each.

        Read (one short transaction) -> ask DHA for each patient once, with no transaction
        open, a few at a time -> write each patient's result in its own short transaction.
        """
        # The background job calls this as the system actor; a person may ask for it too,
        # but only a role that verifies eligibility (not a nurse or a doctor: a whole day of
        # DHA calls is a front-desk decision).
        actor.require(Permission.VERIFY_ELIGIBILITY)
        started = time.perf_counter()
        with self._tx(actor) as uow:
            s = uow.session
            rows = s.execute(
                sa.select(Appointment.id, Patient, Ins, InsurancePayer)
                .join(Patient, Patient.id == Appointment.patient_id)
                .join(Ins, sa.and_(Ins.patient_id == Patient.id, Ins.is_active, Ins.is_primary))
                .join(InsurancePayer, InsurancePayer.id == Ins.payer_id)
                .where(Appointment.hospital_id == actor.hospital_id,
                       Appointment.appointment_date == day,
                       Appointment.status.in_(REFRESHABLE))
                .order_by(Appointment.id)).all()
            by_patient: dict[int, tuple[PatientSummary, PolicySnapshot, list[int]]] = {}
            for appt_id, patient, ins, payer in rows:
                entry = by_patient.setdefault(
                    patient.id, (_patient_summary(patient), snapshot(ins, payer), []))
                entry[2].append(appt_id)
        gateway = self._gateways(actor.hospital_id)
        report = RefreshReport(day=day, appointments=len(rows), patients=len(by_patient),
                               data_source=gateway.data_source if gateway.configured
                               else DataSource.NOT_CONFIGURED)
        answers: dict[int, tuple[EligibilityResult | None, str | None]] = {}
        asked = [(pid, p, pol) for pid, (p, pol, _a) in by_patient.items() if p.emirates_id]
        if gateway.configured and asked:
            with ThreadPoolExecutor(max_workers=max(1, self._max_workers),
                                    thread_name_prefix="dha-refresh") as pool:
                futures = {pid: pool.submit(self._ask_dha, gateway, p.emirates_id or "", day,
                                            pol.dha_payer_id, pol.member_id)
                           for pid, p, pol in asked}
                answers = {pid: fut.result() for pid, fut in futures.items()}
        counts = {"eligible": 0, "not_eligible": 0, "unavailable": 0, "synced": 0}
        errors: list[str] = []
        for pid, (patient, policy, appt_ids) in by_patient.items():
            dha, error = answers.get(pid, (None, None))
            v = cross_verify(policy, dha, selected_by_eid=True, has_eid=bool(patient.emirates_id),
                             today=day, dha_configured=gateway.configured)
            try:
                with self._tx(actor) as uow:
                    for appt_id in sorted(appt_ids):  # the visits first: see _write_verification
                        uow.session.get(Appointment, appt_id, with_for_update=True)
                    out = self._write_verification(
                        uow, actor, patient, v, eid=patient.emirates_id, error=error,
                        selected_by_eid=False, appointment_id=None, audit=False, today=day)
                    now = self._clock()
                    for appt_id in appt_ids:
                        appt = uow.session.get(Appointment, appt_id)  # locked above
                        if appt is None or appt.status not in REFRESHABLE:
                            continue  # checked in meanwhile: the desk's own check stands
                        appt.eligibility_status = _APPT_STATUS[v.eligible]
                        appt.eligibility_details = _details(v, checked_at=now, policy=out.policy,
                                                            dha_error=error)
                        appt.eligibility_checked_at = now
                    uow.commit()
            except Exception as exc:  # one bad row must not stop the others
                log.exception("eligibility refresh failed for patient %s", pid)
                errors.append(f"patient {pid}: {type(exc).__name__}: {exc}")
                continue
            counts["synced"] += int(out.synced)
            if v.dha_unavailable:
                counts["unavailable"] += 1
            counts["eligible" if v.eligible else "not_eligible"] += 1
        return dataclasses.replace(report, dha_calls=len(answers), errors=tuple(errors),
                                   seconds=time.perf_counter() - started, **counts)


__all__ = [
    "SOURCE_BANNERS", "DhaGatewayProvider", "EligibilityCheck", "EligibilityService",
    "GatewayProvider", "MismatchResolution", "PatientSummary", "PolicyChange", "RefreshReport",
    "snapshot",
]
