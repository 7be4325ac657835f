from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from footprint.domain.footprint import Usage, entry_captures, footprint, usage_of
from footprint.domain.journal import Entry, ProfilePeriod
from footprint.services import load_catalog

DAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Path("/nonexistent-config"))


def test_active_is_count_times_captures_per_use(catalog) -> None:
    card = catalog.get("bank-card")
    fp = footprint({"bank-card": Usage(count=3)}, [], catalog)
    assert fp.active == 3 * card.captures_per_use.value
    assert fp.passive == 0
    assert fp.total == fp.active


def test_minutes_count_where_the_catalog_gives_a_rate(catalog) -> None:
    phone = catalog.get("smartphone")
    assert phone.captures_per_minute is not None
    fp = footprint({"smartphone": Usage(count=1, minutes=30)}, [], catalog)
    assert fp.active == pytest.approx(phone.captures_per_use.value + 30 * phone.captures_per_minute.value)


def test_passive_comes_from_the_profile_whatever_you_log(catalog) -> None:
    profile = [ProfilePeriod("smart-meter", date(2026, 1, 1)), ProfilePeriod("smartphone", date(2026, 1, 1))]
    fp = footprint({}, profile, catalog)
    assert fp.passive == 1  # the meter's daily index; an active phone adds nothing passively
    assert fp.active == 0
    assert footprint({}, [ProfilePeriod("smart-meter", date(2026, 1, 1), state="load-curve")], catalog).passive == 48


def test_collectors_share_each_touchpoint_and_add_up_to_the_total(catalog) -> None:
    profile = [ProfilePeriod("smart-meter", date(2026, 1, 1))]
    fp = footprint({"bank-card": Usage(2), "facebook": Usage(5, 20)}, profile, catalog)
    assert sum(fp.by_collector.values()) == pytest.approx(fp.total)
    assert sum(c.total for c in fp.by_touchpoint.values()) == pytest.approx(fp.total)
    card = catalog.get("bank-card")
    for collector in card.collectors:
        assert fp.by_collector[collector] >= 2 * card.captures_per_use.value / len(card.collectors) - 1e-9


def test_unknown_touchpoints_count_zero_and_are_named(catalog) -> None:
    fp = footprint({"gone-service": Usage(4)}, [], catalog)
    assert fp.total == 0 and fp.unknown == ("gone-service",)


def test_usage_and_entry_captures_agree(catalog) -> None:
    at = datetime(2026, 11, 22, 8, 0, tzinfo=ZoneInfo("Europe/Paris"))
    entries = [Entry(1, at, DAY, "smartphone", 2, 10.0), Entry(2, at, DAY, "smartphone", 1)]
    usage = usage_of(entries)
    assert usage["smartphone"] == Usage(3, 10.0)
    assert footprint(usage, [], catalog).active == pytest.approx(sum(entry_captures(e, catalog) for e in entries))
