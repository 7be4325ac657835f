"""Typed-in worksheets: the header row of a spreadsheet read into a layout, and each row into a ``Card``.

A row is one paper sheet (domain/worksheet.py gives the columns). It becomes the card the participant's
journal would have made: every touchpoint with a ticked box is *usual*; *did not use* is removed, *used* is
touched (at least once), *could not avoid* is unavoidable (and touched when it has a number of times). Its
captures are estimated from the catalog like a journal's: the times and minutes typed in, and a passive
touchpoint that was there for the hours of the run. A paper sheet has no usual-day baseline.

Nothing typed into a cell is ever run: a cell that held a formula, or starts like one (``=``, ``+``, ``-``,
``@``, a tab or a carriage return), makes its row bad, named by file, line and column. Every problem is a
``CardError`` whose origin is the file and the line; the pseudonym is never repeated in a message.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from ..i18n import Message, say
from .catalog import Catalog, Touchpoint
from .challenge import Challenge
from .group import MAX_PSEUDONYM, Card, CardCaptures, CardError
from .limits import MAX_CARD_TOUCHES
from .text import fold, suggestion
from .worksheet import COLUMNS, RUN_STATUSES, STATUSES, SUFFIXES, accepted, run_words, status_words, touchpoint_names

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PAPER_DAY = date(1970, 1, 1)  # a paper sheet carries no date, and nothing in a summary reads a card's day
REQUIRED = ("challenge", "pseudonym")
_SUFFIX = re.compile(r"^(?P<name>.*\S)\s*\((?P<suffix>[^()]*)\)\s*$")
_SEPARATOR = re.compile(r"\s*(?:[,;/+&|]|\band\b|\bet\b)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^[0-9]{1,9}(?:[.,][0-9]{1,6})?$")


class Formula(str):
    """A cell that held a formula in a spreadsheet file: the text only, its value is never computed."""


class Layout(NamedTuple):
    """Which column holds what: ``fixed`` by column key, ``touchpoints`` by id, then by suffix ('' = status)."""

    headers: tuple[str, ...]
    fixed: Mapping[str, int]
    touchpoints: Mapping[str, Mapping[str, int]]
    lang: str


def _formula_error(cell: str, column: str, origin: str) -> CardError | None:
    """Why a cell that held or looks like a formula makes its row bad; None for any other cell."""
    if isinstance(cell, Formula):
        return CardError(origin, say("column “{column}” holds a formula: footprint never runs one; type its value", column=column))
    if cell[:1] in FORMULA_START:
        shown = {"\t": "⇥", "\r": "↵"}.get(cell[0], cell[0])
        return CardError(origin, say(
            "column “{column}” starts with “{start}” like a spreadsheet formula: read as text, never run;"
            " type the value without it",
            column=column,
            start=shown,
        ))
    return None


def _split_suffix(text: str, suffixes: Mapping[str, str]) -> tuple[str, str]:
    m = _SUFFIX.match(text)
    if m and (key := suffixes.get(fold(m["suffix"]))) is not None:
        return m["name"], key
    return text, ""


def read_header(cells: Sequence[str], catalog: Catalog, origin: str) -> Layout:
    """The layout of a typed-in sheet from its header row, or ``CardError``: a column missing, unknown or
    given twice, or a heading that looks like a formula."""
    fixed_words, suffixes, names = accepted(COLUMNS), accepted(SUFFIXES), touchpoint_names(catalog)
    fixed: dict[str, int] = {}
    tps: dict[str, dict[str, int]] = {}
    headers = tuple(cell.strip() for cell in cells)
    for i, (raw, text) in enumerate(zip(cells, headers, strict=True)):
        if not text:
            continue  # spreadsheets export empty columns at the end
        problem = _formula_error(raw, text, origin)
        if problem is not None:
            raise problem
        key = fixed_words.get(fold(text))
        name, suffix = _split_suffix(text, suffixes) if key is None else (text, "")
        tp_id = names.get(fold(name)) if key is None else None
        if key is None and tp_id is None:
            hint = suggestion(name, [*names, *fixed_words])
            raise CardError(origin, say("unknown column “{column}”{hint}", column=text, hint=hint))
        slot = fixed if key is not None else tps.setdefault(tp_id or "", {})
        if (key or suffix) in slot:
            raise CardError(origin, say("column “{column}” is there twice", column=text))
        slot[key or suffix] = i
    _check_complete(fixed, tps, catalog, origin)
    french = {fold(w) for w, k in fixed_words.items() if k in REQUIRED} - {"challenge", "pseudonym"}
    lang = "fr" if any(fold(headers[fixed[k]]) in french for k in REQUIRED) else "en"
    return Layout(headers, fixed, tps, lang)


def _check_complete(fixed: Mapping[str, int], tps: Mapping[str, Mapping[str, int]], catalog: Catalog, origin: str) -> None:
    missing = [k for k in REQUIRED if k not in fixed]
    missing += [str(catalog.get(tp).label) for tp, slots in tps.items() if "" not in slots]  # type: ignore[union-attr]
    if missing:
        raise CardError(origin, say("missing columns: {columns}", columns=", ".join(missing)))
    if not tps:
        raise CardError(origin, say("no touchpoint column: start from 'footprint group template'"))


class _Row:
    """One row's cells, read column by column; every failure names the column as headed in the file."""

    def __init__(self, layout: Layout, cells: Sequence[str], origin: str) -> None:
        self.layout, self.cells, self.origin = layout, cells, origin

    def cell(self, index: int | None) -> str:
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""

    def fail(self, index: int, problem: Message) -> CardError:
        return CardError(self.origin, say("column “{column}”: {problem}", column=self.layout.headers[index], problem=problem))

    def number(self, index: int | None, whole: bool, most: float) -> float | None:
        text = self.cell(index)
        if not text or index is None:
            return None
        value = float(text.replace(",", ".")) if _NUMBER.match(text) else math.nan
        if not 0 <= value <= most or (whole and value != int(value)):
            from ..l10n import integer

            most_shown = integer(int(most))
            if whole:
                raise self.fail(index, say("a whole number, 0 or more (at most {max})", max=most_shown))
            raise self.fail(index, say("a number, 0 or more (at most {max})", max=most_shown))
        return value

    def choice(self, index: int | None, keys: Sequence[str]) -> str | None:
        """The key of a cell's value among ``keys`` (in English or French), None when empty; two of them in
        one cell is a box ticked twice."""
        text = self.cell(index)
        if not text or index is None:
            return None
        words = accepted(keys)
        found = {words.get(fold(text))} if fold(text) in words else {words.get(fold(p)) for p in _SEPARATOR.split(text) if p}
        shown = {**status_words(), **run_words()}
        if len(found) > 1 and None not in found:
            boxes = ", ".join(shown[k] for k in keys if k in found)
            raise self.fail(index, say("two boxes ticked ({boxes}): keep one", boxes=boxes))
        if len(found) != 1 or None in found:
            values = ", ".join(shown[k] for k in keys)
            raise self.fail(index, say("“{value}” is not one of {values}", value=text[:40], values=values))
        return str(found.pop())


