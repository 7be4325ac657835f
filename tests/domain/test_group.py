"""Challenge cards and group summaries: what a card must hold, what a group adds up to, what a small group
hides, and how the summary documents and charts escape what they draw."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.domain.group import Card, GroupSummary, TouchpointRow, group_by_challenge, parse_card, summarize
from footprint.errors import DataFileError
from footprint.exporters.group_report import chart, render
from footprint.svg import bar_chart


def raw_card(**changes: Any) -> dict[str, Any]:
    """The card of the format's documentation (the seed's blogger), with ``changes``; None removes a key."""
    card: dict[str, Any] = {
        "format": "footprint-challenge-card",
        "version": 1,
        "card_id": "5f0c2a9e4b1d4e7f8a6b3c2d1e0f9a8b",
        "pseudonym": "owl",
        "challenge": "day-without-big-data",
        "lang": "en",
        "status": "finished",
        "started_on": "2026-11-21",
        "hours": 24.0,
        "usual": ["smartphone", "computer", "bank-card", "health-card", "smart-meter"],
        "removed": ["computer", "bank-card", "health-card"],
        "touched": {"smartphone": 1},
        "unavoidable": ["smartphone", "smart-meter"],
        "captures": {"run": 57.0, "baseline": 412.5, "baseline_days": 1, "baseline_wanted": 1, "estimate": True},
        "start": "2026-11-21T00:00:00+01:00",
        "end": "2026-11-22T00:00:00+01:00",
    }
    for key, value in changes.items():
        if value is None:
            card.pop(key, None)
        else:
            card[key] = value
    return card


def captures(**changes: Any) -> dict[str, Any]:
    return {**raw_card()["captures"], **changes}


def card(n: int, **changes: Any) -> Card:
    return parse_card(raw_card(card_id=f"{n:032x}", pseudonym=f"p{n}", **changes), f"p{n}.json")


# --- parsing ---------------------------------------------------------------------------------------------


def test_the_documented_card_reads_whole() -> None:
    c = parse_card(raw_card(extra_key_from_later={"ignored": True}), "owl.json")
    assert c.challenge == "day-without-big-data" and c.status == "finished" and c.started_on == date(2026, 11, 21)
    assert c.usual == ("bank-card", "computer", "health-card", "smart-meter", "smartphone")
    assert c.removed == ("bank-card", "computer", "health-card")
    assert c.touched == (("smartphone", 1),) and c.unavoidable == ("smart-meter", "smartphone")
    assert c.captures.run == 57.0 and c.captures.baseline == 412.5 and c.captures.baseline_days == 1
    assert c.start is not None and c.end is not None and (c.end - c.start).total_seconds() == 24 * 3600


def test_exact_times_are_optional_and_a_baseline_may_be_missing() -> None:
    c = parse_card(raw_card(start=None, end=None, captures=captures(baseline=None, baseline_days=0)), "x.json")
    assert c.start is None and c.end is None and c.captures.baseline is None


def test_a_touchpoint_listed_twice_counts_once() -> None:
    c = parse_card(raw_card(unavoidable=["smart-meter", "smart-meter"]), "x.json")
    assert c.unavoidable == ("smart-meter",)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": "footprint-journal"}, "owl.json: not a challenge card (key 'format' is not"),
        ({"format": None}, "owl.json: not a challenge card"),
        ({"version": 2}, "owl.json: card version 2 is from a newer footprint"),
        ({"version": "1"}, "owl.json: key 'version': expected a card version number (1)"),
        ({"version": True}, "owl.json: key 'version'"),
        ({"version": 0}, "owl.json: key 'version'"),
        ({"card_id": "5F0C2A9E4B1D4E7F8A6B3C2D1E0F9A8B"}, "owl.json: key 'card_id': expected 32 lowercase hex"),
        ({"card_id": None}, "owl.json: key 'card_id': expected 32 lowercase hexadecimal characters (missing)"),
        ({"pseudonym": ""}, "owl.json: key 'pseudonym': expected a name of 1 to 40 characters on one line"),
        ({"pseudonym": "   "}, "owl.json: key 'pseudonym'"),
        ({"pseudonym": "o" * 41}, "owl.json: key 'pseudonym'"),
        ({"pseudonym": "owl\nrm -rf"}, "owl.json: key 'pseudonym'"),
        ({"pseudonym": 7}, "owl.json: key 'pseudonym'"),
        ({"challenge": "=cmd"}, "owl.json: key 'challenge': expected a challenge id"),
        ({"challenge": "<script>alert(1)</script>"}, "owl.json: key 'challenge'"),
        ({"challenge": "Day-Without"}, "owl.json: key 'challenge'"),
        ({"challenge": "day-without-big-data\n"}, "owl.json: key 'challenge'"),
        ({"card_id": "5f0c2a9e4b1d4e7f8a6b3c2d1e0f9a8b\n"}, "owl.json: key 'card_id'"),
        ({"unavoidable": ["smart-meter\n# Owned"]}, "owl.json: key 'unavoidable'"),
        ({"lang": "de"}, "owl.json: key 'lang': expected 'en' or 'fr'"),
        ({"status": "done"}, "owl.json: key 'status': expected 'finished' or 'abandoned'"),
        ({"started_on": "21/11/2026"}, "owl.json: key 'started_on': expected a date like 2026-11-21"),
        ({"started_on": "2026-02-30"}, "owl.json: key 'started_on'"),
        ({"hours": 0}, "owl.json: key 'hours': expected a number of hours greater than 0"),
        ({"hours": "24"}, "owl.json: key 'hours'"),
        ({"hours": float("nan")}, "owl.json: key 'hours'"),
        ({"hours": False}, "owl.json: key 'hours'"),
        ({"removed": "computer"}, "owl.json: key 'removed': expected a list of touchpoint ids"),
        ({"removed": ["Computer"]}, "owl.json: key 'removed': expected a list of touchpoint ids"),
        ({"removed": ["smart-tv"]}, "owl.json: key 'removed': expected touchpoint ids also listed in 'usual'"),
        ({"usual": [1, 2]}, "owl.json: key 'usual': expected a list of touchpoint ids"),
        ({"unavoidable": None}, "owl.json: key 'unavoidable': expected a list of touchpoint ids (missing)"),
        ({"touched": ["smartphone"]}, "owl.json: key 'touched': expected an object of touchpoint id"),
        ({"touched": {"smartphone": 0}}, "owl.json: key 'touched'"),
        ({"touched": {"smartphone": 1.5}}, "owl.json: key 'touched'"),
        ({"touched": {"=cmd": 1}}, "owl.json: key 'touched'"),
        ({"captures": 57}, "owl.json: key 'captures': expected an object"),
        ({"captures": captures(run=-1)}, "owl.json: key 'captures.run': expected a number, 0 or more"),
        ({"captures": captures(run=None)}, "owl.json: key 'captures.run'"),
        ({"captures": captures(baseline="412")}, "owl.json: key 'captures.baseline': expected a number, 0 or more"),
        ({"captures": captures(baseline_days=1.5)}, "owl.json: key 'captures.baseline_days': expected a whole"),
        ({"captures": captures(baseline_wanted=-1)}, "owl.json: key 'captures.baseline_wanted'"),
        ({"start": "2026-11-21T00:00:00"}, "owl.json: key 'start': expected an ISO date-time with its UTC offset"),
        ({"end": "tomorrow"}, "owl.json: key 'end'"),
        ({"end": "2026-11-20T00:00:00+01:00"}, "owl.json: key 'end': expected a date-time after 'start'"),
    ],
)
def test_each_kind_of_bad_card_is_one_line_naming_the_file_and_the_key(changes: dict, message: str) -> None:
    with pytest.raises(DataFileError) as exc:
        parse_card(raw_card(**changes), "owl.json")
    assert exc.value.message.startswith(message)
    assert "\n" not in exc.value.message


@pytest.mark.parametrize("raw", [[], "card", 42, None])
def test_a_card_must_be_a_json_object(raw: Any) -> None:
    with pytest.raises(DataFileError, match=r"^x\.json: expected a JSON object"):
        parse_card(raw, "x.json")


def test_messages_never_repeat_the_pseudonym() -> None:
    with pytest.raises(DataFileError) as exc:
        parse_card(raw_card(pseudonym="Jeanne Dupont, 12 rue " * 3), "x.json")
    assert "Jeanne" not in exc.value.message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(key=st.sampled_from(sorted(raw_card())), value=json_values)
def test_junk_in_any_key_is_a_data_file_error_never_a_crash(key: str, value: Any) -> None:
    try:
        parse_card({**raw_card(), key: value}, "x.json")
    except DataFileError as exc:
        assert exc.message.startswith("x.json: ") and "\n" not in exc.message


@settings(max_examples=100, deadline=None)
@given(raw=json_values)
def test_any_json_value_is_a_card_or_a_data_file_error(raw: Any) -> None:
    with pytest.raises(DataFileError):
        parse_card(raw, "x.json")


def test_the_same_run_handed_in_twice_looks_the_same() -> None:
    first = card(1)
    again = parse_card(raw_card(card_id="f" * 32, pseudonym="p1", lang="fr", start=None, end=None), "again.json")
    assert first.same_run() == again.same_run()
    assert card(1).same_run() != card(2).same_run()  # another pseudonym: another participant


# --- the summary -----------------------------------------------------------------------------------------


def five() -> list[Card]:
    """The seed's blogger and four others: one abandoned, two without a baseline."""
    return [
        card(1),
        card(2, usual=["smartphone", "computer", "smart-meter"], removed=["computer"], touched={"smartphone": 3},
             unavoidable=["smartphone", "smart-meter"], captures=captures(run=80.0, baseline=300.0)),
        card(3, status="abandoned", usual=["smartphone", "bank-card"], removed=["bank-card"],
             touched={"bank-card": 2, "transit-pass": 1}, unavoidable=["transit-pass"],
             captures=captures(run=120.0, baseline=None, baseline_days=0)),
        card(4, usual=["smartphone", "computer"], removed=["smartphone", "computer"], touched={},
             unavoidable=[], captures=captures(run=24.0, baseline=250.0)),
        card(5, usual=["smartphone"], removed=[], touched={"smartphone": 2, "email": 1}, unavoidable=["smartphone"],
             captures=captures(run=66.5, baseline=None, baseline_days=0)),
    ]  # fmt: skip


