"""OpenDental connection settings as pure rules: what an administrator may enter for a
connection (base URL per mode, ClinicNum, timezone, request rate, per-job cadence) and the
normalised values the database stores. No I/O: the service (app/services/opendental_connections.py)
checks roles, writes rows and the keyring.

The URL rule: CLOUD needs ``https://`` (it crosses the internet); LOCAL (the Local API on the
OpenDental server PC) may use ``http://`` only to this computer; SERVICE (the API Service on the
clinic network) may use ``http://`` only to a private address or a LAN host name; otherwise
``https://``. No credentials, query or fragment in the URL. SANDBOX has no URL.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from app.domain.enums import OpenDentalMode
from app.domain.errors import ValidationError
from app.domain.messages import N_, Msg, messages

M = messages(__name__)

#: The per-connection sync jobs whose cadence a connection may override, by the job's cadence
#: key (app/sync: ``Job.cadence_key or Job.name``), with the seed's default minutes (DESIGN.md
#: "Integrations"). Payment posting runs hourly at :15 unless overridden. The heartbeat is a
#: hospital job, not a connection's.
DEFAULT_CADENCE_MINUTES: dict[str, int] = {
    "appointments_upcoming": 15,
    "appointments_today": 5,
    "appointments_completed": 10,
    "eligibility": 30,
    "claim_status": 60,
    "payment_posting": 60,
}
JOB_LABELS: dict[str, str] = {
    "appointments_upcoming": N_("Upcoming appointments (next 7 days)"),
    "appointments_today": N_("Today's appointments"),
    "appointments_completed": N_("Completed appointments (last 7 days)"),
    "eligibility": N_("Eligibility (coverage)"),
    "claim_status": N_("Claim status"),
    "payment_posting": N_("Payment posting"),
}
CADENCE_RANGE = (1, 1440)


def _job(job: str) -> Msg:
    """A job's label inside a message (translated: the label is a catalogue entry)."""
    return Msg("opendental_connection.job", JOB_LABELS[job])


RPS_RANGE = (Decimal("0.10"), Decimal("10.00"))
NAME_MAX = 120
URL_MAX = 300
_LAN_SUFFIXES = (".local", ".lan", ".internal", ".home.arpa", ".localdomain")
_CLINIC_NUM_MAX = 2**63 - 1


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class ConnectionForm:
    """What the add/edit form sends. Empty key fields keep the stored keys."""

    name: str
    mode: OpenDentalMode | str
    base_url: str = ""
    clinic_num: int | str | None = None
    timezone: str = "Asia/Dubai"
    requests_per_second: Decimal | str | float = Decimal("1.00")
    cadence: Mapping[str, int | str] = field(default_factory=dict)
    is_active: bool = True
    developer_key: str = field(default="", repr=False)
    customer_key: str = field(default="", repr=False)


@dataclass(frozen=True)
class ValidConnection:
    """A form that passed validation, normalised to what the row stores."""

    name: str
    mode: OpenDentalMode
    base_url: str | None
    clinic_num: int | None
    timezone: str
    requests_per_second: Decimal
    cadence: dict[str, int]
    is_active: bool

    def snapshot(self) -> dict[str, Any]:
        """For the activity log (never the keys)."""
        return {"name": self.name, "mode": self.mode.value, "base_url": self.base_url,
                "clinic_num": self.clinic_num, "timezone": self.timezone,
                "requests_per_second": str(self.requests_per_second),
                "cadence": dict(self.cadence), "is_active": self.is_active}


