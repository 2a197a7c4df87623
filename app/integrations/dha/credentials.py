"""DHA eClaimLink credentials in the operating system's keyring, never in the database or logs.

One keyring entry per hospital: service ``ClinicDesk-DHA-<hospital code>``, user name
``eclaimlink``, secret = a small JSON document with the facility id, the facility licence, the
post-office login and its password (the "API key"). ``repr()`` of the credentials hides the
password, so a stray log line cannot leak it.

Missing credentials (or no usable keyring on this machine) mean DHA is NOT_CONFIGURED for the
hospital; :func:`resolve_mode` says so in one sentence the settings screen can show.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from app.domain.errors import ValidationError
from app.domain.messages import Msg, joined, messages
from app.domain.text import check_storable
from app.integrations import keyring_store
from app.integrations.dha.modes import DhaMode, endpoint_problem_msg

M = messages(__name__)

log = logging.getLogger(__name__)

SERVICE_PREFIX = "ClinicDesk-DHA-"
KEYRING_USER = "eclaimlink"
_WHAT = "the DHA credentials"  # in keyring error messages


def service_name(hospital_code: str) -> str:
    code = (hospital_code or "").strip()
    if not code:
        raise ValidationError(M("hospital_code_needed_store", "A hospital code is needed to "
                                "store DHA credentials."))
    return f"{SERVICE_PREFIX}{code}"


@dataclass(frozen=True)
class DhaCredentials:
    facility_id: str
    licence: str
    login: str
    password: str = field(repr=False)

    def __repr__(self) -> str:  # never print the password
        return (f"DhaCredentials(facility_id={self.facility_id!r}, licence={self.licence!r}, "
                f"login={self.login!r}, password='***')")

    __str__ = __repr__

    def validate(self) -> None:
        fields = ((M("facility_id", "facility id"), self.facility_id),
                  (M("facility_licence", "facility licence"), self.licence),
                  (M("login", "login"), self.login),
                  (M("password", "password / API key"), self.password))
        for label, value in fields:
            # Text the keyring and the SOAP envelope can carry: no NUL or control characters.
            if not isinstance(value, str):
                raise ValidationError(M("dha_eclaimlink_label_text", "The DHA eClaimLink "
                                        "{label} must be text.", label=label))
            check_storable(value, M("field", "The DHA eClaimLink {label}", label=label))
            if len(value) > 256:
                raise ValidationError(M("dha_eclaimlink_label_most", "The DHA eClaimLink "
                                        "{label} can have at most 256 characters.", label=label))
        missing = [label for label, value in fields if not value.strip()]
        if missing:
            raise ValidationError(M("enter_dha_eclaimlink_join", "Enter the DHA eClaimLink "
                                    "{missing}.", missing=joined(missing, ", ")))

    def to_json(self) -> str:
        return json.dumps({"facility_id": self.facility_id, "licence": self.licence,
                           "login": self.login, "password": self.password})

    @classmethod
    def from_json(cls, text: str) -> DhaCredentials:
        data = json.loads(text)
        return cls(str(data["facility_id"]), str(data["licence"]), str(data["login"]),
                   str(data["password"]))


#: Credentials the MOCK mode uses against ClinicDesk's loopback sandbox (not secret).
MOCK_CREDENTIALS = DhaCredentials("MOCK-FACILITY", "MOCK-LICENCE", "clinicdesk-mock", "mock")


def load(hospital_code: str) -> DhaCredentials | None:
    """The hospital's credentials, or None when none are stored or the keyring is unusable."""
    secret = keyring_store.read(service_name(hospital_code), KEYRING_USER, what=_WHAT)
    if not secret:
        return None
    try:
        return DhaCredentials.from_json(secret)
    except (ValueError, KeyError, TypeError):
        log.warning("DHA credentials for %s are unreadable; treat as not configured",
                    hospital_code)
        return None


def save(hospital_code: str, credentials: DhaCredentials) -> None:
    credentials.validate()
    keyring_store.write(service_name(hospital_code), KEYRING_USER, credentials.to_json(),
                        what=_WHAT)


def delete(hospital_code: str) -> bool:
    """Remove the hospital's credentials; False if there were none."""
    return keyring_store.delete(service_name(hospital_code), KEYRING_USER, what=_WHAT)


@dataclass(frozen=True)
class ModeDecision:
    """The mode actually used, the credentials for it, and a sentence for the settings screen."""

    mode: DhaMode
    credentials: DhaCredentials | None
    message: str
    msg: Msg | None = None  # the same sentence for the reader's language (the UI renders it)


def resolve_mode(requested: DhaMode | str, credentials: DhaCredentials | None,
                 endpoint: str | None = None) -> ModeDecision:
    """Downgrade LIVE/SANDBOX to NOT_CONFIGURED when credentials or the address are missing,
    or the address is not safe for the mode (LIVE on plain http://)."""
    mode = requested if isinstance(requested, DhaMode) else DhaMode.parse(requested)
    if mode is DhaMode.MOCK:
        return _decision(mode, MOCK_CREDENTIALS,
                         M("mock", "DHA answers are SIMULATED by ClinicDesk's built-in sandbox."))
    if mode is DhaMode.NOT_CONFIGURED:
        return _decision(mode, None, M("not_set_up", "DHA eClaimLink is not set up; insurance "
                                       "must be verified manually."))
    if credentials is None:
        return _decision(DhaMode.NOT_CONFIGURED, None,
                         M("no_credentials", "DHA eClaimLink is set to {mode} but no credentials "
                           "are stored in this computer's keyring; enter the facility id, "
                           "licence, login and password in Settings. Until then insurance must "
                           "be verified manually.", mode=mode.value))
    if not (endpoint or "").startswith("http"):
        return _decision(DhaMode.NOT_CONFIGURED, None,
                         M("no_address", "DHA eClaimLink is set to {mode} but has no address; "
                           "enter it in Settings.", mode=mode.value))
    problem = endpoint_problem_msg(mode, endpoint)
    if problem is not None:  # e.g. LIVE on http://: never send the credentials in clear text
        return _decision(DhaMode.NOT_CONFIGURED, None,
                         M("unsafe_address", "{problem} Until then insurance must be verified "
                           "manually.", problem=problem))
    return _decision(mode, credentials,
                     M("live", "Verified via DHA eClaimLink.") if mode is DhaMode.LIVE
                     else M("test", "DHA eClaimLink test environment."))


def _decision(mode: DhaMode, credentials: DhaCredentials | None, msg: Msg) -> ModeDecision:
    return ModeDecision(mode, credentials, str(msg), msg)
