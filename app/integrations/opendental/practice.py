"""A generated dental practice in OpenDental's shape, for the sandbox, the demo and benchmarks.

``make_practice(seed, patients=..., appointments=..., claims=..., days_back=..., days_ahead=...,
today=..., clock=...)`` is deterministic for a seed and a clock reading (today's appointments
before "now" are complete, the later ones scheduled; pass ``clock`` to pin it): UAE-style names and phone numbers, made-up
insurers in the style of the local market (no real company's data), plans with benefits
(co-insurance per category, deductible, annual maximum in AED), subscribers and patient plans
(some expired, some secondary), appointments over weeks in two clinics and six operatories,
procedures with AED fees, claims in every ClaimStatus (U, H, W, S, R, I) with their claimprocs,
and claim payments (checks) for received claims. Everything it holds is SIMULATED.

OpenDental has no "rejected" status: a denial arrives as a Received claim paying 0 with the
reason in ``ReasonUnderPaid``; the practice makes some of those so the sync can map them.

It scales to 50,000 appointments / 20,000 claims in well under a minute and ~150 MB: rows are
the frozen, slotted wire dataclasses, kept in dicts in primary-key order. :class:`Practice`
also holds the mutations the sandbox performs (create an appointment or a claim, update a
claim or claimproc) with OpenDental's known quirks (see the methods), and what the insurer
does (``receive_payment``, ``deny_claim``), each stamping DateTStamp/SecDateTEdit with the
practice clock. Code that edits a table directly calls ``touch()`` afterwards.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.money import q
from app.integrations.opendental.wire import (
    Appointment,
    AptStatus,
    Benefit,
    Carrier,
    Claim,
    ClaimPayment,
    ClaimProc,
    ClaimStatus,
    InsPlan,
    InsSub,
    Patient,
    PatPlan,
    ProcedureLog,
    WireRecord,
)

TIMEZONE = "Asia/Dubai"

FIRST_NAMES_M = ["Mohammed", "Ahmed", "Omar", "Khalid", "Saeed", "Rashid", "Hamdan", "Yousef",
                 "Ali", "Faisal", "Arjun", "Rahul", "Joseph", "Imran", "Tariq", "Hassan",
                 "Majid", "Sultan", "Bilal", "Karim"]
FIRST_NAMES_F = ["Fatima", "Aisha", "Mariam", "Noura", "Hessa", "Latifa", "Sara", "Reem",
                 "Layla", "Amna", "Priya", "Anjali", "Maria", "Huda", "Shamma", "Mahra",
                 "Dana", "Salma", "Yasmin", "Zainab"]
LAST_NAMES = ["Al Mansoori", "Al Nuaimi", "Al Shamsi", "Al Mazrouei", "Al Ketbi", "Al Dhaheri",
              "Al Hashimi", "Al Suwaidi", "Al Marri", "Al Falasi", "Al Zaabi", "Khan", "Nair",
              "Menon", "Fernandes", "Haddad", "Saleh", "Qureshi", "Rahman", "Kapoor",
              "Al Blooshi", "Al Qasimi", "Al Tayer", "Al Hammadi"]
# Made-up insurers in the style of the UAE market; none is a real company.
CARRIERS = [
    ("Damana National Health (SIMULATED)", "Abu Dhabi", "DNH01"),
    ("Axion Gulf Insurance (SIMULATED)", "Dubai", "AXG02"),
    ("Neuronet TPA (SIMULATED)", "Dubai", "NRN03"),
    ("Oasis Takaful Health (SIMULATED)", "Sharjah", "OTH04"),
    ("Falcon Emirates Assurance (SIMULATED)", "Dubai", "FEA05"),
    ("Sahel Medical Benefits (SIMULATED)", "Abu Dhabi", "SMB06"),
]
PLAN_TIERS = [("Basic", 60), ("Enhanced", 80), ("Gold", 90)]
# (CodeNum, code, description, fee AED, coverage category)
PROCEDURE_CODES = [
    (1, "D0120", "Periodic oral evaluation", "150.00", "Diagnostic"),
    (2, "D0150", "Comprehensive oral evaluation", "300.00", "Diagnostic"),
    (3, "D0220", "Periapical radiograph, first image", "80.00", "DiagnosticXRay"),
    (4, "D0274", "Bitewings, four images", "180.00", "DiagnosticXRay"),
    (5, "D1110", "Prophylaxis, adult", "350.00", "RoutinePreventive"),
    (6, "D2330", "Resin composite, one surface, anterior", "450.00", "Restorative"),
    (7, "D2391", "Resin composite, one surface, posterior", "500.00", "Restorative"),
    (8, "D2740", "Crown, porcelain/ceramic", "2500.00", "Crowns"),
    (9, "D3310", "Endodontic therapy, anterior tooth", "1800.00", "Endodontics"),
    (10, "D4341", "Periodontal scaling and root planing, per quadrant", "700.00",
     "Periodontics"),
    (11, "D7140", "Extraction, erupted tooth", "400.00", "OralSurgery"),
    (12, "D9110", "Palliative treatment of dental pain", "250.00", "Adjunctive"),
]
COV_CATS = {"General": 1, "Diagnostic": 2, "DiagnosticXRay": 3, "RoutinePreventive": 4,
            "Restorative": 5, "Crowns": 6, "Endodontics": 7, "Periodontics": 8,
            "OralSurgery": 9, "Adjunctive": 10}
_CATEGORY_OF_CODE = {code: COV_CATS[cat] for code, _c, _d, _f, cat in PROCEDURE_CODES}
PROVIDERS = [(1, "DrSam"), (2, "DrFat"), (3, "DrRaj"), (4, "DrLay"), (5, "HygNo")]
DENIAL_REASONS = ["Service not covered under the member's plan.",
                  "Prior authorisation number missing.",
                  "Member not eligible on date of service.",
                  "Frequency limit exceeded for this procedure."]


@dataclass
class Practice:
    """The practice's tables (primary key -> row, ascending) and its mutations."""

    today: dt.date
    timezone: str = TIMEZONE
    clinic_nums: tuple[int, ...] = (1, 2)
    patients: dict[int, Patient] = field(default_factory=dict)
    carriers: dict[int, Carrier] = field(default_factory=dict)
    insplans: dict[int, InsPlan] = field(default_factory=dict)
    inssubs: dict[int, InsSub] = field(default_factory=dict)
    patplans: dict[int, PatPlan] = field(default_factory=dict)
    benefits: dict[int, Benefit] = field(default_factory=dict)
    appointments: dict[int, Appointment] = field(default_factory=dict)
    procedures: dict[int, ProcedureLog] = field(default_factory=dict)
    claims: dict[int, Claim] = field(default_factory=dict)
    claimprocs: dict[int, ClaimProc] = field(default_factory=dict)
    claimpayments: dict[int, ClaimPayment] = field(default_factory=dict)
    clock: Callable[[], dt.datetime] | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)
    version: int = 0  # bumped by every mutation (the sandbox caches filtered lists per version)

    def now(self) -> dt.datetime:
        """The office's wall clock, naive, to the second (what serverDateTime shows)."""
        if self.clock is not None:
            return self.clock().replace(microsecond=0)
        return dt.datetime.now(ZoneInfo(self.timezone)).replace(tzinfo=None, microsecond=0)

    def table(self, name: str) -> dict[int, Any]:
        return getattr(self, name)

    def _next(self, table: dict[int, Any]) -> int:
        return (next(reversed(table)) + 1) if table else 1

    def _store(self, table: dict[int, Any], record: WireRecord) -> None:
        table[record.key] = record
        self.version += 1

    # ---- mutations the sandbox performs for writes

    def add_appointment(self, values: dict[str, Any]) -> Appointment:
        """POST /appointments: PatNum must exist; Op and AptDateTime are required."""
        with self.lock:
            if values.get("pat_num") not in self.patients:
                raise LookupError("Patient not found.")
            now = self.now()
            base = dict(pattern="//XXXX//", confirmed=0, note="", prov_num=1,
                        prov_abbr=dict(PROVIDERS)[1], prov_hyg=0, is_new_patient=False,
                        proc_descript="", clinic_num=self.clinic_nums[0], is_hygiene=False,
                        date_time_arrived=None, date_time_seated=None,
                        date_time_dismissed=None, ins_plan1=0, ins_plan2=0,
                        appointment_type_num=0, priority="Normal",
                        apt_status=AptStatus.SCHEDULED)
            base.update(values)
            record = Appointment(apt_num=self._next(self.appointments), date_t_stamp=now,
                                 sec_date_t_entry=now, **base)
            self._store(self.appointments, record)
            return record

    def edit_appointment(self, apt_num: int, **changes: Any) -> Appointment:
        with self.lock:
            record = dataclasses.replace(self.appointments[apt_num], date_t_stamp=self.now(),
                                         **changes)
            self._store(self.appointments, record)
            return record

    def create_claim(self, proc_nums: list[int], claim_type: str,
                     values: dict[str, Any]) -> Claim:
        """POST /claims. Like OpenDental: the procedures must be complete, of one patient, and
        not already on a claim; the claim is created Unsent whatever ClaimStatus says."""
        with self.lock:
            if not proc_nums:
                raise ValueError("procNums is required.")
            procs = []
            for num in proc_nums:
                proc = self.procedures.get(num)
                if proc is None:
                    raise LookupError(f"ProcNum {num} not found.")
                if proc.proc_status != "C":
                    raise ValueError(f"ProcNum {num} is not complete.")
                procs.append(proc)
            if len({p.pat_num for p in procs}) != 1:
                raise ValueError("All procedures must belong to the same patient.")
            on_claim = {cp.proc_num for cp in self.claimprocs.values() if cp.claim_num}
            taken = [p.proc_num for p in procs if p.proc_num in on_claim]
            if taken:
                raise ValueError(f"ProcNum {taken[0]} is already attached to a claim.")
            pat_num = procs[0].pat_num
            sub = self.primary_sub(pat_num, procs[0].proc_date or self.today)
            if sub is None:
                raise ValueError("Patient does not have insurance.")
            values.pop("claim_status", None)  # OpenDental ignores it on POST (forum t=8636)
            fee = sum((p.proc_fee or Decimal(0) for p in procs), Decimal(0))
            now = self.now()
            claim = Claim(
                claim_num=self._next(self.claims), pat_num=pat_num,
                claim_status=ClaimStatus.UNSENT, claim_type=claim_type,
                date_service=max(p.proc_date or self.today for p in procs), date_sent=None,
                date_received=None, plan_num=sub.plan_num, ins_sub_num=sub.ins_sub_num,
                plan_num2=0, ins_sub_num2=0, prov_treat=procs[0].prov_num,
                clinic_num=procs[0].clinic_num, claim_fee=q(fee),
                ins_pay_est=self._estimate(sub.plan_num, procs), ins_pay_amt=q("0"),
                ded_applied=q("0"), write_off=q("0"), reason_under_paid="",
                claim_note="", prior_authorization_number="", is_ortho=False, pat_relat="Self",
                sec_date_t_edit=now)
            claim = dataclasses.replace(claim, **{k: v for k, v in values.items()
                                                  if k != "claim_num"})
            self._store(self.claims, claim)
            for proc in procs:
                self._store(self.claimprocs, self._claimproc(claim, proc, sub, now))
            return claim

    def update_claim(self, claim_num: int, values: dict[str, Any]) -> Claim:
        with self.lock:
            claim = self.claims.get(claim_num)
            if claim is None:
                raise LookupError("Claim not found.")
            values = {k: v for k, v in values.items() if k not in ("claim_num", "pat_num")}
            updated = dataclasses.replace(claim, sec_date_t_edit=self.now(), **values)
            self._store(self.claims, updated)
            return updated

    def update_claimproc(self, claim_proc_num: int, values: dict[str, Any]) -> ClaimProc:
        """PUT /claimprocs/{n} with OpenDental's documented quirks: DateCP is accepted and
        ignored (200, nothing changes); InsPayAmt is frozen once a claim payment is
        attached (apis.md §1.2)."""
        with self.lock:
            proc = self.claimprocs.get(claim_proc_num)
            if proc is None:
                raise LookupError("ClaimProc not found.")
            values = {k: v for k, v in values.items()
                      if k not in ("claim_proc_num", "date_cp", "claim_num", "proc_num")}
            if proc.claim_payment_num:
                values.pop("ins_pay_amt", None)
            updated = dataclasses.replace(proc, sec_date_t_edit=self.now(), **values)
            self._store(self.claimprocs, updated)
            return updated

    # ---- what the insurer does (tests and the demo play the payer with these)

    def receive_payment(self, claim_num: int, paid: Decimal | None = None, *,
                        check_num: str | None = None) -> ClaimPayment:
        """The insurer pays a claim, in OpenDental's order (apis.md §1.5): each claimproc
        Received with its InsPayAmt (the estimate, or ``paid`` spread over them), the claim
        Received (R), then one check whose CheckAmt is their sum."""
        with self.lock:
            claim = self.claims.get(claim_num)
            if claim is None:
                raise LookupError("Claim not found.")
            rows = [cp for cp in self.claimprocs.values()
                    if cp.claim_num == claim_num and not cp.claim_payment_num]
            if not rows:
                raise ValueError(f"Claim {claim_num} has nothing left to pay.")
            estimate = sum((cp.ins_pay_est or Decimal(0) for cp in rows), Decimal(0))
            amounts = [cp.ins_pay_est or Decimal(0) for cp in rows]
            if paid is not None:  # spread ``paid`` in proportion, the last row takes the rest
                share = [q(paid * a / estimate) if estimate else q(0)
                         for a in amounts[:-1]]
                amounts = share + [q(paid) - sum(share, Decimal(0))]
            now = self.now()
            payment = ClaimPayment(
                claim_payment_num=self._next(self.claimpayments), check_date=self.today,
                check_amt=q(sum(amounts, Decimal(0))),
                check_num=check_num or f"EFT{claim_num:06d}",
                bank_branch="Emirates NBD (SIMULATED)", note="SIMULATED remittance",
                clinic_num=claim.clinic_num, deposit_num=0,
                carrier_name=self._carrier_name(claim.plan_num), date_issued=self.today,
                is_partial=False, pay_type=71, pay_type_text="EFT", pay_group=0,
                sec_date_t_edit=now)
            for cp, amount in zip(rows, amounts, strict=True):
                self._store(self.claimprocs, dataclasses.replace(
                    cp, status="Received", ins_pay_amt=q(amount), date_cp=self.today,
                    claim_payment_num=payment.claim_payment_num, sec_date_t_edit=now))
            self._store(self.claims, dataclasses.replace(
                claim, claim_status=ClaimStatus.RECEIVED, date_received=self.today,
                ins_pay_amt=payment.check_amt, sec_date_t_edit=now))
            self._store(self.claimpayments, payment)
            return payment

    def deny_claim(self, claim_num: int, reason: str) -> Claim:
        """The insurer denies a claim: Received, paying 0, the reason in ReasonUnderPaid."""
        with self.lock:
            claim = self.claims.get(claim_num)
            if claim is None:
                raise LookupError("Claim not found.")
            now = self.now()
            for cp in [c for c in self.claimprocs.values() if c.claim_num == claim_num]:
                self._store(self.claimprocs, dataclasses.replace(
                    cp, status="Received", ins_pay_amt=q(0), date_cp=self.today,
                    claim_adj_reason_codes="CO-96", sec_date_t_edit=now))
            denied = dataclasses.replace(
                claim, claim_status=ClaimStatus.RECEIVED, date_received=self.today,
                ins_pay_amt=q(0), reason_under_paid=reason, sec_date_t_edit=now)
            self._store(self.claims, denied)
            return denied

    def touch(self) -> None:
        """Call after changing a table directly (not through a method) so the sandbox's
        cached filtered lists are rebuilt."""
        with self.lock:
            self.version += 1

    def _carrier_name(self, plan_num: int) -> str:
        plan = self.insplans.get(plan_num)
        carrier = self.carriers.get(plan.carrier_num) if plan else None
        return carrier.carrier_name if carrier else ""

    # ---- helpers shared by generation and mutations

    def primary_sub(self, pat_num: int, day: dt.date,
                    index: dict[int, list[PatPlan]] | None = None) -> InsSub | None:
        """The first of the patient's plans (by Ordinal) that covers ``day``."""
        rows = (index.get(pat_num, []) if index is not None
                else [pp for pp in self.patplans.values() if pp.pat_num == pat_num])
        plans = sorted(rows, key=lambda pp: pp.ordinal)
        for pp in plans:
            sub = self.inssubs.get(pp.ins_sub_num)
            if sub is not None and sub.covers(day):
                return sub
        return None

    def _estimate(self, plan_num: int, procs: Iterable[ProcedureLog]) -> Decimal:
        """Insurance estimate: fee x the plan's co-insurance % for the code's category."""
        percents = {b.cov_cat_num: b.percent for b in self.benefits.values()
                    if b.plan_num == plan_num and b.benefit_type == "CoInsurance"}
        total = Decimal(0)
        for proc in procs:
            pct = percents.get(_CATEGORY_OF_CODE.get(proc.code_num, 1)) or 0
            total += (proc.proc_fee or Decimal(0)) * pct / 100
        return q(total)

    def _claimproc(self, claim: Claim, proc: ProcedureLog, sub: InsSub,
                   now: dt.datetime) -> ClaimProc:
        est = self._estimate(sub.plan_num, [proc])
        return ClaimProc(
            claim_proc_num=self._next(self.claimprocs), proc_num=proc.proc_num,
            claim_num=claim.claim_num, pat_num=proc.pat_num, prov_num=proc.prov_num,
            status="NotReceived", fee_billed=proc.proc_fee, ins_pay_est=est,
            ded_applied=q("0"), ins_pay_amt=q("0"), write_off=q("0"),
            remarks="", claim_payment_num=0, plan_num=sub.plan_num,
            ins_sub_num=sub.ins_sub_num, date_cp=None, proc_date=proc.proc_date,
            code_sent=proc.proc_code, clinic_num=proc.clinic_num, claim_adj_reason_codes="",
            sec_date_t_edit=now)

    def counts(self) -> dict[str, int]:
        return {name: len(self.table(name)) for name in TABLES}


