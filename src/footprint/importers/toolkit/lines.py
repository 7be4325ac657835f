"""A member's text line by line, and CSV rows on top, with progress, through the archive guard.

``Lines`` reads chunk by chunk and cuts lines on ``\\n`` only (a ``\\r`` before it stays, for the csv module;
``\\u2028`` or a form feed inside a cell never cuts a line, as ``str.splitlines`` would). Each line is at
most ``MAX_LINE`` long: one endless line is a ``DataFileError``, never a whole file in memory. Progress is
told per chunk read (64 KB), in bytes.

The encoding follows the one rule of ``decoding`` (given, or decided by the first chunk that is not ASCII),
with one allowance for line-oriented text: in a text decided UTF-8, a line that is not UTF-8 is read alone
by the single-byte rule (a spreadsheet saved by two programs, one label typed in cp1252), and counted in
``mixed_lines``. UTF-16 and UTF-32 (told by their mark) are decoded as a stream, then cut.

``csv_rows`` reads rows from those lines (cells spanning lines work: the csv module pulls more lines), with
the line number where each row ends; a row the csv module refuses is a ``BadRow`` and reading goes on.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import IO, NamedTuple

from ...errors import DataFileError
from ...i18n import N_
from ..archive import MAX_LINE, Member, masked
from .decoding import CHANGES, UTF8, Decoder, bom, detect, is_utf8, label, wide

CHUNK = 1 << 16
TOO_LONG = N_("{where}: line {line} is longer than {size} MB")
DELIMITERS = (",", ";", "\t", "|")

Progress = Callable[[int], None]


def _nothing(n: int) -> None:
    pass


class Lines:
    """The lines of a member (``\\n`` kept), decoded, iterated once. ``number`` is the line last given
    (1-based); ``encoding`` what the text turned out to be (None while it has all been ASCII)."""

    def __init__(
        self,
        member: Member,
        progress: Progress = _nothing,
        encoding: str | None = None,
        legacy: bool = True,
        where: str | None = None,
    ) -> None:
        self.member, self.progress, self.legacy = member, progress, legacy
        self.where = where or masked(member.name)
        self.encoding = encoding
        self.number = 0
        self.mixed_lines = 0

    def __iter__(self) -> Iterator[str]:
        with self.member.open() as f:
            first = f.read(CHUNK)
            self.progress(len(first))
            found = bom(first)
            if found:  # a mark is unambiguous: it wins over an encoding given by the caller
                self.encoding, first = found[0], first[found[1] :]
            if self.encoding and wide(self.encoding):
                yield from self._cut(self._wide(first, f))
            else:
                yield from self._cut(self._narrow(first, f))

    def _cut(self, texts: Iterator[str]) -> Iterator[str]:
        """Runs of text (each ending at a line's end, but the last) cut into lines."""
        pending = ""
        for text in texts:
            parts = (pending + text).split("\n")
            pending = parts.pop()
            for part in parts:
                self.number += 1
                if len(part) > MAX_LINE:
                    self._too_long()
                yield part + "\n"
            if len(pending) > MAX_LINE:
                self.number += 1
                self._too_long()
        if pending:
            self.number += 1
            yield pending

    def _narrow(self, data: bytes, f: IO[bytes]) -> Iterator[str]:
        """ASCII-compatible text: bytes cut after their last ``\\n``, each run of whole lines decoded at once."""
        pending = b""
        while data:
            buffer = pending + data
            cut = buffer.rfind(b"\n") + 1
            if cut:
                yield self._text(buffer[:cut])
            pending = buffer[cut:]
            if len(pending) > MAX_LINE:
                yield self._text(pending[: MAX_LINE + 1])  # _cut refuses it, naming its number
            data = f.read(CHUNK)
            self.progress(len(data))
        if pending:
            yield self._text(pending)

    def _text(self, data: bytes) -> str:
        if self.encoding is None:
            if data.isascii():
                return data.decode("ascii")
            self.encoding = self._decide(data)
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError as exc:
            if self.encoding != UTF8 or not self.legacy:
                at = exc.start
                raise DataFileError(CHANGES, where=self.where, at=at, encoding=label(self.encoding)) from None
        return "\n".join(self._line(raw) for raw in data.split(b"\n"))

    def _decide(self, data: bytes) -> str:
        """The rule, on the first run of lines that is not ASCII; but a run with UTF-8 lines among others
        is UTF-8 with some lines in cp1252 (see the module docstring), not cp1252 throughout."""
        found = detect(data, self.where, final=False, legacy=self.legacy)
        if found != UTF8 and any(not raw.isascii() and is_utf8(raw) for raw in data.split(b"\n")):
            return UTF8
        return found

    def _line(self, raw: bytes) -> str:
        try:
            return raw.decode(UTF8)
        except UnicodeDecodeError:
            self.mixed_lines += 1
            return raw.decode(detect(raw, self.where))

    def _wide(self, data: bytes, f: IO[bytes]) -> Iterator[str]:
        decoder = Decoder(self.where, self.encoding)
        decoder.begun()  # the mark is already off
        while True:
            yield decoder.decode(data, final=not data)
            if not data:
                return
            data = f.read(CHUNK)
            self.progress(len(data))

    def _too_long(self) -> None:
        raise DataFileError(TOO_LONG, where=self.where, line=self.number, size=MAX_LINE >> 20)


def text_lines(
    member: Member, progress: Progress = _nothing, encoding: str | None = None, legacy: bool = True
) -> Iterator[str]:
    """The member's lines as text (``\\n`` kept); see ``Lines`` for the line numbers and the encoding."""
    return iter(Lines(member, progress, encoding, legacy))


def sniff_delimiter(line: str, candidates: Iterable[str] = DELIMITERS) -> str:
    """The separator a header line uses most (``,`` when it has none of them)."""
    counts = {d: line.count(d) for d in candidates}
    best = max(counts, key=lambda d: counts[d]) if counts else ","
    return best if counts.get(best) else ","


class Row(NamedTuple):
    line: int  # where the row ends (a quoted cell may span lines)
    cells: list[str]


class BadRow(NamedTuple):
    line: int  # a line the csv module refused (a NUL byte, a cell over its size limit)


def csv_rows(
    lines: Iterable[str], delimiter: str = ",", counter: Lines | None = None, **fmt: object
) -> Iterator[Row | BadRow]:
    """The CSV rows of ``lines`` (a ``Lines``, or any iterable of its text, e.g. a peeked header put back
    before it: then pass the ``Lines`` as ``counter`` for the line numbers). Blank lines give no row.
    ``fmt``: the csv module's dialect options (``escapechar``, ``doublequote``…)."""
    counter = counter or (lines if isinstance(lines, Lines) else None)
    reader = csv.reader(lines, delimiter=delimiter, **fmt)  # type: ignore[arg-type]
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield BadRow(counter.number if counter else reader.line_num)
            continue
        if cells:
            yield Row(counter.number if counter else reader.line_num, cells)
