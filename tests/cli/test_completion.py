"""Shell completion: the callbacks offer touchpoint ids and aliases, challenge ids and import sources; the
shell's protocol (``_FOOTPRINT_COMPLETE``) answers through the real app; a tab press never fails, never
opens the journal; ``--install-completion`` and ``--show-completion`` work and speak French."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint.cli import completion


class Root:
    """What a callback reads of Click's context: the root's parsed global options."""

    def __init__(self, **params: Any) -> None:
        self.params = params

    def find_root(self) -> Root:
        return self


def names(offer: list[tuple[str, str]]) -> list[str]:
    return [name for name, _help in offer]


def test_touchpoint_ids_and_aliases_with_their_names() -> None:
    offer = dict(completion.touchpoints(Root(), "carte"))
    assert {"carte-bancaire", "carte-bleue", "carte-vitale"} <= set(offer)  # aliases
    assert offer["carte-bleue"] == "Bank card"
    assert "smartphone" in names(completion.touchpoints(Root(), "sm"))  # an id
    assert all(n.startswith("sm") for n in names(completion.touchpoints(Root(), "SM")))
    french = dict(completion.touchpoints(Root(lang="fr"), "cb"))
    assert french == {"cb": "Carte bancaire"}


def test_challenge_ids_include_the_users_own(home) -> None:
    folder = home / "config" / "challenges"
    folder.mkdir(parents=True)
    (folder / "my-own-day.toml").write_text("not even read", encoding="utf-8")
    assert names(completion.challenges(Root(), "")) == sorted(names(completion.challenges(Root(), "")))
    assert {"day-without-big-data", "week-without-social", "my-own-day"} <= set(names(completion.challenges(Root(), "")))
    assert names(completion.challenges(Root(), "day")) == ["day-without-big-data"]


def test_import_sources() -> None:
    offer = dict(completion.import_sources(Root(), ""))
    assert {"google-takeout", "bank", "enedis", "footprint-json", "detect", "sources"} <= set(offer)
    assert names(completion.import_sources(Root(), "goo")) == ["google-takeout"]
    assert dict(completion.import_sources(Root(lang="fr"), "det"))["detect"] == "reconnaître la source d'un fichier"


def test_a_broken_catalog_offers_nothing_instead_of_a_traceback(home) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text("[[touchpoint]\nid = ", encoding="utf-8")
    assert completion.touchpoints(Root(), "sm") == []
    result = tab("footprint log sm")
    assert result.exit_code == 0 and result.stdout.strip() == "" and "Traceback" not in result.stderr


def test_a_tab_press_reads_the_catalog_cache_and_never_opens_the_journal(monkeypatch) -> None:
    assert "smartphone" in names(completion.touchpoints(Root(), "sm"))  # warms the cache
    import footprint.services as services
    from footprint.store import Journal

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a tab press must not parse the catalog again nor open the journal")

    monkeypatch.setattr(services, "read_toml", refuse)
    monkeypatch.setattr(Journal, "__init__", refuse)
    assert "smartphone" in names(completion.touchpoints(Root(), "sm"))
    assert "smartphone" in tab("footprint log sm").stdout.split()


# --- the shells' protocol, through the real app ------------------------------------------------------


def tab(words: str, shell: str = "bash", **extra: str) -> Any:
    """What bash's completion function runs for ``words`` (the last word being typed; a trailing space
    starts a new one)."""
    from footprint.cli import app

    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {"_FOOTPRINT_COMPLETE": f"complete_{shell}", "COMP_WORDS": words, "COMP_CWORD": str(cword), **extra}
    return CliRunner().invoke(app, [], env=env)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("footprint log sm", {"smartphone", "smartwatch"}),
        ("footprint log smartphone carte-b", {"carte-bleue"}),
        ("footprint list --touchpoint face", {"facebook"}),
        ("footprint list -t lin", {"linky", "linkedin"}),
        ("footprint edit 3 --touchpoint ordi", {"ordi", "ordinateur"}),
        ("footprint catalog show lin", {"linky", "linkedin"}),
        ("footprint profile add ord", {"ordi", "ordinateur"}),
        ("footprint profile remove lin", {"linky"}),
        ("footprint challenge start d", {"day-without-big-data", "digital-break-3-weeks"}),
        ("footprint challenge show ", {"cash-only-day", "week-without-social"}),
        ("footprint import goo", {"google-takeout"}),
        ("footprint --lang fr import ", {"detect", "sources", "bank"}),
    ],
)
def test_bash_completion_protocol(words: str, expected: set[str]) -> None:
    result = tab(words)
    assert result.exit_code == 0 and result.stderr == ""
    assert expected <= set(result.stdout.split())


def test_zsh_shows_each_name_in_the_language() -> None:
    result = tab("", shell="zsh", _TYPER_COMPLETE_ARGS="footprint --lang fr log carte-b")
    assert result.exit_code == 0 and result.stderr == ""
    assert '"carte-bleue":"Carte bancaire"' in result.stdout
    english = tab("", shell="zsh", _TYPER_COMPLETE_ARGS="footprint log carte-b")
    assert '"carte-bleue":"Bank card"' in english.stdout


def test_only_the_full_app_carries_completion() -> None:
    import typer

    from footprint.cli import build

    def options(only: str | None) -> set[str]:
        return {p.name for p in typer.main.get_command(build(only)).params}

    assert {"install_completion", "show_completion"} <= options(None)
    assert not {"install_completion", "show_completion"} & options("log")


# --- installing it -----------------------------------------------------------------------------------


@pytest.fixture
def explicit_shell(monkeypatch: pytest.MonkeyPatch, home: Path) -> Any:
    """The app as built where the shell is named on the command line (no detection), with a private HOME."""
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    monkeypatch.setenv("HOME", str(home / "user"))
    from footprint.cli import build

    app = build()
    return lambda *args: CliRunner().invoke(app, list(args))


def test_show_completion_prints_the_script(explicit_shell) -> None:
    result = explicit_shell("--show-completion", "bash")
    assert result.exit_code == 0 and result.stderr == ""
    assert "_FOOTPRINT_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _footprint_completion footprint" in result.stdout
    zsh = explicit_shell("--show-completion", "zsh")
    assert zsh.exit_code == 0 and "compdef _footprint_completion footprint" in zsh.stdout


def test_install_completion_in_english_and_french(explicit_shell, home) -> None:
    result = explicit_shell("--install-completion", "bash")
    script = home / "user" / ".bash_completions" / "footprint.sh"
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == f"Completion for bash installed in {script}: it works in the terminals you open from now on.\n"
    assert f"source '{script}'" in (home / "user" / ".bashrc").read_text()
    assert "_FOOTPRINT_COMPLETE=complete_bash" in script.read_text()
    french = explicit_shell("--lang", "fr", "--install-completion", "bash")
    assert french.exit_code == 0 and french.stderr == ""
    assert french.stdout.startswith(f"Complétion pour bash installée dans {script}\u00a0: elle fonctionnera")


def test_an_unknown_shell_is_one_line(explicit_shell) -> None:
    result = explicit_shell("--show-completion", "tcsh")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and "tcsh" in result.stderr and result.stderr.count("\n") == 1


def test_the_help_offers_completion_in_french(cli) -> None:
    result = cli("--lang", "fr", "--help")
    assert result.exit_code == 0 and result.stderr == ""
    assert "--install-completion" in result.stdout and "Installer la complétion" in result.stdout
