"""How long a call may wait for a lock or run a statement, per kind of call, and what the
desk is told when PostgreSQL gives up.

Without limits a collect waits forever behind a desk that hung holding the appointment's row
lock. The desk's limits are set once per connection (libpq ``options``: no extra round trip
on the hot path); reports, exports and background jobs raise theirs with ``SET LOCAL`` at the
start of their own transactions (:meth:`UowFactory.with_timeouts`).

- desk: wait at most 3 s for a row lock, run a statement at most 15 s; a transaction left
  idle by a hung workstation is ended after 60 s, releasing its locks;
- report (audit page/export): 3 s lock wait, 120 s per statement;
- job (the background sync): 10 s lock wait (nobody is standing at a desk), 60 s statement.

PostgreSQL's refusals become typed errors (:func:`translate_db_error`): lock_not_available
(55P03) -> RecordBusy, query_canceled (57014) -> TimedOut, deadlock_detected (40P01) ->
Deadlock, serialization_failure (40001) -> ConcurrentUpdate, idle_in_transaction_session_
timeout (25P03) and a lost connection -> DatabaseUnavailable, a data exception (class 22:
value out of range, string too long, NUL byte) -> ValidationError. The domain checks input
first; the last one is the net.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.domain.errors import (
    ConcurrentUpdate,
    DatabaseUnavailable,
    Deadlock,
    DomainError,
    RecordBusy,
    TimedOut,
    ValidationError,
)


@dataclass(frozen=True)
class Timeouts:
    lock_ms: int
    statement_ms: int
    idle_in_transaction_ms: int = 0  # 0: PostgreSQL's default (never)

    def connect_options(self) -> str:
        """The libpq ``options`` string that makes these the connection's defaults."""
        opts = [f"-c lock_timeout={self.lock_ms}", f"-c statement_timeout={self.statement_ms}"]
        if self.idle_in_transaction_ms:
            opts.append(f"-c idle_in_transaction_session_timeout={self.idle_in_transaction_ms}")
        return " ".join(opts)

    def set_local_sql(self) -> str:
        # Integers from this module only: nothing user-typed is formatted into SQL.
        return (f"SET LOCAL lock_timeout = {int(self.lock_ms)}; "
                f"SET LOCAL statement_timeout = {int(self.statement_ms)}")


DESK = Timeouts(lock_ms=3_000, statement_ms=15_000, idle_in_transaction_ms=60_000)
REPORT = Timeouts(lock_ms=3_000, statement_ms=120_000)
JOB = Timeouts(lock_ms=10_000, statement_ms=60_000)

BUSY_MESSAGE = ("Another desk is working on this visit or record right now — try again in a "
                "moment. Nothing was saved.")


def translate_db_error(exc: sa.exc.DBAPIError) -> DomainError | None:
    """The typed error for a driver error raised inside a unit of work, or None to let it
    through (integrity errors: the services that expect them handle them)."""
    state = getattr(exc.orig, "sqlstate", None) or ""
    if state == "55P03":
        return RecordBusy(BUSY_MESSAGE)
    if state == "57014":
        return TimedOut("The database took too long to answer and the action was stopped; "
                        "nothing was saved. Try again, or narrow the search or date range.")
    if state == "40P01":
        return Deadlock("Two desks changed the same records at the same moment and this one "
                        "was stopped; nothing was saved. Try again.")
    if state == "40001":
        return ConcurrentUpdate("Another desk changed this record at the same moment; nothing "
                                "was saved. Try again.")
    if state == "25P03":
        return DatabaseUnavailable(
            "This workstation held a change open too long and the database ended it; nothing "
            "was saved. Try again.")
    if isinstance(exc, sa.exc.DataError) or state.startswith("22"):
        return ValidationError("A value is too long, out of range or contains a character the "
                               "database cannot store; nothing was saved. Check what was typed.")
    if isinstance(exc, sa.exc.OperationalError) or state[:2] in ("08", "57"):
        return DatabaseUnavailable(
            "The database connection was lost; nothing was saved. Try again in a moment.")
    return None
