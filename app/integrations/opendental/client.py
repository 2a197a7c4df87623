"""OpenDental REST client (httpx): paged and incremental reads, writes that are read back.

Usage::

    with OpenDentalClient(base_url, keys, requests_per_second=1.0) as od:
        page = od.list_appointments(date_start=today, date_end=today + 7 days, clinic_num=3)
        page.items            # list[wire.Appointment]
        page.server_datetime  # serverDateTime of the FIRST page: the next watermark
        for page in od.iter_appointment_pages(changed_since=watermark):   # streaming, 50k rows
            upsert(page.items)                                            # one transaction per page

``keys`` is ``OpenDentalKeys`` (credentials.py) or a ``(developer_key, customer_key)`` tuple;
every request carries ``Authorization: ODFHIR {developer}/{customer}``.

Reads. For each list endpoint there is ``list_<x>(**filters) -> Page[X]`` (everything, in
memory) and ``iter_<x>_pages(**filters) -> Iterator[Page[X]]`` (one page at a time; ``Page``
items are only the rows not delivered before). Single objects: ``get_<x>(num) -> X``.
Filters are keyword arguments with Python values (date, datetime, int, enum); ``changed_since``
becomes ``DateTStamp`` (appointments, patients/Simple, procedurelogs) or ``SecDateTEdit``
(claims, claimpayments, inssubs) as apis.md §1.1/§1.2 lists them, formatted
``yyyy-MM-dd HH:mm:ss`` in the office's time; the server returns rows changed ON or after it.

Watermarks. Every row carries ``serverDateTime``; ``Page.server_datetime`` is the one of the
first page of the read (the earliest), so "everything changed at or after it" was either
delivered or changed during the read and will come again on the next incremental read.
Store it only after the page's rows are committed. A read with no rows has
``server_datetime=None``: keep the old watermark.

Paging and lists that change while being read. Pages ask ``Limit=100`` and an ``Offset``; the
read stops at the first short page (< 100 rows), so a last page of exactly 100 costs one more
request that returns 0-1 rows. Consecutive pages OVERLAP by one row (Offset advances by 99):
the first row of each later page must be a row already delivered, otherwise rows moved towards
the start of the list (a delete, or a row leaving the filter) and the client steps back one
page and reads again (at most ``max_page_restarts`` times per read, then ``PageShifted``).
Rows are de-duplicated by primary key across the read. Guarantee: every row that exists
unchanged for the whole read is delivered exactly once; rows inserted or changed during the read
may or may not be delivered and are caught by the next incremental read (their
DateTStamp/SecDateTEdit is after the first page's serverDateTime). This assumes OpenDental lists
in a stable order (by primary key) — UNCONFIRMED, see docs/readme/opendental-api.md.

Writes (``create_appointment``, ``update_appointment``, ``create_claim``, ``update_claim``,
``set_claim_status``, ``update_claimproc``) send PascalCase fields given as a mapping of wire name -> Python value,
then read the object back; any sent field that reads back different raises ReadBackMismatch
("a 200 is not proof"; e.g. DateCP in a claimproc PUT is silently ignored by OpenDental).

Pacing and retries. Every request first takes a slot from the per-key bucket (ratelimit.py;
``requests_per_second=None`` disables it). 429 is retried after Retry-After (capped at
``max_retry_after``), 5xx, timeouts and refused connections after exponential backoff
(``backoff_base`` * 2^n, capped at ``max_backoff``); at most ``max_retries`` retries, then the
typed error. A POST is retried only on 429 (the server did not act on it): after a 5xx or a
timeout it may have created the object, so it surfaces instead of creating a duplicate.

Errors (errors.py): 400 BadRequest / 404 NotFound carry the server's plain-text explanation;
401/403 AuthError says which key the server named; bodies that are not the expected JSON raise
MalformedResponse naming the field.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Any, Generic, TypeVar

import httpx

from app.domain.messages import messages
from app.integrations.opendental import wire
from app.integrations.opendental.errors import (
    AuthError,
    BadRequest,
    ConnectionFailed,
    MalformedResponse,
    NotFound,
    OpenDentalError,
    PageShifted,
    RateLimited,
    ReadBackMismatch,
    ServerError,
    Timeout,
)
from app.integrations.opendental.ratelimit import TokenBucket, bucket_for
from app.integrations.opendental.wire import (
    Appointment,
    Benefit,
    Carrier,
    Claim,
    ClaimPayment,
    ClaimProc,
    ClaimStatus,
    InsPlan,
    InsSub,
    Patient,
    PatPlan,
    ProcedureLog,
    WireRecord,
)

M = messages(__name__)

log = logging.getLogger(__name__)

PAGE_SIZE = 100  # OpenDental's hard limit per request (the Local API allows 1000)
CLOUD_BASE_URL = "https://api.opendental.com/api/v1"
SANDBOX_HEADER = "X-ClinicDesk-Sandbox"

R = TypeVar("R", bound=WireRecord)


@dataclass(frozen=True)
class Page(Generic[R]):
    """Rows of one page (or of a whole read) and the serverDateTime of the read's first page."""

    items: list[R]
    server_datetime: dt.datetime | None = None


