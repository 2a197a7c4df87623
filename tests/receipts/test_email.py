"""Receipt email against a real SMTP server on loopback (aiosmtpd, the ``smtp_server`` fixtures
of tests/conftest.py), and the ways sending fails."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes
from email.policy import default as default_policy

import pytest

from app.domain.errors import IntegrationError, ValidationError
from app.receipts.email import SmtpSettings, build_message, send_receipt, validate_address
from app.receipts.pdf import render_pdf
from tests.smtp_helpers import PASSWORD, PLAIN_AUTH, USER, free_port


def settings_for(controller, **changes) -> SmtpSettings:
    values = dict(host="127.0.0.1", port=controller.port, sender="receipts@alnoor.example",
                  use_tls=False, timeout=10)
    values.update(changes)
    return SmtpSettings(**values)


@pytest.fixture(scope="module")
def copay_pdf():
    from tests.receipts.conftest import make_receipt

    return render_pdf(make_receipt(), "A4")


def test_receipt_arrives_with_pdf_attached(smtp_server, copay, copay_pdf):
    controller, inbox = smtp_server
    send_receipt(settings_for(controller), "patient@example.com", copay, copay_pdf)

    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert envelope.mail_from == "receipts@alnoor.example"
    assert envelope.rcpt_tos == ["patient@example.com"]
    msg = message_from_bytes(envelope.content, policy=default_policy)
    assert "RCP-2025-000123" in msg["Subject"]
    assert "Al Noor Family Clinic" in msg["From"]
    assert msg["To"] == "patient@example.com"
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert "AED 30.00" in body and "Abdullah Mohammed Al Mansoori" in body
    attachments = list(msg.iter_attachments())
    assert len(attachments) == 1
    (pdf_part,) = attachments
    assert pdf_part.get_content_type() == "application/pdf"
    assert pdf_part.get_filename() == "receipt-RCP-2025-000123.pdf"
    assert pdf_part.get_content() == copay_pdf


def test_refund_subject_and_body(smtp_server, refund):
    controller, inbox = smtp_server
    pdf = render_pdf(refund, "THERMAL_80MM")
    send_receipt(settings_for(controller), " patient@example.com ", refund, pdf)
    msg = message_from_bytes(inbox.envelopes[0].content, policy=default_policy)
    assert msg["Subject"].startswith("Refund receipt RFD-2025-000007")
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Amount refunded: AED 30.00" in body and "RCP-2025-000123" in body


@PLAIN_AUTH
def test_login_with_the_right_password(smtp_auth_server, copay, copay_pdf):
    controller, inbox = smtp_auth_server
    send_receipt(settings_for(controller, username=USER, password=PASSWORD),
                 "patient@example.com", copay, copay_pdf)
    assert len(inbox.envelopes) == 1


@PLAIN_AUTH
def test_wrong_password_is_a_clear_error(smtp_auth_server, copay, copay_pdf):
    controller, inbox = smtp_auth_server
    settings = settings_for(controller, username=USER, password="wrong")
    with pytest.raises(IntegrationError) as caught:
        send_receipt(settings, "patient@example.com", copay, copay_pdf)
    message = caught.value.message
    assert f"127.0.0.1:{controller.port}" in message
    assert "did not accept the user name or password" in message
    assert "wrong" not in message and "wrong" not in repr(settings)
    assert inbox.envelopes == []


def test_refused_recipient_is_a_clear_error(smtp_server, copay, copay_pdf):
    controller, inbox = smtp_server
    with pytest.raises(IntegrationError, match="refused the address nobody@refused.example"):
        send_receipt(settings_for(controller), "nobody@refused.example", copay, copay_pdf)
    assert inbox.envelopes == []


def test_closed_port_is_a_clear_error(copay, copay_pdf):
    port = free_port()  # nothing listens there any more
    settings = SmtpSettings(host="127.0.0.1", port=port, sender="receipts@alnoor.example",
                            use_tls=False, timeout=5)
    with pytest.raises(IntegrationError) as caught:
        send_receipt(settings, "patient@example.com", copay, copay_pdf)
    message = caught.value.message
    assert message.startswith(f"The mail server at 127.0.0.1:{port} refused the connection")
    assert "Traceback" not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_server_without_starttls_when_tls_is_required(smtp_server, copay, copay_pdf):
    controller, inbox = smtp_server
    with pytest.raises(IntegrationError, match=r"does not support a secure connection \(STARTTLS\)"):
        send_receipt(settings_for(controller, use_tls=True), "patient@example.com", copay,
                     copay_pdf)
    assert inbox.envelopes == []


def test_silent_server_times_out(copay, copay_pdf):
    """A server that accepts the connection but never greets: the timeout ends the wait."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
    thread.start()
    try:
        settings = SmtpSettings(host="127.0.0.1", port=listener.getsockname()[1],
                                sender="receipts@alnoor.example", use_tls=False, timeout=0.5)
        with pytest.raises(IntegrationError, match="did not answer within 0.5 seconds"):
            send_receipt(settings, "patient@example.com", copay, copay_pdf)
    finally:
        thread.join(timeout=5)
        for conn in accepted:
            conn.close()
        listener.close()


@pytest.mark.parametrize("address", ["", "   ", "patient", "patient@", "@example.com",
                                     "patient@example", "two words@example.com",
                                     "a@example.com, b@example.com", "a@example.com\nBcc: x@y.z",
                                     "Patient <patient@example.com>", "patient@@example.com"])
def test_invalid_address_is_refused_before_connecting(smtp_server, copay, copay_pdf, address):
    controller, inbox = smtp_server
    with pytest.raises(ValidationError):
        send_receipt(settings_for(controller), address, copay, copay_pdf)
    assert inbox.envelopes == []


def test_valid_addresses():
    assert validate_address(" Patient.Name+receipts@mail.example.ae ") == \
        "Patient.Name+receipts@mail.example.ae"


def test_message_refuses_a_non_pdf(copay):
    with pytest.raises(ValidationError, match="PDF"):
        build_message(SmtpSettings(host="h", sender="a@b.ae"), "p@example.com", copay, b"")
