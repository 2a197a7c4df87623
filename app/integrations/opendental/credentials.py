"""OpenDental API keys in the operating system's keyring, never in the database or a log line.

OpenDental authenticates every request with two keys (apis.md §1.1,
``Authorization: ODFHIR {DeveloperKey}/{CustomerKey}``): the developer key OpenDental issues
to the software vendor, and the customer key the clinic generates in OpenDental
(Setup > Advanced Setup > API) for that vendor. Both are secrets.

One keyring entry per connection: service ``ClinicDesk-OpenDental``, user
``"<hospital code>:<connection id>"``, secret = a small JSON document holding both keys.
``repr()`` of the keys hides them, so a stray log line cannot leak them. The keyring belongs to
one computer and one OS account: a workstation that runs the sync needs the keys in its own
keyring (see docs/readme/opendental-setup.md).

SANDBOX connections need no keyring: they talk to ClinicDesk's own loopback sandbox with the
fixed, non-secret :data:`SANDBOX_KEYS`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.integrations import keyring_store

M = messages(__name__)

log = logging.getLogger(__name__)

SERVICE = "ClinicDesk-OpenDental"
_WHAT = "the OpenDental API keys"  # in keyring error messages
_MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class OpenDentalKeys:
    developer_key: str = field(repr=False)
    customer_key: str = field(repr=False)

    def __repr__(self) -> str:  # never print a key
        return "OpenDentalKeys(developer_key='***', customer_key='***')"

    __str__ = __repr__

    def validate(self) -> None:
        """Both keys present, printable, without blanks or the '/' that separates them in
        the Authorization header (a key containing '/' could never authenticate)."""
        for label, value in ((M("developer_key", "developer key"), self.developer_key),
                             (M("customer_key", "customer key"), self.customer_key)):
            if not value:
                raise ValidationError(M("enter_opendental_label", "Enter the OpenDental "
                                        "{label}.", label=label))
            if len(value) > _MAX_KEY_LENGTH:
                raise ValidationError(M("opendental_label_longer_than", "The OpenDental "
                                        "{label} is longer than {max} characters; "
                                        "check what was pasted.", label=label,
                                        max=_MAX_KEY_LENGTH))
            if any(ch.isspace() for ch in value) or "/" in value or not value.isprintable():
                raise ValidationError(M("opendental_label_contains_spaces", "The OpenDental "
                                        "{label} contains spaces, '/' or invisible "
                                        "characters; paste it again as OpenDental shows it.",
                                        label=label))

    def to_json(self) -> str:
        return json.dumps({"developer_key": self.developer_key,
                           "customer_key": self.customer_key})

    @classmethod
    def from_json(cls, text: str) -> OpenDentalKeys:
        data = json.loads(text)
        return cls(str(data["developer_key"]), str(data["customer_key"]))


#: The keys of ClinicDesk's loopback sandbox (app/integrations/opendental/sandbox.py): fixed
#: and not secret, so a SANDBOX connection works on any workstation without the keyring.
SANDBOX_KEYS = OpenDentalKeys("clinicdesk-sandbox-developer", "clinicdesk-sandbox-customer")


def keyring_user(hospital_code: str, connection_id: int) -> str:
    code = (hospital_code or "").strip()
    if not code:
        raise ValidationError(M("hospital_code_needed_store", "A hospital code is needed to "
                                "store OpenDental keys."))
    if not isinstance(connection_id, int) or connection_id <= 0:
        raise ValidationError(M("opendental_keys_belong_saved", "OpenDental keys belong to a "
                                "saved connection; save it first."))
    return f"{code}:{connection_id}"


def load_keys(hospital_code: str, connection_id: int) -> OpenDentalKeys | None:
    """The connection's keys, or None when none are stored or this computer's keyring is
    unusable (an unreadable entry counts as none, with a warning in the log)."""
    secret = keyring_store.read(SERVICE, keyring_user(hospital_code, connection_id), what=_WHAT)
    if not secret:
        return None
    try:
        return OpenDentalKeys.from_json(secret)
    except (ValueError, KeyError, TypeError):
        log.warning("OpenDental keys for %s:%s are unreadable; treated as not stored",
                    hospital_code, connection_id)
        return None


def save_keys(hospital_code: str, connection_id: int, keys: OpenDentalKeys) -> None:
    """Validate and store both keys (replacing what was stored for the connection)."""
    keys.validate()
    keyring_store.write(SERVICE, keyring_user(hospital_code, connection_id), keys.to_json(),
                        what=_WHAT)


def delete_keys(hospital_code: str, connection_id: int) -> bool:
    """Remove the connection's keys; False if there were none."""
    return keyring_store.delete(SERVICE, keyring_user(hospital_code, connection_id), what=_WHAT)
