"""``footprint compare``: what the person noticed (touches logged by hand) against what an imported export
recorded, per touchpoint and day, with the ratio over the days both sides hold; English and French; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TAKEOUT = Path(__file__).resolve().parents[1] / "fixtures" / "google-takeout" / "json"
NBSP = "\u00a0"


@pytest.fixture
def compared(cli):
    """3 web searches logged on 20 Nov 2026 (the frozen clock's Sunday 22 Nov is today), one today, then the
    Google Takeout fixture imported: its web searches fall on 18, 19 and 20 Nov 2026 and on 5 Mar 2016."""
    assert cli("log", "web-search", "--count", "3", "--at", "2026-11-20T10:00").exit_code == 0
    assert cli("log", "web-search").exit_code == 0
    result = cli("import", "google-takeout", str(TAKEOUT))
    assert result.exit_code == 0, result.stderr


def days_of(cli, *args: str) -> dict[str, dict]:
    result = cli("compare", "--json", *args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return {row["id"]: row for row in data["touchpoints"]}


def test_json_counts_each_side_per_day(cli, compared):
    result = cli("compare", "--touchpoint", "web-search", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert set(data) == {"from", "to", "imported", "exports", "touchpoints"}
    # the default period is the span the imported web searches cover
    assert (data["from"], data["to"], data["imported"]) == ("2016-03-05", "2026-11-20", True)
    (row,) = data["touchpoints"]
    keys = {"id", "label", "importers", "collectors", "days_with_both", "noticed", "recorded", "ratio", "days"}
    assert set(row) == keys
    assert row["importers"] == ["google-takeout"] and row["collectors"] == ["google"]
    by_day = {d["day"]: (d["noticed"], d["recorded"], d["both"]) for d in row["days"]}
    assert by_day == {
        "2016-03-05": (None, 1, False),
        "2026-11-18": (None, 1, False),
        "2026-11-19": (None, 1, False),
        "2026-11-20": (3, 3, True),
    }
    assert (row["days_with_both"], row["noticed"], row["recorded"], row["ratio"]) == (1, 3, 3, 1.0)


def test_english_lines_and_sentence(cli, compared):
    result = cli("compare", "--touchpoint", "search", "--from", "2026-11-18", "--to", "today")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "Noticed against recorded, 18 Nov 2026 → 22 Nov 2026:",
        "",
        "Web search, recorded by Google (YouTube):",
        "  18 Nov 2026: recorded 1, nothing logged by you",
        "  19 Nov 2026: recorded 1, nothing logged by you",
        "  20 Nov 2026: noticed 3, recorded 3 (×1)",
        "  22 Nov 2026: noticed 1, nothing in the export",
        "  In total, on 1 day with both: noticed 3, recorded 3 (×1).",
        "  You logged Web search 3 times on 20 November 2026; the Google (YouTube) export records 3.",
    ]


def test_french_lines_and_sentence(cli, compared):
    result = cli("--lang", "fr", "compare", "-t", "recherche", "--from", "2026-11-18", "--to", "2026-11-22")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Ce que vous avez noté face à ce qui a été enregistré, 18 nov. 2026 → 22 nov. 2026{NBSP}:",
        "",
        f"Recherche sur le web, d'après l'export de Google (YouTube){NBSP}:",
        f"  18 nov. 2026{NBSP}: l'export 1, rien de noté par vous",
        f"  19 nov. 2026{NBSP}: l'export 1, rien de noté par vous",
        f"  20 nov. 2026{NBSP}: vous 3, l'export 3 (×1)",
        f"  22 nov. 2026{NBSP}: vous 1, rien dans l'export",
        f"  Au total, sur 1 jour présent des deux côtés{NBSP}: vous 3, l'export 3 (×1).",
        f"  Vous avez noté «{NBSP}Recherche sur le web{NBSP}» 3 fois le 20 novembre 2026{NBSP}; "
        "l'export de Google (YouTube) en compte 3.",
    ]


def test_ratio_is_a_decimal_in_each_language(cli, compared):
    assert cli("log", "web-search", "--count", "2", "--at", "2026-11-19T10:00").exit_code == 0
    en = cli("compare", "-t", "web-search", "--from", "2026-11-19", "--to", "2026-11-19").stdout
    assert "  19 Nov 2026: noticed 2, recorded 1 (×0.5)" in en
    assert "You logged Web search 2 times on 19 November 2026; the Google (YouTube) export records 1." in en
    fr = cli("--lang", "fr", "compare", "-t", "web-search", "--from", "2026-11-18", "--to", "2026-11-20").stdout
    assert f"  Au total, sur 2 jours présents des deux côtés{NBSP}: vous 5, l'export 4 (×0,8)." in fr


def test_every_touchpoint_an_export_recorded(cli, compared):
    rows = days_of(cli)
    assert set(rows) == {"web-search", "instagram", "messaging", "smartphone", "video-streaming"}
    assert rows["video-streaming"]["days"] == [{"day": "2026-11-21", "noticed": None, "recorded": 2, "both": False}]
    assert rows["video-streaming"]["ratio"] is None
    out = cli("compare").stdout
    assert "Video streaming (Netflix, YouTube...), recorded by Google (YouTube):" in out
    assert "  No day holds both sides: log on a day the export covers to compare them." in out


def test_nothing_imported_says_which_export(cli):
    assert cli("log", "web-search").exit_code == 0
    result = cli("compare", "-t", "web-search")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Nothing to compare: no export is imported yet. Ask Google (YouTube) for theirs "
        "(footprint request new google), then import it: footprint import google-takeout FILE\n"
    )
    fr = cli("--lang", "fr", "compare")
    assert fr.exit_code == 0
    assert fr.stdout.startswith(f"Rien à comparer{NBSP}: aucun export n'est encore importé.")
    data = json.loads(cli("compare", "-t", "web-search", "--json").stdout)
    assert (data["imported"], data["exports"], data["touchpoints"]) == (False, ["google-takeout"], [])
    assert (data["from"], data["to"]) == ("2026-10-24", "2026-11-22")  # the last 30 days


def test_a_period_the_export_does_not_cover(cli, compared):
    result = cli("compare", "--from", "2026-01-01", "--to", "2026-01-31")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Nothing to compare, 1 Jan 2026 → 31 Jan 2026: no export recorded anything then.\n"


def test_unknown_touchpoint_suggests(cli, compared):
    result = cli("compare", "--touchpoint", "websarch")
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.startswith("footprint: unknown touchpoint 'websarch' (did you mean: web-search")
    assert len(result.stderr.splitlines()) == 1
    fr = cli("--lang", "fr", "compare", "-t", "websarch")
    assert fr.exit_code == 3 and fr.stderr.startswith(f"footprint: point de contact inconnu «{NBSP}websarch{NBSP}»")


def test_from_after_to_is_refused(cli, compared):
    result = cli("compare", "--from", "2026-11-21", "--to", "2026-11-20")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("footprint: --from") and len(result.stderr.splitlines()) == 1


def test_demo_entries_are_neither_side(home):
    """The sums run in SQL per day, touchpoint and side; a source that is neither logged nor imported is out."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from footprint.domain.journal import Entry
    from footprint.store import Journal
    from footprint.store.sides import imported_span, side_counts

    with Journal(home / "j.db") as j:
        at = datetime(2026, 11, 20, 10, tzinfo=ZoneInfo("Europe/Paris"))
        sides = ((2, "cli"), (1, "tui"), (5, "import:google-takeout"), (4, "import:google-takeout"), (9, "demo"))
        rows = [Entry(None, at, date(2026, 11, 20), "web-search", count=n, source=s) for n, s in sides]
        j.add_entries(rows, "test")
        assert side_counts(j, date(2026, 11, 1), date(2026, 11, 30), None) == [
            (date(2026, 11, 20), "web-search", None, 3),
            (date(2026, 11, 20), "web-search", "google-takeout", 9),
        ]
        assert imported_span(j, ["web-search"]) == (date(2026, 11, 20), date(2026, 11, 20))
        assert imported_span(j, ["smartphone"]) is None
