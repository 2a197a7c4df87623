"""`python -m app setup --file clinic.toml`: onboarding without the wizard.

Reads the setup file (format: docs/setup-example.toml), takes the first administrator's
password from ``CLINICDESK_ADMIN_PASSWORD`` or asks for it twice at the terminal (never from
the file), checks everything before touching the database, then calls the same
``OnboardingService.create_clinic`` as the wizard. Bad input raises a DomainError, which
``app/__main__.py`` prints as one sentence with exit status 2.
"""

from __future__ import annotations

import getpass
import os
import sys
import tomllib
from pathlib import Path

from app.config import Settings
from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.domain.onboarding import check_password, normalize_setup, setup_from_mapping

M = messages(__name__)

PASSWORD_ENV = "CLINICDESK_ADMIN_PASSWORD"


def read_setup_file(path: str | os.PathLike[str]) -> dict:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError(M("setup_file_file_does", "The setup file {file} does not exist.",
                                file=file)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(M("setup_file_file_read", "The setup file {file} cannot be "
                                "read: {exc}.", file=file, exc=exc)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(M("setup_file_file_valid", "The setup file {file} is not valid "
                                "TOML: {exc}.", file=file, exc=exc)) from None


def _password(username: str, full_name: str) -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise ValidationError(M("set_password_env_run", "Set {variable} or run setup at a "
                                "terminal to type the administrator's password.",
                                variable=PASSWORD_ENV))
    for _attempt in range(3):
        first = getpass.getpass(f"Password for {username}: ")
        try:
            check_password(first, username, full_name)
        except ValidationError as exc:
            print(exc.message, file=sys.stderr)
            continue
        if getpass.getpass("The same password again: ") == first:
            return first
        print("The two passwords differ.", file=sys.stderr)
    raise ValidationError(M("acceptable_password_given_nothing", "No acceptable password was "
                            "given; nothing was created."))


def run_setup(settings: Settings, path: str) -> int:
    from app import bootstrap
    from app.services.onboarding import OnboardingService

    data = read_setup_file(path)
    # Check the file before asking for a password or opening the database.
    draft = normalize_setup(setup_from_mapping(data, admin_password=""),
                            check_admin_password=False)
    password = _password(draft.admin_username, draft.admin_full_name or "")
    setup = normalize_setup(setup_from_mapping(data, admin_password=password))
    db = bootstrap.open_database(settings)
    try:
        made = OnboardingService(db.uow).create_clinic(setup, workstation=settings.workstation)
    finally:
        db.dispose()
    print(f"Created {made.hospital_name} ({made.hospital_code}, id {made.hospital_id}): "
          f"administrator {made.admin_username}, {made.gl_accounts} ledger accounts, "
          f"{made.charge_items} charge items, {made.payers} payers, "
          f"{made.departments} departments. Sign in as {made.admin_username}.")
    return 0