def _captures(tp: Touchpoint, status: str, times: int, minutes: float, hours: float) -> float:
    per_minute = tp.captures_per_minute.value if tp.captures_per_minute else 0.0
    active = times * tp.captures_per_use.value + minutes * per_minute
    passive = tp.passive_estimate()
    there = passive is not None and status in ("used", "unavoidable")
    return active + (passive.value * hours / 24 if there and passive is not None else 0.0)


class _Marks(NamedTuple):
    usual: list[str]
    removed: list[str]
    touched: dict[str, int]
    unavoidable: list[str]
    captures: float


def _marks(row: _Row, catalog: Catalog, hours: float) -> _Marks:
    """What the row's touchpoint columns say, checked against each other."""
    marks = _Marks([], [], {}, [], 0.0)
    captures = 0.0
    for tp_id, slots in row.layout.touchpoints.items():
        status = row.choice(slots[""], STATUSES)
        times = row.number(slots.get("times"), True, MAX_CARD_TOUCHES)
        minutes = row.number(slots.get("minutes"), False, hours * 60)
        given = slots.get("times") if times else slots.get("minutes") if minutes else None
        if status is None and given is not None:
            raise row.fail(slots[""], say("empty, yet the sheet gives a number of times or minutes: tick a box"))
        if status == "no" and given is not None:
            raise row.fail(given, say("a number, yet the box ticked is “did not use”"))
        if status is None:
            continue
        count = int(times or 0) or (1 if status == "used" else 0)
        marks.usual.append(tp_id)
        {"no": marks.removed, "unavoidable": marks.unavoidable}.get(status, []).append(tp_id)
        if count:
            marks.touched[tp_id] = count
        tp = catalog.get(tp_id)
        captures += _captures(tp, status, count, minutes or 0.0, hours) if tp is not None else 0.0
    return marks._replace(captures=captures)


def row_card(
    layout: Layout, cells: Sequence[str], origin: str, catalog: Catalog, challenge_of: Callable[[str], Challenge | None]
) -> Card | None:
    """The card of one typed-in sheet, None for a blank row (nothing but the challenge), else ``CardError``."""
    row = _Row(layout, cells, origin)
    for i, cell in enumerate(cells):
        problem = _formula_error(cell, layout.headers[i] if i < len(layout.headers) else str(i + 1), origin)
        if problem is not None:
            raise problem
    if not any(row.cell(i) for i in range(len(cells)) if i != layout.fixed["challenge"]):
        return None
    pseudonym = row.cell(layout.fixed["pseudonym"])
    if not pseudonym or len(pseudonym) > MAX_PSEUDONYM or "\n" in pseudonym:
        raise row.fail(layout.fixed["pseudonym"], say("a name of 1 to {max} characters on one line", max=MAX_PSEUDONYM))
    named = row.cell(layout.fixed["challenge"])
    challenge = challenge_of(named)
    if challenge is None:
        raise row.fail(layout.fixed["challenge"], say("unknown challenge “{name}”", name=named[:40]))
    status = row.choice(layout.fixed.get("status"), RUN_STATUSES) or "finished"
    longest = challenge.duration.total_seconds() / 3600
    hours = row.number(layout.fixed.get("hours"), False, longest)
    if hours == 0:
        raise row.fail(layout.fixed["hours"], say("a number of hours greater than 0"))
    hours = hours or longest
    marks = _marks(row, catalog, hours)
    card_id = hashlib.sha256(origin.encode("utf-8", "replace")).hexdigest()[:32]
    return Card(
        card_id, pseudonym, challenge.id, layout.lang, status, PAPER_DAY, hours, tuple(sorted(marks.usual)),
        tuple(sorted(marks.removed)), tuple(sorted(marks.touched.items())), tuple(sorted(marks.unavoidable)),
        CardCaptures(round(marks.captures, 2), None, 0, 0),
    )  # fmt: skip
