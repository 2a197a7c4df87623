"""The patient filter (app/services/audit.py ``_patient_ids``, shared by the insurance audit,
the claims list and the insurance payments list): what it matches, and how PostgreSQL plans it.

psycopg prepares a statement the 5th time a connection runs it, and PostgreSQL may then reuse
one generic plan for every value. Two things keep the filter off bad generic plans:

- the page query that takes the matched ids is planned for them: the lookup sets
  ``plan_cache_mode = force_custom_plan`` for the transaction *before* it runs (the insurance
  audit used to set it after its lookup);
- the lookup itself matches names by ranges (``~>=~`` / ``~<~``) that the ``text_pattern_ops``
  prefix indexes serve even in a generic plan, where ``LIKE $1`` could only scan every patient
  of the hospital (175 ms at 100,000 patients).
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from app.domain.enums import Role
from app.domain.errors import NotFound, ValidationError
from app.services import audit as audit_mod
from app.services.audit import (
    _LOOKUP,
    AuditFilters,
    AuditService,
    PatientIds,
    _patient_ids,
    _prefix_bounds,
)
from app.services.claim_list import ClaimFilters
from app.services.claims import ClaimService
from app.services.insurance_payments import InsurancePaymentService
from app.services.payment_list import PaymentFilters
from tests import factories as f


@pytest.fixture
def people(session):
    h = f.hospital(session)
    actor = f.actor(f.user(session, h, Role.ACCOUNTANT), shift=False)
    made = {
        "maryam0": f.patient(session, h, first_name="Maryam", last_name="Al Zaabi",
                             mrn="MRN-7700"),
        "maryam1": f.patient(session, h, first_name="Maryam", last_name="Alzaabi",
                             mrn="MRN-7701"),
        "zaabi": f.patient(session, h, first_name="Omar", last_name="Al Zaabi", mrn="MRN-7702"),
        "pct": f.patient(session, h, first_name="Test", last_name="50%_Off", mrn="MRN-7703"),
        "pct2": f.patient(session, h, first_name="Test", last_name="50xyOff", mrn="MRN-7704"),
        "arabic": f.patient(session, h, first_name="مريم", last_name="الزعابي", mrn="MRN-7705"),
        # a patient whose MRN is another patient's name prefix: the MRN wins
        "mrn_like": f.patient(session, h, first_name="Ali", last_name="Hassan", mrn="OMAR"),
    }
    other = f.hospital(session, name="Other Clinic")
    f.patient(session, other, first_name="Maryam", last_name="Elsewhere", mrn="MRN-9999")
    session.flush()
    return h, actor, {k: p.id for k, p in made.items()}


@pytest.mark.parametrize("text, expected", [
    ("maryam al", {"maryam0", "maryam1"}),          # full-name prefix, any case
    ("MARYAM AL ZAABI", {"maryam0"}),
    ("al zaabi", {"maryam0", "zaabi"}),             # last-name prefix
    ("  al   zaabi ", {"maryam0", "zaabi"}),        # spaces collapsed
    ("mrn-7701", {"maryam1"}),                      # MRN, any case
    ("omar", {"mrn_like"}),                         # an exact MRN wins over names
    ("omar al", {"zaabi"}),
    ("50%", {"pct"}),                               # % and _ are letters, not wildcards
    ("50%_", {"pct"}),
    ("50x", {"pct2"}),
    ("مريم", {"arabic"}),
    ("الزع", {"arabic"}),
    ("nobody", set()),
])
def test_what_the_filter_text_matches(session, people, text, expected):
    h, _actor, ids = people
    found = _patient_ids(session, h.id, text)
    assert set(found.ids()) == {ids[k] for k in expected}
    assert len(found) == len(expected) and bool(found) == bool(expected)


def test_too_many_matches_are_refused(session, people, monkeypatch):
    h, *_ = people
    monkeypatch.setattr(audit_mod, "MAX_PATIENT_MATCHES", 1)
    with pytest.raises(ValidationError, match="More than 1 patients match"):
        _patient_ids(session, h.id, "maryam")
    assert len(_patient_ids(session, h.id, "maryam al zaabi")) == 1


def test_prefix_bounds_cover_exactly_the_prefix():
    assert _prefix_bounds("mal") == ("mal", "mam")
    assert _prefix_bounds("a\U0010ffff") == ("a\U0010ffff", "b")
    assert _prefix_bounds("\ud7ff") == ("\ud7ff", "\ue000")  # skips the surrogates
    lo, hi = _prefix_bounds("مر")
    words = ["مر", "مريم", "مرْ", "مز", "مؤ", "mar", "مر" + "\U0010ffff"]
    inside = [w for w in words if lo.encode() <= w.encode() < hi.encode()]
    assert inside == [w for w in words if w.startswith("مر")]


def test_patient_ids_is_one_value_sent_as_a_bigint_array(session, people):
    h, _actor, ids = people
    found = _patient_ids(session, h.id, "maryam al")
    assert isinstance(found, PatientIds)
    back = session.execute(sa.text("SELECT CAST(:p AS bigint[]), pg_typeof(:p)::text"),
                           {"p": found}).one()
    assert sorted(back[0]) == sorted(found.ids()) and back[1] == "bigint[]"


def _statements(session):
    seen: list[str] = []

    def record(conn, cursor, statement, params, context, executemany):  # noqa: ANN001
        seen.append(statement)

    conn = session.connection()
    sa.event.listen(conn, "before_cursor_execute", record)
    return conn, record, seen


@pytest.mark.parametrize("call", ["audit", "claims", "payments"])
def test_custom_plans_are_forced_before_the_lookup(session, uow, people, call):
    """The order the insurance audit got wrong: the SET came after its lookup."""
    _h, actor, _ids = people
    page = {
        "audit": lambda: AuditService(uow).page(actor, AuditFilters(patient="maryam al")),
        "claims": lambda: ClaimService(uow, None).page(actor, ClaimFilters(patient="maryam al")),
        "payments": lambda: InsurancePaymentService(uow).page(
            actor, PaymentFilters(patient="maryam al")),
    }[call]
    conn, record, seen = _statements(session)
    try:
        page()
    finally:
        sa.event.remove(conn, "before_cursor_execute", record)
    forced = [i for i, st in enumerate(seen) if "plan_cache_mode = force_custom_plan" in st]
    lookup = [i for i, st in enumerate(seen) if re.search(r"FROM patients\s", st)]
    assert forced and lookup, seen
    assert forced[0] < lookup[0]


def test_the_lookups_generic_plan_reads_only_the_prefix(session, people):
    """PREPAREd with a generic plan forced, and sequential scans priced out, the lookup's
    name conditions are index bounds of the prefix indexes (LIKE $1 can only be a filter
    over every patient of the hospital)."""
    h, *_ = people
    # enough patients (with statistics) that reading a whole hospital costs more than the
    # prefix ranges: the planner then shows which conditions an index can take
    session.execute(sa.text(
        "INSERT INTO patients (hospital_id, mrn, first_name, last_name, gender) "
        "SELECT :h, 'GEN-' || i, 'Name' || i, 'Family' || (i % 500), 'MALE' "
        "FROM generate_series(1, 20000) i"), {"h": h.id})
    session.execute(sa.text("ANALYZE patients"))
    compiled = _LOOKUP.compile(dialect=session.get_bind().dialect)
    order: list[str] = []

    def positional(m: re.Match[str]) -> str:
        if m.group(1) not in order:
            order.append(m.group(1))
        return f"${order.index(m.group(1)) + 1}"

    sql = re.sub(r"%\((\w+)\)s", positional, compiled.string)
    types = {"hid": "bigint", "mrn": "varchar", "cap": "bigint"}
    params = dict(compiled.params, hid=h.id, mrn="MARYAM AL", lo="maryam al", hi="maryam am",
                  low="maryam al", cap=2001)
    session.execute(sa.text("SET LOCAL enable_seqscan = off"))
    session.execute(sa.text("SET LOCAL plan_cache_mode = force_generic_plan"))
    conn = session.connection()
    conn.exec_driver_sql(f"PREPARE lookup_plan ({', '.join(types.get(n, 'text') for n in order)})"
                         f" AS {sql}")
    try:
        args = ", ".join(str(params[n]) if isinstance(params[n], int)
                         else "'" + str(params[n]).replace("'", "''") + "'" for n in order)
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(
            f"EXPLAIN EXECUTE lookup_plan ({args})"))
        assert conn.exec_driver_sql(
            "SELECT generic_plans FROM pg_prepared_statements WHERE name = 'lookup_plan'"
        ).scalar() >= 1  # it really was the generic plan
    finally:
        conn.exec_driver_sql("DEALLOCATE lookup_plan")
    assert "Seq Scan on patients" not in plan, plan
    for index in ("ix_patients_full_name_prefix", "ix_patients_last_name_prefix"):
        assert re.search(index + r".*\n\s+Index Cond: .*~>=~ \$\d+\) AND .*~<~ \$\d+\)",
                         plan), plan


def test_connections_never_jit_compile(session, test_db_url):
    """JIT compilation starts on a plan's estimated cost, which the billing office's set-wide
    reads pass at clinic scale, and took longer than the query (app/db/session.py)."""
    from app.db.session import make_engine
    from app.db.timeouts import DESK

    assert session.execute(sa.text("SHOW jit")).scalar() == "off"
    desk = make_engine(test_db_url, pool_size=1, timeouts=DESK)
    try:
        with desk.connect() as conn:
            assert conn.execute(sa.text("SELECT current_setting('jit'), "
                                        "current_setting('lock_timeout')")).one() == ("off", "3s")
    finally:
        desk.dispose()


@pytest.mark.parametrize("call", ["list", "balance_due", "visit"])
def test_reconciliation_reads_are_planned_for_their_filters(session, uow, people, call):
    """Its one statement for every filter (``CAST(:x AS ...) IS NULL OR ...``) is only good
    planned for the values: generic, it reads every copay payment (app/services/
    reconciliation.py ``_custom_plans``)."""
    from app.services.clock import fixed_clock
    from app.services.reconciliation import ReconciliationService
    from app.services.refunds import RefundService

    h, actor, ids = people
    desk = f.actor(f.user(session, h, Role.RECEPTIONIST), shift=False)
    svc = ReconciliationService(uow, RefundService(uow), fixed_clock(f.dt.datetime.now(f.DUBAI)))
    run = {"list": lambda: svc.list(actor),
           "balance_due": lambda: svc.balance_due(desk, ids["maryam0"]),
           "visit": lambda: pytest.raises(NotFound, svc.visit, actor, 1)}[call]
    conn, record, seen = _statements(session)
    try:
        run()
    finally:
        sa.event.remove(conn, "before_cursor_execute", record)
    forced = [i for i, st in enumerate(seen) if "plan_cache_mode = force_custom_plan" in st]
    reads = [i for i, st in enumerate(seen) if "FROM copay_payments p" in st]
    assert forced and reads and forced[0] < reads[0], seen


def test_ids_adapt_on_a_connection_opened_before_the_services_were_imported(test_db_url):
    """psycopg copies its global adapters into a connection when it opens: the IdArray
    dumper must be registered by the time any engine connects, not when the audit module
    happens to be imported (a claims page once failed: cannot adapt type 'PatientIds')."""
    import subprocess
    import sys

    code = (
        "import sqlalchemy as sa\n"
        "from app.db.session import make_engine\n"
        f"e = make_engine({test_db_url!r}, pool_size=1)\n"
        "c = e.connect()\n"
        "from app.services.audit import PatientIds\n"
        "print(c.execute(sa.text('SELECT CAST(:p AS bigint[])'),"
        " {'p': PatientIds(2, '{3,17}')}).scalar())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[3, 17]"


def test_reconciliation_matches_a_claim_synced_before_its_visit(session, uow):
    """The claim lookup is two probes now (the visit's own claims, UNION ALL, a claim of the
    same OpenDental, patient and day not linked yet); both kinds still speak for the visit,
    an adjudicated one first."""
    from decimal import Decimal as D

    from app.db.models import Appointment, Claim, OpenDentalConnection
    from app.domain.enums import ClaimStatus, OpenDentalMode
    from app.domain.reconciliation import ReconStatus
    from app.services.clock import fixed_clock
    from app.services.reconciliation import ReconciliationService
    from app.services.refunds import RefundService
    from tests.services.test_refunds_support import NOW, clinic, collected_payment

    c = clinic(session)
    pay = collected_payment(session, c, amount="100.00")
    conn = OpenDentalConnection(hospital_id=c.hospital.id, name="Linking test",
                                mode=OpenDentalMode.SANDBOX, cadence={})
    session.add(conn)
    session.flush()
    appt = session.get(Appointment, pay.appointment_id)
    appt.od_connection_id = conn.id

    def claim(status, paid, appointment_id, **kw):
        session.add(Claim(hospital_id=pay.hospital_id, patient_id=pay.patient_id,
                          appointment_id=appointment_id, status=status,
                          amount_billed=D("500.00"),
                          amount_approved=None if paid is None else D(paid),
                          write_off=D("0.00"), ded_applied=D("0.00"), details={},
                          date_service=appt.appointment_date, **kw))
        session.flush()

    svc = ReconciliationService(uow, RefundService(uow, fixed_clock(NOW)), fixed_clock(NOW))
    claim(ClaimStatus.SUBMITTED, None, appt.id)  # linked, not adjudicated
    session.commit()
    assert [r.status for r in svc.list(c.accountant).rows] == [ReconStatus.PENDING]
    # not linked yet, adjudicated: it speaks for the visit (portion 500 - 460 = 40)
    claim(ClaimStatus.APPROVED, "460.00", None, connection_id=conn.id)
    # another OpenDental's claim of that day does not
    other = OpenDentalConnection(hospital_id=c.hospital.id, name="Other",
                                 mode=OpenDentalMode.SANDBOX, cadence={})
    session.add(other)
    session.flush()
    claim(ClaimStatus.APPROVED, "490.00", None, connection_id=other.id)
    session.commit()
    (row,) = svc.list(c.accountant).rows
    assert (row.status, row.recon.portion) == (ReconStatus.OVERPAID, D("40.00"))
