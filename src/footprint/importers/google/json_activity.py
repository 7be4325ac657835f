"""My Activity in JSON: a top-level array of ``{header, title, titleUrl, time, products, …}``, streamed.

``header`` is missing on some old entries (then ``products``, then the folder); ``time`` is ISO-8601 UTC
with ``Z`` and milli- or microseconds; URLs carry ``\\u003d`` escapes (a real JSON parser, never regexes on
the raw text). Only ``header``, ``products``, ``time`` and an Android entry's Play Store ``titleUrl`` (for
its package id) are read; titles, search terms and other URLs are never kept.

Speed: in a pretty-printed array (Takeout writes them with each item's closing brace alone on its line; a
raw newline can never be inside a JSON string) the text up to the last such brace is a run of whole items,
parsed in one ``json.loads``; a run that does not parse is read item by item, which finds the broken one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import IO, Any

from ...errors import DataFileError
from ...i18n import N_, _
from ..archive import BETWEEN_ITEMS
from ..base import Issue, Record, Touch
from ..toolkit import Decoder, Window
from ..toolkit.jsonstream import BROKEN
from .paths import Source
from .products import IGNORED, Products, package

CHUNK = 1 << 20
EMPTY = N_("{where}: empty file")
NOT_ARRAY = N_("{where}: not a My Activity JSON array")
NEVER_CLOSES = N_("{where}: truncated JSON (the array never closes)")
NO_DATE = N_("entry without a date")
BAD_DATE = N_("entry with an unreadable date")
UNREADABLE = N_("unreadable entry")
WHERE = N_("{file} #{n}")


def records(source: Source, stream: IO[bytes], progress: Callable[[int], None], products: Products, window: Window) -> Iterator[Record]:
    """The touches and issues of one JSON file."""
    # The hot loop of a million-entry file: what an entry's header and products map to is worked out once
    # per distinct pair and cached as (touchpoint, group, apps), or the issue's kind, or None to skip.
    where = source.member.name
    suffix = f"#{source.part}" if source.part else ""
    folder = source.folder
    parse = datetime.fromisoformat
    earliest, latest = window.earliest, window.latest
    cache: dict[tuple[Any, Any], tuple[str, str, bool] | str | None] = {}
    wording = _(WHERE)

    def resolve(header: Any, names: Any) -> tuple[str, str, bool] | str | None:
        product = products.find(header, names, folder)
        if isinstance(product, str) or product is IGNORED:
            return None if product is IGNORED else product
        return product.touchpoint, product.group + suffix, product.apps

    i = 0
    for batch in _batches(stream, progress, source.label):
        for item in batch:
            i += 1
            if item.__class__ is not dict:
                yield Issue(_(UNREADABLE), wording.format(file=where, n=i))
                continue
            header = item.get("header")
            names = item.get("products")
            try:
                hit = cache[(header, tuple(names) if names.__class__ is list else names)]
            except KeyError:
                hit = cache[(header, tuple(names) if names.__class__ is list else names)] = resolve(header, names)
            except TypeError:  # a list or object where a name belongs: answered, not cached
                hit = resolve(header, names)
            if hit is None:
                continue
            if hit.__class__ is str:
                yield Issue(hit, wording.format(file=where, n=i))  # type: ignore[arg-type]
                continue
            tp, group, apps = hit  # type: ignore[misc]
            stamp = item.get("time")
            try:
                at = parse(stamp)  # type: ignore[arg-type]
                if at.tzinfo is None:
                    at = at.replace(tzinfo=UTC)  # Takeout's JSON times are UTC
                if not earliest <= at <= latest:
                    raise ValueError("outside the window")
            except (TypeError, ValueError):
                yield Issue(_(NO_DATE if stamp is None else BAD_DATE), wording.format(file=where, n=i))
                continue
            if apps:
                app_name = header if isinstance(header, str) else None
                tp = products.app(tp, app_name, package(item.get("titleUrl")))
            yield Touch(at, tp, 1, None, None, group)


def _batches(stream: IO[bytes], progress: Callable[[int], None], where: str) -> Iterator[list[Any]]:
    """The items of the top-level array, streamed, in lists (one generator step per run, not per item)."""
    decoder = Decoder(where, legacy=False)
    parser = json.JSONDecoder()
    buffer, pos, started, done = "", 0, False, False
    closing: str | None = None  # "\n}" once learnt from the first item; "" when the file is not pretty-printed
    slow_until = 0  # after a run that did not parse, its items are read one by one up to here
    while not done:
        data = stream.read(CHUNK)
        progress(len(data))
        done = not data
        buffer = buffer[pos:] + decoder.decode(data, final=done)
        slow_until, pos = max(slow_until - pos, 0), 0
        if not started:
            stripped = buffer.lstrip()
            if not stripped:
                if done:
                    raise DataFileError(EMPTY, where=where)
                continue
            if stripped[0] != "[":
                raise DataFileError(NOT_ARRAY, where=where)
            pos, started = buffer.index("[") + 1, True
        size = len(buffer)
        while True:
            pos = BETWEEN_ITEMS.match(buffer, pos).end()  # type: ignore[union-attr]  # always matches
            if pos >= size:
                break
            if buffer[pos] == "]":
                return
            if closing and pos >= slow_until:
                cut = buffer.rfind(closing, pos)
                if cut > pos:
                    end = cut + len(closing)
                    try:
                        items = json.loads("[" + buffer[pos:end] + "]")
                    except (ValueError, RecursionError):  # and 5,000 digits: read one by one below
                        items = None
                    if items is not None:
                        yield items
                        pos = end
                        continue
                    slow_until = end
            try:
                item, end = parser.raw_decode(buffer, pos)
            except (ValueError, RecursionError) as exc:
                if not isinstance(exc, json.JSONDecodeError) or done or size - pos > 64 * CHUNK:
                    raise DataFileError(BROKEN, where=where) from None
                break  # the item goes on in the next chunk
            if end == size and not done:
                break
            if closing is None:
                closing = _closing(buffer, pos, end)
            yield [item]
            pos = end
    raise DataFileError(NEVER_CLOSES if started else EMPTY, where=where)


def _closing(buffer: str, start: int, end: int) -> str:
    """How an item of this file closes: ``"\\n}"`` (or ``"\\n  }"``) when pretty-printed, else ``""``."""
    if end - start < 2 or buffer[end - 1] != "}":
        return ""
    newline = buffer.rfind("\n", start, end - 1)
    if newline < 0 or buffer[newline + 1 : end - 1].strip(" \t"):
        return ""
    return buffer[newline:end]
