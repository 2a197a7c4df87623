"""``python -m app audit verify``: walk every hash chain (app/db/chain.py) and report breaks.

For each chain and hospital the rows are read in ``chain_seq`` order inside one REPEATABLE
READ, read-only transaction (so rows and heads are one consistent picture while desks keep
writing), and each row is checked three ways:

1. its ``chain_seq`` is the previous one + 1 (a gap means rows were deleted; a row with no
   chain columns was inserted with the triggers bypassed);
2. its ``prev_hash`` is the previous row's ``row_hash`` (the link);
3. ``sha256(prev_hash || '|' || payload)`` recomputed here, in Python, from the row as it is
   stored now equals its ``row_hash`` (the row was not edited).

Finally the newest row must be the chain's head in ``hash_chain_heads`` (the newest rows were
not deleted). The first break of each chain is reported with the row id, what was expected
and what was found; checking goes on with the other chains.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa

from app.db.chain import CHAINS, GENESIS, HEADS_TABLE, Chain, payload_sql
from app.domain.errors import NotFound
from app.domain.messages import messages

M = messages(__name__)

__all__ = ["Break", "ChainReport", "VerifyReport", "row_hash", "verify_chains"]


def row_hash(prev_hash: str, payload: str) -> str:
    """The hash a row must carry: sha256 over ``prev_hash|payload`` (UTF-8), lower-case hex."""
    return hashlib.sha256(f"{prev_hash}|{payload}".encode()).hexdigest()


@dataclass(frozen=True)
class Break:
    chain: str
    hospital_key: int
    row_id: int | None
    chain_seq: int | None
    problem: str
    expected: str
    found: str

    def __str__(self) -> str:
        where = f"row id {self.row_id}" if self.row_id is not None else "chain head"
        seq = f" (seq {self.chain_seq})" if self.chain_seq is not None else ""
        return (f"BROKEN {self.chain} hospital {self.hospital_key}: {where}{seq}: "
                f"{self.problem}; expected {self.expected}, found {self.found}")


@dataclass
class ChainReport:
    chain: str
    hospital_key: int
    rows: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    broken: Break | None = None


@dataclass
class VerifyReport:
    chains: list[ChainReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.broken is None for c in self.chains)

    @property
    def breaks(self) -> list[Break]:
        return [c.broken for c in self.chains if c.broken is not None]

    def lines(self) -> list[str]:
        out = []
        for c in self.chains:
            if c.broken is None:
                out.append(f"ok     {c.chain} hospital {c.hospital_key}: {c.rows} rows, "
                           f"head seq {c.head_seq} {c.head_hash[:16]}…")
            else:
                out.append(str(c.broken))
        return out


def _rows_sql(chain: Chain, hospital_key: int | None) -> sa.TextClause:
    key = chain.key_expr.format(r="r")
    where = f"WHERE {key} = :k" if hospital_key is not None else ""
    return sa.text(f"""
        SELECT {key} AS k, r.id, r.chain_seq, r.prev_hash, r.row_hash,
               {payload_sql(chain, "r")} AS payload
          FROM {chain.table} r {where}
         ORDER BY 1, r.chain_seq NULLS FIRST, r.id""")


def _check(chain: Chain, rows: Iterator[sa.Row], heads: dict[tuple[str, int], tuple[int, str]],
           hospital_key: int | None) -> list[ChainReport]:
    reports: dict[int, ChainReport] = {}
    for r in rows:
        rep = reports.get(r.k)
        if rep is None:
            rep = reports[r.k] = ChainReport(chain.name, r.k)
        if rep.broken is not None:
            continue
        rep.rows += 1

        def broken(problem: str, expected: str, found: str, rep: ChainReport = rep,
                   r: sa.Row = r) -> None:
            rep.broken = Break(chain.name, r.k, r.id, r.chain_seq, problem, expected, found)

        if r.chain_seq is None or r.row_hash is None or r.prev_hash is None:
            broken("row is not in the chain (inserted with the chain trigger bypassed)",
                   "chain columns set", "NULL")
        elif r.chain_seq != rep.head_seq + 1:
            if r.chain_seq > rep.head_seq + 1:
                broken(f"rows with seq {rep.head_seq + 1}..{r.chain_seq - 1} are missing "
                       "(deleted)", f"seq {rep.head_seq + 1}", f"seq {r.chain_seq}")
            else:
                broken("seq used twice (a forged or copied row)", f"seq {rep.head_seq + 1}",
                       f"seq {r.chain_seq}")
        elif r.prev_hash != rep.head_hash:
            broken("link to the previous row broken (the previous row was changed, removed "
                   "or forged)", f"prev_hash {rep.head_hash}", f"prev_hash {r.prev_hash}")
        elif (computed := row_hash(r.prev_hash, r.payload)) != r.row_hash:
            broken("row changed after it was written", f"row_hash {computed}",
                   f"row_hash {r.row_hash}")
        else:
            rep.head_seq, rep.head_hash = r.chain_seq, r.row_hash
    # The heads: the newest rows must still be there (and a head without rows means all of
    # a chain's rows were deleted).
    for (name, key), (seq, last) in heads.items():
        if name != chain.name or (hospital_key is not None and key != hospital_key):
            continue
        rep = reports.get(key)
        if rep is None:
            rep = reports[key] = ChainReport(chain.name, key)
        if rep.broken is None and (seq, last) != (rep.head_seq, rep.head_hash):
            rep.broken = Break(chain.name, key, None, seq,
                               "the newest rows are missing or the head was changed",
                               f"head seq {seq} {last}",
                               f"last row seq {rep.head_seq} {rep.head_hash}")
    for key, rep in reports.items():
        if rep.broken is None and rep.rows and (chain.name, key) not in heads:
            rep.broken = Break(chain.name, key, None, None, "the chain head is missing",
                               f"head seq {rep.head_seq}", "no head")
    return [reports[k] for k in sorted(reports)]


def verify_chains(engine: sa.Engine, hospital_code: str | None = None) -> VerifyReport:
    """Check every chain (of one hospital when ``hospital_code`` is given)."""
    report = VerifyReport()
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ",
                                      postgresql_readonly=True)
        with conn.begin():
            hospital_key: int | None = None
            if hospital_code is not None:
                hospital_key = conn.execute(sa.text("SELECT id FROM hospitals WHERE code = :c"),
                                            {"c": hospital_code}).scalar()
                if hospital_key is None:
                    raise NotFound(M("there_hospital_code_hospital", "There is no hospital "
                                     "with code {hospital_code}.",
                                     hospital_code=f"{hospital_code!r}"))
            heads = {(r.chain, r.hospital_key): (r.last_seq, r.last_hash) for r in conn.execute(
                sa.text(f"SELECT chain, hospital_key, last_seq, last_hash FROM {HEADS_TABLE}"))}
            for chain in CHAINS:
                params = {"k": hospital_key} if hospital_key is not None else {}
                rows = conn.execution_options(stream_results=True, yield_per=2000).execute(
                    _rows_sql(chain, hospital_key), params)
                report.chains.extend(_check(chain, iter(rows), heads, hospital_key))
    return report