def test_a_group_adds_up_participants_touchpoints_and_captures() -> None:
    s = summarize(five())
    assert (s.challenge, s.participants, s.finished, s.abandoned, s.with_baseline) == (
        "day-without-big-data", 5, 4, 1, 3,
    )  # fmt: skip
    assert s.detailed and s.min_group == 5
    rows = {r.touchpoint: r for r in s.touchpoints}
    assert rows["smartphone"] == TouchpointRow("smartphone", usual=5, touched=3, removed=1, unavoidable=3)
    assert rows["computer"] == TouchpointRow("computer", usual=3, touched=0, removed=3, unavoidable=0)
    assert rows["bank-card"] == TouchpointRow("bank-card", usual=2, touched=1, removed=2, unavoidable=0)
    assert rows["smart-meter"] == TouchpointRow("smart-meter", usual=2, touched=0, removed=0, unavoidable=2)
    # touched or unavoidable without being usual still gets a row
    assert rows["transit-pass"] == TouchpointRow("transit-pass", usual=0, touched=1, removed=0, unavoidable=1)
    assert rows["email"] == TouchpointRow("email", usual=0, touched=1, removed=0, unavoidable=0)
    assert [r.touchpoint for r in s.touchpoints][:2] == ["smartphone", "computer"]  # most usual first
    assert s.run_mean == pytest.approx((57 + 80 + 120 + 24 + 66.5) / 5)
    assert s.baseline_mean == pytest.approx((412.5 + 300 + 250) / 3)
    assert s.baseline_run_mean == pytest.approx((57 + 80 + 24) / 3)  # the same three participants
    assert s.change == pytest.approx((57 + 80 + 24) / (412.5 + 300 + 250) - 1)