@dataclass(frozen=True)
class PingResult:
    ok: bool
    status_code: int | None
    server_says: str
    elapsed_ms: float
    simulated: bool = False  # the server labelled itself SIMULATED (the loopback sandbox)


@dataclass
class RequestStats:
    """Counters a poller or a benchmark can read (requests sent, retries, seconds paced)."""

    requests: int = 0
    retries: int = 0
    paced_seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)


def _keys_of(keys: Any) -> tuple[str, str]:
    if isinstance(keys, tuple):
        developer, customer = keys
    else:
        developer, customer = keys.developer_key, keys.customer_key
    if not developer or not customer:
        raise AuthError(M("opendental_developer_key_customer", "The OpenDental developer key "
                          "and customer key must both be set."),
                        key="developer" if not developer else "customer")
    return developer, customer


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return wire.format_datetime(value)  # naive, to the second
    if isinstance(value, dt.date):
        return wire.format_date(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _server_text(response: httpx.Response) -> str:
    """OpenDental's explanation: plain text, or a bare JSON string (both seen; apis.md §1.1)."""
    text = response.text.strip()
    if text.startswith('"') and text.endswith('"'):
        try:
            decoded = json.loads(text)
            if isinstance(decoded, str):
                text = decoded
        except ValueError:
            pass
    return text[:500]


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(when.tzinfo)).total_seconds())
    except (TypeError, ValueError):
        return None


