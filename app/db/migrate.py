"""Alembic, driven from code: upgrade to head, and refuse a database newer than this app."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from app.db.embedded import to_sqlalchemy_url
from app.domain.errors import SchemaMismatch
from app.domain.messages import messages
from app.resources import migrations_path

M = messages(__name__)

log = logging.getLogger(__name__)

MIGRATIONS = migrations_path()


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", to_sqlalchemy_url(url).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("postgresql://")).get_current_head() or ""


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_compatible(engine: sa.Engine) -> str | None:
    """Return the current revision; raise SchemaMismatch if the database is newer than the app."""
    current = current_revision(engine)
    if current is None:
        return None
    script = ScriptDirectory.from_config(alembic_config(str(engine.url)))
    try:
        known = script.get_revision(current) is not None
    except CommandError:
        known = False
    if not known:
        raise SchemaMismatch(
            M("database_migration_current_which", "The database is at migration {current}, "
              "which this version of ClinicDesk does not know (it knows up to "
              "{head}). The database was upgraded by a newer ClinicDesk: install "
              "that version on this workstation.", current=current,
              head=script.get_current_head())
        )
    return current


def upgrade(url: str) -> None:
    """Migrate to head, then re-apply the desks' role grants (app/db/roles.py) so tables a
    migration added get theirs; a database without that role is left as it is."""
    command.upgrade(alembic_config(url), "head")
    from app.db.roles import apply_grants

    engine = sa.create_engine(to_sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    try:
        apply_grants(engine)
    except sa.exc.DBAPIError as exc:  # migrated by a role that may not grant: say so, go on
        log.warning("could not re-apply the desk role's grants after migrating: %s",
                    str(exc.orig).strip().splitlines()[0] if exc.orig else exc)
    finally:
        engine.dispose()
