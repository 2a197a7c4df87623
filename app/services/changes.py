"""What a mutation changed, so screens can decide whether to redraw (after Anki's OpChanges).

Every service call that changes rows returns a result carrying ``changes: Changes`` (the
:class:`Mutation` shape); the UI's ``Ops.mutate`` publishes them on the change bus.
``Changes.all()`` is the one value that says "anything may have changed" (the database
connection came back after a restart and NOTIFYs may have been missed): it touches every table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Changes:
    """Tables touched and the ids of the rows, e.g. Changes.of(appointments={12})."""

    tables: frozenset[str] = frozenset()
    ids: dict[str, frozenset[int]] = field(default_factory=dict)
    reload_all: bool = False
    """True: unknown rows of any table changed; a screen reloads what it shows."""

    @classmethod
    def of(cls, **rows: set[int] | frozenset[int] | tuple[int, ...]) -> Changes:
        return cls(frozenset(rows), {k: frozenset(v) for k, v in rows.items()})

    @classmethod
    def all(cls) -> Changes:
        """Anything may have changed (no ids): every screen reloads."""
        return cls(reload_all=True)

    @property
    def empty(self) -> bool:
        return not (self.tables or self.reload_all)

    def touches(self, *tables: str) -> bool:
        return self.reload_all or bool(self.tables.intersection(tables))

    def __or__(self, other: Changes) -> Changes:
        ids = dict(self.ids)
        for k, v in other.ids.items():
            ids[k] = ids.get(k, frozenset()) | v
        return Changes(self.tables | other.tables, ids, self.reload_all or other.reload_all)


@runtime_checkable
class Mutation(Protocol):
    """The one shape every mutating service call returns: whatever else it reports, plus
    what it changed."""

    @property
    def changes(self) -> Changes: ...


@dataclass(frozen=True)
class Done:
    """The result of a mutation with nothing to report but what it changed."""

    changes: Changes
