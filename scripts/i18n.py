#!/usr/bin/env python3
"""Keep the translation catalogue: ``python scripts/i18n.py update|missing|fill|check|build``.

    update              rewrite resources/i18n/ar/<module>.ts from the source (keeps translations)
    missing [MODULE…]   print the untranslated entries as JSON {source: ""}
    fill FILE.json      put the translations of such a JSON file into the catalogue
    check [MODULE…]     list what keeps the catalogue from being complete (exit 1 if anything)
    build               compile resources/i18n/clinicdesk_ar.qm with Qt's lrelease
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import i18n_catalogue as catalogue  # noqa: E402

LANG = "ar"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        for module in catalogue.update(LANG):
            print(f"updated {module}")
        return 0
    if command == "missing":
        print(catalogue.to_json(catalogue.missing(LANG, rest or None)))
        return 0
    if command == "fill":
        data = json.loads(Path(rest[0]).read_text(encoding="utf-8"))
        print(f"{catalogue.fill(LANG, data)} translations set")
        return 0
    if command == "check":
        problems = catalogue.check(LANG, rest or None)
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    if command == "build":
        print(catalogue.build(LANG))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
