"""Challenges as a blogger takes them: the seed's day without Big Data, live status, verdicts, reports, cards."""

import json
import os
import stat
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FIVE = ("computer", "smartphone", "bank-card", "health-card", "smart-meter")


def at(monkeypatch, when: str) -> None:
    monkeypatch.setenv("FOOTPRINT_NOW", when)


@pytest.fixture
def seed_day(cli, monkeypatch):
    """The seed's story: five connected objects, a closed baseline week, then the challenge day on which
    the smartphone (alarm clock) is touched and the computer, the bank card and the health card are not."""
    at(monkeypatch, "2026-11-13T22:00:00+01:00")
    assert cli("profile", "add", *FIVE, "--since", "2026-11-01").exit_code == 0
    for day in range(13, 20):
        at(monkeypatch, f"2026-11-{day}T22:00:00+01:00")
        cli("log", "smartphone", "--at", "07:00", "--count", "20")
        cli("log", "computer", "--at", "09:00", "--minutes", "240")
        cli("log", "bank-card", "--at", "12:30", "--count", "2")
        cli("close")
    at(monkeypatch, "2026-11-20T06:50:00+01:00")
    result = cli("challenge", "start", "day-without-big-data", "--as", "owl", "--at", "00:00")
    assert result.exit_code == 0, result.stderr
    at(monkeypatch, "2026-11-20T07:05:00+01:00")
    logged = cli("log", "smartphone", "--at", "07:00", "--reason", "unavoidable", "--note", "alarm clock")
    assert logged.exit_code == 0, logged.stderr
    at(monkeypatch, "2026-11-20T23:30:00+01:00")
    assert cli("close").exit_code == 0  # the day is fully logged: its verdict can be compared
    at(monkeypatch, "2026-11-21T09:00:00+01:00")
    return result


def test_list_and_show_in_both_languages(cli) -> None:
    listed = cli("challenge", "list").stdout
    for cid in (
        "day-without-big-data",
        "week-without-social",
        "cash-only-day",
        "digital-break-3-weeks",
        "evening-without-smartphone",
    ):
        assert cid in listed
    shown = cli("challenge", "show", "day-without-big-data").stdout
    assert shown.startswith("A day without Big Data") and "footprint challenge start day-without-big-data" in shown
    assert cli("--lang", "fr", "challenge", "show", "cash-only-day").stdout.startswith("Une journée")


def test_the_seeds_day_three_of_five_removed(cli, seed_day) -> None:
    assert "Your usual touchpoints it forbids" in seed_day.stdout
    v = json.loads(cli("challenge", "verdict", "--json").stdout)
    assert set(v) >= {"challenge", "start", "end", "usual", "removed", "touched", "unavoidable", "captures", "headline"}
    assert v["challenge"] == "day-without-big-data" and v["status"] == "finished"
    assert v["start"] == "2026-11-20T00:00:00+01:00" and v["end"] == "2026-11-21T00:00:00+01:00"
    assert sorted(v["usual"]) == sorted(FIVE)
    assert sorted(v["removed"]) == ["bank-card", "computer", "health-card"]
    assert v["touched"] == [
        {"touchpoint": "smartphone", "count": 1, "reasons": ["unavoidable"], "notes": ["alarm clock"]}
    ]
    assert {u["touchpoint"]: u["why"] for u in v["unavoidable"]} == {"smart-meter": "passive", "smartphone": "reason"}
    assert v["headline"] == (
        "3 of 5 removed; unavoidable: Smart electricity meter (Linky) (passive), Smartphone (alarm clock)"
    )
    caps = v["captures"]
    assert caps["baseline_days"] == 1 and caps["baseline_wanted"] == 1
    assert caps["run"]["passive"] == 1 and caps["baseline"]["passive"] == 1  # the meter never stops
    assert caps["run"]["total"] < caps["baseline"]["total"]
    fr = json.loads(cli("--lang", "fr", "challenge", "verdict", "--json").stdout)
    assert fr["headline"].startswith("3 sur 5 supprimés\u00a0; inévitables\u00a0: Compteur électrique communicant")


