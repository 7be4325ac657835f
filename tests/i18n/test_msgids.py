"""Every error footprint raises is a msgid of the message catalogue, worded where it is shown: the code
never builds an error's sentence itself (an f-string, a concatenation, a variable holding English), or
French mode would show English. And a sample of errors, shown through the command line in French, reads
as French from the first word to the last."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "footprint"

# Modules whose owners are still converting their messages to msgids: converted by their owners; the lead
# empties this set.
PENDING = {
    "importers/*",
    "cli/*",
    "tui/*",
    "exporters/*",  # every exporter but exporters/__init__.py
    "charts.py",
    "svg.py",
}
NOT_PENDING = {"exporters/__init__.py"}
# The catalogue's own machinery hands msgids on (``say(msgid, **values)``): it holds none of its own.
MACHINERY = {"i18n.py", "errors.py"}

# The functions whose first argument is a msgid (the catalogue's extractor knows the same names).
MARKERS = {"N_", "say", "nsay", "psay", "_", "ngettext", "pgettext", "npgettext"}
# Errors whose message is not their first argument: CardError(origin, reason).
MESSAGE_ARG = {"CardError": 1}


def _pending(relative: str) -> bool:
    if relative in NOT_PENDING:
        return False
    return any(Path(relative).match(pattern) or relative.startswith(pattern.rstrip("*")) for pattern in PENDING)


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def error_classes(modules: list[tuple[str, ast.Module]]) -> set[str]:
    """``FootprintError`` and every class of the tree that derives from it, by name, however deep."""
    found = {"FootprintError"}
    classes = [node for _, tree in modules for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for node in classes:
            if node.name not in found and any(_name(base) in found for base in node.bases):
                found.add(node.name)
                grew = True
    return found


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _marked(node: ast.expr) -> bool:
    """A literal msgid, or a call of the catalogue's markers (whose own msgid is checked separately)."""
    return _literal(node) or (isinstance(node, ast.Call) and _name(node.func) in MARKERS - {"_"})


def bad_errors(tree: ast.Module, errors: set[str]) -> list[tuple[int, str]]:
    """Constructions of an error (raised or returned) whose message is not a msgid."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in errors:
            continue
        position = MESSAGE_ARG.get(_name(node.func) or "", 0)
        if len(node.args) <= position:
            continue  # no message at all (an error that words itself)
        if not _marked(node.args[position]):
            found.append((node.lineno, ast.unparse(node)[:100]))
    return found


def bad_markers(tree: ast.Module) -> list[tuple[int, str]]:
    """Marker calls whose msgid is not a literal string (the extractor would miss it)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in MARKERS and isinstance(node.func, ast.Name):
            name = node.func.id
            first = 1 if name in ("pgettext", "psay", "npgettext") else 0
            wanted = node.args[first : first + (2 if name in ("ngettext", "nsay", "npgettext") else 1)]
            if any(not _literal(arg) for arg in wanted):
                found.append((node.lineno, ast.unparse(node)[:100]))
    return found


MODULES = list(_modules())
ERRORS = error_classes(MODULES)


def test_the_error_family_is_found_in_the_tree() -> None:
    assert {"FootprintError", "BadInput", "NotFound", "StorageError", "JournalBusy", "DataFileError"} <= ERRORS
    assert "CardError" in ERRORS  # a subclass of a subclass, outside errors.py


def test_every_error_outside_the_pending_modules_carries_a_msgid() -> None:
    problems = [
        f"{relative}:{line}: {code}"
        for relative, tree in MODULES
        if not _pending(relative)
        for line, code in bad_errors(tree, ERRORS)
    ]
    assert problems == []


def test_every_msgid_outside_the_pending_modules_is_a_literal() -> None:
    problems = [
        f"{relative}:{line}: {code}"
        for relative, tree in MODULES
        if not _pending(relative) and relative not in MACHINERY
        for line, code in bad_markers(tree)
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("code", "bad"),
    [
        ('raise BadInput(f"no entry #{n}")', True),
        ('raise BadInput("no entry #" + str(n))', True),
        ("raise BadInput(problem)", True),
        ('raise NotFound(N_("no entry #{id}"), id=n)', False),
        ('raise BadInput(nsay("{n} day", "{n} days", k))', False),
        ('raise CardError(origin, f"bad {key}")', True),
        ('raise CardError(origin, say("empty file"))', False),
        ('return errors.StorageError(f"cannot write {path}")', True),
        ('raise ValueError(f"not ours: {x}")', False),
    ],
)
def test_the_walk_tells_a_msgid_from_a_built_sentence(code: str, bad: bool) -> None:
    """The check itself can fail: what it must refuse, it refuses."""
    tree = ast.parse(f"def f():\n    {code}\n")
    assert bool(bad_errors(tree, ERRORS)) is bad


