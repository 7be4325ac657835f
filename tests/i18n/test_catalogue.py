"""The message catalogue: every msgid the code holds is translated in every language, the compiled .mo
is the .po's, French follows French typography, and a new language is one .po file and nothing else."""

from __future__ import annotations

import re
import runpy
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from footprint import i18n, l10n

ROOT = Path(__file__).resolve().parents[2]
TOOL = runpy.run_path(str(ROOT / "tools" / "catalogue.py"))


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.use("en")


def test_every_language_is_complete_and_compiled():
    template = TOOL["extracted"]()
    for path in TOOL["po_files"]():
        assert TOOL["problems"](path, template) == []


def _french():
    path = i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "footprint.po"
    with path.open("rb") as f:
        return [m for m in read_po(f, locale="fr") if m.id]


def _strings(message):
    return message.string if isinstance(message.string, tuple | list) else (message.string,)


def test_french_typography():
    """A space before « : ; ! ? » is non-breaking, quotes are « guillemets », no "(s)" plural."""
    for message in _french():
        for text in _strings(message):
            assert not re.search(r" [:;!?](\s|$)", text), f"breaking space before punctuation: {text!r}"
            assert not re.search(r"\w[;!?](\s|$)", text), f"no space before punctuation: {text!r}"
            assert '"' not in text and "“" not in text, f"English quotes in French: {text!r}"
            assert "(s)" not in text and "(e)" not in text, f"glued plural: {text!r}"


def test_english_has_no_glued_plurals():
    for message in _french():
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        for text in ids:
            assert "(s)" not in text, f"glued plural in a msgid: {text!r}"


def test_fields_survive_translation():
    """A translation names exactly the fields its msgid does (a typo would crash the format at run time)."""
    fields = re.compile(r"{(\w+)[^}]*}")
    for message in _french():
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        want = set(fields.findall(ids[-1])) | set(fields.findall(ids[0]))
        for text in _strings(message):
            got = set(fields.findall(text))
            assert got <= want and (got >= set(fields.findall(ids[0])) - {"n"}), (message.id, text)


def test_a_new_language_is_one_po_file(tmp_path, monkeypatch):
    """A dummy language (Esperanto) with one translated duration: footprint speaks it, falls back to
    English for the rest, and formats numbers and dates from Babel's data for it."""
    folder = tmp_path / "eo" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "footprint.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: eo\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgctxt "duration"\nmsgid "{days} d"\nmsgstr "{days} t"\n',
        encoding="utf-8",
    )
    with po.open("rb") as f, (folder / "footprint.mo").open("wb") as out:
        write_mo(out, read_po(f, locale="eo"))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.languages.cache_clear()
    i18n._translations.cache_clear()
    try:
        from footprint.settings import resolve_lang

        assert "eo" in i18n.languages()
        assert resolve_lang("eo", {}) == "eo"
        assert resolve_lang(None, {"LANG": "eo.UTF-8"}) == "eo"
        i18n.use("eo")
        assert l10n.duration(timedelta(days=21)) == "21 t"
        assert l10n.duration(timedelta(hours=5, minutes=59)) == "5 h 59"  # not translated: English
        assert l10n.long_date(date(2026, 12, 1)).lower().startswith("mardo")
    finally:
        monkeypatch.undo()
        i18n.languages.cache_clear()
        i18n._translations.cache_clear()
        i18n.use("en")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["24 h", "21 d", "5 h 59", "1 d 6 h 00", "45 min", "1,159", "0.3", "Tuesday 1 December 2026", "01/12"]),
        (
            "fr",
            ["24\xa0h", "21\xa0j", "5\xa0h\xa059", "1\xa0j 6\xa0h\xa000", "45\xa0min", "1\u202f159", "0,3",
             "mardi 1 décembre 2026", "01/12"],
        ),
    ],
)
def test_one_formatter_for_both_languages(lang, expected):
    i18n.use(lang)
    got = [
        l10n.duration(timedelta(days=1)),
        l10n.duration(timedelta(days=21)),
        l10n.duration(timedelta(hours=5, minutes=59)),
        l10n.duration(timedelta(days=1, hours=6)),
        l10n.duration(timedelta(minutes=45)),
        l10n.number(1159),
        l10n.number(0.3),
        l10n.long_date(date(2026, 12, 1)),
        l10n.short_date(date(2026, 12, 1)),
    ]
    assert got == expected


def test_an_unknown_language_speaks_english():
    i18n.use("xx")
    assert i18n.current() == "en"
    assert l10n.duration(timedelta(days=2)) == "2 d"


def test_an_error_is_worded_when_shown():
    from footprint.errors import BadInput
    from footprint.i18n import N_, nsay

    error = BadInput(N_("{hours} h"), hours=3)
    assert error.message == "3 h"
    counted = BadInput(nsay("{n} closed day", "{n} closed days", 2))
    assert counted.message == "2 closed days"
