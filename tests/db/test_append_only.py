"""The audit trail cannot be rewritten: the database refuses UPDATE, DELETE and TRUNCATE on
insurance_verification_audits and activity_logs (triggers from app/db/rules.py), whoever
connects and however the statement is written."""

from __future__ import annotations

import psycopg
import pytest

from app.db.rules import APPEND_ONLY_TABLES

STATEMENTS = {
    "UPDATE": "UPDATE {t} SET workstation = 'tampered' WHERE id = %s",
    "DELETE": "DELETE FROM {t} WHERE id = %s",
    "TRUNCATE": "TRUNCATE {t}",
}


def _insert(conn: psycopg.Connection, table: str) -> int:
    hid = conn.execute("SELECT id FROM hospitals ORDER BY id LIMIT 1").fetchone()
    if hid is None:
        hid = conn.execute("INSERT INTO hospitals (code, name) VALUES ('AO', 'Append Only') "
                           "RETURNING id").fetchone()
    if table == "insurance_verification_audits":
        sql = ("INSERT INTO insurance_verification_audits (hospital_id, action, reason) "
               "VALUES (%s, 'MANUAL_VERIFY', 'original') RETURNING id")
    else:
        sql = ("INSERT INTO activity_logs (hospital_id, actor_type, action) "
               "VALUES (%s, 'SYSTEM', 'ORIGINAL') RETURNING id")
    return conn.execute(sql, (hid[0],)).fetchone()[0]


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize("op", list(STATEMENTS))
def test_the_database_refuses_to_change_the_audit_trail(fresh_db_url, table, op):
    with psycopg.connect(fresh_db_url, autocommit=True) as conn:
        row_id = _insert(conn, table)
        before = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        sql = STATEMENTS[op].format(t=table)
        with pytest.raises(psycopg.errors.InsufficientPrivilege,
                           match=f"{table} is append-only: {op} is not allowed"):
            conn.execute(sql, (row_id,) if "%s" in sql else None)
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == before
        kept = conn.execute(f"SELECT workstation FROM {table} WHERE id = %s",
                            (row_id,)).fetchone()
        assert kept == (None,)


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_inserting_is_still_allowed(fresh_db_url, table):
    with psycopg.connect(fresh_db_url, autocommit=True) as conn:
        assert _insert(conn, table) > 0
