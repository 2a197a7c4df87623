"""A set of row ids passed to PostgreSQL as one ``bigint[]`` value, written as its literal.

A page query that filters by ids found in an earlier statement (the patient filter of the
audit, claims and insurance payments lists) reads them as one array value and sends them back
as one: at clinic scale, 1,645 ids read as rows cost ~6 ms of Python and sent as a Python list
~3.4 ms, against ~1 ms of the database's own time for the page. The dumper sends the literal
typed ``bigint[]``, so a plan made for the values still sees them (a text parameter cast to
an array is not: ``array_in`` is not folded at planning).

The dumper is registered on psycopg's global adapters when this module is imported, which
app/db/session.py does before it makes any engine: a connection takes its adapters from the
global ones when it is opened.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg.adapt import Dumper


@dataclass(frozen=True)
class IdArray:
    """``count`` ids as PostgreSQL writes an array of them (``'{3,17}'``)."""

    count: int
    literal: str

    def __bool__(self) -> bool:
        return self.count > 0

    def __len__(self) -> int:
        return self.count

    def ids(self) -> list[int]:
        inner = self.literal.strip("{}")
        return [int(x) for x in inner.split(",")] if inner else []


class _IdArrayDumper(Dumper):
    oid = psycopg.postgres.types["int8"].array_oid

    def dump(self, obj: IdArray) -> bytes:
        return obj.literal.encode()


psycopg.adapters.register_dumper(IdArray, _IdArrayDumper)
