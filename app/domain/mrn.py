"""The hospital's MRN format: a prefix and a zero-padded number (``ANC-100123``: prefix
``ANC-``, 6 digits).

Where it comes from, first found wins:
1. the hospital's settings, ``mrn_prefix`` and ``mrn_digits`` (onboarding sets the clinic
   code and 6 digits, ``JFC01-000001``; the demo ``ANC-``);
2. the MRNs the hospital already has (OpenDental import stubs aside): the most common
   prefix-and-width among them (the oldest such pattern on a tie), so a clinic whose patients came from another system goes on
   in that system's format rather than starting ``MRN000001`` beside ``ANC-100199``;
3. ``MRN`` and 6 digits for a clinic with no patients and no setting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_PREFIX = "MRN"
DEFAULT_DIGITS = 6
MIN_DIGITS, MAX_DIGITS = 3, 10
PREFIX_MAX = 10  # patients.mrn is VARCHAR(20): prefix and number fit together
# Patients imported from OpenDental get OD<connection>-<PatNum> (app/sync/opendental/
# upserts.py): numbering walk-ins in that pattern could take a PatNum a later import needs.
_IMPORTED = re.compile(r"OD\d+-")


@dataclass(frozen=True)
class MrnFormat:
    prefix: str
    digits: int

    def render(self, seq: int) -> str:
        return f"{self.prefix}{seq:0{self.digits}d}"


def _digits(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if MIN_DIGITS <= n <= MAX_DIGITS else None


def mrn_format(settings: Mapping[str, Any] | None,
               patterns: Iterable[tuple[str, int, int, int]] = ()) -> MrnFormat:
    """The format new MRNs take. ``patterns`` are the existing MRNs grouped as
    (prefix, width, count, first patient id)."""
    settings = settings or {}
    prefix = settings.get("mrn_prefix")
    digits = _digits(settings.get("mrn_digits"))
    if isinstance(prefix, str) and prefix and len(prefix) <= PREFIX_MAX \
            and not prefix[-1].isdigit():
        return MrnFormat(prefix, digits or DEFAULT_DIGITS)
    usable = [(p, w, n, first) for p, w, n, first in patterns
              if p and len(p) <= PREFIX_MAX and _digits(w) is not None
              and not _IMPORTED.fullmatch(p)]
    if usable:
        p, w, _n, _first = min(usable, key=lambda r: (-r[2], r[3]))
        return MrnFormat(p, digits or int(w))
    return MrnFormat(DEFAULT_PREFIX, digits or DEFAULT_DIGITS)
