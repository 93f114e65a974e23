"""The canonical sample (../shared/samples/erbil-2024-01-16.txt), coded as an analyst would (issue 3).
No rule in src/ names this article: these are the behaviours the general rules must produce."""

from __future__ import annotations

import math

import pytest

import eventwire
from eventwire.readers import read


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def events(shared_dir, pipeline):
    return list(eventwire.extract(shared_dir / "samples/erbil-2024-01-16.txt", pipeline=pipeline))


def test_strike_on_erbil(events):
    strikes = [e for e in events if e.event_type == "ASSAULT" and e.actor1_country == "IRN"
               and e.actor1_sector == "MIL"]
    assert strikes, "no ASSAULT by an Iranian military actor"
    e = strikes[0]
    assert e.latitude is not None and km(e.latitude, e.longitude, 36.19, 44.01) <= 25, e.geo_reason
    assert e.country_iso3 == "IRQ"
    assert e.event_date == "2024-01-15", e.date_raw
    assert e.fatalities is not None and e.fatalities >= 2, e.casualty_reason
    assert e.claim_status == "claimed", e.attribution_reason


def test_us_accuses_iran(events):
    assert any(e.event_type == "ACCUSE" and e.actor1_country == "USA" and e.actor2_country == "IRN"
               for e in events)


def test_guards_threaten(events):
    assert any(e.event_type == "THREATEN" and e.actor1_country == "IRN" for e in events)


def test_background_events(events):
    houthi = [e for e in events if e.event_type == "ASSAULT" and e.actor1_country == "YEM"]
    assert houthi and houthi[0].actor1_sector == "REB"
    assert houthi[0].location_name == "Red Sea"
    us_uk = [e for e in events if e.event_type == "ASSAULT" and e.actor1_country == "USA"]
    assert us_uk and us_uk[0].country_iso3 == "YEM"


def test_houthis_are_never_a_country(events):
    for e in events:
        for n in ("1", "2"):
            if "houthi" in (getattr(e, f"actor{n}_text") or "").lower():
                assert getattr(e, f"actor{n}_sector") not in (None, "GOV"), e


def test_evidence_slices_the_text(events, shared_dir):
    art = next(read([str(shared_dir / "samples/erbil-2024-01-16.txt")]))
    for e in events:
        assert art.text[e.evidence_start:e.evidence_end] == e.evidence_text


def test_strike_also_reported_by_iraqi_security_sources(events):
    strike = next(e for e in events if e.event_type == "ASSAULT" and e.actor1_country == "IRN"
                  and e.actor1_sector == "MIL")
    assert "Iraqi security sources" in strike.attribution_reason
