"""Rules the database itself enforces beyond columns and constraints: SQL run by the migrations.

- the audit and activity tables are append-only (UPDATE/DELETE/TRUNCATE raise);
- a journal entry balances: checked by a deferred constraint trigger at commit;
- every change to the tables the screens show sends a NOTIFY, so other workstations refresh.

This is what migration 0001 runs, so it stays as it is. Migration 0003 makes journal entries,
journal lines and copay payments append-only with the same ``cd_refuse_change()`` and adds the
hash chain (app/db/chain.py).
"""

from __future__ import annotations

APPEND_ONLY_TABLES = ("insurance_verification_audits", "activity_logs")

# Tables whose changes other workstations must see; the payload names the table and row id.
NOTIFY_TABLES = ("appointments", "copay_payments", "copay_refunds", "patients",
                 "patient_insurances", "insurance_verification_audits")
NOTIFY_CHANNEL = "clinicdesk_changes"

UPGRADE_SQL: list[str] = [
    """
    CREATE FUNCTION cd_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END $$;
    """,
    *[
        f"""
        CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t}
            FOR EACH ROW EXECUTE FUNCTION cd_refuse_change();
        CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t}
            FOR EACH STATEMENT EXECUTE FUNCTION cd_refuse_change();
        """
        for t in APPEND_ONLY_TABLES
    ],
    """
    CREATE FUNCTION cd_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        eid bigint := COALESCE(NEW.entry_id, OLD.entry_id);
        d numeric; c numeric; n int;
    BEGIN
        SELECT COALESCE(sum(debit), 0), COALESCE(sum(credit), 0), count(*)
          INTO d, c, n FROM journal_lines WHERE entry_id = eid;
        IF n > 0 AND (d <> c OR n < 2) THEN
            RAISE EXCEPTION 'journal entry % does not balance: debits % <> credits %', eid, d, c
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END $$;
    """,
    """
    CREATE CONSTRAINT TRIGGER journal_lines_balanced
        AFTER INSERT OR UPDATE OR DELETE ON journal_lines
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION cd_check_entry_balanced();
    """,
    f"""
    CREATE FUNCTION cd_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        r record := COALESCE(NEW, OLD);
    BEGIN
        PERFORM pg_notify('{NOTIFY_CHANNEL}',
            json_build_object('table', TG_TABLE_NAME, 'op', TG_OP, 'id', r.id,
                              'hospital_id', r.hospital_id)::text);
        RETURN NULL;
    END $$;
    """,
    *[
        f"""
        CREATE TRIGGER {t}_notify AFTER INSERT OR UPDATE OR DELETE ON {t}
            FOR EACH ROW EXECUTE FUNCTION cd_notify_change();
        """
        for t in NOTIFY_TABLES
    ],
]

DOWNGRADE_SQL: list[str] = [
    *[f"DROP TRIGGER IF EXISTS {t}_notify ON {t};" for t in NOTIFY_TABLES],
    "DROP FUNCTION IF EXISTS cd_notify_change();",
    "DROP TRIGGER IF EXISTS journal_lines_balanced ON journal_lines;",
    "DROP FUNCTION IF EXISTS cd_check_entry_balanced();",
    *[
        f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}; DROP TRIGGER IF EXISTS {t}_no_truncate ON {t};"
        for t in APPEND_ONLY_TABLES
    ],
    "DROP FUNCTION IF EXISTS cd_refuse_change();",
]
