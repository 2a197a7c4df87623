"""DHA credentials live in the OS keyring (a test backend here), never in the DB or logs."""

from __future__ import annotations

import json

import keyring
import pytest

from app.domain.errors import ValidationError
from app.integrations.dha import credentials
from app.integrations.dha.credentials import DhaCredentials, resolve_mode
from app.integrations.dha.modes import DhaMode
from tests.integrations.dha_helpers import BrokenKeyring

CREDS = DhaCredentials("FAC-77", "DHA-F-0045678", "clinic.login", "api-key-not-for-logs")


def test_save_load_delete_round_trip_under_the_hospital_service_name(memory_keyring):
    assert credentials.load("DXB01") is None
    credentials.save("DXB01", CREDS)
    assert list(memory_keyring.store) == [("ClinicDesk-DHA-DXB01", "eclaimlink")]
    assert json.loads(memory_keyring.store[("ClinicDesk-DHA-DXB01", "eclaimlink")])[
        "licence"] == "DHA-F-0045678"
    assert credentials.load("DXB01") == CREDS
    assert credentials.load("AUH02") is None  # per hospital
    assert credentials.delete("DXB01") is True
    assert credentials.delete("DXB01") is False
    assert credentials.load("DXB01") is None


def test_incomplete_credentials_are_refused(memory_keyring):
    with pytest.raises(ValidationError, match="password / API key"):
        credentials.save("DXB01", DhaCredentials("F", "L", "login", " "))
    with pytest.raises(ValidationError, match="hospital code"):
        credentials.save("", CREDS)
    assert memory_keyring.store == {}


def test_unreadable_entry_counts_as_missing(memory_keyring):
    memory_keyring.store[("ClinicDesk-DHA-DXB01", "eclaimlink")] = "not json"
    assert credentials.load("DXB01") is None


def test_no_usable_keyring_means_not_configured_not_a_crash():
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        assert credentials.load("DXB01") is None
        with pytest.raises(ValidationError, match="no usable password store"):
            credentials.save("DXB01", CREDS)
    finally:
        keyring.set_keyring(previous)


def test_plaintext_keyring_from_keyrings_alt_in_a_temp_dir(tmp_path):
    from keyrings.alt.file import PlaintextKeyring

    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring_pass.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        credentials.save("DXB01", CREDS)
        assert credentials.load("DXB01") == CREDS
        assert (tmp_path / "keyring_pass.cfg").is_file()
        credentials.delete("DXB01")
        assert credentials.load("DXB01") is None
    finally:
        keyring.set_keyring(previous)


def test_password_is_hidden_in_repr_and_str():
    assert "api-key-not-for-logs" not in repr(CREDS) + str(CREDS) + f"{CREDS}"
    assert "password='***'" in repr(CREDS)


@pytest.mark.parametrize(("mode", "creds", "endpoint", "expected", "words"), [
    ("LIVE", CREDS, "https://dhpo.eclaimlink.ae/ValidateTransactions.asmx", DhaMode.LIVE,
     "Verified via DHA"),
    ("SANDBOX", CREDS, "http://127.0.0.1:8765/x", DhaMode.SANDBOX, "test environment"),
    ("LIVE", None, "https://dhpo.eclaimlink.ae/x", DhaMode.NOT_CONFIGURED,
     "no credentials are stored"),
    ("SANDBOX", CREDS, "", DhaMode.NOT_CONFIGURED, "has no address"),
    ("LIVE", CREDS, "http://dhpo.eclaimlink.ae/ValidateTransactions.asmx",
     DhaMode.NOT_CONFIGURED, "needs an https:// address"),
    ("LIVE", CREDS, "http://127.0.0.1:8765/x", DhaMode.NOT_CONFIGURED, "unencrypted"),
    ("SANDBOX", CREDS, "http://dhpo-test.example.ae/x", DhaMode.NOT_CONFIGURED,
     "needs an https:// address"),
    ("MOCK", None, "", DhaMode.MOCK, "SIMULATED"),
    ("NOT_CONFIGURED", CREDS, "https://x", DhaMode.NOT_CONFIGURED, "verified manually"),
    ("garbage", CREDS, "https://x", DhaMode.NOT_CONFIGURED, "verified manually"),
])
def test_missing_credentials_or_address_downgrade_to_not_configured(mode, creds, endpoint,
                                                                   expected, words):
    decision = resolve_mode(mode, creds, endpoint)
    assert decision.mode is expected
    assert words in decision.message
    assert (decision.credentials is None) == (expected is DhaMode.NOT_CONFIGURED)