class OpenDentalClient:
    def __init__(self, base_url: str, keys: Any, *,
                 requests_per_second: float | None = 1.0, timeout: float = 30.0,
                 max_retries: int = 4, transport: httpx.BaseTransport | None = None,
                 backoff_base: float = 0.5, max_backoff: float = 30.0,
                 max_retry_after: float = 60.0, max_page_restarts: int = 20,
                 page_size: int = PAGE_SIZE) -> None:
        developer, customer = _keys_of(keys)
        self.base_url = base_url.rstrip("/")
        self.max_retries = max_retries
        self.backoff_base, self.max_backoff = backoff_base, max_backoff
        self.max_retry_after = max_retry_after
        self.max_page_restarts = max_page_restarts
        self.page_size = page_size
        self.stats = RequestStats()
        self._bucket: TokenBucket | None = bucket_for(developer, customer,
                                                      requests_per_second)
        self._http = httpx.Client(
            base_url=self.base_url, transport=transport, timeout=timeout,
            headers={"Authorization": f"ODFHIR {developer}/{customer}",
                     "Content-Type": "application/json", "Accept": "application/json",
                     "User-Agent": "ClinicDesk"})

    # ---- lifecycle

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OpenDentalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transport

    def _send_once(self, method: str, path: str, params: Mapping[str, Any] | None,
                   body: Any) -> httpx.Response:
        if self._bucket is not None:
            self.stats.paced_seconds += self._bucket.acquire()
        self.stats.requests += 1
        content = None if body is None else json.dumps(body, default=_json_default)
        return self._http.request(method, path, params=params, content=content)

    def _request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                 body: Any = None, max_retries: int | None = None) -> httpx.Response:
        """One logical call: pacing, retries (``max_retries`` overrides the client's for this
        call only), and the typed error when it finally fails."""
        clean = {k: _param(v) for k, v in (params or {}).items() if v is not None}
        idempotent = method != "POST"
        retries = self.max_retries if max_retries is None else max_retries
        attempt = 0
        while True:
            try:
                response = self._send_once(method, path, clean, body)
            except httpx.TimeoutException as exc:
                error: OpenDentalError = Timeout(
                    M("opendental_did_answer_method", "OpenDental did not answer {method} "
                      "{path} within {read} s.", method=method, path=path,
                      read=self._http.timeout.read))
                if idempotent and attempt < retries:
                    attempt = self._backoff(attempt, error)
                    continue
                raise error from exc
            except httpx.TransportError as exc:
                error = ConnectionFailed(
                    M("could_reach_opendental_base", "Could not reach OpenDental at "
                      "{base_url}: {exc}.", base_url=self.base_url, exc=exc))
                # A refused connection never reached the server: safe to retry even a POST.
                safe = idempotent or isinstance(exc, httpx.ConnectError)
                if safe and attempt < retries:
                    attempt = self._backoff(attempt, error)
                    continue
                raise error from exc
            status = response.status_code
            self.stats.statuses[status] = self.stats.statuses.get(status, 0) + 1
            if status < 400:
                return response
            text = _server_text(response)
            if status == 429:
                wait = _retry_after(response)
                if self._bucket is not None and wait:
                    self._bucket.defer(min(wait, self.max_retry_after))
                if attempt < retries and (wait is None or wait <= self.max_retry_after):
                    attempt = self._backoff(attempt, None, wait)
                    continue
                tries = attempt + 1
                raise RateLimited(
                    M("throttled_wait", "OpenDental is throttling this key (HTTP 429) after "
                      "{tries} tries; it asks to wait {wait} s.", tries=tries, wait=f"{wait:g}")
                    if wait else
                    M("throttled", "OpenDental is throttling this key (HTTP 429) after {tries} "
                      "tries.", tries=tries),
                    retry_after=wait, status_code=status, server_text=text)
            if status >= 500:
                if idempotent and attempt < retries:
                    attempt = self._backoff(attempt, None)
                    continue
                raise ServerError(M("opendental_failed_method_path", "OpenDental failed on "
                                    "{method} {path} (HTTP {status}): {value}", method=method,
                                    path=path, status=status, value=text or M("no_explanation", "no explanation")), status_code=status,
                                  server_text=text)
            raise self._client_error(status, method, path, text)

    def _backoff(self, attempt: int, error: OpenDentalError | None,
                 retry_after: float | None = None) -> int:
        if retry_after is not None:
            delay = retry_after
        else:
            delay = min(self.max_backoff, self.backoff_base * (2 ** attempt))
            delay *= 1 + random.random() * 0.2  # jitter: two desks do not retry in lockstep
        self.stats.retries += 1
        log.info("OpenDental retry %d in %.2f s (%s)", attempt + 1, delay,
                 error or "HTTP 429/5xx")
        time.sleep(delay)
        return attempt + 1

    @staticmethod
    def _client_error(status: int, method: str, path: str, text: str) -> OpenDentalError:
        where = f"{method} {path}"
        if status in (401, 403):
            lowered = text.lower()
            key = ("developer" if "developer" in lowered
                   else "customer" if "customer" in lowered else None)
            which = {"developer": M("developer_key", "the developer key"),
                     "customer": M("customer_key", "the customer key"),
                     None: M("either_key", "the developer or customer key")}[key]
            fix = (M("check_key", "Check the key in OpenDental (Setup > Advanced Setup > API) "
                     "and that the eConnector is running.") if status == 401 else
                   M("key_lacks_permission",
                     "The key is valid but lacks the API permission for this call."))
            return AuthError(M("opendental_refused_which_http", "OpenDental refused {which} "
                               "(HTTP {status}: {value}). {fix}", which=which, status=status,
                               value=text or M("no_explanation", "no explanation"), fix=fix),
                             key=key, status_code=status, server_text=text)
        if status == 404:
            return NotFound(M("not_found", "OpenDental: {text} ({where})",
                              text=text or M("not_found_text", "not found"), where=where),
                            status_code=status, server_text=text)
        if status == 400:
            return BadRequest(M("opendental_refused_where", "OpenDental refused {where}: "
                                "{value}", where=where, value=text or M("bad_request", "bad request")),
                              status_code=status, server_text=text)
        return OpenDentalError(M("opendental_answered_http_status", "OpenDental answered HTTP "
                                 "{status} to {where}: {text}", status=status, where=where,
                                 text=text),
                               status_code=status, server_text=text)

    def _json(self, response: httpx.Response, what: str) -> Any:
        try:
            return json.loads(response.content, parse_float=Decimal)
        except ValueError:
            raise MalformedResponse(
                M("opendental_sent_something_json", "OpenDental sent something that is not "
                  "JSON for {what}: {text}", what=what, text=f"{response.text[:120]!r}"), field=what,
                status_code=response.status_code) from None

    # ---- generic reads

    def get_one(self, path: str, record_cls: type[R]) -> R:
        data = self._json(self._request("GET", path), record_cls.__name__)
        return record_cls.from_wire(data)

    def iter_pages(self, path: str, record_cls: type[R],
                   params: Mapping[str, Any] | None = None) -> Iterator[Page[R]]:
        """Page through a list endpoint; see the module docstring for what is guaranteed."""
        base = dict(params or {})  # filters left None are dropped by _request
        seen: set[int] = set()
        offset, restarts = 0, 0
        server_dt: dt.datetime | None = None
        size = self.page_size
        while True:
            response = self._request("GET", path, params={**base, "Limit": size,
                                                          "Offset": offset})
            rows = self._json(response, f"{record_cls.__name__} list")
            if not isinstance(rows, list):
                raise MalformedResponse(
                    M("opendental_sent_name_where", "OpenDental sent a {name} where a list of "
                      "{expected} was expected.", name=type(rows).__name__,
                      expected=record_cls.__name__), field=record_cls.__name__)
            records = [record_cls.from_wire(row) for row in rows]
            if offset > 0 and (not records or records[0].key not in seen):
                # The overlap row is gone: rows moved towards the start since the last page.
                restarts += 1
                if restarts > self.max_page_restarts:
                    raise PageShifted(
                        M("opendental_list_path_kept", "The OpenDental list {path} kept "
                          "changing while it was read ({value} re-reads); the next run will "
                          "try again.", path=path, value=restarts - 1))
                offset = max(0, offset - size)
                continue
            if server_dt is None and rows:
                stamp = rows[0].get("serverDateTime") if isinstance(rows[0], dict) else None
                if stamp is not None:
                    server_dt = wire.parse_datetime(stamp)
            fresh = [r for r in records if r.key not in seen]
            seen.update(r.key for r in fresh)
            if fresh or offset == 0:
                yield Page(fresh, server_dt)
            if len(records) < size:
                return
            offset += len(records) - 1  # overlap one row to detect a shifted list

    def list_all(self, path: str, record_cls: type[R],
                 params: Mapping[str, Any] | None = None) -> Page[R]:
        return _collect(self.iter_pages(path, record_cls, params))

    # ---- patients

    def iter_patient_pages(self, *, changed_since: dt.datetime | None = None,
                           clinic_num: int | None = None, pat_status: str | None = None
                           ) -> Iterator[Page[Patient]]:
        return self.iter_pages("/patients/Simple", Patient, {
            "DateTStamp": changed_since, "ClinicNum": clinic_num, "PatStatus": pat_status})

    def list_patients(self, *, changed_since: dt.datetime | None = None,
                      clinic_num: int | None = None, pat_status: str | None = None
                      ) -> Page[Patient]:
        return _collect(self.iter_patient_pages(changed_since=changed_since,
                                                clinic_num=clinic_num, pat_status=pat_status))

    def get_patient(self, pat_num: int) -> Patient:
        return self.get_one(f"/patients/{int(pat_num)}", Patient)

    # ---- appointments

    def iter_appointment_pages(self, *, date_start: dt.date | None = None,
                               date_end: dt.date | None = None, clinic_num: int | None = None,
                               changed_since: dt.datetime | None = None,
                               apt_status: wire.AptStatus | str | None = None,
                               pat_num: int | None = None) -> Iterator[Page[Appointment]]:
        """``date_start``/``date_end`` are inclusive; ``clinic_num=0`` means "no clinic",
        None means all clinics."""
        return self.iter_pages("/appointments", Appointment, {
            "dateStart": date_start, "dateEnd": date_end, "ClinicNum": clinic_num,
            "DateTStamp": changed_since, "AptStatus": apt_status, "PatNum": pat_num})

    def list_appointments(self, *, date_start: dt.date | None = None,
                          date_end: dt.date | None = None, clinic_num: int | None = None,
                          changed_since: dt.datetime | None = None,
                          apt_status: wire.AptStatus | str | None = None,
                          pat_num: int | None = None) -> Page[Appointment]:
        return _collect(self.iter_appointment_pages(
            date_start=date_start, date_end=date_end, clinic_num=clinic_num,
            changed_since=changed_since, apt_status=apt_status, pat_num=pat_num))

    def get_appointment(self, apt_num: int) -> Appointment:
        return self.get_one(f"/appointments/{int(apt_num)}", Appointment)

    # ---- procedures

    def iter_procedurelog_pages(self, *, pat_num: int | None = None, apt_num: int | None = None,
                                changed_since: dt.datetime | None = None
                                ) -> Iterator[Page[ProcedureLog]]:
        return self.iter_pages("/procedurelogs", ProcedureLog, {
            "PatNum": pat_num, "AptNum": apt_num, "DateTStamp": changed_since})

    def list_procedurelogs(self, *, pat_num: int | None = None, apt_num: int | None = None,
                           changed_since: dt.datetime | None = None) -> Page[ProcedureLog]:
        return _collect(self.iter_procedurelog_pages(pat_num=pat_num, apt_num=apt_num,
                                                     changed_since=changed_since))

    # ---- insurance

    def iter_patplan_pages(self, *, pat_num: int | None = None,
                           ins_sub_num: int | None = None) -> Iterator[Page[PatPlan]]:
        return self.iter_pages("/patplans", PatPlan, {"PatNum": pat_num,
                                                      "InsSubNum": ins_sub_num})

    def list_patplans(self, *, pat_num: int | None = None,
                      ins_sub_num: int | None = None) -> Page[PatPlan]:
        return _collect(self.iter_patplan_pages(pat_num=pat_num, ins_sub_num=ins_sub_num))

    def iter_inssub_pages(self, *, plan_num: int | None = None, subscriber: int | None = None,
                          changed_since: dt.datetime | None = None) -> Iterator[Page[InsSub]]:
        return self.iter_pages("/inssubs", InsSub, {
            "PlanNum": plan_num, "Subscriber": subscriber, "SecDateTEdit": changed_since})

    def list_inssubs(self, *, plan_num: int | None = None, subscriber: int | None = None,
                     changed_since: dt.datetime | None = None) -> Page[InsSub]:
        return _collect(self.iter_inssub_pages(plan_num=plan_num, subscriber=subscriber,
                                               changed_since=changed_since))

    def list_insplans(self) -> Page[InsPlan]:
        return self.list_all("/insplans", InsPlan)

    def get_insplan(self, plan_num: int) -> InsPlan:
        return self.get_one(f"/insplans/{int(plan_num)}", InsPlan)

    def list_benefits(self, *, plan_num: int | None = None,
                      pat_plan_num: int | None = None) -> Page[Benefit]:
        return self.list_all("/benefits", Benefit, {"PlanNum": plan_num,
                                                    "PatPlanNum": pat_plan_num})

    def list_carriers(self) -> Page[Carrier]:
        return self.list_all("/carriers", Carrier)

    # ---- claims

    def iter_claim_pages(self, *, pat_num: int | None = None,
                         claim_status: ClaimStatus | str | None = None,
                         changed_since: dt.datetime | None = None) -> Iterator[Page[Claim]]:
        return self.iter_pages("/claims", Claim, {
            "PatNum": pat_num, "ClaimStatus": claim_status, "SecDateTEdit": changed_since})

    def list_claims(self, *, pat_num: int | None = None,
                    claim_status: ClaimStatus | str | None = None,
                    changed_since: dt.datetime | None = None) -> Page[Claim]:
        return _collect(self.iter_claim_pages(pat_num=pat_num, claim_status=claim_status,
                                              changed_since=changed_since))

    def get_claim(self, claim_num: int) -> Claim:
        return self.get_one(f"/claims/{int(claim_num)}", Claim)

    def iter_claimproc_pages(self, *, claim_num: int | None = None, proc_num: int | None = None,
                             pat_num: int | None = None, claim_payment_num: int | None = None
                             ) -> Iterator[Page[ClaimProc]]:
        return self.iter_pages("/claimprocs", ClaimProc, {
            "ClaimNum": claim_num, "ProcNum": proc_num, "PatNum": pat_num,
            "ClaimPaymentNum": claim_payment_num})

    def list_claimprocs(self, *, claim_num: int | None = None, proc_num: int | None = None,
                        pat_num: int | None = None, claim_payment_num: int | None = None
                        ) -> Page[ClaimProc]:
        return _collect(self.iter_claimproc_pages(
            claim_num=claim_num, proc_num=proc_num, pat_num=pat_num,
            claim_payment_num=claim_payment_num))

    def iter_claimpayment_pages(self, *, changed_since: dt.datetime | None = None
                                ) -> Iterator[Page[ClaimPayment]]:
        return self.iter_pages("/claimpayments", ClaimPayment, {"SecDateTEdit": changed_since})

    def list_claimpayments(self, *, changed_since: dt.datetime | None = None
                           ) -> Page[ClaimPayment]:
        return _collect(self.iter_claimpayment_pages(changed_since=changed_since))

    def get_claimpayment(self, claim_payment_num: int) -> ClaimPayment:
        return self.get_one(f"/claimpayments/{int(claim_payment_num)}", ClaimPayment)

    # ---- writes (each read back)

    def create_appointment(self, pat_num: int, op: int, apt_date_time: dt.datetime,
                           fields: Mapping[str, Any] | None = None) -> Appointment:
        sent = {"PatNum": pat_num, "Op": op, "AptDateTime": apt_date_time, **(fields or {})}
        created = self._post("/appointments", Appointment, sent)
        back = self.get_appointment(created.apt_num)
        _check_read_back(back, sent, f"appointment {created.apt_num}")
        return back

    def update_appointment(self, apt_num: int, fields: Mapping[str, Any]) -> Appointment:
        """PUT /appointments/{AptNum} (e.g. AptDateTime, Op, ProvNum, DateTimeArrived; the
        arrival fields via PUT are UNCONFIRMED, apis.md §1.3), read back."""
        self._put(f"/appointments/{int(apt_num)}", Appointment, fields)
        back = self.get_appointment(apt_num)
        _check_read_back(back, fields, f"appointment {apt_num}")
        return back

    def create_claim(self, proc_nums: list[int], *, claim_type: str = "P",
                     fields: Mapping[str, Any] | None = None) -> Claim:
        """POST /claims from completed procedures. OpenDental creates it Unsent (U) and
        ignores ClaimStatus here: follow with ``set_claim_status`` (apis.md §1.2)."""
        if not proc_nums:
            raise BadRequest(M("claim_needs_least_one", "A claim needs at least one completed "
                               "procedure."))
        sent = {"ClaimType": claim_type, **(fields or {})}
        created = self._post("/claims", Claim, {"procNums": list(proc_nums), **sent})
        back = self.get_claim(created.claim_num)
        _check_read_back(back, sent, f"claim {created.claim_num}")
        procs = self.list_claimprocs(claim_num=created.claim_num).items
        on_claim = sorted({p.proc_num for p in procs})
        if on_claim != sorted(set(proc_nums)):
            raise ReadBackMismatch(
                M("opendental_created_claim_claim", "OpenDental created claim {claim_num} but "
                  "its procedures read back as {on_claim}, not {expected}.",
                  claim_num=created.claim_num, on_claim=on_claim, expected=sorted(set(proc_nums))),
                mismatches={"procNums": (sorted(set(proc_nums)), on_claim)})
        return back

    def update_claim(self, claim_num: int, fields: Mapping[str, Any]) -> Claim:
        """PUT /claims/{ClaimNum}: only the given fields change (apis.md §1.1)."""
        self._put(f"/claims/{int(claim_num)}", Claim, fields)
        back = self.get_claim(claim_num)
        _check_read_back(back, fields, f"claim {claim_num}")
        return back

    def set_claim_status(self, claim_num: int, status: ClaimStatus | str, *,
                         date_sent: dt.date | None = None,
                         date_received: dt.date | None = None) -> Claim:
        fields: dict[str, Any] = {"ClaimStatus": ClaimStatus(status)}
        if date_sent is not None:
            fields["DateSent"] = date_sent
        if date_received is not None:
            fields["DateReceived"] = date_received
        return self.update_claim(claim_num, fields)

    def update_claimproc(self, claim_proc_num: int, fields: Mapping[str, Any], *,
                         claim_num: int) -> ClaimProc:
        """PUT /claimprocs/{n}. There is no GET of one claimproc, so it is read back through
        ``GET /claimprocs?ClaimNum=`` (hence ``claim_num``)."""
        self._put(f"/claimprocs/{int(claim_proc_num)}", ClaimProc, fields)
        rows = [p for p in self.list_claimprocs(claim_num=claim_num).items
                if p.claim_proc_num == claim_proc_num]
        if not rows:
            raise ReadBackMismatch(
                M("claimproc_claim_proc_num", "Claimproc {claim_proc_num} was updated but is "
                  "not on claim {claim_num}.", claim_proc_num=claim_proc_num, claim_num=claim_num),
                mismatches={"ClaimProcNum": (claim_proc_num, None)})
        _check_read_back(rows[0], fields, f"claimproc {claim_proc_num}")
        return rows[0]

    def _body(self, record_cls: type[WireRecord], fields: Mapping[str, Any]) -> dict[str, Any]:
        return {name: wire.dump_value(record_cls, name, value) for name, value in fields.items()}

    def _post(self, path: str, record_cls: type[R], fields: Mapping[str, Any]) -> R:
        response = self._request("POST", path, body=self._body(record_cls, fields))
        return record_cls.from_wire(self._json(response, record_cls.__name__))

    def _put(self, path: str, record_cls: type[WireRecord], fields: Mapping[str, Any]) -> None:
        self._request("PUT", path, body=self._body(record_cls, fields))

    # ---- connection test

    def ping(self) -> PingResult:
        """One cheap read (``GET /appointments?Limit=1``), no retries: what the server said."""
        started = time.perf_counter()
        try:
            # No retries for this call only: the client may be shared with a running sync.
            response = self._request("GET", "/appointments", params={"Limit": 1},
                                     max_retries=0)
            rows = self._json(response, "Appointment list")
            if not isinstance(rows, list):
                raise MalformedResponse(M("opendental_did_send_list", "OpenDental did not "
                                          "send a list of appointments."))
            for row in rows:
                Appointment.from_wire(row)
            elapsed = (time.perf_counter() - started) * 1000
            simulated = response.headers.get(SANDBOX_HEADER, "").upper() == "SIMULATED"
            says = (f"Connected: HTTP {response.status_code} in {elapsed:.0f} ms, keys accepted"
                    + (" (SIMULATED sandbox)." if simulated else "."))
            return PingResult(True, response.status_code, says, elapsed, simulated)
        except OpenDentalError as exc:
            elapsed = (time.perf_counter() - started) * 1000
            return PingResult(False, exc.status_code, exc.message, elapsed)