def test_live_status_counts_down_and_lists_what_is_still_avoidable(cli, seed_day, monkeypatch) -> None:
    at(monkeypatch, "2026-11-20T10:00:00+01:00")
    status = json.loads(cli("challenge", "status", "--json").stdout)
    assert status["status"] == "running" and status["seconds_left"] == 14 * 3600
    assert sorted(status["still_avoidable"]) == ["bank-card", "computer", "health-card"]
    assert [t["touchpoint"] for t in status["touched"]] == ["smartphone"]
    text = cli("challenge", "status").stdout
    assert "running, 14 h left (ends 21 Nov 2026 at 00:00)" in text and "Still avoidable: Computer, Bank card" in text
    cli("log", "cb", "--reason", "forgot")
    status = json.loads(cli("challenge", "status", "--json").stdout)
    assert "bank-card" not in status["still_avoidable"]
    assert "touched: Bank card ×1 (forgot)" in status["headline"]


def test_no_baseline_is_said(cli, monkeypatch) -> None:
    cli("profile", "add", "smartphone", "linky", "--since", "2026-11-01")
    at(monkeypatch, "2026-11-22T00:30:00+01:00")
    cli("challenge", "start", "day-without-big-data")
    at(monkeypatch, "2026-11-23T09:00:00+01:00")
    cli("close", "2026-11-22")  # the run's day is closed, but none before it
    v = json.loads(cli("challenge", "verdict", "--json").stdout)
    assert v["captures"]["baseline"] is None and v["captures"]["baseline_days"] == 0
    assert v["captures"]["not_compared"] == "no-baseline" and v["captures"]["change"] is None
    said = cli("challenge", "verdict").stdout
    assert "No baseline: none of the 90 days before the run is closed; close your days (footprint close)" in said


def test_abandon_keeps_the_verdict_marked_abandoned(cli, monkeypatch) -> None:
    cli("profile", "add", "smartphone", "cb", "--since", "2026-11-01")
    cli("challenge", "start", "cash-only-day")
    at(monkeypatch, "2026-11-22T11:30:00+01:00")
    cli("log", "cb", "--reason", "chosen")
    result = cli("challenge", "abandon")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("Abandoned run #1 after 2 h of 24 h: 0 of 1 removed")
    v = json.loads(cli("challenge", "verdict", "1", "--json").stdout)
    assert v["status"] == "abandoned" and v["end"] == "2026-11-22T11:30:00+01:00"
    assert cli("challenge", "status").stdout.startswith("Run #1 — A cash-only day — abandoned after 2 h of 24 h")


def test_one_active_run_unless_named(cli, monkeypatch) -> None:
    assert cli("challenge", "start", "week-without-social").exit_code == 0
    again = cli("challenge", "start", "cash-only-day")
    assert again.exit_code == 2 and "already running" in again.stderr and again.stdout == ""
    assert cli("challenge", "start", "cash-only-day", "--name", "cash").exit_code == 0
    several = cli("challenge", "status")
    assert several.exit_code == 2 and "several runs are active" in several.stderr
    assert cli("challenge", "status", "cash").exit_code == 0
    at(monkeypatch, "2026-11-22T11:00:00+01:00")
    assert cli("challenge", "end", "cash").exit_code == 0
    assert cli("challenge", "status").exit_code == 0
    runs = json.loads(cli("challenge", "runs", "--json").stdout)
    assert [(r["challenge"], r["status"]) for r in runs] == [
        ("week-without-social", "active"),
        ("cash-only-day", "finished"),
    ]
    assert cli("undo").stdout == "Undone: end of the challenge A cash-only day\n"
    assert json.loads(cli("challenge", "runs", "--json").stdout)[1]["status"] == "active"


def test_an_expired_run_is_finished_and_frees_the_slot(cli, monkeypatch) -> None:
    cli("challenge", "start", "cash-only-day")
    at(monkeypatch, "2026-11-24T10:00:00+01:00")
    assert json.loads(cli("challenge", "runs", "--json").stdout)[0]["status"] == "finished"
    assert cli("challenge", "start", "cash-only-day").exit_code == 0


