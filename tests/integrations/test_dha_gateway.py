"""make_gateway: one gateway per mode, each labelling its data source."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.enums import DataSource
from app.domain.errors import IntegrationError
from app.integrations.dha.client import DhaClient
from app.integrations.dha.gateway import MockGateway, NotConfiguredGateway, make_gateway
from app.integrations.dha.modes import FALLBACK_SOURCE, DhaMode
from app.integrations.dha.scenarios import eid_for
from app.integrations.ports import EligibilityGateway
from tests.integrations.dha_helpers import unique_credentials

DAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(("mode", "source", "flag"), [
    (DhaMode.LIVE, DataSource.DHA_LIVE, "PRODUCTION"),
    (DhaMode.SANDBOX, DataSource.DHA_SANDBOX, "TEST"),
    (DhaMode.MOCK, DataSource.MOCK_DATA, "TEST"),
    (DhaMode.NOT_CONFIGURED, DataSource.NOT_CONFIGURED, "TEST"),
])
def test_each_mode_names_its_data_source(mode, source, flag):
    assert mode.data_source is source
    assert mode.disposition_flag == flag
    assert FALLBACK_SOURCE is DataSource.CACHED_DB


def test_not_configured_gateway_never_touches_the_network():
    gw = make_gateway("LIVE", None, "https://dhpo.eclaimlink.ae/ValidateTransactions.asmx")
    assert isinstance(gw, NotConfiguredGateway) and isinstance(gw, EligibilityGateway)
    assert not gw.configured and gw.data_source is DataSource.NOT_CONFIGURED
    with pytest.raises(IntegrationError, match="no credentials") as err:
        gw.check_eligibility(eid_for("ELIGIBLE"), DAY)
    assert err.value.details["reason"] == "not_configured"


def test_mock_gateway_runs_its_own_sandbox_and_says_simulated():
    gw = make_gateway(DhaMode.MOCK, None, None, timeout=5)
    try:
        assert isinstance(gw, MockGateway) and gw.configured
        r = gw.check_eligibility(eid_for("COPAY_INCREASED"), DAY)
        assert r.data_source is DataSource.MOCK_DATA and r.simulated and r.eligible
        assert "SIMULATED" in gw.message
    finally:
        gw.close()


def test_sandbox_mode_is_a_dha_client_on_the_configured_endpoint(sandbox):
    gw = make_gateway("SANDBOX", unique_credentials(), sandbox.url, 4.0)
    try:
        assert isinstance(gw, DhaClient) and isinstance(gw, EligibilityGateway)
        assert gw.timeout == 4.0
        r = gw.check_eligibility(eid_for("ELIGIBLE"), DAY)
        assert r.data_source is DataSource.DHA_SANDBOX
    finally:
        gw.close()
