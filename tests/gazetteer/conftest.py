"""The gazetteer, built once per test session into the cache ($EVENTWIRE_CACHE or ~/.cache/eventwire)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from eventwire.resources import default_resources

    return default_resources().gazetteer


@pytest.fixture(scope="session")
def geoparser(gazetteer):
    from eventwire.gazetteer.geoparse import Geoparser

    return Geoparser(gazetteer)
