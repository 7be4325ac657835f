"""Folding the words exports carry, one way for every importer: ``fold`` (domain.text's lookup key:
lower case, no accents, separators as hyphens), ``squash`` (the same with no separators at all, for
translated path names), ``unaccent`` (accents only), ``header_key`` (a CSV header cell), ``spaces``
(every kind of space as one plain space) and ``unmojibake`` (UTF-8 read as Latin-1, as Meta writes it).
"""

from __future__ import annotations

import re
import unicodedata

from ...domain.text import fold

# No-break, narrow no-break, figure, thin, en/em and other fixed-width spaces, tabs: one plain space.
_SPACES = str.maketrans({c: " " for c in "\u00a0\u202f\u2007\u2009\u2002\u2003\u2004\u2005\u2006\u200a\t\r\n"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def unaccent(text: str) -> str:
    """``text`` without its accents (``"Février"`` → ``"Fevrier"``), case kept; composed or decomposed
    input alike."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def spaces(text: str) -> str:
    """Every run of spaces of any kind as one plain space, trimmed (``"8:41\\u202fAM"`` → ``"8:41 AM"``)."""
    return " ".join(text.translate(_SPACES).split())


def squash(name: str) -> str:
    """A name folded for matching with nothing between words: NFC or NFD alike, lower case, no accents,
    no spaces, ``_`` or ``-`` (``"Mon activité"`` → ``"monactivite"``)."""
    return fold(name.translate(_APOSTROPHES)).replace("-", "")


def key(name: str) -> str:
    """``fold`` with typographic apostrophes as plain ones (``"Google Play Store"``, ``"l’app"``)."""
    return fold(name.translate(_APOSTROPHES))


def header_key(cell: str) -> str:
    """A CSV header cell as a key: BOM, quotes and spaces around it gone, lower case, no accents, inner
    spaces as one (``" Libellé  opération "`` → ``"libelle operation"``)."""
    return spaces(unaccent(cell.strip().lstrip("\ufeff").strip('"').translate(_APOSTROPHES)).lower())


_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def unmojibake(text: str) -> str:
    """Meta's exports write UTF-8 bytes as ``\\u00XX`` escapes (``é`` → ``Ã©``): repaired when the text is
    exactly that, left alone otherwise."""
    if text.isascii() or not _MOJIBAKE.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


__all__ = ["fold", "header_key", "key", "spaces", "squash", "unaccent", "unmojibake"]
