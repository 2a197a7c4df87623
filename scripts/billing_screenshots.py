#!/usr/bin/env python3
"""Grab the billing office's screens (dashboard and its rows, claims, insurance payments,
reconciliation, eligibility review, activity log) to PNG in one language, from the demo clinic:

    DATABASE_URL=... python scripts/billing_screenshots.py ar /tmp/shots

It stands beside app/ui/screenshots.py (``python -m app screenshots``, the English set) and
uses its settling; docs/screenshots/dashboard-ar.png is this script's dashboard-ar.png.
Nothing is written to the database except the admin's sign-in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(lang: str, out: str) -> int:
    from app.config import load_settings
    from app.domain.reconciliation import ReconStatus
    from app.ui import i18n
    from app.ui.activity_page import ActivityPage
    from app.ui.app import make_qapp
    from app.ui.claims_page import ClaimsPage
    from app.ui.dashboard_page import DashboardPage
    from app.ui.eligibility_review_page import EligibilityReviewPage
    from app.ui.preview import close_context, delete_windows, demo_context
    from app.ui.reconciliation_page import ReconciliationPage
    from app.ui.screenshots import _settle
    from app.ui.widgets.paged_list import select_row

    app = make_qapp(["clinicdesk-screenshots"])
    i18n.install(lang)  # before any window: the screens are built in that language
    ctx = demo_context(load_settings(), listen=False)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)

    def grab(widget, name: str, size: tuple[int, int] = (1366, 820)) -> None:
        widget.resize(*size)
        widget.show()
        _settle(app, ctx)
        path = folder / f"{name}-{lang}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(path)

    try:
        dashboard = DashboardPage(ctx)
        grab(dashboard, "dashboard")
        dashboard.tile_claims.click()
        grab(dashboard.drill, "dashboard-rows", (1000, 560))
        claims = ClaimsPage(ctx)
        tab = claims.tab("Claims")
        grab(claims, "claims")
        select_row(tab.view, 0)
        grab(claims, "claims-detail")
        payments = claims.tab("Insurance payments")
        _settle(app, ctx)
        select_row(payments.view, 0)
        grab(claims, "payments")
        recon = ReconciliationPage(ctx)
        grab(recon, "reconciliation")
        over = next((i for i, r in enumerate(recon.rows) if r.status is ReconStatus.OVERPAID),
                    0)
        select_row(recon.table, over)
        grab(recon, "reconciliation-overpaid")
        grab(EligibilityReviewPage(ctx), "eligibility-review")
        grab(ActivityPage(ctx), "activity-log")
    finally:
        delete_windows(app)
        close_context(ctx)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
