import re
from pathlib import Path

import pytest

from footprint.domain.catalog import parse_catalog
from footprint.errors import DataFileError, NotFound
from footprint.services import load_catalog, read_toml


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Path("/nonexistent-config"))


def test_ships_at_least_thirty_touchpoints_covering_the_seed(catalog) -> None:
    assert len(catalog.touchpoints) >= 30
    for tp_id in ("computer", "smartphone", "bank-card", "health-card", "smart-meter"):
        assert tp_id in catalog
    for tp_id in (
        "connected-watch",
        "transit-pass",
        "loyalty-card",
        "self-checkout",
        "email",
        "web-search",
        "maps",
        "messaging",
        "facebook",
        "instagram",
        "twitter",
        "linkedin",
        "video-streaming",
        "music-streaming",
        "online-shopping",
        "voice-assistant",
        "smart-tv",
        "connected-car",
        "work-badge",
        "public-wifi",
        "cctv",
    ):
        assert tp_id in catalog


@pytest.mark.parametrize(
    ("name", "tp_id"),
    [
        ("linky", "smart-meter"),
        ("Compteur", "smart-meter"),
        ("CB", "bank-card"),
        ("carte-bancaire", "bank-card"),
        ("carte vitale", "health-card"),
        ("Carte_Vitale", "health-card"),
        ("portable", "smartphone"),
        ("ordi", "computer"),
        ("SMARTPHONE", "smartphone"),
    ],
)
def test_names_resolve_by_alias_case_and_accent_insensitive(catalog, name: str, tp_id: str) -> None:
    assert catalog.resolve(name).id == tp_id


def test_unknown_name_suggests(catalog) -> None:
    with pytest.raises(NotFound, match="did you mean: smartphone"):
        catalog.resolve("smartfone")


def test_every_estimate_is_justified_and_labelled_in_both_languages(catalog) -> None:
    for tp in catalog.touchpoints:
        assert tp.label.en and tp.label.fr
        assert tp.captures_per_use.why
        if tp.passive:
            assert tp.passive_per_day is not None and tp.passive_per_day.value > 0
        for c in tp.collectors:
            assert c in catalog.collectors


def test_every_shipped_estimate_is_explained_in_french(catalog) -> None:
    """The shipped catalog explains each estimate in both languages (a table { en, fr }), and the French is
    not the English copied: a user's own file may hold one line for every language, the shipped one not."""
    estimates = [
        (tp.id, e)
        for tp in catalog.touchpoints
        for e in (
            tp.captures_per_use, tp.captures_per_minute, tp.passive_per_day, *(s.passive_per_day for s in tp.states)
        )
        if e is not None
    ]
    assert len(estimates) >= 70
    for tp_id, e in estimates:
        assert e.why.en and e.why.fr and e.why.fr != e.why.en, tp_id
        assert '"' not in e.why.fr and not re.search(r" [:;!?]", e.why.fr), (tp_id, e.why.fr)


def test_an_explanation_is_one_line_or_one_line_per_language() -> None:
    both = {"en": "One reading an hour.", "fr": "Un relevé par heure."}
    tp = _parse(passive_per_day_why=both).resolve("garden-sensor")
    assert tp.passive_per_day.why == ("One reading an hour.", "Un relevé par heure.")
    assert tp.passive_per_day.why.get("fr") == "Un relevé par heure."
    assert _parse().resolve("garden-sensor").passive_per_day.why.get("fr") == "One reading an hour."
    for missing in ({"en": "One reading an hour."}, {"en": "One.", "fr": ""}, {"en": "One.", "fr": "Un\ndeux"}):
        with pytest.raises(DataFileError, match="passive_per_day_why"):
            _parse(passive_per_day_why=missing)


def test_meter_states(catalog) -> None:
    meter = catalog.resolve("linky")
    assert meter.default_state == "daily-index"
    assert meter.passive_estimate("daily-index").value == 1
    assert meter.passive_estimate("load-curve").value == 48


GOOD = {
    "id": "garden-sensor",
    "label": {"en": "Garden sensor", "fr": "Capteur de jardin"},
    "kind": "device",
    "mode": "passive",
    "consent": "opt-in",
    "collectors": ["vendor"],
    "captures_per_use": 0,
    "captures_per_use_why": "Nobody uses it by hand.",
    "passive_per_day": 24,
    "passive_per_day_why": "One reading an hour.",
}


def _parse(**changes):
    entry = {**GOOD, **changes}
    entry = {k: v for k, v in entry.items() if v is not None}
    return parse_catalog(
        [
            (
                "mine.toml",
                {"collectors": {"vendor": {"en": "vendor", "fr": "fabricant"}}, "touchpoint": [entry]},
            )
        ]
    )


def test_a_good_user_entry_parses() -> None:
    assert _parse().resolve("garden-sensor").passive_estimate().value == 24


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "gadget"}, "kind"),
        ({"mode": None}, "mode"),
        ({"consent": "maybe"}, "consent"),
        ({"collectors": ["nobody"]}, "collectors"),
        ({"collectors": []}, "collectors"),
        ({"captures_per_use": -1}, "captures_per_use"),
        ({"captures_per_use": "lots"}, "captures_per_use"),
        ({"passive_per_day_why": None}, "passive_per_day_why"),
        ({"passive_per_day": 0}, "passive_per_day"),
        ({"label": {"en": "only English"}}, "label"),
        ({"id": "Not A Slug"}, "id"),
    ],
)
def test_a_bad_entry_names_file_entry_and_field(changes, field) -> None:
    with pytest.raises(DataFileError) as err:
        _parse(**changes)
    message = str(err.value)
    assert message.startswith("mine.toml: touchpoint ")
    assert f"field {field!r}" in message


def test_a_user_file_cannot_take_a_shipped_name(tmp_path: Path) -> None:
    (tmp_path / "touchpoints").mkdir()
    (tmp_path / "touchpoints" / "mine.toml").write_text(
        '[[touchpoint]]\nid = "my-phone"\nlabel = { en = "Phone", fr = "Téléphone" }\nkind = "device"\n'
        'mode = "active"\nconsent = "opt-out"\ncollectors = ["mobile-operator"]\ncaptures_per_use = 2\n'
        'captures_per_use_why = "Two records."\naliases = ["portable"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="mine.toml: touchpoint 'my-phone', field 'aliases'"):
        load_catalog(tmp_path)


def test_toml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[touchpoint]]\nid = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.toml: .*line 2"):
        read_toml(bad)
