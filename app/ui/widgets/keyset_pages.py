"""Next / Previous over a keyset-paginated service call: a stack of the cursors of the pages
visited ([-1] is the page on screen), and the cursor the last page handed back for the next.

Keyset pages cannot jump backwards by arithmetic, so going back pops the stack. (No text
for people here: the pages that use it say "Page 2".)
"""

from __future__ import annotations

from typing import Any


class KeysetPages:
    def __init__(self, page_size: int) -> None:
        self.page_size = page_size
        self._cursors: list[Any] = [None]
        self._next: Any = None

    def reset(self) -> None:
        """Back to the first page (filters changed)."""
        self._cursors = [None]
        self._next = None

    @property
    def cursor(self) -> Any:
        """The cursor to load the page on screen with (None for the first page)."""
        return self._cursors[-1]

    @property
    def number(self) -> int:
        return len(self._cursors)

    @property
    def first_index(self) -> int:
        """0-based position of the page's first row in the whole list."""
        return (self.number - 1) * self.page_size

    def loaded(self, next_cursor: Any) -> None:
        self._next = next_cursor

    @property
    def has_next(self) -> bool:
        return self._next is not None

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def forward(self) -> bool:
        if self._next is None:
            return False
        self._cursors.append(self._next)
        return True

    def back(self) -> bool:
        if not self.has_previous:
            return False
        self._cursors.pop()
        return True
