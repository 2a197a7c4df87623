"""Where the eligibility behind a quote came from, in the seed's five colours (GAP 5).
Headlines and meanings are marked for the catalogue and shown in the desk's language;
``headline`` keeps the English (tests and logs compare it)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.enums import DataSource
from app.ui.i18n import N_, tr
from app.ui.widgets.banner import Banner

# source -> (banner kind, headline the seed uses, what it means for the desk)
SOURCES: dict[DataSource, tuple[str, str, str]] = {
    DataSource.DHA_LIVE: ("success", N_("Verified via DHA eClaimLink"),
                          N_("eligibility confirmed in real time")),
    DataSource.DHA_SANDBOX: ("info", N_("Test environment"),
                             N_("answered by the DHA eClaimLink sandbox, not the live service")),
    DataSource.CACHED_DB: ("warning", N_("Not real-time verified"),
                           N_("insurance from the last stored check; confirm the card")),
    DataSource.MOCK_DATA: ("error", N_("SIMULATED"),
                           N_("eligibility from the built-in simulator, not from DHA")),
    DataSource.NOT_CONFIGURED: ("error", N_("Manual verification required"),
                                N_("DHA eClaimLink is not set up; check the insurance card")),
}


class SourceBanner(Banner):
    """Banner showing one DataSource."""

    def __init__(self, source: DataSource | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Eligibility data source"))
        self.set_source(source)

    def set_source(self, source: DataSource | str) -> None:
        self.source = DataSource(source)
        kind, headline, meaning = SOURCES[self.source]
        self.headline = headline
        self.set_message(tr("Eligibility: {headline} — {meaning}").format(
            headline=tr(headline), meaning=tr(meaning)), kind=kind)
