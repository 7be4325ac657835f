"""What `challenge start --at` means (now, a day alone, a day and a time), what end and abandon do to a run
that has not begun, how a run ended early is marked, and a verdict that compares like with like. The
frozen clock is Sunday 22 November 2026, 09:30 in Paris."""

import json

import pytest


def at(monkeypatch, when: str) -> None:
    monkeypatch.setenv("FOOTPRINT_NOW", when)


def _runs(cli) -> list[dict]:
    return json.loads(cli("challenge", "runs", "--json").stdout)


@pytest.mark.parametrize("args", [(), ("--at", "now"), ("--at", "maintenant")])
def test_now_and_no_at_start_this_instant(cli, args) -> None:
    started = cli("challenge", "start", "day-without-big-data", *args)
    assert started.exit_code == 0 and started.stderr == ""
    assert started.stdout.splitlines()[0] == (
        "Started “A day without Big Data” (run #1) from Sunday 22 November 2026 at 09:30 "
        "to Monday 23 November 2026 at 09:30."
    )
    assert _runs(cli)[0]["start"] == "2026-11-22T09:30:00+01:00"


def test_today_once_its_usual_start_passed_starts_now_and_says_so(cli) -> None:
    started = cli("challenge", "start", "day-without-big-data", "--at", "today")
    assert started.exit_code == 0 and started.stderr == ""
    lines = started.stdout.splitlines()
    assert lines[1] == "Its usual start, 00:00 today, has passed: it starts now. To start it at 00:00 anyway: --at 00:00"
    assert _runs(cli)[0]["start"] == "2026-11-22T09:30:00+01:00"
    cli("challenge", "abandon")
    fr = cli("--lang", "fr", "challenge", "start", "cash-only-day", "--at", "aujourd'hui")
    assert fr.stdout.splitlines()[1] == (
        "Son heure habituelle de début, 00:00 aujourd'hui, est passée\u00a0: il commence maintenant. "
        "Pour le faire commencer à 00:00 malgré tout\u00a0: --at 00:00"
    )


def test_a_day_alone_is_that_day_at_the_usual_start(cli) -> None:
    tonight = cli("challenge", "start", "evening-without-smartphone", "--at", "today")
    assert tonight.exit_code == 0 and tonight.stderr == ""
    assert tonight.stdout.splitlines()[0] == (
        "Planned “An evening without a smartphone” (run #1) from Sunday 22 November 2026 at 18:00 "
        "to Monday 23 November 2026 at 00:00: it starts in 8 h 30."
    )
    cli("challenge", "abandon")  # it had not begun: cancelled, removed (its number is free again)
    past = cli("challenge", "start", "day-without-big-data", "--at", "2026-11-21")
    assert past.exit_code == 0
    assert past.stdout.splitlines()[0] == (
        "Recorded “A day without Big Data” (run #1) from Saturday 21 November 2026 at 00:00 to Sunday 22 "
        "November 2026 at 00:00, already over: see footprint challenge verdict 1."
    )
    monday = cli("challenge", "start", "week-without-social", "--at", "lundi")  # no usual time: 00:00
    assert monday.exit_code == 0
    assert [(r["challenge"], r["start"]) for r in _runs(cli)] == [
        ("day-without-big-data", "2026-11-21T00:00:00+01:00"),
        ("week-without-social", "2026-11-16T00:00:00+01:00"),
    ]


def test_a_day_and_a_time_is_exactly_then(cli) -> None:
    started = cli("--lang", "fr", "challenge", "start", "cash-only-day", "--at", "2026-11-22 08:15")
    assert started.exit_code == 0 and started.stderr == ""
    assert started.stdout.splitlines()[0] == (
        "Défi «\u00a0Une journée en espèces\u00a0» commencé (essai n°\u00a01) du dimanche 22 novembre "
        "2026 à 08:15 au lundi 23 novembre 2026 à 08:15."
    )
    assert _runs(cli)[0]["start"] == "2026-11-22T08:15:00+01:00"


def test_a_planned_run_cannot_end_and_abandon_cancels_it(cli) -> None:
    assert cli("challenge", "start", "day-without-big-data", "--at", "2026-11-25").exit_code == 0
    status = cli("challenge", "status")
    assert status.stdout.splitlines() == [
        "Run #1 — A day without Big Data — starts in 2 d 14 h 30 (25 Nov 2026 at 00:00)",
        "Not begun: it starts on 25 Nov 2026 at 00:00",
    ]
    assert "A day without Big Data" in cli("challenge", "runs").stdout
    assert cli("challenge", "runs").stdout.rstrip().endswith("starts in 2 d 14 h 30 (25 Nov 2026 at 00:00)")
    refused = cli("challenge", "end")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr == (
        "footprint: run #1 has not begun (it starts on 25 Nov 2026 at 00:00): to cancel it, "
        "footprint challenge abandon 1\n"
    )
    cancelled = cli("challenge", "abandon")
    assert cancelled.exit_code == 0 and cancelled.stderr == ""
    assert cancelled.stdout == (
        "Cancelled: the challenge “A day without Big Data” planned for Wednesday 25 November 2026 at 00:00 "
        "(footprint undo brings it back).\n"
    )
    assert _runs(cli) == [] and cli("challenge", "runs").stdout == "No runs yet: footprint challenge list\n"
    assert cli("undo").stdout == "Undone: cancelling the challenge A day without Big Data\n"
    assert [r["status"] for r in _runs(cli)] == ["active"]
    fr = cli("--lang", "fr", "challenge", "abandon")
    assert fr.stdout == (
        "Annulé\u00a0: le défi «\u00a0Une journée sans Big Data\u00a0» prévu le mercredi 25 novembre 2026 à 00:00 "
        "(footprint undo le rétablit).\n"
    )