def test_evening_run_crossing_midnight_is_compared_with_earlier_evenings(cli, monkeypatch) -> None:
    cli("profile", "add", "smartphone", "--since", "2026-11-01")
    for day in (19, 20):
        at(monkeypatch, f"2026-11-{day}T23:30:00+01:00")
        cli("log", "smartphone", "--at", "21:00", "--count", "4")
        cli("log", "smartphone", "--at", "09:00", "--count", "50")  # mornings do not count against evenings
        cli("close")
    at(monkeypatch, "2026-11-21T17:00:00+01:00")
    cli("challenge", "start", "evening-without-smartphone", "--at", "20:00")  # 20:00 → 02:00 next day
    at(monkeypatch, "2026-11-22T00:30:00+01:00")
    cli("log", "smartphone", "--reason", "forgot")
    at(monkeypatch, "2026-11-22T09:00:00+01:00")
    left_open = json.loads(cli("challenge", "verdict", "--json").stdout)["captures"]
    assert left_open["baseline"] is None and left_open["not_compared"] == "open-days"
    assert "21 Nov 2026 is not closed" in cli("challenge", "verdict").stdout
    cli("close", "2026-11-21")
    v = json.loads(cli("challenge", "verdict", "--json").stdout)
    assert v["end"] == "2026-11-22T02:00:00+01:00"
    assert v["touched"][0]["count"] == 1
    per_use = json.loads(cli("catalog", "show", "smartphone", "--json").stdout)["captures_per_use"]["value"]
    assert v["captures"]["run"]["active"] == per_use  # the 00:30 touch, after midnight, is in the run
    # The run's hours are 20:00–24:00 and 00:00–02:00: on the 20th, the closed day before, only its
    # 21:00 touches are in them (its morning is outside the hours compared).
    assert v["captures"]["baseline_days"] == 1
    assert v["captures"]["baseline"]["active"] == 4 * per_use


def test_a_run_across_the_clock_change_covers_one_calendar_day(cli, monkeypatch) -> None:
    at(monkeypatch, "2026-10-26T09:00:00+01:00")
    cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-10-01")
    cli("challenge", "start", "day-without-big-data", "--at", "2026-10-25T00:00")  # 25 hours long in Paris
    v = json.loads(cli("challenge", "verdict", "--json").stdout)
    assert v["start"] == "2026-10-25T00:00:00+02:00" and v["end"] == "2026-10-26T00:00:00+01:00"
    assert v["captures"]["run"]["passive"] == 48


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_report_matches_the_golden_file(cli, seed_day, home, lang) -> None:
    out = home / f"report-seed-{lang}.md"
    result = cli("--lang", lang, "challenge", "report", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    for name in (out.name, f"report-seed-{lang}-chart.svg"):
        _golden(name, (home / name).read_text(encoding="utf-8"))
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600


def test_report_leaves_out_notes_and_times_unless_asked(cli, seed_day) -> None:
    plain = cli("challenge", "report").stdout
    assert "(alarm clock)" not in plain and "07:00" not in plain and "00:00" not in plain
    assert "data:image/svg+xml;base64," in plain  # stands alone on stdout
    full = cli("challenge", "report", "--with-notes", "--with-times").stdout
    assert "I could not avoid it (alarm clock)" in full and "I took it on Friday 20 November 2026, from 00:00 to 00:00." in full


def test_html_report_escapes_user_strings(cli, monkeypatch, home) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    (folder / "x.toml").write_text(
        '[collectors]\nx = { en = "x", fr = "x" }\n[[touchpoint]]\nid = "gadget"\n'
        'label = { en = "<script>alert(1)</script>", fr = "<b>truc</b>" }\nkind = "device"\nmode = "active"\n'
        'consent = "opt-in"\ncollectors = ["x"]\ncaptures_per_use = 1\ncaptures_per_use_why = "one"\n',
        encoding="utf-8",
    )
    cli("profile", "add", "gadget", "--since", "2026-11-01")
    cli("challenge", "start", "day-without-big-data", "--at", "2026-11-21T00:00")
    cli("log", "gadget", "--at", "2026-11-21T10:00", "--reason", "chosen", "--note", "<img src=x onerror=alert(2)>")
    page = cli("challenge", "report", "--format", "html", "--with-notes").stdout
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.startswith("<!doctype html>") and "<svg" in page


def test_card_is_pseudonymous_and_private(cli, seed_day, home) -> None:
    out = home / "owl.json"
    result = cli("challenge", "card", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    card = json.loads(out.read_text())
    assert card["format"] == "footprint-challenge-card" and card["version"] == 1
    assert card["pseudonym"] == "owl" and card["challenge"] == "day-without-big-data"
    assert sorted(card["removed"]) == ["bank-card", "computer", "health-card"]
    assert card["touched"] == {"smartphone": 1} and card["captures"]["estimate"] is True
    text = out.read_text()
    assert "alarm clock" not in text and "start" not in card and "T00:00" not in text
    timed = json.loads(cli("challenge", "card", "--with-times", "--as", "hibou").stdout)
    assert timed["start"] == "2026-11-20T00:00:00+01:00" and timed["pseudonym"] == "hibou"


def test_no_card_for_a_running_run(cli) -> None:
    cli("challenge", "start", "cash-only-day")
    result = cli("challenge", "card")
    assert result.exit_code == 2 and "still going" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("challenge", "show", "day-without-bigdata"), 3, "did you mean: day-without-big-data"),
        (("challenge", "start", "../../etc/passwd"), 3, "unknown challenge"),
        (("challenge", "start", "cash-only-day", "--at", "bogus"), 2, "cannot read the date"),
        (("challenge", "start", "cash-only-day", "--as", "x" * 41), 2, "pseudonym"),
        (("challenge", "status"), 3, "no challenge is running"),
        (("challenge", "end"), 3, "no challenge is running"),
        (("challenge", "verdict", "7"), 3, "no run '7'"),
        (("challenge", "report", "--format", "pdf"), 2, ""),
    ],
)
def test_challenge_errors_are_one_line(cli, args, code, fragment) -> None:
    result = cli(*args)
    assert result.exit_code == code, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert fragment in result.stderr


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("id = \n", "line 1"),
        ('schema = 1\nid = "mine"\n', "key 'duration'"),
        ('id = "other"\nduration = "1d"\n', "key 'id': expected 'mine'"),
        ('id = "mine"\nduration = "soon"\n', "key 'duration'"),
        ('id = "mine"\nduration = "1d"\nforbid_kinds = ["gadgets"]\n', "key 'forbid_kinds'"),
        (
            'id = "mine"\nduration = "1d"\nforbid_touchpoints = ["teleporter"]\n'
            'title = { en = "a", fr = "b" }\ndescription = { en = "a", fr = "b" }\ninvite = { en = "a", fr = "b" }\n',
            "'teleporter' is not one",
        ),
        ('id = "mine"\nduration = "1d"\nforbid_kinds = ["social"]\ntitle = { en = "only english" }\n', "key 'title'"),
        (
            'id = "mine"\nduration = "1d"\nforbid_kinds = ["social"]\ntitle = { en = "a", fr = "b" }\n'
            'description = { en = "a", fr = "b" }\ninvite = { en = "a", fr = "b" }\nsource = { title = "a post" }\n',
            "key 'source'",
        ),
    ],
)
def test_malformed_user_challenge_names_file_and_key(cli, home, content, fragment) -> None:
    folder = home / "config" / "challenges"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(content, encoding="utf-8")
    result = cli("challenge", "show", "mine")
    assert result.exit_code == 5 and result.stdout == ""
    assert "mine.toml" in result.stderr and fragment in result.stderr and result.stderr.count("\n") == 1


