"""Which encoding an export is written in, and its bytes as text, decided by one rule for every importer.

The rule, in order (``detect``):

1. A byte-order mark says it: UTF-8 (``EF BB BF``), UTF-16 little-endian (``FF FE``) or big-endian
   (``FE FF``), UTF-32 likewise. The mark itself is never part of the text.
2. Text that decodes as UTF-8 is UTF-8 (a legacy text with accents almost never does).
3. Otherwise it is a Windows single-byte text, and the bytes tell which: a byte in ``80–9F`` is printable
   only in Windows-1252 (``€ œ ’ …``), so cp1252; with none there, a byte among ``A4 A6 A8 B4 B8 BC BD BE``
   is ``€ Š š Ž ž Œ œ Ÿ`` in ISO-8859-15 (cp1252 writes those in ``80–9F``), so ISO-8859-15; with neither,
   the two agree on every byte the text has, and cp1252 it is.
4. It cannot tell, and says so in one ``DataFileError``: many NUL bytes (one in ten) without a UTF-16 mark
   (a binary file, or UTF-16 without its mark), or a byte defined in neither (``81 8D 8F 90 9D``). A stray
   NUL is left to the reader (the csv module reports its line; the rest of the file imports).

A stream is decided lazily (``Decoder``): while its text is ASCII nothing needs deciding; the first chunk
that is not decides for the whole file, and a later byte that does not fit the decision (a UTF-8 file with
one cp1252 line) is the same clear error, naming where, rather than text silently garbled.
"""

from __future__ import annotations

import codecs

from ...errors import DataFileError
from ...i18n import N_

UTF8 = "utf-8"
CP1252 = "cp1252"
LATIN9 = "iso8859-15"

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, UTF8),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_C1 = bytes(range(0x80, 0xA0))
_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")  # neither cp1252 nor ISO-8859-15 has text there
_LATIN9_ONLY = frozenset(b"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe")

UNREADABLE = N_("{where}: not text footprint can read (UTF-8, UTF-16, Windows-1252 or ISO-8859-15)")
CHANGES = N_("{where}: the text changes encoding near byte {at} (not {encoding} any more)")
NOT_UTF8 = N_("{where}: not UTF-8 text")


def bom(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark at the start of ``data`` names, and the mark's length."""
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name, len(mark)
    return None


def is_utf8(data: bytes, final: bool = True) -> bool:
    """Whether ``data`` is UTF-8 (``final=False``: a sequence cut at its end may go on)."""
    try:
        codecs.getincrementaldecoder(UTF8)().decode(data, final)  # a sequence cut at the end may go on
    except UnicodeDecodeError:
        return False
    return True


def _binary(data: bytes) -> bool:
    return data.count(0) * 10 > len(data)


def detect(sample: bytes, where: str, final: bool = True, legacy: bool = True) -> str:
    """The encoding of a text that starts with ``sample`` (see the module's rule). ``final``: the sample is
    the whole text (else a multi-byte sequence cut at its end is allowed). ``legacy=False`` (JSON, which is
    Unicode by definition): only the Unicode encodings, anything else is ``NOT_UTF8``."""
    found = bom(sample)
    if found:
        return found[0]
    if _binary(sample):
        raise DataFileError(UNREADABLE, where=where)
    if sample.isascii() or is_utf8(sample, final):
        return UTF8
    if not legacy:
        raise DataFileError(NOT_UTF8, where=where)
    present = set(sample.translate(None, bytes(range(0x80))))  # the non-ASCII bytes only
    if present & _UNDEFINED:
        raise DataFileError(UNREADABLE, where=where)
    if any(b in present for b in _C1):
        return CP1252
    if present & _LATIN9_ONLY:
        return LATIN9
    return CP1252


def decode(data: bytes, where: str, encoding: str | None = None, legacy: bool = True) -> str:
    """A whole text (a member read whole), its encoding detected unless given; never with its BOM."""
    name = encoding or detect(data, where, legacy=legacy)
    found = bom(data)
    start = found[1] if found and found[0] == name else 0
    try:
        return data[start:].decode(name)
    except UnicodeDecodeError as exc:
        raise DataFileError(CHANGES, where=where, at=exc.start + start, encoding=label(name)) from None


def wide(name: str) -> bool:
    """Whether an encoding is not ASCII-compatible (its lines cannot be cut on the byte ``\n``)."""
    return name.startswith(("utf-16", "utf-32"))


def label(name: str) -> str:
    return {UTF8: "UTF-8", CP1252: "Windows-1252", LATIN9: "ISO-8859-15"}.get(name, name.upper())


class Decoder:
    """A byte stream's text chunk by chunk (``decode(chunk)``, then ``decode(b"", final=True)``), the
    encoding decided lazily by the module's rule, or given. ``encoding`` says what was decided."""

    def __init__(self, where: str, encoding: str | None = None, legacy: bool = True) -> None:
        self.where, self.encoding, self.legacy = where, encoding, legacy
        self._decoder = codecs.getincrementaldecoder(encoding)() if encoding else None
        self._start = b""  # the first bytes, until there are enough to see a byte-order mark
        self._seen = 0  # bytes decoded so far (for where a change of encoding happens)
        self._begun = False

    def decode(self, data: bytes, final: bool = False) -> str:
        if not self._begun:
            data = self._start + data
            if len(data) < 4 and not final:
                self._start = data
                return ""
            self._begun, self._start = True, b""
            found = bom(data)
            if found:  # a mark is unambiguous: it wins over an encoding given by the caller
                self._set(found[0])
                data = data[found[1] :]
                self._seen = found[1]
        if self._decoder is None:
            if data.isascii():
                if _binary(data):
                    raise DataFileError(UNREADABLE, where=self.where)
                self._seen += len(data)
                return data.decode("ascii")
            self._set(detect(data, self.where, final, self.legacy))
        assert self._decoder is not None
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            at = self._seen + max(exc.start, 0)
            raise DataFileError(CHANGES, where=self.where, at=at, encoding=label(self.encoding or "")) from None
        self._seen += len(data)
        return text

    def begun(self) -> None:
        """The caller took the byte-order mark off already (and set the encoding it names)."""
        self._begun = True

    def _set(self, name: str) -> None:
        self.encoding = name
        self._decoder = codecs.getincrementaldecoder(name)()
