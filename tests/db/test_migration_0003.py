"""Migration 0003 on a database that already has audit, activity and journal rows: they are
chained in id order per hospital (activity without a hospital on key 0), the chain verifies,
and new rows continue it; downgrade and upgrade again work."""

from __future__ import annotations

import uuid

import psycopg
import sqlalchemy as sa
from alembic import command

from app.db.chain_verify import verify_chains
from app.db.migrate import alembic_config
from app.db.session import make_engine
from tests.conftest import _create_db, _drop_db

_ROWS_AT_0002 = """
INSERT INTO hospitals (code, name) VALUES ('M1', 'One'), ('M2', 'Two');
INSERT INTO gl_accounts (hospital_id, code, name, account_type)
SELECT h.id, a.code, a.code, 'ASSET' FROM hospitals h CROSS JOIN (VALUES ('1000'), ('4000')) a(code);
INSERT INTO insurance_verification_audits (hospital_id, action, reason)
SELECT h.id, 'MANUAL_VERIFY', 'before 0003 #' || g FROM hospitals h, generate_series(1, 5002) g;
INSERT INTO activity_logs (hospital_id, actor_type, action, payload)
VALUES (NULL, 'SYSTEM', 'BOOT', '{"a": 1}'), ((SELECT min(id) FROM hospitals), 'USER', 'X', '{}');
INSERT INTO journal_entries (hospital_id, memo, source_type, source_id)
SELECT h.id, 'old entry ' || g, 'TEST', g FROM hospitals h, generate_series(1, 3) g;
INSERT INTO journal_lines (entry_id, account_id, debit, credit)
SELECT e.id, a.id, CASE WHEN a.code = '1000' THEN 12.50 ELSE 0 END,
       CASE WHEN a.code = '4000' THEN 12.50 ELSE 0 END
  FROM journal_entries e JOIN gl_accounts a ON a.hospital_id = e.hospital_id;
"""


def test_0003_chains_existing_rows_and_round_trips(pg_admin_url):
    name = f"cd_mig_{uuid.uuid4().hex[:10]}"
    url = _create_db(pg_admin_url, name)
    engine = make_engine(url, pool_size=1)
    try:
        cfg = alembic_config(url)
        command.upgrade(cfg, "0002")
        with psycopg.connect(url) as conn:
            conn.execute(_ROWS_AT_0002)
        command.upgrade(cfg, "0003")
        report = verify_chains(engine)
        assert report.ok, report.lines()
        rows = {(c.chain, c.hospital_key): c.rows for c in report.chains}
        assert sorted(rows.values()) == [1, 1, 3, 3, 6, 6, 5002, 5002]  # past one 5,000-row batch
        assert rows[("activity", 0)] == 1
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO insurance_verification_audits (hospital_id, "
                                 "action) SELECT min(id), 'MANUAL_RESET' FROM hospitals"))
            seqs = conn.execute(sa.text(
                "SELECT chain_seq FROM insurance_verification_audits WHERE hospital_id = "
                "(SELECT min(id) FROM hospitals) ORDER BY id")).scalars().all()
        assert seqs == list(range(1, 5004))
        assert verify_chains(engine).ok
        command.downgrade(cfg, "0002")
        with engine.connect() as conn:
            cols = conn.execute(sa.text(
                "SELECT column_name FROM information_schema.columns WHERE table_name = "
                "'copay_payments' AND column_name = 'refunded_amount'")).scalars().all()
        assert cols == ["refunded_amount"]
        command.upgrade(cfg, "head")
        assert verify_chains(engine).ok
    finally:
        engine.dispose()
        _drop_db(pg_admin_url, name)
