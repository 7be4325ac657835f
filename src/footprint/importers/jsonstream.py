"""Reading one big JSON document as a stream: the keys of its top-level object and their values, and the
items of a big array one at a time, each decoded by the standard library's C decoder.

Why not ijson here (measured on a 100,000-entry footprint export): ijson's C ``items`` is as fast, but it
builds a prefix string per event, so a file nested a million deep costs O(depth²) memory (2 GB and a
``MemoryError`` at 10⁶); its prefix-free basic events with a Python builder resist that but are three
times slower. ``json.JSONDecoder.raw_decode`` is C-fast per value, refuses deep nesting at once
(``RecursionError``) and keeps memory to one chunk and one value.

NaN, Infinity and numbers no double holds are read as floats (infinities) and huge integers as ints: the
import gate then refuses the record that holds them, and the rest of the file imports.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..errors import DataFileError
from .archive import ARCHIVE_READ_ERRORS

CHUNK = 1 << 20  # characters read at a time; a single value longer than 64 chunks makes the file broken
_SPACE = re.compile(r"[ \t\r\n]*")


class JsonStream:
    """A cursor over one JSON text. ``where`` names the file in messages (never its content)."""

    def __init__(
        self, stream: IO[bytes], where: str, progress: Callable[[int], None] = lambda n: None, chunk: int = CHUNK
    ) -> None:
        self.raw, self.where, self.progress, self.chunk = stream, where, progress, chunk
        self.reader = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict")
        self.decoder = json.JSONDecoder()
        self.buf, self.pos, self.eof, self._told = "", 0, False, 0

    def _fail(self, why: str) -> DataFileError:
        return DataFileError(f"{self.where}: {why}")

    def _fill(self) -> bool:
        """Read one more chunk onto what is left of the buffer; False at the end of the file."""
        if self.eof:
            return False
        try:
            data = self.reader.read(self.chunk)
        except UnicodeDecodeError:
            raise self._fail("not UTF-8 text") from None
        except ARCHIVE_READ_ERRORS as exc:  # a bad CRC, a cut deflate stream
            raise self._fail(f"damaged in the archive ({type(exc).__name__})") from None
        told = self.raw.tell() if self.raw.seekable() else self._told + len(data)
        self.progress(told - self._told)
        self._told = told
        if not data:
            self.eof = True
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
            raise self._fail("broken or truncated JSON" if c else "truncated JSON")
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
                    raise self._fail("broken or truncated JSON") from None
                continue  # the value goes on in the next chunk
            except (RecursionError, ValueError):  # nested too deep; an integer of thousands of digits
                raise self._fail("unreadable JSON (nested too deep or a number too long)") from None
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
                raise self._fail("broken JSON (an object key that is not a string)")
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
