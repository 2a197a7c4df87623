"""Composition root: settings -> database -> services. The only place that picks real or
sandbox adapters; tests pass keyword overrides.

Nothing here touches Qt, so the admin subcommands and the tests use it too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import embedded, migrate, timeouts
from app.db.session import check_connection, make_engine, make_session_factory
from app.services.audit import AuditService
from app.services.auth import AuthService
from app.services.clock import Clock, system_clock
from app.services.copay import CopayService
from app.services.eligibility import DhaGatewayProvider, EligibilityService
from app.services.insurance import InsuranceService
from app.services.patients import PatientService
from app.services.queue import QueueService
from app.services.refunds import RefundService
from app.services.settings import SettingsService
from app.services.unit_of_work import UowFactory, uow_factory

log = logging.getLogger(__name__)


@dataclass
class Database:
    url: str
    engine: sa.Engine
    session_factory: sessionmaker[Session]
    uow: UowFactory
    embedded: bool

    def dispose(self) -> None:
        self.engine.dispose()


def resolve_url(settings: Settings) -> str:
    """The database URL: DATABASE_URL, or the embedded server (started on demand)."""
    if settings.database_url:
        return settings.database_url
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
        migrate.upgrade(url)
    factory = make_session_factory(engine)
    return Database(url, engine, factory, uow_factory(factory), settings.embedded)


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

    def close(self) -> None:
        self.dha.close()


def build_services(db: Database, settings: Settings, *, clock: Clock = system_clock,
                   **overrides: Any) -> Services:
    """Wire every service to ``db``; keyword overrides replace one (tests: a gateway)."""
    dha = overrides.pop("dha", None) or DhaGatewayProvider(db.uow)
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
    }
    built.update(overrides)
    return Services(**built)
