"""The schema comes from the migrations, and the models agree with them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import app.db.models  # noqa: F401
from app.db.base import Base
from app.db.migrate import check_compatible, head_revision


def test_models_and_migrations_agree(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_server_default": True,
                                                     "compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models differ from migrations: {diff}"


def test_database_is_at_head(engine: sa.Engine) -> None:
    assert check_compatible(engine) == head_revision() != ""


def test_newer_database_is_refused_with_a_clear_message(fresh_db_url: str) -> None:
    from app.db.session import make_engine
    from app.domain.errors import SchemaMismatch

    eng = make_engine(fresh_db_url, pool_size=1)
    with eng.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    try:
        check_compatible(eng)
    except SchemaMismatch as exc:
        assert "newer ClinicDesk" in exc.message
    else:
        raise AssertionError("a database from the future was accepted")
    finally:
        eng.dispose()


_CHECKS = sa.text("""
    SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'c' AND n.nspname = 'public'
""")


def test_check_constraints_match_the_models(engine: sa.Engine, pg_admin_url: str) -> None:
    """Autogenerate does not compare CHECK constraints, and enum values live in them: a value
    added to an enum needs a migration, or the database refuses it at the first insert."""
    import uuid

    from app.db.session import make_engine
    from tests.conftest import _create_db, _drop_db

    name = f"cd_models_{uuid.uuid4().hex[:10]}"
    url = _create_db(pg_admin_url, name)
    scratch = make_engine(url, pool_size=1)
    try:
        Base.metadata.create_all(scratch)
        with scratch.connect() as conn:
            from_models = {(r.tbl, r.conname): r.definition for r in conn.execute(_CHECKS)}
    finally:
        scratch.dispose()
        _drop_db(pg_admin_url, name)
    with engine.connect() as conn:
        migrated = {(r.tbl, r.conname): r.definition for r in conn.execute(_CHECKS)}
    assert len(from_models) > 50  # the comparison compares something
    differ = {k: (v, migrated.get(k)) for k, v in from_models.items() if migrated.get(k) != v}
    assert differ == {}, f"CHECK constraints differ (models, migrations): {differ}"
