"""Eligibility review (seed 000 ``POST /appointments/:id/eligibility/override``): the review
statuses of an appointment and its eligibility payload in words.

An appointment's eligibility is stored on it (``eligibility_status``, ``eligibility_details``,
``eligibility_checked_at``), written by a DHA check at the desk (app/services/eligibility.py)
or by the OpenDental coverage poller (app/sync/opendental/eligibility.py). An administrator's
override is kept in the details under ``"override"`` (who, when, why, what it replaced); the
OpenDental poller leaves an overridden appointment alone.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from app.domain.enums import EligibilityStatus
from app.domain.errors import ValidationError
from app.domain.messages import N_, messages
from app.domain.text import REASON_MAX, clean_text

M = messages(__name__)

OVERRIDE_KEY = "override"
REASON_MIN = 5


class ReviewStatus(StrEnum):
    ELIGIBLE = "ELIGIBLE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    NOT_CHECKED = "NOT_CHECKED"
    OVERRIDDEN = "OVERRIDDEN"


LABELS = {ReviewStatus.ELIGIBLE: N_("Eligible"), ReviewStatus.NOT_ELIGIBLE: N_("Not eligible"),
          ReviewStatus.NOT_CHECKED: N_("Not checked"), ReviewStatus.OVERRIDDEN: N_("Overridden")}


def review_status(status: EligibilityStatus, details: dict[str, Any] | None) -> ReviewStatus:
    """Overridden wins (an admin decided); else what the last check said; PENDING with no
    check is "not checked"."""
    if (details or {}).get(OVERRIDE_KEY):
        return ReviewStatus.OVERRIDDEN
    if status is EligibilityStatus.APPROVED:
        return ReviewStatus.ELIGIBLE
    if status is EligibilityStatus.REJECTED:
        return ReviewStatus.NOT_ELIGIBLE
    return ReviewStatus.NOT_CHECKED


def check_reason(reason: object) -> str:
    text = clean_text(reason, M("label_reason", "The reason"), REASON_MAX, multiline=True)
    if not text or len(text) < REASON_MIN:
        raise ValidationError(M("say_why_eligibility_overridden", "Say why the eligibility is "
                                "overridden (at least {min} characters); it goes into "
                                "the audit trail.", min=REASON_MIN))
    return text


# Payload keys in the order a person reads them, with their labels. Unknown keys follow.
_KEYS = (
    ("source", N_("Source")), ("data_source", N_("Source")), ("status", N_("Status")),
    ("eligible", N_("Eligible")), ("reason", N_("Reason")), ("payer_name", N_("Payer")),
    ("carrier", N_("Carrier")), ("group", N_("Group")), ("subscriber_id", N_("Subscriber ID")),
    ("plan_num", N_("OpenDental plan")), ("date_effective", N_("Effective from")),
    ("date_term", N_("Terminates")), ("dha_reference", N_("DHA reference")), ("checked_at", N_("Checked at")),
    ("dha_error", N_("DHA error")), ("simulated", N_("Simulated")),
)
_SKIP = {OVERRIDE_KEY, "alerts", "terms", "benefits", "insurance_id", "payer_id",
         "connection_id"}


def _when(value: Any) -> str:
    """An ISO time as "04 Dec 2026 10:14" (in the zone it was stored in: the hospital's)."""
    try:
        return dt.datetime.fromisoformat(str(value)).strftime("%d %b %Y %H:%M")
    except ValueError:
        return str(value or "?")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{k.replace('_', ' ')}: {_text(v)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value)


def describe_payload(details: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(label, text) lines for the eligibility payload, override first, empty values left
    out; alerts, coverage terms and plan benefits each on a line of their own."""
    d = dict(details or {})
    lines: list[tuple[str, str]] = []
    ov = d.get(OVERRIDE_KEY)
    if isinstance(ov, dict):
        verdict = "eligible" if ov.get("eligible") else "not eligible"
        lines.append((N_("Override"), f"{verdict} by {ov.get('by_name') or 'an administrator'} on "
                      f"{_when(ov.get('at'))}: {ov.get('reason', '')}"))
        if ov.get("previous_status"):
            lines.append((N_("Before override"), str(ov["previous_status"]).replace("_", " ")
                          .lower()))
    seen: set[str] = set()
    for key, label in _KEYS:
        if key in d and d[key] not in (None, "", [], {}) and label not in seen:
            lines.append((label, _text(d[key])))
            seen.add(label)
    for key in ("alerts", "terms", "benefits"):
        if d.get(key):
            lines.append((key.capitalize(), _text(d[key])))
    known = {k for k, _ in _KEYS} | _SKIP | {"alerts", "terms", "benefits"}
    for key, value in d.items():
        if key not in known and value not in (None, "", [], {}):
            lines.append((key.replace("_", " ").capitalize(), _text(value)))
    return lines
