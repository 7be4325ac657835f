"""``footprint group summarize`` as a workshop facilitator uses it: a folder of participants' cards, some of
them broken or handed in twice, merged into one document in English or French."""

import csv
import io
import json
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from card_support import card

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

# The fixed workshop of the golden files: the seed's blogger (owl) and four others.
WORKSHOP: list[dict[str, Any]] = [
    {"pseudonym": "owl"},
    {"pseudonym": "fox", "usual": ["smartphone", "computer", "bank-card", "smart-meter"],
     "removed": ["computer", "bank-card"], "touched": {"smartphone": 3}, "unavoidable": ["smartphone", "smart-meter"],
     "captures": {"run": 80.0, "baseline": 300.0, "baseline_days": 3, "baseline_wanted": 3}},
    {"pseudonym": "bee", "status": "abandoned", "hours": 9.5, "usual": ["smartphone", "bank-card", "transit-pass"],
     "removed": ["bank-card"], "touched": {"bank-card": 2, "transit-pass": 1}, "unavoidable": ["transit-pass"],
     "captures": {"run": 120.0, "baseline": None, "baseline_days": 0, "baseline_wanted": 1}},
    {"pseudonym": "elk", "lang": "fr", "usual": ["smartphone", "computer", "smart-meter"],
     "removed": ["smartphone", "computer"], "touched": {}, "unavoidable": ["smart-meter"],
     "captures": {"run": 24.0, "baseline": 250.0, "baseline_days": 1, "baseline_wanted": 1}},
    {"pseudonym": "yak", "usual": ["smartphone", "computer", "facebook"], "removed": ["computer", "facebook"],
     "touched": {"smartphone": 2, "email": 1}, "unavoidable": ["smartphone"],
     "captures": {"run": 66.5, "baseline": None, "baseline_days": 0, "baseline_wanted": 1}},
]  # fmt: skip


@pytest.fixture
def write_cards(tmp_path: Path):
    """``write_cards(n, **changes)`` writes ``n`` valid cards into a fresh folder; returns their paths."""
    folder = tmp_path / "cards"
    folder.mkdir()

    def write(n: int, start: int = 1, **changes: Any) -> list[Path]:
        paths = []
        for i in range(start, start + n):
            path = folder / f"card-{i:03d}.json"
            path.write_text(json.dumps(card(i, **changes), indent=2), encoding="utf-8")
            paths.append(path)
        return paths

    return write


