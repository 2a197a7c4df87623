"""Bulk upserts of OpenDental rows into ClinicDesk's tables: one statement per table per page.

Each function takes the page's unit-of-work session and a list of wire records, and writes
them with a multi-row ``INSERT ... SELECT FROM unnest(arrays) ON CONFLICT`` (one round trip
per table, no per-row statements), keyed by OpenDental's id *per connection*. Updates skip rows
that did not change (``IS DISTINCT FROM``), so ``rows_written`` counts real changes.

- Patients: a PatNum seen for the first time becomes a stub patient (MRN ``OD<conn>-<PatNum>``,
  name filled in when the patient list is read, see :func:`upsert_patients`).
- Appointments: OpenDental's status goes to ``od_apt_status``; the desk's own status is only
  moved while the desk has not taken the visit over (SCHEDULED/CONFIRMED/CANCELLED/NO_SHOW).
- Providers: a ProvNum seen for the first time becomes a doctor in the connection's
  department (``OD<conn>``), created under a transaction-level advisory lock so two pollers
  never create the same one twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.integrations.opendental import wire

# OpenDental AptStatus -> the desk's appointment status for a row the desk has not taken over.
# Planned / PtNote rows are not visits and are not brought in.
DESK_STATUS = {
    wire.AptStatus.SCHEDULED: "SCHEDULED",
    wire.AptStatus.ASAP: "SCHEDULED",
    wire.AptStatus.COMPLETE: "SCHEDULED",  # od_apt_status says Complete; desk states need a token
    wire.AptStatus.BROKEN: "CANCELLED",
    wire.AptStatus.UNSCHED_LIST: "CANCELLED",
}
VISITS = frozenset(DESK_STATUS)


# ----------------------------------------------------------------------------- patients
_INSERT_STUBS = sa.text("""
INSERT INTO patients (hospital_id, mrn, first_name, last_name, gender, od_pat_num,
                      od_connection_id)
SELECT :hid, 'OD' || CAST(:cid AS text) || '-' || n, 'OpenDental', 'patient ' || n, 'OTHER',
       n, :cid
  FROM unnest(CAST(:nums AS bigint[])) AS n
ON CONFLICT DO NOTHING
RETURNING od_pat_num, id
""")
_SELECT_PATIENTS = sa.text(
    "SELECT od_pat_num, id FROM patients WHERE od_connection_id = :cid "
    "AND od_pat_num = ANY(CAST(:nums AS bigint[]))")


def ensure_patients(s: Session, hospital_id: int, connection_id: int,
                    pat_nums: Iterable[int]) -> tuple[dict[int, int], int]:
    """PatNum -> patient id for every PatNum, creating stubs; returns (map, stubs created).

    Index lookups only: the known ones first, then one insert of the rest (ON CONFLICT DO
    NOTHING: another poller may be inserting the same stub; a new statement then sees it)."""
    nums = sorted({n for n in pat_nums if n})
    if not nums:
        return {}, 0
    params = {"cid": connection_id, "hid": hospital_id}
    ids = {int(a): int(b) for a, b in s.execute(_SELECT_PATIENTS, {**params, "nums": nums})}
    missing = [n for n in nums if n not in ids]
    created = 0
    if missing:
        made = {int(a): int(b) for a, b in s.execute(_INSERT_STUBS, {**params,
                                                                      "nums": missing})}
        created = len(made)
        ids.update(made)
        late = [n for n in missing if n not in ids]
        if late:  # inserted by another poller meanwhile
            ids.update((int(a), int(b)) for a, b in s.execute(
                _SELECT_PATIENTS, {**params, "nums": late}))
    return ids, created


_UPDATE_PATIENTS = sa.text("""
UPDATE patients p SET first_name = u.f, last_name = u.l, date_of_birth = u.dob,
       phone = NULLIF(u.phone, ''), email = NULLIF(u.email, ''), updated_at = now()
  FROM unnest(CAST(:nums AS bigint[]), CAST(:f AS text[]), CAST(:l AS text[]),
              CAST(:dob AS date[]), CAST(:phone AS text[]), CAST(:email AS text[]))
       AS u(num, f, l, dob, phone, email)
 WHERE p.od_connection_id = :cid AND p.od_pat_num = u.num
   AND (p.first_name, p.last_name, p.date_of_birth, p.phone, p.email)
       IS DISTINCT FROM (u.f, u.l, u.dob, NULLIF(u.phone, ''), NULLIF(u.email, ''))
