"""The paper worksheet of a workshop: which touchpoints it lists, and the words of its typed-in columns.

A worksheet lists the touchpoints a participant is likely to meet during a challenge (``sheet_touchpoints``),
with three boxes each: *did not use* (removed), *used* (touched), *could not avoid* (unavoidable). Typed into a
spreadsheet, each sheet is one row: ``challenge``, ``pseudonym``, ``status``, ``hours``, then per touchpoint a
status column and its ``(times)``, ``(minutes)`` and ``(why)`` columns (domain/sheet_rows.py reads them).

Every word of the columns is a msgid, and input accepts it in English and in French whatever the language
spoken, case, accents and spaces aside (``fold``): a French spreadsheet typed by an English-speaking
facilitator still reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import zip_longest

from ..i18n import pgettext, speaking
from .catalog import LANGS, Catalog, Touchpoint
from .challenge import Challenge
from .text import fold

SHEET_MAX = 10  # touchpoint lines on one A4 page, with room for the challenge and the facilitator's notes
STATUSES = ("no", "used", "unavoidable")
# The columns of a typed-in sheet, by key; the touchpoint columns are "<name>" and "<name> (<suffix>)".
COLUMNS = ("challenge", "pseudonym", "status", "hours")
SUFFIXES = ("times", "minutes", "why")
RUN_STATUSES = ("finished", "abandoned")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")


def sheet_touchpoints(challenge: Challenge, catalog: Catalog, limit: int = SHEET_MAX) -> tuple[Touchpoint, ...]:
    """The touchpoints a worksheet lists, at most ``limit``: those the challenge gives a hint for (its author's
    choice, in the file's order), then those it forbids by name, then the others of the kinds it forbids, one
    kind after the other (a tablet, a transit pass, an email…) in the catalog's order. Only forbidden ones:
    a card's touchpoints are the challenge's (domain/verdict.py)."""
    ids = [h.touchpoint for h in challenge.hints] + list(challenge.forbid_touchpoints)
    by_kind = [[tp.id for tp in catalog.of_kind(kind)] for kind in challenge.forbid_kinds]
    ids += [tp_id for turn in zip_longest(*by_kind) for tp_id in turn if tp_id is not None]
    chosen: list[Touchpoint] = []
    for tp_id in ids:
        tp = catalog.get(tp_id)
        if tp is not None and challenge.forbids(tp) and tp not in chosen:
            chosen.append(tp)
    return tuple(chosen[:limit])


def first_sentence(text: str) -> str:
    """The first sentence of a description: what a sheet has room for."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def column_words() -> dict[str, str]:
    """The column headings, in the language being spoken."""
    return {
        "challenge": pgettext("sheet column", "challenge"),
        "pseudonym": pgettext("sheet column", "pseudonym"),
        "status": pgettext("sheet column", "status"),
        "hours": pgettext("sheet column", "hours"),
        "times": pgettext("sheet column", "times"),
        "minutes": pgettext("sheet column", "minutes"),
        "why": pgettext("sheet column", "why"),
    }


def status_words() -> dict[str, str]:
    """The value of a touchpoint's status cell for each box, in the language being spoken."""
    return {
        "no": pgettext("sheet value", "no"),
        "used": pgettext("sheet value", "used"),
        "unavoidable": pgettext("sheet value", "unavoidable"),
    }


def run_words() -> dict[str, str]:
    """The values of the ``status`` column, in the language being spoken."""
    return {"finished": pgettext("sheet value", "finished"), "abandoned": pgettext("sheet value", "stopped")}


def _synonyms() -> dict[str, str]:
    """More spellings of a status a person may type (folded): the sheet's own box labels and the card words."""
    return {
        fold(pgettext("sheet value", "did not use")): "no",
        fold(pgettext("sheet value", "could not avoid")): "unavoidable",
        fold(pgettext("sheet value", "abandoned")): "abandoned",
    }


def accepted(words: Iterable[str]) -> dict[str, str]:
    """Folded spelling → key, for the keys in ``words`` and every spelling in English and French."""
    keys = set(words)
    found: dict[str, str] = {}
    for lang in LANGS:
        with speaking(lang):
            every = {**column_words(), **status_words(), **run_words()}
            found.update({fold(word): key for key, word in every.items() if key in keys})
            found.update({word: key for word, key in _synonyms().items() if key in keys})
    return found


def touchpoint_names(catalog: Catalog) -> dict[str, str]:
    """Folded name → touchpoint id: ids, aliases and labels in both languages."""
    names: dict[str, str] = {}
    for tp in catalog.touchpoints:
        for name in (tp.id, *tp.aliases, tp.label.en, tp.label.fr):
            names.setdefault(fold(name), tp.id)
    return names
