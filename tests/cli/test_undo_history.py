"""A command that fails, or changes nothing, changes nothing: its undo history included. After each one,
``undo`` still undoes the last real change."""

import json

import pytest

NOOPS = [
    # (what sets the scene, the command that changes nothing, its exit code, what it says on stdout)
    ([], ["reopen"], 0, "Sunday 22 November 2026 was already open.\n"),
    ([["close"]], ["close"], 0, "Sunday 22 November 2026 was already closed.\n"),
    (
        [["profile", "add", "smartphone"]],
        ["profile", "add", "smartphone"],
        0,
        "Already in the profile (nothing changed): Smartphone\n",
    ),
    ([], ["score", "rm", "klout", "--", "2026-11-20"], 3, ""),
    (
        [["score", "add", "klout", "12", "--on", "2026-11-20"]],
        ["score", "add", "klout", "12", "--on", "2026-11-20"],
        0,
        None,
    ),
    ([], ["break", "rm", "7"], 3, ""),
    ([["log", "cb", "-n", "2"]], ["edit", "1", "--count", "2"], 0, None),
    ([], ["rm", "99"], 3, ""),
    ([], ["edit", "99", "--count", "2"], 3, ""),
    ([], ["log", "nosuchthing"], 3, ""),
    ([], ["close", "2030-01-01"], 2, ""),
    ([["profile", "add", "smartphone"]], ["profile", "remove", "cb"], 3, ""),
]


@pytest.mark.parametrize(("scene", "noop", "code", "says"), NOOPS, ids=[" ".join(n[1]) for n in NOOPS])
def test_after_a_no_op_or_a_failure_undo_undoes_the_last_real_change(cli, scene, noop, code, says) -> None:
    for args in scene:
        assert cli(*args).exit_code == 0
    assert cli("log", "email").exit_code == 0  # the last real change
    before = cli("list", "--json").stdout
    result = cli(*noop)
    assert result.exit_code == code, result.stderr
    if says is not None:
        assert result.stdout == says
    if code:
        assert result.stderr.startswith("footprint: ") and result.stderr.count("\n") == 1
    else:
        assert result.stderr == ""
    assert cli("list", "--json").stdout == before
    undone = cli("undo")
    assert undone.exit_code == 0
    assert undone.stdout == "Undone: logging Email ×1\n"
    assert "email" not in cli("list", "--json").stdout


def test_a_failed_score_rm_says_not_found_and_records_nothing(cli) -> None:
    result = cli("score", "rm", "klout", "--", "2026-11-20")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "footprint: no klout value on 2026-11-20\n"
    assert cli("undo").stdout == "Nothing to undo.\n"


def test_an_edit_to_the_values_it_has_says_so(cli) -> None:
    assert cli("log", "cb", "-n", "2", "--at", "08:00").exit_code == 0
    result = cli("edit", "1", "--count", "2")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == "Nothing changed: entry #1 already reads Bank card ×2 · 2026-11-22 08:00 · 6 captures\n"
    assert cli("undo").stdout == "Undone: logging Bank card ×2\n"


def test_re_adding_part_of_the_profile_adds_only_the_rest(cli) -> None:
    assert cli("profile", "add", "smartphone").exit_code == 0
    result = cli("profile", "add", "smartphone", "computer")
    assert result.exit_code == 0
    assert result.stdout == ("Added to the profile: Computer\nAlready in the profile (nothing changed): Smartphone\n")
    assert cli("undo").stdout == "Undone: adding Computer to the profile\n"
    assert cli("undo").stdout == "Undone: adding Smartphone to the profile\n"


def test_a_state_change_or_an_earlier_since_is_a_real_change(cli) -> None:
    assert cli("profile", "add", "linky").exit_code == 0
    assert cli("profile", "add", "linky", "--state", "load-curve").stdout.startswith("Added")
    assert cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-01").stdout.startswith("Added")
    assert cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-10").stdout.startswith("Already")


def test_close_then_close_again_then_undo_reopens(cli, day_json) -> None:
    assert cli("close").exit_code == 0
    assert cli("close").stdout == "Sunday 22 November 2026 was already closed.\n"
    assert cli("undo").stdout == "Undone: closing 22 Nov 2026\n"
    assert day_json()["closed"] is False
    assert cli("undo").stdout == "Nothing to undo.\n"


def test_reopen_of_a_closed_day_is_undoable(cli, day_json) -> None:
    assert cli("close", "yesterday").exit_code == 0
    assert cli("reopen", "yesterday").stdout == "Reopened Saturday 21 November 2026.\n"
    assert cli("reopen", "yesterday").stdout == "Saturday 21 November 2026 was already open.\n"
    assert cli("undo").stdout == "Undone: reopening 21 Nov 2026\n"
    assert day_json("yesterday")["closed"] is True


def test_an_import_that_adds_nothing_records_no_step(cli, home) -> None:
    diary = home / "diary.csv"
    diary.write_text("date,touchpoint,count\n2026-11-20,cb,2\n")
    assert cli("import", "csv", str(diary)).exit_code == 0
    assert cli("log", "email").exit_code == 0
    again = cli("import", "csv", str(diary))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert cli("undo").stdout == "Undone: logging Email ×1\n"
    assert [e["touchpoint"] for e in json.loads(cli("list", "--json").stdout)] == ["bank-card"]


@pytest.mark.parametrize("lang", ["fr"])
def test_the_no_op_answers_speak_french(cli, lang) -> None:
    assert cli("--lang", lang, "reopen").stdout == "La journée du dimanche 22 novembre 2026 était déjà ouverte.\n"
    assert cli("--lang", lang, "profile", "add", "cb").exit_code == 0
    again = cli("--lang", lang, "profile", "add", "cb")
    assert again.stdout == "Déjà dans le profil (rien de changé)\u00a0: Carte bancaire\n"


def test_undo_passes_over_the_no_op_steps_earlier_footprints_recorded(cli, db_path) -> None:
    import sqlite3

    assert cli("log", "email").exit_code == 0
    conn = sqlite3.connect(db_path)  # what a failed `score rm` recorded before: a step that restores nothing
    conn.execute(
        "INSERT INTO ops (at, action, summary, payload) VALUES ('x', 'scores', 'score rm klout', ?)",
        (json.dumps({"keys": [], "before": []}),),
    )
    conn.commit()
    conn.close()
    assert cli("undo").stdout == "Undone: logging Email ×1\n"
    assert cli("list", "--json").stdout.strip() == "[\n]"
    assert cli("undo").stdout == "Nothing to undo.\n"


def test_an_undone_closing_names_the_day_as_the_language_spoken_writes_it(cli) -> None:
    assert cli("close", "yesterday").exit_code == 0  # closed in English…
    result = cli("--lang", "fr", "undo")  # …undone in French: the day is worded when undone
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == "Annulé\u00a0: la clôture du 21 nov. 2026\n"