def test_below_the_minimum_group_only_totals_are_kept() -> None:
    four = five()[:4]
    s = summarize(four)
    assert not s.detailed and s.touchpoints == ()
    assert s.participants == 4 and s.with_baseline == 3
    assert summarize(four, min_group=4).detailed
    assert summarize(five(), min_group=6).touchpoints == ()


def test_without_any_baseline_there_is_nothing_to_compare() -> None:
    s = summarize([five()[2], five()[4]], min_group=1)
    assert s.with_baseline == 0 and s.baseline_mean is None and s.baseline_run_mean is None and s.change is None


def test_summarize_takes_one_challenge_and_at_least_one_card() -> None:
    with pytest.raises(ValueError):
        summarize([])
    with pytest.raises(ValueError):
        summarize([card(1), card(2, challenge="cash-only-day")])


def test_cards_are_grouped_by_challenge_in_name_order() -> None:
    cards = [card(1), card(2, challenge="cash-only-day"), card(3)]
    groups = group_by_challenge(cards)
    assert list(groups) == ["cash-only-day", "day-without-big-data"]
    assert [c.pseudonym for c in groups["day-without-big-data"]] == ["p1", "p3"]


# --- documents and charts --------------------------------------------------------------------------------


def hostile_summary(detailed: bool = True) -> GroupSummary:
    """A summary built by hand with strings a valid card could never carry, to test the renderers alone."""
    rows = (TouchpointRow("=cmd|calc", 3, 1, 2, 0), TouchpointRow("<script>alert(1)</script>", 1, 1, 0, 1))
    return GroupSummary("+evil-challenge", 5, 4, 1, 2, 5, detailed, rows if detailed else (), 50.0, 400.0, 40.0)


