"""Least-privilege PostgreSQL roles for a shared server (``python -m app db create-roles``).

Two roles:

- the **owner** (default ``clinicdesk_owner``, LOGIN, no superuser/createrole/createdb) owns
  the database, the schema and every table, sequence and function in it, and runs the
  migrations (``python -m app db upgrade`` with its DATABASE_URL). It owns the SECURITY
  DEFINER chain triggers (app/db/chain.py), so they write ``hash_chain_heads`` as it.
- the **app** role (default ``clinicdesk_app``, LOGIN, nothing else) is what the desks
  connect as. It gets only what the workflows need (:data:`TABLE_GRANTS`): SELECT/INSERT on
  the append-only audit, activity, journal, payments and deposit movements; SELECT only on
  ``hash_chain_heads`` and ``alembic_version``; DELETE only on ``copay_refunds`` (a pending
  request can be deleted) and ``opendental_connections`` (an unused connection can be
  removed); SELECT/INSERT only on ``claim_status_history``; SELECT/INSERT and UPDATE of
  ``journal_entry_id`` alone on ``insurance_payments``; SELECT/INSERT/UPDATE on the other
  tables; USAGE on sequences.
  Never TRUNCATE, REFERENCES, TRIGGER or any DDL (the schema's CREATE is revoked from PUBLIC).

``copay_payments`` grants UPDATE on the ``id`` column alone: PostgreSQL requires an UPDATE
privilege for ``SELECT ... FOR UPDATE``, which the refund workflow uses to queue two desks
refunding the same receipt. Any UPDATE (of ``id`` or anything) is still refused by the
append-only trigger, and every other column is not updatable at all.

Grants are kept current by :func:`apply_grants`, which ``db create-roles`` runs and
``app.db.migrate.upgrade`` runs again after every migration when the app role exists: a table
added by a later migration gets the default grant (SELECT/INSERT/UPDATE) unless it is listed
here. Default privileges also give the app role SELECT on new tables and USAGE on new
sequences as soon as the owner creates them, so a migration never leaves the desks locked out
between its DDL and the re-grant.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from psycopg import sql as pgsql

from app.domain.messages import Msg, messages

log = logging.getLogger(__name__)
M = messages(__name__)

__all__ = ["APP_ROLE", "OWNER_ROLE", "RoleSetup", "TABLE_GRANTS", "apply_grants",
           "create_roles", "privilege_warning"]

OWNER_ROLE = "clinicdesk_owner"
APP_ROLE = "clinicdesk_app"

APPEND_ONLY = ("SELECT", "INSERT")
DEFAULT_GRANT = ("SELECT", "INSERT", "UPDATE")
TABLE_GRANTS: Mapping[str, tuple[str, ...]] = {
    "insurance_verification_audits": APPEND_ONLY,
    "activity_logs": APPEND_ONLY,
    "journal_entries": APPEND_ONLY,
    "journal_lines": APPEND_ONLY,
    "deposit_transactions": APPEND_ONLY,
    "copay_payments": (*APPEND_ONLY, "UPDATE (id)"),
    "copay_refunds": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    # An administrator removes a connection nothing refers to (the others are deactivated).
    "opendental_connections": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    # A claim's history is written once per change and never corrected.
    "claim_status_history": APPEND_ONLY,
    # Money received from an insurer: inserted by the payment posting, which then links the
    # row to its journal entry (the one column it ever updates).
    "insurance_payments": (*APPEND_ONLY, "UPDATE (journal_entry_id)"),
    "hash_chain_heads": ("SELECT",),
    "alembic_version": ("SELECT",),
    # A shift's movements are written once; cash_shifts gets the default grant (its triggers
    # keep a closed shift unchanged and refuse DELETE).
    "shift_movements": APPEND_ONLY,
    # Issue 13: an underpaid balance collected later or written off, written once.
    "balance_settlements": APPEND_ONLY,
}

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _ident(name: str) -> str:
    """Role names are interpolated into DDL (no bind parameters there): allow plain ones."""
    if not _NAME.match(name):
        raise ValueError(f"role name {name!r}: use lower-case letters, digits and _")
    return f'"{name}"'


@dataclass(frozen=True)
class RoleSetup:
    owner: str
    app: str
    created: tuple[str, ...]
    database: str


def _role_exists(conn: sa.Connection, name: str) -> bool:
    return bool(conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                             {"n": name}).scalar())


def _ensure_role(conn: sa.Connection, name: str, password: str | None) -> bool:
    """Create the LOGIN role if missing; set its password when one is given. The password
    travels as a bound literal through format(), never into a log or the shell."""
    created = False
    if not _role_exists(conn, name):
        conn.execute(sa.text(f"CREATE ROLE {_ident(name)} LOGIN NOSUPERUSER NOCREATEDB "
                             "NOCREATEROLE NOREPLICATION NOBYPASSRLS"))
        created = True
    if password:
        # Composed by psycopg (identifier and literal quoted), sent as-is: no bind parameters
        # in DDL. The server hashes it (SCRAM); keep log_statement below 'ddl' meanwhile.
        stmt = pgsql.SQL("ALTER ROLE {} PASSWORD {}").format(pgsql.Identifier(name),
                                                             pgsql.Literal(password))
        raw = conn.connection.dbapi_connection
        assert raw is not None
        with raw.cursor() as cur:
            cur.execute(stmt)
    return created


def create_roles(engine: sa.Engine, *, owner: str = OWNER_ROLE, app: str = APP_ROLE,
                 owner_password: str | None = None,
                 app_password: str | None = None) -> RoleSetup:
    """Create (idempotently) the owner and app roles on the database of ``engine`` (connected
    as a superuser or a role with CREATEROLE that owns the objects), hand every object to the
    owner and grant the app role what the workflows need. Safe to run again: passwords are
    changed only when given."""
    o, a = _ident(owner), _ident(app)
    created: list[str] = []
    with engine.begin() as conn:
        if _ensure_role(conn, owner, owner_password):
            created.append(owner)
        if _ensure_role(conn, app, app_password):
            created.append(app)
        db = conn.execute(sa.text("SELECT current_database()")).scalar_one()
        dbi = '"' + db.replace('"', '""') + '"'
        # The owner must be able to take ownership: superusers can always; a CREATEROLE admin
        # needs membership (PostgreSQL 16 no longer grants it implicitly).
        me = conn.execute(sa.text("SELECT current_user")).scalar_one()
        if me != owner:
            conn.execute(sa.text(f"GRANT {o} TO CURRENT_USER"))
        conn.execute(sa.text(f"ALTER DATABASE {dbi} OWNER TO {o}"))
        conn.execute(sa.text(f"ALTER SCHEMA public OWNER TO {o}"))
        objects = conn.execute(sa.text("""
            SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                  WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
                   format('%I.%I', n.nspname, c.relname) AS name
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
               -- identity sequences follow their table
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                  AND d.deptype = 'i' AND c.relkind = 'S')
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                   p.oid::regprocedure::text
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public'
        """)).all()
        for kind, name in objects:
            conn.execute(sa.text(f"ALTER {kind} {name} OWNER TO {o}"))
        conn.execute(sa.text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
        conn.execute(sa.text(f"REVOKE ALL ON DATABASE {dbi} FROM PUBLIC"))
        conn.execute(sa.text(f"GRANT CONNECT, TEMPORARY ON DATABASE {dbi} TO {a}"))
        conn.execute(sa.text(f"GRANT USAGE ON SCHEMA public TO {a}"))
        conn.execute(sa.text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
                             f"GRANT SELECT ON TABLES TO {a}"))
        conn.execute(sa.text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
                             f"GRANT USAGE, SELECT ON SEQUENCES TO {a}"))
        _grant(conn, a)
    return RoleSetup(owner, app, tuple(created), db)


def _grant(conn: sa.Connection, a: str) -> None:
    tables = conn.execute(sa.text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1")).scalars().all()
    for t in tables:
        ti = f'public."{t}"'
        conn.execute(sa.text(f"REVOKE ALL ON {ti} FROM {a}"))
        conn.execute(sa.text(f"GRANT {', '.join(TABLE_GRANTS.get(t, DEFAULT_GRANT))} "
                             f"ON {ti} TO {a}"))
    conn.execute(sa.text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {a}"))
    # The seal functions rewrite chained rows: never for the desks.
    for fn in conn.execute(sa.text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.proname LIKE 'cd\\_chain\\_seal\\_%'")).scalars():
        conn.execute(sa.text(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC, {a}"))


def apply_grants(engine: sa.Engine, app: str = APP_ROLE) -> bool:
    """Re-apply :data:`TABLE_GRANTS` to the app role (after a migration). Does nothing and
    returns False when the role does not exist (a single-user or embedded database)."""
    with engine.begin() as conn:
        if not _role_exists(conn, app):
            return False
        _grant(conn, _ident(app))
    return True


_WHO = sa.text("""
    SELECT current_user AS me, r.rolsuper AS superuser,
           COALESCE(pg_has_role(current_user, c.relowner, 'MEMBER'), false) AS owner
      FROM pg_roles r
      LEFT JOIN pg_class c ON c.relname = 'insurance_verification_audits'
                          AND c.relnamespace = 'public'::regnamespace
     WHERE r.rolname = current_user
""")


def privilege_warning(engine: sa.Engine, *, embedded: bool) -> Msg | None:
    """A warning for the status bar when a desk runs on a shared server as a superuser or as
    the owner of the tables (either can switch the audit's triggers off); None otherwise and
    always on the embedded server, which only this computer's user can reach."""
    if embedded:
        return None
    with engine.connect() as conn:
        r = conn.execute(_WHO).one()
    if r.superuser:
        what = M("superuser", "a PostgreSQL superuser")
    elif r.owner:
        what = M("owner", "the owner of the tables")
    else:
        return None
    message = M("privileged_connection",
                "Connected to the shared database as {user}, {what}: the audit and money "
                "records are only tamper-evident, not protected. Ask the administrator to run "
                "'python -m app db create-roles' and connect the desks as {app_role}.",
                user=r.me, what=what, app_role=APP_ROLE)
    log.warning("%s", message)
    return message
