"""The Insurance Audit screen marks simulated eligibility results and shows where each
action was done (issue 11): the demo's MOCK checks read "DHA Verified · SIMULATED", and the
Performed By column names the workstation and its IP address, for live actions too."""

from __future__ import annotations

import os

from app.domain.enums import AuditAction
from app.ui.audit_window import AuditWindow
from app.ui.models.audit_model import Col


def test_simulated_checks_and_workstations_show_on_screen(ctx, sign_in, qtbot, tmp_path):
    sign_in("reception")
    # A live action from this desk: a walk-in patient registered (activity) and a policy
    # verification decision written by the app (audit) — here an Emirates ID lookup.
    from app.integrations.dha.scenarios import SCENARIOS

    ctx.services.eligibility.lookup_by_eid(ctx.actor, SCENARIOS["NOT_FOUND"].eid)
    sign_in("accountant")
    w = AuditWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 760)
    w.show()
    qtbot.waitUntil(lambda: not ctx.ops.busy and w.model.rowCount() > 0, timeout=15_000)
    rows = [w.model.row_at(i) for i in range(w.model.rowCount())]
    verified = [i for i, r in enumerate(rows) if r.action is AuditAction.DHA_VERIFIED]
    assert verified, "the demo's first page has DHA checks"
    for i in verified:
        assert "SIMULATED" in w.model.index(i, Col.ACTION).data()
    mine = [i for i, r in enumerate(rows) if r.workstation == ctx.settings.workstation]
    assert mine, "the live action is on the first page"
    by = w.model.index(mine[0], Col.BY).data()
    assert ctx.settings.workstation in by and rows[mine[0]].ip_address
    assert rows[mine[0]].ip_address in by
    w.grab().save(str(tmp_path / "audit_marks.png"))
    if os.environ.get("CLINICDESK_SHOTS"):
        w.grab().save(os.path.join(os.environ["CLINICDESK_SHOTS"], "audit_marks.png"))
