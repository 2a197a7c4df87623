"""Simulated eligibility results are marked wherever the audit trail shows them (issue 11):
the audit page rows and the CSV export say SIMULATED for answers of the built-in simulator
(MOCK mode), never for the live DHA service."""

from __future__ import annotations

import csv
import io

import pytest

from app.db.models import InsuranceAudit
from app.domain.enums import AuditAction, Role
from app.services.audit import AuditFilters, AuditService
from app.services.clock import fixed_clock
from tests import factories as f
from tests.services.test_refunds_support import NOW, clinic

A = AuditAction


@pytest.fixture
def rows(session):
    c = clinic(session)
    pat = f.patient(session, c.hospital, first_name="Sara", last_name="Haddad", mrn="MRN-9101")
    desk = c.users[Role.RECEPTIONIST]
    made = {}
    for key, action, dha, new in (
            ("mock", A.DHA_VERIFIED, {"simulated": True, "data_source": "MOCK_DATA"}, None),
            ("demo", A.DHA_VERIFIED, {"simulated": True, "source": "MOCK_DATA"}, None),
            ("live", A.DHA_VERIFIED, {"simulated": False, "data_source": "DHA_LIVE"}, None),
            ("eid", A.EID_VERIFIED, None, {"verification_source": "SIMULATED"}),
            ("collect", A.COPAY_COLLECTED, None, {"amount": "20.00"})):
        row = InsuranceAudit(hospital_id=c.hospital.id, patient_id=pat.id, action=action,
                             dha_response=dha, new_data=new, performed_by=desk.id,
                             performed_at=NOW, workstation="FRONTDESK-01",
                             reason=key)
        session.add(row)
        made[key] = row
    session.flush()
    return c, made


def test_audit_rows_say_which_results_were_simulated(uow, rows):
    c, made = rows
    page = AuditService(uow, fixed_clock(NOW)).page(c.accountant, AuditFilters())
    by_reason = {r.reason: r for r in page.rows}
    assert {k for k, r in by_reason.items() if r.simulated} == {"mock", "demo", "eid"}
    assert "SIMULATED" in by_reason["mock"].action_label
    assert "SIMULATED" not in by_reason["live"].action_label


def test_the_csv_has_a_simulated_column(uow, rows, tmp_path):
    c, _made = rows
    AuditService(uow, fixed_clock(NOW)).export_csv(c.accountant, AuditFilters(),
                                                   tmp_path / "a.csv")
    text = (tmp_path / "a.csv").read_bytes().decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline="")))
    col = table[0].index("Simulated")
    reason = table[0].index("Reason")
    marks = {r[reason]: r[col] for r in table[1:]}
    assert marks == {"mock": "SIMULATED", "demo": "SIMULATED", "eid": "SIMULATED",
                     "live": "", "collect": ""}
