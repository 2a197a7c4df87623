"""A real OpenDental-shaped REST server on 127.0.0.1, serving a generated practice (SIMULATED).

``start_sandbox(practice=None, *, port=0, scenario=None) -> RunningSandbox`` runs a stdlib
``ThreadingHTTPServer`` (HTTP/1.1 keep-alive) in a daemon thread. ``RunningSandbox`` has
``url`` (``http://127.0.0.1:<port>/api/v1``), ``developer_key``, ``customer_key``,
``practice`` (the live data, practice.py), ``inject(kind, ...)`` / ``clear_faults()``,
``requests`` (the last requests served) and ``stop()``. Standalone:
``python -m app.integrations.opendental.sandbox --port 8766`` prints its URL and keys;
``spawn_sandbox(...)`` runs that in a child process (benchmarks: the server's CPU and memory
are then not the client's).

Wire format, as the client expects from the real API (apis.md Part 1): ``Authorization:
ODFHIR {developer}/{customer}``; PascalCase JSON; lists paged by ``Limit`` (max 100) and
``Offset`` in primary-key order, each row carrying ``serverDateTime``; the filters listed in
``ROUTES``; 400/404 with a plain-text explanation; 401 "Invalid developer key." / "Invalid
customer key."; writes (POST /appointments, POST /claims, PUT /appointments/{n}, PUT
/claims/{n}, PUT /claimprocs/{n}) change the practice for real, with OpenDental's quirks
(practice.py). Every response carries ``X-ClinicDesk-Sandbox: SIMULATED``.

Faults, per run (``scenario=``, see ``SCENARIOS``) or per request (``inject`` or
``POST /_sandbox/faults`` with the same fields as JSON; ``DELETE /_sandbox/faults`` clears):

- ``throttle``: 429 with ``Retry-After: <retry_after>``.
- ``rate_limit``: a server-side limit of ``rate`` requests/s per key (429 beyond it).
- ``server_error``: 500 "An unexpected error occurred.".
- ``timeout``: the answer comes after ``seconds`` (beyond the client's timeout).
- ``malformed_json``: 200 with a body cut in the middle. ``bad_field``: valid JSON, a row of
  the resource asked for whose first date-time reads ``04/12/2026 09:00``.
- ``bad_key``: 401 naming ``key`` ('developer' or 'customer').
- ``shift_insert`` / ``shift_delete``: after a list page is served, ``rows`` rows are
  inserted (copies of the page's first rows, new keys, so they match the same filters) or the
  page's first ``rows`` rows are deleted: the list changes between page reads.

A fault matches ``path`` (prefix of the API path, e.g. "/appointments") and ``method`` when
given, lets the first ``skip`` matches through, hits every ``every``-th match, ``times`` times
(-1: for ever).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import json
import logging
import math
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from app.integrations.opendental import wire
from app.integrations.opendental.practice import Practice, make_practice
from app.integrations.opendental.wire import (
    Appointment,
    Benefit,
    Carrier,
    Claim,
    ClaimPayment,
    ClaimProc,
    InsPlan,
    InsSub,
    Patient,
    PatPlan,
    ProcedureLog,
    WireRecord,
)
from app.resources import bundle_root, is_frozen

log = logging.getLogger(__name__)

# Fixed and not secret (the same pair as credentials.SANDBOX_KEYS): the sandbox is on loopback.
SANDBOX_DEVELOPER_KEY = "clinicdesk-sandbox-developer"
SANDBOX_CUSTOMER_KEY = "clinicdesk-sandbox-customer"
API_PREFIX = "/api/v1"
CONTROL_PREFIX = "/_sandbox"
LABEL_HEADER = ("X-ClinicDesk-Sandbox", "SIMULATED")
MAX_LIMIT = 100
MAX_BODY = 1_000_000

FAULT_KINDS = ("throttle", "rate_limit", "server_error", "timeout", "malformed_json",
               "bad_field", "bad_key", "shift_insert", "shift_delete")


@dataclass
class Fault:
    kind: str
    times: int = 1
    path: str | None = None
    method: str | None = None
    every: int = 1
    skip: int = 0
    retry_after: float = 1.0
    seconds: float = 5.0
    rows: int = 3
    key: str = "customer"
    rate: float = 2.0
    matched: int = 0
    hits: int = 0

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(FAULT_KINDS)}")

    def applies(self, method: str, path: str) -> bool:
        """Counts the match and says whether this request is hit (caller holds the lock)."""
        if self.times == 0 or (self.times > 0 and self.hits >= self.times):
            return False
        if self.path and not path.startswith(self.path):
            return False
        if self.method and self.method.upper() != method:
            return False
        self.matched += 1
        if self.matched <= self.skip or (self.matched - self.skip - 1) % max(1, self.every):
            return False
        self.hits += 1
        return True


SCENARIOS: dict[str, Callable[[], list[Fault]]] = {
    "normal": lambda: [],
    "throttled": lambda: [Fault("rate_limit", times=-1, rate=2.0)],
    "flaky": lambda: [Fault("server_error", times=-1, every=3)],
    "slow": lambda: [Fault("timeout", times=-1, seconds=3.0)],
    "malformed": lambda: [Fault("malformed_json", times=-1)],
    "bad_key": lambda: [Fault("bad_key", times=-1)],
    "shifting": lambda: [Fault("shift_insert", times=-1, path="/appointments", rows=2)],
}


# ---- routes: resource -> (table, record class, {param (lowercase): (wire param, attr, op)})

EQ, GE_STAMP, DATE_GE, DATE_LE, DATE_EQ = "eq", "ge_stamp", "date_ge", "date_le", "date_eq"


@dataclass(frozen=True)
class Route:
    table: str
    record: type[WireRecord]
    filters: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    not_found: str = "not found."


def _filters(*specs: tuple[str, str, str]) -> dict[str, tuple[str, str, str]]:
    return {param.lower(): (param, attr, op) for param, attr, op in specs}


_PATIENTS = Route("patients", Patient, _filters(
    ("DateTStamp", "date_t_stamp", GE_STAMP), ("ClinicNum", "clinic_num", EQ),
    ("PatStatus", "pat_status", EQ)), "Patient not found.")

ROUTES: dict[str, Route] = {
    "patients": _PATIENTS,
    "patients/simple": _PATIENTS,
    "appointments": Route("appointments", Appointment, _filters(
        ("dateStart", "apt_date_time", DATE_GE), ("dateEnd", "apt_date_time", DATE_LE),
        ("date", "apt_date_time", DATE_EQ), ("ClinicNum", "clinic_num", EQ),
        ("DateTStamp", "date_t_stamp", GE_STAMP), ("AptStatus", "apt_status", EQ),
        ("PatNum", "pat_num", EQ), ("Op", "op", EQ)), "Appointment not found."),
    "procedurelogs": Route("procedures", ProcedureLog, _filters(
        ("PatNum", "pat_num", EQ), ("AptNum", "apt_num", EQ),
        ("DateTStamp", "date_t_stamp", GE_STAMP)), "Procedure not found."),
    "patplans": Route("patplans", PatPlan, _filters(
        ("PatNum", "pat_num", EQ), ("InsSubNum", "ins_sub_num", EQ)), "PatPlan not found."),
    "inssubs": Route("inssubs", InsSub, _filters(
        ("PlanNum", "plan_num", EQ), ("Subscriber", "subscriber", EQ),
        ("SecDateTEdit", "sec_date_t_edit", GE_STAMP)), "InsSub not found."),
    "insplans": Route("insplans", InsPlan, {}, "InsPlan not found."),
    "benefits": Route("benefits", Benefit, _filters(
        ("PlanNum", "plan_num", EQ), ("PatPlanNum", "pat_plan_num", EQ)),
        "Benefit not found."),
    "carriers": Route("carriers", Carrier, {}, "Carrier not found."),
    "claims": Route("claims", Claim, _filters(
        ("PatNum", "pat_num", EQ), ("ClaimStatus", "claim_status", EQ),
        ("SecDateTEdit", "sec_date_t_edit", GE_STAMP)), "Claim not found."),
    "claimprocs": Route("claimprocs", ClaimProc, _filters(
        ("ProcNum", "proc_num", EQ), ("ClaimNum", "claim_num", EQ), ("PatNum", "pat_num", EQ),
        ("ClaimPaymentNum", "claim_payment_num", EQ)), "ClaimProc not found."),
    "claimpayments": Route("claimpayments", ClaimPayment, _filters(
        ("SecDateTEdit", "sec_date_t_edit", GE_STAMP)), "ClaimPayment not found."),
}


class _Reply(Exception):
    """Raised anywhere in a handler to answer right away."""

    def __init__(self, status: int, body: str | bytes, content_type: str = "text/plain",
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body.encode() if isinstance(body, str) else body
        self.content_type = content_type
        self.headers = dict(headers or {})


def _json_reply(status: int, data: Any, headers: Mapping[str, str] | None = None) -> _Reply:
    return _Reply(status, json.dumps(data, separators=(",", ":")), "application/json",
                  headers)


# ---- server state


class SandboxState:
    def __init__(self, practice: Practice, developer_key: str, customer_key: str,
                 faults: list[Fault]) -> None:
        self.practice = practice
        self.developer_key, self.customer_key = developer_key, customer_key
        self.faults = faults
        self.lock = threading.Lock()
        self.requests: collections.deque[tuple[str, str, dict[str, str]]] = (
            collections.deque(maxlen=5000))
        self.request_count = 0
        self._list_cache: collections.OrderedDict[tuple, list[WireRecord]] = (
            collections.OrderedDict())
        self._rate_tat: dict[str, float] = {}

    def filtered(self, route: Route, filters: tuple[tuple[str, Any, str], ...]
                 ) -> list[WireRecord]:
        """The rows of a filtered list, cached per practice version (paging is O(page))."""
        practice = self.practice
        with practice.lock:
            # len() too: a test that edits a table directly and forgets touch() still sees
            # its inserts and deletes.
            key = (route.table, filters, practice.version, len(practice.table(route.table)))
            with self.lock:
                cached = self._list_cache.get(key)
                if cached is not None:
                    self._list_cache.move_to_end(key)
                    return cached
            rows = [r for r in practice.table(route.table).values()
                    if all(_match(getattr(r, attr), value, op) for attr, value, op in filters)]
        with self.lock:
            self._list_cache[key] = rows
            while len(self._list_cache) > 32:
                self._list_cache.popitem(last=False)
        return rows

    def rate_limited(self, fault: Fault, ident: str) -> float | None:
        """Seconds to wait when this request exceeds the fault's server-side rate."""
        now = time.monotonic()
        interval = 1.0 / fault.rate
        tat = self._rate_tat.get(ident, now)
        if tat > now + 1e-3:
            return tat - now
        self._rate_tat[ident] = max(tat, now) + interval
        return None