""")


def upsert_patients(s: Session, hospital_id: int, connection_id: int,
                    patients: Sequence[wire.Patient]) -> int:
    """Create or fill in the patients of a /patients/Simple page; returns rows changed."""
    if not patients:
        return 0
    _ids, created = ensure_patients(s, hospital_id, connection_id, (p.pat_num for p in patients))
    result = s.execute(_UPDATE_PATIENTS, {
        "cid": connection_id, "nums": [p.pat_num for p in patients],
        "f": [(p.preferred or p.f_name or "OpenDental")[:100] for p in patients],
        "l": [(p.l_name or f"patient {p.pat_num}")[:100] for p in patients],
        "dob": [p.birthdate for p in patients],
        "phone": [(p.wireless_phone or p.hm_phone or "")[:40] for p in patients],
        "email": [(p.email or "")[:200] for p in patients]})
    return max(created, result.rowcount or 0)


# ------------------------------------------------------------------------------ doctors
_SELECT_DOCTORS = sa.text(
    "SELECT od_prov_num, min(id) FROM doctors WHERE hospital_id = :h "
    "AND od_prov_num = ANY(CAST(:n AS bigint[])) GROUP BY od_prov_num")


def ensure_doctors(s: Session, hospital_id: int, connection_id: int,
                   providers: dict[int, str]) -> dict[int, int]:
    """ProvNum -> doctor id, creating the connection's department and missing doctors."""
    wanted = dict(providers) or {0: ""}
    found = dict(s.execute(_SELECT_DOCTORS, {"h": hospital_id, "n": list(wanted)}).all())
    missing = [n for n in wanted if n not in found]
    if not missing:
        return {int(k): int(v) for k, v in found.items()}
    # Serialise creation per hospital: two pollers could both see the ProvNum missing.
    s.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('od-doctors:' || :h))"),
              {"h": str(hospital_id)})
    dept = s.execute(sa.text("""
        INSERT INTO departments (hospital_id, code, name) VALUES (:h, :code, :name)
        ON CONFLICT (hospital_id, code) DO UPDATE SET name = departments.name
        RETURNING id"""), {"h": hospital_id, "code": f"OD{connection_id}"[:20],
                            "name": "Dental (OpenDental)"}).scalar_one()
    # Under the lock, once for all of them: which did another poller create meanwhile?
    found.update(s.execute(_SELECT_DOCTORS, {"h": hospital_id, "n": missing}).all())
    for num in missing:
        if num not in found:
            label = wanted[num] or (f"Provider {num}" if num else "Unassigned provider")
            found[num] = s.execute(sa.text(
                "INSERT INTO doctors (hospital_id, department_id, full_name, od_prov_num) "
                "VALUES (:h, :d, :name, :n) RETURNING id"),
                {"h": hospital_id, "d": dept, "name": label[:200], "n": num}).scalar_one()
    return {int(k): int(v) for k, v in found.items()}


def department_of(s: Session, doctor_ids: Iterable[int]) -> dict[int, int]:
    ids = sorted(set(doctor_ids))
    return dict(s.execute(sa.text(
        "SELECT id, department_id FROM doctors WHERE id = ANY(CAST(:ids AS bigint[]))"),
        {"ids": ids}).all())