TABLES = ("patients", "carriers", "insplans", "inssubs", "patplans", "benefits",
          "appointments", "procedures", "claims", "claimprocs", "claimpayments")


def make_practice(seed: int = 7, *, patients: int = 300, appointments: int = 2000,
                  claims: int = 500, days_back: int = 28, days_ahead: int = 14,
                  today: dt.date | None = None, clinic_nums: tuple[int, ...] = (1, 2),
                  timezone: str = TIMEZONE,
                  clock: Callable[[], dt.datetime] | None = None) -> Practice:
    """A deterministic practice for (seed, clock reading). ``claims`` is capped by the
    completed, insured appointments there are."""
    rng = random.Random(seed)
    practice = Practice(today=today or dt.datetime.now(ZoneInfo(timezone)).date(),
                        timezone=timezone, clinic_nums=clinic_nums, clock=clock)
    today = practice.today
    # Everything generated was last edited before "now", so a first incremental read
    # with a watermark of now sees nothing until the sandbox changes something.
    # Every stamp strictly before the first read's serverDateTime (a minute of margin): just
    # after midnight "now" is earlier than 07:00, and rows stamped "now" in the same second
    # as that read would come back from an incremental read that should return nothing.
    stamp_ceiling = min(practice.now() - dt.timedelta(minutes=1),
                        dt.datetime.combine(today, dt.time(7, 0)))
    _make_insurance(practice, rng, stamp_ceiling)
    _make_patients(practice, rng, patients, stamp_ceiling)
    _make_appointments(practice, rng, appointments, days_back, days_ahead, stamp_ceiling)
    _make_claims(practice, rng, claims, stamp_ceiling)
    practice.version = 1
    return practice


