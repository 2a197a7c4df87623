"""The zeep client against the loopback sandbox: real HTTP, real SOAP, every scenario."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from decimal import Decimal

import pytest
import requests
import zeep
from lxml import etree

from app.domain.eligibility import CoverageStatus
from app.domain.enums import DataSource
from app.domain.errors import IntegrationError, ValidationError
from app.integrations.dha import WSDL_PATH
from app.integrations.dha.client import DhaClient
from app.integrations.dha.credentials import DhaCredentials
from app.integrations.dha.modes import DhaMode
from app.integrations.dha.sandbox import start_sandbox
from app.integrations.dha.scenarios import SCENARIOS, Behaviour, eid_for
from tests.integrations.conftest import SLOW_SECONDS
from tests.integrations.dha_helpers import make_client, unique_credentials

DAY = dt.date(2026, 3, 10)

ANSWERED = [s for s in SCENARIOS.values() if s.behaviour is Behaviour.NORMAL]


@pytest.mark.parametrize("scenario", ANSWERED, ids=[s.key for s in ANSWERED])
def test_every_answered_scenario_round_trips(sandbox, scenario):
    client = make_client(sandbox.url)
    r = client.check_eligibility(scenario.eid, DAY, None)
    expected = {None: CoverageStatus.NOT_FOUND, "A": CoverageStatus.ACTIVE,
                "I": CoverageStatus.INACTIVE, "E": CoverageStatus.EXPIRED,
                "S": CoverageStatus.SUSPENDED}[scenario.status]
    assert r.status is expected
    assert r.emirates_id == scenario.eid
    assert r.data_source is DataSource.MOCK_DATA and r.simulated
    assert r.comments.startswith("SIMULATED")
    assert r.request_id.startswith("CD-")
    if scenario.payer is not None:
        assert r.payer_id == scenario.payer.dha_payer_id
        assert r.provider == scenario.insurer_name
        assert r.coverage_pct == scenario.coverage_pct
        assert r.copay_amount == scenario.copay_amount
        assert r.start_date == DAY + dt.timedelta(days=scenario.start_days)
        assert r.end_date == DAY + dt.timedelta(days=scenario.end_days)
    # our answer was acknowledged, nothing is left in the mailbox
    assert all(f.downloaded for f in sandbox.mailbox(client._credentials.login))


def test_renewed_reduced_copay_and_provider_scenarios_carry_their_differences(sandbox):
    client = make_client(sandbox.url)
    reduced = client.check_eligibility(eid_for("COVERAGE_REDUCED"), DAY)
    assert (reduced.coverage_pct, reduced.copay_pct) == (Decimal(70), Decimal(30))
    assert client.check_eligibility(eid_for("COPAY_INCREASED"), DAY).copay_amount == \
        Decimal("50.00")
    assert client.check_eligibility(eid_for("PROVIDER_CHANGED"), DAY).provider == "GIG Gulf"
    renewed = client.check_eligibility(eid_for("RENEWED"), DAY)
    assert renewed.start_date == DAY - dt.timedelta(days=10)


def test_unlisted_member_is_not_found(sandbox):
    from app.domain.eid import make_eid

    r = make_client(sandbox.url).check_eligibility(make_eid(1999, 7654321), DAY)
    assert r.status is CoverageStatus.NOT_FOUND


def test_sandbox_mode_labels_dha_sandbox_and_sends_test_disposition(sandbox):
    client = make_client(sandbox.url, mode=DhaMode.SANDBOX)
    before = len(sandbox.state.uploads)
    r = client.check_eligibility(eid_for("ELIGIBLE"), DAY, "INS026", member_id="SBX-M-0001")
    assert r.data_source is DataSource.DHA_SANDBOX and r.simulated
    sent = etree.fromstring(sandbox.state.uploads[before])
    assert sent.findtext("Header/DispositionFlag") == "TEST"
    assert sent.findtext("Header/ReceiverID") == "INS026"
    assert sent.findtext("Authorization/Type") == "Eligibility"
    assert sent.findtext("Authorization/EmiratesIDNumber") == eid_for("ELIGIBLE")
    assert sent.findtext("Header/SenderID") == client._credentials.licence


def test_live_mode_sends_production_disposition(https_sandbox):
    sandbox, ca = https_sandbox
    session = requests.Session()
    session.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would override verify
    session.verify = ca  # the sandbox's self-signed certificate, and nothing else
    client = make_client(sandbox.url, mode=DhaMode.LIVE, session=session)
    before = len(sandbox.state.uploads)
    r = client.check_eligibility(eid_for("ELIGIBLE"), DAY)
    assert r.data_source is DataSource.DHA_LIVE
    assert etree.fromstring(sandbox.state.uploads[before]).findtext(
        "Header/DispositionFlag") == "PRODUCTION"


def test_slow_answer_times_out_at_the_configured_limit(sandbox):
    client = make_client(sandbox.url, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(IntegrationError) as err:
        client.check_eligibility(eid_for("SLOW"), DAY)
    elapsed = time.monotonic() - started
    assert err.value.message == "DHA eClaimLink did not answer within 0.5 s"
    assert err.value.details["reason"] == "timeout"
    assert 0.45 <= elapsed < 1.0 < SLOW_SECONDS


def test_slow_answer_arrives_when_the_limit_allows_it(sandbox):
    client = make_client(sandbox.url, timeout=SLOW_SECONDS + 3)
    assert client.check_eligibility(eid_for("SLOW"), DAY).status is CoverageStatus.ACTIVE


def test_payer_that_never_answers_times_out_while_polling(sandbox):
    client = make_client(sandbox.url, timeout=0.6)
    calls = dict(sandbox.state.calls)
    started = time.monotonic()
    with pytest.raises(IntegrationError, match=r"did not answer within 0.6 s"):
        client.check_eligibility(eid_for("NO_ANSWER"), DAY)
    assert 0.55 <= time.monotonic() - started < 1.2
    polls = (sandbox.state.calls["CheckForNewPriorAuthorizationTransactions"]
             - calls.get("CheckForNewPriorAuthorizationTransactions", 0))
    assert polls >= 3  # it kept polling, with back-off, until the deadline


def test_answer_that_appears_later_is_found_by_polling():
    with start_sandbox(0, answer_delay=0.3) as sb:
        client = make_client(sb.url, timeout=3)
        started = time.monotonic()
        r = client.check_eligibility(eid_for("ELIGIBLE"), DAY)
        assert r.status is CoverageStatus.ACTIVE
        assert 0.3 <= time.monotonic() - started < 2
        assert sb.state.calls["CheckForNewPriorAuthorizationTransactions"] >= 2


def test_http_500_is_an_integration_error(sandbox):
    with pytest.raises(IntegrationError) as err:
        make_client(sandbox.url).check_eligibility(eid_for("HTTP_500"), DAY)
    assert err.value.message == "DHA eClaimLink failed with HTTP 500 on UploadTransaction."
    assert err.value.details["status"] == 500


def test_negative_upload_result_is_a_failure_with_the_error_message(sandbox, caplog):
    with pytest.raises(IntegrationError) as err:
        make_client(sandbox.url).check_eligibility(eid_for("UPLOAD_REJECTED"), DAY)
    assert err.value.details == {"reason": "refused", "result": -2}
    assert "(result -2): Transaction file failed validation (simulated)" in err.value.message
    assert "error report: Transaction file failed validation" in caplog.text


def test_login_failure_is_reported_without_the_password(caplog):
    with start_sandbox(0, logins={"desk": "right-password"}) as sb:
        creds = DhaCredentials("F", "L", "desk", "wrong-password-xyz")
        with pytest.raises(IntegrationError) as err:
            make_client(sb.url, credentials=creds).check_eligibility(eid_for("ELIGIBLE"), DAY)
        assert "(result -1): Login failed" in err.value.message
        ok = make_client(sb.url, credentials=DhaCredentials("F", "L", "desk", "right-password"))
        assert ok.check_eligibility(eid_for("ELIGIBLE"), DAY).eligible
    assert "wrong-password-xyz" not in caplog.text + err.value.message


def test_malformed_answer_file_is_refused(sandbox):
    with pytest.raises(IntegrationError) as err:
        make_client(sandbox.url).check_eligibility(eid_for("MALFORMED"), DAY)
    assert err.value.details["reason"] == "malformed"
    assert "not well-formed XML" in err.value.message


def test_entity_bomb_in_the_answer_file_is_refused_quickly(sandbox):
    started = time.monotonic()
    with pytest.raises(IntegrationError) as err:
        make_client(sandbox.url).check_eligibility(eid_for("ENTITY_BOMB"), DAY)
    assert err.value.details["reason"] == "dtd_forbidden"
    assert time.monotonic() - started < 1.0


def test_entity_declarations_in_the_soap_envelope_are_refused(sandbox):
    with pytest.raises(IntegrationError) as err:
        make_client(sandbox.url).check_eligibility(eid_for("ENVELOPE_BOMB"), DAY)
    assert err.value.details["reason"] == "dtd_forbidden"
    assert "DownloadTransactionFile declares a DTD or entities" in err.value.message


def test_huge_answer_is_refused_by_the_transport_cap(sandbox):
    client = make_client(sandbox.url)
    with pytest.raises(IntegrationError) as err:
        client.check_eligibility(eid_for("HUGE"), DAY)
    assert err.value.details["reason"] == "too_large"
    assert "larger than 2,000,000 bytes" in err.value.message
    # the poisoned file was acknowledged: the mailbox keeps flowing
    assert all(f.downloaded for f in sandbox.mailbox(client._credentials.login))
    assert client.check_eligibility(eid_for("ELIGIBLE"), DAY).eligible


def test_huge_answer_is_refused_by_the_file_cap_when_the_transport_allows_it(sandbox):
    client = make_client(sandbox.url, max_response_bytes=10_000_000)
    with pytest.raises(IntegrationError) as err:
        client.check_eligibility(eid_for("HUGE"), DAY)
    assert err.value.details["reason"] == "too_large"
    assert "1,000,000-byte limit" in err.value.message


def test_unreachable_endpoint_fails_fast():
    with start_sandbox(0) as sb:
        url = sb.url
    with pytest.raises(IntegrationError) as err:
        make_client(url, timeout=2).check_eligibility(eid_for("ELIGIBLE"), DAY)
    assert err.value.details["reason"] == "unreachable"


def test_another_workstations_answer_is_left_for_it_and_stale_answers_are_cleared(sandbox):
    creds = unique_credentials()
    foreign = (b"<Prior.Authorization><Header/><Authorization><Result>Yes</Result>"
               b"<ID>OTHER-WS-1</ID></Authorization></Prior.Authorization>")
    foreign_id = sandbox.put_file(creds.login, foreign)
    slow_client = make_client(sandbox.url, credentials=creds, timeout=0.5)
    with pytest.raises(IntegrationError):
        slow_client.check_eligibility(eid_for("SLOW"), DAY)  # abandoned; answered later
    time.sleep(SLOW_SECONDS + 0.3)
    r = slow_client.check_eligibility(eid_for("ELIGIBLE"), DAY)
    assert r.eligible
    files = {f.file_id: f for f in sandbox.mailbox(creds.login)}
    assert not files[foreign_id].downloaded  # not ours: untouched
    others = [f for fid, f in files.items() if fid != foreign_id]
    assert len(others) == 2 and all(f.downloaded for f in others)  # ours + our stale one


def test_threads_share_one_client_and_each_gets_its_own_answer(sandbox):
    client = make_client(sandbox.url, timeout=5)
    keys = ["ELIGIBLE", "INACTIVE", "COVERAGE_REDUCED", "SUSPENDED", "NOT_FOUND", "RENEWED"] * 2
    results: dict[int, object] = {}

    def work(i: int, key: str) -> None:
        results[i] = client.check_eligibility(eid_for(key), DAY)

    threads = [threading.Thread(target=work, args=(i, k)) for i, k in enumerate(keys)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(results) == len(keys)
    for i, key in enumerate(keys):
        assert results[i].emirates_id == eid_for(key)
        assert results[i].status is client.check_eligibility(eid_for(key), DAY).status


def test_client_is_built_once_with_zeep_over_a_requests_session_and_safe_settings(sandbox):
    client = make_client(sandbox.url)
    zeep_client, session = client.client, client.transport.session
    client.check_eligibility(eid_for("ELIGIBLE"), DAY)
    client.check_eligibility(eid_for("INACTIVE"), DAY)
    assert client.client is zeep_client and client.transport.session is session
    assert isinstance(zeep_client, zeep.Client) and isinstance(session, requests.Session)
    s = zeep_client.settings
    assert (s.strict, s.xml_huge_tree, s.forbid_entities, s.forbid_dtd) == (False, False, True,
                                                                           True)
    assert DhaClient(endpoint=sandbox.url, credentials=unique_credentials(),
                     mode=DhaMode.SANDBOX).timeout == 30.0


def test_raw_operations_follow_the_post_office_loop(sandbox):
    client = make_client(sandbox.url)
    assert client.check_for_new() == 2 and client.get_new() == []
    from app.integrations.dha import wire

    req = wire.build_eligibility_request(
        request_id="CD-RAW1", sender_id="L", facility_id="F", emirates_id=eid_for("ELIGIBLE"),
        service_date=DAY, transaction_time=dt.datetime(2026, 3, 10, 9, 0))
    assert client.upload(req.file_name, req.content).code == 0
    assert client.check_for_new() == 1
    [entry] = client.get_new()
    name, data = client.download(entry.file_id)
    assert name == "PriorAuthorization_CD-RAW1.xml"
    assert wire.peek_authorization_id(data) == "CD-RAW1"
    assert client.set_downloaded(entry.file_id) == 0
    assert client.check_for_new() == 2
    with pytest.raises(IntegrationError, match=r"result -4"):
        client.download("nope")


def test_sandbox_serves_the_same_wsdl_and_zeep_can_load_it_from_there(sandbox):
    served = requests.get(sandbox.wsdl_url, timeout=5)
    assert served.status_code == 200
    assert served.text == WSDL_PATH.read_text(encoding="utf-8").replace(
        "https://dhpo.eclaimlink.ae/ValidateTransactions.asmx", sandbox.url)
    remote = zeep.Client(sandbox.wsdl_url)
    answer = remote.service.CheckForNewPriorAuthorizationTransactions(login="u", pwd="p")
    assert answer.CheckForNewPriorAuthorizationTransactionsResult == 2


def test_the_password_never_reaches_the_logs(sandbox, caplog):
    creds = unique_credentials(password="Top-Secret-API-Key-42")
    with caplog.at_level(logging.DEBUG):
        for name in ("zeep", "urllib3", "requests", "app"):
            logging.getLogger(name).setLevel(logging.DEBUG)
        client = make_client(sandbox.url, credentials=creds)
        client.check_eligibility(eid_for("ELIGIBLE"), DAY)
        with pytest.raises(IntegrationError):
            client.check_eligibility(eid_for("UPLOAD_REJECTED"), DAY)
    assert caplog.records  # debug logging was on
    assert "Top-Secret-API-Key-42" not in caplog.text
    assert "Top-Secret-API-Key-42" not in repr(creds) + str(creds)


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:8765/ValidateTransactions.asmx",
                                      "http://dhpo.eclaimlink.ae/ValidateTransactions.asmx"])
def test_live_client_refuses_plain_http_before_sending_anything(endpoint):
    with pytest.raises(ValidationError, match="https://"):
        make_client(endpoint, mode=DhaMode.LIVE)


def test_sandbox_mode_takes_http_on_loopback_only(sandbox):
    make_client(sandbox.url, mode=DhaMode.SANDBOX).check_connection()
    with pytest.raises(ValidationError, match="this computer"):
        make_client("http://dhpo-test.example.ae/ValidateTransactions.asmx",
                    mode=DhaMode.SANDBOX)


def test_check_connection_logs_in_and_reports_a_refusal(sandbox):
    good = unique_credentials()
    locked = start_sandbox(0, logins={good.login: good.password})
    try:
        make_client(locked.url, credentials=good, mode=DhaMode.SANDBOX).check_connection()
        assert locked.state.calls["CheckForNewPriorAuthorizationTransactions"] == 1
        wrong = DhaCredentials(good.facility_id, good.licence, good.login, "wrong")
        with pytest.raises(IntegrationError, match="Login failed"):
            make_client(locked.url, credentials=wrong, mode=DhaMode.SANDBOX).check_connection()
    finally:
        locked.stop()
