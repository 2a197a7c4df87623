"""OpenDentalClient against the real loopback sandbox (no mocked HTTP): paging, incremental
reads, writes read back, every fault, rate limiting, and lists that change while being read."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from decimal import Decimal

import pytest

from app.integrations.opendental import errors as od
from app.integrations.opendental.client import OpenDentalClient
from app.integrations.opendental.practice import make_practice
from app.integrations.opendental.sandbox import start_sandbox
from app.integrations.opendental.wire import AptStatus, ClaimStatus

FAST = {"requests_per_second": None, "backoff_base": 0.01, "timeout": 5.0}


@pytest.fixture
def sandbox():
    with start_sandbox(make_practice(11, patients=60, appointments=260, claims=80)) as running:
        yield running


def client(sandbox, **options) -> OpenDentalClient:
    settings = {**FAST, **options}
    return OpenDentalClient(sandbox.url, (sandbox.developer_key, sandbox.customer_key),
                            **settings)


def _offsets(sandbox, path="/appointments"):
    return [int(params["Offset"]) for method, p, params in sandbox.requests
            if method == "GET" and p == path]


# ---- paging


def test_a_full_read_returns_every_row_once_in_pages_of_100(sandbox):
    with client(sandbox) as api:
        page = api.list_appointments()
    assert [a.apt_num for a in page.items] == list(sandbox.practice.appointments)
    assert all(params["Limit"] == "100" for _m, _p, params in sandbox.requests)
    assert _offsets(sandbox) == [0, 99, 198]  # pages overlap by one row; 3rd page is short
    assert page.server_datetime is not None
    assert abs((page.server_datetime - sandbox.practice.now()).total_seconds()) < 5


@pytest.mark.parametrize("count", [100, 200])
def test_a_last_page_of_exactly_100_rows_ends_the_read(count):
    with start_sandbox(make_practice(5, patients=20, appointments=count, claims=0)) as sb:
        with client(sb) as api:
            items = api.list_appointments().items
        assert len(items) == count and len({a.apt_num for a in items}) == count
        # 100 rows: page 0 full, then Offset=99 returns just the overlap row -> done.
        assert _offsets(sb) == ([0, 99] if count == 100 else [0, 99, 198])


def test_streaming_pages_hold_only_new_rows(sandbox):
    with client(sandbox) as api:
        pages = list(api.iter_appointment_pages())
    assert [len(p.items) for p in pages] == [100, 99, 61]
    assert len({a.apt_num for p in pages for a in p.items}) == 260
    assert len({p.server_datetime for p in pages}) == 1  # the first page's, carried along


def test_filters_are_sent_in_the_wire_format_and_applied(sandbox):
    today = sandbox.practice.today
    with client(sandbox) as api:
        week = api.list_appointments(date_start=today, date_end=today + dt.timedelta(days=7),
                                     clinic_num=2, apt_status=AptStatus.SCHEDULED).items
        sent = sandbox.requests[-1][2]
        assert sent["dateStart"] == today.isoformat() and sent["ClinicNum"] == "2"
        assert sent["AptStatus"] == "Scheduled"
        assert week and all(a.clinic_num == 2 and a.apt_status is AptStatus.SCHEDULED
                            and today <= a.apt_date_time.date() <= today + dt.timedelta(7)
                            for a in week)
        received = api.list_claims(claim_status=ClaimStatus.RECEIVED).items
        assert received and {c.claim_status for c in received} == {ClaimStatus.RECEIVED}
        claim = received[0]
        procs = api.list_claimprocs(claim_num=claim.claim_num).items
        assert procs and sum((p.fee_billed for p in procs), Decimal(0)) == claim.claim_fee
        patplans = api.list_patplans(pat_num=claim.pat_num).items
        assert patplans and all(p.pat_num == claim.pat_num for p in patplans)
        subs = api.list_inssubs(subscriber=claim.pat_num).items
        assert claim.ins_sub_num in {s.ins_sub_num for s in subs}
        plan = api.get_insplan(claim.plan_num)
        assert plan.carrier_num in {c.carrier_num for c in api.list_carriers().items}
        benefits = api.list_benefits(plan_num=plan.plan_num).items
        assert {"CoInsurance", "Deductible", "Limitations"} <= {b.benefit_type for b in benefits}
        assert api.list_procedurelogs(apt_num=week[0].apt_num).items
        assert api.get_patient(claim.pat_num).pat_num == claim.pat_num


# ---- incremental reads


def test_incremental_reads_return_what_changed_since_the_server_time(sandbox):
    with client(sandbox) as api:
        first = api.list_appointments()
        watermark = first.server_datetime
        assert api.list_appointments(changed_since=watermark).items == []
        changed = sandbox.practice.edit_appointment(5, note="Moved by phone")
        new = api.create_appointment(9, 2, dt.datetime.combine(
            sandbox.practice.today + dt.timedelta(days=2), dt.time(10, 30)))
        later = api.list_appointments(changed_since=watermark)
        assert {a.apt_num for a in later.items} == {changed.apt_num, new.apt_num}
        assert sandbox.requests[-1][2]["DateTStamp"] == watermark.strftime("%Y-%m-%d %H:%M:%S")
        assert later.server_datetime >= watermark

        claims = api.list_claims()
        unsent = next(c for c in claims.items if c.claim_status is ClaimStatus.UNSENT)
        api.set_claim_status(unsent.claim_num, ClaimStatus.SENT,
                             date_sent=sandbox.practice.today)
        edited = api.list_claims(changed_since=claims.server_datetime).items
        assert [c.claim_num for c in edited] == [unsent.claim_num]
        assert sandbox.requests[-1][2]["SecDateTEdit"]


def test_an_empty_incremental_read_has_no_watermark(sandbox):
    with client(sandbox) as api:
        page = api.list_claimpayments(changed_since=dt.datetime(2099, 1, 1))
    assert page.items == [] and page.server_datetime is None


# ---- writes, read back


def test_writes_change_the_sandbox_and_are_read_back(sandbox):
    practice = sandbox.practice
    claimed = {cp.proc_num for cp in practice.claimprocs.values()}
    with client(sandbox) as api:
        when = dt.datetime.combine(practice.today + dt.timedelta(days=3), dt.time(11, 15))
        apt = api.create_appointment(12, 3, when, {"Note": "New crown", "ProvNum": 2,
                                                   "IsNewPatient": True})
        assert practice.appointments[apt.apt_num].note == "New crown"
        assert apt.apt_date_time == when and apt.is_new_patient is True
        assert sandbox.requests[-1][:2] == ("GET", f"/appointments/{apt.apt_num}")
        arrived = when - dt.timedelta(minutes=5)
        moved = api.update_appointment(apt.apt_num, {"Op": 5, "DateTimeArrived": arrived})
        assert (moved.op, moved.date_time_arrived, moved.note) == (5, arrived, "New crown")

        proc = next(p for p in practice.procedures.values()
                    if p.proc_status == "C" and p.proc_num not in claimed
                    and practice.primary_sub(p.pat_num, p.proc_date) is not None)
        claim = api.create_claim([proc.proc_num], fields={"ClaimNote": "SIMULATED test"})
        assert claim.claim_status is ClaimStatus.UNSENT and claim.claim_fee == proc.proc_fee
        assert practice.claims[claim.claim_num].claim_note == "SIMULATED test"
        sent = api.set_claim_status(claim.claim_num, "W")
        assert sent.claim_status is ClaimStatus.WAITING_TO_SEND
        received = api.update_claim(claim.claim_num, {"ClaimStatus": ClaimStatus.RECEIVED,
                                                      "DateReceived": practice.today})
        assert received.date_received == practice.today
        cp = api.list_claimprocs(claim_num=claim.claim_num).items[0]
        paid = api.update_claimproc(cp.claim_proc_num, {"Status": "Received",
                                                        "InsPayAmt": Decimal("120.5")},
                                    claim_num=claim.claim_num)
        assert paid.ins_pay_amt == Decimal("120.50") and paid.status == "Received"


def test_a_field_the_server_silently_ignores_raises_read_back_mismatch(sandbox):
    practice = sandbox.practice
    cp = next(c for c in practice.claimprocs.values() if not c.claim_payment_num)
    with client(sandbox) as api, pytest.raises(od.ReadBackMismatch) as caught:
        # OpenDental answers 200 to DateCP in a claimproc PUT and changes nothing.
        api.update_claimproc(cp.claim_proc_num, {"DateCP": practice.today},
                             claim_num=cp.claim_num)
    assert caught.value.mismatches == {"DateCP": (practice.today, cp.date_cp)}
    assert "DateCP" in caught.value.message


def test_frozen_ins_pay_amt_and_ignored_claim_status_are_caught(sandbox):
    practice = sandbox.practice
    frozen = next(c for c in practice.claimprocs.values() if c.claim_payment_num)
    claimed = {cp.proc_num for cp in practice.claimprocs.values()}
    proc = next(p for p in practice.procedures.values()
                if p.proc_status == "C" and p.proc_num not in claimed
                and practice.primary_sub(p.pat_num, p.proc_date) is not None)
    with client(sandbox) as api:
        with pytest.raises(od.ReadBackMismatch):
            api.update_claimproc(frozen.claim_proc_num, {"InsPayAmt": Decimal("1.00")},
                                 claim_num=frozen.claim_num)
        with pytest.raises(od.ReadBackMismatch) as caught:
            api.create_claim([proc.proc_num], fields={"ClaimStatus": ClaimStatus.SENT})
        assert caught.value.mismatches["ClaimStatus"] == (ClaimStatus.SENT, ClaimStatus.UNSENT)


def test_400_and_404_carry_the_servers_words(sandbox):
    with client(sandbox) as api:
        with pytest.raises(od.NotFound) as missing:
            api.get_claim(987654)
        assert missing.value.server_text == "Claim not found." and missing.value.status_code == 404
        with pytest.raises(od.BadRequest) as bad:
            api.list_claims(changed_since="yesterday")  # type: ignore[arg-type]
        assert "SecDateTEdit is not in a valid format" in bad.value.server_text
        claimed = next(iter(sandbox.practice.claimprocs.values())).proc_num
        with pytest.raises(od.BadRequest) as taken:
            api.create_claim([claimed])
        assert "already attached to a claim" in taken.value.message
        with pytest.raises(od.NotFound):
            api.create_appointment(99999, 1, dt.datetime(2026, 12, 9, 9, 0))


# ---- faults


def test_429_is_retried_after_retry_after_within_the_budget(sandbox):
    fault = sandbox.inject("throttle", times=2, retry_after=0.3, path="/claims")
    with client(sandbox, max_retries=4) as api:
        started = time.monotonic()
        claim = api.get_claim(1)
        waited = time.monotonic() - started
    assert claim.claim_num == 1 and fault.hits == 2
    assert waited >= 0.6 and api.stats.retries == 2
    assert api.stats.statuses == {429: 2, 200: 1}


def test_429_beyond_the_budget_raises_rate_limited(sandbox):
    sandbox.inject("throttle", times=-1, retry_after=0.05)
    with client(sandbox, max_retries=2) as api, pytest.raises(od.RateLimited) as caught:
        api.get_claim(1)
    assert caught.value.retry_after == pytest.approx(0.05)
    assert len(sandbox.requests) == 3


def test_a_server_side_rate_limit_is_absorbed_by_honouring_retry_after():
    with start_sandbox(make_practice(5, patients=20, appointments=30, claims=5),
                       scenario="throttled") as sb, client(sb) as api:
        for num in (1, 2, 3):
            assert api.get_appointment(num).apt_num == num
        assert api.stats.statuses.get(429, 0) >= 1 and api.stats.statuses[200] == 3


def test_500_is_retried_then_surfaces_as_server_error(sandbox):
    sandbox.inject("server_error", times=1)
    with client(sandbox) as api:
        assert api.get_claim(2).claim_num == 2
        sandbox.inject("server_error", times=-1)
        with pytest.raises(od.ServerError) as caught:
            api.get_claim(2)
    assert caught.value.status_code == 500 and "unexpected error" in caught.value.message
    assert api.stats.statuses[500] == 1 + 5  # one absorbed, then 1 + max_retries (4)


def test_a_post_is_not_retried_after_a_500(sandbox):
    sandbox.inject("server_error", times=-1, method="POST")
    with client(sandbox) as api, pytest.raises(od.ServerError):
        api.create_appointment(3, 1, dt.datetime(2026, 12, 20, 9, 0))
    assert [m for m, _p, _q in sandbox.requests] == ["POST"]


def test_a_timeout_is_retried_then_raised(sandbox):
    sandbox.inject("timeout", times=1, seconds=1.0)
    with client(sandbox, timeout=0.3) as api:
        assert api.get_appointment(4).apt_num == 4
        sandbox.inject("timeout", times=-1, seconds=1.0)
        with pytest.raises(od.Timeout):
            OpenDentalClient(sandbox.url, (sandbox.developer_key, sandbox.customer_key),
                             requests_per_second=None, timeout=0.3, max_retries=1,
                             backoff_base=0.01).get_appointment(4)


def test_malformed_json_and_bad_fields_raise_malformed_response(sandbox):
    with client(sandbox) as api:
        sandbox.inject("malformed_json", times=1)
        with pytest.raises(od.MalformedResponse) as caught:
            api.list_appointments()
        assert "not JSON" in caught.value.message
        sandbox.inject("bad_field", times=1)
        with pytest.raises(od.MalformedResponse) as caught:
            api.list_appointments()
        assert caught.value.field == "Appointment.AptDateTime"
        assert api.stats.retries == 0  # nonsense is not retried


def test_401_names_the_key_that_was_refused(sandbox):
    for developer, customer, which in ((sandbox.developer_key, "nope", "customer"),
                                       ("nope", sandbox.customer_key, "developer")):
        with OpenDentalClient(sandbox.url, (developer, customer), **FAST) as api:
            with pytest.raises(od.AuthError) as caught:
                api.get_claim(1)
            assert caught.value.key == which and caught.value.status_code == 401
            assert f"the {which} key" in caught.value.message
            result = api.ping()
            assert not result.ok and result.status_code == 401
            assert f"the {which} key" in result.server_says
    sandbox.inject("bad_key", times=1, key="developer")
    with client(sandbox) as api, pytest.raises(od.AuthError) as caught:
        api.get_claim(1)
    assert caught.value.key == "developer"


def test_ping_reports_what_the_server_said(sandbox):
    with client(sandbox) as api:
        result = api.ping()
    assert result.ok and result.status_code == 200 and result.simulated
    assert "SIMULATED" in result.server_says and result.elapsed_ms > 0
    with OpenDentalClient("http://127.0.0.1:9/api/v1", ("a", "b"), max_retries=0,
                          requests_per_second=None, timeout=1) as dead:
        down = dead.ping()
    assert not down.ok and down.status_code is None and "Could not reach" in down.server_says


# ---- rate limiting


def test_five_calls_at_10_per_second_take_at_least_0_4_s(sandbox):
    with client(sandbox, requests_per_second=10) as api:
        started = time.monotonic()
        for _ in range(5):
            api.get_appointment(1)
        elapsed = time.monotonic() - started
    assert 0.4 <= elapsed < 2.0


def test_clients_of_one_key_share_one_bucket(sandbox):
    first = client(sandbox, requests_per_second=10)
    second = client(sandbox, requests_per_second=10)
    started = time.monotonic()
    for _ in range(3):
        first.get_appointment(1)
        second.get_appointment(1)
    elapsed = time.monotonic() - started
    first.close()
    second.close()
    assert elapsed >= 0.5  # 6 calls through one 10/s bucket, not 2 x 3 in parallel buckets


# ---- a list that changes while it is read


def test_rows_inserted_between_pages_are_delivered_once_or_caught_next_time(sandbox):
    original = list(sandbox.practice.appointments)
    sandbox.inject("shift_insert", times=1, path="/appointments", rows=3)
    with client(sandbox) as api:
        page = api.list_appointments()
        keys = [a.apt_num for a in page.items]
        assert len(keys) == len(set(keys))  # never twice
        assert set(original) <= set(keys)
        inserted = set(sandbox.practice.appointments) - set(original)
        assert len(inserted) == 3
        later = api.list_appointments(changed_since=page.server_datetime)
        assert inserted <= {a.apt_num for a in later.items} | set(keys)
        assert inserted <= {a.apt_num for a in later.items}


def test_rows_deleted_between_pages_make_the_client_step_back_not_skip(sandbox):
    fault = sandbox.inject("shift_delete", times=1, path="/appointments", rows=3)
    with client(sandbox) as api:
        keys = [a.apt_num for a in api.list_appointments().items]
    assert fault.hits == 1
    survivors = list(sandbox.practice.appointments)
    assert len(survivors) == 257
    assert Counter(keys) == Counter(set(keys))  # no duplicates
    assert set(survivors) <= set(keys)          # nothing that stayed was skipped
    assert 0 in _offsets(sandbox)[1:]           # it stepped back to re-read


def test_a_list_that_never_settles_raises_page_shifted(sandbox):
    sandbox.inject("shift_delete", times=-1, path="/appointments", rows=2)
    with client(sandbox, max_page_restarts=2) as api, pytest.raises(od.PageShifted):
        api.list_appointments()


# ---- the insurer's side, as tests and the demo play it


def test_a_payment_and_a_denial_reach_the_next_incremental_reads(sandbox):
    practice = sandbox.practice
    sent = [c for c in practice.claims.values() if c.claim_status is ClaimStatus.SENT]
    with client(sandbox) as api:
        before_claims = api.list_claims()
        before_checks = api.list_claimpayments()
        check = practice.receive_payment(sent[0].claim_num, Decimal("100.01"))
        practice.deny_claim(sent[1].claim_num, "Member not eligible on date of service.")
        checks = api.list_claimpayments(changed_since=before_checks.server_datetime).items
        assert [c.claim_payment_num for c in checks] == [check.claim_payment_num]
        assert checks[0].check_amt == Decimal("100.01")
        paid = api.list_claimprocs(claim_payment_num=check.claim_payment_num).items
        assert sum((p.ins_pay_amt for p in paid), Decimal(0)) == Decimal("100.01")
        assert {p.claim_num for p in paid} == {sent[0].claim_num}
        changed = {c.claim_num: c for c in
                   api.list_claims(changed_since=before_claims.server_datetime).items}
        assert set(changed) == {sent[0].claim_num, sent[1].claim_num}
        assert changed[sent[0].claim_num].claim_status is ClaimStatus.RECEIVED
        denied = changed[sent[1].claim_num]
        assert denied.ins_pay_amt == 0 and denied.reason_under_paid.startswith("Member")


def test_a_bad_field_fault_names_the_field_of_the_resource_asked_for(sandbox):
    sandbox.inject("bad_field", times=1, path="/claims")
    with client(sandbox) as api, pytest.raises(od.MalformedResponse) as caught:
        api.list_claims()
    assert caught.value.field == "Claim.SecDateTEdit"


def test_a_refused_connection_is_retried_then_raised():
    dead = OpenDentalClient("http://127.0.0.1:9/api/v1", ("a", "b"), max_retries=2,
                            requests_per_second=None, backoff_base=0.01, timeout=1)
    with dead, pytest.raises(od.ConnectionFailed) as caught:
        dead.get_claim(1)
    assert dead.stats.requests == 3 and dead.stats.retries == 2
    assert "127.0.0.1:9" in caught.value.message


def test_missing_keys_are_refused_before_any_request():
    with pytest.raises(od.AuthError) as caught:
        OpenDentalClient("http://127.0.0.1:9/api/v1", ("dev", ""))
    assert caught.value.key == "customer"


def test_the_sandbox_accepts_the_fixed_keys_of_sandbox_connections(sandbox):
    from app.integrations.opendental.credentials import SANDBOX_KEYS

    with OpenDentalClient(sandbox.url, SANDBOX_KEYS, **FAST) as api:
        assert api.ping().ok
