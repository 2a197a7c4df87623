"""The DHA transaction files: the Prior.Request we send and the safe reading of what comes back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from app.domain.eligibility import CoverageStatus
from app.domain.enums import DataSource, NetworkTier
from app.domain.errors import IntegrationError
from app.integrations.dha import WSDL_PATH, wire
from app.integrations.dha.sandbox import BOMB

EID = "784-1985-1234567-3"


def _request(**kw):
    args = dict(request_id="CD-1", sender_id="DHA-F-0000001", facility_id="FAC1",
                emirates_id=EID, service_date=dt.date(2026, 3, 10),
                transaction_time=dt.datetime(2026, 3, 10, 9, 5, 41), payer_id="INS026",
                member_id="M-1")
    args.update(kw)
    return wire.build_eligibility_request(**args)


def test_prior_request_is_an_eligibility_authorization_with_the_common_header():
    req = _request(disposition="PRODUCTION")
    root = etree.fromstring(req.content)
    assert root.tag == "Prior.Request"
    assert root.get("{http://www.w3.org/2001/XMLSchema-instance}noNamespaceSchemaLocation") == \
        wire.SCHEMA_LOCATION
    h = root.find("Header")
    assert [c.tag for c in h] == ["SenderID", "ReceiverID", "TransactionDate", "RecordCount",
                                  "DispositionFlag"]
    assert h.findtext("SenderID") == "DHA-F-0000001"
    assert h.findtext("ReceiverID") == "INS026"
    assert h.findtext("TransactionDate") == "10/03/2026 09:05"  # dd/MM/yyyy HH:mm
    assert h.findtext("RecordCount") == "1"
    assert h.findtext("DispositionFlag") == "PRODUCTION"
    a = root.find("Authorization")
    assert a.findtext("Type") == "Eligibility"
    assert a.findtext("ID") == "CD-1"
    assert a.findtext("MemberID") == "M-1"
    assert a.findtext("PayerID") == "INS026"
    assert a.findtext("EmiratesIDNumber") == EID
    assert a.findtext("Encounter/FacilityID") == "FAC1"
    assert a.findtext("Encounter/Start") == "10/03/2026 09:05"
    assert req.file_name == "PriorRequest_CD-1.xml"


def test_request_without_a_known_payer_is_addressed_to_dha_and_escapes_text():
    req = _request(payer_id=None, member_id=None, sender_id="A&B <x>")
    root = etree.fromstring(req.content)
    assert root.findtext("Header/ReceiverID") == wire.NO_PAYER
    assert root.find("Authorization/MemberID") is None
    assert root.findtext("Header/SenderID") == "A&B <x>"
    assert root.findtext("Header/DispositionFlag") == "TEST"


def test_disposition_must_be_test_or_production():
    with pytest.raises(ValueError):
        _request(disposition="PTE_SUBMIT")


def _auth(inner: str, header: str = "<SenderID>INS026</SenderID>") -> bytes:
    return (f"<Prior.Authorization><Header>{header}</Header><Authorization><ID>CD-1</ID>"
            f"{inner}</Authorization></Prior.Authorization>").encode()


@pytest.mark.parametrize(("status", "expected"), [
    ("A", CoverageStatus.ACTIVE), ("ACTIVE", CoverageStatus.ACTIVE), ("a", CoverageStatus.ACTIVE),
    ("I", CoverageStatus.INACTIVE), ("INACTIVE", CoverageStatus.INACTIVE),
    ("E", CoverageStatus.EXPIRED), ("Expired", CoverageStatus.EXPIRED),
    ("S", CoverageStatus.SUSPENDED), ("SUSPENDED", CoverageStatus.SUSPENDED),
    ("X", CoverageStatus.NOT_FOUND), ("PENDING", CoverageStatus.NOT_FOUND),
])
def test_status_codes_and_words_map_like_checkpoint_4(status, expected):
    r = wire.parse_prior_authorization(_auth(f"<Result>Yes</Result><Status>{status}</Status>"),
                                       data_source=DataSource.DHA_LIVE)
    assert r.status is expected


@pytest.mark.parametrize(("result", "expected"), [
    ("Yes", CoverageStatus.ACTIVE), ("No", CoverageStatus.NOT_FOUND),
    ("", CoverageStatus.NOT_FOUND)])
def test_without_status_the_public_result_decides(result, expected):
    r = wire.parse_prior_authorization(_auth(f"<Result>{result}</Result>"),
                                       data_source=DataSource.DHA_LIVE)
    assert r.status is expected


def test_full_answer_is_read_into_an_eligibility_result():
    r = wire.parse_prior_authorization(_auth(
        "<Result>Yes</Result><IDPayer>AUTH-9</IDPayer><Start>01/01/2026 00:00</Start>"
        "<End>31/12/2026</End><Comments>ok</Comments><Status>A</Status><MemberID>M-1</MemberID>"
        "<PayerID>INS026</PayerID><PayerName>Daman</PayerName><PolicyNumber>P-1</PolicyNumber>"
        "<CoveragePercent>80</CoveragePercent><CopayPercent>20</CopayPercent>"
        "<CopayAmount>20.00</CopayAmount><Network>In-Network</Network><Provider>Daman</Provider>"),
        data_source=DataSource.DHA_SANDBOX, emirates_id=EID)
    assert (r.request_id, r.payer_reference, r.member_id, r.payer_id, r.policy_number) == \
        ("CD-1", "AUTH-9", "M-1", "INS026", "P-1")
    assert (r.start_date, r.end_date) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (r.coverage_pct, r.copay_pct, r.copay_amount) == (Decimal(80), Decimal(20),
                                                             Decimal("20.00"))
    assert r.network is NetworkTier.IN_NETWORK
    assert r.data_source is DataSource.DHA_SANDBOX
    assert r.raw_summary["Authorization/IDPayer"] == "AUTH-9"
    assert not r.simulated


def test_simulated_marker_in_comments_labels_the_answer():
    r = wire.parse_prior_authorization(_auth("<Result>Yes</Result><Comments>SIMULATED: x"
                                             "</Comments>"), data_source=DataSource.DHA_LIVE)
    assert r.simulated


@pytest.mark.parametrize("doc", [
    BOMB.encode(),
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b"<Prior.Authorization><Authorization><ID>&xxe;</ID></Authorization></Prior.Authorization>",
    b'<?xml version="1.0"?><!-- c --><?pi x?>\n<!doctype x [<!ENTITY a "b">]>'
    b"<Prior.Authorization/>",
    b'<!DOCTYPE x SYSTEM "http://evil.example/x.dtd"><Prior.Authorization/>',
], ids=["billion-laughs", "external-entity", "after-comment-and-pi", "external-dtd"])
def test_dtds_and_entities_are_refused_before_expansion(doc):
    with pytest.raises(IntegrationError) as err:
        wire.parse_prior_authorization(doc, data_source=DataSource.DHA_LIVE)
    assert err.value.details["reason"] == "dtd_forbidden"
    assert "entity expansion is not allowed" in err.value.message


def test_files_over_the_size_cap_are_refused_unparsed():
    doc = _auth("<Result>Yes</Result><Comments>" + "x" * 1_000_001 + "</Comments>")
    with pytest.raises(IntegrationError) as err:
        wire.parse_prior_authorization(doc, data_source=DataSource.DHA_LIVE)
    assert err.value.details["reason"] == "too_large"
    assert "1,000,000-byte limit" in err.value.message


@pytest.mark.parametrize(("doc", "words"), [
    (b"<Prior.Authorization><Authorization><ID>1</ID>", "not well-formed"),
    (b"", "empty"),
    (b"<Remittance.Advice/>", "where a Prior.Authorization was expected"),
    (b"<Prior.Authorization><Header/></Prior.Authorization>", "without an Authorization"),
    (b"<Prior.Authorization><Authorization><Result>Yes</Result></Authorization>"
     b"</Prior.Authorization>", "without an ID"),
    (_auth("<CoveragePercent>lots</CoveragePercent>"), "unreadable coverage percentage"),
    (_auth("<CopayAmount>-5</CopayAmount>"), "impossible copay amount"),
    (_auth("<Start>yesterday</Start>"), "unreadable start date"),
])
def test_malformed_answers_are_integration_errors(doc, words):
    with pytest.raises(IntegrationError) as err:
        wire.parse_prior_authorization(doc, data_source=DataSource.DHA_LIVE)
    assert words in err.value.message


def test_file_list_reads_attributes_or_child_elements():
    listing = ('<Files><File FileID="11" FileName="a.xml" SenderID="INS026" ReceiverID="F" '
               'TransactionDate="10/03/2026 09:00" RecordCount="1" IsDownloaded="False"/>'
               "<File><FileID>12</FileID><FileName>b.xml</FileName>"
               "<IsDownloaded>true</IsDownloaded></File><File/></Files>")
    files = wire.parse_file_list(listing)
    assert [(f.file_id, f.file_name, f.is_downloaded) for f in files] == [
        ("11", "a.xml", False), ("12", "b.xml", True)]
    assert files[0].sender_id == "INS026"
    assert wire.parse_file_list("") == [] and wire.parse_file_list(None) == []


def test_shipped_wsdl_declares_the_five_operations_in_the_eclaimlink_namespace():
    assert WSDL_PATH.is_file()
    assert WSDL_PATH.parent.name == "dha" and WSDL_PATH.parent.parent.name == "resources"
    tree = etree.parse(str(WSDL_PATH))
    ns = {"w": "http://schemas.xmlsoap.org/wsdl/", "s": "http://schemas.xmlsoap.org/wsdl/soap/"}
    assert tree.getroot().get("targetNamespace") == "http://www.eClaimLink.ae/"
    ops = {op.get("name"): op.find("s:operation", ns).get("soapAction")
           for op in tree.findall("w:binding/w:operation", ns)}
    assert ops == {name: f"http://www.eClaimLink.ae/{name}" for name in (
        "UploadTransaction", "CheckForNewPriorAuthorizationTransactions",
        "GetNewPriorAuthorizationTransactions", "DownloadTransactionFile",
        "SetTransactionDownloaded")}
    assert "UNCONFIRMED" in WSDL_PATH.read_text()