# ------------------------------------------------------------------------- appointments
_UPSERT_APPOINTMENTS = sa.text("""
INSERT INTO appointments (hospital_id, patient_id, doctor_id, department_id, scheduled_start,
                          scheduled_end, appointment_date, visit_type, status, reason, notes,
                          od_apt_num, od_connection_id, od_apt_status, od_provider, operatory)
SELECT :hid, u.patient_id, u.doctor_id, u.department_id, u.start_at, u.end_at, u.day,
       'CONSULTATION', u.status, NULLIF(u.reason, ''), NULLIF(u.note, ''), u.apt_num, :cid,
       u.od_status, NULLIF(u.prov, ''), NULLIF(u.op, '')
  FROM unnest(CAST(:patient_id AS bigint[]), CAST(:doctor_id AS bigint[]),
              CAST(:department_id AS bigint[]), CAST(:start_at AS timestamptz[]),
              CAST(:end_at AS timestamptz[]), CAST(:day AS date[]), CAST(:status AS text[]),
              CAST(:reason AS text[]), CAST(:note AS text[]), CAST(:apt_num AS bigint[]),
              CAST(:od_status AS text[]), CAST(:prov AS text[]), CAST(:op AS text[]))
       AS u(patient_id, doctor_id, department_id, start_at, end_at, day, status, reason, note,
            apt_num, od_status, prov, op)
ON CONFLICT (od_connection_id, od_apt_num) DO UPDATE SET
    patient_id = EXCLUDED.patient_id,
    doctor_id = CASE WHEN appointments.status IN ('SCHEDULED', 'CONFIRMED', 'CANCELLED',
                                                  'NO_SHOW')
                     THEN EXCLUDED.doctor_id ELSE appointments.doctor_id END,
    department_id = CASE WHEN appointments.status IN ('SCHEDULED', 'CONFIRMED', 'CANCELLED',
                                                      'NO_SHOW')
                         THEN EXCLUDED.department_id ELSE appointments.department_id END,
    scheduled_start = EXCLUDED.scheduled_start,
    scheduled_end = EXCLUDED.scheduled_end,
    appointment_date = EXCLUDED.appointment_date,
    -- A booking moved in OpenDental no longer holds the slot it was booked into (0007).
    slot_start = CASE WHEN appointments.slot_start = EXCLUDED.scheduled_start
                           AND appointments.doctor_id = EXCLUDED.doctor_id
                      THEN appointments.slot_start END,
    status = CASE WHEN appointments.status IN ('SCHEDULED', 'CONFIRMED', 'CANCELLED', 'NO_SHOW')
                       AND NOT (appointments.status = 'CONFIRMED'
                                AND EXCLUDED.status = 'SCHEDULED')
                  THEN EXCLUDED.status ELSE appointments.status END,
    reason = EXCLUDED.reason, notes = EXCLUDED.notes, od_apt_status = EXCLUDED.od_apt_status,
    od_provider = EXCLUDED.od_provider, operatory = EXCLUDED.operatory,
    version = appointments.version + 1, updated_at = now()
WHERE (appointments.patient_id, appointments.scheduled_start, appointments.scheduled_end,
       appointments.appointment_date, appointments.reason, appointments.notes,
       appointments.od_apt_status, appointments.od_provider, appointments.operatory,
       appointments.doctor_id)
      IS DISTINCT FROM
      (EXCLUDED.patient_id, EXCLUDED.scheduled_start, EXCLUDED.scheduled_end,
       EXCLUDED.appointment_date, EXCLUDED.reason, EXCLUDED.notes, EXCLUDED.od_apt_status,
       EXCLUDED.od_provider, EXCLUDED.operatory, EXCLUDED.doctor_id)
RETURNING id
""")


def appointment_rows(hospital_id: int, connection_id: int, tz: str,
                     appointments: Sequence[wire.Appointment], patient_ids: dict[int, int],
                     doctor_ids: dict[int, int], departments: dict[int, int]
                     ) -> dict[str, list]:
    """Column arrays for :data:`_UPSERT_APPOINTMENTS` (also what the COPY bench writes)."""
    zone = ZoneInfo(tz)
    cols: dict[str, list] = {k: [] for k in (
        "patient_id", "doctor_id", "department_id", "start_at", "end_at", "day", "status",
        "reason", "note", "apt_num", "od_status", "prov", "op")}
    for a in appointments:
        local = a.apt_date_time or dt.datetime(1970, 1, 1)
        start = local.replace(tzinfo=zone)
        minutes = a.duration_minutes
        doctor = doctor_ids.get(a.prov_num) or doctor_ids[next(iter(doctor_ids))]
        cols["patient_id"].append(patient_ids[a.pat_num])
        cols["doctor_id"].append(doctor)
        cols["department_id"].append(departments[doctor])
        cols["start_at"].append(start)
        cols["end_at"].append(start + dt.timedelta(minutes=minutes) if minutes else None)
        cols["day"].append(local.date())
        cols["status"].append(DESK_STATUS[a.apt_status])
        cols["reason"].append(a.proc_descript[:2000])
        cols["note"].append(a.note[:4000])
        cols["apt_num"].append(a.apt_num)
        cols["od_status"].append(a.apt_status.value)
        cols["prov"].append(a.prov_abbr[:120])
        cols["op"].append(str(a.op)[:60] if a.op else "")
    return cols


class ProviderCache:
    """For one run: ProvNum -> (doctor id, department id) and PatNum -> patient id, so a page
    asks the database only about providers and patients it has not met yet (neither is ever
    deleted: patients are deactivated, doctors too, and foreign keys refuse a delete)."""

    def __init__(self) -> None:
        self.doctors: dict[int, int] = {}
        self.departments: dict[int, int] = {}
        self.patients: dict[int, int] = {}

    def patient_ids(self, s: Session, hospital_id: int, connection_id: int,
                    pat_nums: Iterable[int]) -> tuple[dict[int, int], int]:
        new = {n for n in pat_nums if n not in self.patients}
        stubs = 0
        if new:
            found, stubs = ensure_patients(s, hospital_id, connection_id, new)
            self.patients.update(found)
        return self.patients, stubs

    def resolve(self, s: Session, hospital_id: int, connection_id: int,
                providers: dict[int, str]) -> tuple[dict[int, int], dict[int, int]]:
        new = {k: v for k, v in providers.items() if k not in self.doctors}
        if new or not self.doctors:
            self.doctors.update(ensure_doctors(s, hospital_id, connection_id, new))
            unknown = [d for d in self.doctors.values() if d not in self.departments]
            self.departments.update(department_of(s, unknown))
        return self.doctors, self.departments


