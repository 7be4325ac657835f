"""Reading one big JSON document as a stream: the keys of its top-level object and their values, and the
items of a big array one at a time, each decoded by the standard library's C decoder.

Why not ijson (measured with ``bench/json_stream_speed.py``, ijson 3.6 and its C backend, on a loaded
2-core machine): on 300,000 My Activity items (74 MB) ijson's ``items`` took 9.4 s against 11.2 s here
(json.load of the whole file: 14.4 s), but on an array nested 200,000 deep (390 KB, the shape the hostile-file
tests feed) it ran 340 s and was killed for memory, where this reader refuses the file in 1.7 s: ijson builds
a prefix string per event, O(depth²). Its prefix-free basic events with a Python builder resist that but are
three times slower. ``json.JSONDecoder.raw_decode`` is C-fast per value, refuses deep nesting at once
(``RecursionError``) and keeps memory to one chunk and one value. Text is decoded by the toolkit's
``Decoder``: UTF-8, or UTF-16/32 with their mark (JSON is Unicode; a cp1252 file is refused).

NaN, Infinity and numbers no double holds are read as floats (infinities) and huge integers as ints: the
import gate then refuses the record that holds them, and the rest of the file imports.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from ...errors import DataFileError
from ...i18n import N_
from ..archive import ARCHIVE_READ_ERRORS
from .decoding import Decoder

CHUNK = 1 << 20  # bytes read at a time; a single value longer than 64 chunks makes the file broken
BROKEN = N_("{where}: broken or truncated JSON")
TRUNCATED = N_("{where}: truncated JSON")
TOO_DEEP = N_("{where}: unreadable JSON (nested too deep or a number too long)")
NOT_STRING_KEY = N_("{where}: broken JSON (an object key that is not a string)")
NO_ARRAY = N_("{where}: no JSON array found")
DAMAGED = N_("{where}: damaged in the archive ({error})")
_SPACE = re.compile(r"[ \t\r\n]*")


class JsonStream:
    """A cursor over one JSON text. ``where`` names the file in messages (never its content)."""

    def __init__(
        self, stream: IO[bytes], where: str, progress: Callable[[int], None] = lambda n: None, chunk: int = CHUNK
    ) -> None:
        self.raw, self.where, self.progress, self.chunk = stream, where, progress, chunk
        self.text = Decoder(where, legacy=False)  # UTF-8, or UTF-16/32 with their mark (RFC 8259)
        self.decoder = json.JSONDecoder()
        self.buf, self.pos, self.eof = "", 0, False

    def _fail(self, msgid: str) -> DataFileError:
        return DataFileError(msgid, where=self.where)

    def _fill(self) -> bool:
        """Read one more chunk onto what is left of the buffer; False at the end of the file."""
        if self.eof:
            return False
        try:
            raw = self.raw.read(self.chunk)
        except ARCHIVE_READ_ERRORS as exc:  # a bad CRC, a cut deflate stream
            raise DataFileError(DAMAGED, where=self.where, error=type(exc).__name__) from None
        self.progress(len(raw))
        data = self.text.decode(raw, final=not raw)
        if not raw:
            self.eof = True
            if not data:
                return False
        self.buf = self.buf[self.pos :] + data
        self.pos = 0
        return True

    def skip_to(self, char: str) -> bool:
        """Move to the next ``char``, dropping what comes before it unread (``window.YTD.tweets.part0 = [``);
        False when the file ends first."""
        while True:
            found = self.buf.find(char, self.pos)
            if found >= 0:
                self.pos = found
                return True
            self.pos = len(self.buf)  # what comes before is skipped, never kept
            if not self._fill():
                return False

    def peek(self) -> str:
        """The next character that is not white space, not consumed ("" at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, *chars: str) -> str:
        """Consume the next character, which must be one of ``chars``."""
        c = self.peek()
        if c not in chars:
            raise self._fail(BROKEN if c else TRUNCATED)
        self.pos += 1
        return c

    def value(self) -> Any:
        """The next whole value."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self.eof or len(self.buf) - self.pos > 64 * self.chunk or not self._fill():
                    raise self._fail(BROKEN) from None
                continue  # the value goes on in the next chunk
            except (RecursionError, ValueError):  # nested too deep; an integer of thousands of digits
                raise self._fail(TOO_DEEP) from None
            if end == len(self.buf) and not self.eof and self._fill():
                continue  # a number that ends with the chunk may go on in the next one
            self.pos = end
            return value

    def members(self) -> Iterator[str]:
        """The keys of the object that starts here, one by one: after each, the caller reads its value
        (``value``, or ``items`` for an array) before asking for the next key."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise self._fail(NOT_STRING_KEY)
            self.expect(":")
            yield key
            if self.expect(",", "}") == "}":
                return

    def items(self) -> Iterator[Any]:
        """The items of the array that starts here, one by one."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.expect(",", "]") == "]":
                return