def _make_insurance(p: Practice, rng: random.Random, ceiling: dt.datetime) -> None:
    plan_num = benefit_num = 0
    for carrier_num, (name, city, elect) in enumerate(CARRIERS, start=1):
        p.carriers[carrier_num] = Carrier(
            carrier_num=carrier_num, carrier_name=name, address="PO Box " +
            str(rng.randint(1000, 99999)), city=city,
            phone=f"+971 4 {rng.randint(200, 899)} {rng.randint(1000, 9999)}",
            elect_id=elect, sec_date_t_edit=ceiling - dt.timedelta(days=400))
        for tier, restorative in rng.sample(PLAN_TIERS, k=rng.randint(1, 3)):
            plan_num += 1
            p.insplans[plan_num] = InsPlan(
                plan_num=plan_num, carrier_num=carrier_num, group_name=f"{tier} Dental",
                group_num=f"{elect}-{tier[:2].upper()}", plan_type="", month_renew=0,
                fee_sched=0, plan_note="SIMULATED plan", is_medical=False,
                sec_date_t_edit=ceiling - dt.timedelta(days=300))
            percents = {"Diagnostic": 100, "DiagnosticXRay": 100, "RoutinePreventive": 100,
                        "Restorative": restorative, "Endodontics": restorative - 20,
                        "Periodontics": restorative - 20, "OralSurgery": restorative - 10,
                        "Crowns": 50, "Adjunctive": 50}
            for cat, pct in percents.items():
                benefit_num += 1
                p.benefits[benefit_num] = Benefit(
                    benefit_num=benefit_num, plan_num=plan_num, pat_plan_num=0,
                    cov_cat_num=COV_CATS[cat], benefit_type="CoInsurance", percent=pct,
                    monetary_amt=None, time_period="CalendarYear", quantity_qualifier="None",
                    quantity=0, code_num=0, coverage_level="None")
            for btype, amount, level in (("Deductible", rng.choice(["0", "100", "200"]),
                                          "Individual"),
                                         ("Limitations", rng.choice(["3000", "5000", "7500"]),
                                          "Individual")):
                benefit_num += 1
                p.benefits[benefit_num] = Benefit(
                    benefit_num=benefit_num, plan_num=plan_num, pat_plan_num=0,
                    cov_cat_num=COV_CATS["General"], benefit_type=btype, percent=None,
                    monetary_amt=q(amount), time_period="CalendarYear",
                    quantity_qualifier="None", quantity=0, code_num=0, coverage_level=level)


