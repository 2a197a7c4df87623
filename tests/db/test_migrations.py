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