@pytest.fixture
def workshop(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "workshop"
    folder.mkdir()
    paths = []
    for i, changes in enumerate(WORKSHOP, start=1):
        path = folder / f"{changes['pseudonym']}.json"
        path.write_text(json.dumps(card(i, **changes), indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def summarize(cli, *args: Any):
    return cli("group", "summarize", *map(str, args))


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- the golden documents --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_of_the_workshop_matches_the_golden_file(cli, workshop, tmp_path, lang) -> None:
    out = tmp_path / "summary.md"
    result = summarize(cli, *workshop, "--lang", lang, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == (GOLDEN / f"group-summary-{lang}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_csv_of_the_workshop_matches_the_golden_file(cli, workshop, lang) -> None:
    result = summarize(cli, *workshop, "--format", "csv", "--lang", lang)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == (GOLDEN / f"group-summary-{lang}.csv").read_text(encoding="utf-8")


def test_the_language_comes_from_footprint_unless_given(cli, workshop, monkeypatch) -> None:
    assert summarize(cli, *workshop).stdout.startswith("# Group summary")
    assert cli("--lang", "fr", "group", "summarize", *map(str, workshop)).stdout.startswith("# Synthèse de groupe")
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    assert summarize(cli, *workshop).stdout.startswith("# Synthèse de groupe")
    assert summarize(cli, *workshop, "--lang", "en").stdout.startswith("# Group summary")
    bad = summarize(cli, *workshop, "--lang", "de")
    # FOOTPRINT_LANG=fr speaks
    assert bad.exit_code == 2 and bad.stdout == "" and "langue inconnue «\xa0de\xa0»" in bad.stderr


def test_pseudonyms_never_appear_in_any_format(cli, workshop) -> None:
    for fmt in ("md", "html", "csv", "json"):
        result = summarize(cli, *workshop, "--format", fmt)
        assert result.exit_code == 0, fmt
        for name in ("owl", "fox", "bee", "elk", "yak"):
            assert name not in result.stdout, (fmt, name)


# --- a small group ---------------------------------------------------------------------------------------


def test_below_the_minimum_group_size_only_totals_appear(cli, write_cards) -> None:
    cards = write_cards(4, usual=["smartphone", "computer", "secret-device"], removed=["secret-device"])
    md = summarize(cli, *cards).stdout
    assert "Participants: 4" in md and "Fewer than 5 participants: totals only" in md
    assert "secret-device" not in md and "| touchpoint |" not in md
    rows = csv_rows(summarize(cli, *cards, "--format", "csv").stdout)
    assert len(rows) == 2 and rows[1][1] == "" and rows[1][2] == "4"
    data = json.loads(summarize(cli, *cards, "--format", "json").stdout)
    assert data["detailed"] is False and data["touchpoints"] is None
    html = summarize(cli, *cards, "--format", "html").stdout
    assert "secret-device" not in html and "<table" not in html
    shown = summarize(cli, *cards, "--min-group", "4").stdout
    assert "| secret-device | 4 | 0 | 4 | 0 |" in shown
    bad = summarize(cli, *cards, "--min-group", "0")
    assert bad.exit_code == 2 and "--min-group must be 1 or more" in bad.stderr


# --- cards that cannot be used ---------------------------------------------------------------------------


def test_bad_cards_are_named_skipped_and_the_rest_summarised(cli, write_cards, tmp_path) -> None:
    good = write_cards(5)
    folder = good[0].parent
    (folder / "truncated.json").write_text(json.dumps(card(90))[:120], encoding="utf-8")
    (folder / "notes.json").write_text("Dear facilitator, here is my card", encoding="utf-8")
    (folder / "newer.json").write_text(json.dumps(card(91, version=2)), encoding="utf-8")
    (folder / "invalid.json").write_text(json.dumps(card(92, removed=["smart-tv"])), encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "copy.json").write_text(good[1].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "again.json").write_text(json.dumps(card(3, card_id="e" * 32, lang="fr")), encoding="utf-8")
    names = ("truncated", "notes", "newer", "invalid", "binary", "copy", "again")
    result = summarize(cli, *good, *(folder / f"{name}.json" for name in names), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"footprint: {folder / 'truncated.json'}: skipped: truncated: the JSON ends too early",
        f"footprint: {folder / 'notes.json'}: skipped: not valid JSON (line 1, column 1)",
        f"footprint: {folder / 'newer.json'}: skipped: card version 2 is from a newer footprint",
        f"footprint: {folder / 'invalid.json'}: skipped: key 'removed': expected touchpoint ids also listed in "
        "'usual' ('smart-tv' is not)",
        f"footprint: {folder / 'binary.json'}: skipped: not UTF-8 text",
        f"footprint: {folder / 'copy.json'}: skipped: duplicate of {good[1]}",
        f"footprint: {folder / 'again.json'}: skipped: duplicate of {good[2]}",
    ]
    assert json.loads(result.stdout)["participants"] == 5


def test_strict_refuses_the_first_bad_card_and_produces_nothing(cli, write_cards, tmp_path) -> None:
    good = write_cards(5)
    bad = good[0].parent / "bad.json"
    bad.write_text(json.dumps(card(9, hours=-2)), encoding="utf-8")
    out = tmp_path / "summary.html"
    result = summarize(cli, *good, bad, "--strict", "--format", "html", "--out", out)
    assert result.exit_code == 5 and result.stdout == ""
    assert (
        result.stderr
        == f"footprint: {bad}: key 'hours': expected a number of hours greater than 0 (at most 1,150,000)\n"
    )
    assert not out.exists() and not (tmp_path / "summary-chart.svg").exists()
    duplicate = summarize(cli, *good, good[0], "--strict")
    assert duplicate.exit_code == 5 and duplicate.stdout == "" and "duplicate of" in duplicate.stderr
    assert summarize(cli, *good, "--strict").exit_code == 0


def test_no_usable_card_is_bad_input_in_one_line_naming_the_first_file(cli, tmp_path) -> None:
    empty, junk = tmp_path / "empty.json", tmp_path / "junk.json"
    empty.write_text("", encoding="utf-8")
    junk.write_text("[1, 2", encoding="utf-8")
    result = summarize(cli, empty, junk)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "footprint: no valid challenge card among the 2 files given: nothing to summarise "
        f"({empty}: skipped: empty file, and 1 more skipped)\n"
    )


def test_a_card_file_that_does_not_exist_is_not_found(cli, write_cards, tmp_path) -> None:
    result = summarize(cli, *write_cards(2), tmp_path / "typo.json")
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr == f"footprint: {tmp_path / 'typo.json'}: no such file or folder\n"


def test_a_folder_stands_for_its_cards(cli, write_cards) -> None:
    cards = write_cards(6)
    (cards[0].parent / "README.txt").write_text("not a card", encoding="utf-8")
    result = summarize(cli, cards[0].parent, "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["participants"] == 6


def test_unknown_format_and_missing_cards_are_usage_errors(cli, write_cards) -> None:
    cards = write_cards(1)
    unknown = summarize(cli, *cards, "--format", "htm")
    assert unknown.exit_code == 3 and "unknown format 'htm' (did you mean: html?)" in unknown.stderr
    assert summarize(cli).exit_code == 2


# --- several challenges ----------------------------------------------------------------------------------


def test_mixed_challenges_need_per_challenge(cli, write_cards) -> None:
    day = write_cards(5)
    cash = write_cards(2, start=10, challenge="cash-only-day", usual=["bank-card"], removed=["bank-card"])
    mixed = summarize(cli, *day, *cash)
    assert mixed.exit_code == 2 and mixed.stdout == ""
    assert mixed.stderr == (
        "footprint: the cards are from 2 challenges: cash-only-day (2), day-without-big-data (5); "
        "pass --per-challenge for one section each, or give the cards of one challenge\n"
    )
    md = summarize(cli, *day, *cash, "--per-challenge")
    assert md.exit_code == 0 and md.stdout.count("# Group summary") == 1
    assert "## Challenge: cash-only-day" in md.stdout and "## Challenge: day-without-big-data" in md.stdout
    # each section applies the minimum group size on its own
    assert md.stdout.count("Fewer than 5 participants") == 1
    data = json.loads(summarize(cli, *day, *cash, "--per-challenge", "--format", "json").stdout)
    assert [(d["challenge"], d["participants"], d["detailed"]) for d in data] == [
        ("cash-only-day", 2, False),
        ("day-without-big-data", 5, True),
    ]
    rows = csv_rows(summarize(cli, *day, *cash, "--per-challenge", "--format", "csv").stdout)
    assert rows[0][0] == "challenge" and {r[0] for r in rows[1:]} == {"cash-only-day", "day-without-big-data"}


# --- what could hurt whoever opens the summary -----------------------------------------------------------


def test_formula_like_ids_never_reach_the_csv(cli, write_cards) -> None:
    good = write_cards(5)
    folder = good[0].parent
    (folder / "challenge.json").write_text(json.dumps(card(20, challenge="=cmd|' /C calc'!A0")), encoding="utf-8")
    (folder / "touched.json").write_text(json.dumps(card(21, touched={"@SUM(A1)": 1})), encoding="utf-8")
    (folder / "usual.json").write_text(json.dumps(card(22, usual=["-2+3"], removed=[])), encoding="utf-8")
    result = summarize(cli, folder, "--format", "csv")
    assert result.exit_code == 0
    assert "key 'challenge'" in result.stderr and "key 'touched'" in result.stderr and "key 'usual'" in result.stderr
    assert "cmd" not in result.stdout and "SUM" not in result.stdout and "-2+3" not in result.stdout
    for row in csv_rows(result.stdout):
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row if cell)


def test_html_is_a_standalone_page_that_runs_nothing(cli, tmp_path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for i in range(5):
        hostile = card(i + 1, pseudonym=f"<script>alert({i})</script>")
        (folder / f"{i}.json").write_text(json.dumps(hostile), encoding="utf-8")
    (folder / "evil.json").write_text(json.dumps(card(30, challenge="<script>x</script>")), encoding="utf-8")
    result = summarize(cli, folder, "--format", "html", "--lang", "fr")
    assert result.exit_code == 0 and "evil.json: skipped: key 'challenge'" in result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page and page.rstrip().endswith("</html>")
    assert "<script" not in page.lower() and "alert" not in page
    assert "<style>" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert page.count("<svg") == 1 and "Synthèse de groupe" in page


# --- writing files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_out_writes_owner_only_files_and_the_chart_beside(cli, workshop, tmp_path, fmt) -> None:
    out = tmp_path / "reports" / f"group.{fmt}"
    out.parent.mkdir()
    result = summarize(cli, *workshop, "--format", fmt, "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    chart = out.with_name("group-chart.svg")
    assert result.stderr == f"Wrote the summary of 5 card(s) to {out}; chart: {chart}\n"
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name, chart.name])
    for path in (out, chart):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    root = ET.parse(chart).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "participants per touchpoint" in root.findtext("{http://www.w3.org/2000/svg}title")
    text = out.read_text(encoding="utf-8")
    assert ("![day-without-big-data: participants per touchpoint](group-chart.svg)" in text) is (fmt == "md")
    assert ("<svg" in text) is (fmt == "html")


def test_out_for_several_challenges_writes_a_chart_each(cli, write_cards, tmp_path) -> None:
    cards = [*write_cards(5), *write_cards(1, start=10, challenge="cash-only-day")]
    out = tmp_path / "all.md"
    result = summarize(cli, *cards, "--per-challenge", "--out", out, "--lang", "fr")
    assert result.exit_code == 0 and result.stdout == "" and "graphique :" in result.stderr
    text = out.read_text(encoding="utf-8")
    for challenge in ("cash-only-day", "day-without-big-data"):
        assert (tmp_path / f"all-chart-{challenge}.svg").exists()
        assert f"(all-chart-{challenge}.svg)" in text


def test_csv_and_json_out_have_no_chart(cli, workshop, tmp_path) -> None:
    for fmt in ("csv", "json"):
        out = tmp_path / f"group.{fmt}"
        result = summarize(cli, *workshop, "--format", fmt, "--out", out)
        assert result.exit_code == 0 and result.stdout == ""
        assert result.stderr == f"Wrote the summary of 5 card(s) to {out}\n"
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.svg"))


def test_out_into_a_missing_folder_writes_nothing(cli, workshop, tmp_path) -> None:
    result = summarize(cli, *workshop, "--out", tmp_path / "nowhere" / "group.md")
    assert result.exit_code == 2 and "no such folder" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_fifo_among_the_cards_is_skipped_not_waited_for(cli, write_cards) -> None:
    good = write_cards(2)
    fifo = good[0].parent / "zz-fifo.json"
    os.mkfifo(fifo)
    result = summarize(cli, good[0].parent, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert result.stderr == f"footprint: {fifo}: skipped: not a regular file (a FIFO, a device or a socket)\n"
