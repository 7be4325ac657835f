"""Keep the message catalogue in step with the code (Babel does the work).

    python tools/catalogue.py update    # extract the msgids, merge them into every .po, compile the .mo
    python tools/catalogue.py check     # what the test suite checks: nothing missing, untranslated or stale

The .po files are written sorted and without source locations, so two branches that add messages merge
line by line. A translation that is the same word in both languages on purpose (``Journal``, ``total``)
carries the translator comment ``# identical`` in the .po; any other msgstr equal to its msgid is reported.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "footprint"
LOCALE = PACKAGE / "locale"
DOMAIN = "footprint"
KEYWORDS = {
    "_": None,
    "N_": None,
    "say": None,
    "ngettext": (1, 2),
    "nsay": (1, 2),
    "pgettext": ((1, "c"), 2),
    "psay": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
METHODS = [("**.py", "python")]
IDENTICAL = "identical"
STEADY_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def extracted() -> Catalog:
    """Every msgid the code holds, as a template."""
    template = Catalog(project="footprint", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), METHODS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for text in help_texts():
        if text not in template:
            template.add(text, None, [("cli", 0)])
    return template


def help_texts() -> list[str]:
    """The help of every command and option, as Typer builds it from the declarations (``help=``,
    docstrings), and each importer's description (``footprint import sources``): msgids without a mark,
    translated where they are shown."""
    sys.path.insert(0, str(PACKAGE.parent))
    from footprint.cli import helptext
    from footprint.importers import IMPORTERS

    return [*helptext.texts_of(helptext.tree()), *(imp.description for imp in IMPORTERS)]


def po_files() -> Iterator[Path]:
    yield from sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=path.parent.parent.name, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _steady(catalog: Catalog) -> None:
    """Header fields that would change on every run (and make every merge conflict) held still."""
    catalog.creation_date = catalog.revision_date = STEADY_DATE
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "footprint"


def update() -> None:
    template = extracted()
    for path in po_files():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        _steady(catalog)
        path.write_bytes(po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(mo_bytes(read(path)))
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(problems(path, template))} to fix")


def _key(msgid: object) -> str:
    return msgid if isinstance(msgid, str) else str(msgid[0])  # type: ignore[index]


def problems(path: Path, template: Catalog | None = None) -> list[str]:
    """What is wrong with one language's catalogue, a line each (empty when it is complete and current)."""
    template = template or extracted()
    catalog = read(path)
    found: list[str] = []
    for message in template:
        if not message.id:
            continue
        mine = catalog.get(message.id, context=message.context)
        if mine is None:
            found.append(f"missing: {_key(message.id)!r}")
            continue
        strings = mine.string if isinstance(mine.string, tuple | list) else (mine.string,)
        if mine.fuzzy or not all(strings):
            found.append(f"untranslated: {_key(message.id)!r}")
        elif not message.pluralizable and mine.string == mine.id and IDENTICAL not in " ".join(mine.user_comments):
            found.append(f"same as English (mark it '# {IDENTICAL}' if meant): {_key(message.id)!r}")
    known = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    for mine in catalog:
        if mine.id and (_key(mine.id), mine.context) not in known:
            found.append(f"no longer in the code: {_key(mine.id)!r}")
    if path.with_suffix(".mo").read_bytes() != mo_bytes(catalog):
        found.append(f"{path.with_suffix('.mo').name} is stale: run python tools/catalogue.py update")
    return found


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
        return 0
    if argv == ["check"]:
        template = extracted()
        bad = {path: problems(path, template) for path in po_files()}
        for path, lines in bad.items():
            for line in lines:
                print(f"{path.relative_to(ROOT)}: {line}")
        return 1 if any(bad.values()) else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
