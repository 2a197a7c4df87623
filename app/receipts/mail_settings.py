"""Where a workstation sends email from: the hospital's mail settings, this workstation's
overrides on top, and the SMTP password from the OS keyring.

The password is one keyring entry per SMTP user name: service ``ClinicDesk-SMTP``, user = the
SMTP user name, secret = the password. It is set and cleared on the settings page
(``SettingsService.set_smtp_password``), or by hand with ``keyring set ClinicDesk-SMTP <user>``.
The keyring belongs to this computer: every workstation that emails receipts needs its own.

``resolve`` is the one way both a receipt email (app/ui/receipt_panel.py) and the settings
page's test email (``SettingsService.send_test_email``) get their ``SmtpSettings``.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.integrations import keyring_store
from app.receipts.email import SmtpSettings

M = messages(__name__)

KEYRING_SERVICE = "ClinicDesk-SMTP"
_WHAT = M("what_password", "the mail password")  # in keyring error messages


def load_password(username: str | None) -> str | None:
    """The stored password for ``username``; None without a user name, a password or a keyring."""
    if not (username or "").strip():
        return None
    return keyring_store.read(KEYRING_SERVICE, username.strip(), what=_WHAT)


def save_password(username: str, password: str) -> None:
    keyring_store.write(KEYRING_SERVICE, _user(username), password, what=_WHAT)


def delete_password(username: str) -> bool:
    """Remove the stored password; False if there was none."""
    return keyring_store.delete(KEYRING_SERVICE, _user(username), what=_WHAT)


def _user(username: str) -> str:
    user = (username or "").strip()
    if not user:
        raise ValidationError(M("enter_save_mail_server",
                                "Enter and save the mail server user name first: the password is "
                                "stored for that user name."))
    return user


def smtp_settings(hospital: Any, overrides: dict[str, Any], password: str | None) -> SmtpSettings:
    """SmtpSettings from the hospital's settings, with this workstation's overrides on top."""

    def pick(key: str, default: Any) -> Any:
        value = overrides.get(key)
        return default if value in (None, "") else value

    host = str(pick("smtp_host", getattr(hospital, "smtp_host", "")) or "")
    if not host.strip():
        raise ValidationError(M("email_not_set_up",
                                "Email is not set up on this system: an administrator enters the "
                                "mail server in Settings. Print the receipt or save the PDF "
                                "instead."))
    use_tls = pick("smtp_use_tls", getattr(hospital, "smtp_use_tls", True))
    if isinstance(use_tls, str):
        use_tls = use_tls.lower() in ("1", "true", "yes", "on")
    return SmtpSettings(
        host=host,
        port=int(pick("smtp_port", getattr(hospital, "smtp_port", 587))),
        sender=str(pick("smtp_sender", getattr(hospital, "smtp_sender", ""))),
        use_tls=bool(use_tls),
        username=str(pick("smtp_username", getattr(hospital, "smtp_username", ""))) or None,
        password=password,
    )


def resolve(hospital: Any, overrides: dict[str, Any] | None = None) -> SmtpSettings:
    """SmtpSettings for sending now: settings, overrides, and the keyring password of the user
    name they name."""
    overrides = overrides or {}
    username = overrides.get("smtp_username") or getattr(hospital, "smtp_username", "")
    return smtp_settings(hospital, overrides, load_password(username))


__all__ = ["KEYRING_SERVICE", "delete_password", "load_password", "resolve", "save_password",
           "smtp_settings"]
