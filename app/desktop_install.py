"""Install the bundle for the current Linux user, with a menu entry and icon; and uninstall.

    clinicdesk-cli install-desktop                 copy the bundle to ~/.local/opt/clinicdesk,
                                                   link clinicdesk, clinicdesk-cli in ~/.local/bin,
                                                   menu entry + icon in ~/.local/share
    clinicdesk-cli install-desktop --in-place      register the bundle where it is (no copy)
    clinicdesk-cli install-desktop --uninstall     remove what was installed (the data stay)
    clinicdesk-cli install-desktop --uninstall --purge-data   ... and the data directory too

From a source checkout (``python -m app install-desktop``) nothing is copied: the menu entry
runs this interpreter with ``-m app``, and uninstalling never deletes the checkout.

What was installed is written to ``<XDG_DATA_HOME>/clinicdesk/install.json``; uninstall
removes exactly those paths, so it never guesses. The data directory (the embedded database:
patients, payments) is only removed with ``--purge-data``, and not while its server runs.
Per user and freedesktop.org only: Windows has no equivalent here (docs/installer.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import ValidationError
from app.domain.messages import messages
from app.resources import is_frozen, resource_path

M = messages(__name__)

APP_ID = "clinicdesk"
EXECUTABLES = ("clinicdesk", "clinicdesk-cli")


@dataclass(frozen=True)
class Places:
    """Where things go; from the XDG variables and HOME (tests pass their own)."""

    data_home: Path  # ~/.local/share
    bin_dir: Path  # ~/.local/bin
    opt_dir: Path  # ~/.local/opt/clinicdesk

    @classmethod
    def for_user(cls, env: dict[str, str] | None = None) -> Places:
        env = dict(os.environ if env is None else env)
        home = Path(env.get("HOME") or Path.home())
        data_home = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
        return cls(data_home=data_home, bin_dir=home / ".local" / "bin",
                   opt_dir=home / ".local" / "opt" / APP_ID)

    @property
    def desktop_file(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def manifest(self) -> Path:
        return self.data_home / APP_ID / "install.json"

    def icon(self, kind: str) -> Path:
        sub = "scalable" if kind == "svg" else "256x256"
        return self.data_home / "icons" / "hicolor" / sub / "apps" / f"{APP_ID}.{kind}"


@dataclass
class Installed:
    bundle: Path | None  # the bundle folder we copied (removed on uninstall), or None
    exec_line: str
    paths: list[Path] = field(default_factory=list)  # files and links we created

    def lines(self) -> list[str]:
        out = [f"installed: {path}" for path in self.paths]
        if self.bundle is not None:
            out.insert(0, f"bundle: {self.bundle}")
        out.append(f"menu entry runs: {self.exec_line}")
        return out


def _quote(arg: str) -> str:
    """Desktop Entry Exec quoting: arguments with reserved characters in double quotes."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace(
        "$", "\\$")
    return f'"{escaped}"'


def desktop_entry(exec_args: list[str], try_exec: str) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=ClinicDesk",
        "GenericName=Clinic front desk",
        "Comment=Front desk and billing for clinics and OPDs",
        "Comment[ar]=الاستقبال والفوترة للعيادات",
        f"Exec={' '.join(_quote(a) for a in exec_args)}",
        f"TryExec={try_exec}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;MedicalSoftware;",
        "StartupWMClass=ClinicDesk",
        "",
    ])


def _bundle_dir() -> Path:
    """The folder holding the executables (frozen only)."""
    return Path(sys.executable).resolve().parent


def _refresh_menus(places: Places) -> None:
    """Ask the desktop to re-read entries and icons; absent tools are fine (most desktops
    watch the folders anyway)."""
    for cmd in (["update-desktop-database", str(places.desktop_file.parent)],
                ["gtk-update-icon-cache", "-q", "-t", str(places.data_home / "icons" / "hicolor")]):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, capture_output=True, check=False)


def install(places: Places, *, in_place: bool = False, frozen: bool | None = None,
            bundle: Path | None = None) -> Installed:
    frozen = is_frozen() if frozen is None else frozen
    created: list[Path] = []
    copied: Path | None = None
    if frozen:
        source = (bundle or _bundle_dir()).resolve()
        target = source
        if not in_place and source != places.opt_dir.resolve():
            if places.opt_dir.exists():  # an older version of ours: replace it
                shutil.rmtree(places.opt_dir)
            places.opt_dir.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(source, places.opt_dir, symlinks=True)
            target, copied = places.opt_dir, places.opt_dir
        exec_args = [str(target / "clinicdesk")]
        try_exec = exec_args[0]
        places.bin_dir.mkdir(parents=True, exist_ok=True)
        for name in EXECUTABLES:
            link = places.bin_dir / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(target / name)
            created.append(link)
    else:  # from source: this interpreter runs the checkout's app package
        exec_args = [sys.executable, "-m", "app"]
        try_exec = sys.executable
    for kind, src in (("svg", resource_path("icons", "clinicdesk.svg")),
                      ("png", resource_path("icons", "clinicdesk.png"))):
        if src.exists():
            dest = places.icon(kind)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            created.append(dest)
    places.desktop_file.parent.mkdir(parents=True, exist_ok=True)
    places.desktop_file.write_text(desktop_entry(exec_args, try_exec), encoding="utf-8")
    places.desktop_file.chmod(0o755)
    created.append(places.desktop_file)
    result = Installed(bundle=copied, exec_line=" ".join(exec_args), paths=created)
    places.manifest.parent.mkdir(parents=True, exist_ok=True)
    places.manifest.write_text(json.dumps({
        "bundle": str(copied) if copied else None,
        "paths": [str(p) for p in created],
    }, indent=2), encoding="utf-8")
    _refresh_menus(places)
    return result


def _server_running(pgdata: Path) -> bool:
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    try:
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, 0)
    except (ValueError, IndexError, ProcessLookupError):
        return False
    except PermissionError:  # alive, owned by the server's own user (running as root)
        return True
    return True


def uninstall(places: Places, *, data_dir: Path | None = None,
              purge_data: bool = False) -> list[str]:
    """Remove what install() recorded; the data directory only with ``purge_data``."""
    if purge_data and data_dir is not None and _server_running(data_dir / "pgdata"):
        raise ValidationError(M(
            "server_running", "The embedded database in {folder} is running: close ClinicDesk "
            "on this computer first, then purge.", folder=str(data_dir)))
    if not places.manifest.exists():
        raise ValidationError(M("not_installed", "ClinicDesk is not installed for this user (no "
                                "{manifest}).", manifest=str(places.manifest)))
    record = json.loads(places.manifest.read_text(encoding="utf-8"))
    said: list[str] = []
    for raw in record.get("paths", []):
        path = Path(raw)
        if path.is_symlink() or path.is_file():
            path.unlink()
            said.append(f"removed: {path}")
    bundle = record.get("bundle")
    if bundle and Path(bundle).is_dir():
        shutil.rmtree(bundle)  # on Linux a running executable may delete its own folder
        said.append(f"removed: {bundle}")
    places.manifest.unlink()
    with_parent = places.manifest.parent
    if with_parent.is_dir() and not any(with_parent.iterdir()):
        with_parent.rmdir()
    if data_dir is not None:
        if purge_data and data_dir.exists():
            shutil.rmtree(data_dir)
            said.append(f"removed the data directory: {data_dir}")
        elif data_dir.exists():
            said.append(f"kept the data directory: {data_dir} (--purge-data removes it)")
    _refresh_menus(places)
    return said
