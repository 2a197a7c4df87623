"""The tamper-evident hash chain over the audit, the activity log and the general ledger.

Four chains, each kept per hospital: ``audit`` (insurance_verification_audits), ``activity``
(activity_logs; rows without a hospital go to hospital key 0), ``journal_entries`` and
``journal_lines`` (a line belongs to its entry's hospital). Every row carries

- ``chain_seq``: 1, 2, 3 ... within (chain, hospital), with no gaps;
- ``prev_hash``: the ``row_hash`` of the row before it (64 zeros for the first row);
- ``row_hash``: ``sha256(prev_hash || '|' || payload)`` as lower-case hex.

A ``BEFORE INSERT`` trigger fills the three columns in the inserting transaction, whatever
path inserts the row (ORM, the batched collect statement, the demo). It first takes a
transaction-level advisory lock on the hospital (:data:`LOCK_CLASS`, hospital key), so
concurrent desks queue for the few microseconds between the head read and commit and the chain
cannot fork; a UNIQUE (hospital, chain_seq) index on every table backs that up. The head of
each chain (last seq and hash) lives in ``hash_chain_heads``, so deleting the newest rows is
detected too. The trigger functions are SECURITY DEFINER: the desks' login role needs no
privilege on ``hash_chain_heads`` at all.

Canonical payload (the text hashed), one JSON array per row as PostgreSQL's
``jsonb_build_array(...)::text`` renders it:
``[chain, hospital key, chain_seq, id, <the table's columns in the order of CHAINS>]`` where

- timestamps are UTC, ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (never the session's time zone);
- NUMERIC money keeps its stored scale (``12.50``); integers as numbers; NULL as ``null``;
- text/VARCHAR (enum values included) as JSON strings;
- JSONB columns (audit previous/new data, activity payload) as nested JSON in PostgreSQL's
  canonical jsonb form (keys sorted by length then bytes, one space after ``:`` and ``,``).

``python -m app audit verify`` (app/db/chain_verify.py) selects the same payload expression
from the stored rows and recomputes every hash in Python.

Known cost: the trigger updates the head row once per chained row, so one transaction that
inserts very many chained rows (tens of thousands) slows down quadratically (each UPDATE leaves
a row version the next must step over). Desk transactions chain a handful of rows and the
demo a few hundred; bulk loads should load with the triggers off and run the seal functions
(:func:`seal_sql`), which keep the head in variables.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHAINS", "Chain", "GENESIS", "LOCK_CLASS", "UPGRADE_SQL", "DOWNGRADE_SQL",
           "payload_sql", "seal_sql"]

GENESIS = "0" * 64
# First key of pg_advisory_xact_lock(int, int); the two-int key space never meets the
# one-bigint hashtext() keys of app/db/locks.py and the migrations.
LOCK_CLASS = 1128547401
HEADS_TABLE = "hash_chain_heads"


@dataclass(frozen=True)
class Chain:
    name: str
    table: str
    columns: tuple[str, ...]
    timestamps: tuple[str, ...] = ()
    # How the row's hospital is found; ``{r}`` is the row (NEW in the trigger, the table alias
    # in verify). Lines look theirs up once, in the trigger, and store it in hospital_id.
    key_expr: str = "{r}.hospital_id"


CHAINS: tuple[Chain, ...] = (
    Chain("audit", "insurance_verification_audits",
          ("hospital_id", "patient_id", "appointment_id", "action", "previous_data", "new_data",
           "dha_response", "reason", "performed_by", "performed_at", "workstation",
           "ip_address"), timestamps=("performed_at",)),
    Chain("activity", "activity_logs",
          ("hospital_id", "actor_type", "user_id", "action", "target_type", "target_id",
           "payload", "workstation", "ip_address", "created_at"),
          timestamps=("created_at",), key_expr="COALESCE({r}.hospital_id, 0)"),
    Chain("journal_entries", "journal_entries",
          ("hospital_id", "posted_at", "memo", "source_type", "source_id", "reverses_entry_id",
           "posted_by"), timestamps=("posted_at",)),
    Chain("journal_lines", "journal_lines",
          ("hospital_id", "entry_id", "account_id", "debit", "credit")),
)


def _value(chain: Chain, column: str, r: str) -> str:
    if column in chain.timestamps:
        return (f"to_char({r}.{column} AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
    return f"{r}.{column}"


def payload_sql(chain: Chain, r: str) -> str:
    """The canonical payload of row ``r`` as a SQL text expression."""
    parts = [f"'{chain.name}'", chain.key_expr.format(r=r), f"{r}.chain_seq", f"{r}.id",
             *(_value(chain, c, r) for c in chain.columns)]
    return f"jsonb_build_array({', '.join(parts)})::text"


def _link_sql(chain: Chain) -> str:
    """The body shared by the insert trigger and the seal function: NEW gets its place."""
    return f"""
        k := {chain.key_expr.format(r="NEW")};
        PERFORM pg_advisory_xact_lock({LOCK_CLASS}, (k % 2147483647)::int);
        SELECT last_seq, last_hash INTO seq, prev FROM {HEADS_TABLE}
         WHERE chain = '{chain.name}' AND hospital_key = k;
        IF NOT FOUND THEN
            seq := 0; prev := '{GENESIS}';
            INSERT INTO {HEADS_TABLE} (chain, hospital_key, last_seq, last_hash)
            VALUES ('{chain.name}', k, 0, prev);
        END IF;
        NEW.chain_seq := seq + 1;
        NEW.prev_hash := prev;
        NEW.row_hash := {_hash_sql(chain)};
        UPDATE {HEADS_TABLE} SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash,
                                 updated_at = now()
         WHERE chain = '{chain.name}' AND hospital_key = k;
    """


def _lookup_line_hospital() -> str:
    return """
        IF NEW.hospital_id IS NULL THEN
            SELECT hospital_id INTO NEW.hospital_id FROM journal_entries WHERE id = NEW.entry_id;
        END IF;
    """


def _trigger_sql(chain: Chain) -> str:
    pre = _lookup_line_hospital() if chain.table == "journal_lines" else ""
    return f"""
    CREATE FUNCTION cd_chain_{chain.name}() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE
        k bigint; seq bigint; prev text;
    BEGIN
        {pre}
        {_link_sql(chain)}
        RETURN NEW;
    END $$;
    REVOKE ALL ON FUNCTION cd_chain_{chain.name}() FROM PUBLIC;
    CREATE TRIGGER {chain.table}_chain BEFORE INSERT ON {chain.table}
        FOR EACH ROW EXECUTE FUNCTION cd_chain_{chain.name}();
    """


def _hash_sql(chain: Chain) -> str:
    return (f"encode(sha256(convert_to(prev || '|' || {payload_sql(chain, 'NEW')}, 'UTF8')), "
            "'hex')")


def seal_sql(chain: Chain) -> str:
    """A function that chains the rows a bulk load left unchained (``chain_seq IS NULL``), in
    (hospital, id) order: the migration runs it for rows older than the chain, the benchmark
    generator after its trigger-less load. It keeps each hospital's running seq and hash in
    variables and writes the head once per hospital (updating the head row per row would make
    a long transaction quadratic: every UPDATE leaves a row version the next read must step
    over). It UPDATEs append-only rows, so only a session that may bypass those triggers (the
    owner with them disabled, or session_replication_role = replica) can run it usefully; the
    desks' role may not execute it."""
    pre = _lookup_line_hospital() if chain.table == "journal_lines" else ""
    if chain.table == "journal_lines":
        rows = ("SELECT r.* FROM journal_lines r LEFT JOIN journal_entries e ON e.id = r.entry_id"
                " WHERE r.chain_seq IS NULL ORDER BY COALESCE(r.hospital_id, e.hospital_id), r.id")
    else:
        rows = (f"SELECT r.* FROM {chain.table} r WHERE r.chain_seq IS NULL "
                f"ORDER BY {chain.key_expr.format(r='r')}, r.id")
    head = f"""
                INSERT INTO {HEADS_TABLE} (chain, hospital_key, last_seq, last_hash)
                VALUES ('{chain.name}', cur, seq, prev)
                ON CONFLICT (chain, hospital_key) DO UPDATE
                   SET last_seq = excluded.last_seq, last_hash = excluded.last_hash,
                       updated_at = now();"""
    # The rows are written 5,000 at a time (one UPDATE ... FROM unnest per batch, several
    # times faster than an UPDATE per row).
    flush = f"""
                UPDATE {chain.table} t
                   SET chain_seq = u.seq, prev_hash = u.prev, row_hash = u.hash,
                       hospital_id = u.hosp
                  FROM unnest(ids, seqs, prevs, hashes, hosps) AS u(id, seq, prev, hash, hosp)
                 WHERE t.id = u.id;
                ids := '{{}}'; seqs := '{{}}'; prevs := '{{}}'; hashes := '{{}}';
                hosps := '{{}}';"""
    return f"""
    CREATE FUNCTION cd_chain_seal_{chain.name}() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
        NEW {chain.table}%ROWTYPE; k bigint; cur bigint; seq bigint; prev text;
        n bigint := 0;
        ids bigint[] := '{{}}'; seqs bigint[] := '{{}}'; prevs text[] := '{{}}';
        hashes text[] := '{{}}'; hosps bigint[] := '{{}}';
    BEGIN
        FOR NEW IN {rows} LOOP
            {pre}
            k := {chain.key_expr.format(r="NEW")};
            IF cur IS DISTINCT FROM k THEN
                IF cur IS NOT NULL THEN {head}
                END IF;
                PERFORM pg_advisory_xact_lock({LOCK_CLASS}, (k % 2147483647)::int);
                SELECT last_seq, last_hash INTO seq, prev FROM {HEADS_TABLE}
                 WHERE chain = '{chain.name}' AND hospital_key = k;
                IF NOT FOUND THEN
                    seq := 0; prev := '{GENESIS}';
                END IF;
                cur := k;
            END IF;
            seq := seq + 1;
            NEW.chain_seq := seq;
            NEW.prev_hash := prev;
            NEW.row_hash := {_hash_sql(chain)};
            prev := NEW.row_hash;
            ids := ids || NEW.id; seqs := seqs || NEW.chain_seq; prevs := prevs || NEW.prev_hash;
            hashes := hashes || NEW.row_hash; hosps := hosps || NEW.hospital_id;
            n := n + 1;
            IF n % 5000 = 0 THEN {flush}
            END IF;
        END LOOP;
        {flush}
        IF cur IS NOT NULL THEN {head}
        END IF;
        RETURN n;
    END $$;
    REVOKE ALL ON FUNCTION cd_chain_seal_{chain.name}() FROM PUBLIC;
    """


UPGRADE_SQL: list[str] = [
    *[_trigger_sql(c) for c in CHAINS],
    *[seal_sql(c) for c in CHAINS],
]

DOWNGRADE_SQL: list[str] = [
    *[f"DROP TRIGGER IF EXISTS {c.table}_chain ON {c.table};" for c in CHAINS],
    *[f"DROP FUNCTION IF EXISTS cd_chain_{c.name}();" for c in CHAINS],
    *[f"DROP FUNCTION IF EXISTS cd_chain_seal_{c.name}();" for c in CHAINS],
]
