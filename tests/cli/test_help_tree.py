"""``--help`` for every command of the tree, in English and in French: it works, the French page is
French (its help texts translated, Typer's headings too), and no help text is left in English."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from footprint import i18n
from footprint.cli import helptext

NBSP = "\u00a0"


def _paths(command, path=()):
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


TREE = helptext.tree()
PATHS = list(_paths(TREE))


def _command(path):
    command = TREE
    for name in path:
        command = command.commands[name]
    return command


def _flat(text: str) -> str:
    """The page as one line of words: the boxes and the wrapping gone."""
    return re.sub(r"[ \t\n]+", " ", re.sub(r"[│╭╮╰╯─]", " ", text)).strip()  # a no-break space stays


def _first_sentence(text: str) -> str:
    return _flat(text.split("\n\n")[0]).split(": ")[0]


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.use("en")


def test_the_tree_is_the_whole_app():
    assert len(PATHS) > 40
    assert ("challenge", "start") in PATHS and ("profile", "add") in PATHS and ("import",) in PATHS


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "footprint" for p in PATHS])
def test_help_in_english_and_french(cli, path):
    english = cli(*path, "--help")
    assert english.exit_code == 0 and english.stderr == "", english.stderr
    assert english.stdout.lstrip().startswith("Usage: footprint")
    assert "Show this message and exit." in _flat(english.stdout)

    french = cli("--lang", "fr", *path, "--help")
    assert french.exit_code == 0 and french.stderr == "", french.stderr
    page = _flat(french.stdout)
    assert page.startswith(f"Utilisation{NBSP}: footprint"), page[:80]
    assert "Afficher ce message et quitter." in page and "Show this message" not in page
    assert "Options" in page  # the same word in French
    if getattr(_command(path), "commands", None):
        assert "Commandes" in page and "COMMANDE [ARGUMENTS]…" in page
    if any(p.param_type_name == "argument" for p in _command(path).params):
        assert "Arguments" in page
    help_text = _command(path).help
    if help_text:
        i18n.use("fr")
        assert _first_sentence(i18n._(help_text)) in page
        assert _first_sentence(help_text) not in page
        i18n.use("en")


def _identical() -> set[str]:
    with (i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "footprint.po").open("rb") as f:
        return {m.id for m in read_po(f, locale="fr") if m.id and "identical" in m.user_comments}


def test_no_help_text_is_left_in_english():
    """Every help text of every command and option has its own French, unless marked identical."""
    identical = _identical()
    texts = helptext.texts_of(TREE) + list(helptext.HEADINGS.values())
    texts += [helptext.USAGE, helptext.HELP_OPTION, helptext.COMMAND_METAVAR, *helptext.TYPES.values()]
    i18n.use("fr")
    english = [text for text in texts if i18n._(text) == text and text not in identical]
    assert english == []


def test_english_help_after_french_is_english_again(cli):
    assert cli("--lang", "fr", "profile", "add", "--help").exit_code == 0
    again = _flat(cli("profile", "add", "--help").stdout)
    assert again.startswith("Usage: footprint profile add") and "Arguments" in again and "<text>" in again
    assert "Options" in again and "[required]" in again and "obligatoire" not in again


def test_option_value_types_are_named_in_french(cli):
    page = _flat(cli("--lang", "fr", "demo", "--help").stdout)
    assert "--db <chemin>" in page and "--days <entier>" in page and f"[par défaut{NBSP}: 365]" in page


def test_demo_help_speaks_to_a_user(cli):
    page = _flat(cli("demo", "--help").stdout)
    assert "seed's" not in page and "a day without Big Data" in page


def test_french_help_follows_the_environment_too(cli, monkeypatch):
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    assert _flat(cli("--help").stdout).startswith(f"Utilisation{NBSP}: footprint")
