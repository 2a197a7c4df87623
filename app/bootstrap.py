"""Composition root: settings -> database -> services -> listener and scheduler. The only
place that picks real or sandbox adapters; tests pass keyword overrides.

``start_runtime(settings)`` builds all of it once and returns a :class:`Runtime` with one
``close()``; the desktop app, the single-screen previews, the screenshots and the tests use
it. Nothing here touches Qt, so the admin subcommands use it too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import embedded, migrate, timeouts
from app.db.session import check_connection, make_engine, make_session_factory
from app.domain.errors import SchemaMismatch
from app.domain.messages import Msg, messages
from app.services.activity_log import ActivityLogService
from app.services.audit import AuditService
from app.services.auth import AuthService
from app.services.booking import BookingService
from app.services.claims import ClaimService
from app.services.clock import Clock, system_clock
from app.services.copay import CopayService
from app.services.dashboard import DashboardService
from app.services.eligibility import DhaGatewayProvider, EligibilityService
from app.services.eligibility_review import EligibilityReviewService
from app.services.insurance import InsuranceService
from app.services.insurance_payments import InsurancePaymentService
from app.services.onboarding import OnboardingService
from app.services.opendental_connections import OpenDentalConnectionService
from app.services.patients import PatientService
from app.services.queue import QueueService
from app.services.reconciliation import ReconciliationService
from app.services.refunds import RefundService
from app.services.settings import SettingsService
from app.services.shifts import ShiftService
from app.services.sync_status import SyncStatusService
from app.services.unit_of_work import UowFactory, uow_factory
from app.sync.opendental.connections import shared_sandbox

M = messages(__name__)

log = logging.getLogger(__name__)


@dataclass
class Database:
    url: str
    engine: sa.Engine
    session_factory: sessionmaker[Session]
    uow: UowFactory
    embedded: bool
    # Set when a desk runs as a superuser or the table owner on a shared server (app/db/roles.py).
    privilege_warning: Msg | None = None

    def dispose(self) -> None:
        self.engine.dispose()


def resolve_url(settings: Settings) -> str:
    """The database URL: DATABASE_URL (its password from the keyring when it has none, see
    app/db/secrets.py), or the embedded server (started on demand)."""
    if settings.database_url:
        from app.db.secrets import with_keyring_password

        return with_keyring_password(settings.database_url)
    return embedded.start(settings.pgdata)


def open_database(settings: Settings, *, upgrade: bool = True, url: str | None = None) -> Database:
    """Connect, refuse a database newer than the app, and migrate an older one to head."""
    url = url or resolve_url(settings)
    engine = make_engine(url, application_name=f"clinicdesk@{settings.workstation}",
                         timeouts=timeouts.DESK)
    check_connection(engine)
    current = migrate.check_compatible(engine)
    if upgrade and current != migrate.head_revision():
        log.info("migrating database from %s to head", current)
        try:
            migrate.upgrade(url)
        except sa.exc.ProgrammingError as exc:
            # The desks' least-privilege role may not change the schema (app/db/roles.py).
            if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                raise
            raise SchemaMismatch(
                M("database_migration_clinicdesk_needs", "The database is at migration "
                  "{value} and this ClinicDesk needs {head_revision}, but this desk's "
                  "database role may not change the schema. Ask the administrator to run "
                  "'python -m app db upgrade' as the owner role (clinicdesk_owner).",
                  value=current or 'none', head_revision=migrate.head_revision())) from None
    factory = make_session_factory(engine)
    return Database(url, engine, factory, uow_factory(factory), settings.embedded)


def make_dha_provider(uow: UowFactory, **kw: Any) -> DhaGatewayProvider:
    """The DHA gateway provider with the real adapters: credentials from the OS keyring and
    the zeep gateway (or the loopback sandbox in MOCK mode), as each hospital's settings say."""
    from app.integrations.dha import credentials
    from app.integrations.dha.gateway import make_gateway

    kw.setdefault("load_credentials", credentials.load)
    kw.setdefault("factory", make_gateway)
    return DhaGatewayProvider(uow, **kw)


def has_hospital(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.execute(sa.text("SELECT EXISTS (SELECT 1 FROM hospitals)")).scalar())


@dataclass
class Services:
    """Every use case the screens may call, wired to one database."""

    auth: AuthService
    queue: QueueService
    copay: CopayService
    patients: PatientService
    eligibility: EligibilityService
    insurance: InsuranceService
    refunds: RefundService
    audit: AuditService
    settings: SettingsService
    dha: DhaGatewayProvider
    onboarding: OnboardingService
    # Typed as the classes (not Any/Optional): tests/security/test_role_matrix.py finds every
    # public method through these annotations.
    opendental_connections: OpenDentalConnectionService
    claims: ClaimService
    insurance_payments: InsurancePaymentService
    sync_status: SyncStatusService
    booking: BookingService
    reconciliation: ReconciliationService
    eligibility_review: EligibilityReviewService
    activity_log: ActivityLogService
    dashboard: DashboardService
    shifts: ShiftService

    def close(self) -> None:
        self.dha.close()
        self.opendental_connections.close()
        self.sync_status.close()


