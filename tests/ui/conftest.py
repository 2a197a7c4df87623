"""GUI fixtures: a real committed database per test and an app context wired to it."""

from __future__ import annotations

import pytest

from app.config import load_settings


@pytest.fixture
def gui_settings(tmp_path, fresh_db_url):
    return load_settings(env={"DATABASE_URL": fresh_db_url, "CLINICDESK_SYNC": "false",
                              "CLINICDESK_WORKSTATION": "test-desk",
                              "CLINICDESK_DATA_DIR": str(tmp_path)},
                         config_file=tmp_path / "none.toml")


@pytest.fixture
def ctx(qapp, gui_settings):
    from app import bootstrap
    from app.ui.app import make_context

    context = make_context(gui_settings)
    context.db = bootstrap.open_database(gui_settings)
    context.services = bootstrap.build_services(context.db, gui_settings)
    yield context
    context.ops.shutdown()
    for listener in context.listeners:
        listener.stop()
    context.db.dispose()