def _make_patients(p: Practice, rng: random.Random, count: int, ceiling: dt.datetime) -> None:
    plan_nums = list(p.insplans)
    sub_num = patplan_num = 0
    for pat_num in range(1, count + 1):
        female = rng.random() < 0.5
        first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
        last = rng.choice(LAST_NAMES)
        birth = p.today - dt.timedelta(days=rng.randint(3 * 365, 85 * 365))
        p.patients[pat_num] = Patient(
            pat_num=pat_num, l_name=last, f_name=first, middle_i="", preferred="",
            pat_status="Patient", gender="Female" if female else "Male", birthdate=birth,
            hm_phone="", wireless_phone=f"+9715{rng.choice('02568')}{rng.randint(1000000, 9999999)}",
            email=f"{first.lower()}.{last.lower().replace(' ', '')}{pat_num}@example.ae",
            chart_number=f"CH{pat_num:06d}", clinic_num=p.clinic_nums[pat_num % len(p.clinic_nums)],
            pri_prov=rng.choice(PROVIDERS)[0],
            date_t_stamp=ceiling - dt.timedelta(days=rng.randint(1, 700)))
        if rng.random() >= 0.78:
            continue  # self-pay
        for ordinal in (1, 2) if rng.random() < 0.12 else (1,):
            sub_num += 1
            effective = p.today - dt.timedelta(days=rng.randint(60, 900))
            roll = rng.random()
            term = (p.today - dt.timedelta(days=rng.randint(1, 50)) if roll < 0.05
                    else p.today + dt.timedelta(days=rng.randint(30, 365)) if roll < 0.5
                    else None)
            p.inssubs[sub_num] = InsSub(
                ins_sub_num=sub_num, plan_num=rng.choice(plan_nums), subscriber=pat_num,
                date_effective=effective, date_term=term,
                subscriber_id=f"MEM{rng.randint(10**7, 10**8 - 1)}", benefit_notes="",
                release_info=True, assign_ben=True, subsc_note="",
                sec_date_t_edit=ceiling - dt.timedelta(days=rng.randint(1, 300)))
            patplan_num += 1
            p.patplans[patplan_num] = PatPlan(
                pat_plan_num=patplan_num, pat_num=pat_num, ordinal=ordinal, is_pending=False,
                relationship="Self", pat_id="", ins_sub_num=sub_num,
                sec_date_t_edit=ceiling - dt.timedelta(days=rng.randint(1, 300)))