# --------------------------------------------------------------------------- validation


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_lan(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host or host.endswith(_LAN_SUFFIXES)
    return ip.is_private or ip.is_link_local or ip.is_loopback


def validate_base_url(mode: OpenDentalMode, raw: str) -> str | None:
    """The normalised base URL for ``mode`` (no trailing '/'), or None for SANDBOX."""
    url = (raw or "").strip()
    if mode is OpenDentalMode.SANDBOX:
        if url:
            raise ValidationError(M("sandbox_connection_address_clinicdesk", "A SANDBOX "
                                    "connection has no address: ClinicDesk starts its own "
                                    "simulated OpenDental. Clear the base URL or pick another "
                                    "mode."))
        return None
    examples = {OpenDentalMode.CLOUD: "https://api.opendental.com/api/v1",
                OpenDentalMode.LOCAL: "http://localhost:30222/api/v1",
                OpenDentalMode.SERVICE: "http://od-server:30223/api/v1"}
    if not url:
        raise ValidationError(M("enter_opendental_base_url", "Enter the OpenDental base URL, "
                                "for example {examples}.", examples=examples[mode]))
    if len(url) > URL_MAX:
        raise ValidationError(M("base_url_longer_than", "The base URL is longer than "
                                "{max} characters.", max=URL_MAX))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValidationError(M("url_valid_address_example", "'{url}' is not a valid address "
                                "(for example {examples}).", url=url, examples=examples[mode])) from None
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise ValidationError(M("base_url_start_https", "The base URL must start with "
                                "https:// or http:// and name a server, for example "
                                "{examples}.", examples=examples[mode]))
    if parts.username or parts.password:
        raise ValidationError(M("do_put_user_name", "Do not put a user name or password in "
                                "the base URL: the API keys are entered below and kept in the "
                                "keyring."))
    if parts.query or parts.fragment:
        raise ValidationError(M("base_url_contain_parts", "The base URL must not contain '?' "
                                "or '#' parts."))
    if port == 0:
        raise ValidationError(M("port_base_url_between", "The port in the base URL must be "
                                "between 1 and 65535."))
    if parts.scheme == "http":
        if mode is OpenDentalMode.CLOUD:
            raise ValidationError(M("cloud_api_econnector_reached", "The cloud API "
                                    "(eConnector) must be reached over https://; API keys are "
                                    "never sent in clear text over the internet."))
        if mode is OpenDentalMode.LOCAL and not _is_loopback(host):
            raise ValidationError(M("local_mode_api_computer", "LOCAL mode is the API on this "
                                    "computer: use http://localhost (or https:// for another "
                                    "computer, or pick SERVICE mode for a server on the "
                                    "clinic network)."))
        if mode is OpenDentalMode.SERVICE and not _is_lan(host):
            raise ValidationError(M("host_clinic_network_plain", "'{host}' is not on the "
                                    "clinic network: plain http:// is only allowed to a "
                                    "private address or LAN name; use https://.", host=host))
    return url.rstrip("/")


def _clinic_num(raw: int | str | None) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = int(str(raw).strip()) if not isinstance(raw, int) else raw
    except ValueError:
        raise ValidationError(M("opendental_clinicnum_whole_number", "The OpenDental "
                                "ClinicNum must be a whole number (leave it empty for a "
                                "practice without clinics).")) from None
    if isinstance(raw, bool) or not 1 <= value <= _CLINIC_NUM_MAX:
        raise ValidationError(M("opendental_clinicnum_positive_whole", "The OpenDental "
                                "ClinicNum must be a positive whole number (leave it empty "
                                "for a practice without clinics)."))
    return value


def _timezone(raw: str) -> str:
    name = (raw or "").strip()
    if not name:
        raise ValidationError(M("choose_practice_s_timezone", "Choose the practice's "
                                "timezone, for example Asia/Dubai."))
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(M("name_timezone_use_name_2", "'{name}' is not a timezone; use "
                                "a name such as Asia/Dubai.", name=name)) \
            from None
    if name not in _zones():
        raise ValidationError(M("name_timezone_use_name", "'{name}' is not a timezone; use a "
                                "name such as Asia/Dubai.", name=name))
    return name


_ZONES: frozenset[str] | None = None


def _zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones()) | {"UTC"}
    return _ZONES


def timezone_names() -> list[str]:
    """Every IANA zone name, sorted, for the form's completer."""
    return sorted(_zones())


def _rps(raw: Decimal | str | float) -> Decimal:
    try:
        value = Decimal(str(raw).strip()).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise ValidationError(M("requests_per_second_number", "Requests per second must be a "
                                "number such as 1 or 0.2.")) \
            from None
    low, high = RPS_RANGE
    if not value.is_finite() or not low <= value <= high:
        raise ValidationError(M("requests_per_second_between", "Requests per second must be "
                                "between {low} and {high} (OpenDental throttles each customer "
                                "key; 1 is the usual tier).", low=low, high=high))
    return value


def _cadence(raw: Mapping[str, int | str]) -> dict[str, int]:
    out: dict[str, int] = {}
    low, high = CADENCE_RANGE
    for job, minutes in (raw or {}).items():
        if job not in DEFAULT_CADENCE_MINUTES:
            raise ValidationError(M("there_sync_job_called", "There is no sync job called "
                                    "'{job}'.", job=job))
        if minutes in (None, ""):
            continue  # empty = the default
        try:
            value = int(str(minutes).strip())
        except ValueError:
            raise ValidationError(M("cadence_job_labels_whole", "The cadence of {job} "
                                    "must be whole minutes.", job=_job(job))) \
                from None
        if not low <= value <= high:
            raise ValidationError(M("cadence_job_labels_between", "The cadence of "
                                    "{job} must be between {low} and {high} minutes.",
                                    job=_job(job), low=low, high=high))
        if value != DEFAULT_CADENCE_MINUTES[job]:  # only overrides are stored
            out[job] = value
    return out


def validate_form(form: ConnectionForm) -> ValidConnection:
    """Check every field of ``form``; ValidationError with one sentence for the first problem."""
    name = " ".join((form.name or "").split())
    if not name:
        raise ValidationError(M("give_connection_name_example", "Give the connection a name, "
                                "for example the clinic's name."))
    if len(name) > NAME_MAX:
        raise ValidationError(M("connection_name_longer_than", "The connection name is longer "
                                "than {max} characters.", max=NAME_MAX))
    try:
        mode = OpenDentalMode(str(getattr(form.mode, "value", form.mode)).strip().upper())
    except ValueError:
        raise ValidationError(M("choose_mode_cloud_local", "Choose the mode: CLOUD, LOCAL, "
                                "SERVICE or SANDBOX.")) from None
    return ValidConnection(name, mode, validate_base_url(mode, form.base_url),
                           _clinic_num(form.clinic_num), _timezone(form.timezone),
                           _rps(form.requests_per_second), _cadence(form.cadence),
                           bool(form.is_active))
