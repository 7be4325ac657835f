"""What every importer reads exports with, in one place (each importer keeps only its format's own rules).

- archive members (``members``, ``names``, ``head``, ``Member``, ``masked``): files matched by pattern in a
  file, a folder or a zip, each read through the archive guard (size caps, damaged members) — ``archive.py``;
- ``decoding``: which encoding a text is in, by one rule (BOM, UTF-8, cp1252 / ISO-8859-15), and one clear
  ``DataFileError`` when it cannot tell (``detect``, ``decode``, ``Decoder``);
- ``lines``: a member's lines decoded, with progress (``Lines``, ``text_lines``), CSV rows with their line
  numbers (``csv_rows``), the separator of a header (``sniff_delimiter``);
- ``jsonstream``: one big JSON document as a stream (``JsonStream``, ``json_array``);
- ``dates``: the readers (``iso_instant``, ``unix_instant``, ``numeric_day``, ``clock``, ``named_day``,
  ``local``) and the one plausibility window (``Window``; an importer gets it from ``ctx.window()``,
  bounded by ``ImportContext.now``: no importer reads the clock);
- ``text``: folding (``fold`` is domain.text's; ``squash``, ``key``, ``header_key``, ``unaccent``,
  ``spaces``, ``unmojibake``); ``months``: month names in the languages exports are written in (``month``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..archive import Member, file_member, head, masked, members, names
from .dates import Window, clock, iso_instant, local, named_day, numeric_day, unix_instant
from .decoding import Decoder, decode, detect
from .jsonstream import NO_ARRAY, JsonStream
from .lines import BadRow, Lines, Row, csv_rows, sniff_delimiter, text_lines
from .months import month
from .text import fold, header_key, key, spaces, squash, unaccent, unmojibake


def json_array(member: Member, progress: Callable[[int], None] = lambda n: None, where: str | None = None) -> Iterator[Any]:
    """The items of the first JSON array in ``member`` (anything before its ``[`` is skipped, as in
    ``window.YTD.tweets.part0 = [``), streamed; a broken item ends the file with a ``DataFileError``."""
    from ...errors import DataFileError

    label = where or masked(member.name)
    with member.open() as stream:
        doc = JsonStream(stream, label, progress)
        if not doc.skip_to("["):
            raise DataFileError(NO_ARRAY, where=label)
        yield from doc.items()


def text_of(member: Member, encoding: str | None = None, legacy: bool = True) -> str:
    """A whole (small) member as text, its encoding detected by the one rule unless given."""
    return decode(member.data(), masked(member.name), encoding, legacy)


__all__ = [
    "BadRow", "Decoder", "JsonStream", "Lines", "Member", "Row", "Window", "clock", "csv_rows", "decode",
    "detect", "file_member", "fold", "head", "header_key", "iso_instant", "json_array", "key", "local",
    "masked", "members", "month", "named_day", "names", "numeric_day", "sniff_delimiter", "spaces", "squash",
    "text_lines", "text_of", "unaccent", "unix_instant", "unmojibake",
]
