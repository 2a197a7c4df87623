"""The per-key token bucket: pacing with a fake clock, Retry-After deferral, one bucket per key."""

from __future__ import annotations

import pytest

from app.integrations.opendental.ratelimit import TokenBucket, bucket_for


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_calls_are_spaced_by_the_rate():
    clock = FakeClock()
    bucket = TokenBucket(2.0, clock=clock, sleep=clock.sleep)
    waits = [bucket.acquire() for _ in range(4)]
    assert waits == [0.0, pytest.approx(0.5), pytest.approx(0.5), pytest.approx(0.5)]
    clock.now += 10  # a quiet spell does not bank more than `burst` calls
    assert bucket.acquire() == 0.0 and bucket.acquire() == pytest.approx(0.5)


def test_burst_lets_a_few_calls_through_back_to_back():
    clock = FakeClock()
    bucket = TokenBucket(1.0, burst=3, clock=clock, sleep=clock.sleep)
    assert [bucket.acquire() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.acquire() == pytest.approx(1.0)


def test_retry_after_defers_every_caller_of_the_bucket():
    clock = FakeClock()
    bucket = TokenBucket(10.0, clock=clock, sleep=clock.sleep)
    bucket.acquire()
    bucket.defer(3.0)
    assert bucket.acquire() == pytest.approx(3.0)


def test_one_bucket_per_key_pair_and_none_means_unpaced():
    a = bucket_for("dev-x", "cust-1", 5.0)
    assert bucket_for("dev-x", "cust-1", 5.0) is a
    assert bucket_for("dev-x", "cust-2", 5.0) is not a
    assert bucket_for("dev-x", "cust-1", None) is None
    assert bucket_for("dev-x", "cust-1", 0) is None
    assert bucket_for("dev-x", "cust-1", 2.0) is a and a.rate == 2.0  # the latest rate applies
    with pytest.raises(ValueError):
        TokenBucket(0)
