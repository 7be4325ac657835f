"""My Activity in HTML, what Takeout gives by default: one ``div.outer-cell`` per entry, streamed.

A tokenizer that reads only what footprint needs, not an HTML parser: the text is cut at each entry's
``<div class="outer-cell …">`` (a tag can never appear inside the text, whose ``<`` and quotes are escaped),
and in an entry only three cells are looked at, by their classes: the header cell (the product), the first
content cell (its last line that reads as a date; a Gemini reply may follow it; and a Play Store link, for
an Android entry's package id) and the caption (``Products:``/``Produits :``/``Produkte:`` and what follows).
Everything else (titles, links, the right-hand cell, "Why is this here?") is skipped unread. Entities
(``&nbsp;``, ``&emsp;``, ``&amp;``) are unescaped in those few lines only.

Memory stays to one chunk and one entry; an entry cut by the end of the file is an issue ("unfinished
entry"). Measured against ``html.parser`` (what it replaced) in ``bench/takeout_html_speed.py``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import IO, NamedTuple

from ...i18n import N_, _
from ..base import Issue, Record, Touch
from ..toolkit import Decoder, Window, spaces, squash
from .dates import Zones, parse_date_line
from .paths import PRODUCTS_CAPTION, Source
from .products import IGNORED, Products, package

CHUNK = 1 << 16
UNFINISHED = N_("unfinished entry (truncated file?)")
NO_DATE = N_("entry without a date")
WHERE = N_("{file} #{n}")

_ENTRY = re.compile(r"""<div\s+class\s*=\s*["'](?=[^"']*\bouter-cell\b)""")
_CELL = re.compile(r"""<div\s+class\s*=\s*["']([^"']*)["'][^>]*>""")
_DIVS = re.compile(r"<div\b|</div\s*>")
_BREAK = re.compile(r"<br\s*/?>|</p\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BOLD = re.compile(r"<b\b[^>]*>(.*?)</b\s*>", re.DOTALL)
_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']*play\.google\.com[^"']*)["']""")


class Entry(NamedTuple):
    header: str | None
    lines: list[str]  # the first content cell, line by line (the fast path: its last line only...)
    products: list[str]
    package: str | None
    finished: bool
    raw: str | None = None  # ...and the cell as written, read line by line only if that last line is no date


# Takeout's own markup, entry after entry: matched in one step (C), its three cells captured. An entry in
# any other shape (older exports, a hand-edited file, a cut one) is read by ``entry`` instead.
_INNER = r"[^<]*(?:<(?!/?div\b)[^<]*)*"  # a cell's content: anything but a div's tag (never backtracks past it)
_FAST = re.compile(
    r'<div class="outer-cell[^"]*">\s*<div class="mdl-grid">'
    r'\s*<div class="header-cell[^"]*">(?P<h>' + _INNER + r")</div>"
    r'\s*<div class="content-cell(?![^"]*(?:caption|text-right))[^"]*">(?P<b>' + _INNER + r")</div>"
    r'(?:\s*<div class="content-cell[^"]*text-right[^"]*">' + _INNER + r"</div>)?"
    r'(?:\s*<div class="content-cell[^"]*caption[^"]*">(?P<c>' + _INNER + r")</div>)?"
    r"\s*</div>\s*</div>\s*"
)


def entries(stream: IO[bytes], progress: Callable[[int], None], where: str) -> Iterator[Entry]:
    """The entries of one HTML file, read chunk by chunk."""
    decoder = Decoder(where, legacy=False)
    reader = _Fast()
    buffer = ""
    start = -1  # where the entry being read starts in ``buffer``
    done = False
    while not done:
        data = stream.read(CHUNK)
        progress(len(data))
        done = not data
        buffer += decoder.decode(data, final=done)
        if start < 0:
            first = _ENTRY.search(buffer)
            if first is None:
                buffer = buffer[-200:]  # a cut tag may start here; what comes before an entry is skipped
                continue
            start = first.start()
        while True:
            m = _FAST.match(buffer, start)
            if m is not None and (m.end() < len(buffer) or done):
                yield reader.entry(m)
                start = m.end()
                if buffer.startswith("<div", start) and _ENTRY.match(buffer, start):
                    continue
            following = _ENTRY.search(buffer, start + 4)
            if following is None:
                break
            yield entry(buffer[start : following.start()])
            start = following.start()
        buffer, start = buffer[start:], 0
    if buffer and _ENTRY.match(buffer):
        m = _FAST.match(buffer)
        yield reader.entry(m) if m is not None else entry(buffer)


