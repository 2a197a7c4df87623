"""Email a receipt PDF through the clinic's SMTP server (the seed's email button only showed a toast).

``send_receipt(settings, to, data, pdf)`` validates the address (``ValidationError``), builds
a plain-text message with the PDF attached, and sends it with ``send_message`` (smtplib):
implicit TLS or STARTTLS when configured, login when a user name is set, and a timeout on
every step. The settings page's test message (``send_test_message``) takes the same path.
Every failure of the network or the server becomes an ``IntegrationError`` whose message says
what happened and what to check, in words for the front desk; the technical cause is kept in
``details`` for the log. The password comes from the caller (app/receipts/mail_settings.py
reads it from the OS keyring), never from here.

Blocking network I/O: call it off the GUI thread.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from app.domain.errors import IntegrationError, ValidationError
from app.domain.messages import Msg, messages
from app.domain.money import fmt
from app.domain.text import check_storable
from app.receipts.model import ReceiptData

M = messages(__name__)

DEFAULT_TIMEOUT = 30.0

# Pragmatic, not RFC 5322: one mailbox, a dot in the domain, no spaces or quotes.
_ADDRESS = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send. ``use_tls`` = STARTTLS on a plain port (587); ``use_ssl`` =
    implicit TLS (465). ``username`` None/"" skips login. ``password`` is passed in by the
    caller from the keyring and never shown in ``repr``."""

    host: str
    port: int = 587
    sender: str = ""
    use_tls: bool = True
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    use_ssl: bool = False
    timeout: float = DEFAULT_TIMEOUT
    sender_name: str | None = None

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def validate_address(address: str, *, field_name: str = "Email address") -> str:
    """The address cleaned of spaces, or ``ValidationError`` saying why it cannot be used."""
    if address is not None and not isinstance(address, str):
        raise ValidationError(M("must_text_like_name",
                                "{field_name} must be text, like name@example.com.",
                                field_name=field_name))
    text = (address or "").strip()
    if not text:
        raise ValidationError(M("required", "{field_name} is required.",
                                field_name=field_name))
    # Before the messages below quote it: a NUL or a pasted page has no place in one.
    check_storable(text, field_name)
    if len(text) > 254:
        raise ValidationError(M("too_long_email_address",
                                "{field_name} is too long for an email address (at most 254 "
                                "characters).",
                                field_name=field_name))
    if any(ch in text for ch in "\r\n,;") or " " in text:
        raise ValidationError(
            M("not_valid_enter_one", "{field_name} '{text}' is not valid: enter one address, like "
              "name@example.com.",
              field_name=field_name,
              text=text)
        )
    name, parsed = parseaddr(text)
    if name or parsed != text or not _ADDRESS.match(parsed) or len(parsed) > 254:
        raise ValidationError(
            M("not_valid_should_look", "{field_name} '{text}' is not valid: it should look like "
              "name@example.com.",
              field_name=field_name,
              text=text)
        )
    return parsed


def _subject(data: ReceiptData) -> str:
    kind = "Refund receipt" if data.is_refund else "Receipt"
    return f"{kind} {data.receipt_number} — {data.hospital_name}"


def _body(data: ReceiptData) -> str:
    local = data.local_issued_at
    when = f"{local:%d %b %Y %H:%M} ({data.timezone})"
    vat = f" (includes VAT {fmt(data.vat_amount)})" if data.vat_amount else ""
    if data.is_refund:
        lines = [
            f"Dear {data.patient_name},",
            "",
            f"Please find attached refund receipt {data.receipt_number} from {data.hospital_name}.",
            "",
            f"Amount refunded: {fmt(data.patient_amount)}{vat}",
            f"Refund method:   {data.payment_method}",
            f"Original receipt: {data.original_receipt_number}",
            f"Date:            {when}",
        ]
    else:
        lines = [
            f"Dear {data.patient_name},",
            "",
            f"Please find attached receipt {data.receipt_number} from {data.hospital_name}"
            + (f" for: {data.visit_description}." if data.visit_description else "."),
            "",
            f"Amount paid:     {fmt(data.patient_amount)}{vat}",
            f"Payment method:  {data.payment_method}",
            f"Date:            {when}",
        ]
    lines += ["", f"MRN: {data.mrn}"]
    if data.hospital_phone:
        lines += ["", f"For any question about this receipt, please call {data.hospital_phone}."]
    lines += ["", "مرفق إيصالكم. شكراً لكم.", "", data.hospital_name]
    if data.hospital_address:
        lines.append(data.hospital_address)
    return "\n".join(lines) + "\n"