def _match(value: Any, wanted: Any, op: str) -> bool:
    if op == EQ:
        return value == wanted
    if value is None:
        return False
    if op == GE_STAMP:
        return value >= wanted
    day = value.date() if isinstance(value, dt.datetime) else value
    if op == DATE_GE:
        return day >= wanted
    if op == DATE_LE:
        return day <= wanted
    return day == wanted  # DATE_EQ


def _parse_filter(record: type[WireRecord], wire_name: str, attr: str, op: str,
                  raw: str) -> Any:
    if op == GE_STAMP:
        try:
            return dt.datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            try:
                return dt.datetime.strptime(raw, "%Y-%m-%d")
            except ValueError:
                raise _Reply(400, f"{wire_name} is not in a valid format. Expected "
                                  "yyyy-MM-dd HH:mm:ss.") from None
    if op in (DATE_GE, DATE_LE, DATE_EQ):
        try:
            return dt.date.fromisoformat(raw) if len(raw) == 10 else _bad_date(wire_name)
        except ValueError:
            _bad_date(wire_name)
    conv = record.wire_to_attr().get(_wire_name_of(record, attr), (attr, wire.STR))[1]
    try:
        return conv.parse(raw)
    except ValueError:
        raise _Reply(400, f"{wire_name} is invalid.") from None


