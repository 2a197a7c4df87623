"""A real SOAP server on loopback that plays DHA eClaimLink's post office, for the demo and tests.

``start_sandbox(port=0)`` runs a ``ThreadingHTTPServer`` on 127.0.0.1 in a background thread
and returns a :class:`SandboxHandle` (``url``, ``stop()``). It serves the shipped WSDL at
``?WSDL`` (with its own address) and answers UploadTransaction,
CheckForNewPriorAuthorizationTransactions, GetNewPriorAuthorizationTransactions,
DownloadTransactionFile and SetTransactionDownloaded over SOAP 1.1, like an ASMX service.

Each uploaded eligibility ``Prior.Request`` is answered with a ``Prior.Authorization`` put in
the login's mailbox; what it says, and how the server misbehaves, comes from the scenario of the
Emirates ID (app/integrations/dha/scenarios.py). Every answer is SIMULATED: its Comments start
with "SIMULATED", and the client labels the data MOCK_DATA (mode MOCK) or DHA_SANDBOX.

Standalone: ``python -m app.integrations.dha.sandbox --port 8765``.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import datetime as dt
import itertools
import logging
import ssl
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from app.domain.eid import is_valid_eid, normalize_eid
from app.domain.errors import IntegrationError
from app.integrations.dha import NAMESPACE, WSDL_PATH, wire
from app.integrations.dha.scenarios import SCENARIOS, Behaviour, Scenario, scenario_for

log = logging.getLogger(__name__)

PATH = "/ValidateTransactions.asmx"
MAX_REQUEST_BYTES = 2_000_000
HUGE_BYTES = 3_000_000
SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10))
    + "]>\n<Prior.Authorization><Authorization><ID>&lol9;</ID></Authorization>"
    "</Prior.Authorization>\n"
)


@dataclass
class SandboxFile:
    file_id: str
    file_name: str
    content: bytes
    sender_id: str
    receiver_id: str
    created: dt.datetime
    available_at: float
    downloaded: bool = False
    envelope_bomb: bool = False


@dataclass
class SandboxState:
    """Mailboxes per login and the knobs tests turn."""

    slow_seconds: float = 2.0
    answer_delay: float = 0.0
    logins: dict[str, str] | None = None  # None: any non-empty login/password is accepted
    members: dict[str, Scenario] = field(default_factory=dict)
    mailboxes: dict[str, list[SandboxFile]] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    uploads: list[bytes] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1001))

    def scenario(self, eid: str) -> Scenario:
        return self.members.get(eid) or scenario_for(eid)

    def next_id(self) -> str:
        return f"SBXF{next(self._ids)}"


# -- answer files ------------------------------------------------------------------------------


def _el(name: str, value: object | None) -> str:
    return "" if value is None else f"    <{name}>{escape(str(value))}</{name}>\n"


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y 00:00")


def build_authorization(scenario: Scenario, *, request_id: str, receiver_id: str,
                        service_date: dt.date, disposition: str, now: dt.datetime,
                        payer_reference: str) -> bytes:
    """The Prior.Authorization the sandbox's payer sends for ``scenario``."""
    payer_id = scenario.payer.dha_payer_id if scenario.payer else "DHA"
    start = service_date + dt.timedelta(days=scenario.start_days)
    end = service_date + dt.timedelta(days=scenario.end_days)
    covered = scenario.payer is not None
    comments = f"SIMULATED: ClinicDesk DHA sandbox, scenario {scenario.key}"
    if scenario.comments:
        comments += f". {scenario.comments}"
    if scenario.behaviour is Behaviour.HUGE:
        comments += " " + "X" * HUGE_BYTES
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Prior.Authorization>\n  <Header>\n'
        + _el("SenderID", payer_id) + _el("ReceiverID", receiver_id)
        + _el("TransactionDate", now.strftime(wire.DATE_FORMAT)) + _el("RecordCount", 1)
        + _el("DispositionFlag", disposition)
        + "  </Header>\n  <Authorization>\n"
        + _el("Result", scenario.result) + _el("ID", request_id)
        + _el("IDPayer", payer_reference if covered else None)
        + _el("DenialCode", scenario.denial_code)
        + _el("Start", _d(start) if covered else None)
        + _el("End", _d(end) if covered else None)
        + _el("Comments", comments)
        + _el("Status", scenario.status)
        + _el("MemberID", scenario.member_id)
        + _el("PayerID", payer_id if covered else None)
        + _el("PayerName", scenario.payer.name if scenario.payer else None)
        + _el("PolicyNumber", scenario.policy_number)
        + _el("CoveragePercent", scenario.coverage_pct)
        + _el("CopayPercent", scenario.copay_pct)
        + _el("CopayAmount", scenario.copay_amount)
        + _el("Network", scenario.network)
        + _el("Provider", scenario.insurer_name if covered else None)
        + "  </Authorization>\n</Prior.Authorization>\n"
    )
    data = xml.encode("utf-8")
    if scenario.behaviour is Behaviour.MALFORMED:
        return data[: len(data) // 2]
    if scenario.behaviour is Behaviour.ENTITY_BOMB:
        return BOMB.encode("utf-8")
    return data


# -- SOAP plumbing ------------------------------------------------------------------------------


def _envelope(operation: str, fields: list[tuple[str, object | None]], *, bomb: bool = False
              ) -> bytes:
    body = "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in fields if v is not None)
    prolog = '<?xml version="1.0" encoding="utf-8"?>'
    doctype = ""
    if bomb:
        doctype = ('<!DOCTYPE soap:Envelope [<!ENTITY a "aaaaaaaaaa">'
                   '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                   '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
        body = body.replace("<errorMessage></errorMessage>", "") + "<errorMessage>&c;</errorMessage>"
    return (
        f'{prolog}{doctype}<soap:Envelope xmlns:soap="{SOAP_ENV}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>'
        f'<{operation}Response xmlns="{NAMESPACE}">{body}</{operation}Response>'
        "</soap:Body></soap:Envelope>"
    ).encode()


def _fault(message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{SOAP_ENV}">'
        "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode>"
        f"<faultstring>{escape(message)}</faultstring></soap:Fault></soap:Body></soap:Envelope>"
    ).encode()


class _Reply(Exception):
    def __init__(self, status: int, body: bytes, content_type: str = "text/xml; charset=utf-8"):
        super().__init__(status)
        self.status, self.body, self.content_type = status, body, content_type


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        log.debug("sandbox: " + format, *args)

    def _send(self, status: int, body: bytes, content_type: str = "text/xml; charset=utf-8"
              ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if "wsdl" in self.path.lower():
            wsdl = WSDL_PATH.read_text(encoding="utf-8").replace(
                "https://dhpo.eclaimlink.ae/ValidateTransactions.asmx", self.server.url)
            self._send(200, wsdl.encode("utf-8"))
        else:
            self._send(200, b"<html><body>ClinicDesk DHA sandbox (SIMULATED). See ?WSDL"
                            b"</body></html>", "text/html")

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._send(413, b"Request too large", "text/plain")
            self.close_connection = True
            return
        raw = self.rfile.read(length)
        try:
            operation, params = _parse_request(raw)
            with self.server.state.lock:
                self.server.state.calls[operation] = self.server.state.calls.get(operation, 0) + 1
            reply = self.server.dispatch(operation, params)
            self._send(200, reply)
        except _Reply as r:
            self._send(r.status, r.body, r.content_type)
        except (ConnectionError, TimeoutError):
            pass


def _parse_request(raw: bytes) -> tuple[str, dict[str, str]]:
    try:
        root = wire.safe_parse(raw, what="SOAP request", max_bytes=MAX_REQUEST_BYTES)
    except IntegrationError as exc:
        raise _Reply(400, _fault(exc.message)) from None
    body = next((el for el in root if isinstance(el.tag, str) and el.tag.endswith("}Body")), None)
    call = next((el for el in body if isinstance(el.tag, str)), None) if body is not None else None
    if call is None:
        raise _Reply(500, _fault("No SOAP body"))
    operation = call.tag.split("}", 1)[-1]
    params = {el.tag.split("}", 1)[-1]: (el.text or "") for el in call if isinstance(el.tag, str)}
    return operation, params


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, state: SandboxState,
                 tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.state = state
        if tls is not None:  # https, as DHA production is (LIVE refuses plain http)
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server_address[1]}{PATH}"

    def handle_error(self, request: object, client_address: object) -> None:
        log.debug("sandbox: connection error from %s", client_address, exc_info=True)

    # -- operations ---------------------------------------------------------------------------

    def _login(self, operation: str, params: dict[str, str]) -> str | None:
        login, pwd = params.get("login", ""), params.get("pwd", "")
        logins = self.state.logins
        ok = bool(login and pwd) if logins is None else logins.get(login) == pwd
        return login if ok else None

    def dispatch(self, operation: str, params: dict[str, str]) -> bytes:
        handler = {
            "UploadTransaction": self._upload,
            "CheckForNewPriorAuthorizationTransactions": self._check,
            "GetNewPriorAuthorizationTransactions": self._get_new,
            "DownloadTransactionFile": self._download,
            "SetTransactionDownloaded": self._set_downloaded,
        }.get(operation)
        if handler is None:
            raise _Reply(500, _fault(f"Unknown operation {operation}"))
        login = self._login(operation, params)
        if login is None:
            return _envelope(operation, [(f"{operation}Result", -1),
                                         ("errorMessage", "Login failed: invalid credentials")])
        return handler(login, params)

    def _upload(self, login: str, params: dict[str, str]) -> bytes:
        op = "UploadTransaction"

        def rejected(message: str) -> bytes:
            report = base64.b64encode(message.encode("utf-8")).decode("ascii")
            return _envelope(op, [(f"{op}Result", -2), ("errorMessage", message),
                                  ("errorReport", report)])

        try:
            content = base64.b64decode(params.get("fileContent", ""), validate=True)
            root = wire.safe_parse(content, what="transaction file")
        except (ValueError, IntegrationError) as exc:
            return rejected(f"File could not be read: {exc}")
        self.state.uploads.append(content)
        if root.tag != "Prior.Request":
            return rejected(f"Unsupported transaction {root.tag}; the sandbox handles "
                            "Prior.Request only")
        header, auth = root.find("Header"), root.find("Authorization")
        if header is None or auth is None:
            return rejected("Prior.Request needs a Header and an Authorization")
        request_id = (auth.findtext("ID") or "").strip()
        eid_text = (auth.findtext("EmiratesIDNumber") or "").strip()
        if (auth.findtext("Type") or "").strip() != "Eligibility":
            return rejected("Only Authorization/Type Eligibility is simulated")
        if not request_id or not is_valid_eid(eid_text):
            return rejected("Authorization/ID and a valid EmiratesIDNumber are required")
        eid = normalize_eid(eid_text)
        scenario = self.state.scenario(eid)
        if scenario.behaviour is Behaviour.HTTP_500:
            raise _Reply(500, b"<html><body><h1>Server Error in '/' Application.</h1>"
                              b"</body></html>", "text/html; charset=utf-8")
        if scenario.behaviour is Behaviour.UPLOAD_REJECTED:
            return rejected("Transaction file failed validation (simulated)")
        if scenario.behaviour is Behaviour.SLOW:
            time.sleep(self.state.slow_seconds)
        if scenario.behaviour is not Behaviour.NO_ANSWER:
            self._answer(login, scenario, request_id, header, auth)
        return _envelope(op, [(f"{op}Result", 0), ("errorMessage", "")])

    def _answer(self, login: str, scenario: Scenario, request_id: str, header, auth) -> None:
        start_text = (auth.findtext("Encounter/Start") or "").strip()
        try:
            service_date = dt.datetime.strptime(start_text, wire.DATE_FORMAT).date()
        except ValueError:
            service_date = dt.date.today()
        now = dt.datetime.now()
        with self.state.lock:
            file_id = self.state.next_id()
            content = build_authorization(
                scenario, request_id=request_id,
                receiver_id=(header.findtext("SenderID") or "").strip(),
                service_date=service_date,
                disposition=(header.findtext("DispositionFlag") or "TEST").strip(),
                now=now, payer_reference=f"SBXAUTH-{file_id}")
            self.state.mailboxes.setdefault(login, []).append(SandboxFile(
                file_id=file_id, file_name=f"PriorAuthorization_{request_id}.xml",
                content=content, sender_id=scenario.payer.dha_payer_id if scenario.payer
                else "DHA", receiver_id=(header.findtext("SenderID") or "").strip(),
                created=now, available_at=time.monotonic() + self.state.answer_delay,
                envelope_bomb=scenario.behaviour is Behaviour.ENVELOPE_BOMB))

    def _waiting(self, login: str) -> list[SandboxFile]:
        now = time.monotonic()
        with self.state.lock:
            return [f for f in self.state.mailboxes.get(login, [])
                    if not f.downloaded and f.available_at <= now]

    def _check(self, login: str, params: dict[str, str]) -> bytes:
        op = "CheckForNewPriorAuthorizationTransactions"
        return _envelope(op, [(f"{op}Result", 1 if self._waiting(login) else 2),
                              ("errorMessage", "")])

    def _get_new(self, login: str, params: dict[str, str]) -> bytes:
        op = "GetNewPriorAuthorizationTransactions"
        files = self._waiting(login)
        listing = "<Files>" + "".join(
            f'<File FileID="{escape(f.file_id)}" FileName="{escape(f.file_name)}" '
            f'SenderID="{escape(f.sender_id)}" ReceiverID="{escape(f.receiver_id)}" '
            f'TransactionDate="{f.created.strftime(wire.DATE_FORMAT)}" RecordCount="1" '
            'IsDownloaded="False"/>' for f in files) + "</Files>"
        return _envelope(op, [(f"{op}Result", 1 if files else 2), ("xmlTransaction", listing),
                              ("errorMessage", "")])

    def _find(self, login: str, file_id: str) -> SandboxFile | None:
        with self.state.lock:
            return next((f for f in self.state.mailboxes.get(login, [])
                         if f.file_id == file_id), None)

    def _download(self, login: str, params: dict[str, str]) -> bytes:
        op = "DownloadTransactionFile"
        found = self._find(login, params.get("fileId", ""))
        if found is None:
            return _envelope(op, [(f"{op}Result", -4), ("errorMessage", "File not found")])
        return _envelope(op, [(f"{op}Result", 0), ("fileName", found.file_name),
                              ("file", base64.b64encode(found.content).decode("ascii")),
                              ("errorMessage", "")], bomb=found.envelope_bomb)

    def _set_downloaded(self, login: str, params: dict[str, str]) -> bytes:
        op = "SetTransactionDownloaded"
        found = self._find(login, params.get("fieldId", "") or params.get("fileId", ""))
        if found is None:
            return _envelope(op, [(f"{op}Result", -4), ("errorMessage", "File not found")])
        with self.state.lock:
            found.downloaded = True
        return _envelope(op, [(f"{op}Result", 0), ("errorMessage", "")])


@dataclass
class SandboxHandle:
    """A running sandbox: its address, its state (for tests), and how to stop it."""

    url: str
    state: SandboxState
    _server: _Server = dataclasses.field(repr=False)
    _thread: threading.Thread = dataclasses.field(repr=False)

    @property
    def wsdl_url(self) -> str:
        return self.url + "?WSDL"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def add_member(self, eid: str, scenario: str | Scenario, **overrides: object) -> None:
        """Answer ``eid`` like ``scenario`` (a key of SCENARIOS or a Scenario), with overrides."""
        base = SCENARIOS[scenario] if isinstance(scenario, str) else scenario
        canonical = normalize_eid(eid)
        self.state.members[canonical] = dataclasses.replace(base, eid=canonical, **overrides)

    def set_members(self, key: str, members: Iterable[Scenario]) -> None:
        """Replace every member registered under scenario key ``key`` with ``members`` (each
        answered as its own Scenario, keyed by its Emirates ID); other members stay."""
        fresh = {normalize_eid(m.eid): m for m in members}
        with self.state.lock:
            kept = {eid: s for eid, s in self.state.members.items() if s.key != key}
            kept.update(fresh)
            self.state.members = kept

    def put_file(self, login: str, content: bytes, file_name: str = "foreign.xml") -> str:
        """Drop a file into a login's mailbox (another workstation's answer, say)."""
        with self.state.lock:
            file_id = self.state.next_id()
            self.state.mailboxes.setdefault(login, []).append(SandboxFile(
                file_id, file_name, content, "SBX001", "", dt.datetime.now(), 0.0))
            return file_id

    def mailbox(self, login: str) -> list[SandboxFile]:
        with self.state.lock:
            return list(self.state.mailboxes.get(login, []))

    def __enter__(self) -> SandboxHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(port: int = 0, *, slow_seconds: float = 2.0, answer_delay: float = 0.0,
                  logins: dict[str, str] | None = None,
                  tls: ssl.SSLContext | None = None) -> SandboxHandle:
    """Start the sandbox on 127.0.0.1:``port`` (0 = any free port) in a daemon thread; with
    ``tls`` (a server SSLContext holding a certificate for 127.0.0.1) it speaks https."""
    state = SandboxState(slow_seconds=slow_seconds, answer_delay=answer_delay, logins=logins)
    server = _Server(port, state, tls)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name="dha-sandbox", daemon=True)
    thread.start()
    return SandboxHandle(server.url, state, server, thread)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ClinicDesk DHA eClaimLink sandbox (SIMULATED)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--slow-seconds", type=float, default=35.0,
                        help="how long the SLOW scenario sleeps (default beyond 30 s)")
    parser.add_argument("--answer-delay", type=float, default=0.0,
                        help="seconds before a payer's answer appears in the mailbox")
    args = parser.parse_args(argv)
    handle = start_sandbox(args.port, slow_seconds=args.slow_seconds,
                           answer_delay=args.answer_delay)
    print(f"DHA sandbox (SIMULATED) at {handle.url}  WSDL: {handle.wsdl_url}")
    print("Any non-empty login/password is accepted. Members:")
    for s in SCENARIOS.values():
        print(f"  {s.eid}  {s.key:<17} {s.description}")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["SandboxHandle", "SandboxState", "build_authorization", "main",
           "start_sandbox"]