def build_services(db: Database, settings: Settings, *, clock: Clock = system_clock,
                   **overrides: Any) -> Services:
    """Wire every service to ``db``; keyword overrides replace one (tests: a gateway)."""
    dha = overrides.pop("dha", None) or make_dha_provider(db.uow)
    built: dict[str, Any] = {
        "auth": AuthService(db.uow, clock, lockout_attempts=settings.lockout_attempts,
                            lockout_minutes=settings.lockout_minutes),
        "queue": QueueService(db.uow, clock),
        "copay": CopayService(db.uow, clock),
        "patients": PatientService(db.uow, clock),
        "eligibility": EligibilityService(db.uow, dha, clock),
        "insurance": InsuranceService(db.uow, clock,
                                      policies_changed=getattr(dha, "policies_changed", None)),
        "refunds": RefundService(db.uow, clock),
        "audit": AuditService(db.uow, clock),
        "settings": SettingsService(db.uow, clock, dha=dha),
        "dha": dha,
        # "Test connection" on a SANDBOX connection pings the same simulated practice the
        # sync reads (the process's one loopback sandbox), not a second one.
        "opendental_connections": OpenDentalConnectionService(
            db.uow, clock, sandbox=lambda: shared_sandbox()()),
        **_opendental_sync_services(db, settings, clock, dha),
        "onboarding": OnboardingService(db.uow, clock),
        "dashboard": DashboardService(db.uow, clock),
        "shifts": ShiftService(db.uow, clock),
    }
    built["reconciliation"] = ReconciliationService(db.uow, built["refunds"], clock)
    built["eligibility_review"] = EligibilityReviewService(db.uow, clock)
    built["activity_log"] = ActivityLogService(db.uow, clock)
    built.update(overrides)
    return Services(**built)


def _opendental_sync_services(db: Database, settings: Settings, clock: Clock,
                              dha: Any) -> dict[str, Any]:
    """Claims, insurance payments and the sync status, sharing one OpenDental client factory
    (SANDBOX connections: the process's one loopback sandbox). The sync engine's DHA job uses
    the services' own gateway provider (one MOCK sandbox per process, not one per engine), with
    the background job's longer limits."""
    from app.db.timeouts import JOB
    from app.sync.opendental.connections import ClientFactory
    from app.sync.scheduler import make_sync_engine

    clients = ClientFactory()
    return {
        "claims": ClaimService(db.uow, clients, clock),
        "insurance_payments": InsurancePaymentService(db.uow),
        "sync_status": SyncStatusService(db.uow, lambda: make_sync_engine(
            db, settings, clock, client_factory=clients,
            dha_eligibility=EligibilityService(db.uow.with_timeouts(JOB), dha, clock))),
        # Bookings are written through the same OpenDental clients (issue 14).
        "booking": BookingService(db.uow, clock, clients=clients),
    }
@dataclass
class Runtime:
    """Everything one workstation (or one test) runs on, built once by :func:`start_runtime`.

    ``needs_onboarding``: the database has no hospital yet (a shared database on its first
    start), so the setup wizard comes before sign-in.
    """

    settings: Settings
    db: Database
    services: Services
    listener: Any = None  # app.db.notify.ChangeListener, when asked for
    scheduler: Any = None  # APScheduler BackgroundScheduler, when sync is enabled
    demo: Any = None  # app.demo.DemoSummary when the demo was created by this start
    needs_onboarding: bool = False
    _closed: bool = field(default=False, repr=False)

    def close(self) -> None:
        """Stop the scheduler and the listener, close the gateways, release the database."""
        if self._closed:
            return
        self._closed = True
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        if self.listener is not None:
            self.listener.stop()
        self.services.close()
        self.db.dispose()


def start_runtime(settings: Settings, *, on_change: Callable[[dict], None] | None = None,
                  demo_when_empty: bool | None = None, schedule: bool | None = None,
                  clock: Clock = system_clock, **overrides: Any) -> Runtime:
    """Open the database (migrating it), create the demo on an empty embedded database, build
    the services, and start the NOTIFY listener (when ``on_change`` is given) and the
    background scheduler (``schedule``, default: ``settings.sync_enabled``).

    ``demo_when_empty`` defaults to ``settings.embedded``: the embedded first start opens on
    the demo clinic; an empty shared database never gets demo data or its passwords, it is
    left for onboarding (``Runtime.needs_onboarding``).
    """
    from app.db.roles import privilege_warning

    db = open_database(settings)
    try:
        # For a desk's status bar (and its log), not for the admin commands, which run as the
        # owner on purpose and also open the database.
        db.privilege_warning = privilege_warning(db.engine, embedded=settings.embedded)
        demo_summary = None
        empty = not has_hospital(db)
        if empty and (settings.embedded if demo_when_empty is None else demo_when_empty):
            from app import demo

            demo_summary = demo.create_demo(db.session_factory, clock=clock)
            empty = False
        services = build_services(db, settings, clock=clock, **overrides)
    except BaseException:
        db.dispose()
        raise
    runtime = Runtime(settings, db, services, demo=demo_summary, needs_onboarding=empty)
    try:
        if on_change is not None:
            from app.db.notify import ChangeListener

            runtime.listener = ChangeListener(db.url, on_change).start()
        if settings.sync_enabled if schedule is None else schedule:
            from app.sync.scheduler import start_scheduler

            # The same engine the Sync status page runs "Sync now" on: one set of clients.
            runtime.scheduler = start_scheduler(db, settings, clock,
                                                engine=services.sync_status.engine)
    except BaseException:
        runtime.close()
        raise
    return runtime
