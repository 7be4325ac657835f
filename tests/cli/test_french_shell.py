"""The command line in French: usage errors as one French line (exit 2), and golden French outputs of
the profile, an import summary and a catalog entry, reviewed line by line (tests/golden/*-fr.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
S = "\u00a0"  # the no-break space French puts before « : ; ! ? » and inside « »

USAGE = [
    (["lgo"], f"commande inconnue «{S}lgo{S}» (vouliez-vous dire{S}: log{S}?)"),
    (
        ["log", "--cout", "2"],
        f"option inconnue «{S}--cout{S}» pour «{S}footprint log{S}» (vouliez-vous dire{S}: --count{S}?)",
    ),
    (
        ["profile", "add"],
        f"«{S}footprint profile add{S}» attend l'argument «{S}touchpoints{S}»{S}; "
        f"voyez «{S}footprint profile add --help{S}»",
    ),
    (["log", "smartphone", "--count", "x"], f"--count attend un nombre entier, pas «{S}x{S}»"),
    (["log", "smartphone", "--count"], "--count attend une valeur"),
    (
        ["undo", "extra"],
        f"argument inattendu «{S}extra{S}» pour «{S}footprint undo{S}»{S}; voyez «{S}footprint undo --help{S}»",
    ),
    (
        ["break"],
        f"«{S}footprint break{S}» attend une commande (add, list, rm, effect){S}; "
        f"voyez «{S}footprint break --help{S}»",
    ),
    (
        ["log", "--debug", "smartphone"],
        f"option inconnue «{S}--debug{S}» pour «{S}footprint log{S}»{S}: --debug se place avant la commande, "
        f"comme dans «{S}footprint --debug …{S}»",
    ),
    (["catalog", "--json=1"], "--json ne prend pas de valeur"),
    (
        ["profile", "nope"],
        f"commande inconnue «{S}nope{S}» pour «{S}footprint profile{S}»{S}; "
        f"voyez «{S}footprint profile --help{S}»",
    ),
    (["import", "csv"], f"«{S}footprint import csv{S}» attend le fichier, le dossier ou le zip à importer"),
]


@pytest.mark.parametrize(("args", "said"), USAGE, ids=[" ".join(a) for a, _ in USAGE])
def test_usage_errors_are_one_french_line(cli, args, said):
    result = cli("--lang", "fr", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"footprint: {said}\n"


ENGLISH = [
    (["lgo"], "unknown command 'lgo' (did you mean: log?)"),
    (["log", "--cout", "2"], "unknown option '--cout' for 'footprint log' (did you mean: --count?)"),
    (["log", "smartphone", "--count", "x"], "--count needs a whole number, not 'x'"),
]


@pytest.mark.parametrize(("args", "said"), ENGLISH, ids=[" ".join(a) for a, _ in ENGLISH])
def test_the_same_errors_in_english(cli, args, said):
    result = cli(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"footprint: {said}\n"


def test_a_system_error_is_worded_in_french():
    import errno

    from footprint import i18n
    from footprint.cli.failure import os_error
    from footprint.errors import ExitCode

    i18n.use("fr")
    try:
        full = OSError(errno.ENOSPC, "No space left on device")
        assert os_error(full, output_broken=True) == (
            f"impossible d'écrire la sortie{S}: plus d'espace disponible sur le périphérique",
            ExitCode.STORAGE,
        )
        denied = OSError(errno.EACCES, "Permission denied", "out.json")
        assert os_error(denied, False) == (f"out.json{S}: permission refusée", ExitCode.STORAGE)
    finally:
        i18n.use("en")


def _golden(name: str, text: str) -> None:
    assert text == (GOLDEN / name).read_text(encoding="utf-8")


def test_golden_french_profile(cli):
    added = cli("profile", "add", "portable", "ordi", "cb", "carte-vitale", "linky", "--since", "2026-11-01")
    assert added.exit_code == 0
    assert cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-15").exit_code == 0
    result = cli("--lang", "fr", "profile")
    assert result.exit_code == 0 and result.stderr == ""
    _golden("profile-fr.txt", result.stdout)


def test_golden_french_import_summary(cli):
    path = FIXTURES / "footprint-json" / "journal.json"
    dry = cli("--lang", "fr", "import", "footprint-json", str(path), "--dry-run")
    done = cli("--lang", "fr", "import", "footprint-json", str(path))
    again = cli("--lang", "fr", "import", "footprint-json", str(path))
    assert dry.exit_code == done.exit_code == again.exit_code == 0
    assert dry.stderr == done.stderr == again.stderr == ""
    _golden("import-summary-fr.txt", dry.stdout + done.stdout + again.stdout)


def test_golden_french_catalog_show(cli):
    result = cli("--lang", "fr", "catalog", "show", "linky")
    assert result.exit_code == 0 and result.stderr == ""
    _golden("catalog-show-fr.txt", result.stdout)


def test_french_import_sources_and_catalog_list(cli):
    sources = cli("--lang", "fr", "import", "sources").stdout
    assert f"Archive Twitter / X{S}: tweets par jour" in sources and "any CSV" not in sources
    listing = cli("--lang", "fr", "catalog", "--kind", "card").stdout
    assert "Carte bancaire" in listing and " carte " in listing and " card " not in listing and "active" not in listing


def test_a_day_not_on_the_calendar_is_said_in_french(cli) -> None:
    result = cli("--lang", "fr", "day", "2026-13-01")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "footprint: «\u00a02026-13-01\u00a0» n’est pas un jour du calendrier (année-mois-jour)\n"
