"""The Insurance payments list and detail, on the claim payments the sandbox practice's
payment posting job brought in (no mocked HTTP): filters against the table, keyset pages,
one check's claims and total, CSV."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import sqlalchemy as sa

from app.db.models import ActivityLog, InsurancePayment
from app.domain.enums import InsurancePaymentStatus, Role
from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.services.insurance_payments import InsurancePaymentService
from app.services.payment_list import PaymentFilters
from tests import factories as f
from tests.services.test_claims_list import office  # noqa: F401 - fixture
from tests.sync.conftest import DUBAI, clock, od, practice, run, sandbox  # noqa: F401 - fixtures


@pytest.fixture
def payments(uow):
    return InsurancePaymentService(uow)


def _all(service, actor, filters=None, limit=4):
    rows, after = [], None
    while True:
        page = service.page(actor, filters, after=after, limit=limit)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        assert len(page.rows) == limit
        after = page.next_cursor


def _table(session, hospital_id):
    return list(session.scalars(sa.select(InsurancePayment).where(
        InsurancePayment.hospital_id == hospital_id)))


def test_list_filters_and_order(session, od, office, payments):  # noqa: F811
    accountant, receptionist = office
    table = _table(session, od.hospital.id)
    assert len(table) > 5
    rows = _all(payments, accountant)
    assert sorted(r.id for r in rows) == sorted(p.id for p in table)
    keys = [(r.received_at, r.id) for r in rows]
    assert keys == sorted(keys, reverse=True)

    carriers = payments.carriers(accountant)
    assert carriers == sorted({p.details["carrier"] for p in table})
    for carrier in carriers:
        got = _all(payments, accountant, PaymentFilters(carrier=carrier))
        assert {r.carrier for r in got} == {carrier}
        assert len(got) == sum(1 for p in table if p.details["carrier"] == carrier)

    check = table[0].details["check_num"]
    got = _all(payments, accountant, PaymentFilters(check=check))
    assert got and {r.check_num for r in got} == {check}

    assert len(_all(payments, accountant, PaymentFilters(
        status=InsurancePaymentStatus.POSTED))) == len(table)
    assert _all(payments, accountant, PaymentFilters(status="REVERSED")) == []
    assert len(_all(payments, accountant, PaymentFilters(
        connection_id=od.connection.id))) == len(table)

    days = sorted({p.received_at.astimezone(DUBAI).date() for p in table})
    day = days[-1]
    got = _all(payments, accountant, PaymentFilters(date_from=day, date_to=day))
    assert got and len(got) == sum(1 for p in table if p.received_at.astimezone(DUBAI).date()
                                   == day)
    assert _all(payments, accountant, PaymentFilters(date_from=day + dt.timedelta(days=1))) \
        == []

    someone = rows[0]
    got = _all(payments, accountant, PaymentFilters(patient=someone.mrn))
    assert someone.id in {r.id for r in got} and {r.mrn for r in got} == {someone.mrn}

    with pytest.raises(PermissionDenied):
        payments.page(receptionist)
    with pytest.raises(ValidationError):
        payments.page(accountant, PaymentFilters(date_from=day, date_to=day - dt.timedelta(1)))


def test_detail_is_the_whole_check(session, od, office, payments):  # noqa: F811
    accountant, _ = office
    table = _table(session, od.hospital.id)
    by_check: dict[int, list] = {}
    for p in table:
        by_check.setdefault(p.external_payment_id, []).append(p)
    num, rows = max(by_check.items(), key=lambda kv: len(kv[1]))
    detail = payments.detail(accountant, rows[-1].id)
    assert detail.claim_payment_num == num
    assert sorted(c.claim_id for c in detail.claims) == sorted(p.claim_id for p in rows)
    assert detail.total == sum(p.amount for p in rows)
    assert detail.check_num == rows[0].details["check_num"]
    assert detail.carrier == rows[0].details["carrier"]
    assert detail.posting_status == "Posted" and detail.simulated
    assert detail.clinic == "Sandbox practice"
    with pytest.raises(NotFound):
        payments.detail(accountant, -1)


def test_csv_export(session, od, office, payments, tmp_path):  # noqa: F811
    accountant, _ = office
    rows = _all(payments, accountant)
    result = payments.export_csv(accountant, None, tmp_path / "payments.csv")
    assert result.rows == len(rows)
    with open(tmp_path / "payments.csv", encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][0] == "Payment ID" and [int(x[0]) for x in lines[1:]] == [r.id for r in rows]
    assert {x[11] for x in lines[1:]} == {"Posted"}
    assert session.scalar(sa.select(sa.func.count()).select_from(ActivityLog).where(
        ActivityLog.action == "INSURANCE_PAYMENTS_EXPORTED")) == 1
    user = f.actor(f.user(session, od.hospital, Role.NURSE))
    session.commit()
    with pytest.raises(PermissionDenied):
        payments.export_csv(user, None, tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()
