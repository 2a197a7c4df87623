"""What a mutation changed, so screens can decide whether to redraw (after Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Tables touched and the ids of the rows, e.g. Changes.of(appointments={12})."""

    tables: frozenset[str] = frozenset()
    ids: dict[str, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, **rows: set[int] | frozenset[int] | tuple[int, ...]) -> Changes:
        return cls(frozenset(rows), {k: frozenset(v) for k, v in rows.items()})

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def __or__(self, other: Changes) -> Changes:
        ids = dict(self.ids)
        for k, v in other.ids.items():
            ids[k] = ids.get(k, frozenset()) | v
        return Changes(self.tables | other.tables, ids)