@pytest.fixture
def ended_early(cli, monkeypatch):
    """A cash-only day from 00:00, ended by hand at 06:00 (a closed day before it, the card touched at 08:00)."""
    cli("profile", "add", "cb", "--since", "2026-11-01")
    at(monkeypatch, "2026-11-21T23:00:00+01:00")
    cli("log", "cb", "--at", "08:00")
    cli("close")
    at(monkeypatch, "2026-11-22T09:30:00+01:00")
    cli("challenge", "start", "cash-only-day", "--at", "00:00")
    at(monkeypatch, "2026-11-22T06:00:00+01:00")
    done = cli("challenge", "end")
    at(monkeypatch, "2026-11-22T09:30:00+01:00")
    return done


def test_a_run_ended_early_says_so_everywhere(cli, ended_early, home) -> None:
    assert ended_early.exit_code == 0 and ended_early.stderr == ""
    assert ended_early.stdout.startswith("Ended run #1 early (6 h of 24 h): 1 of 1 removed")
    (run,) = _runs(cli)
    assert run["ended_early"] is True and run["planned_end"] == "2026-11-23T00:00:00+01:00"
    assert "ended early (6 h of 24 h)" in cli("challenge", "runs").stdout
    assert "terminé plus tôt (6\u00a0h sur 24\u00a0h)" in cli("--lang", "fr", "challenge", "runs").stdout
    assert cli("challenge", "status").stdout.startswith("Run #1 — A cash-only day — ended early (6 h of 24 h)")
    v = json.loads(cli("challenge", "verdict", "--json").stdout)
    assert v["ended_early"] is True and v["headline"].startswith("Ended early (6 h of 24 h): 1 of 1 removed")
    assert "I ended it early, after 6 h of the planned 24 h." in cli("challenge", "report").stdout
    fr = cli("challenge", "report", "--lang", "fr").stdout
    assert "Je l'ai terminé plus tôt que prévu\u00a0: 6\u00a0h sur 24\u00a0h." in fr
    card = json.loads(cli("challenge", "card").stdout)
    assert (card["hours"], card["planned_hours"], card["ended_early"]) == (6, 24, True)


def test_today_still_open_is_compared_with_the_same_hours_so_far(cli, monkeypatch) -> None:
    """The issue's 45 against 746: this morning, logged so far, against whole closed days. Now the same
    morning hours of the closed day before are the baseline, and the verdict says today is not closed."""
    cli("profile", "add", "cb", "--since", "2026-11-01")
    at(monkeypatch, "2026-11-21T23:00:00+01:00")
    cli("log", "cb", "--at", "08:00")
    cli("log", "cb", "--at", "20:00", "--count", "9")  # the evening: outside the hours compared
    cli("close")
    at(monkeypatch, "2026-11-22T09:30:00+01:00")
    cli("challenge", "start", "cash-only-day", "--at", "00:00")
    v = json.loads(cli("challenge", "verdict", "--json").stdout)
    per_use = int(json.loads(cli("catalog", "show", "cb", "--json").stdout)["captures_per_use"]["value"])
    assert v["captures"]["baseline"]["active"] == per_use and v["captures"]["change"] == -1.0
    lines = cli("challenge", "status").stdout.splitlines()
    assert lines[-2:] == [
        f"Compared with the same hours of the closed day before the run: {per_use} (the run: −100%)",
        "Today is not closed yet: the run is compared up to now, with what you logged so far.",
    ]
    fr = cli("--lang", "fr", "challenge", "status").stdout
    assert f"Comparé aux mêmes heures du jour clôturé avant le défi\u00a0: {per_use} (le défi\u00a0: −100\u00a0%)" in fr


def test_start_help_says_what_each_form_means(cli) -> None:
    def words(*args: str) -> str:
        return " ".join(w for w in cli(*args, "--help").stdout.split() if w != "│")

    help_en = words("challenge", "start")
    for said in ("now (the default); a day alone (today, 2026-11-21, lundi): that day at the", "exactly then"):
        assert said in help_en
    assert "un jour seul (today, 2026-11-21, lundi) : ce jour-là" in words("--lang", "fr", "challenge", "start")
