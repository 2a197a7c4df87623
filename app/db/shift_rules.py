"""What the database enforces for cash drawer shifts: SQL run by migration 0006.

- ``cash_shifts``: a new shift starts open with ``expected_cash`` = its opening float; an open
  shift may only change by its movements (expected cash) and by its close (count, difference,
  reason, approval); who, where, when and the float never change; a closed shift never
  changes at all, not even for the owner or a superuser; shifts are never deleted.
  ``expected_cash`` must always equal the opening float plus the shift's cash movements.
- ``shift_movements``: append-only; a movement goes only to an open shift of the same
  hospital, and a cash one moves the shift's ``expected_cash`` (whose CHECK keeps the drawer
  from going below zero). The shift row is locked meanwhile, so two desks posting to it queue.
- ``journal_lines``: a line on the cash account (1000) needs a cash movement of the same
  amount for its entry: checked at commit (deferred), so no code path can take or pay out
  cash without an open shift.
"""

from __future__ import annotations

from app.services.ledger import ACCOUNT_CASH as CASH_ACCOUNT_CODE

UPGRADE_SQL: list[str] = [
    """
    CREATE FUNCTION cd_shift_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.closed_at IS NOT NULL OR NEW.counted_cash IS NOT NULL
           OR NEW.approved_by IS NOT NULL THEN
            RAISE EXCEPTION 'a cash shift starts open' USING ERRCODE = 'check_violation';
        END IF;
        NEW.expected_cash := NEW.opening_float;
        RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER cash_shifts_insert BEFORE INSERT ON cash_shifts
        FOR EACH ROW EXECUTE FUNCTION cd_shift_insert();
    """,
    """
    CREATE FUNCTION cd_shift_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        cash numeric;
    BEGIN
        IF TG_OP <> 'UPDATE' THEN
            RAISE EXCEPTION 'cash shifts are never deleted (%)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.closed_at IS NOT NULL THEN
            RAISE EXCEPTION 'cash shift % is closed and cannot be changed', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.id, NEW.hospital_id, NEW.user_id, NEW.workstation, NEW.opened_at,
            NEW.opening_float, NEW.handed_over_from_id)
           IS DISTINCT FROM (OLD.id, OLD.hospital_id, OLD.user_id, OLD.workstation,
                             OLD.opened_at, OLD.opening_float, OLD.handed_over_from_id)
           OR NEW.opening_denominations IS DISTINCT FROM OLD.opening_denominations THEN
            RAISE EXCEPTION 'cash shift %: who, where, when and the float never change', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT COALESCE(sum(amount), 0) INTO cash FROM shift_movements
         WHERE shift_id = NEW.id AND tender = 'CASH';
        IF NEW.expected_cash <> NEW.opening_float + cash THEN
            RAISE EXCEPTION 'cash shift %: expected cash % is not the float % plus its cash '
                            'movements %', NEW.id, NEW.expected_cash, NEW.opening_float, cash
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER cash_shifts_guard BEFORE UPDATE OR DELETE ON cash_shifts
        FOR EACH ROW EXECUTE FUNCTION cd_shift_guard();
    CREATE TRIGGER cash_shifts_no_truncate BEFORE TRUNCATE ON cash_shifts
        FOR EACH STATEMENT EXECUTE FUNCTION cd_refuse_change();
    CREATE TRIGGER cash_shifts_notify AFTER INSERT OR UPDATE ON cash_shifts
        FOR EACH ROW EXECUTE FUNCTION cd_notify_change();
    """,
    """
    CREATE FUNCTION cd_shift_movement() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        s record;
    BEGIN
        SELECT hospital_id, closed_at INTO s FROM cash_shifts WHERE id = NEW.shift_id
           FOR UPDATE;
        IF NOT FOUND OR s.closed_at IS NOT NULL OR s.hospital_id <> NEW.hospital_id THEN
            RAISE EXCEPTION 'cash shift % is not open at this hospital: no movement can be '
                            'added to it', NEW.shift_id USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.tender = 'CASH' THEN
            UPDATE cash_shifts SET expected_cash = expected_cash + NEW.amount
             WHERE id = NEW.shift_id;
        END IF;
        RETURN NULL;
    END $$;
    """,
    """
    CREATE TRIGGER shift_movements_post AFTER INSERT ON shift_movements
        FOR EACH ROW EXECUTE FUNCTION cd_shift_movement();
    CREATE TRIGGER shift_movements_append_only BEFORE UPDATE OR DELETE ON shift_movements
        FOR EACH ROW EXECUTE FUNCTION cd_refuse_change();
    CREATE TRIGGER shift_movements_no_truncate BEFORE TRUNCATE ON shift_movements
        FOR EACH STATEMENT EXECUTE FUNCTION cd_refuse_change();
    """,
    f"""
    CREATE FUNCTION cd_cash_line_needs_shift() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM gl_accounts WHERE id = NEW.account_id
                                               AND code = '{CASH_ACCOUNT_CODE}')
           AND NOT EXISTS (SELECT 1 FROM shift_movements
                            WHERE journal_entry_id = NEW.entry_id AND tender = 'CASH'
                              AND amount = NEW.debit - NEW.credit) THEN
            RAISE EXCEPTION 'journal entry % moves cash without a cash movement of an open '
                            'shift', NEW.entry_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END $$;
    """,
    """
    CREATE CONSTRAINT TRIGGER journal_lines_cash_needs_shift
        AFTER INSERT ON journal_lines
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION cd_cash_line_needs_shift();
    """,
]

DOWNGRADE_SQL: list[str] = [
    "DROP TRIGGER IF EXISTS journal_lines_cash_needs_shift ON journal_lines;",
    "DROP FUNCTION IF EXISTS cd_cash_line_needs_shift();",
    "DROP TRIGGER IF EXISTS shift_movements_post ON shift_movements;",
    "DROP TRIGGER IF EXISTS shift_movements_append_only ON shift_movements;",
    "DROP TRIGGER IF EXISTS shift_movements_no_truncate ON shift_movements;",
    "DROP FUNCTION IF EXISTS cd_shift_movement();",
    "DROP TRIGGER IF EXISTS cash_shifts_guard ON cash_shifts;",
    "DROP TRIGGER IF EXISTS cash_shifts_no_truncate ON cash_shifts;",
    "DROP TRIGGER IF EXISTS cash_shifts_notify ON cash_shifts;",
    "DROP FUNCTION IF EXISTS cd_shift_guard();",
    "DROP TRIGGER IF EXISTS cash_shifts_insert ON cash_shifts;",
    "DROP FUNCTION IF EXISTS cd_shift_insert();",
]
