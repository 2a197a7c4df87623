"""The DHA eClaimLink (DHPO) SOAP client: zeep over one requests Session, built once.

An eligibility check is asynchronous on the wire (shared/apis.md §2.3, §2.9)::

    UploadTransaction(Prior.Request, Type=Eligibility, ID=X)
    loop until the answer to X arrives or the deadline passes:
        CheckForNewPriorAuthorizationTransactions   (2 = nothing new)
        GetNewPriorAuthorizationTransactions        -> list of files
        DownloadTransactionFile(fileId)             -> Prior.Authorization; its ID says whose
        SetTransactionDownloaded(fileId)            only for our own answers

One overall deadline (default 30 s) bounds the whole exchange: each HTTP call gets at most
what is left of it. Several threads may share a client: one polls at a time and hands every
answer it downloads to the thread waiting for it. Answers to other workstations' requests are
left in the mailbox (not acknowledged); answers to this client's abandoned requests, and files
nobody can read (too big, not XML, entity declarations), are acknowledged so they cannot block
the mailbox.

Result codes (UNCONFIRMED, apis.md §2.3): < 0 failure (errorMessage/errorReport are logged and
shown), 2 = no new transactions on Check/GetNew, anything else accepted.

The login and password travel in the SOAP body; nothing here logs a request body (zeep's own
transport logging is replaced), and error messages never include one.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import logging
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import requests
import zeep
import zeep.exceptions
from zeep.transports import Transport

from app.domain.eligibility import EligibilityResult
from app.domain.enums import DataSource
from app.domain.errors import IntegrationError, ValidationError
from app.domain.messages import messages
from app.integrations.dha import NAMESPACE, WSDL_PATH, wire
from app.integrations.dha.credentials import DhaCredentials
from app.integrations.dha.modes import DhaMode, endpoint_problem_msg
from app.services.clock import Clock, system_clock

M = messages(__name__)

log = logging.getLogger(__name__)

BINDING = f"{{{NAMESPACE}}}ValidateTransactionsSoap"
DEFAULT_TIMEOUT = 30.0
MAX_RESPONSE_BYTES = 2_000_000  # one SOAP answer; a 1 MB file is ~1.35 MB in base64
NO_NEW = 2
DUBAI = ZoneInfo("Asia/Dubai")  # DHA timestamps are local time
_CONTENT_PROBLEMS = {"too_large", "malformed", "dtd_forbidden", "unexpected_file"}


class _DeadlineExceeded(Exception):
    pass


class _HttpError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class CappedTransport(Transport):
    """zeep Transport that bounds every POST by the caller's deadline and the answer's size,
    and never logs the message (it carries the password)."""

    def __init__(self, *, session: requests.Session, operation_timeout: float,
                 max_response_bytes: int, deadline: threading.local) -> None:
        super().__init__(session=session, timeout=operation_timeout,
                         operation_timeout=operation_timeout)
        self.max_response_bytes = max_response_bytes
        self._deadline = deadline

    def _remaining(self) -> float:
        deadline = getattr(self._deadline, "at", None)
        limit = float(self.operation_timeout)
        if deadline is None:
            return limit
        left = deadline - time.monotonic()
        if left <= 0:
            raise _DeadlineExceeded()
        return min(limit, left)

    def post(self, address: str, message: bytes, headers: dict[str, str]) -> requests.Response:
        timeout = self._remaining()
        response = self.session.post(address, data=message, headers=headers, timeout=timeout,
                                     stream=True)
        try:
            media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if response.status_code >= 400 and not media.endswith("xml"):
                raise _HttpError(response.status_code)  # an error page, not a SOAP fault
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.max_response_bytes:
                raise _TooLarge(int(declared))
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_content(64 * 1024):
                total += len(chunk)
                if total > self.max_response_bytes:
                    raise _TooLarge(total)
                chunks.append(chunk)
                self._remaining()
            response._content = b"".join(chunks)  # noqa: SLF001 - requests' own cache slot
            response._content_consumed = True  # noqa: SLF001
        finally:
            response.close()
        return response

    def get(self, address: str, params: Any, headers: dict[str, str]) -> requests.Response:
        return self.session.get(address, params=params, headers=headers,
                                timeout=self._remaining())


@dataclass(frozen=True)
class UploadResult:
    code: int
    error_message: str | None
    error_report: bytes | None


def _zeep_settings() -> zeep.Settings:
    return zeep.Settings(strict=False, xml_huge_tree=False, forbid_entities=True,
                         forbid_dtd=True, forbid_external=True)


def _field(value: Any, name: str) -> Any:
    if value is None:
        return None
    try:
        return value[name]
    except (KeyError, TypeError, IndexError, AttributeError):
        return getattr(value, name, None)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise IntegrationError(M("dha_eclaimlink_answered_without", "DHA eClaimLink answered "
                                 "without a result code."),
                               reason="malformed") from None


class DhaClient:
    """One facility's connection to the DHPO post office. Build once; share between threads."""

    def __init__(
        self,
        *,
        endpoint: str,
        credentials: DhaCredentials,
        mode: DhaMode = DhaMode.LIVE,
        timeout: float = DEFAULT_TIMEOUT,
        operation_timeout: float | None = None,
        poll_interval: float = 0.25,
        max_poll_interval: float = 2.0,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        max_file_bytes: int = wire.MAX_FILE_BYTES,
        wsdl_path: Path = WSDL_PATH,
        clock: Clock = system_clock,
        session: requests.Session | None = None,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        problem = endpoint_problem_msg(mode, endpoint)
        if problem is not None:  # the login and password would travel in clear text
            raise ValidationError(problem)
        self.endpoint = endpoint
        self.mode = mode
        self.timeout = float(timeout)
        self.poll_interval = poll_interval
        self.max_poll_interval = max_poll_interval
        self.max_file_bytes = max_file_bytes
        self._credentials = credentials
        self._clock = clock
        self._host = urlparse(endpoint).netloc or endpoint
        self._deadline = threading.local()
        self._session = session or requests.Session()
        self.transport = CappedTransport(
            session=self._session, operation_timeout=float(operation_timeout or timeout),
            max_response_bytes=max_response_bytes, deadline=self._deadline)
        self._session.headers["User-Agent"] = "ClinicDesk-DHA/1 (zeep)"
        self.client = zeep.Client(str(wsdl_path), transport=self.transport,
                                  settings=_zeep_settings())
        self.service = self.client.create_service(BINDING, endpoint)
        self._lock = threading.Lock()
        self._poll_lock = threading.Lock()
        self._pending: set[str] = set()
        self._issued: OrderedDict[str, None] = OrderedDict()
        self._inbox: dict[str, EligibilityResult | IntegrationError] = {}
        self._skip: OrderedDict[str, None] = OrderedDict()

    # -- the gateway protocol ----------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return True

    @property
    def data_source(self) -> DataSource:
        return self.mode.data_source

    @property
    def message(self) -> str:
        return f"DHA eClaimLink ({self.mode.value}) at {self._host}"

    @property
    def simulated(self) -> bool:
        """MOCK (our sandbox) and SANDBOX (a test environment) answers are not real cover."""
        return self.mode in (DhaMode.MOCK, DhaMode.SANDBOX)

    def check_connection(self) -> None:
        """Log in to the post office once (CheckForNew...: reads nothing, changes nothing).
        IntegrationError with the server's reason when it refuses or cannot be reached."""
        self.check_for_new()

    def close(self) -> None:
        self._session.close()

    # -- raw operations ----------------------------------------------------------------------

    def _fail_timeout(self) -> IntegrationError:
        return IntegrationError(M("dha_eclaimlink_did_answer", "DHA eClaimLink did not answer "
                                  "within {timeout} s", timeout=f"{self.timeout:g}"),
                                reason="timeout")

    def _call(self, operation: str, **params: Any) -> Any:
        started = time.perf_counter()
        try:
            result = getattr(self.service, operation)(
                login=self._credentials.login, pwd=self._credentials.password, **params)
        except (_DeadlineExceeded, requests.Timeout):
            raise self._fail_timeout() from None
        except _TooLarge as exc:
            raise IntegrationError(
                M("dha_eclaimlink_s_answer", "DHA eClaimLink's answer to {operation} is "
                  "larger than {max_response_bytes} bytes ({size} so far); refused.",
                  operation=operation,
                  max_response_bytes=f"{self.transport.max_response_bytes:,}",
                  size=f"{exc.size:,}"),
                reason="too_large") from None
        except _HttpError as exc:
            raise IntegrationError(
                M("dha_eclaimlink_failed_http", "DHA eClaimLink failed with HTTP {status} on "
                  "{operation}.", status=exc.status, operation=operation),
                reason="http_error", status=exc.status) from None
        except requests.RequestException as exc:
            raise IntegrationError(
                M("dha_eclaimlink_host_could", "DHA eClaimLink at {host} could not be reached "
                  "({name}).", host=self._host, name=type(exc).__name__),
                reason="unreachable") from None
        except (zeep.exceptions.DTDForbidden, zeep.exceptions.EntitiesForbidden):
            raise IntegrationError(
                M("dha_eclaimlink_s_answer_2", "DHA eClaimLink's answer to {operation} "
                  "declares a DTD or entities; refused (entity expansion is not allowed).",
                  operation=operation), reason="dtd_forbidden") from None
        except zeep.exceptions.TransportError as exc:
            if exc.status_code and exc.status_code != 200:
                raise IntegrationError(
                    M("dha_eclaimlink_failed_http_2", "DHA eClaimLink failed with HTTP "
                      "{status_code} on {operation}.", status_code=exc.status_code,
                      operation=operation),
                    reason="http_error", status=exc.status_code) from None
            raise IntegrationError(
                M("dha_eclaimlink_s_answer_3", "DHA eClaimLink's answer to {operation} is not "
                  "well-formed XML.", operation=operation),
                reason="malformed") from None
        except zeep.exceptions.Fault as exc:
            raise IntegrationError(
                M("dha_eclaimlink_reported_soap", "DHA eClaimLink reported a SOAP fault on "
                  "{operation}: {exc}", operation=operation, exc=str(exc)[:200]),
                reason="fault") from None
        except zeep.exceptions.Error as exc:
            raise IntegrationError(
                M("dha_eclaimlink_s_answer_4", "DHA eClaimLink's answer to {operation} could "
                  "not be read ({name}).", operation=operation, name=type(exc).__name__), reason="malformed") from None
        log.debug("DHA %s answered in %.0f ms", operation, (time.perf_counter() - started) * 1e3)
        return result

    def _refused(self, operation: str, code: int, message: str | None) -> IntegrationError:
        text = (message or "no reason given").strip()[:300]
        log.warning("DHA %s failed with result %s: %s", operation, code, text)
        return IntegrationError(M("dha_eclaimlink_refused_operation", "DHA eClaimLink refused "
                                  "{operation} (result {code}): {text}", operation=operation,
                                  code=code, text=text),
                                reason="refused", result=code)

    def upload(self, file_name: str, content: bytes) -> UploadResult:
        answer = self._call("UploadTransaction", fileName=file_name, fileContent=content)
        code = _int(_field(answer, "UploadTransactionResult"))
        message = _field(answer, "errorMessage")
        report = _field(answer, "errorReport")
        if isinstance(report, str):
            report = report.encode("utf-8")
        if report:
            log.warning("DHA UploadTransaction result %s, error report: %s", code,
                        report[:2000].decode("utf-8", "replace"))
        if code < 0:
            raise self._refused("UploadTransaction", code, message)
        return UploadResult(code, message, report or None)

    def check_for_new(self) -> int:
        answer = self._call("CheckForNewPriorAuthorizationTransactions")
        code = _int(_field(answer, "CheckForNewPriorAuthorizationTransactionsResult"))
        if code < 0:
            raise self._refused("CheckForNewPriorAuthorizationTransactions", code,
                                _field(answer, "errorMessage"))
        return code

    def get_new(self) -> list[wire.FileEntry]:
        answer = self._call("GetNewPriorAuthorizationTransactions")
        code = _int(_field(answer, "GetNewPriorAuthorizationTransactionsResult"))
        if code < 0:
            raise self._refused("GetNewPriorAuthorizationTransactions", code,
                                _field(answer, "errorMessage"))
        if code == NO_NEW:
            return []
        return wire.parse_file_list(_field(answer, "xmlTransaction"),
                                    max_bytes=self.transport.max_response_bytes)

    def download(self, file_id: str) -> tuple[str, bytes]:
        answer = self._call("DownloadTransactionFile", fileId=file_id)
        code = _int(_field(answer, "DownloadTransactionFileResult"))
        if code < 0:
            raise self._refused("DownloadTransactionFile", code, _field(answer, "errorMessage"))
        content = _field(answer, "file")
        if isinstance(content, str):  # lenient: a server that sends text instead of base64
            try:
                content = base64.b64decode(content, validate=True)
            except ValueError:
                content = content.encode("utf-8")
        return str(_field(answer, "fileName") or ""), bytes(content or b"")

    def set_downloaded(self, file_id: str) -> int:
        answer = self._call("SetTransactionDownloaded", fieldId=file_id)
        code = _int(_field(answer, "SetTransactionDownloadedResult"))
        if code < 0:
            raise self._refused("SetTransactionDownloaded", code, _field(answer, "errorMessage"))
        return code

    # -- eligibility ---------------------------------------------------------------------------

    def new_request_id(self) -> str:
        return f"CD-{uuid.uuid4().hex[:20].upper()}"

    def check_eligibility(self, emirates_id: str, service_date: dt.date,
                          payer_id: str | None = None, *,
                          member_id: str | None = None) -> EligibilityResult:
        """Upload an eligibility Prior.Request and wait for its Prior.Authorization."""
        self._deadline.at = time.monotonic() + self.timeout
        request_id = self.new_request_id()
        with self._lock:
            self._pending.add(request_id)
            self._issued[request_id] = None
            while len(self._issued) > 5000:
                self._issued.popitem(last=False)
        now_local = self._clock().astimezone(DUBAI).replace(tzinfo=None)
        try:
            request = wire.build_eligibility_request(
                request_id=request_id, sender_id=self._credentials.licence,
                facility_id=self._credentials.facility_id, emirates_id=emirates_id,
                service_date=service_date, transaction_time=now_local,
                disposition=self.mode.disposition_flag, payer_id=payer_id, member_id=member_id)
            self.upload(request.file_name, request.content)
            answer = self._wait_for(request_id)
        finally:
            with self._lock:
                self._pending.discard(request_id)
                self._inbox.pop(request_id, None)
            self._deadline.at = None
        return dataclasses.replace(answer, emirates_id=emirates_id, checked_at=self._clock())

    def _take(self, request_id: str) -> EligibilityResult | None:
        with self._lock:
            found = self._inbox.pop(request_id, None)
        if isinstance(found, IntegrationError):
            raise found
        return found

    def _wait_for(self, request_id: str) -> EligibilityResult:
        interval = self.poll_interval
        while True:
            found = self._take(request_id)
            if found is not None:
                return found
            left = self._deadline.at - time.monotonic()
            if left <= 0:
                raise self._fail_timeout()
            if self._poll_lock.acquire(timeout=left):
                try:
                    found = self._take(request_id)
                    if found is not None:
                        return found
                    self._poll_once()
                finally:
                    self._poll_lock.release()
                found = self._take(request_id)
                if found is not None:
                    return found
            left = self._deadline.at - time.monotonic()
            if left <= 0:
                raise self._fail_timeout()
            time.sleep(min(interval, left))
            interval = min(interval * 2, self.max_poll_interval)

    def _owner_of_unreadable(self, entry: wire.FileEntry) -> str | None:
        with self._lock:
            for request_id in self._pending:
                if request_id in entry.file_name:
                    return request_id
            if len(self._pending) == 1:
                return next(iter(self._pending))
        return None

    def _poll_once(self) -> None:
        if self.check_for_new() == NO_NEW:
            return
        for entry in self.get_new():
            if entry.is_downloaded or entry.file_id in self._skip:
                continue
            try:
                _name, content = self.download(entry.file_id)
                answer = wire.parse_prior_authorization(
                    content, data_source=self.data_source, simulated=self.simulated,
                    max_bytes=self.max_file_bytes)
            except IntegrationError as exc:
                if exc.details.get("reason") not in _CONTENT_PROBLEMS:
                    raise  # an outage, not a bad file: let the caller fall back to cache
                owner = self._owner_of_unreadable(entry)
                # The built-in sandbox sends such files on purpose (scenario patients): that is
                # a demonstration, not something for an administrator to chase in the log.
                log.log(logging.INFO if self.simulated else logging.WARNING,
                        "DHA file %s is unreadable (%s); acknowledged%s", entry.file_id,
                        exc.message, f" as the answer to {owner}" if owner else "")
                self._remember_skip(entry.file_id)
                self.set_downloaded(entry.file_id)
                if owner:
                    with self._lock:
                        self._inbox[owner] = exc
                continue
            request_id = answer.request_id or ""
            with self._lock:
                mine = request_id in self._pending
                stale = not mine and request_id in self._issued
                if mine:
                    self._inbox[request_id] = answer
            if mine or stale:
                self.set_downloaded(entry.file_id)
                self._remember_skip(entry.file_id)
            else:  # another workstation's answer: leave it for them
                self._remember_skip(entry.file_id)

    def _remember_skip(self, file_id: str) -> None:
        with self._lock:
            self._skip[file_id] = None
            while len(self._skip) > 5000:
                self._skip.popitem(last=False)