def test_csv_cells_a_spreadsheet_would_run_are_neutralised() -> None:
    for detailed in (True, False):
        rows = list(csv.reader(io.StringIO(render(hostile_summary(detailed), "csv", "en"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert not any(cell[:1] in "=+-@" for cell in cells if cell), cells
        assert rows[1][0] == "'+evil-challenge"
        assert ("'=cmd|calc" in cells) is detailed
        assert len(rows) == (3 if detailed else 2)


def test_html_escapes_every_string_it_did_not_write() -> None:
    page = render(hostile_summary(), "html", "fr")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>") and '<html lang="fr">' in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert page.count("<svg") == 1 and "<style>" in page


def test_markdown_keeps_table_cells_whole() -> None:
    md = render(hostile_summary(), "md", "en")
    assert "| =cmd\\|calc | 3 | 1 | 2 | 0 |" in md


def test_json_is_versioned_and_says_captures_are_estimates() -> None:
    data = json.loads(render(summarize(five()), "json", "en"))
    assert data["format"] == "footprint-group-summary" and data["version"] == 1
    assert data["captures"]["estimate"] is True and data["participants"] == 5
    assert {r["touchpoint"] for r in data["touchpoints"]} >= {"smartphone", "email"}
    small = json.loads(render(summarize(five()[:3]), "json", "en"))
    assert small["detailed"] is False and small["touchpoints"] is None
    assert isinstance(json.loads(render([summarize(five())], "json", "en")), list)


def test_charts_are_svg_with_every_text_escaped() -> None:
    root = ET.fromstring(chart(hostile_summary(), "en"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("width") == "720"
    texts = " ".join(el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "<script>" in texts  # drawn as text, escaped in the markup
    small = ET.fromstring(chart(hostile_summary(detailed=False), "fr"))
    labels = [el.text for el in small.iter("{http://www.w3.org/2000/svg}text")]
    assert "pendant le défi" in labels and "un jour habituel" in labels and "400" in labels


def test_bar_chart_grows_with_its_data_and_checks_its_series() -> None:
    one = ET.fromstring(bar_chart("t", ["a"], [("s", [1.0])]))
    many = ET.fromstring(bar_chart("t", ["a", "b", "c"], [("s", [1.0, 2.0, None]), ("u", [0.0, 0.5, 3.0])], "%"))
    assert int(many.get("height")) > int(one.get("height"))
    bars = [el for el in many.iter("{http://www.w3.org/2000/svg}rect") if el.find("{*}title") is not None]
    assert len(bars) == 5  # None draws no bar
    assert "0.5%" in [el.text for el in many.iter("{http://www.w3.org/2000/svg}text")]
    with pytest.raises(ValueError):
        bar_chart("t", ["a", "b"], [("s", [1.0])])
    ET.fromstring(bar_chart("nothing yet", [], []))
    ET.fromstring(bar_chart("\x00bad\ud800 text", ["\x1b[31m"], [("s", [float("inf")])]))
