"""Regenerate migrations/versions/0001_initial.py from the models (before the first release only).

ClinicDesk has landed, so databases made by 0001 exist: schema changes now go in new revisions
(``alembic revision``, e.g. 0002) and this script refuses to run while any exists.

Usage: python scripts/regen_initial_migration.py [ADMIN_URL]
Creates a scratch database on the server at ADMIN_URL (default: TEST_DATABASE_URL or the local
server), autogenerates the initial revision against it, appends the SQL rules of app/db/rules.py,
and drops the scratch database.
"""

from __future__ import annotations

import os
import re
import sys
import uuid
from pathlib import Path

import psycopg
from alembic import command

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from app.db.migrate import MIGRATIONS, alembic_config  # noqa: E402

TARGET = MIGRATIONS / "versions" / "0001_initial.py"


def main() -> None:
    later = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py")
                   if not p.name.startswith("0001_"))
    if later:
        sys.exit(f"refusing: later revisions exist ({', '.join(later)}); databases made by 0001 "
                 "are in use, so write a new revision instead of rewriting 0001")
    admin = (sys.argv[1] if len(sys.argv) > 1 else None) or os.environ.get(
        "TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"cd_regen_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", admin.split("://", 1)[1], count=1)
        url = "postgresql://" + url
        TARGET.unlink(missing_ok=True)
        for f in (MIGRATIONS / "versions").glob("*.py"):
            f.unlink()
        command.revision(alembic_config(url), message="initial schema", autogenerate=True,
                         rev_id="0001", head="base")
        generated = next((MIGRATIONS / "versions").glob("0001_*.py"))
        text = generated.read_text()
        text = text.replace("from alembic import op\n",
                            "from alembic import op\n\nfrom app.db import rules\n", 1)
        text = re.sub(r"(def upgrade\(\) -> None:\n(?:.*\n)*?)(\n\ndef downgrade)",
                      lambda m: m.group(1) + "    for statement in rules.UPGRADE_SQL:\n"
                      "        op.execute(statement)\n" + m.group(2), text, count=1)
        text = text.replace("def downgrade() -> None:\n",
                            "def downgrade() -> None:\n    for statement in rules.DOWNGRADE_SQL:\n"
                            "        op.execute(statement)\n", 1)
        generated.unlink()
        TARGET.write_text(text)
        print(f"wrote {TARGET}")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