def test_a_msgid_built_at_run_time_is_refused() -> None:
    assert bad_markers(ast.parse('say(f"{n} rows")')) and bad_markers(ast.parse("N_(text)"))
    assert not bad_markers(ast.parse('nsay("{n} row", "{n} rows", n)'))
    assert not bad_markers(ast.parse('psay("moment", "{day} at {time}", day=d, time=t)'))


# --- errors as a French user sees them ---------------------------------------------------------------

# English words that never appear in a French sentence (the commands' and options' own names aside).
_ENGLISH = re.compile(
    r"\b(the|is|not|no|unknown|cannot|expected|found|entry|use|try|see|has|holds|damaged|already|of|with)\b"
)


def _french_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("footprint: ") or line.startswith("footprint : "), line
    # Commands, options and quoted values are the user's own words, not sentences: leave them out.
    prose = re.sub(r"«\xa0[^»]*\xa0»|--[\w-]+|\S*/\S*|#\d+", "", line.split(":", 1)[1])
    assert not _ENGLISH.search(prose), f"English in French mode: {line!r}"
    return line


def test_an_unknown_touchpoint_is_said_in_french(cli) -> None:
    result = cli("--lang", "fr", "log", "smartphon")
    assert result.exit_code == 3 and result.stdout == ""
    line = _french_line(result.stderr)
    assert "point de contact inconnu «\xa0smartphon\xa0»" in line
    assert "(vouliez-vous dire\xa0: smartphone" in line and line.endswith("\xa0?)")


def test_a_date_footprint_cannot_read_is_said_in_french(cli) -> None:
    result = cli("--lang", "fr", "log", "smartphone", "--at", "la semaine des quatre jeudis")
    assert result.exit_code == 2 and result.stdout == ""
    line = _french_line(result.stderr)
    assert "date illisible «\xa0la semaine des quatre jeudis\xa0»\xa0: essayez" in line


def test_an_unknown_entry_is_said_in_french(cli) -> None:
    result = cli("--lang", "fr", "rm", "999")
    assert result.exit_code == 3 and result.stdout == ""
    line = _french_line(result.stderr)
    assert line.endswith("aucune entrée #999 (voyez «\xa0footprint list\xa0»)")


def test_a_future_touch_is_said_in_french(cli) -> None:
    result = cli("--lang", "fr", "log", "smartphone", "--at", "2030-01-01")
    assert result.exit_code == 2 and result.stdout == ""
    line = _french_line(result.stderr)
    assert "est dans le futur\xa0: notez ce qui a déjà eu lieu" in line and "2030" in line


def test_a_damaged_journal_is_said_in_french(cli, db_path) -> None:
    """A journal another program filled with the wrong types: one French line, exit 4."""
    import sqlite3

    assert cli("log", "smartphone").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE entries SET count = 'beaucoup'")
    result = cli("--lang", "fr", "list")
    assert result.exit_code == 4 and result.stdout == ""
    line = _french_line(result.stderr)
    assert "le journal est endommagé\xa0: l'entrée #1 contient une valeur du mauvais type" in line


def test_a_journal_that_is_not_one_is_said_in_french(cli, home) -> None:
    other = home / "notes.db"
    other.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    result = cli("--lang", "fr", "--db", str(other), "list")
    assert result.exit_code == 4 and result.stdout == ""
    line = _french_line(result.stderr)
    assert "n'est pas un journal footprint" in line and "(il est resté intact)" in line


def test_an_undo_step_is_worded_in_the_language_of_the_undo(cli) -> None:
    """The step is stored as a msgid and its values (labels in every language), so a touch logged in
    English is undone in French with French words, the touchpoint's French name included."""
    assert cli("log", "bank-card", "--count", "2").exit_code == 0
    result = cli("--lang", "fr", "undo")
    assert result.exit_code == 0 and result.stderr == ""
    # "Annulé : {what}" itself is the journal view's phrase; what was undone is the store's
    assert result.stdout.startswith("Annulé") and result.stdout.endswith(": la saisie de Carte bancaire ×2\n")
    assert cli("log", "email").exit_code == 0
    assert cli("undo").stdout == "Undone: logging Email ×1\n"


def test_a_summary_an_older_footprint_wrote_comes_back_as_it_was() -> None:
    from footprint.domain.catalog import Text
    from footprint.i18n import say
    from footprint.store.summary import restored, stored

    assert restored("log email ×1") == "log email ×1"
    step = say("logging {names}", names=Text("Email ×1", "Courriel ×1"))
    assert restored(stored(step)) == step and stored(step) == stored(restored(stored(step)))


def test_the_catalog_explains_its_estimates_in_french(cli) -> None:
    result = cli("--lang", "fr", "catalog", "show", "linky")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Par défaut, Enedis collecte un index de consommation par jour" in result.stdout
    assert "By default Enedis" not in result.stdout
    english = cli("catalog", "show", "linky", "--json")
    assert "By default Enedis collects one daily consumption index" in english.stdout