class _Fast:
    """What Takeout's regular entries repeat (a header, a caption), read once per distinct text."""

    def __init__(self) -> None:
        self.headers: dict[str, str | None] = {}
        self.captions: dict[str | None, list[str]] = {None: []}

    def entry(self, m: re.Match[str]) -> Entry:
        raw_header, body, caption = m.group("h", "b", "c")
        header = self.headers.get(raw_header, "")
        if header == "":
            header = self.headers[raw_header] = " ".join(t for t in _lines(raw_header) if t) or None
            if len(self.headers) > 4096:  # an export of many distinct app names: memory stays bounded
                self.headers.clear()
        products = self.captions.get(caption)
        if products is None:
            products = self.captions[caption] = _products(caption or "")
            if len(self.captions) > 4096:
                self.captions = {None: []}
        trimmed = body[:-4] if body.endswith("<br>") else body  # 2025 layouts close the date line too
        cut = trimmed.rfind("<br>")
        tail = trimmed[cut + 4 :] if cut >= 0 else trimmed
        if "<" in tail or "&" in tail or not tail:
            lines, raw = _lines(body), None
        else:
            lines, raw = [tail], body  # the date is the last line; the others are read only if it is not
        href = _HREF.search(body) if "play.google.com" in body else None
        found_package = package(html.unescape(href.group(1))) if href else None
        return Entry(header, lines, products, found_package, True, raw)


def entry(text: str) -> Entry:
    """One ``outer-cell``'s header, first content lines, caption products and package id."""
    depth = 0
    closed_at = -1
    for m in _DIVS.finditer(text):
        depth += 1 if m.group().startswith("<div") else -1
        if depth == 0:
            closed_at = m.end()
            break
    finished = closed_at >= 0
    body_text = text[:closed_at] if finished else text
    header: str | None = None
    lines: list[str] = []
    products: list[str] = []
    found_package: str | None = None
    body_seen = False
    for cell in _CELL.finditer(body_text, 1):
        classes = cell.group(1).split()
        end = body_text.find("</div", cell.end())
        inner = body_text[cell.end() : end if end >= 0 else len(body_text)]
        if "header-cell" in classes:
            if header is None:
                header = " ".join(t for t in _lines(inner) if t) or None
        elif "content-cell" not in classes:
            continue
        elif "mdl-typography--caption" in classes:
            products = _products(inner)
        elif "mdl-typography--text-right" in classes or body_seen:
            continue
        else:
            body_seen = True
            lines = _lines(inner)
            href = _HREF.search(inner)
            found_package = package(html.unescape(href.group(1))) if href else None
    return Entry(header, lines, products, found_package, finished)


def _lines(inner: str) -> list[str]:
    """A cell's text, one item per ``<br>`` (or ``</p>``) line, tags dropped, entities and spaces read."""
    out = []
    for part in _BREAK.split(inner):
        if "<" in part:
            part = _TAG.sub("", part)
        if "&" in part:
            part = html.unescape(part)
        out.append(spaces(part))
    if out and not out[-1]:
        out.pop()  # the cell's own end after its last <br>
    return out


def _products(inner: str) -> list[str]:
    """The lines after the caption's bold "Products:" (in any language) up to the next bold heading."""
    products: list[str] = []
    for m in _BOLD.finditer(inner):
        if not squash(_TAG.sub("", html.unescape(m.group(1)))).startswith(PRODUCTS_CAPTION):
            continue
        following = _BOLD.search(inner, m.end())
        section = inner[m.end() : following.start() if following else len(inner)]
        products.extend(line for line in _lines(section) if line)
    return products


def records(
    source: Source,
    stream: IO[bytes],
    progress: Callable[[int], None],
    products: Products,
    zones: Zones,
    window: Window,
) -> Iterator[Record]:
    """The touches and issues of one HTML file."""
    name = source.member.name
    suffix = f"#{source.part}" if source.part else ""
    wording = _(WHERE)
    for n, found in enumerate(entries(stream, progress, source.label), start=1):
        record = _record(found, source.folder, suffix, products, zones, window)
        if record is not None:
            yield record if record.__class__ is Touch else Issue(record, wording.format(file=name, n=n))  # type: ignore[arg-type]


def _record(
    found: Entry, folder: str | None, suffix: str, products: Products, zones: Zones, window: Window
) -> Touch | str | None:
    """A touch, or the kind of problem (worded), or None for an entry footprint skips."""
    if not found.finished:
        return _(UNFINISHED)
    product = products.find(found.header, found.products, folder)
    if isinstance(product, str):
        return product
    at = next((d for line in reversed(found.lines) if line and (d := parse_date_line(line, zones, window))), None)
    if at is None and found.raw is not None:
        lines = _lines(found.raw)
        at = next((d for line in reversed(lines) if line and (d := parse_date_line(line, zones, window))), None)
    if at is None:
        return _(NO_DATE)
    if product is IGNORED:
        return None
    tp = products.app(product.touchpoint, found.header, found.package) if product.apps else product.touchpoint
    return Touch(at, tp, 1, None, None, product.group + suffix)
