"""Hospital settings that are not secrets: DHA mode and endpoint, SMTP server, idle lock,
session lifetime.

Stored in hospitals.settings (JSONB). Passwords and API keys never come here: they go to the
OS keyring (app/integrations/keyring_store.py, through app/integrations/dha/credentials.py and
app/receipts/mail_settings.py). Changing a secret writes an activity entry naming who changed
it, never the secret.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from app.db.models import Hospital
from app.domain.errors import NotFound, ValidationError
from app.domain.messages import messages
from app.domain.refund_policy import parse_threshold
from app.domain.roles import Permission, can
from app.domain.sessions import (
    IDLE_LOCK_DEFAULT_MINUTES,
    IDLE_LOCK_MAX_MINUTES,
    IDLE_LOCK_MIN_MINUTES,
    SESSION_DEFAULT_HOURS,
    SESSION_MAX_HOURS,
    SESSION_MIN_HOURS,
)
from app.domain.text import check_storable, clean_text
from app.integrations.dha.modes import endpoint_problem
from app.services.changes import Changes
from app.services.clock import Clock, system_clock
from app.services.context import Actor
from app.services.message_text import MsgText
from app.services.unit_of_work import UowFactory

M = messages(__name__)

DHA_MODES = ("LIVE", "SANDBOX", "MOCK", "NOT_CONFIGURED")
#: The digits of the Arabic interface (app/ui/i18n.py DIGIT_STYLES); read at sign-in
#: (app/services/auth.py SignedIn.number_digits). English always shows Western digits.
NUMBER_DIGITS = ("western", "arabic-indic")


def _hospital(uow: Any, actor: Actor, **options: Any) -> Hospital:
    hospital = uow.session.get(Hospital, actor.hospital_id, **options)
    if hospital is None:
        raise NotFound(M("workstation_hospital_no_longer",
                         "This workstation's hospital no longer exists."))
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
    idle_lock_minutes: int = IDLE_LOCK_DEFAULT_MINUTES
    session_hours: int = SESSION_DEFAULT_HOURS
    # Refund maker-checker (app/domain/refund_policy.py); the threshold is an AED amount
    # kept as text so the JSON settings never hold a float.
    refund_approver_not_requester: bool = True
    refund_payer_not_approver: bool = True
    refund_separation_over: str = "500.00"
    number_digits: str = "western"

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
                raise ValidationError(M("must_whole_number", "{label} must be a whole number.",
                                        label=label))
        if self.dha_mode not in DHA_MODES:
            raise ValidationError(M("dha_mode_must_one", "DHA mode must be one of {modes}.",
                                    modes=', '.join(DHA_MODES)))
        problem = endpoint_problem(self.dha_mode, self.dha_endpoint)
        if problem is not None:  # LIVE on http:// would send the DHA password in clear text
            raise ValidationError(problem)
        if not 1 <= self.dha_timeout_seconds <= 120:
            raise ValidationError(M("dha_timeout_must_between",
                                    "The DHA timeout must be between 1 and 120 seconds."))
        if not 1 <= self.smtp_port <= 65535:
            raise ValidationError(M("mail_server_port_must",
                                    "The mail server port must be between 1 and 65535."))
        if self.smtp_host and "@" not in self.smtp_sender:
            raise ValidationError(M("enter_sender_address_receipts",
                                    "Enter the sender address receipts are emailed from."))
        # 0 is not "never lock" (a desk left open is what the lock is for), and the lock
        # cannot be longer than a session lasts: bounds in app/domain/sessions.py.
        if not _is_int(self.idle_lock_minutes) or not (
                IDLE_LOCK_MIN_MINUTES <= self.idle_lock_minutes <= IDLE_LOCK_MAX_MINUTES):
            raise ValidationError(
                M("idle_lock_must_between", "The idle lock must be between {low} and "
                  "{high} minutes.",
                  low=IDLE_LOCK_MIN_MINUTES,
                  high=IDLE_LOCK_MAX_MINUTES), field="idle_lock_minutes")
        if not _is_int(self.session_hours) or not (
                SESSION_MIN_HOURS <= self.session_hours <= SESSION_MAX_HOURS):
            raise ValidationError(
                M("sign_must_last_between", "A sign-in must last between {low} and "
                  "{high} hours.",
                  low=SESSION_MIN_HOURS,
                  high=SESSION_MAX_HOURS), field="session_hours")
        for name in ("refund_approver_not_requester", "refund_payer_not_approver"):
            if not isinstance(getattr(self, name), bool):
                raise ValidationError(M("maker_checker_choices_must",
                                        "The maker-checker choices must be yes or no."), field=name)
        parse_threshold(self.refund_separation_over)
        if self.number_digits not in NUMBER_DIGITS:
            raise ValidationError(M("number_digits_choices", "The digits of the Arabic interface "
                                    "must be western or arabic-indic."), field="number_digits")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# What a desk needs to email a receipt: the mail server, never the DHA or session settings.
_RECEIPT_MAIL_FIELDS = ("smtp_host", "smtp_port", "smtp_sender", "smtp_use_tls",
                        "smtp_username")


@dataclass(frozen=True)
class SettingsSaved:
    settings: HospitalSettings
    changes: Changes


@dataclass(frozen=True)
class SecretSaved:
    """A keyring change: whether a secret is stored now; ``changes`` is the activity entry
    (the secret itself is in no table)."""

    stored: bool
    changes: Changes


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
        """Every hospital setting, for the settings page: administrators only."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._uow(actor, read_only=True) as uow:
            return HospitalSettings.from_json(_hospital(uow, actor).settings or {})

    def receipt_mail(self, actor: Actor) -> HospitalSettings:
        """The mail-server settings a desk emails receipts with (everything else left at
        its default): whoever may see a receipt may email it."""
        if not (can(actor.role, Permission.COLLECT_COPAY)
                or can(actor.role, Permission.VIEW_REFUNDS)):
            actor.require(Permission.COLLECT_COPAY)
        with self._uow(actor, read_only=True) as uow:
            stored = _hospital(uow, actor).settings or {}
        return HospitalSettings.from_json(
            {k: v for k, v in stored.items() if k in _RECEIPT_MAIL_FIELDS})

    def update(self, actor: Actor, new: HospitalSettings) -> SettingsSaved:
        actor.require(Permission.MANAGE_SETTINGS)
        new.validate()
        with self._uow(actor) as uow:
            hospital = _hospital(uow, actor, with_for_update=True)
            before = dict(hospital.settings or {})
            hospital.settings = {**before, **asdict(new)}
            uow.activity(actor, "SETTINGS_UPDATED", "hospital", hospital.id,
                         {"before": before, "after": asdict(new)})
            uow.commit()
        if self._dha is not None:
            self._dha.invalidate(actor.hospital_id)
        return SettingsSaved(new, Changes.of(hospitals={actor.hospital_id}))

    def _hospital_code(self, actor: Actor) -> str:
        with self._uow(actor, read_only=True) as uow:
            return _hospital(uow, actor).code

    def _change_secret(self, actor: Actor, action: str, payload: dict[str, Any],
                       change: Callable[[], object], *, stored: bool) -> SecretSaved:
        """Run ``change`` (a keyring write), then log who made it: ``payload`` names what
        changed and never holds the secret. The caller has checked the role."""
        change()
        with self._uow(actor) as uow:
            uow.activity(actor, action, "hospital", actor.hospital_id, payload)
            uow.commit()
        return SecretSaved(stored, Changes.of(activity_logs=set()))

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

    def save_dha_credentials(self, actor: Actor, creds: Any) -> SecretSaved:
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
        saved = self._change_secret(actor, "DHA_CREDENTIALS_SAVED",
                                    {"facility_id": creds.facility_id, "login": creds.login},
                                    lambda: credentials.save(code, creds), stored=True)
        if self._dha is not None:
            self._dha.invalidate(actor.hospital_id)
        return saved

    def test_dha_connection(self, actor: Actor) -> str:
        """Log in to the configured DHA post office once; a sentence saying how it went."""
        actor.require(Permission.MANAGE_SETTINGS)
        saved = self.get(actor)  # with the caller's session check, before any network call
        if self._dha is None:
            raise ValidationError(M("dha_eclaimlink_not_available",
                                    "DHA eClaimLink is not available in this installation."))
        problem = endpoint_problem(saved.dha_mode, saved.dha_endpoint)
        if problem is not None:  # saved before this rule existed, or written by hand
            raise ValidationError(problem)
        gateway = self._dha(actor.hospital_id)
        if not gateway.configured:  # the sentence says what is missing (credentials, address)
            raise ValidationError(gateway.message)
        # Every gateway logs in the same way (DhaClient for LIVE/SANDBOX, the built-in sandbox
        # for MOCK); IntegrationError with the server's reason on failure.
        gateway.check_connection()
        return MsgText(M("dha_connected", "Connected — {detail}.",
                         detail=gateway.message or gateway.data_source.value))

    # -- mail (SMTP) password and test email --
    def smtp_password_stored(self, actor: Actor) -> bool:
        """Whether this computer's keyring holds a password for the saved SMTP user name (the
        settings page says so; it never shows the password)."""
        from app.receipts import mail_settings

        actor.require(Permission.MANAGE_SETTINGS)
        return mail_settings.load_password(self.get(actor).smtp_username) is not None

    def set_smtp_password(self, actor: Actor, password: str | None) -> SecretSaved:
        """Store the SMTP password for the saved user name in this computer's keyring, or clear
        it with ``None``; ``stored`` says whether a password is stored now. Logged without
        the secret."""
        from app.receipts import mail_settings

        actor.require(Permission.MANAGE_SETTINGS)
        username = self.get(actor).smtp_username
        if password is None:
            return self._change_secret(actor, "SMTP_PASSWORD_CLEARED",
                                       {"smtp_username": username},
                                       lambda: mail_settings.delete_password(username),
                                       stored=False)
        if not isinstance(password, str) or not password.strip():
            raise ValidationError(M("type_mail_server_password",
                                    "Type the mail server password, or use Clear to remove the "
                                    "stored one."))
        check_storable(password, "The mail server password")
        if len(password) > 256:
            raise ValidationError(M("mail_server_password_most",
                                    "The mail server password can have at most 256 characters."))
        return self._change_secret(actor, "SMTP_PASSWORD_SAVED", {"smtp_username": username},
                                   lambda: mail_settings.save_password(username, password),
                                   stored=True)

    def send_test_email(self, actor: Actor, to: str,
                        overrides: dict[str, Any] | None = None) -> str:
        """Send a short message to ``to`` the way a receipt is sent from this workstation
        (saved settings, ``overrides`` from the workstation, keyring password); a sentence
        saying the server took it. IntegrationError with the server's refusal otherwise."""
        from app.receipts import mail_settings
        from app.receipts.email import send_test_message, validate_address

        actor.require(Permission.MANAGE_SETTINGS)
        address = validate_address(to, field_name="The test email address")
        with self._uow(actor, read_only=True) as uow:
            hospital = _hospital(uow, actor)
            name, saved = hospital.name, HospitalSettings.from_json(hospital.settings or {})
        if not (saved.smtp_host or (overrides or {}).get("smtp_host")):
            raise ValidationError(M("enter_mail_server_save",
                                    "Enter the mail server and save the settings before sending a "
                                    "test email."))
        smtp = mail_settings.resolve(saved, overrides)
        send_test_message(smtp, address, name, sent_by=actor.full_name,
                          workstation=actor.workstation or "")
        if smtp.username:
            return MsgText(M("test_email_accepted_login", "The mail server at {server} (signed "
                             "in as {user}) accepted the test email for {address}. Check that "
                             "it arrives; look in the spam folder too.", server=smtp.where,
                             user=smtp.username, address=address))
        return MsgText(M("test_email_accepted", "The mail server at {server} accepted the test "
                         "email for {address}. Check that it arrives; look in the spam folder "
                         "too.", server=smtp.where, address=address))
