"""Month names as exports write them, in the languages footprint's users download in: data, one table.

Keys are folded (lower case, accents stripped, no trailing dot), so ``févr.``, ``Févr`` and ``fevr`` are one
entry. Abbreviations are those of the CLDR (what Google, Facebook and banks print) plus common variants
(``sept`` in English, ``jän`` in Austria). Where two languages share a word it means the same month
(``mar`` is March in English, ``mars`` in French): no entry is ambiguous.
"""

from __future__ import annotations

from .text import unaccent

# month number -> its names per language (full names and abbreviations; folded when the table is built)
NAMES: dict[int, dict[str, tuple[str, ...]]] = {
    1: {"en": ("january", "jan"), "fr": ("janvier", "janv"), "de": ("januar", "jan", "jänner", "jän"),
        "es": ("enero", "ene"), "it": ("gennaio", "gen"), "pt": ("janeiro",), "nl": ("januari",)},
    2: {"en": ("february", "feb"), "fr": ("février", "févr", "fév"), "de": ("februar", "feb"),
        "es": ("febrero", "feb"), "it": ("febbraio", "feb"), "pt": ("fevereiro", "fev"), "nl": ("februari",)},
    3: {"en": ("march", "mar"), "fr": ("mars",), "de": ("märz", "mär", "mrz"), "es": ("marzo",),
        "it": ("marzo",), "pt": ("março",), "nl": ("maart", "mrt")},
    4: {"en": ("april", "apr"), "fr": ("avril", "avr"), "de": ("april", "apr"), "es": ("abril", "abr"),
        "it": ("aprile",), "pt": ("abril", "abr"), "nl": ("april", "apr")},
    5: {"en": ("may",), "fr": ("mai",), "de": ("mai",), "es": ("mayo", "may"), "it": ("maggio", "mag"),
        "pt": ("maio",), "nl": ("mei",)},
    6: {"en": ("june", "jun"), "fr": ("juin",), "de": ("juni", "jun"), "es": ("junio", "jun"),
        "it": ("giugno", "giu"), "pt": ("junho",), "nl": ("juni", "jun")},
    7: {"en": ("july", "jul"), "fr": ("juillet", "juil"), "de": ("juli", "jul"), "es": ("julio", "jul"),
        "it": ("luglio", "lug"), "pt": ("julho",), "nl": ("juli", "jul")},
    8: {"en": ("august", "aug"), "fr": ("août", "aou"), "de": ("august", "aug"), "es": ("agosto", "ago"),
        "it": ("agosto", "ago"), "pt": ("agosto", "ago"), "nl": ("augustus", "aug")},
    9: {"en": ("september", "sep", "sept"), "fr": ("septembre", "sept"), "de": ("september", "sep", "sept"),
        "es": ("septiembre", "sept", "sep", "setiembre"), "it": ("settembre", "set"), "pt": ("setembro", "set"),
        "nl": ("september", "sep", "sept")},
    10: {"en": ("october", "oct"), "fr": ("octobre", "oct"), "de": ("oktober", "okt"), "es": ("octubre", "oct"),
         "it": ("ottobre", "ott"), "pt": ("outubro", "out"), "nl": ("oktober", "okt")},
    11: {"en": ("november", "nov"), "fr": ("novembre", "nov"), "de": ("november", "nov"),
         "es": ("noviembre", "nov"), "it": ("novembre", "nov"), "pt": ("novembro", "nov"), "nl": ("november", "nov")},
    12: {"en": ("december", "dec"), "fr": ("décembre", "déc"), "de": ("dezember", "dez"),
         "es": ("diciembre", "dic"), "it": ("dicembre", "dic"), "pt": ("dezembro", "dez"), "nl": ("december", "dec")},
}


def _table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, languages in NAMES.items():
        for words in languages.values():
            for word in words:
                key = unaccent(word)
                assert table.get(key, number) == number, f"{word!r} names two months"
                table[key] = number
    return table


MONTHS: dict[str, int] = _table()


def month(word: str) -> int | None:
    """The month a name means (``"févr."``, ``"Sept"``, ``"MÄRZ"``), or None."""
    return MONTHS.get(unaccent(word.strip().rstrip(".").lower()))
