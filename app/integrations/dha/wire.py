"""The DHA transaction files: build a ``Prior.Request`` (Type=Eligibility), read the payer's
``Prior.Authorization`` and the post office's list of new files. Safely: no DTD, no entity
expansion, no network, no huge trees, a size cap; anything else is an IntegrationError.

Shapes (shared/apis.md): Header §2.4, Prior.Request §2.7, Prior.Authorization §2.8,
eligibility §2.9. What is ASSUMED here and must be checked against DHA's data dictionary:

- ``Encounter/Type`` = 1 (outpatient) for an eligibility request; codes are UNCONFIRMED.
- ``EmiratesIDNumber`` sent hyphenated (``784-YYYY-NNNNNNN-C``); UNCONFIRMED.
- With no payer known (EID-only walk-in) the request is addressed to ``DHA`` (ReceiverID and
  PayerID); whether DHPO accepts an eligibility request without a payer is UNCONFIRMED.
- The public ``Prior.Authorization`` has only Result/ID/IDPayer/DenialCode/Start/End/Limit/
  Comments. The eligibility details the desk needs (member status A/I/E/S, coverage %, copay,
  network, insurer name, policy number) are read from these OPTIONAL extra children of
  ``Authorization`` when present: ``Status``, ``MemberID``, ``PayerID``, ``PayerName``,
  ``PolicyNumber``, ``CoveragePercent``, ``CopayPercent``, ``CopayAmount``, ``Network``,
  ``Provider``. This is a ClinicDesk convention (the sandbox speaks it), UNCONFIRMED for DHA.
  Without ``Status``: Result=Yes -> ACTIVE, otherwise NOT_FOUND.
- The list of new files is ``<Files><File FileID=… FileName=… SenderID=… ReceiverID=…
  TransactionDate=… RecordCount=… IsDownloaded=…/></Files>`` (attributes or child elements);
  UNCONFIRMED.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import escape

from lxml import etree

from app.domain.eligibility import CoverageStatus, EligibilityResult, map_status
from app.domain.enums import DataSource, NetworkTier
from app.domain.errors import IntegrationError
from app.domain.messages import messages

M = messages(__name__)

MAX_FILE_BYTES = 1_000_000
DATE_FORMAT = "%d/%m/%Y %H:%M"
SCHEMA_LOCATION = "http://www.eclaimlink.ae/DHD/ValidationSchema/PriorRequest.xsd"
ENCOUNTER_TYPE_OUTPATIENT = "1"  # UNCONFIRMED code
NO_PAYER = "DHA"  # UNCONFIRMED addressee when the payer is unknown
SIMULATED_MARKER = "SIMULATED"

_EXTENSIONS = ("Status", "MemberID", "PayerID", "PayerName", "PolicyNumber", "CoveragePercent",
               "CopayPercent", "CopayAmount", "Network", "Provider")


@dataclass(frozen=True)
class PriorRequest:
    """An eligibility request ready to upload."""

    request_id: str
    file_name: str
    content: bytes


@dataclass(frozen=True)
class FileEntry:
    """One file waiting in the post office."""

    file_id: str
    file_name: str = ""
    sender_id: str = ""
    receiver_id: str = ""
    transaction_date: str = ""
    is_downloaded: bool = False


def format_dha_datetime(value: dt.datetime) -> str:
    return value.strftime(DATE_FORMAT)


def _el(name: str, value: object, indent: str = "    ") -> str:
    return f"{indent}<{name}>{escape(str(value))}</{name}>\n"


def build_eligibility_request(
    *,
    request_id: str,
    sender_id: str,
    facility_id: str,
    emirates_id: str,
    service_date: dt.date,
    transaction_time: dt.datetime,
    disposition: str = "TEST",
    payer_id: str | None = None,
    member_id: str | None = None,
    patient_id: str | None = None,
) -> PriorRequest:
    """A ``Prior.Request`` with one ``Authorization`` of Type ``Eligibility``.

    ``sender_id`` is the facility licence; ``payer_id`` the payer/TPA id when known.
    """
    if disposition not in ("TEST", "PRODUCTION"):
        raise ValueError("disposition must be TEST or PRODUCTION")
    receiver = payer_id or NO_PAYER
    start = dt.datetime.combine(service_date, transaction_time.time().replace(second=0,
                                                                               microsecond=0))
    auth = [
        _el("Type", "Eligibility"),
        _el("ID", request_id),
        _el("MemberID", member_id) if member_id else "",
        _el("PayerID", receiver),
        _el("EmiratesIDNumber", emirates_id),
        "    <Encounter>\n",
        _el("FacilityID", facility_id, "      "),
        _el("Type", ENCOUNTER_TYPE_OUTPATIENT, "      "),
        _el("PatientID", patient_id, "      ") if patient_id else "",
        _el("Start", format_dha_datetime(start), "      "),
        "    </Encounter>\n",
    ]
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Prior.Request xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:noNamespaceSchemaLocation="{SCHEMA_LOCATION}">\n'
        "  <Header>\n"
        + _el("SenderID", sender_id)
        + _el("ReceiverID", receiver)
        + _el("TransactionDate", format_dha_datetime(transaction_time))
        + _el("RecordCount", 1)
        + _el("DispositionFlag", disposition)
        + "  </Header>\n"
        "  <Authorization>\n" + "".join(auth) + "  </Authorization>\n"
        "</Prior.Request>\n"
    )
    safe_id = "".join(c if c.isalnum() or c in "-_" else "_" for c in request_id)
    return PriorRequest(request_id, f"PriorRequest_{safe_id}.xml", xml.encode("utf-8"))


# -- safe parsing ---------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_comments=True,
                           remove_pis=True, recover=False)


_PROLOG_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)


def _declares_dtd(raw: bytes) -> bool:
    """True if the prolog (before the root element) holds a DOCTYPE: refused before parsing,
    so an entity bomb is never even handed to the parser."""
    text = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    pos = 0
    while True:
        m = _PROLOG_SKIP.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return text[pos:].lstrip()[:9].upper() == b"<!DOCTYPE"


def _dtd_refused(what: str) -> IntegrationError:
    return IntegrationError(
        M("dha_eclaimlink_sent_what_3", "DHA eClaimLink sent a {what} with a DOCTYPE/entity "
          "declarations; refused (entity expansion is not allowed).", what=what), reason="dtd_forbidden")


def safe_parse(data: bytes | str, *, what: str, max_bytes: int = MAX_FILE_BYTES) -> etree._Element:
    """Parse untrusted XML: size-capped, DTDs and entities refused, malformed refused."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data or b"")
    if len(raw) > max_bytes:
        raise IntegrationError(
            M("dha_eclaimlink_sent_what", "DHA eClaimLink sent a {what} of {length} bytes, "
              "over the {max_bytes}-byte limit; it was refused.", what=what,
              length=f"{len(raw):,}", max_bytes=f"{max_bytes:,}"), reason="too_large")
    if not raw.strip():
        raise IntegrationError(M("dha_eclaimlink_sent_empty", "DHA eClaimLink sent an empty "
                                 "{what}.", what=what), reason="malformed")
    if _declares_dtd(raw):
        raise _dtd_refused(what)
    try:
        root = etree.fromstring(raw, parser=_parser())
    except etree.XMLSyntaxError as exc:
        if "entity" in (exc.msg or "").lower() or "DOCTYPE" in (exc.msg or ""):
            raise _dtd_refused(what) from None
        raise IntegrationError(
            M("dha_eclaimlink_sent_what_2", "DHA eClaimLink sent a {what} that is not "
              "well-formed XML ({msg}).", what=what, msg=exc.msg),
            reason="malformed") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _dtd_refused(what)
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    if parent is None:
        return None
    for el in parent:
        if _local(el.tag) == name:
            return el
    return None