def _filename(data: ReceiptData) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", data.receipt_number).strip("_") or "receipt"
    return f"{'refund-' if data.is_refund else 'receipt-'}{safe}.pdf"


def build_message(settings: SmtpSettings, to: str, data: ReceiptData, pdf: bytes) -> EmailMessage:
    """The message ``send_receipt`` sends (exposed for previews and tests)."""
    recipient = validate_address(to, field_name="The patient's email address")
    sender = validate_address(settings.sender, field_name="The sender address in the mail settings")
    if not pdf.startswith(b"%PDF"):
        raise ValidationError(M("receipt_pdf_empty_damaged",
                                "The receipt PDF is empty or damaged; render it again."))
    msg = EmailMessage()
    msg["Subject"] = _subject(data)
    msg["From"] = formataddr((settings.sender_name or data.hospital_name, sender))
    msg["To"] = recipient
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    msg.set_content(_body(data))
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=_filename(data))
    return msg


def _fail(message: Msg, settings: SmtpSettings, exc: BaseException) -> IntegrationError:
    return IntegrationError(message, host=settings.host, port=settings.port,
                            cause=f"{type(exc).__name__}: {exc}")


def _smtp_text(exc: smtplib.SMTPResponseException) -> str:
    raw = exc.smtp_error
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return f"{exc.smtp_code} {text}".strip()


def send_receipt(settings: SmtpSettings, to: str, data: ReceiptData, pdf: bytes) -> None:
    """Send the receipt PDF to ``to``. Raises ValidationError (bad address) or IntegrationError."""
    send_message(settings, build_message(settings, to, data, pdf))


def build_test_message(settings: SmtpSettings, to: str, hospital_name: str, *,
                       sent_by: str = "", workstation: str = "") -> EmailMessage:
    """A short plain-text message an administrator sends to check the mail settings."""
    recipient = validate_address(to, field_name="The test email address")
    sender = validate_address(settings.sender, field_name="The sender address in the mail settings")
    msg = EmailMessage()
    msg["Subject"] = f"ClinicDesk test email — {hospital_name}"
    msg["From"] = formataddr((settings.sender_name or hospital_name, sender))
    msg["To"] = recipient
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    who = f" by {sent_by}" if sent_by else ""
    where = f" on workstation {workstation}" if workstation else ""
    msg.set_content(
        f"This is a test message from ClinicDesk at {hospital_name}, sent{who}{where}.\n\n"
        f"Receipts are emailed through the mail server {settings.where} from {sender}. "
        "This message arrived, so the mail settings work. No reply is needed.\n")
    return msg


def send_test_message(settings: SmtpSettings, to: str, hospital_name: str, *,
                      sent_by: str = "", workstation: str = "") -> None:
    """Send the test message through the same path as a receipt (``send_message``)."""
    msg = build_test_message(settings, to, hospital_name, sent_by=sent_by,
                             workstation=workstation)
    send_message(settings, msg, what=M("what_test", "the test email"),
                 check=M("check_address", "Check the address."))


