"""install-desktop: menu entry, icon, links and bundle copy for one Linux user; uninstall
removes exactly what it installed and keeps the data directory unless asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import app
from app import desktop_install as di
from app.domain.errors import ValidationError

REPO = Path(app.__file__).resolve().parents[1]


@pytest.fixture
def places(tmp_path) -> di.Places:
    return di.Places.for_user({"HOME": str(tmp_path / "home")})


@pytest.fixture
def fake_bundle(tmp_path) -> Path:
    bundle = tmp_path / "dist" / "clinicdesk"
    (bundle / "_internal").mkdir(parents=True)
    for name in di.EXECUTABLES:
        (bundle / name).write_text("#!/bin/sh\necho frozen\n")
        (bundle / name).chmod(0o755)
    (bundle / "_internal" / "marker").write_text("x")
    return bundle


def test_places_follow_xdg(tmp_path):
    p = di.Places.for_user({"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert p.desktop_file == tmp_path / "xdg" / "applications" / "clinicdesk.desktop"
    assert p.bin_dir == tmp_path / ".local" / "bin"
    assert p.icon("svg") == tmp_path / "xdg" / "icons" / "hicolor" / "scalable" / "apps" / \
        "clinicdesk.svg"


def test_install_from_source_runs_this_interpreter(places):
    done = di.install(places, frozen=False)
    entry = places.desktop_file.read_text()
    assert f"Exec={di._quote(sys.executable)} -m app" in entry
    assert "Icon=clinicdesk" in entry and "Type=Application" in entry
    assert places.icon("svg").read_bytes() == (REPO / "resources/icons/clinicdesk.svg").read_bytes()
    assert places.icon("png").is_file()
    assert done.bundle is None
    assert not places.bin_dir.exists()  # no links to a checkout
    record = json.loads(places.manifest.read_text())
    assert set(record["paths"]) == {str(places.desktop_file), str(places.icon("svg")),
                                    str(places.icon("png"))}


def test_install_frozen_copies_the_bundle_and_links_both_executables(places, fake_bundle):
    done = di.install(places, frozen=True, bundle=fake_bundle)
    assert done.bundle == places.opt_dir
    assert (places.opt_dir / "_internal" / "marker").read_text() == "x"
    for name in di.EXECUTABLES:
        link = places.bin_dir / name
        assert link.is_symlink() and link.resolve() == (places.opt_dir / name).resolve()
    assert f"Exec={places.opt_dir / 'clinicdesk'}" in places.desktop_file.read_text()
    # Installing again (an upgrade) replaces the copy and the links without complaint.
    (fake_bundle / "_internal" / "marker").write_text("v2")
    di.install(places, frozen=True, bundle=fake_bundle)
    assert (places.opt_dir / "_internal" / "marker").read_text() == "v2"


def test_install_in_place_registers_the_folder_as_it_is(places, fake_bundle):
    done = di.install(places, frozen=True, bundle=fake_bundle, in_place=True)
    assert done.bundle is None and not places.opt_dir.exists()
    assert f"Exec={fake_bundle / 'clinicdesk'}" in places.desktop_file.read_text()
    di.uninstall(places)
    assert fake_bundle.is_dir()  # not ours to delete


def test_uninstall_keeps_the_data_unless_purged(places, fake_bundle, tmp_path):
    data = tmp_path / "data"
    (data / "pgdata").mkdir(parents=True)
    (data / "pgdata" / "PG_VERSION").write_text("18")
    di.install(places, frozen=True, bundle=fake_bundle)
    said = di.uninstall(places, data_dir=data)
    assert not places.opt_dir.exists() and not places.desktop_file.exists()
    assert not (places.bin_dir / "clinicdesk").is_symlink()
    assert not places.icon("svg").exists() and not places.manifest.exists()
    assert fake_bundle.is_dir()  # the build folder it was installed from stays
    assert (data / "pgdata" / "PG_VERSION").is_file()
    assert any("kept the data directory" in line for line in said)
    di.install(places, frozen=True, bundle=fake_bundle)
    di.uninstall(places, data_dir=data, purge_data=True)
    assert not data.exists()


def test_purge_refused_while_the_embedded_server_runs(places, fake_bundle, tmp_path):
    data = tmp_path / "data"
    (data / "pgdata").mkdir(parents=True)
    (data / "pgdata" / "postmaster.pid").write_text(f"{os.getpid()}\n{data}\n")
    di.install(places, frozen=True, bundle=fake_bundle)
    with pytest.raises(ValidationError, match="is running"):
        di.uninstall(places, data_dir=data, purge_data=True)
    assert data.exists() and places.desktop_file.exists()  # nothing removed


def test_uninstall_when_not_installed_says_so(places):
    with pytest.raises(ValidationError, match="not installed"):
        di.uninstall(places)


def test_exec_quoting_of_paths_with_spaces():
    assert di._quote("/opt/clinic desk/clinicdesk") == '"/opt/clinic desk/clinicdesk"'
    assert di._quote("/usr/bin/python3") == "/usr/bin/python3"


def test_cli_purge_needs_uninstall(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=str(REPO),
               CLINICDESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "app", "install-desktop", "--purge-data"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--purge-data goes with --uninstall" in result.stderr
