"""Tampering that bypasses the triggers (a superuser or the owner) is detected by
``audit verify``: an edited row, a deleted row, a forged row (with or without a made-up
hash), the newest rows deleted; the CLI names the chain and row and exits 1."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.db.chain_verify import row_hash, verify_chains
from app.db.session import make_engine


@pytest.fixture
def admin(fresh_db_url):
    engine = make_engine(fresh_db_url, pool_size=1)
    yield engine
    engine.dispose()


def _bypass(engine: sa.Engine, *sql: str, params: dict | None = None) -> None:
    """Run ``sql`` as the superuser with every trigger off (what an attacker with those
    rights does to get past the append-only triggers)."""
    with engine.begin() as conn:
        conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
        for statement in sql:
            conn.execute(sa.text(statement), params or {})


def _one(engine: sa.Engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql), params).one()


def _only_break(engine: sa.Engine):
    report = verify_chains(engine)
    assert not report.ok
    (b,) = report.breaks
    return b


def test_the_demo_database_verifies(admin):
    report = verify_chains(admin)
    assert report.ok, report.lines()
    rows = {c.chain: c.rows for c in report.chains}
    assert rows["audit"] > 100 and rows["journal_lines"] > 100


def test_edited_audit_row_is_detected(admin):
    row = _one(admin, "SELECT id, row_hash FROM insurance_verification_audits "
                      "ORDER BY chain_seq OFFSET 10 LIMIT 1")
    _bypass(admin, "UPDATE insurance_verification_audits SET reason = 'all fine' "
                   "WHERE id = :id", params={"id": row.id})
    b = _only_break(admin)
    assert (b.chain, b.row_id) == ("audit", row.id)
    assert "changed after it was written" in b.problem and b.found == f"row_hash {row.row_hash}"


def test_edited_amount_in_a_journal_line_is_detected(admin):
    row = _one(admin, "SELECT id FROM journal_lines WHERE credit > 0 ORDER BY id LIMIT 1")
    _bypass(admin, "UPDATE journal_lines SET credit = credit - 1 WHERE id = :id",
            params={"id": row.id})
    b = _only_break(admin)
    assert (b.chain, b.row_id) == ("journal_lines", row.id)


def test_edit_with_a_recomputed_hash_breaks_the_next_link(admin):
    row = _one(admin, "SELECT id, chain_seq, hospital_id FROM journal_entries "
                      "ORDER BY chain_seq OFFSET 5 LIMIT 1")
    _bypass(admin, "UPDATE journal_entries SET memo = 'nothing to see' WHERE id = :id",
            params={"id": row.id})
    # The attacker recomputes this row's hash exactly as verify would...
    payload = _one(admin, "SELECT r.prev_hash, " + _payload("journal_entries")
                   + " AS p FROM journal_entries r WHERE id = :id", id=row.id)
    _bypass(admin, "UPDATE journal_entries SET row_hash = :h WHERE id = :id",
            params={"h": row_hash(payload.prev_hash, payload.p), "id": row.id})
    # ...but the next row still links to the old hash.
    nxt = _one(admin, "SELECT id FROM journal_entries WHERE hospital_id = :h "
                      "AND chain_seq = :s", h=row.hospital_id, s=row.chain_seq + 1)
    b = _only_break(admin)
    assert (b.chain, b.row_id) == ("journal_entries", nxt.id)
    assert "link to the previous row broken" in b.problem


def test_deleted_row_is_detected(admin):
    row = _one(admin, "SELECT id, chain_seq FROM insurance_verification_audits "
                      "ORDER BY chain_seq OFFSET 20 LIMIT 1")
    _bypass(admin, "DELETE FROM insurance_verification_audits WHERE id = :id",
            params={"id": row.id})
    b = _only_break(admin)
    assert b.chain == "audit" and b.chain_seq == row.chain_seq + 1
    assert f"seq {row.chain_seq}..{row.chain_seq} are missing" in b.problem


def test_deleted_newest_rows_are_detected_by_the_head(admin):
    last = _one(admin, "SELECT max(chain_seq) AS s FROM journal_entries")
    _bypass(admin, "DELETE FROM journal_lines WHERE entry_id IN "
                   "(SELECT id FROM journal_entries WHERE chain_seq = :s)",
            "DELETE FROM journal_entries WHERE chain_seq = :s", params={"s": last.s})
    report = verify_chains(admin)
    problems = {b.chain: b for b in report.breaks}
    assert "newest rows are missing" in problems["journal_entries"].problem
    assert problems["journal_entries"].row_id is None


def test_forged_row_without_the_trigger_is_detected(admin):
    _bypass(admin, """
        INSERT INTO insurance_verification_audits (hospital_id, action, reason, performed_at)
        SELECT hospital_id, 'COPAY_WAIVED', 'forged', performed_at FROM
          insurance_verification_audits ORDER BY id LIMIT 1""")
    b = _only_break(admin)
    assert b.chain == "audit" and "not in the chain" in b.problem


def test_forged_row_with_a_copied_link_is_detected(admin):
    # A forged row that claims a place in the chain (seq, prev_hash and row_hash of a real
    # row) cannot carry a hash that matches its own content.
    real = _one(admin, "SELECT hospital_id, chain_seq, prev_hash, row_hash, performed_at "
                       "FROM insurance_verification_audits ORDER BY chain_seq DESC LIMIT 1")
    _bypass(admin, "INSERT INTO insurance_verification_audits (hospital_id, action, reason, "
                   "performed_at, chain_seq, prev_hash, row_hash) VALUES (:h, 'COPAY_WAIVED', "
                   "'forged', :at, :s, :p, :r)",
            params={"h": real.hospital_id, "at": real.performed_at, "s": real.chain_seq + 1,
                    "p": real.row_hash, "r": "f" * 64})
    b = _only_break(admin)
    assert b.chain == "audit" and "changed after it was written" in b.problem


def test_cli_reports_the_break_and_exits_1(admin, fresh_db_url, monkeypatch, capsys, tmp_path):
    from app.__main__ import main

    monkeypatch.setenv("DATABASE_URL", fresh_db_url)
    monkeypatch.setenv("CLINICDESK_CONFIG", str(tmp_path / "none.toml"))
    assert main(["audit", "verify", "--hospital", "DXB01"]) == 0
    assert "every chain verifies" in capsys.readouterr().out
    row = _one(admin, "SELECT id FROM activity_logs ORDER BY id LIMIT 1")
    _bypass(admin, "UPDATE activity_logs SET action = 'NOTHING' WHERE id = :id",
            params={"id": row.id})
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr()
    assert f"BROKEN activity hospital 1: row id {row.id}" in out.out
    assert "1 broken chain(s)" in out.err
    assert main(["audit", "verify", "--hospital", "NOPE"]) == 2


def _payload(table: str) -> str:
    from app.db.chain import CHAINS, payload_sql

    (chain,) = [c for c in CHAINS if c.table == table]
    return payload_sql(chain, "r")