def send_message(settings: SmtpSettings, msg: EmailMessage, *,
                 what: str | Msg = M("what_receipt", "the receipt"),
                 check: str | Msg = M("check_with_patient", "Check the address with the patient."),
                 ) -> None:
    """Hand ``msg`` to the mail server: the one sending path for receipts and test messages.

    ``what`` names the message and ``check`` is the advice after a refused recipient, in the
    sentences of the errors: ValidationError (no server set up) or IntegrationError saying
    what the server or the network did."""
    where = settings.where
    if not (settings.host or "").strip():
        raise ValidationError(M("no_mail_server_set",
                                "No mail server is set up. Ask an administrator to enter it in "
                                "the mail settings."))
    context = ssl.create_default_context()
    try:
        if settings.use_ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port,
                                                    timeout=settings.timeout, context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            client.ehlo()
            if settings.use_tls and not settings.use_ssl:
                client.starttls(context=context)
                client.ehlo()
            if settings.username:
                client.login(settings.username, settings.password or "")
            refused = client.send_message(msg)
        if refused:  # some recipients refused while others were accepted (one recipient here)
            address, (code, reason) = next(iter(refused.items()))
            raise IntegrationError(
                M("refused_address", "The mail server at {where} refused the address {address} "
                  "({code} {reason}). {check}", where=where, address=address, code=code,
                  reason=reason.decode("utf-8", "replace"), check=check),
                host=settings.host, port=settings.port)
    except IntegrationError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise _fail(M("login_refused", "The mail server at {where} did not accept the user name "
                      "or password ({reply}). Ask an administrator to check the mail settings.",
                      where=where, reply=_smtp_text(exc)), settings, exc) from None
    except smtplib.SMTPRecipientsRefused as exc:
        address, (code, reason) = next(iter(exc.recipients.items()))
        text = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        raise _fail(M("refused_address", "The mail server at {where} refused the address "
                      "{address} ({code} {reason}). {check}", where=where, address=address,
                      code=code, reason=text, check=check), settings, exc) from None
    except smtplib.SMTPSenderRefused as exc:
        raise _fail(M("sender_refused", "The mail server at {where} refused the sender address "
                      "{sender} ({reply}). Ask an administrator to check the mail settings.",
                      where=where, sender=exc.sender, reply=_smtp_text(exc)),
                    settings, exc) from None
    except smtplib.SMTPNotSupportedError as exc:
        feature = M("starttls", "a secure connection (STARTTLS)") if settings.use_tls \
            else M("logging_in", "logging in")
        raise _fail(M("not_supported", "The mail server at {where} does not support {feature}. "
                      "Ask an administrator to check the mail settings.", where=where,
                      feature=feature), settings, exc) from None
    except smtplib.SMTPServerDisconnected as exc:
        if "timed out" in str(exc):  # smtplib reports a read timeout as a disconnect
            raise _fail(_no_answer(where, settings), settings, exc) from None
        raise _fail(M("disconnected", "The mail server at {where} closed the connection before "
                      "{what} was sent. Try again; if it keeps happening, ask IT to check the "
                      "mail server.", where=where, what=what), settings, exc) from None
    except smtplib.SMTPResponseException as exc:
        raise _fail(M("not_accepted", "The mail server at {where} did not accept {what} "
                      "({reply}).", where=where, what=what, reply=_smtp_text(exc)),
                    settings, exc) from None
    except smtplib.SMTPException as exc:
        raise _fail(M("sending_failed", "Sending {what} through the mail server at {where} "
                      "failed: {error}.", what=what, where=where, error=exc),
                    settings, exc) from None
    except ssl.SSLError as exc:
        raise _fail(M("tls_failed", "A secure connection to the mail server at {where} could "
                      "not be made ({error}). Ask an administrator to check the TLS settings.",
                      where=where, error=exc.reason or exc), settings, exc) from None
    except ConnectionRefusedError as exc:
        raise _fail(M("connection_refused", "The mail server at {where} refused the connection. "
                      "Check that the server name and port in the mail settings are right and "
                      "that the server is running.", where=where), settings, exc) from None
    except socket.gaierror as exc:
        raise _fail(M("host_not_found", "The mail server '{host}' could not be found. Check the "
                      "server name in the mail settings and this computer's network connection.",
                      host=settings.host), settings, exc) from None
    except TimeoutError as exc:
        raise _fail(_no_answer(where, settings), settings, exc) from None
    except OSError as exc:
        raise _fail(M("unreachable", "The mail server at {where} could not be reached "
                      "({error}). Check the network connection and try again.", where=where,
                      error=exc.strerror or exc), settings, exc) from None


__all__ = ["SmtpSettings", "build_message", "build_test_message", "send_message", "send_receipt",
           "send_test_message", "validate_address"]


def _no_answer(where: str, settings: SmtpSettings) -> Msg:
    return M("no_answer", "The mail server at {where} did not answer within {seconds} seconds. "
             "Check the network connection and try again.", where=where,
             seconds=f"{settings.timeout:g}")
