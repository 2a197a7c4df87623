"""Composition root: settings -> database -> services. The only place that picks real or
sandbox adapters; tests pass keyword overrides.

Nothing here touches Qt, so the admin subcommands and the tests use it too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import embedded, migrate
from app.db.session import check_connection, make_engine, make_session_factory
from app.services.auth import AuthService
from app.services.clock import Clock, system_clock
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
    engine = make_engine(url, application_name=f"clinicdesk@{settings.workstation}")
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
    extra: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.extra[name]
        except KeyError:
            raise AttributeError(name) from None


def build_services(db: Database, settings: Settings, *, clock: Clock = system_clock,
                   **overrides: Any) -> Services:
    services = Services(
        auth=AuthService(db.uow, clock, lockout_attempts=settings.lockout_attempts,
                         lockout_minutes=settings.lockout_minutes),
    )
    services.extra.update(_optional_services(db, settings, clock))
    services.extra.update(overrides)
    return services


_SERVICE_MODULES = {
    # name on Services -> (module, class); each class takes (uow, clock)
    "queue": ("app.services.queue", "QueueService"),
    "copay": ("app.services.copay", "CopayService"),
    "patients": ("app.services.patients", "PatientService"),
    "refunds": ("app.services.refunds", "RefundService"),
    "audit": ("app.services.audit", "AuditService"),
    "settings": ("app.services.settings", "SettingsService"),
}


def _optional_services(db: Database, settings: Settings, clock: Clock) -> dict[str, Any]:
    """Services whose modules are present in this build (screens check for them too)."""
    import importlib
    import importlib.util

    built: dict[str, Any] = {}
    for name, (module, cls) in _SERVICE_MODULES.items():
        if importlib.util.find_spec(module) is None:
            continue
        built[name] = getattr(importlib.import_module(module), cls)(db.uow, clock)
    return built