def _list_filters(route: Route, lowered: Mapping[str, str]
                  ) -> tuple[tuple[str, Any, str], ...]:
    """(attr, value, op) of the route's filters in the query (lower-cased names), in name
    order: the key of ``SandboxState.filtered``'s cache. Like OpenDental, unknown parameters
    (and Limit/Offset) are ignored."""
    filters = []
    for name, raw in sorted(lowered.items()):
        spec = route.filters.get(name)
        if spec is not None:
            wire_name, attr, op = spec
            filters.append((attr, _parse_filter(route.record, wire_name, attr, op, raw), op))
    return tuple(filters)


def _bad_date(wire_name: str) -> Any:
    raise _Reply(400, f"{wire_name} is not in a valid format. Expected yyyy-MM-dd.")


def _wire_name_of(record: type[WireRecord], attr: str) -> str:
    for wire_name, a, _c, _r in record.FIELDS:
        if a == attr:
            return wire_name
    return attr


def _values_from_body(record: type[WireRecord], body: Mapping[str, Any],
                      skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Wire fields of a request body -> attribute values; unknown or bad fields -> 400."""
    fields = record.wire_to_attr()
    values: dict[str, Any] = {}
    for name, raw in body.items():
        if name in skip:
            continue
        entry = fields.get(name)
        if entry is None:
            raise _Reply(400, f"{name} is not a valid field.")
        attr, conv = entry
        try:
            values[attr] = conv.parse(raw)
        except ValueError as exc:
            raise _Reply(400, f"{name} is invalid: {exc}.") from None
    return values


# ---- HTTP


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: pages of one read share a connection
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed ACK
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        log.debug("sandbox: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        self._handle("POST")

    def do_PUT(self) -> None:  # noqa: N802 - http.server API
        self._handle("PUT")

    def do_DELETE(self) -> None:  # noqa: N802 - http.server API
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if 0 < length <= MAX_BODY else b""
        try:
            if length > MAX_BODY:
                raise _Reply(413, "Request body too large.")
            self.server.dispatch(method, self.path, self.headers.get("Authorization", ""),
                                 raw)
            raise _Reply(500, "no reply")  # pragma: no cover - dispatch always raises
        except _Reply as reply:
            self._send(reply)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception:  # the sandbox must not die on its own bugs: answer 500 like a server
            log.exception("sandbox error on %s %s", method, self.path)
            self._send(_Reply(500, "An unexpected error occurred."))

    def _send(self, reply: _Reply) -> None:
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", f"{reply.content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header(*LABEL_HEADER)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, port: int, state: SandboxState) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.state = state

    def handle_error(self, request: object, client_address: object) -> None:
        log.debug("sandbox connection error from %s", client_address, exc_info=True)

    # -- dispatch

    def dispatch(self, method: str, target: str, authorization: str, raw: bytes) -> None:
        parts = urlsplit(target)
        path = parts.path.rstrip("/") or "/"
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        if path.startswith(CONTROL_PREFIX):
            self._control(method, path[len(CONTROL_PREFIX):], raw)
        if not path.startswith(API_PREFIX + "/"):
            raise _Reply(404, "Not found. The API lives under /api/v1.")
        api_path = path[len(API_PREFIX):]
        state = self.state
        with state.lock:
            state.request_count += 1
            state.requests.append((method, api_path, params))
            hits = [f for f in state.faults if f.applies(method, api_path)]
        ident = self._authenticate(authorization)
        after: list[Fault] = []
        for fault in hits:
            if fault.kind in ("shift_insert", "shift_delete"):
                after.append(fault)
            else:
                self._fault(fault, ident, api_path)
        try:
            self._route(method, api_path, params, raw)
        except _Reply as reply:
            if after and reply.status == 200 and method == "GET":
                self._shift(api_path, params, after)
            raise

    def _authenticate(self, authorization: str) -> str:
        scheme, _, credentials = authorization.partition(" ")
        developer, slash, customer = credentials.partition("/")
        if scheme != "ODFHIR" or not slash:
            raise _Reply(401, "Authorization header is missing or not in the form "
                              "'ODFHIR DeveloperKey/CustomerKey'.")
        if developer != self.state.developer_key:
            raise _Reply(401, "Invalid developer key.")
        if customer != self.state.customer_key:
            raise _Reply(401, "Invalid customer key.")
        return customer

    def _fault(self, fault: Fault, ident: str, path: str) -> None:
        kind = fault.kind
        if kind == "throttle":
            raise _Reply(429, "Too many requests. Slow down.",
                         headers={"Retry-After": _seconds(fault.retry_after)})
        if kind == "rate_limit":
            with self.state.lock:
                wait = self.state.rate_limited(fault, ident)
            if wait is not None:
                raise _Reply(429, "Too many requests for this customer key.",
                             headers={"Retry-After": str(max(1, math.ceil(wait)))})
            return
        if kind == "server_error":
            raise _Reply(500, "An unexpected error occurred. (SIMULATED)")
        if kind == "timeout":
            time.sleep(fault.seconds)
            return
        if kind == "malformed_json":
            raise _Reply(200, b'[{"AptNum":1,"PatNum":', "application/json")
        if kind == "bad_field":
            raise _json_reply(200, self._bad_rows(path))
        if kind == "bad_key":
            raise _Reply(401, "Invalid developer key." if fault.key == "developer"
                         else "Invalid customer key.")

    def _bad_rows(self, api_path: str) -> list[dict[str, Any]]:
        """A list whose first row has its first date-time in dd/MM/yyyy (impossible)."""
        route = ROUTES.get(api_path.strip("/").split("/")[0].lower()) or ROUTES["appointments"]
        table = self.state.practice.table(route.table)
        record = next(iter(table.values()), None)
        if record is None:
            return [{"serverDateTime": "31/12/2026 09:00"}]
        row = record.to_wire()
        for name, _attr, conv, _req in route.record.FIELDS:
            if conv is wire.DATETIME:
                row[name] = "04/12/2026 09:00"
                break
        row["serverDateTime"] = _now_text(self.state.practice)
        return [row]

    # -- API

    def _route(self, method: str, api_path: str, params: dict[str, str], raw: bytes) -> None:
        segments = api_path.strip("/").split("/")
        resource = segments[0].lower()
        if len(segments) == 2 and segments[1].lower() == "simple":
            resource, segments = "patients/simple", ["patients/simple"]
        route = ROUTES.get(resource)
        if route is None:
            raise _Reply(404, f"Resource '{segments[0]}' not found.")
        if method == "GET" and len(segments) == 1:
            self._list(route, params)
        if method == "GET" and len(segments) == 2:
            self._one(route, segments[1])
        body = self._body(raw) if method in ("POST", "PUT") else {}
        practice = self.state.practice
        try:
            if method == "POST" and resource == "appointments" and len(segments) == 1:
                for required in ("PatNum", "Op", "AptDateTime"):
                    if required not in body:
                        raise _Reply(400, f"{required} is required.")
                record: WireRecord = practice.add_appointment(
                    _values_from_body(Appointment, body))
                raise self._written(201, record, f"/appointments/{record.key}")
            if method == "POST" and resource == "claims" and len(segments) == 1:
                procs = body.get("procNums")
                if not isinstance(procs, list) or not procs or not all(
                        isinstance(n, int) and not isinstance(n, bool) for n in procs):
                    raise _Reply(400, "procNums is required: a list of ProcNums.")
                if "ClaimType" not in body:
                    raise _Reply(400, "ClaimType is required.")
                values = _values_from_body(Claim, body, skip=("procNums",))
                claim_type = values.pop("claim_type")
                record = practice.create_claim(procs, claim_type, values)
                raise self._written(201, record, f"/claims/{record.key}")
            if method == "PUT" and len(segments) == 2:
                num = self._num(route, segments[1])
                if resource == "appointments":
                    if num not in practice.appointments:
                        raise LookupError(route.not_found)
                    record = practice.edit_appointment(num, **_values_from_body(
                        Appointment, body, skip=("AptNum", "PatNum")))
                elif resource == "claims":
                    record = practice.update_claim(num, _values_from_body(Claim, body))
                elif resource == "claimprocs":
                    record = practice.update_claimproc(num, _values_from_body(ClaimProc, body))
                else:
                    raise _Reply(400, f"PUT is not supported for {segments[0]} here.")
                raise self._written(200, record)
        except LookupError as exc:
            raise _Reply(404, str(exc).strip("'\"")) from None
        except ValueError as exc:
            raise _Reply(400, str(exc)) from None
        raise _Reply(405, f"{method} {api_path} is not supported by the sandbox.")

    def _written(self, status: int, record: WireRecord, location: str | None = None
                 ) -> _Reply:
        row = record.to_wire()
        row["serverDateTime"] = _now_text(self.state.practice)
        headers = {"Location": f"{API_PREFIX}{location}"} if location else None
        return _json_reply(status, row, headers)

    @staticmethod
    def _body(raw: bytes) -> dict[str, Any]:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            raise _Reply(400, "The request body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise _Reply(400, "The request body must be a JSON object.")
        return body

    @staticmethod
    def _num(route: Route, text: str) -> int:
        if not text.isdigit():
            key = _wire_name_of(route.record, route.record.KEY)
            raise _Reply(400, f"{key} {text} is invalid.")
        return int(text)

    def _one(self, route: Route, text: str) -> None:
        num = self._num(route, text)
        record = self.state.practice.table(route.table).get(num)
        if record is None:
            raise _Reply(404, route.not_found)
        raise self._written(200, record)

    def _list(self, route: Route, params: dict[str, str]) -> None:
        lowered = {k.lower(): v for k, v in params.items()}
        try:
            limit = int(lowered.pop("limit", MAX_LIMIT))
            offset = int(lowered.pop("offset", 0))
        except ValueError:
            raise _Reply(400, "Limit and Offset must be whole numbers.") from None
        if limit < 0 or offset < 0:
            raise _Reply(400, "Limit and Offset cannot be negative.")
        limit = min(limit or MAX_LIMIT, MAX_LIMIT)
        rows = self.state.filtered(route, _list_filters(route, lowered))
        now = _now_text(self.state.practice)
        page = []
        for record in rows[offset:offset + limit]:
            row = record.to_wire()
            row["serverDateTime"] = now
            page.append(row)
        raise _json_reply(200, page)

    def _shift(self, api_path: str, params: dict[str, str], faults: list[Fault]) -> None:
        """Change the list between two page reads (the faults shift_insert/shift_delete)."""
        route = ROUTES.get(api_path.strip("/").split("/")[0].lower())
        if route is None:
            return
        practice = self.state.practice
        lowered = {k.lower(): v for k, v in params.items()}
        offset = int(lowered.get("offset", 0) or 0)
        with practice.lock:
            rows = self.state.filtered(route, _list_filters(route, lowered)
                                       )[offset:offset + MAX_LIMIT]
            table = practice.table(route.table)
            for fault in faults:
                victims = rows[:fault.rows]
                if fault.kind == "shift_delete":
                    for record in victims:
                        table.pop(record.key, None)
                else:
                    now = practice.now()
                    for record in victims:
                        stamp = {a: now for a in ("date_t_stamp", "sec_date_t_edit")
                                 if hasattr(record, a)}
                        new_key = (next(reversed(table)) + 1) if table else 1
                        table[new_key] = dataclasses.replace(
                            record, **{route.record.KEY: new_key}, **stamp)
                practice.version += 1

    # -- control endpoints (tests, demo)

    def _control(self, method: str, path: str, raw: bytes) -> None:
        state = self.state
        if path == "/faults" and method == "POST":
            try:
                fault = Fault(**self._body(raw))
            except (TypeError, ValueError) as exc:
                raise _Reply(400, f"Bad fault: {exc}") from None
            with state.lock:
                state.faults.append(fault)
            raise _json_reply(201, dataclasses.asdict(fault))
        if path == "/faults" and method == "DELETE":
            with state.lock:
                state.faults.clear()
            raise _json_reply(200, {"faults": 0})
        if path == "/state" and method == "GET":
            with state.lock:
                faults = [dataclasses.asdict(f) for f in state.faults]
                count = state.request_count
            raise _json_reply(200, {"label": "SIMULATED", "requests": count,
                                    "faults": faults, "counts": state.practice.counts(),
                                    "serverDateTime": _now_text(state.practice)})
        raise _Reply(404, "Unknown sandbox control endpoint.")


def _now_text(practice: Practice) -> str:
    return wire.format_datetime(practice.now())


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ---- public API


@dataclass
class RunningSandbox:
    url: str
    developer_key: str
    customer_key: str
    practice: Practice
    _server: _Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """(method, API path, query parameters) of the requests served, oldest first."""
        with self._server.state.lock:
            return list(self._server.state.requests)

    def clear_requests(self) -> None:
        with self._server.state.lock:
            self._server.state.requests.clear()

    def inject(self, kind: str, **options: Any) -> Fault:
        """Add a fault (see the module docstring); returns it (``.hits`` counts its uses)."""
        fault = Fault(kind, **options)
        with self._server.state.lock:
            self._server.state.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._server.state.lock:
            self._server.state.faults.clear()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(practice: Practice | None = None, *, port: int = 0,
                  scenario: str | None = None,
                  developer_key: str = SANDBOX_DEVELOPER_KEY,
                  customer_key: str = SANDBOX_CUSTOMER_KEY) -> RunningSandbox:
    """Start the sandbox on 127.0.0.1:``port`` (0 = any free port) in a daemon thread."""
    if scenario is not None and scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
    practice = practice if practice is not None else make_practice()
    faults = SCENARIOS[scenario or "normal"]()
    server = _Server(port, SandboxState(practice, developer_key, customer_key, faults))
    thread = threading.Thread(target=server.serve_forever, name="opendental-sandbox",
                              kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}{API_PREFIX}"
    return RunningSandbox(url, developer_key, customer_key, practice, server, thread)


@dataclass
class SpawnedSandbox:
    """The sandbox in a child process (``spawn_sandbox``): same ``url``/keys/``stop()``, no
    ``practice`` (it lives in the child). Benchmarks use it so the server's CPU and memory are
    not counted as the client's, as with a real OpenDental server."""

    url: str
    developer_key: str
    customer_key: str
    process: subprocess.Popen = field(repr=False)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> SpawnedSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def spawn_sandbox(*, seed: int = 7, patients: int = 300, appointments: int = 2000,
                  claims: int = 500, scenario: str | None = None,
                  startup_timeout: float = 120.0) -> SpawnedSandbox:
    """Start ``python -m app.integrations.opendental.sandbox --port 0`` and wait for its URL.

    Development and tests only (benchmarks, tests/integrations): it needs a Python
    interpreter and the source checkout, which a frozen bundle has neither of (its
    ``sys.executable`` is ClinicDesk itself). The in-process ``start_sandbox`` works
    everywhere."""
    if is_frozen():
        raise RuntimeError("spawn_sandbox runs `python -m ...` from a source checkout; it is "
                           "not available in the packaged application (use start_sandbox).")
    command = [sys.executable, "-m", "app.integrations.opendental.sandbox", "--port", "0",
               "--seed", str(seed), "--patients", str(patients), "--appointments",
               str(appointments), "--claims", str(claims)]
    if scenario:
        command += ["--scenario", scenario]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                               cwd=bundle_root())  # the checkout, so `-m app...` resolves
    ready = threading.Event()
    first: list[str] = []

    def read_first_line() -> None:
        first.append(process.stdout.readline() if process.stdout else "")
        ready.set()

    threading.Thread(target=read_first_line, daemon=True).start()
    if not ready.wait(startup_timeout) or " at http" not in first[0]:
        process.kill()
        process.wait(timeout=10)
        raise RuntimeError(f"The OpenDental sandbox did not start: {first[0] if first else ''}")
    url = first[0].split(" at ", 1)[1].split()[0]
    return SpawnedSandbox(url, SANDBOX_DEVELOPER_KEY, SANDBOX_CUSTOMER_KEY, process)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.integrations.opendental.sandbox",
        description="Run the OpenDental sandbox (SIMULATED data) on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8766, help="0 = any free port")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--patients", type=int, default=300)
    parser.add_argument("--appointments", type=int, default=2000)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default=None)
    args = parser.parse_args(argv)
    practice = make_practice(args.seed, patients=args.patients,
                             appointments=args.appointments, claims=args.claims)
    try:
        running = start_sandbox(practice, port=args.port, scenario=args.scenario)
    except OSError as exc:
        print(f"Cannot listen on 127.0.0.1:{args.port}: {exc.strerror}. Choose another "
              "--port.", file=sys.stderr)
        return 2
    print(f"OpenDental sandbox (SIMULATED) at {running.url}  developer key "
          f"{running.developer_key}  customer key {running.customer_key}", flush=True)
    print(f"Practice: {practice.counts()}; scenario {args.scenario or 'normal'}. "
          "Ctrl-C stops it.", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
