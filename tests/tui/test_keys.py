"""Today's key letters (pure): fixed by the catalog, the same whatever else the profile holds and in
whatever order it was filled."""

from __future__ import annotations

from footprint.tui.keys import assign, home_letters


def test_keys_are_fixed_by_the_catalog_not_by_the_profile() -> None:
    catalog = ("computer", "smartphone", "tablet", "smart-tv", "bank-card", "health-card", "mobile-payment")
    catalog += ("smart-meter", "maps", "messaging")
    seed = assign(["smart-meter", "health-card", "bank-card", "smartphone", "computer"], catalog)
    assert seed == {"computer": "c", "smartphone": "s", "bank-card": "b", "health-card": "h", "smart-meter": "m"}
    # Whatever comes before or after them, in whatever order, the five keep their letters.
    more = assign(["mobile-payment", "smart-tv", "tablet", *seed, "maps", "messaging"], catalog)
    assert {tp: more[tp] for tp in seed} == seed
    assert assign(["smart-meter"], catalog) == {"smart-meter": "m"}
    assert more["mobile-payment"] == "p" and more["tablet"] == "t" and more["maps"] == "a"
    # smart-tv owns no letter (s and t are taken): it borrows one, the same in any order of the profile.
    assert more["smart-tv"] == assign(["smart-tv", "tablet", "maps", "messaging", *seed], catalog)["smart-tv"]
    assert len(set(more.values())) == len(more)


def test_in_the_shipped_catalog_each_letter_has_one_owner_and_the_seed_keeps_its_initials(svc) -> None:
    ids = tuple(tp.id for tp in svc.catalog.touchpoints)
    home = home_letters(ids)
    assert len(set(home.values())) == len(home) >= 20
    assert {tp: home[tp] for tp in ("computer", "smartphone", "bank-card", "health-card", "smart-meter")} == {
        "computer": "c",
        "smartphone": "s",
        "bank-card": "b",
        "health-card": "h",
        "smart-meter": "m",
    }