def test_streaks_count_closed_days_only(cli, monkeypatch) -> None:
    assert "No closed days yet" in cli("streak", "social").stdout
    for day in (15, 16, 17, 19, 20, 21):  # the 18th is never closed
        at(monkeypatch, f"2026-11-{day}T22:00:00+01:00")
        if day == 20:
            cli("log", "facebook")
        cli("close")
    data = json.loads(cli("streak", "social", "--json").stdout)
    assert (data["current"], data["longest"], data["days_with"], data["closed_days"]) == (1, 3, 1, 6)
    assert data["longest_from"] == "2026-11-15" and data["longest_to"] == "2026-11-17"
    assert json.loads(cli("streak", "cb", "--json").stdout)["current"] == 3  # the 18th, never closed, breaks it
    unknown = cli("streak", "facebok")
    assert unknown.exit_code == 3 and "did you mean: facebook" in unknown.stderr


def test_report_format_comes_from_the_out_extension_and_a_mismatch_is_refused(cli, seed_day, home) -> None:
    page = home / "post.html"
    done = cli("challenge", "report", "--out", str(page))
    assert done.exit_code == 0 and done.stdout == ""
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert not (home / "post-chart.svg").exists()  # the page carries its chart inside
    for args, said in (
        (("--format", "html", "--out", str(home / "x.md")), "--format html does not match --out .md"),
        (("--format", "md", "--out", str(home / "x.htm")), "--format md does not match --out .htm"),
        (("--out", str(home)), "is a folder: give a file name"),
    ):
        refused = cli("challenge", "report", *args)
        assert refused.exit_code == 2 and refused.stdout == "" and refused.stderr.count("\n") == 1
        assert said in refused.stderr
    assert not (home / "x.md").exists() and not (home / "x.htm").exists()
    assert cli("challenge", "report", "--format", "html", "--out", str(home / "post.txt")).exit_code == 0
    assert (home / "post.txt").read_text(encoding="utf-8").startswith("<!doctype html>")


def _golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):  # regenerate on purpose, then read the diff line by line
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), name