def _text(parent: etree._Element | None, name: str) -> str | None:
    el = _child(parent, name)
    if el is None or el.text is None:
        return None
    value = el.text.strip()
    return value or None


def _date(value: str | None, field: str) -> dt.date | None:
    if not value:
        return None
    for fmt in (DATE_FORMAT, "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise IntegrationError(M("dha_eclaimlink_sent_unreadable", "DHA eClaimLink sent an "
                             "unreadable {field} date ({value}).", field=field,
                             value=f"{value!r}"),
                           reason="malformed")


def _decimal(value: str | None, field: str) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value.replace(",", "").replace("%", "").strip())
    except InvalidOperation:
        raise IntegrationError(M("dha_eclaimlink_sent_unreadable_2", "DHA eClaimLink sent an "
                                 "unreadable {field} ({value}).", field=field, value=f"{value!r}"),
                               reason="malformed") from None
    if not number.is_finite() or number < 0:
        raise IntegrationError(M("dha_eclaimlink_sent_impossible", "DHA eClaimLink sent an "
                                 "impossible {field} ({value}).", field=field, value=f"{value!r}"),
                               reason="malformed")
    return number


def _network(value: str | None) -> NetworkTier | None:
    if not value:
        return None
    word = value.strip().upper().replace("-", "_").replace(" ", "_")
    if word in ("IN_NETWORK", "IN", "INNETWORK", "Y", "YES"):
        return NetworkTier.IN_NETWORK
    if word in ("OUT_OF_NETWORK", "OUT", "OUTOFNETWORK", "OON", "N", "NO"):
        return NetworkTier.OUT_OF_NETWORK
    return None


