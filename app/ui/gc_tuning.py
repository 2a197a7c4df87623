"""Keep Python's full garbage collections from freezing the GUI.

A full (generation 2) collection walks every tracked object while holding the GIL; once the
app has imported SQLAlchemy, PySide6 and the services and loaded a day's queue, one takes
~150 ms on a desk PC, and it runs whenever allocation counts say so — often in the middle of a
refresh, stalling the event loop (measured in bench/bench_frontdesk.py: the only GUI stalls
above 50 ms during 1,000-row refreshes were these collections).

:func:`settle_heap`, called once after start-up (sign-in), collects once and then
``gc.freeze()``\\ s the survivors: imported modules, services, engine, windows. Later full
collections only walk what the session itself creates, which is small. Objects frozen and
later dropped are still freed by reference counting (only cycles among them would wait).
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def settle_heap() -> None:
    """Collect, then move every surviving object out of the collector's sight (returns
    nothing: it is used as a Qt slot)."""
    gc.collect()
    gc.freeze()
    log.debug("gc: %d objects frozen after start-up", gc.get_freeze_count())