def _collect(pages: Iterator[Page[R]]) -> Page[R]:
    items: list[R] = []
    server_dt = None
    for page in pages:
        items.extend(page.items)
        server_dt = server_dt or page.server_datetime
    return Page(items, server_dt)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dt.date, dt.datetime, enum.Enum)):
        return _param(value)
    raise TypeError(f"cannot send {type(value).__name__} to OpenDental")


def _check_read_back(record: WireRecord, sent: Mapping[str, Any], what: str) -> None:
    """Every sent field that the record knows must read back equal (after normalising both
    through the field's wire shape: "300" and Decimal("300.00") are the same amount)."""
    fields = type(record).wire_to_attr()
    mismatches: dict[str, tuple[object, object]] = {}
    for name, value in sent.items():
        entry = fields.get(name)
        if entry is None:
            continue  # not a column of the record (procNums): checked by the caller
        attr, conv = entry
        try:
            expected = conv.parse(conv.dump(value))
        except (ValueError, TypeError, AttributeError):
            expected = value
        actual = getattr(record, attr)
        if expected != actual:
            mismatches[name] = (expected, actual)
    if mismatches:
        detail = "; ".join(f"{k} sent {v[0]!r}, reads back {v[1]!r}"
                           for k, v in mismatches.items())
        raise ReadBackMismatch(M("opendental_acknowledged_change_what", "OpenDental "
                                 "acknowledged the change to {what} but did not store it: "
                                 "{detail}.", what=what, detail=detail), mismatches=mismatches)