def test_a_french_tour_of_a_challenge_matches_the_golden_files(cli, seed_day, monkeypatch) -> None:
    """show, live status, end and verdict, runs and a streak, as a French reader sees them: whole phrases,
    « guillemets », a no-break space before the colons, 24 h, names and titles rather than ids."""
    fr = ("--lang", "fr")
    shown = cli(*fr, "challenge", "show", "day-without-big-data")
    assert shown.exit_code == 0 and shown.stderr == ""
    _golden("challenge-show-fr.txt", shown.stdout)
    assert "tous les appareils, toutes les cartes" in shown.stdout and "Durée\u00a0: 24\u00a0h" in shown.stdout
    at(monkeypatch, "2026-11-20T10:00:00+01:00")
    status = cli(*fr, "challenge", "status")
    assert status.exit_code == 0 and status.stderr == ""
    _golden("challenge-status-fr.txt", status.stdout)
    ended = cli(*fr, "challenge", "end", "--at", "2026-11-20T10:00")
    verdict = cli(*fr, "challenge", "verdict")
    runs = cli(*fr, "challenge", "runs")
    streak = cli(*fr, "streak", "social")
    for result in (ended, verdict, runs, streak):
        assert result.exit_code == 0 and result.stderr == ""
    _golden("challenge-end-fr.txt", ended.stdout + verdict.stdout + runs.stdout + streak.stdout)
    assert ended.stdout.startswith("Essai n°\u00a01 terminé plus tôt (10\u00a0h sur 24\u00a0h)\u00a0: 3 sur 5 supprimés\u00a0;")


def test_the_english_status_and_streak_read_as_english(cli, seed_day, monkeypatch) -> None:
    at(monkeypatch, "2026-11-20T10:00:00+01:00")
    lines = cli("challenge", "status").stdout.splitlines()
    assert lines[0] == "Run #1 — A day without Big Data — running, 14 h left (ends 21 Nov 2026 at 00:00)"
    assert lines[1] == (
        "So far: 3 of 5 removed; unavoidable: Smart electricity meter (Linky) (passive), Smartphone (alarm clock)"
    )
    assert "Touched so far: Smartphone ×1 (unavoidable) “alarm clock”" in lines
    assert cli("streak", "card").stdout.splitlines() == [
        "Cards: 1 closed day in a row without a touch, since 20 Nov 2026; longest: 1 day, on 20 Nov 2026",
        "Counted over 8 closed days, 7 of them with a touch. A day never closed breaks a streak.",
    ]
    assert cli("streak", "smartphone").stdout.startswith("Smartphone: touched on the latest closed day")


def test_shipped_challenges_credit_their_post_and_speak_to_people_who_never_read_it() -> None:
    import tomllib

    from footprint.domain.challenge import Source, parse_challenge
    from footprint.resources import shipped_dir

    found = {}
    for path in sorted(shipped_dir("challenges").glob("*.toml")):
        c = parse_challenge(tomllib.loads(path.read_text(encoding="utf-8")), str(path), path.stem)
        found[c.id] = c
        texts = [*c.title, *c.description, *c.invite, *(t for h in c.hints for t in h.text)]
        for text in texts:
            assert "blogger" not in text and "blogueur" not in text and "23:59" not in text, (c.id, text)
        assert c.duration.total_seconds() % 3600 == 0, c.id  # no "5h59": an evening ends at midnight
    assert found["day-without-big-data"].source == Source("Ma journée sans Big Data", "Vincent Barberot", 2018)
    assert "Big Data" in found["day-without-big-data"].invite.en
    klout = found["digital-break-3-weeks"].source
    assert klout is not None and (klout.author, klout.year) == ("Yann Gourvennec", 2011)


def test_the_french_html_report_reads_like_a_post(cli, seed_day) -> None:
    import html

    page = html.unescape(cli("--lang", "fr", "challenge", "report", "--format", "html").stdout)
    assert page.startswith('<!doctype html>\n<html lang="fr">')
    for said in (
        "<p>Je l'ai relevé le vendredi 20 novembre 2026.</p>",
        "<h2>Ce que j'ai laissé de côté</h2><ul><li>Ordinateur</li>",
        "<h2>Ce qui est resté, et pourquoi</h2>",
        "<h2>Si vous essayez</h2>",
        "D'après l'article «\u00a0Ma journée sans Big Data\u00a0» de Vincent Barberot (2018).",
    ):
        assert said in page, said
    assert "day-without-big-data</code>" in page and "blogueur" not in page and "2026-11-20" not in page
