"""Every page of the navigation sits at the same margins, so switching pages does not make the
title and table jump sideways (Sessions used the layout's default margins, 7 px off)."""

from __future__ import annotations

from PySide6.QtCore import QMargins

from app.ui.pages import all_pages


def test_every_page_has_the_same_margins(ctx, sign_in, qtbot, idle) -> None:
    sign_in("admin")
    margins = {}
    for spec in all_pages():
        if spec.factory is None:
            continue
        page = spec.factory(ctx)
        qtbot.addWidget(page)
        margins[spec.title] = page.layout().contentsMargins()
    idle(ctx)
    assert {"Sessions", "Sync status", "OpenDental", "OPD Queue"} <= set(margins)
    odd = {title: m for title, m in margins.items() if m != QMargins(16, 12, 16, 12)}
    assert not odd, odd
