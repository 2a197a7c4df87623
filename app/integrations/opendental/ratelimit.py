"""Per-key request pacing for OpenDental: one token bucket per key pair, shared in the process.

OpenDental throttles per customer ("throttled at different rates for different users"; no
numbers published, apis.md §1.1), so every client built with the same developer/customer key
pair in this process draws from ONE bucket: two pollers on one workstation together stay at the
configured rate. The bucket is a GCRA (virtual-time token bucket): each ``acquire`` reserves the
next free slot under a lock and then sleeps outside it, so threads are served in order and none
busy-waits. ``burst`` (default 1) is how many calls may go back to back after a quiet spell.

The rate is per bucket; the client built last sets it (``bucket_for`` updates an existing
bucket), so a configuration change applies without a restart. ``None`` or ``<= 0`` means "no
pacing" (benchmarks against the loopback sandbox). A 429's Retry-After pushes the whole bucket
back (``defer``), so the other clients of that key wait too.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable


class TokenBucket:
    def __init__(self, rate: float, *, burst: int = 1,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep
        self._tat = 0.0  # theoretical arrival time of the next request
        self.set_rate(rate, burst=burst)

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float, *, burst: int = 1) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        with self._lock:
            self._rate, self._burst = float(rate), max(1, int(burst))
            self._interval = 1.0 / self._rate

    def acquire(self) -> float:
        """Wait for the next slot; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            tat = max(self._tat, now)
            wait = tat - (self._burst - 1) * self._interval - now
            self._tat = tat + self._interval
        if wait > 0:
            self._sleep(wait)
            return wait
        return 0.0

    def defer(self, seconds: float) -> None:
        """The server said "not before ``seconds`` from now" (Retry-After)."""
        with self._lock:
            self._tat = max(self._tat, self._clock() + max(0.0, seconds))


_buckets: dict[str, TokenBucket] = {}
_buckets_lock = threading.Lock()


def key_id(developer_key: str, customer_key: str) -> str:
    """A stable id for a key pair that does not hold the keys themselves."""
    return hashlib.sha256(f"{developer_key}/{customer_key}".encode()).hexdigest()[:16]


def bucket_for(developer_key: str, customer_key: str, rate: float | None, *,
               burst: int = 1) -> TokenBucket | None:
    """The process-wide bucket of this key pair at ``rate`` requests/s (None: no pacing)."""
    if rate is None or rate <= 0:
        return None
    ident = key_id(developer_key, customer_key)
    with _buckets_lock:
        bucket = _buckets.get(ident)
        if bucket is None:
            bucket = _buckets[ident] = TokenBucket(rate, burst=burst)
            return bucket
    if bucket.rate != rate:
        bucket.set_rate(rate, burst=burst)
    return bucket
