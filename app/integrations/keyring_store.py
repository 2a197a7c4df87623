"""The one place ClinicDesk reads and writes secrets in the operating system's keyring.

DHA eClaimLink credentials (app/integrations/dha/credentials.py) and the SMTP password
(app/receipts/mail_settings.py) are stored here, never in the database, the config file or a
log line. ``what`` names the secret in the sentences shown to an administrator ("the DHA
credentials", "the mail password"); the secret itself never appears in a message or a log.

The keyring is per computer and per operating-system user: a secret saved on one workstation
is not seen by the others.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from app.domain.errors import ValidationError
from app.domain.messages import messages

M = messages(__name__)

log = logging.getLogger(__name__)


def read(service: str, user: str, *, what: str) -> str | None:
    """The stored secret, or None when there is none or this computer has no usable keyring."""
    try:
        return keyring.get_password(service, user) or None
    except Exception as exc:  # KeyringError, or a backend's own (D-Bus...): treat as none stored
        log.warning("%s: keyring unavailable (%s)", what, type(exc).__name__)
        return None


def write(service: str, user: str, secret: str, *, what: str) -> None:
    """Store ``secret``; ``ValidationError`` in words when the keyring cannot take it."""
    try:
        keyring.set_password(service, user, secret)
    except KeyringError as exc:
        raise ValidationError(
            M("computer_usable_password_store", "This computer has no usable password store "
              "(keyring), so {what} could not be saved ({name}).", what=what,
              name=type(exc).__name__)) from None


def delete(service: str, user: str, *, what: str) -> bool:
    """Remove the secret; False if there was none."""
    try:
        keyring.delete_password(service, user)
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise ValidationError(
            M("not_removed", "{what} could not be removed from the keyring ({name}).",
              what=what[:1].upper() + what[1:], name=type(exc).__name__)) from None
    return True
