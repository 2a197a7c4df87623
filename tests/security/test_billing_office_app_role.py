"""The billing office's screens work as the least-privilege desk role (clinicdesk_app): every
read of the dashboard, claims, insurance payments, reconciliation, eligibility review and the
activity log, their CSV exports, and the writes they offer (an overpaid refund request, an
eligibility override), on the demo clinic, with the hash chains still whole afterwards."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from app.bootstrap import Database, build_services
from app.config import load_settings
from app.db.chain_verify import verify_chains
from app.db.session import make_session_factory
from app.domain.reconciliation import ReconStatus
from app.services.dashboard import Figure, FigureKind
from app.services.unit_of_work import uow_factory
from tests import factories as f
from tests.security.role_db import role_db_fixture  # noqa: F401  (provides role_db)


def _services(role_db, tmp_path):
    factory = make_session_factory(role_db.app_engine)
    db = Database(role_db.app_url, role_db.app_engine, factory, uow_factory(factory),
                  embedded=False)
    settings = load_settings(env={"DATABASE_URL": role_db.app_url, "CLINICDESK_SYNC": "false",
                                  "CLINICDESK_DATA_DIR": str(tmp_path)},
                             config_file=tmp_path / "none.toml")
    return build_services(db, settings)


def _actor(role_db, username):
    with role_db.admin.connect() as conn:
        user_id = conn.scalar(sa.text("SELECT id FROM users WHERE username = :u"),
                              {"u": username})
    return f.committed_actor(role_db.admin, user_id)


def test_the_billing_office_works_as_the_app_role(role_db, tmp_path):
    services = _services(role_db, tmp_path)
    try:
        accountant, admin = _actor(role_db, "accountant"), _actor(role_db, "admin")
        overview = services.dashboard.overview(accountant)
        assert overview.appointments_today > 0
        claims_figure = Figure(FigureKind.CLAIMS)
        assert services.dashboard.rows(accountant, claims_figure).rows
        services.dashboard.export_csv(accountant, claims_figure, tmp_path / "dash.csv")

        claims = services.claims.page(accountant)
        assert claims.rows
        services.claims.get(accountant, claims.rows[0].id)
        assert services.claims.export_csv(accountant, None, tmp_path / "claims.csv").rows \
            >= len(claims.rows)
        payments = services.insurance_payments.page(accountant)
        if payments.rows:
            services.insurance_payments.detail(accountant, payments.rows[0].id)

        recon = services.reconciliation.list(accountant, date_from=dt.date(2000, 1, 1))
        assert recon.rows
        overpaid = [r for r in recon.rows if r.status is ReconStatus.OVERPAID
                    and r.recon.refundable > 0]
        assert overpaid, "the demo has an overpaid visit"
        asked = services.reconciliation.request_refund(accountant, overpaid[0].appointment_id)
        assert asked.refund_id
        services.reconciliation.export_csv(accountant, tmp_path / "recon.csv")

        today = overview.today
        review = services.eligibility_review.list(admin, date_from=today - dt.timedelta(days=30),
                                                  date_to=today + dt.timedelta(days=30))
        assert review.rows
        done = services.eligibility_review.override(admin, review.rows[0].appointment_id,
                                                    eligible=True, reason="Card seen at desk")
        assert done
        services.eligibility_review.export_csv(admin, tmp_path / "review.csv",
                                               date_from=today - dt.timedelta(days=30),
                                               date_to=today + dt.timedelta(days=30))

        activity = services.activity_log.page(admin)
        assert activity.rows
        services.activity_log.export_csv(admin, None, tmp_path / "activity.csv")
    finally:
        services.close()
    report = verify_chains(role_db.admin)
    assert report.ok, report.lines()
