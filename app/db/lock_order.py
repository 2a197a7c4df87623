"""One lock order for every transaction: row locks first, then the hash chain.

Writing an audit, activity or journal row takes the hospital's hash-chain lock (a
transaction-level advisory lock, app/db/chain.py) until the transaction ends. A transaction
that then waits for a row lock (``SELECT … FOR UPDATE``) can deadlock with one that holds
that row and is about to write its own audit row — exactly what eligibility verification
did against a check-in (tests/services/test_lock_order.py). The rule is therefore: lock the
rows you will change before anything is written to a chained table.

``install()`` makes the rule checked on every ORM session instead of remembered by each
service: a ``FOR UPDATE`` read after a chained row was written (or while one is pending and
about to be autoflushed) is refused with ``LockOrderViolation`` where the environment asks
for strictness (``CLINICDESK_STRICT_LOCK_ORDER=1``: the test suite) and logged otherwise, so
a clinic's desk is never stopped by the check itself.
"""

from __future__ import annotations

import logging
import os

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from app.db.chain import CHAINS

log = logging.getLogger(__name__)

CHAINED_TABLES = frozenset(c.table for c in CHAINS)
_FLAG = "cd_chain_locked"
_installed = False


class LockOrderViolation(RuntimeError):
    """A programming error: a row lock requested after the hash-chain lock was taken."""


def _table(obj: object) -> str | None:
    table = getattr(obj, "__table__", None)
    return getattr(table, "name", None)


def _chained_pending(session: Session) -> bool:
    return any(_table(obj) in CHAINED_TABLES for obj in session.new)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    if _chained_pending(session):  # still listed as new until the flush completes
        session.info[_FLAG] = True


def _do_orm_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if state.is_insert and getattr(getattr(statement, "table", None), "name",
                                   None) in CHAINED_TABLES:
        state.session.info[_FLAG] = True
        return
    if not state.is_select or getattr(statement, "_for_update_arg", None) is None:
        return
    session = state.session
    if session.info.get(_FLAG) or (session.autoflush and _chained_pending(session)):
        message = ("row lock (SELECT … FOR UPDATE) requested after an audit, activity or "
                   "journal row was written in the same transaction: lock rows first "
                   "(app/db/lock_order.py)")
        if os.environ.get("CLINICDESK_STRICT_LOCK_ORDER") == "1":
            raise LockOrderViolation(message)
        log.warning(message)


def _transaction_ended(session: Session, transaction) -> None:
    if transaction.parent is None:  # the real transaction, not a savepoint
        session.info.pop(_FLAG, None)


def install() -> None:
    """Check the lock order on every ORM session of the process (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _do_orm_execute)
    event.listen(Session, "after_transaction_end", _transaction_ended)
