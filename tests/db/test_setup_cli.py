
"""`python -m app setup --file clinic.toml` in a subprocess on a blank database: the example
file in docs/ creates a clinic whose administrator signs in; bad input exits with status 2
and one clear sentence, and creates nothing; the password never comes from the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.domain.accounts import CHART_OF_ACCOUNTS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "setup-example.toml"
PASSWORD = "Olive-Harbour-Lamp-19"


def _run(url: str, tmp_path: Path, *args: str, password: str | None = PASSWORD,
         stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLINICDESK_ADMIN_PASSWORD"}
    env.update(DATABASE_URL=url, PYTHONPATH=str(ROOT), CLINICDESK_SYNC="false",
               CLINICDESK_DATA_DIR=str(tmp_path), CLINICDESK_CONFIG=str(tmp_path / "none.toml"))
    if password is not None:
        env["CLINICDESK_ADMIN_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "app", "setup", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120, check=False)


def _count(url: str, table: str) -> int:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as c:
            return c.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def test_example_file_creates_a_clinic_the_admin_signs_into(blank_db_url, tmp_path):
    proc = _run(blank_db_url, tmp_path, "--file", str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    assert "Created Jumeirah Family Clinic (JFC01" in proc.stdout
    assert PASSWORD not in proc.stdout + proc.stderr
    assert _count(blank_db_url, "hospitals") == 1
    assert _count(blank_db_url, "charge_master") == 4
    assert _count(blank_db_url, "gl_accounts") == len(CHART_OF_ACCOUNTS)
    assert _count(blank_db_url, "insurance_payers") == 2
    assert _count(blank_db_url, "patients") == 0  # no demo data

    from app.db.session import make_engine, make_session_factory
    from app.services.auth import AuthService
    from app.services.unit_of_work import uow_factory

    engine = make_engine(blank_db_url, pool_size=1)
    try:
        signed = AuthService(uow_factory(make_session_factory(engine))).login(
            "mariam.k", PASSWORD, "cli-test")
        assert signed.actor.role.value == "HOSPITAL_ADMIN"
    finally:
        engine.dispose()

    # A second run refuses: the database has its clinic.
    again = _run(blank_db_url, tmp_path, "--file", str(EXAMPLE))
    assert again.returncode == 2
    assert "already has a clinic" in again.stderr and "Traceback" not in again.stderr
    assert _count(blank_db_url, "hospitals") == 1


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD = EXAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("edit, password, message", [
    (lambda t: t.replace('trn = "100123456700003"', 'trn = "1234"'), PASSWORD, "15"),
    (lambda t: t.replace('timezone = "Asia/Dubai"', 'timezone = "Dubai/Nowhere"'), PASSWORD,
     "time zone"),
    (lambda t: t.replace('fee = "250.00"                       #', 'fee = 250.5 #', 1),
     PASSWORD, "floating-point"),
    (lambda t: t.replace('username = "mariam.k"', 'username = "mariam.k"\npassword = "x"'),
     PASSWORD, "must not hold a password"),
    (lambda t: t + "\n[[[broken", PASSWORD, "not valid TOML"),
    (lambda t: t, "short", "too weak"),
    (lambda t: t, "mariam.k-the-administrator", "username"),
])
def test_bad_input_exits_2_with_one_sentence_and_creates_nothing(blank_db_url, tmp_path, edit,
                                                                 password, message):
    proc = _run(blank_db_url, tmp_path, "--file", _write(tmp_path, edit(GOOD)),
                password=password)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("clinicdesk: ")
    assert _count(blank_db_url, "hospitals") == 0


def test_missing_file_and_no_password_source(blank_db_url, tmp_path):
    proc = _run(blank_db_url, tmp_path, "--file", str(tmp_path / "nope.toml"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    # No env var and no terminal: it says how to give the password instead of hanging.
    proc = _run(blank_db_url, tmp_path, "--file", str(EXAMPLE), password=None)
    assert proc.returncode == 2 and "CLINICDESK_ADMIN_PASSWORD" in proc.stderr
    assert _count(blank_db_url, "hospitals") == 0
