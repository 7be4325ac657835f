"""The nudge to close the day: ``footprint day`` (today) says when yesterday is not closed, and logging on a
closed day says the touch is stored and the day stays closed."""

import json

NBSP = "\u00a0"


def test_today_says_yesterday_is_not_closed(cli) -> None:
    cli("log", "email", "--at", "yesterday 10:00")
    result = cli("day")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[-2:] == ["", "Yesterday (Saturday 21 November 2026) is not closed: footprint close yesterday"]
    fr = cli("--lang", "fr", "day").stdout.splitlines()
    assert fr[-1] == f"La journée d'hier (samedi 21 novembre 2026) n'est pas clôturée{NBSP}: footprint close hier"
    # The command it names does close it, and then the nudge is gone.
    assert cli("--lang", "fr", "close", "hier").exit_code == 0
    assert "not closed" not in cli("day").stdout


def test_no_nudge_for_a_new_journal_nor_on_another_day(cli) -> None:
    cli("log", "email")  # the journal begins today: there is no yesterday to close
    assert "not closed" not in cli("day").stdout
    cli("log", "email", "--at", "-3d")
    assert "not closed" in cli("day").stdout
    assert "not closed" not in cli("day", "yesterday").stdout  # only today reminds
    assert "not closed" not in cli("day", "today").stdout.splitlines()[0]


def test_logging_on_a_closed_day_says_so_and_keeps_it_closed(cli, day_json) -> None:
    assert cli("close", "yesterday").exit_code == 0
    result = cli("log", "cb", "--at", "yesterday 18:00")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "Logged Bank card ×1 on Saturday 21 November 2026 at 18:00: +3 captures (estimate)",
        "Saturday 21 November 2026 is closed: the touch is stored and the day stays closed"
        " (footprint reopen 2026-11-21 to reopen it).",
    ]
    day = day_json("yesterday")
    assert day["closed"] is True and [e["touchpoint"] for e in day["entries"]] == ["bank-card"]
    fr = cli("--lang", "fr", "log", "cb", "email", "--at", "hier 19h").stdout.splitlines()
    assert fr[1] == (
        f"La journée du samedi 21 novembre 2026 est clôturée{NBSP}: les contacts sont notés et la journée reste"
        " clôturée (footprint reopen 2026-11-21 pour la rouvrir)."
    )
    # An open day says nothing more.
    assert cli("log", "cb").stdout.count("\n") == 1