def parse_prior_authorization(
    data: bytes | str,
    *,
    data_source: DataSource,
    emirates_id: str | None = None,
    simulated: bool = False,
    checked_at: dt.datetime | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> EligibilityResult:
    """A ``Prior.Authorization`` file -> EligibilityResult (request_id = Authorization/ID)."""
    root = safe_parse(data, what="Prior.Authorization file", max_bytes=max_bytes)
    if _local(root.tag) != "Prior.Authorization":
        raise IntegrationError(
            M("dha_eclaimlink_sent_file", "DHA eClaimLink sent a {kind} file where a "
              "Prior.Authorization was expected.", kind=_local(root.tag) or 'unknown'), reason="unexpected_file")
    header = _child(root, "Header")
    auth = _child(root, "Authorization")
    if auth is None:
        raise IntegrationError(M("dha_eclaimlink_sent_prior", "DHA eClaimLink sent a "
                                 "Prior.Authorization without an Authorization element."), reason="malformed")
    request_id = _text(auth, "ID")
    if not request_id:
        raise IntegrationError(M("dha_eclaimlink_sent_prior_2", "DHA eClaimLink sent a "
                                 "Prior.Authorization without an ID."),
                               reason="malformed")
    result_word = (_text(auth, "Result") or "").strip().lower()
    status_code = _text(auth, "Status")
    if status_code is not None:
        status = map_status(status_code)
    else:
        status = CoverageStatus.ACTIVE if result_word == "yes" else CoverageStatus.NOT_FOUND
    comments = _text(auth, "Comments")
    summary: dict[str, str] = {}
    for section, el in (("Header", header), ("Authorization", auth)):
        if el is None:
            continue
        for child in el:
            name = _local(child.tag)
            if name and len(child) == 0 and child.text and child.text.strip():
                summary[f"{section}/{name}"] = child.text.strip()[:200]
    return EligibilityResult(
        status=status,
        data_source=data_source,
        emirates_id=emirates_id,
        payer_id=_text(auth, "PayerID") or _text(header, "SenderID"),
        payer_name=_text(auth, "PayerName"),
        member_id=_text(auth, "MemberID"),
        policy_number=_text(auth, "PolicyNumber"),
        coverage_pct=_decimal(_text(auth, "CoveragePercent"), "coverage percentage"),
        copay_pct=_decimal(_text(auth, "CopayPercent"), "copay percentage"),
        copay_amount=_decimal(_text(auth, "CopayAmount"), "copay amount"),
        network=_network(_text(auth, "Network")),
        start_date=_date(_text(auth, "Start"), "start"),
        end_date=_date(_text(auth, "End"), "end"),
        provider=_text(auth, "Provider"),
        request_id=request_id,
        payer_reference=_text(auth, "IDPayer"),
        denial_code=_text(auth, "DenialCode"),
        comments=comments,
        simulated=simulated or bool(comments and comments.upper().startswith(SIMULATED_MARKER)),
        checked_at=checked_at,
        raw_summary=summary,
    )


def peek_authorization_id(data: bytes | str, *, max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """Authorization/ID of a Prior.Authorization, or None if the file is not one (safely)."""
    root = safe_parse(data, what="Prior.Authorization file", max_bytes=max_bytes)
    if _local(root.tag) != "Prior.Authorization":
        return None
    return _text(_child(root, "Authorization"), "ID")


def _attr(el: etree._Element, name: str) -> str:
    lowered = {k.lower(): v for k, v in el.attrib.items()}
    value = lowered.get(name.lower())
    if value is None:
        value = _text(el, name) or ""
    return value.strip()


def parse_file_list(xml_text: str | bytes | None, *, max_bytes: int = MAX_FILE_BYTES
                    ) -> list[FileEntry]:
    """GetNew…Transactions' ``xmlTransaction`` -> the files waiting (empty when none)."""
    if xml_text is None or not str(xml_text if isinstance(xml_text, str) else
                                   xml_text.decode("utf-8", "replace")).strip():
        return []
    root = safe_parse(xml_text, what="list of new transactions", max_bytes=max_bytes)
    entries = []
    for el in root.iter():
        if _local(el.tag) != "File":
            continue
        file_id = _attr(el, "FileID")
        if not file_id:
            continue
        entries.append(FileEntry(
            file_id=file_id,
            file_name=_attr(el, "FileName"),
            sender_id=_attr(el, "SenderID"),
            receiver_id=_attr(el, "ReceiverID"),
            transaction_date=_attr(el, "TransactionDate"),
            is_downloaded=_attr(el, "IsDownloaded").lower() in ("true", "1", "yes"),
        ))
    return entries