def _make_appointments(p: Practice, rng: random.Random, count: int, days_back: int,
                       days_ahead: int, ceiling: dt.datetime) -> None:
    days = days_back + days_ahead + 1
    first_day = p.today - dt.timedelta(days=days_back)
    pat_nums = list(p.patients)
    codes = PROCEDURE_CODES
    proc_num = 0
    now = p.now()
    # Spread evenly over the days, ascending in time, so AptNum order ~ booking order.
    for apt_num in range(1, count + 1):
        day = first_day + dt.timedelta(days=(apt_num - 1) * days // count)
        minute = rng.randrange(9 * 60, 21 * 60, 15)
        when = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
        pat_num = rng.choice(pat_nums)
        slots = rng.choice((4, 6, 6, 8, 12))
        pattern = "/" + "X" * (slots - 2) + "/"
        if when < now:
            roll = rng.random()
            status = (AptStatus.COMPLETE if roll < 0.86 else AptStatus.BROKEN if roll < 0.95
                      else AptStatus.UNSCHED_LIST)
        else:
            status = AptStatus.ASAP if rng.random() < 0.02 else AptStatus.SCHEDULED
        prov_num, prov_abbr = rng.choice(PROVIDERS)
        chosen = rng.sample(codes, k=rng.choice((1, 1, 2, 2, 3)))
        clinic = p.clinic_nums[apt_num % len(p.clinic_nums)]
        done = status is AptStatus.COMPLETE
        stamp = min(ceiling, (when + dt.timedelta(hours=2)) if done
                    else when - dt.timedelta(days=rng.randint(1, 20)))
        p.appointments[apt_num] = Appointment(
            apt_num=apt_num, pat_num=pat_num, apt_status=status, apt_date_time=when,
            pattern=pattern, confirmed=rng.choice((19, 20, 21)), op=rng.randint(1, 6),
            note="", prov_num=prov_num, prov_abbr=prov_abbr, prov_hyg=0,
            is_new_patient=rng.random() < 0.1, proc_descript=", ".join(c[1] for c in chosen),
            clinic_num=clinic, is_hygiene=prov_abbr.startswith("Hyg"), date_t_stamp=stamp,
            date_time_arrived=when - dt.timedelta(minutes=10) if done else None,
            date_time_seated=when if done else None,
            date_time_dismissed=when + dt.timedelta(minutes=slots * 5) if done else None,
            ins_plan1=0, ins_plan2=0, appointment_type_num=0,
            sec_date_t_entry=min(ceiling, when - dt.timedelta(days=rng.randint(1, 30))),
            priority="Normal")
        for code_num, code, descript, fee, _cat in chosen:
            proc_num += 1
            p.procedures[proc_num] = ProcedureLog(
                proc_num=proc_num, pat_num=pat_num, apt_num=apt_num, proc_date=day,
                proc_fee=q(fee), proc_status="C" if done else "TP", code_num=code_num,
                proc_code=code, descript=descript,
                tooth_num=str(rng.randint(1, 32)) if code_num >= 6 else "",
                surf="O" if code_num in (6, 7) else "", prov_num=prov_num, clinic_num=clinic,
                date_t_stamp=stamp)


def _make_claims(p: Practice, rng: random.Random, count: int, ceiling: dt.datetime) -> None:
    by_apt: dict[int, list[ProcedureLog]] = {}
    for proc in p.procedures.values():
        if proc.proc_status == "C":
            by_apt.setdefault(proc.apt_num, []).append(proc)
    index: dict[int, list[PatPlan]] = {}
    for pp in p.patplans.values():
        index.setdefault(pp.pat_num, []).append(pp)
    candidates = []
    for apt in p.appointments.values():
        if apt.apt_status is AptStatus.COMPLETE and apt.apt_num in by_apt:
            sub = p.primary_sub(apt.pat_num, apt.apt_date_time.date(), index)
            if sub is not None:
                candidates.append((apt, sub))
    candidates = candidates[:count] if count < len(candidates) else candidates
    # Oldest claims are furthest along; keep every status present.
    cycle = [ClaimStatus.UNSENT, ClaimStatus.HOLD_UNTIL_PRI_RECEIVED,
             ClaimStatus.WAITING_TO_SEND, ClaimStatus.SENT, ClaimStatus.RECEIVED,
             ClaimStatus.HOLD_FOR_IN_PROCESS]
    pending_checks: dict[int, list[int]] = {}
    total = len(candidates)
    for index, (apt, sub) in enumerate(candidates):
        age = 1 - index / max(1, total)  # 1 = oldest
        if index < len(cycle):
            status = cycle[index]
        elif age > 0.45:
            status = ClaimStatus.RECEIVED if rng.random() < 0.85 else ClaimStatus.SENT
        elif age > 0.15:
            status = rng.choice((ClaimStatus.SENT, ClaimStatus.SENT, ClaimStatus.RECEIVED,
                                 ClaimStatus.WAITING_TO_SEND, ClaimStatus.HOLD_FOR_IN_PROCESS))
        else:
            status = rng.choice((ClaimStatus.UNSENT, ClaimStatus.WAITING_TO_SEND,
                                 ClaimStatus.HOLD_UNTIL_PRI_RECEIVED))
        procs = by_apt[apt.apt_num]
        day = apt.apt_date_time.date()
        stamp = min(ceiling, dt.datetime.combine(day, dt.time(18)) + dt.timedelta(
            days=rng.randint(0, 10)))
        claim_num = len(p.claims) + 1
        fee = q(sum((pr.proc_fee or Decimal(0) for pr in procs), Decimal(0)))
        est = p._estimate(sub.plan_num, procs)
        sent = status in (ClaimStatus.SENT, ClaimStatus.RECEIVED,
                          ClaimStatus.HOLD_FOR_IN_PROCESS)
        received = status is ClaimStatus.RECEIVED
        denied = received and rng.random() < 0.08
        paid = Decimal(0) if denied else est
        claim = Claim(
            claim_num=claim_num, pat_num=apt.pat_num, claim_status=status, claim_type="P",
            date_service=day, date_sent=day + dt.timedelta(days=1) if sent else None,
            date_received=min(p.today, day + dt.timedelta(days=rng.randint(7, 21)))
            if received else None, plan_num=sub.plan_num, ins_sub_num=sub.ins_sub_num,
            plan_num2=0, ins_sub_num2=0, prov_treat=apt.prov_num, clinic_num=apt.clinic_num,
            claim_fee=fee, ins_pay_est=est, ins_pay_amt=paid if received else q("0"),
            ded_applied=q("0"), write_off=q("0"),
            reason_under_paid=rng.choice(DENIAL_REASONS) if denied else "",
            claim_note="", prior_authorization_number="", is_ortho=False, pat_relat="Self",
            sec_date_t_edit=stamp)
        p.claims[claim_num] = claim
        carrier = p.insplans[sub.plan_num].carrier_num
        proc_rows = []
        for proc in procs:
            row = p._claimproc(claim, proc, sub, stamp)
            if received:
                proc_paid = Decimal(0) if denied else p._estimate(sub.plan_num, [proc])
                row = dataclasses.replace(row, status="Received", ins_pay_amt=proc_paid,
                                          date_cp=claim.date_received,
                                          claim_adj_reason_codes="CO-96" if denied else "")
            p.claimprocs[row.claim_proc_num] = row
            proc_rows.append(row.claim_proc_num)
        if received and not denied and rng.random() < 0.9:
            pending_checks.setdefault(carrier, []).extend(proc_rows)
            if len(pending_checks[carrier]) >= rng.randint(2, 12):
                _write_check(p, rng, carrier, pending_checks.pop(carrier), stamp)
    for carrier, rows in pending_checks.items():
        _write_check(p, rng, carrier, rows, ceiling)


def _write_check(p: Practice, rng: random.Random, carrier: int, claimproc_nums: list[int],
                 stamp: dt.datetime) -> None:
    num = len(p.claimpayments) + 1
    amount = q(sum((p.claimprocs[n].ins_pay_amt or Decimal(0) for n in claimproc_nums),
                   Decimal(0)))
    check_date = min(p.today, stamp.date() + dt.timedelta(days=2))
    p.claimpayments[num] = ClaimPayment(
        claim_payment_num=num, check_date=check_date, check_amt=amount,
        check_num=f"EFT{rng.randint(100000, 999999)}", bank_branch="Emirates NBD (SIMULATED)",
        note="SIMULATED remittance", clinic_num=p.clinic_nums[0], deposit_num=0,
        carrier_name=p.carriers[carrier].carrier_name, date_issued=check_date,
        is_partial=False, pay_type=71, pay_type_text="EFT", pay_group=0,
        # Never after the office's clock (before 06:30 "today 06:30" is still to come).
        sec_date_t_edit=min(stamp + dt.timedelta(days=2), dt.datetime.combine(
            p.today, dt.time(6, 30)), p.now() - dt.timedelta(minutes=1)))
    for n in claimproc_nums:
        p.claimprocs[n] = dataclasses.replace(p.claimprocs[n], claim_payment_num=num)
