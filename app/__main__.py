"""`python -m app`: the desktop app, and the admin subcommands.

    python -m app                     open the desk (embedded PostgreSQL unless DATABASE_URL)
    python -m app db upgrade          migrate the database to head
    python -m app db status           show the database URL and migration
    python -m app demo                create the demo hospital (idempotent)
    python -m app setup --file clinic.toml   set up a clinic on an empty database (no wizard)
    python -m app create-user ...     add a user for a real deployment
    python -m app copay quote ID --json   print a copay quote with every figure
    python -m app screenshots DIR     render every screen offscreen to PNG

Errors print one clear line to stderr and exit non-zero; no tracebacks for expected failures.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from app.domain.errors import DomainError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m app", description="ClinicDesk")
    p.add_argument("--verbose", "-v", action="store_true", help="log debug output")
    sub = p.add_subparsers(dest="command")
    db = sub.add_parser("db", help="database administration")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    dbsub.add_parser("upgrade", help="apply migrations up to head")
    dbsub.add_parser("status", help="show database URL and migration revision")
    sub.add_parser("demo", help="create the demo hospital (idempotent)")
    st = sub.add_parser("setup", help="set up a clinic on an empty database from a TOML file",
                        description="Create the hospital, its first administrator, chart of "
                                    "accounts, charge master, payers and departments, as the "
                                    "setup wizard does. The administrator's password is read "
                                    "from CLINICDESK_ADMIN_PASSWORD or asked for twice; never "
                                    "from the file. Example: docs/setup-example.toml.")
    st.add_argument("--file", required=True, help="the clinic's setup file (TOML)")
    cu = sub.add_parser("create-user", help="create a user")
    cu.add_argument("--hospital", required=True, help="hospital code, e.g. DXB01")
    cu.add_argument("--username", required=True)
    cu.add_argument("--full-name", required=True)
    cu.add_argument("--role", required=True,
                    choices=["RECEPTIONIST", "NURSE", "DOCTOR", "ACCOUNTANT", "HOSPITAL_ADMIN",
                             "SUPER_ADMIN"])
    cu.add_argument("--password", help="prompted for when omitted")
    cp = sub.add_parser("copay", help="copay tools")
    cpsub = cp.add_subparsers(dest="copay_command", required=True)
    q = cpsub.add_parser("quote", help="print the copay quote of an appointment")
    q.add_argument("appointment_id", type=int)
    q.add_argument("--json", action="store_true", help="JSON with every figure")
    sh = sub.add_parser("screenshots", help="render every screen offscreen to PNG files")
    sh.add_argument("directory")
    sync = sub.add_parser("sync", help="background jobs")
    sync.add_argument("--once", action="store_true", help="run each job once and exit")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return _run(args)
    except DomainError as exc:
        print(f"clinicdesk: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    from app.config import load_settings

    settings = load_settings()
    if args.command is None:
        from app.ui.app import run_gui

        return run_gui(settings)

    from app import bootstrap

    if args.command == "db":
        if args.db_command == "upgrade":
            db = bootstrap.open_database(settings, upgrade=True)
            print(f"database at head ({bootstrap.migrate.head_revision()})")
        else:
            db = bootstrap.open_database(settings, upgrade=False)
            rev = bootstrap.migrate.current_revision(db.engine)
            print(f"url: {db.engine.url.render_as_string(hide_password=True)}")
            print(f"revision: {rev or 'empty database'} (head {bootstrap.migrate.head_revision()})")
        db.dispose()
        return 0
    if args.command == "demo":
        from app import demo

        db = bootstrap.open_database(settings)
        summary = demo.create_demo(db.session_factory)
        print(summary)
        db.dispose()
        return 0
    if args.command == "setup":
        from app.onboarding_cli import run_setup

        return run_setup(settings, args.file)
    if args.command == "create-user":
        from app.domain.enums import Role
        from app.services.auth import AuthService

        password = args.password or getpass.getpass("Password: ")
        db = bootstrap.open_database(settings)
        uid = AuthService(db.uow).create_user(args.hospital, args.username, args.full_name,
                                              Role(args.role), password)
        print(f"created user {args.username} (id {uid})")
        db.dispose()
        return 0
    if args.command == "copay":
        from app.services.copay_cli import quote_json

        db = bootstrap.open_database(settings)
        print(quote_json(db.uow, args.appointment_id))
        db.dispose()
        return 0
    if args.command == "screenshots":
        from app.ui.screenshots import render_all

        return render_all(settings, args.directory)
    if args.command == "sync":
        from app.sync.scheduler import run_once

        return run_once(settings)
    return 1


if __name__ == "__main__":
    sys.exit(main())
