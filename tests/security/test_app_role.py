"""The desks' role (made by ``db create-roles``) on a fresh database: it cannot rewrite or
remove the audit, the activity log, the journal or the payments, cannot change the schema,
and yet every money workflow works as it: collect (cash and from the deposit), deposit
top-up, waive, defer, refund request/approve/process (cash and deposit credit) and delete,
sign-in. Afterwards every hash chain verifies."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest
from sqlalchemy.orm import Session

from app.db.chain_verify import verify_chains
from app.db.roles import TABLE_GRANTS, privilege_warning
from app.db.session import make_session_factory
from app.domain.enums import PaymentMethod, RefundMethod, RefundReason, RefundStatus, Role
from app.services.audit import AuditService
from app.services.auth import AuthService
from app.services.clock import fixed_clock
from app.services.copay import CopayService
from app.services.patients import PatientService
from app.services.queue import QueueService
from app.services.refunds import RefundService
from app.services.shifts import ShiftService
from app.services.unit_of_work import uow_factory
from tests import factories as f
from tests.security.role_db import refused as _refused
from tests.security.role_db import role_db_fixture  # noqa: F401  (provides role_db)
from tests.services.conftest import DAY, NOW

PROTECTED = ("insurance_verification_audits", "activity_logs", "journal_entries",
             "journal_lines", "copay_payments")


@pytest.mark.parametrize("table", PROTECTED)
def test_app_role_cannot_update_delete_or_truncate(role_db, table):
    col = {"insurance_verification_audits": "reason", "activity_logs": "action",
           "journal_entries": "memo", "journal_lines": "debit",
           "copay_payments": "amount"}[table]
    value = "0" if col in ("debit", "amount") else "'forged'"
    msgs = [
        _refused(role_db.app_url, f"UPDATE {table} SET {col} = {value}"),
        _refused(role_db.app_url, f"DELETE FROM {table}"),
        _refused(role_db.app_url, f"TRUNCATE {table}"),
        _refused(role_db.app_url, f"ALTER TABLE {table} DISABLE TRIGGER USER"),
    ]
    assert all("permission denied" in m or "must be owner" in m for m in msgs), msgs


def test_the_one_updatable_payment_column_still_cannot_change(role_db):
    # UPDATE (id) is granted only so SELECT ... FOR UPDATE can queue refunds; the
    # append-only trigger refuses the UPDATE itself.
    msg = _refused(role_db.app_url, "UPDATE copay_payments SET id = id")
    assert "append-only" in msg


def test_app_role_has_no_ddl_no_chain_rewrite_and_no_head_writes(role_db):
    assert "permission denied" in _refused(role_db.app_url, "CREATE TABLE evil (a int)")
    assert "permission denied" in _refused(role_db.app_url,
                                           "UPDATE hash_chain_heads SET last_seq = 0")
    assert "permission denied" in _refused(role_db.app_url, "SELECT cd_chain_seal_audit()")
    assert "permission denied" in _refused(role_db.app_url, "DELETE FROM patients")
    assert "must be owner" in _refused(role_db.app_url, "DROP TABLE vitals")
    assert "permission denied" in _refused(role_db.app_url,
                                           "SET session_replication_role = replica")


def test_grants_match_the_policy(role_db):
    with psycopg.connect(role_db.admin_url) as conn:
        rows = conn.execute(
            "SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) "
            "FROM information_schema.role_table_grants WHERE grantee = %s "
            "GROUP BY table_name", (role_db.app,)).fetchall()
    got = dict(rows)
    for table, privileges in TABLE_GRANTS.items():
        table_level = sorted(p for p in privileges if "(" not in p)
        assert got[table].split(",") == table_level, table
    assert got["patients"] == "INSERT,SELECT,UPDATE"
    assert not any("TRUNCATE" in v for v in got.values())
    assert {k for k, v in got.items() if "DELETE" in v} == {"copay_refunds",
                                                           "opendental_connections"}
    with psycopg.connect(role_db.admin_url) as conn:
        updatable = conn.execute(
            "SELECT table_name, column_name FROM information_schema.column_privileges "
            "WHERE grantee = %s AND privilege_type = 'UPDATE' AND table_name IN "
            "('copay_payments', 'insurance_payments') ORDER BY 1", (role_db.app,)).fetchall()
    assert updatable == [("copay_payments", "id"), ("insurance_payments", "journal_entry_id")]


def test_create_roles_is_idempotent(role_db):
    from app.db.roles import create_roles

    again = create_roles(role_db.admin, owner=role_db.owner, app=role_db.app)
    assert again.created == ()
    assert "permission denied" in _refused(role_db.app_url, "DELETE FROM activity_logs")


def test_status_bar_warning_for_superuser_and_owner_only(role_db):
    from app.db.session import make_engine

    su = privilege_warning(role_db.admin, embedded=False)
    assert su is not None and "superuser" in str(su) and "create-roles" in str(su)
    assert privilege_warning(role_db.admin, embedded=True) is None
    assert privilege_warning(role_db.app_engine, embedded=False) is None
    owner = make_engine(role_db.owner_url, pool_size=1)
    try:
        msg = privilege_warning(owner, embedded=False)
    finally:
        owner.dispose()
    assert msg is not None and "owner of the tables" in str(msg)


def test_a_desk_cannot_migrate_and_says_who_must(role_db, tmp_path):
    from app import bootstrap
    from app.config import load_settings
    from app.domain.errors import SchemaMismatch

    with psycopg.connect(role_db.admin_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    settings = load_settings({"DATABASE_URL": role_db.app_url},
                             config_file=tmp_path / "none.toml")
    with pytest.raises(SchemaMismatch, match="run 'python -m app db upgrade' as the owner"):
        bootstrap.open_database(settings)


def test_every_money_workflow_works_as_the_app_role(role_db):
    # The clinic is set up by the superuser (as onboarding would, before the desks start).
    with Session(role_db.admin, expire_on_commit=False) as s:
        h = f.hospital(s)
        dept = f.department(s, h)
        doc = f.doctor(s, h, dept)
        desk = f.user(s, h, Role.RECEPTIONIST, password="desk-pass-123")
        acct = f.user(s, h, Role.ACCOUNTANT)
        admin = f.user(s, h, Role.SUPER_ADMIN)
        f.charge(s, h, "initial_consultation", "300.00", cpt_code="99203")
        pats = [f.patient(s, h) for _ in range(5)]
        ins = f.insurance(s, pats[2], f.payer(s, h), copay_pct=Decimal("20"))
        appts = [f.appointment(s, p, doc, day=DAY) for p in pats]
        s.commit()
    assert ins.id

    uow = uow_factory(make_session_factory(role_db.app_engine))
    clock = fixed_clock(NOW)
    copay, refunds = CopayService(uow, clock), RefundService(uow, clock)
    patients = PatientService(uow, clock)
    a_desk, a_acct, a_admin = (f.committed_actor(role_db.admin, u.id)
                               for u in (desk, acct, admin))

    signed = AuthService(uow, clock).login(desk.username, "desk-pass-123", "ws-1")
    assert signed.actor.user_id == desk.id

    cash = copay.collect(a_desk, appts[0].id, PaymentMethod.CASH, "k-cash")
    assert cash.amount == Decimal("300.00")
    top = patients.deposit_top_up(a_desk, pats[1].id, "500.00", PaymentMethod.CASH)
    assert top.balance == Decimal("500.00")
    dep = copay.collect(a_desk, appts[1].id, PaymentMethod.DEPOSIT, "k-dep")
    assert dep.amount == Decimal("300.00")
    copay.waive(a_desk, appts[2].id, "Hardship case approved by the manager")
    copay.defer(a_desk, appts[3].id, "Pays after the consultation")
    later = copay.collect(a_desk, appts[3].id, PaymentMethod.CREDIT_CARD, "k-later")
    assert later.amount == Decimal("300.00")

    r1 = refunds.request(a_desk, cash.payment_id, Decimal("100.00"), RefundReason.OVERCHARGE,
                         RefundMethod.CASH, "Charged the wrong visit type")
    refunds.approve(a_acct, r1.refund_id)
    done = refunds.process(a_acct, r1.refund_id)
    assert done.refund.status is RefundStatus.PROCESSED
    r2 = refunds.request(a_desk, dep.payment_id, Decimal("300.00"),
                         RefundReason.APPOINTMENT_CANCELLED, RefundMethod.DEPOSIT_CREDIT)
    refunds.approve(a_acct, r2.refund_id)
    refunds.process(a_acct, r2.refund_id)
    r3 = refunds.request(a_desk, later.payment_id, Decimal("50.00"), RefundReason.OVERCHARGE,
                         RefundMethod.CREDIT_CARD, "Discount agreed")
    refunds.delete(a_admin, r3.refund_id, "Entered twice")

    # Check-in after the collect (token), and the audit page the accountant reads.
    assert QueueService(uow, clock).check_in(a_desk, appts[0].id).token_number == 1
    page = AuditService(uow, clock).page(a_acct)
    assert len(page.rows) >= 12

    match = refunds.find_payments(a_acct, cash.receipt_number)
    assert [m.refunded for m in match] == [Decimal("100.00")]
    with psycopg.connect(role_db.admin_url) as conn:
        balance = conn.execute("SELECT deposit_balance FROM patients WHERE id = %s",
                               (pats[1].id,)).fetchone()[0]
    assert balance == Decimal("500.00")  # 500 topped up, 300 paid, 300 credited back

    # The drawer (migration 0006): payout, close, a new shift; the closed one stays closed.
    shifts = ShiftService(uow, clock)
    drawer = shifts.current_shift(a_desk)
    shifts.record_payout(a_desk, Decimal("10.00"), "Courier")
    closed = shifts.close_shift(a_desk, drawer.id, None, counted_cash=drawer.expected_cash
                                - Decimal("10.00"))
    assert closed.difference == Decimal("0.00")
    shifts.open_shift(a_desk, Decimal("100.00"))
    msg = _refused(role_db.app_url, f"UPDATE cash_shifts SET reason = 'x' WHERE id = {drawer.id}")
    assert "closed" in msg, msg
    msg = _refused(role_db.app_url, "DELETE FROM shift_movements")
    assert "permission denied" in msg, msg

    report = verify_chains(role_db.admin)
    assert report.ok, report.lines()
    mine = {c.chain: c.rows for c in report.chains if c.hospital_key == h.id}
    # 3 collects + waive + defer + 3 requests, 2 approvals, 2 processes, 1 delete
    assert mine["audit"] >= 12 and mine["journal_entries"] >= 6


def test_cli_creates_roles_from_the_environment_and_never_prints_passwords(
        fresh_db_url, pg_admin_url, monkeypatch, capsys, tmp_path):
    import uuid

    from app.__main__ import main

    tag = uuid.uuid4().hex[:8]
    owner, app = f"cdt_cli_owner_{tag}", f"cdt_cli_app_{tag}"
    monkeypatch.setenv("DATABASE_URL", fresh_db_url)
    monkeypatch.setenv("CLINICDESK_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("CLINICDESK_OWNER_PASSWORD", f"owner-secret-{tag}")
    monkeypatch.setenv("CLINICDESK_APP_PASSWORD", f"app-secret-{tag}")
    try:
        assert main(["db", "create-roles", "--owner", owner, "--app-role", app,
                     "--no-password-prompt"]) == 0
        out = capsys.readouterr()
        assert f"created: {owner}, {app}" in out.out
        assert "secret" not in out.out + out.err
        with psycopg.connect(pg_admin_url) as conn:
            rows = conn.execute(
                "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolpassword IS NOT NULL "
                "FROM pg_authid WHERE rolname IN (%s, %s) ORDER BY rolname",
                (app, owner)).fetchall()
        assert rows == [(app, False, False, False, True), (owner, False, False, False, True)]
        assert main(["db", "create-roles", "--owner", owner, "--app-role", app,
                     "--no-password-prompt"]) == 0
        assert "created: none (both existed)" in capsys.readouterr().out
    finally:
        name = fresh_db_url.rsplit("/", 1)[1]
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (app, owner):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