def upsert_appointments(s: Session, hospital_id: int, connection_id: int, tz: str,
                        appointments: Sequence[wire.Appointment],
                        providers: ProviderCache | None = None) -> tuple[int, int]:
    """Write one page of appointments; returns (appointment rows changed, stub patients)."""
    visits = [a for a in appointments if a.apt_status in VISITS and a.apt_date_time]
    if not visits:
        return 0, 0
    providers = providers or ProviderCache()
    patient_ids, stubs = providers.patient_ids(s, hospital_id, connection_id,
                                               (a.pat_num for a in visits))
    doctor_ids, departments = providers.resolve(
        s, hospital_id, connection_id, {a.prov_num: a.prov_abbr for a in visits})
    cols = appointment_rows(hospital_id, connection_id, tz, visits, patient_ids, doctor_ids,
                            departments)
    written = s.execute(_UPSERT_APPOINTMENTS, {"hid": hospital_id, "cid": connection_id,
                                               **cols}).all()
    return len(written), stubs


# --------------------------------------------------------------------------- procedures
_UPSERT_PROCEDURES = sa.text("""
INSERT INTO od_procedures (connection_id, hospital_id, proc_num, pat_num, apt_num, patient_id,
                           appointment_id, code, description, proc_fee, proc_date, proc_status)
SELECT :cid, :hid, u.proc_num, u.pat_num, NULLIF(u.apt_num, 0), pt.id, ap.id, u.code,
       NULLIF(u.descr, ''), u.fee, u.day, u.status
  FROM unnest(CAST(:proc_num AS bigint[]), CAST(:pat_num AS bigint[]),
              CAST(:apt_num AS bigint[]), CAST(:code AS text[]), CAST(:descr AS text[]),
              CAST(:fee AS numeric[]), CAST(:day AS date[]), CAST(:status AS text[]))
       AS u(proc_num, pat_num, apt_num, code, descr, fee, day, status)
  LEFT JOIN patients pt ON pt.od_connection_id = :cid AND pt.od_pat_num = u.pat_num
  LEFT JOIN appointments ap ON ap.od_connection_id = :cid AND ap.od_apt_num = u.apt_num
ON CONFLICT (connection_id, proc_num) DO UPDATE SET
    pat_num = EXCLUDED.pat_num, apt_num = EXCLUDED.apt_num, patient_id = EXCLUDED.patient_id,
    appointment_id = EXCLUDED.appointment_id, code = EXCLUDED.code,
    description = EXCLUDED.description, proc_fee = EXCLUDED.proc_fee,
    proc_date = EXCLUDED.proc_date, proc_status = EXCLUDED.proc_status, updated_at = now()
WHERE (od_procedures.apt_num, od_procedures.patient_id, od_procedures.appointment_id,
       od_procedures.code, od_procedures.proc_fee, od_procedures.proc_date,
       od_procedures.proc_status, od_procedures.description)
      IS DISTINCT FROM
      (EXCLUDED.apt_num, EXCLUDED.patient_id, EXCLUDED.appointment_id, EXCLUDED.code,
       EXCLUDED.proc_fee, EXCLUDED.proc_date, EXCLUDED.proc_status, EXCLUDED.description)
RETURNING id
""")


def upsert_procedures(s: Session, hospital_id: int, connection_id: int,
                      procs: Sequence[wire.ProcedureLog]) -> int:
    if not procs:
        return 0
    ensure_patients(s, hospital_id, connection_id, (p.pat_num for p in procs))
    rows = s.execute(_UPSERT_PROCEDURES, {
        "cid": connection_id, "hid": hospital_id,
        "proc_num": [p.proc_num for p in procs], "pat_num": [p.pat_num for p in procs],
        "apt_num": [p.apt_num for p in procs],
        "code": [(p.proc_code or str(p.code_num))[:20] for p in procs],
        "descr": [p.descript[:200] for p in procs],
        "fee": [p.proc_fee if p.proc_fee is not None else Decimal("0.00") for p in procs],
        "day": [p.proc_date for p in procs],
        "status": [(p.proc_status or "")[:20] for p in procs]}).all()
    return len(rows)
