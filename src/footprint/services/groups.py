"""Group summaries: read the challenge cards a workshop's participants handed in, and make one document.

``summarize_files`` is the use case behind ``footprint group summarize``. It needs no journal, and no catalog
for cards: they carry touchpoint ids, and the facilitator's own journal has nothing to do with the group's.

A card that cannot be used (unreadable, not a regular file, not JSON, not a valid card, from a newer footprint,
handed in twice, or a second card under one pseudonym) is skipped with one reason naming its file; with
``strict`` the first such card stops everything and nothing is produced. A file that does not exist is always an error: it is a typo, not a participant's card.

Typed-in worksheets (``.csv``, ``.xlsx``, ``.ods``: importers/sheets.py reads them, domain/sheet_rows.py makes
a card of each row) go through the same intake: a bad row is skipped like a bad card, named by its file and
line, and a file whose header is wrong is skipped whole. A folder stands for its cards only (``*.json``): a
sheet is named on the command line, so a summary CSV written beside the cards is never read as one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..domain.group import Card, CardError, GroupSummary, group_by_challenge, parse_card, summarize
from ..errors import BadInput, DataFileError, FootprintError, NotFound
from ..i18n import N_, _, nsay, say
from ..files import open_regular

if TYPE_CHECKING:
    from ..domain.catalog import Catalog
    from ..domain.challenge import Challenge
    from ..exporters.group_report import Names
    from . import Service

MAX_CARD_BYTES = 1_000_000  # a card is well under 10 kB; anything this big is not one


class GroupResult(NamedTuple):
    """The rendered document, the charts to write beside it, what was skipped and why, and the counts."""

    text: str
    charts: tuple[tuple[str, str], ...]  # (file name, SVG text); with chart_stem for md and html only
    skipped: tuple[str, ...]  # "owl.json: skipped: <reason>", one per skipped file
    files: int  # card files read
    cards: int  # cards summarised
    summaries: tuple[GroupSummary, ...]

    @property
    def challenges(self) -> tuple[str, ...]:
        return tuple(s.challenge for s in self.summaries)


def card_files(paths: Sequence[Path]) -> list[Path]:
    """The files to read, in the given order: a folder stands for its ``*.json`` files, in name order.
    Every path must exist (``NotFound`` names the first that does not) before any is read."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.exists():
            files.append(path)
        else:
            raise NotFound(N_("{path}: no such file or folder"), path=path)
    return files


