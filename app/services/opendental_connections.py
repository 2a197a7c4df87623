"""OpenDental connections per hospital (seed 000 flow 2, "clinic onboarding"): list, get,
create, update, remove, store or clear the API keys, and "Test connection".

Every public call checks MANAGE_OPENDENTAL (hospital and super admins), is one transaction,
and writes an activity entry naming who changed what; the keys never reach the database, the
activity log or a screen: they go to this computer's keyring
(app/integrations/opendental/credentials.py), and the form only learns whether they are stored.

Decisions (also in docs/readme/opendental-setup.md):

- **Base URL.** CLOUD needs ``https://`` (it crosses the internet). LOCAL (the Local API on the
  OpenDental server PC, ``http://localhost:30222/api/v1``) may use ``http://`` only to this
  computer (loopback). SERVICE (the API Service on the clinic's LAN, port 30223) may use
  ``http://`` only to a private-network address (10/8, 172.16/12, 192.168/16, link-local) or a
  LAN host name (one label, or ``.local``/``.lan``/``.internal``/``.home.arpa``); anything else
  needs ``https://``. No user name or password in the URL (keys go to the keyring), no query or
  fragment. SANDBOX has no URL: ClinicDesk starts its own loopback sandbox.
- **Limits.** ClinicNum is a positive integer or empty (all clinics); the timezone an IANA zone
  name; requests per second 0.10–10.00 (OpenDental's published tiers are 1 request per 5 s and
  1 per s); each job's cadence 1–1440 minutes, for the jobs the sync knows.
- **Keys.** An empty key field keeps the stored key; typing one replaces it; a first save needs
  both. The keyring is written after the row is flushed (it needs the id) and before the
  commit; if the commit fails, the keys just written are removed again.
- **Removal.** A connection nothing refers to is deleted with its keys. One that synced rows
  refer to (sync states, appointments, claims... found through the foreign keys pointing at
  ``opendental_connections``) is deactivated instead: the sync stops, the history keeps its
  link, and its keys stay in the keyring so it can be switched back on.
- **Test connection** pings the server outside any transaction (a network call never holds a
  database connection open), then stores ``last_test_at``/``last_test_result`` in a short
  transaction of its own with the activity entry.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from app.db.base import Base
from app.db.models import Hospital
from app.db.models.opendental import OpenDentalConnection
from app.domain.enums import OpenDentalMode
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.messages import Msg, messages
from app.domain.opendental_connection import (
    DEFAULT_CADENCE_MINUTES,
    ConnectionForm,
    ValidConnection,
    validate_form,
)
from app.domain.roles import Permission
from app.integrations.opendental import credentials
from app.integrations.opendental.credentials import OpenDentalKeys
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.message_text import MsgText
from app.services.unit_of_work import UowFactory
from app.sync.opendental.connections import SandboxRunner

M = messages(__name__)

log = logging.getLogger(__name__)

TABLE = "opendental_connections"

TEST_TIMEOUT_SECONDS = 15.0


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class ConnectionView:
    id: int
    name: str
    mode: OpenDentalMode
    base_url: str | None
    clinic_num: int | None
    timezone: str
    requests_per_second: Decimal
    cadence: dict[str, int]
    is_active: bool
    last_test_at: dt.datetime | None
    last_test_result: str | None
    keys_stored: bool
    created_at: dt.datetime | None
    updated_at: dt.datetime | None

    @property
    def simulated(self) -> bool:
        return self.mode is OpenDentalMode.SANDBOX

    def cadence_minutes(self, job: str) -> int:
        return self.cadence.get(job, DEFAULT_CADENCE_MINUTES.get(job, 60))


@dataclass(frozen=True)
class SavedConnection:
    connection: ConnectionView
    changes: Changes


@dataclass(frozen=True)
class RemovalResult:
    connection_id: int
    removed: bool  # False: deactivated because rows depend on it
    dependents: dict[str, int]
    message: str
    changes: Changes


@dataclass(frozen=True)
class ConnectionTestResult:
    connection_id: int
    ok: bool
    status_code: int | None  # None when no HTTP answer came (refused, timeout, no keys)
    server_says: str
    elapsed_ms: int
    message: str  # one sentence for the screen, also stored as last_test_result
    tested_at: dt.datetime
    wrong_key: str | None = None  # "developer" / "customer" / "either" on 401/403
    changes: Changes = field(default_factory=Changes)


# --------------------------------------------------------------------------- service


def _view(row: OpenDentalConnection, keys_stored: bool) -> ConnectionView:
    return ConnectionView(
        id=row.id, name=row.name, mode=OpenDentalMode(row.mode), base_url=row.base_url,
        clinic_num=row.clinic_num, timezone=row.timezone,
        requests_per_second=Decimal(row.requests_per_second),
        cadence={k: int(v) for k, v in (row.cadence or {}).items()},
        is_active=row.is_active, last_test_at=row.last_test_at,
        last_test_result=row.last_test_result, keys_stored=keys_stored,
        created_at=row.created_at, updated_at=row.updated_at)


def _keys_given(form: ConnectionForm) -> tuple[str, str]:
    return (form.developer_key or "").strip(), (form.customer_key or "").strip()


class OpenDentalConnectionService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock, *,
                 client_factory: Callable[..., Any] | None = None,
                 sandbox: Callable[[], tuple[str, OpenDentalKeys]] | None = None,
                 test_timeout: float = TEST_TIMEOUT_SECONDS) -> None:
        self._uow = uow
        self._clock = clock
        self._client_factory = client_factory
        self._sandbox = sandbox if sandbox is not None else SandboxRunner()
        self._test_timeout = test_timeout

    def close(self) -> None:
        close = getattr(self._sandbox, "close", None)
        if close is not None:
            close()

    # -- reads --
    def list(self, actor: Actor) -> list[ConnectionView]:
        actor.require(Permission.MANAGE_OPENDENTAL)
        with self._uow(actor, read_only=True) as uow:
            code = self._code(uow, actor)
            rows = uow.session.scalars(
                sa.select(OpenDentalConnection)
                .where(OpenDentalConnection.hospital_id == actor.hospital_id)
                .order_by(OpenDentalConnection.is_active.desc(),
                          sa.func.lower(OpenDentalConnection.name))).all()
            return [_view(r, self._keys_stored(code, r)) for r in rows]

    def get(self, actor: Actor, connection_id: int) -> ConnectionView:
        actor.require(Permission.MANAGE_OPENDENTAL)
        with self._uow(actor, read_only=True) as uow:
            row = self._row(uow, actor, connection_id)
            return _view(row, self._keys_stored(self._code(uow, actor), row))

    # -- mutations --
    def create(self, actor: Actor, form: ConnectionForm) -> SavedConnection:
        actor.require(Permission.MANAGE_OPENDENTAL)
        valid = validate_form(form)
        dev, cust = _keys_given(form)
        if valid.mode is not OpenDentalMode.SANDBOX and bool(dev) != bool(cust):
            raise ValidationError(M("enter_both_developer_key",
                                    "Enter both the developer key and the customer key."))
        with self._uow(actor) as uow:
            code = self._code(uow, actor)
            self._check_unique(uow, actor, valid.name, None)
            row = OpenDentalConnection(hospital_id=actor.hospital_id, **self._columns(valid))
            uow.session.add(row)
            self._flush(uow, valid.name)
            keys = self._write_keys(code, row.id, valid.mode, dev, cust, None)
            uow.activity(actor, "OPENDENTAL_CONNECTION_CREATED", TABLE, row.id,
                         {**valid.snapshot(), "keys": "stored" if keys else "none"})
            self._commit(uow, code, row.id, undo_keys=keys is not None, previous=None)
            uow.session.refresh(row)
            view = _view(row, self._keys_stored(code, row))
        return SavedConnection(view, Changes.of(opendental_connections={view.id}))

    def update(self, actor: Actor, connection_id: int, form: ConnectionForm) -> SavedConnection:
        actor.require(Permission.MANAGE_OPENDENTAL)
        valid = validate_form(form)
        dev, cust = _keys_given(form)
        with self._uow(actor) as uow:
            code = self._code(uow, actor)
            row = self._row(uow, actor, connection_id, lock=True)
            previous = credentials.load_keys(code, row.id)
            if (valid.mode is not OpenDentalMode.SANDBOX and previous is None
                    and bool(dev) != bool(cust)):
                raise ValidationError(M("no_keys_stored_yet",
                                        "No keys are stored yet for this connection: enter both "
                                        "the developer key and the customer key."))
            self._check_unique(uow, actor, valid.name, row.id)
            before = {"name": row.name, "mode": row.mode, "base_url": row.base_url,
                      "clinic_num": row.clinic_num, "timezone": row.timezone,
                      "requests_per_second": str(row.requests_per_second),
                      "cadence": dict(row.cadence or {}), "is_active": row.is_active}
            for key, value in self._columns(valid).items():
                setattr(row, key, value)
            self._flush(uow, valid.name)
            keys = self._write_keys(code, row.id, valid.mode, dev, cust, previous)
            after = valid.snapshot()
            changed = {k: {"before": before[k], "after": after[k]}
                       for k in after if before[k] != after[k]}
            uow.activity(actor, "OPENDENTAL_CONNECTION_UPDATED", TABLE, row.id,
                         {"name": valid.name, "changed": changed,
                          "keys": "replaced" if keys else "unchanged"})
            self._commit(uow, code, row.id, undo_keys=keys is not None, previous=previous)
            uow.session.refresh(row)
            view = _view(row, self._keys_stored(code, row))
        return SavedConnection(view, Changes.of(opendental_connections={view.id}))

    def clear_keys(self, actor: Actor, connection_id: int) -> SavedConnection:
        """Remove the connection's keys from this computer's keyring (logged, not the keys)."""
        actor.require(Permission.MANAGE_OPENDENTAL)
        with self._uow(actor) as uow:
            code = self._code(uow, actor)
            row = self._row(uow, actor, connection_id, lock=True)
            had = credentials.delete_keys(code, row.id)
            uow.activity(actor, "OPENDENTAL_KEYS_CLEARED", TABLE, row.id,
                         {"name": row.name, "keys_were_stored": had})
            uow.commit()
            view = _view(row, False)
        return SavedConnection(view, Changes.of(opendental_connections={view.id}))

    def remove(self, actor: Actor, connection_id: int) -> RemovalResult:
        """Delete the connection and its keys, or deactivate it when rows depend on it."""
        actor.require(Permission.MANAGE_OPENDENTAL)
        with self._uow(actor) as uow:
            code = self._code(uow, actor)
            row = self._row(uow, actor, connection_id, lock=True)
            dependents = self._dependents(uow, row.id)
            changes = Changes.of(opendental_connections={row.id})
            if dependents:
                row.is_active = False
                uow.activity(actor, "OPENDENTAL_CONNECTION_DEACTIVATED", TABLE, row.id,
                             {"name": row.name, "dependents": dependents})
                uow.commit()
                what = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in dependents.items())
                return RemovalResult(row.id, False, dependents, MsgText(M(
                    "deactivated", "'{name}' was deactivated, not deleted: synced data refers "
                    "to it ({what}). It no longer syncs; its keys stay in the keyring so it can "
                    "be switched back on.", name=row.name, what=what)), changes)
            name, mode = row.name, row.mode
            uow.session.delete(row)
            uow.activity(actor, "OPENDENTAL_CONNECTION_REMOVED", TABLE, connection_id,
                         {"name": name, "mode": mode})
            uow.commit()
        keys_removed = credentials.delete_keys(code, connection_id)
        said = M("removed_with_keys", "'{name}' was removed with its keys.", name=name) \
            if keys_removed else M("removed", "'{name}' was removed.", name=name)
        return RemovalResult(connection_id, True, {}, MsgText(said), changes)

    # -- test connection --
    def test_connection(self, actor: Actor, connection_id: int) -> ConnectionTestResult:
        """Ping the server with the stored keys (network first, outside any transaction),
        then store when and what it answered. Never raises for what the server said: a
        refusal is a result with ``ok`` False and a sentence naming the fix."""
        actor.require(Permission.MANAGE_OPENDENTAL)
        with self._uow(actor, read_only=True) as uow:
            row = self._row(uow, actor, connection_id)
            code = self._code(uow, actor)
            mode, base_url = OpenDentalMode(row.mode), row.base_url
            rps = float(row.requests_per_second)
            name = row.name
        result = self._ping(mode, base_url, code, connection_id, rps)
        tested_at = self._clock()
        with self._uow(actor) as uow:
            row = self._row(uow, actor, connection_id, lock=True)
            row.last_test_at = tested_at
            row.last_test_result = str(result["message"])  # English, as stored before
            uow.activity(actor, "OPENDENTAL_CONNECTION_TESTED", TABLE, connection_id,
                         {"name": name, "ok": result["ok"],
                          "status_code": result["status_code"],
                          "elapsed_ms": result["elapsed_ms"], "message": str(result["message"])})
            uow.commit()
        return ConnectionTestResult(connection_id=connection_id, tested_at=tested_at,
                                    changes=Changes.of(opendental_connections={connection_id}),
                                    **result)

    def _ping(self, mode: OpenDentalMode, base_url: str | None, code: str,
              connection_id: int, rps: float) -> dict[str, Any]:
        from app.integrations.opendental import errors as od

        def outcome(ok: bool, status: int | None, says: str, ms: int, message: str | Msg,
                    wrong_key: str | None = None) -> dict[str, Any]:
            # "message": a MsgText (English text; the UI renders its .msg), or what the
            # server said, word for word.
            text = MsgText(message) if isinstance(message, Msg) else message
            return {"ok": ok, "status_code": status, "server_says": says, "elapsed_ms": ms,
                    "message": text, "wrong_key": wrong_key}

        if mode is OpenDentalMode.SANDBOX:
            try:
                base_url, keys = self._sandbox()
            except Exception as exc:  # the sandbox could not start (port, thread...)
                log.exception("OpenDental sandbox did not start")
                return outcome(False, None, "", 0, M(
                    "sandbox_not_started", "ClinicDesk's simulated OpenDental did not start "
                    "({error}).", error=f"{type(exc).__name__}: {exc}"))
        else:
            keys = credentials.load_keys(code, connection_id)
            if keys is None:
                return outcome(False, None, "", 0, M(
                    "no_keys_here", "No API keys are stored on this computer for this "
                    "connection: enter the developer key and the customer key and save."))
        assert base_url is not None
        started = time.perf_counter()

        def ms() -> int:
            return int((time.perf_counter() - started) * 1000)

        try:
            with self._client(base_url, keys, rps) as client:
                ping = client.ping()
        except od.AuthError as exc:
            says = (exc.server_text or "").strip()
            return outcome(False, exc.status_code or 401, says, ms(),
                           _wrong_key_sentence(exc.key, says), exc.key or "either")
        except od.Timeout:
            return outcome(False, None, "", ms(), M(
                "no_answer", "No answer from {url} within {seconds} s: is the OpenDental API "
                "(eConnector / API Service) running and reachable?", url=base_url,
                seconds=f"{self._test_timeout:g}"))
        except od.OpenDentalError as exc:
            says = (exc.server_text or "").strip()
            detail = says or exc.msg
            said = M("answered_code", "OpenDental at {url} answered {code}: {detail}",
                     url=base_url, code=exc.status_code, detail=detail) if exc.status_code \
                else M("unreachable_detail", "OpenDental at {url} could not be reached: {detail}",
                       url=base_url, detail=detail)
            return outcome(False, exc.status_code, says, ms(), said)
        except OSError as exc:  # refused / DNS before the client wrapped it
            return outcome(False, None, "", ms(), M(
                "unreachable_os", "OpenDental at {url} could not be reached ({error}).",
                url=base_url, error=exc))
        says = (ping.server_says or "").strip()
        elapsed = int(ping.elapsed_ms)
        if ping.ok:
            if mode is OpenDentalMode.SANDBOX or getattr(ping, "simulated", False):
                said = M("connected_sandbox", "Connected (SIMULATED sandbox): OpenDental at "
                         "{url} answered HTTP {code} in {ms} ms and accepted the keys.",
                         url=base_url, code=ping.status_code, ms=elapsed)
            else:
                said = M("connected", "Connected: OpenDental at {url} answered HTTP {code} in "
                         "{ms} ms and accepted the keys.", url=base_url, code=ping.status_code,
                         ms=elapsed)
            return outcome(True, ping.status_code, says, elapsed, said)
        if ping.status_code in (401, 403):
            which = _key_named_in(says)
            return outcome(False, ping.status_code, says, elapsed,
                           says or _wrong_key_sentence(which, ""), which or "either")
        if ping.status_code is None:
            return outcome(False, None, says, elapsed, says or M(
                "unreachable", "OpenDental at {url} could not be reached.", url=base_url))
        return outcome(False, ping.status_code, says, elapsed, M(
            "answered_http", "OpenDental at {url} answered HTTP {code}: {detail}", url=base_url,
            code=ping.status_code, detail=says or M("no_explanation", "no explanation")))

    def _client(self, base_url: str, keys: OpenDentalKeys, rps: float) -> Any:
        if self._client_factory is not None:
            return self._client_factory(base_url, keys, requests_per_second=rps,
                                        timeout=self._test_timeout, max_retries=0)
        from app.integrations.opendental.client import OpenDentalClient

        return OpenDentalClient(base_url, keys, requests_per_second=rps,
                                timeout=self._test_timeout, max_retries=0)

    # -- helpers --
    @staticmethod
    def _code(uow: Any, actor: Actor) -> str:
        code = uow.session.scalar(sa.select(Hospital.code).where(Hospital.id == actor.hospital_id))
        if code is None:
            raise NotFound(M("workstation_hospital_no_longer",
                             "This workstation's hospital no longer exists."))
        return code

    @staticmethod
    def _row(uow: Any, actor: Actor, connection_id: int, *,
             lock: bool = False) -> OpenDentalConnection:
        stmt = sa.select(OpenDentalConnection).where(
            OpenDentalConnection.id == connection_id,
            OpenDentalConnection.hospital_id == actor.hospital_id)
        if lock:
            stmt = stmt.with_for_update()
        row = uow.session.scalar(stmt)
        if row is None:
            raise NotFound(M("opendental_connection_no_longer",
                             "That OpenDental connection no longer exists; it may have been "
                             "removed on another workstation."))
        return row

    @staticmethod
    def _keys_stored(code: str, row: OpenDentalConnection) -> bool:
        if row.mode == OpenDentalMode.SANDBOX:
            return True
        return credentials.load_keys(code, row.id) is not None

    @staticmethod
    def _columns(valid: ValidConnection) -> dict[str, Any]:
        return {"name": valid.name, "mode": valid.mode, "base_url": valid.base_url,
                "clinic_num": valid.clinic_num, "timezone": valid.timezone,
                "requests_per_second": valid.requests_per_second, "cadence": valid.cadence,
                "is_active": valid.is_active}

    @staticmethod
    def _check_unique(uow: Any, actor: Actor, name: str, own_id: int | None) -> None:
        clash = uow.session.scalar(
            sa.select(OpenDentalConnection.id).where(
                OpenDentalConnection.hospital_id == actor.hospital_id,
                sa.func.lower(OpenDentalConnection.name) == name.lower(),
                OpenDentalConnection.id != (own_id or 0)))
        if clash is not None:
            raise Conflict(M("already_opendental_connection_called",
                             "There is already an OpenDental connection called '{name}'; choose "
                             "another name.",
                             name=name))

    @staticmethod
    def _flush(uow: Any, name: str) -> None:
        try:
            uow.flush()
        except sa.exc.IntegrityError:  # another workstation saved the same name just now
            raise Conflict(M("already_opendental_connection_called",
                             "There is already an OpenDental connection called '{name}'; choose "
                             "another name.",
                             name=name)) from None

    @staticmethod
    def _write_keys(code: str, connection_id: int, mode: OpenDentalMode, dev: str, cust: str,
                    previous: OpenDentalKeys | None) -> OpenDentalKeys | None:
        """Store the typed keys (an empty field keeps the stored one); the keys written, or
        None when the keyring was not touched."""
        if not dev and not cust:
            return None
        if mode is OpenDentalMode.SANDBOX:
            raise ValidationError(M("sandbox_connection_uses_simulator",
                                    "A SANDBOX connection uses the simulator's own keys; leave "
                                    "the key fields empty."))
        keys = OpenDentalKeys(dev or (previous.developer_key if previous else ""),
                              cust or (previous.customer_key if previous else ""))
        credentials.save_keys(code, connection_id, keys)
        return keys

    @staticmethod
    def _commit(uow: Any, code: str, connection_id: int, *, undo_keys: bool,
                previous: OpenDentalKeys | None) -> None:
        """Commit; if that fails after the keyring was written, put the keyring back."""
        try:
            uow.commit()
        except Exception:
            if undo_keys:
                try:
                    if previous is None:
                        credentials.delete_keys(code, connection_id)
                    else:
                        credentials.save_keys(code, connection_id, previous)
                except Exception:  # keep the original error; the keyring one is logged
                    log.exception("could not restore the OpenDental keys after a failed save")
            raise

    @staticmethod
    def _dependents(uow: Any, connection_id: int) -> dict[str, int]:
        """Rows in any table whose foreign key points at this connection, by table."""
        found: dict[str, int] = {}
        for table in Base.metadata.sorted_tables:
            if table.name == TABLE:
                continue
            for fk in table.foreign_keys:
                if fk.column.table.name != TABLE:
                    continue
                n = uow.session.scalar(sa.select(sa.func.count()).select_from(table)
                                       .where(fk.parent == connection_id))
                if n:
                    found[table.name] = found.get(table.name, 0) + int(n)
        return found


def _key_named_in(text: str) -> str | None:
    """Which key a refusal names ('developer' / 'customer'), None when it names both or none."""
    lowered = text.lower()
    dev, cust = "developer key" in lowered, "customer key" in lowered
    if dev and not cust and "developer or customer" not in lowered:
        return "developer"
    if cust and not dev:
        return "customer"
    return None


def _wrong_key_sentence(which: str | None, says: str) -> Msg:
    said = M("od_said", " (OpenDental said: {says})", says=says) if says else ""
    if which in ("developer", "developer_key"):
        return M("refused_developer_key", "OpenDental refused the developer key{said}. Check the "
                 "developer key OpenDental issued to ClinicDesk's vendor account.", said=said)
    if which in ("customer", "customer_key"):
        return M("refused_customer_key", "OpenDental refused the customer key{said}. Generate or "
                 "copy it again in OpenDental: Setup > Advanced Setup > API, and make sure the "
                 "API is enabled and the eConnector is running.", said=said)
    return M("refused_keys", "OpenDental refused the API keys{said}. Check both: the developer "
             "key (issued by OpenDental to the vendor) and the customer key (Setup > Advanced "
             "Setup > API in OpenDental).", said=said)
