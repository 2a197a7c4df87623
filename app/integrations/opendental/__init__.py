"""OpenDental REST API: the httpx client, its strict wire models, and a loopback sandbox.

- ``client.OpenDentalClient``: reads (paged, incremental) and writes (read back) of the REST API.
- ``wire``: PascalCase dataclasses parsed strictly from the JSON the API returns.
- ``errors``: the typed errors every call can raise.
- ``ratelimit``: the per-key token bucket shared by every client in the process.
- ``sandbox`` + ``practice``: a real HTTP server on 127.0.0.1 serving a generated practice
  (SIMULATED), with switchable faults; used by the demo, the tests and the benchmarks.
"""
