"""Where the eligibility behind a quote came from, in the seed's five colours (GAP 5)."""
# i18n: pending

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.enums import DataSource
from app.ui.widgets.banner import Banner

# source -> (banner kind, headline the seed uses, what it means for the desk)
SOURCES: dict[DataSource, tuple[str, str, str]] = {
    DataSource.DHA_LIVE: ("success", "Verified via DHA eClaimLink",
                          "eligibility confirmed in real time"),
    DataSource.DHA_SANDBOX: ("info", "Test environment",
                             "answered by the DHA eClaimLink sandbox, not the live service"),
    DataSource.CACHED_DB: ("warning", "Not real-time verified",
                           "insurance from the last stored check; confirm the card"),
    DataSource.MOCK_DATA: ("error", "SIMULATED",
                           "eligibility from the built-in simulator, not from DHA"),
    DataSource.NOT_CONFIGURED: ("error", "Manual verification required",
                                "DHA eClaimLink is not set up; check the insurance card"),
}


class SourceBanner(Banner):
    """Banner showing one DataSource."""

    def __init__(self, source: DataSource | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Eligibility data source")
        self.set_source(source)

    def set_source(self, source: DataSource | str) -> None:
        self.source = DataSource(source)
        kind, headline, meaning = SOURCES[self.source]
        self.headline = headline
        self.set_message(f"Eligibility: {headline} — {meaning}", kind)
