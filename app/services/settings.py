"""Hospital settings that are not secrets: DHA mode and endpoint, SMTP server, idle lock.

Stored in hospitals.settings (JSONB). Passwords and API keys never come here: they go to the
OS keyring (app/integrations/keyring_store.py, through app/integrations/dha/credentials.py and
app/receipts/mail_settings.py). Changing a secret writes an activity entry naming who changed
it, never the secret.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any, TypeVar

from app.db.models import Hospital
from app.domain.errors import NotFound, ValidationError
from app.domain.roles import Permission
from app.domain.text import check_storable, clean_text
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.unit_of_work import UowFactory

DHA_MODES = ("LIVE", "SANDBOX", "MOCK", "NOT_CONFIGURED")

T = TypeVar("T")


def _hospital(uow: Any, actor: Actor, **options: Any) -> Hospital:
    hospital = uow.session.get(Hospital, actor.hospital_id, **options)
    if hospital is None:
        raise NotFound("This workstation's hospital no longer exists.")
    return hospital


@dataclass(frozen=True)
class HospitalSettings:
    dha_mode: str = "NOT_CONFIGURED"
    dha_endpoint: str = ""
    dha_timeout_seconds: int = 30
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_sender: str = ""
    smtp_use_tls: bool = True
    smtp_username: str = ""
    idle_lock_minutes: int = 10

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HospitalSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def validate(self) -> None:
        for name, label, cap in _TEXT_FIELDS:
            # Stored in the hospital's JSON settings: PostgreSQL refuses NUL there too.
            clean_text(getattr(self, name), label, cap)
        for name, label in _INT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(f"{label} must be a whole number.")
        if self.dha_mode not in DHA_MODES:
            raise ValidationError(f"DHA mode must be one of {', '.join(DHA_MODES)}.")
        if self.dha_mode in ("LIVE", "SANDBOX") and not self.dha_endpoint.startswith("http"):
            raise ValidationError("Enter the DHA eClaimLink address (https://...) for this mode.")
        if not 1 <= self.dha_timeout_seconds <= 120:
            raise ValidationError("The DHA timeout must be between 1 and 120 seconds.")
        if not 1 <= self.smtp_port <= 65535:
            raise ValidationError("The mail server port must be between 1 and 65535.")
        if self.smtp_host and "@" not in self.smtp_sender:
            raise ValidationError("Enter the sender address receipts are emailed from.")
        if not 1 <= self.idle_lock_minutes <= 240:
            raise ValidationError("The idle lock must be between 1 and 240 minutes.")


_TEXT_FIELDS = (("dha_mode", "The DHA mode", 20),
                ("dha_endpoint", "The DHA eClaimLink address", 500),
                ("smtp_host", "The mail server", 255),
                ("smtp_sender", "The sender address", 254),
                ("smtp_username", "The mail user name", 254))
_INT_FIELDS = (("dha_timeout_seconds", "The DHA timeout"), ("smtp_port", "The mail server port"),
               ("idle_lock_minutes", "The idle lock"))


@dataclass(frozen=True)
class StoredDhaCredentials:
    """What the settings form may show of the DHA credentials in the keyring."""

    facility_id: str
    licence: str
    login: str
    password_stored: bool


class SettingsService:
    def __init__(self, uow: UowFactory, clock: Clock = system_clock, *,
                 dha: Any = None) -> None:
        self._uow = uow
        self._clock = clock
        self._dha = dha  # DhaGatewayProvider: rebuilt after settings or credentials change

    def get(self, actor: Actor) -> HospitalSettings:
        with self._uow() as uow:
            return HospitalSettings.from_json(_hospital(uow, actor).settings or {})

    def update(self, actor: Actor, new: HospitalSettings) -> HospitalSettings:
        actor.require(Permission.MANAGE_SETTINGS)
        new.validate()
        with self._uow() as uow:
            hospital = _hospital(uow, actor, with_for_update=True)
            before = dict(hospital.settings or {})
            hospital.settings = {**before, **asdict(new)}
            uow.activity(actor, "SETTINGS_UPDATED", "hospital", hospital.id,
                         {"before": before, "after": asdict(new)})
            uow.commit()
        if self._dha is not None:
            self._dha.invalidate(actor.hospital_id)
        return new

    def _hospital_code(self, actor: Actor) -> str:
        with self._uow(read_only=True) as uow:
            return _hospital(uow, actor).code

    def _change_secret(self, actor: Actor, action: str, payload: dict[str, Any],
                       change: Callable[[], T]) -> T:
        """Run ``change`` (a keyring write), then log who made it: ``payload`` names what
        changed and never holds the secret. The caller has checked the role."""
        result = change()
        with self._uow() as uow:
            uow.activity(actor, action, "hospital", actor.hospital_id, payload)
            uow.commit()
        return result

    def dha_credentials(self, actor: Actor) -> Any:
        """The stored credentials for the settings form, the password blanked (it never
        leaves the keyring for a screen), or None; ``password_stored`` says if there is one."""
        from app.integrations.dha import credentials

        actor.require(Permission.MANAGE_SETTINGS)
        stored = credentials.load(self._hospital_code(actor))
        if stored is None:
            return None
        return StoredDhaCredentials(stored.facility_id, stored.licence, stored.login,
                                    password_stored=bool(stored.password))

    def save_dha_credentials(self, actor: Actor, creds: Any) -> None:
        """Into the OS keyring; the activity log records who changed them, never the secret.
        An empty password keeps the one already stored (the form never shows it)."""
        from app.integrations.dha import credentials

        actor.require(Permission.MANAGE_SETTINGS)
        code = self._hospital_code(actor)
        if not creds.password:
            stored = credentials.load(code)
            if stored is not None and stored.password:
                creds = replace(creds, password=stored.password)
        creds.validate()
        self._change_secret(actor, "DHA_CREDENTIALS_SAVED",
                            {"facility_id": creds.facility_id, "login": creds.login},
                            lambda: credentials.save(code, creds))
        if self._dha is not None:
            self._dha.invalidate(actor.hospital_id)

    def test_dha_connection(self, actor: Actor) -> str:
        """Log in to the configured DHA post office once; a sentence saying how it went."""
        actor.require(Permission.MANAGE_SETTINGS)
        if self._dha is None:
            raise ValidationError("DHA eClaimLink is not available in this installation.")
        gateway = self._dha(actor.hospital_id)
        if not gateway.configured:
            return gateway.message
        client = getattr(gateway, "client", gateway)
        client.check_for_new()  # IntegrationError with the server's reason on failure
        return f"Connected to DHA eClaimLink ({gateway.message or gateway.data_source.value})."

    # -- mail (SMTP) password and test email --
    def smtp_password_stored(self, actor: Actor) -> bool:
        """Whether this computer's keyring holds a password for the saved SMTP user name (the
        settings page says so; it never shows the password)."""
        from app.receipts import mail_settings

        actor.require(Permission.MANAGE_SETTINGS)
        return mail_settings.load_password(self.get(actor).smtp_username) is not None

    def set_smtp_password(self, actor: Actor, password: str | None) -> bool:
        """Store the SMTP password for the saved user name in this computer's keyring, or clear
        it with ``None``; whether a password is stored now. Logged without the secret."""
        from app.receipts import mail_settings

        actor.require(Permission.MANAGE_SETTINGS)
        username = self.get(actor).smtp_username
        if password is None:
            self._change_secret(actor, "SMTP_PASSWORD_CLEARED", {"smtp_username": username},
                                lambda: mail_settings.delete_password(username))
            return False
        if not isinstance(password, str) or not password.strip():
            raise ValidationError("Type the mail server password, or use Clear to remove the "
                                  "stored one.")
        check_storable(password, "The mail server password")
        if len(password) > 256:
            raise ValidationError("The mail server password can have at most 256 characters.")
        self._change_secret(actor, "SMTP_PASSWORD_SAVED", {"smtp_username": username},
                            lambda: mail_settings.save_password(username, password))
        return True

    def send_test_email(self, actor: Actor, to: str,
                        overrides: dict[str, Any] | None = None) -> str:
        """Send a short message to ``to`` the way a receipt is sent from this workstation
        (saved settings, ``overrides`` from the workstation, keyring password); a sentence
        saying the server took it. IntegrationError with the server's refusal otherwise."""
        from app.receipts import mail_settings
        from app.receipts.email import send_test_message, validate_address

        actor.require(Permission.MANAGE_SETTINGS)
        address = validate_address(to, field_name="The test email address")
        with self._uow(read_only=True) as uow:
            hospital = _hospital(uow, actor)
            name, saved = hospital.name, HospitalSettings.from_json(hospital.settings or {})
        if not (saved.smtp_host or (overrides or {}).get("smtp_host")):
            raise ValidationError("Enter the mail server and save the settings before sending "
                                  "a test email.")
        smtp = mail_settings.resolve(saved, overrides)
        send_test_message(smtp, address, name, sent_by=actor.full_name,
                          workstation=actor.workstation or "")
        login = f" (signed in as {smtp.username})" if smtp.username else ""
        return (f"The mail server at {smtp.where}{login} accepted the test email for {address}. "
                "Check that it arrives; look in the spam folder too.")