def _load(path: Path, origin: str) -> Any:
    """The JSON value in ``path``, or ``CardError`` saying in a few words why it cannot be read."""
    try:
        with open_regular(path) as f:  # a FIFO or a link to /dev/zero would hang or feed endless bytes
            data = f.read(MAX_CARD_BYTES + 1)
    except DataFileError:
        raise CardError(origin, say("not a regular file (a FIFO, a device or a socket)")) from None
    except OSError as exc:
        from ..files import os_reason

        raise CardError(origin, say("cannot read it ({reason})", reason=os_reason(exc))) from None
    if len(data) > MAX_CARD_BYTES:
        raise CardError(origin, say("too large to be a challenge card"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CardError(origin, say("not UTF-8 text")) from None
    if not text.strip():
        raise CardError(origin, say("empty file"))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise CardError(origin, say("truncated: the JSON ends too early")) from None
        raise CardError(
            origin, say("not valid JSON (line {line}, column {column})", line=exc.lineno, column=exc.colno)
        ) from None
    except ValueError:  # a number of thousands of digits
        raise CardError(origin, say("not valid JSON (a number too long)")) from None
    except RecursionError:
        raise CardError(origin, say("not valid JSON (nested too deeply)")) from None


class SheetContext(NamedTuple):
    """What reading typed-in sheets needs: the catalog (names, estimates) and the challenges by id or title."""

    catalog: Catalog
    challenge_of: Callable[[str], Challenge | None]


def sheet_context(svc: Service) -> SheetContext:
    """The facilitator's catalog and challenges, for the typed-in sheets given to ``summarize_files``."""
    from ..domain.text import fold
    from .challenges import all_challenges

    by_name: dict[str, Challenge] = {}
    for c in all_challenges(svc):
        for name in (c.id, c.title.en, c.title.fr):
            by_name.setdefault(fold(name), c)
    return SheetContext(svc.catalog, lambda name: by_name.get(fold(name)))


Item = tuple["Card | CardError | None", str]  # a card (None: a blank row) or why not, and where it is from


def _sheet_items(path: Path, context: SheetContext) -> Iterator[Item]:
    """Each row of a typed-in sheet as a card (None for a blank row), or the error that makes it bad; a file
    that cannot be read, or whose header is wrong, is one error for the whole file."""
    from ..domain.sheet_rows import read_header, row_card
    from ..importers.sheets import read_rows

    try:
        rows = read_rows(path)
        if not rows:
            raise CardError(str(path), say("empty file"))
        layout = read_header(rows[0][1], context.catalog, _line(path, rows[0][0]))
    except CardError as exc:
        yield exc, exc.origin
        return
    for line, cells in rows[1:]:
        origin = _line(path, line)
        try:
            yield row_card(layout, cells, origin, context.catalog, context.challenge_of), origin
        except CardError as exc:
            yield exc, origin


def _line(path: Path, line: int) -> str:
    return _("{file}, line {line}").format(file=path, line=line)


def _card_items(path: Path) -> Iterator[Item]:
    try:
        yield parse_card(_load(path, str(path)), str(path)), str(path)
    except CardError as exc:
        yield exc, str(path)


class _Intake:
    """The cards accepted so far, and what makes another one a repeat: its id, its content apart from its
    id and language (the same run handed in twice), or its pseudonym (one participant, one card or row)."""

    def __init__(self, strict: bool, on_skip: Callable[[str], None] | None) -> None:
        self.strict, self.on_skip = strict, on_skip
        self.cards: list[Card] = []
        self.skipped: list[str] = []
        self.by_id: dict[str, str] = {}
        self.by_content: dict[Card, str] = {}
        self.by_pseudonym: dict[str, str] = {}

    def take(self, item: Card | CardError | None, origin: str) -> None:
        from ..domain.text import fold

        if item is None:
            return
        try:
            if isinstance(item, CardError):
                raise item
            first = self.by_id.get(item.card_id) or self.by_content.get(item.same_run())
            if first is not None:
                raise CardError(origin, say("duplicate of {first}", first=first))
            first = self.by_pseudonym.get(fold(item.pseudonym))
            if first is not None:
                raise CardError(origin, say("the same pseudonym as {first}", first=first))
        except CardError as exc:
            if self.strict:
                raise
            line = _("{file}: skipped: {reason}").format(file=exc.origin, reason=exc.reason)
            self.skipped.append(line)
            if self.on_skip is not None:
                self.on_skip(line)
            return
        self.by_id[item.card_id] = self.by_content[item.same_run()] = self.by_pseudonym[fold(item.pseudonym)] = origin
        self.cards.append(item)


def read_cards(
    files: Sequence[Path],
    strict: bool,
    on_skip: Callable[[str], None] | None = None,
    sheets: Callable[[], SheetContext] | None = None,
) -> tuple[list[Card], list[str]]:
    """The valid cards among ``files`` and one line per card or row skipped. JSON files are cards; ``.csv``,
    ``.xlsx`` and ``.ods`` files are typed-in sheets, a card per row, read with ``sheets()`` (asked once)."""
    from ..importers.sheets import SHEET_SUFFIXES

    intake = _Intake(strict, on_skip)
    context: SheetContext | None = None
    for path in files:
        if path.suffix.lower() in SHEET_SUFFIXES and sheets is not None:
            context = context or sheets()
            items = _sheet_items(path, context)
        else:
            items = _card_items(path)
        for item, origin in items:
            intake.take(item, origin)
    return intake.cards, intake.skipped


def summarize_files(
    paths: Sequence[Path],
    fmt: str,
    lang: str,
    min_group: int,
    per_challenge: bool,
    strict: bool,
    *,
    chart_stem: str | None = None,
    on_skip: Callable[[str], None] | None = None,
    names: Names | None = None,
    sheets: Callable[[], SheetContext] | None = None,
    present: bool = False,
) -> GroupResult:
    """Read the cards in ``paths`` and render their summary as ``fmt`` (md, html, csv or json) in ``lang``.

    The cards must all be of one challenge, unless ``per_challenge`` (a section per challenge, or for JSON
    a list). With ``chart_stem``, the charts come back to be written beside the document: one
    ``<stem>-chart.svg``, or ``<stem>-chart-<challenge>.svg`` each when there are several challenges; the
    Markdown references them. ``on_skip`` hears each skipped-card line as it happens (they are also in the
    result): then they are not lost when no card at all is usable. ``sheets`` gives what reading typed-in
    sheets (``.csv``, ``.xlsx``, ``.ods``, a card per row) needs; without it every file is read as a card.
    ``present`` (HTML only) makes the page a presentation to project, one finding per screen.
    """
    from ..exporters.group_report import Names, chart, check_format, check_present, render

    names = names or Names()

    check_format(fmt)
    check_present(fmt, present)
    if min_group < 1:
        raise BadInput(N_("--min-group must be 1 or more, not {n}"), n=min_group)
    files = card_files(paths)
    cards, skipped = read_cards(files, strict, on_skip, sheets)
    if not cards:
        raise BadInput(
            nsay(
                "no valid challenge card in the {n} file given: nothing to summarise",
                "no valid challenge card among the {n} files given: nothing to summarise",
                len(files),
            )
        )
    groups = group_by_challenge(cards)
    if len(groups) > 1 and not per_challenge:
        found = ", ".join(f"{challenge} ({len(group)})" for challenge, group in groups.items())
        raise BadInput(
            N_(
                "the cards are from {n} challenges: {found}; pass --per-challenge for one section each, "
                "or give the cards of one challenge"
            ),
            n=len(groups),
            found=found,
        )
    summaries = tuple(summarize(group, min_group) for group in groups.values())
    charts: tuple[tuple[str, str], ...] = ()
    if chart_stem is not None and fmt in ("md", "html"):
        single = len(summaries) == 1
        charts = tuple(
            (f"{chart_stem}-chart.svg" if single else f"{chart_stem}-chart-{s.challenge}.svg", chart(s, lang, names))
            for s in summaries
        )
    images = {s.challenge: name for s, (name, _) in zip(summaries, charts, strict=False)}
    text = render(summaries if per_challenge else summaries[0], fmt, lang, images, names, present)
    return GroupResult(text, charts, tuple(skipped), len(files), len(cards), summaries)


def group_names(svc: Service) -> Names:
    """The facilitator's touchpoint labels and challenge titles, for the summary to show names, not ids. A
    challenge file that cannot be read only leaves its id showing: the summary does not depend on it."""
    from ..exporters.group_report import Names
    from .challenges import all_challenges

    try:
        titles = {c.id: c.title for c in all_challenges(svc)}
    except FootprintError:
        titles = {}
    return Names({tp.id: tp.label for tp in svc.catalog.touchpoints}, titles)
