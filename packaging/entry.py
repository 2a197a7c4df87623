"""Entry script of the frozen executables (PyInstaller runs this as ``__main__``).

Both executables of the bundle run it: ``clinicdesk`` (windowed: the desk) and
``clinicdesk-cli`` (console: the admin commands, whose output must be visible, which a
windowed executable cannot give on Windows). They differ only by name: the console one,
started with no command, prints the help instead of opening the desk.
"""

import sys
from pathlib import Path

from app.__main__ import main

if __name__ == "__main__":
    argv = sys.argv[1:]
    if not argv and Path(sys.executable).stem.endswith("-cli"):
        argv = ["--help"]
    sys.exit(main(argv))
