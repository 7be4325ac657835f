"""Collectors as data: the shipped file is valid and names every collector of the catalog; a user's file
with a mistake is refused with its file, entry and field; shares split captures as the footprint does."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from footprint.domain.collectors import Collectors, parse_collectors, shares
from footprint.domain.requests import AccessRequest, add_months
from footprint.errors import DataFileError, NotFound
from footprint.resources import shipped_dir
from footprint.services import load_catalog

X = '[[collector]]\nid = "x"\nname = "X"\nkind = "bank"\n'
IMPORTERS = ("google-takeout", "facebook", "instagram", "twitter", "linkedin", "bank", "enedis")


def shipped() -> Collectors:
    path = shipped_dir("data") / "collectors.toml"
    return parse_collectors([(str(path), tomllib.loads(path.read_text(encoding="utf-8")))], IMPORTERS)


def test_shipped_file_names_every_collector_of_the_catalog(tmp_path):
    catalog = load_catalog(tmp_path)
    found = shipped()
    assert [c for c in catalog.collectors if c not in found] == []
    for name in ("google", "meta", "enedis", "caisse-epargne", "orange", "visa", "cb", "cnam", "linkedin", "apple"):
        assert name in found


def test_every_known_controller_carries_its_sources():
    for c in shipped().entries.values():
        if c.controller is not None:
            assert c.controller.sources and all(s.startswith("https://") for s in c.controller.sources), c.id


def test_a_role_leads_to_the_organisation_the_user_named_else_its_default():
    found = shipped()
    bank, grid = found.get("bank"), found.get("grid-operator")
    assert found.behind(bank, {}).id == "bank"
    assert found.behind(bank, {"bank": "caisse-epargne"}).id == "caisse-epargne"
    assert found.behind(grid, {}).id == "enedis"
    assert found.get("google").controller.name == "Google Ireland Limited"


def test_unknown_name_says_did_you_mean():
    with pytest.raises(NotFound) as caught:
        shipped().resolve("gogle")
    assert "did you mean: google" in caught.value.message


def user_file(text: str) -> list[tuple[str, dict]]:
    path = shipped_dir("data") / "collectors.toml"
    return [(str(path), tomllib.loads(path.read_text(encoding="utf-8"))), ("mine.toml", tomllib.loads(text))]


@pytest.mark.parametrize(
    ("text", "entry", "field"),
    [
        ('[[collector]]\nid = "ma-banque"\nname = "Ma Banque"\nkind = "bankk"', "ma-banque", "kind"),
        ('[[collector]]\nid = "Ma Banque"\nname = "x"\nkind = "bank"', "Ma Banque", "id"),
        ('[[collector]]\nid = "x"\nkind = "bank"', "x", "name"),
        (X + '[collector.controller]\nname = "X SA"', "x/controller", "sources"),
        (X + '[collector.controller]\nname = "X"\ncountry = "France"\nsources = ["https://x"]', "x/controller", "country"),
        (X + '[collector.export]\nimporter = "nope"', "x/export", "importer"),
        ('[[collector]]\nid = "x"\nname = "X"\nkind = "bank"\nchoices = ["no-such-bank"]', "x", "choices"),
    ],
)
def test_a_user_file_with_a_mistake_names_file_entry_and_field(text, entry, field):
    with pytest.raises(DataFileError) as caught:
        parse_collectors(user_file(text), IMPORTERS)
    message = caught.value.message
    assert f"collector '{entry}'" in message and f"field '{field}'" in message
    assert message.startswith("mine.toml: ")


def test_a_user_entry_replaces_the_shipped_one():
    text = (
        '[[collector]]\nid = "free"\nname = "Free"\nkind = "telecom-operator"\n[collector.controller]\n'
        'name = "Free Mobile"\naddress = """\n16 rue de la Ville-l\'Évêque\n75008 Paris"""\n'
        'sources = ["https://example.org/free"]'
    )
    found = parse_collectors(user_file(text), IMPORTERS)
    assert found.get("free").controller.address == ("16 rue de la Ville-l'Évêque", "75008 Paris")
    assert found.get("free").origin == "mine.toml"


def test_shares_add_up_to_the_footprints_by_collector(tmp_path):
    from footprint.domain.footprint import Usage, footprint
    from footprint.domain.journal import ProfilePeriod

    catalog = load_catalog(tmp_path)
    START = date(2026, 1, 1)  # noqa: N806
    days = [
        footprint({"bank-card": Usage(2), "web-search": Usage(3)}, [ProfilePeriod("smart-meter", START, None, None)], catalog),
        footprint({"facebook": Usage(1, 10.0)}, [], catalog),
    ]
    got = shares(days, catalog)
    for c in {c for fp in days for c in fp.by_collector}:
        assert got[c].total == pytest.approx(sum(fp.by_collector.get(c, 0) for fp in days))
    assert got["grid-operator"].passive_share == 1.0
    assert got["bank"].passive == 0 and set(got["bank"].by_touchpoint) == {"bank-card"}
    assert list(got) == sorted(got, key=lambda c: -got[c].total)


def test_deadlines_are_calendar_months():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 22), 1) == date(2026, 12, 22)
    assert add_months(date(2026, 11, 22), 3) == date(2027, 2, 22)
    r = AccessRequest(1, "google", date(2026, 11, 22), "email")
    assert r.status(date(2026, 11, 30)) == "open"
    assert r.status(date(2026, 12, 15)) == "due-soon"
    assert r.status(date(2026, 12, 23)) == "overdue"
    assert r._replace(extended=True).status(date(2026, 12, 23)) == "open"
    assert r._replace(answered=date(2026, 12, 1)).status(date(2027, 6, 1)) == "answered"
