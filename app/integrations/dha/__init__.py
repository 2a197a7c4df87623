"""DHA eClaimLink (DHPO post office): SOAP client (zeep), wire format, credentials, sandbox.

Eligibility is a ``Prior.Request`` with ``Authorization/Type = Eligibility`` uploaded to the
post office and answered asynchronously by a ``Prior.Authorization`` (shared/apis.md §2.7–2.9).
"""

from app.resources import resource_path

RESOURCES = resource_path("dha")
WSDL_PATH = RESOURCES / "ValidateTransactions.wsdl"
NAMESPACE = "http://www.eClaimLink.ae/"
