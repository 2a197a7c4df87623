"""app/resources.py: the one way to find read-only files, from source and from a bundle."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

import app
from app import resources
from app.db import migrate

REPO = Path(app.__file__).resolve().parents[1]


def test_from_source_the_root_is_the_checkout():
    assert not resources.is_frozen()
    assert resources.bundle_root() == REPO
    assert resources.resource_path("style.qss").is_file()
    assert resources.resource_path("dha", "ValidateTransactions.wsdl").is_file()
    assert resources.resource_path("fonts", "NotoSansArabic-Regular.ttf").is_file()
    assert resources.resource_path("icons", "clinicdesk.svg").is_file()
    assert (resources.migrations_path() / "env.py").is_file()
    assert resources.migrations_path() == migrate.MIGRATIONS


@pytest.fixture
def fake_bundle(tmp_path, monkeypatch):
    """A folder laid out as PyInstaller's _internal/ (resources/, migrations/), and sys as a
    frozen program sees it."""
    shutil.copytree(REPO / "resources", tmp_path / "resources")
    shutil.copytree(REPO / "migrations", tmp_path / "migrations",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    return tmp_path


def test_frozen_everything_comes_from_the_bundle(fake_bundle):
    assert resources.is_frozen()
    assert resources.bundle_root() == fake_bundle
    assert resources.resource_path() == fake_bundle / "resources"
    assert resources.resource_path("fonts", "DejaVuSans.ttf") == \
        fake_bundle / "resources" / "fonts" / "DejaVuSans.ttf"
    assert resources.resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resources.migrations_path() == fake_bundle / "migrations"
    # Nothing resolves into the checkout any more: the bundle is self-contained.
    assert REPO not in resources.resource_path("style.qss").parents


def test_frozen_migrations_are_read_from_the_bundle(fake_bundle):
    """Alembic reads the bundle's copy and finds the same head as the checkout's."""
    from_bundle = ScriptDirectory(str(resources.migrations_path())).get_current_head()
    assert from_bundle == ScriptDirectory(str(REPO / "migrations")).get_current_head()
    assert from_bundle == migrate.head_revision()


def test_frozen_without_the_folders_they_are_not_found(tmp_path, monkeypatch):
    """A broken bundle (resources/ not collected) shows up as missing files, not as files
    silently taken from somewhere else."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert not resources.resource_path("style.qss").exists()


def test_spawned_sandbox_is_refused_in_a_bundle(monkeypatch):
    from app.integrations.opendental import sandbox

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(RuntimeError, match="not available in the packaged application"):
        sandbox.spawn_sandbox(patients=1, appointments=1, claims=1)
