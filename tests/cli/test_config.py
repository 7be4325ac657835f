"""``footprint config``: the preferences file (language, journal, theme, first run, [user]) shown with where
each value comes from, set and unset with checks (nothing written when wrong), and read by every command
after the options and FOOTPRINT_* variables; a damaged file is one line naming the file and the line."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

NBSP = "\u00a0"


@pytest.fixture
def config_file(home: Path) -> Path:
    return home / "config" / "config.toml"


def test_show_without_a_file_says_where_each_value_comes_from(cli, config_file, db_path) -> None:
    result = cli("config")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"Preferences file: {config_file} (not created yet: footprint config set KEY VALUE makes it)"
    assert lines[1].split() == ["language", "en", "(variable", "FOOTPRINT_LANG)"]
    assert lines[2].split() == ["journal", str(db_path), "(variable", "FOOTPRINT_DB)"]
    assert lines[3].split() == ["theme", "dark", "(default)"]
    assert lines[4].split() == ["first_run", "not", "set", "(default)"]
    assert [line.split()[0] for line in lines[5:]] == ["user.name", "user.address"]
    assert not config_file.exists()


def test_set_writes_an_owner_only_file_that_the_next_command_reads(cli, config_file, monkeypatch) -> None:
    monkeypatch.delenv("FOOTPRINT_LANG")
    result = cli("config", "set", "language", "FR")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"language = fr, written to {config_file}\n"
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {"language": "fr"}
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_file.parent.stat().st_mode) == 0o700
    day = cli("day")
    assert day.exit_code == 0 and "dimanche 22 novembre 2026" in day.stdout
    shown = cli("config")
    assert shown.stdout.splitlines()[1].split() == ["language", "fr", "(fichier", "de", "préférences)"]
    # An option, then a FOOTPRINT_* variable, come before the file.
    assert "Sunday 22 November 2026" in cli("--lang", "en", "day").stdout
    monkeypatch.setenv("FOOTPRINT_LANG", "en")
    assert "Sunday 22 November 2026" in cli("day").stdout


def test_the_journal_path_in_the_file_is_used_when_no_option_or_variable_says_otherwise(
    cli, home, monkeypatch
) -> None:
    monkeypatch.delenv("FOOTPRINT_DB")
    folder = home / "journals"
    folder.mkdir()
    set_it = cli("config", "set", "journal", str(folder / "mine.db"))
    assert set_it.exit_code == 0, set_it.stderr
    logged = cli("log", "smartphone")
    assert (logged.exit_code, logged.stderr) == (0, "")
    assert (folder / "mine.db").exists()
    line = cli("config").stdout.splitlines()[2].split()
    assert line == ["journal", str(folder / "mine.db"), "(preferences", "file)"]
    other = home / "fp-data" / "other.db"
    assert cli("--db", str(other), "log", "computer").exit_code == 0 and other.exists()
    assert cli("--db", str(other), "config").stdout.splitlines()[2].split()[-2:] == ["(option", "--db)"]


def test_a_journal_in_a_folder_that_does_not_exist_is_refused_as_with_db(cli, home, config_file) -> None:
    result = cli("config", "set", "journal", str(home / "jounral" / "j.db"))
    with_db = cli("--db", str(home / "jounral" / "j.db"), "log", "smartphone")
    assert result.exit_code == with_db.exit_code == 4
    assert result.stderr == with_db.stderr == f"footprint: {home / 'jounral'}: no such folder (create it first)\n"
    assert result.stdout == "" and not config_file.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("lang", "fr"), "unknown preference 'lang' (did you mean: language?): use language, journal, theme, "),
        (("language", "de"), "unknown language 'de': use en, fr"),
        (("theme", "drak"), "unknown theme 'drak' (did you mean: dark?): use light, dark or one of "),
        (("first_run", "maybe"), "first_run must be done or skipped, not 'maybe'"),
        (("user.name", "Camille\nMartin"), "user.name must be one line (user.address may take several)"),
        (("theme", "  "), "theme needs a value (footprint config unset theme removes it)"),
    ],
)
def test_a_wrong_key_or_value_is_one_line_and_nothing_is_written(cli, config_file, args, message) -> None:
    result = cli("config", "set", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"footprint: {message}") and result.stderr.count("\n") == 1
    assert not config_file.exists()


def test_set_and_unset_keep_the_rest_of_the_file(cli, config_file) -> None:
    config_file.parent.mkdir(mode=0o700)
    original = '# mine\nlanguage = "en"  # English please\n\n[collectors]\nwho = "kept"\n\n[user]\nname = "A"\n'
    config_file.write_text(original, encoding="utf-8")
    assert cli("config", "set", "theme", "Nord").exit_code == 0
    assert cli("config", "set", "user.name", 'Camille "Cam" Martin').exit_code == 0
    address = cli("config", "set", "user.address", "12 rue des Lilas\n75011 Paris\n")
    assert address.stdout == f"user.address = 12 rue des Lilas / 75011 Paris, written to {config_file}\n"
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith('# mine\nlanguage = "en"  # English please\ntheme = "nord"\n\n[collectors]\nwho = "kept"\n')
    assert tomllib.loads(text) == {
        "language": "en",
        "theme": "nord",
        "collectors": {"who": "kept"},
        "user": {"name": 'Camille "Cam" Martin', "address": "12 rue des Lilas\n75011 Paris"},
    }
    removed = cli("config", "unset", "theme")
    assert (removed.exit_code, removed.stdout) == (0, f"theme removed from {config_file}\n")
    again = cli("config", "unset", "theme")
    assert (again.exit_code, again.stdout) == (0, f"theme was not set in {config_file}: nothing changed\n")
    assert cli("config", "unset", "user.address").exit_code == 0
    assert cli("config", "unset", "user.name").exit_code == 0
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {
        "language": "en",
        "collectors": {"who": "kept"},
        "user": {},
    }
    assert config_file.read_text(encoding="utf-8").startswith('# mine\nlanguage = "en"  # English please\n\n')


def test_a_damaged_file_stops_every_command_with_its_line_but_config_path_still_answers(cli, config_file) -> None:
    config_file.parent.mkdir(mode=0o700)
    config_file.write_text('language = "fr"\ntheme = dark\n', encoding="utf-8")
    for args in (("log", "smartphone"), ("config",), ("config", "set", "theme", "light")):
        result = cli(*args)
        assert result.exit_code == 5, args
        assert result.stdout == ""
        assert result.stderr == (
            f"footprint: {config_file}, line 2: this is not valid TOML (fix that line, or remove the file)\n"
        )
    path = cli("config", "path")
    assert (path.exit_code, path.stdout, path.stderr) == (0, f"{config_file}\n", "")
    config_file.write_text('language = "de"\n', encoding="utf-8")
    wrong = cli("log", "smartphone")
    assert wrong.exit_code == 5
    assert wrong.stderr == f"footprint: {config_file}: language must be one of en, fr, not 'de'\n"
    fixed = cli("config", "unset", "language")  # a wrong value can still be taken out
    assert fixed.exit_code == 0 and cli("log", "smartphone").exit_code == 0


def test_a_layout_the_line_editor_cannot_follow_is_left_alone(cli, config_file) -> None:
    config_file.parent.mkdir(mode=0o700)
    config_file.write_text('user.name = "A"\n', encoding="utf-8")
    result = cli("config", "set", "user.name", "B")
    assert result.exit_code == 5
    assert result.stderr == (
        f"footprint: {config_file}: footprint cannot change user.name without touching the rest of the file: "
        "edit it by hand\n"
    )
    assert config_file.read_text(encoding="utf-8") == 'user.name = "A"\n'


def test_in_french(cli, config_file, home) -> None:
    shown = cli("--lang", "fr", "config")
    assert shown.exit_code == 0
    first = shown.stdout.splitlines()[0]
    assert first == (
        f"Fichier de préférences{NBSP}: {config_file} (pas encore créé{NBSP}: "
        "footprint config set CLÉ VALEUR le crée)"
    )
    assert shown.stdout.splitlines()[4].split() == ["first_run", "non", "défini", "(par", "défaut)"]
    done = cli("--lang", "fr", "config", "set", "first_run", "skipped")
    assert (done.exit_code, done.stderr) == (0, "")
    assert done.stdout == f"first_run = skipped, écrit dans {config_file}\n"
    assert "first_run     passé" in cli("--lang", "fr", "config").stdout
    bad = cli("--lang", "fr", "config", "set", "lang", "fr")
    assert bad.exit_code == 2 and bad.stdout == ""
    unknown = f"footprint: préférence inconnue «{NBSP}lang{NBSP}» (vouliez-vous dire{NBSP}: language{NBSP}?)"
    assert bad.stderr.startswith(unknown)
    missing = cli("--lang", "fr", "config", "set", "journal", str(home / "nope" / "j.db"))
    assert missing.stderr == f"footprint: {home / 'nope'}{NBSP}: dossier introuvable (créez-le d'abord)\n"
    config_file.write_text("[user\n", encoding="utf-8")
    damaged = cli("--lang", "fr", "day")
    assert damaged.exit_code == 5
    assert damaged.stderr == (
        f"footprint: {config_file}, ligne 1{NBSP}: ce n'est pas du TOML valide (corrigez cette ligne, "
        "ou supprimez le fichier)\n"
    )


def test_without_a_file_footprint_log_imports_neither_the_reader_nor_tomllib(home, config_file) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom footprint.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('tomllib', 'footprint.config') if m in sys.modules), file=sys.stderr)"
    )
    env = {k: v for k, v in os.environ.items() if k != "FOOTPRINT_LANG"}
    run = [sys.executable, "-c", code, "log", "smartphone"]
    subprocess.run(run, env=env, capture_output=True, check=True)  # builds the catalog cache (reads TOML)
    assert subprocess.run(run, env=env, capture_output=True, text=True).stderr == "[]\n"
    config_file.parent.mkdir(mode=0o700)
    config_file.write_text('language = "en"\n', encoding="utf-8")
    with_file = subprocess.run(run, env=env, capture_output=True, text=True).stderr
    assert with_file == "['footprint.config', 'tomllib']\n"
