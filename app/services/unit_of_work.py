"""One service call = one unit of work: a session, a transaction, and the audit writers.

    with uow_factory() as uow:
        ...
        uow.activity(actor, "COPAY_COLLECTED", "appointment", appt.id, {...})
        uow.commit()

Leaving the block without ``commit()`` rolls everything back (cosmicpython's rule). Each
unit of work opens its own Session: a Session is never shared between threads.

``uow_factory(actor)`` checks the actor's login session as the first statement of the unit
of work (app/services/session_check.py). A hot path that folds the check into a statement of
its own asks for ``uow_factory(actor, fold_session_check=True)`` and must then hand the
state its statement returned to ``uow.verify_session(state)``; a unit of work whose check was
neither made nor handed over refuses to commit and raises on leaving, so a folded path
cannot forget it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import ActivityLog, InsuranceAudit
from app.db.timeouts import Timeouts, translate_db_error
from app.domain.enums import ActorType, AuditAction
from app.domain.errors import DatabaseUnavailable, ValidationError
from app.domain.messages import messages
from app.services import session_check
from app.services.context import Actor
from app.services.workstation import ip_address_sql, workstation_name

M = messages(__name__)


def jsonable(value: Any) -> Any:
    """Make a payload JSON-safe without losing fils: Decimal -> "12.50", dates -> ISO."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "to_dict"):
        return jsonable(value.to_dict())
    return value


class SessionCheckSkipped(RuntimeError):
    """A programming error: a unit of work folded the session check and never verified it."""


def _lost(exc: BaseException) -> DatabaseUnavailable:
    return DatabaseUnavailable(M(
        "connection_lost", "The database connection was lost; nothing was saved. Try again in "
        "a moment."))


class UnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], actor: Actor | None = None, *,
                 fold_session_check: bool = False, timeouts: Timeouts | None = None) -> None:
        self._session_factory = session_factory
        self._actor = actor
        self._fold = fold_session_check
        self._verified = actor is None or session_check.is_exempt(actor)
        self._timeouts = timeouts
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        if self._timeouts is not None:
            # Only for call kinds other than the desk's (whose limits are the connection's
            # own, set when it was opened): SET LOCAL ends with this transaction.
            self.session.execute(sa.text(self._timeouts.set_local_sql()))
        if not self._verified and not self._fold:
            try:
                self.verify_session_now()
            except BaseException as exc:
                self.session.close()
                if isinstance(exc, sa.exc.DBAPIError):
                    raise (translate_db_error(exc) or _lost(exc)) from exc
                raise
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, sa.exc.DBAPIError):
            typed = translate_db_error(exc)
            if typed is not None:
                raise typed from exc
        elif isinstance(exc, UnicodeEncodeError):
            # A lone surrogate reached the driver; the domain's text checks should stop it first.
            raise ValidationError(M("value_contains_broken_character",
                                    "A value contains a broken character that cannot be stored; "
                                    "nothing was saved. Retype it.")) from exc
        if exc is None and not self._verified:
            raise SessionCheckSkipped("a unit of work folded the session check but never "
                                      "called verify_session()")

    # -- the caller's login session (app/services/session_check.py) --

    @property
    def session_params(self) -> dict[str, Any]:
        """Bind parameters for a statement that folds in session_check.STATE_SQL."""
        assert self._actor is not None
        return session_check.params(self._actor)

    def verify_session(self, state: str | None) -> None:
        """Hand over the session state a folded statement returned: SessionEnded unless OK
        (system actors pass whatever it says: they have no session)."""
        assert self._actor is not None
        if not session_check.is_exempt(self._actor):
            session_check.refuse_unless_ok(state)
        self._verified = True

    def verify_session_now(self) -> None:
        """The check as a statement of its own: for a folded path whose statement found no
        row (so the refusal, not "not found", is what a signed-out caller learns)."""
        assert self._actor is not None
        session_check.check(self.session, self._actor)
        self._verified = True

    def commit(self) -> None:
        if not self._verified:
            raise SessionCheckSkipped("commit before the session check was verified")
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()

    # -- audit writers: called inside the same transaction as the change they describe --

    def activity(
        self,
        actor: Actor,
        action: str,
        target_type: str | None = None,
        target_id: object = None,
        payload: dict[str, Any] | None = None,
    ) -> None:
        self.session.add(
            ActivityLog(
                hospital_id=actor.hospital_id,
                actor_type=ActorType.SYSTEM if actor.user_id is None else ActorType.USER,
                user_id=actor.user_id,
                action=action,
                target_type=target_type,
                target_id=None if target_id is None else str(target_id),
                payload=jsonable(payload or {}),
                workstation=actor.workstation or workstation_name(),
                ip_address=ip_address_sql(),
            )
        )

    def audit(
        self,
        actor: Actor,
        action: AuditAction,
        *,
        patient_id: int | None = None,
        appointment_id: int | None = None,
        previous: dict[str, Any] | None = None,
        new: dict[str, Any] | None = None,
        dha_response: dict[str, Any] | None = None,
        reason: str | None = None,
    ) -> InsuranceAudit:
        row = InsuranceAudit(
            hospital_id=actor.hospital_id,
            patient_id=patient_id,
            appointment_id=appointment_id,
            action=action,
            previous_data=None if previous is None else jsonable(previous),
            new_data=None if new is None else jsonable(new),
            dha_response=None if dha_response is None else jsonable(dha_response),
            reason=reason,
            performed_by=actor.user_id,
            workstation=actor.workstation or workstation_name(),
            ip_address=ip_address_sql(),
        )
        self.session.add(row)
        return row


class UowFactory:
    """Makes units of work. ``read_only=True`` gives one in autocommit mode: a read that is a
    single statement (the copay quote, a queue row) then costs one round trip, with no
    BEGIN/ROLLBACK around it; it must not write."""

    def __init__(self, session_factory: sessionmaker[Session],
                 timeouts: Timeouts | None = None) -> None:
        self.session_factory = session_factory
        self.timeouts = timeouts
        bind = session_factory.kw.get("bind")
        if isinstance(bind, sa.Engine):
            self._read_factory = sessionmaker(
                bind=bind.execution_options(isolation_level="AUTOCOMMIT"),
                expire_on_commit=False)
        else:  # tests bind to one connection inside a transaction: reads just join it
            self._read_factory = session_factory

    def __call__(self, actor: Actor | None = None, *, read_only: bool = False,
                 fold_session_check: bool = False) -> UnitOfWork:
        """A unit of work for ``actor``'s call, its login session checked (None: the few
        calls made before anyone is signed in, such as sign-in itself)."""
        if self.timeouts is not None:
            # SET LOCAL needs a transaction: no autocommit shortcut for these call kinds.
            return UnitOfWork(self.session_factory, actor,
                              fold_session_check=fold_session_check, timeouts=self.timeouts)
        return UnitOfWork(self._read_factory if read_only else self.session_factory, actor,
                          fold_session_check=fold_session_check)

    def with_timeouts(self, timeouts: Timeouts) -> UowFactory:
        """The same database with other limits: reports and exports (long statements), the
        background jobs (a longer lock wait; nobody is standing at a desk)."""
        return UowFactory(self.session_factory, timeouts)


def uow_factory(session_factory: sessionmaker[Session]) -> UowFactory:
    return UowFactory(session_factory)


def dumps(payload: Any) -> str:
    return json.dumps(jsonable(payload), sort_keys=True)
