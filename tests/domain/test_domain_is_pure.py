"""app.domain stays pure: importing all of it pulls in no Qt, no SQLAlchemy, no I/O library.

It runs in a fresh interpreter, because this test process has long since imported
SQLAlchemy (the root conftest) and would see it whatever app.domain does. Every module
under app/domain is imported through pkgutil, so a module added later is covered too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Qt and the database are the DESIGN rule; the rest are the I/O libraries the other layers
# use (network, PostgreSQL driver, keyring, PDF, scheduler), none of which belongs here.
FORBIDDEN = ("PySide6", "sqlalchemy", "psycopg", "httpx", "zeep", "keyring", "reportlab",
             "apscheduler", "alembic")

SCRIPT = f"""
import importlib, json, pkgutil, sys
import app.domain.copay, app.domain.money, app.domain.roles, app.domain.enums, app.domain.errors
import app.domain
imported = []
for info in pkgutil.walk_packages(app.domain.__path__, prefix="app.domain."):
    importlib.import_module(info.name)
    imported.append(info.name)
forbidden = {FORBIDDEN!r}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in forbidden)
print(json.dumps({{"imported": imported, "forbidden_loaded": loaded}}))
"""


def test_domain_imports_no_qt_no_sql_no_io():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["forbidden_loaded"] == [], report["forbidden_loaded"]
    imported = set(report["imported"])
    # The walk really saw the package: the modules this suite relies on are among them.
    assert {"app.domain.money", "app.domain.enums", "app.domain.errors", "app.domain.roles",
            "app.domain.copay", "app.domain.copay.engine", "app.domain.copay.cob",
            "app.domain.copay.model"} <= imported
    on_disk = {
        "app.domain." + ".".join(p.relative_to(ROOT / "app" / "domain").with_suffix("").parts)
        for p in (ROOT / "app" / "domain").rglob("*.py") if p.name != "__init__.py"
    }
    assert on_disk <= imported, on_disk - imported
