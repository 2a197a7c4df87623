"""DHA eClaimLink (DHPO post office): SOAP client (zeep), wire format, credentials, sandbox.

Eligibility is a ``Prior.Request`` with ``Authorization/Type = Eligibility`` uploaded to the
post office and answered asynchronously by a ``Prior.Authorization`` (shared/apis.md §2.7–2.9).
"""

from pathlib import Path

#: resources/dha beside app/, resolved from this file (repo root = parents[3] of a module here).
RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "dha"
WSDL_PATH = RESOURCES / "ValidateTransactions.wsdl"
NAMESPACE = "http://www.eClaimLink.ae/"
