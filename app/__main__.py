"""`python -m app`: the desktop app, and the admin subcommands.

    python -m app                     open the desk (embedded PostgreSQL unless DATABASE_URL)
    python -m app db upgrade          migrate the database to head
    python -m app db status           show the database URL and migration
    python -m app db create-roles     owner + least-privilege desk role on a shared server
    python -m app audit verify [--hospital CODE]   check the audit/activity/journal hash chains
    python -m app demo                create the demo hospital (idempotent)
    python -m app setup --file clinic.toml   set up a clinic on an empty database (no wizard)
    python -m app create-user ...     add a user for a real deployment
    python -m app copay quote ID --json   print a copay quote with every figure
    python -m app screenshots DIR     render every screen offscreen to PNG
    python -m app sessions --hospital CODE [--revoke ID]   list open sign-ins, or end one
    python -m app install-desktop [--in-place | --uninstall [--purge-data]]   Linux menu entry
    python -m app --smoke             start, show sign-in, check the database, print timings, exit

From the bundle (docs/installer.md) the same commands are ``clinicdesk-cli ...``.

Errors print one clear line to stderr and exit non-zero; no tracebacks for expected failures.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from app.domain.errors import DomainError


def _parser() -> argparse.ArgumentParser:
    from app.resources import is_frozen

    p = argparse.ArgumentParser(prog="clinicdesk-cli" if is_frozen() else "python -m app",
                                description="ClinicDesk")
    p.add_argument("--verbose", "-v", action="store_true", help="log debug output")
    p.add_argument("--smoke", action="store_true",
                   help="start the desk, show sign-in, check the database is up and migrated, "
                        "print timings and exit (CI, after installing)")
    sub = p.add_subparsers(dest="command")
    db = sub.add_parser("db", help="database administration")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    dbsub.add_parser("upgrade", help="apply migrations up to head")
    dbsub.add_parser("status", help="show database URL and migration revision")
    cr = dbsub.add_parser(
        "create-roles", help="create the owner and the least-privilege desk role (idempotent); "
        "passwords from CLINICDESK_OWNER_PASSWORD / CLINICDESK_APP_PASSWORD or prompted")
    cr.add_argument("--owner", default="clinicdesk_owner", help="owner role (migrations)")
    cr.add_argument("--app-role", default="clinicdesk_app", help="the desks' login role")
    cr.add_argument("--no-password-prompt", action="store_true",
                    help="never prompt: set passwords only from the environment")
    au = sub.add_parser("audit", help="audit tools")
    ausub = au.add_subparsers(dest="audit_command", required=True)
    av = ausub.add_parser("verify", help="verify the hash chains; exit 1 on a broken link")
    av.add_argument("--hospital", help="hospital code (default: every hospital)")
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
    ss = sub.add_parser("sessions", help="list a hospital's open sign-ins, or end one")
    ss.add_argument("--hospital", required=True, help="hospital code, e.g. DXB01")
    ss.add_argument("--revoke", metavar="SESSION_ID", help="end this session now")
    sync = sub.add_parser("sync", help="background jobs")
    sync.add_argument("--once", action="store_true", help="run each job once and exit")
    sync.add_argument("job", nargs="?", help="only this job (e.g. appointments_today)")
    di = sub.add_parser("install-desktop", help="install for this user with a menu entry and "
                        "icon (Linux); --uninstall removes it and keeps the data")
    di.add_argument("--in-place", action="store_true",
                    help="register the bundle where it is instead of copying it to "
                         "~/.local/opt/clinicdesk")
    di.add_argument("--uninstall", action="store_true",
                    help="remove the menu entry, icon, links and the installed bundle")
    di.add_argument("--purge-data", action="store_true",
                    help="with --uninstall: also delete the data directory (the embedded "
                         "database with every patient and payment)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return _run(args)
    except DomainError as exc:
        if args.command == "copay":  # prints JSON: the refusal as JSON too, with its code
            import json

            from app.services.message_text import error_dict

            print(json.dumps({"error": error_dict(exc)}, indent=2, ensure_ascii=False))
        print(f"clinicdesk: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    from app.config import load_settings

    settings = load_settings()
    if args.command is None:
        from app.ui.app import run_gui

        return run_gui(settings, smoke=args.smoke)

    from app import bootstrap

    if args.command == "db" and args.db_command == "create-roles":
        return _create_roles(args, settings)
    if args.command == "audit":
        from app.db.chain_verify import verify_chains

        db = bootstrap.open_database(settings, upgrade=False)
        try:
            report = verify_chains(db.engine, args.hospital)
        finally:
            db.dispose()
        print("\n".join(report.lines()))
        if not report.ok:
            print(f"clinicdesk: {len(report.breaks)} broken chain(s)", file=sys.stderr)
            return 1
        print("every chain verifies")
        return 0
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
    if args.command == "sessions":
        from app.services import sessions_cli

        db = bootstrap.open_database(settings)
        try:
            if args.revoke:
                print(sessions_cli.revoke(db.uow, args.hospital, args.revoke))
            else:
                print(sessions_cli.sessions_text(db.uow, args.hospital))
        finally:
            db.dispose()
        return 0
    if args.command == "sync":
        from app.sync.scheduler import run_once

        return run_once(settings, args.job)
    if args.command == "install-desktop":
        return _install_desktop(args, settings)
    return 1


def _install_desktop(args: argparse.Namespace, settings) -> int:
    from app import desktop_install

    if not sys.platform.startswith("linux"):
        print("clinicdesk: install-desktop makes a Linux (freedesktop.org) menu entry; on "
              "Windows see docs/installer.md", file=sys.stderr)
        return 2
    places = desktop_install.Places.for_user()
    if args.purge_data and not args.uninstall:
        print("clinicdesk: --purge-data goes with --uninstall", file=sys.stderr)
        return 2
    if args.uninstall:
        lines = desktop_install.uninstall(places, data_dir=settings.data_dir,
                                          purge_data=args.purge_data)
    else:
        lines = desktop_install.install(places, in_place=args.in_place).lines()
    print("\n".join(lines))
    return 0


def _password(env_name: str, role: str, args: argparse.Namespace, new: bool) -> str | None:
    """From the environment, else prompted (twice) for a role being created; never echoed or
    printed. An existing role keeps its password unless one is given in the environment."""
    import os

    value = os.environ.get(env_name)
    if value or args.no_password_prompt or not new:
        return value or None
    while True:
        first = getpass.getpass(f"Password for the new role {role}: ")
        if len(first) < 12:
            print("Use at least 12 characters.", file=sys.stderr)
            continue
        if getpass.getpass("Again: ") == first:
            return first
        print("The two passwords differ; try again.", file=sys.stderr)


def _create_roles(args: argparse.Namespace, settings) -> int:
    import sqlalchemy as sa

    from app import bootstrap
    from app.db.roles import create_roles

    db = bootstrap.open_database(settings, upgrade=True)
    try:
        with db.engine.connect() as conn:
            existing = set(conn.execute(sa.text(
                "SELECT rolname FROM pg_roles WHERE rolname IN (:o, :a)"),
                {"o": args.owner, "a": args.app_role}).scalars())
        setup = create_roles(
            db.engine, owner=args.owner, app=args.app_role,
            owner_password=_password("CLINICDESK_OWNER_PASSWORD", args.owner, args,
                                     args.owner not in existing),
            app_password=_password("CLINICDESK_APP_PASSWORD", args.app_role, args,
                                   args.app_role not in existing))
    except sa.exc.ProgrammingError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"clinicdesk: could not set up the roles ({reason}). Run this as a PostgreSQL "
              "superuser (or a role with CREATEROLE that owns the database).", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    made = ", ".join(setup.created) or "none (both existed)"
    print(f"database {setup.database}: owner {setup.owner}, desk role {setup.app}; "
          f"created: {made}")
    print(f"Migrations: DATABASE_URL=postgresql://{setup.owner}@HOST/{setup.database} "
          "python -m app db upgrade")
    print(f"Desks:      DATABASE_URL=postgresql://{setup.app}@HOST/{setup.database} "
          f"(password: keyring set ClinicDesk-Database {setup.app}, or ~/.pgpass)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
