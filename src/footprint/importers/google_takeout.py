"""``footprint import google-takeout PATH``: Google Takeout's "My Activity", in JSON or HTML, English, French
or German, from the zip as downloaded, the unpacked folder, or one ``MyActivity.json``/``.html`` file.

Each entry is one touch (count 1) of the catalog touchpoint its product maps to in
``data/mappings/google.toml`` (Search → web-search, YouTube → video-streaming, Maps → maps, Chrome →
web-browsing…); Android "Used X" entries map the app through ``data/mappings/apps.toml`` by the package id
of their Play Store link, else by the app's name, else count as plain smartphone use. Nothing of the
content is kept: no titles, search terms or URLs (the one URL read is the Play Store link, for its package
id). The group is the product's language-independent name from the mapping (``Search``, ``YouTube``), plus
``#N`` for the N-th file of a split export (``My Activity-2.html``), so an English and a later French export
of the same days add nothing twice.

Traps handled (see FORMATS.md):

- **Translated paths**: ``Takeout/My Activity/Search/MyActivity.json``, ``Mon activité/Recherche/
  MonActivité.html``, ``Meine Aktivitäten/Suche/MeineAktivitäten.json``, names in NFC or NFD, and split or
  older files (``My Activity-2.html``). The product folder is only a fallback: the entry's own ``products``
  and ``header`` come first.
- **JSON**: a top-level array; ``header`` missing on some old entries (then ``products``, then the folder);
  ``time`` ISO-8601 with ``Z`` and milli- or microseconds; ``\\u003d`` escapes in URLs (a real JSON parser,
  never regexes on the raw text). Big files are streamed: pretty-printed arrays (Takeout writes them with
  the items' closing brace alone on its line) are cut into runs of whole items and parsed a megabyte at a
  time, which is what makes a million entries take seconds; anything else is parsed item by item.
- **HTML**: one ``div.outer-cell`` per entry, parsed with ``html.parser`` fed chunk by chunk (memory stays
  flat). The product is the header cell (or the ``Products:``/``Produits :``/``Produkte:`` caption); the
  date is the last line of the first content cell that reads as a date (a Gemini reply may follow it).
  ``&nbsp;``, ``&emsp;``, thin and narrow no-break spaces (before AM/PM) are spaces.
- **HTML dates**: ``Mar 5, 2024, 8:41:12 AM CET``, ``6 Jun 2026, 08:53:12 CEST``, French ``30 sept. 2026,
  08:00:00 CET`` (24-hour, French month abbreviations), German ``05.03.2024, 08:41:12 MEZ`` or ``5. März
  2024``. No zone before ~2018: the journal's zone. ``UTC`` (2018–2020) and explicit offsets: as written.
  Later, the abbreviation is the one in force **when the export was made** (a January event stamped BST),
  so its DST is not trusted: the abbreviation names a region (``[zones]`` in google.toml, or the journal's
  own zone when that uses the abbreviation) and the time is read as wall-clock time there, with the
  offset that zone really had on the event's date. An unknown abbreviation is read in the journal's zone.

Location History (``Records.json``) is not read.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..domain.text import fold
from ..errors import DataFileError
from .activitywatch import AppNames
from .archive import BETWEEN_ITEMS, Member, file_member, head, members, names, plausible
from .base import ImportContext, Issue, Record, Touch

CHUNK = 1 << 20
_HTML_CHUNK = 1 << 16

# "My Activity" in the languages Takeout is downloaded in, folded (lower case, no accents, no spaces).
_ACTIVITY = (
    "myactivity",
    "monactivite",
    "meineaktivitaten",
    "miactividad",
    "lemieattivita",
    "lamiaattivita",
    "minhaatividade",
    "mijnactiviteit",
)
_FILE = re.compile(r"^(?P<stem>[a-z]+?)(?:-?\(?(?P<part>\d+)\)?)?\.(?P<ext>json|html?)$")


def _squash(name: str) -> str:
    """A path part folded for matching: NFC or NFD alike, lower case, no accents, no spaces or ``_``."""
    bare = unicodedata.normalize("NFKD", name).lower()
    return "".join(c for c in bare if not unicodedata.combining(c) and c not in " _\u00a0")


class _Source(NamedTuple):
    member: Member
    label: str  # how an error names the file: the path, or the archive or folder and the member
    folder: str | None  # the product folder (translated), when the file sits in one
    part: int | None  # 2, 3… for the split files of one product
    html: bool


def _source(member: Member) -> _Source | None:
    """Whether ``member`` is a My Activity file, and what its path tells."""
    parts = member.name.split("/")
    match = _FILE.match(_squash(parts[-1]))
    if match is None:
        return None
    in_activity = len(parts) >= 3 and _squash(parts[-3]) in _ACTIVITY
    if match["stem"] not in _ACTIVITY and not in_activity:
        return None
    folder = parts[-2] if in_activity else None
    part = int(match["part"]) if match["part"] and match["stem"] in _ACTIVITY else None
    return _Source(member, member.name, folder, part if part and part > 1 else None, match["ext"] != "json")


def _sniff(path: Path) -> bool | None:
    """For a single file under another name: True for My Activity HTML, False for JSON, None for neither."""
    start = head(path, 1 << 16)
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"[") and b'"time"' in start[:8192] and (b'"header"' in start or b'"products"' in start):
        return False
    if b"outer-cell" in start and b"mdl-grid" in start:
        return True
    return None


# --- products -----------------------------------------------------------------------------------------


class _Product(NamedTuple):
    touchpoint: str
    group: str
    apps: bool


_IGNORED = _Product("", "", False)


def _key(name: str) -> str:
    return fold(name.replace("\u2019", "'"))


class _Products:
    """google.toml's products by every name they go by, and the cached answer for each entry shape."""

    def __init__(self, table: Mapping[str, Any], apps: AppNames) -> None:
        self.by_name: dict[str, _Product] = {}
        products = table.get("products")
        for key, raw in products.items() if isinstance(products, Mapping) else ():
            if not isinstance(raw, Mapping) or not isinstance(raw.get("touchpoint"), str):
                continue
            product = _Product(raw["touchpoint"], str(raw.get("group") or key), bool(raw.get("apps")))
            for name in [key, product.group, *(n for n in raw.get("names") or () if isinstance(n, str))]:
                self.by_name.setdefault(_key(name), product)
        ignore = table.get("ignore")
        for name in (ignore.get("names") or ()) if isinstance(ignore, Mapping) else ():
            if isinstance(name, str):
                self.by_name.setdefault(_key(name), _IGNORED)
        self.apps = apps
        self._cache: dict[tuple[Any, ...], _Product | str] = {}
        self._app_cache: dict[tuple[str | None, str | None], str] = {}

    def find(self, header: Any, products: Any, folder: str | None) -> _Product | str:
        """The entry's product, or the kind of problem. ``products`` comes first (Android entries have the
        app's name as header), then ``header``, then the product folder."""
        try:
            cache_key = (header, tuple(products) if products.__class__ is list else products, folder)
            return self._cache[cache_key]
        except KeyError:
            found = self._cache[cache_key] = self._find(header, products, folder)
            return found
        except TypeError:  # a list or object where a name belongs: not cacheable, still answered
            return self._find(header, products, folder)

    def _find(self, header: Any, raw_products: Any, folder: str | None) -> _Product | str:
        products = [p for p in raw_products if isinstance(p, str)] if isinstance(raw_products, list) else []
        header = header if isinstance(header, str) else None
        for name in (*products, header, folder):
            if name:
                product = self.by_name.get(_key(name))
                if product is not None:
                    return product
        named = products[0] if products else header or folder
        if not named:
            return "entry without a product"
        return f"product not in mappings/google.toml: {named.strip()[:40]!r}"

    def app(self, default: str, header: str | None, package: str | None) -> str:
        """An Android entry's touchpoint: the app's (by package id, else name), else ``default``."""
        key = (header, package)
        tp = self._app_cache.get(key)
        if tp is None:
            tp = self._app_cache[key] = self.apps.touchpoint(header, package) or default
        return tp


def _package(url: Any) -> str | None:
    """The package id of a Play Store link (``…/store/apps/details?id=com.whatsapp``); nothing else of it."""
    if not isinstance(url, str) or "play.google.com" not in url:
        return None
    start = url.find("id=")
    if start < 0:
        return None
    package = url[start + 3 :].split("&", 1)[0].split("#", 1)[0]
    return package or None


# --- dates ------------------------------------------------------------------------------------------------

_MONTHS = {
    # English
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
    # French (accents folded): janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.
    "janv": 1,
    "janvier": 1,
    "fevr": 2,
    "fev": 2,
    "fevrier": 2,
    "mars": 3,
    "avr": 4,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juil": 7,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    # German: Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez. (Austrian Jän., Jänner)
    "januar": 1,
    "janner": 1,
    "februar": 2,
    "marz": 3,
    "mrz": 3,
    "juni": 6,
    "juli": 7,
    "okt": 10,
    "oktober": 10,
    "dez": 12,
    "dezember": 12,
}
_SPACES = str.maketrans({c: " " for c in "\u00a0\u202f\u2007\u2009\u2002\u2003\u2004\u2005\u2006\u200a\t"})
_TIME = r"(?P<H>\d{1,2})[:h.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?(?: ?(?P<ap>[ap])\.? ?m\.?)?(?: (?P<z>.+))?"
_DATE_LINES = (
    # Mar 5, 2024, 8:41:12 AM CET
    re.compile(r"^(?P<mon>[^\W\d_]+)\.? (?P<d>\d{1,2}),? (?P<y>\d{4}),?(?: at)? " + _TIME + "$"),
    # 6 Jun 2026, 08:53:12 CEST · 30 sept. 2026, 08:00:00 CET · 5. März 2024, 08:41:12 MEZ
    re.compile(r"^(?P<d>\d{1,2})\.? (?P<mon>[^\W\d_]+)\.? (?P<y>\d{4}),?(?: (?:à|a|um|at))? " + _TIME + "$"),
    # 05.03.2024, 08:41:12 MEZ · 05/03/2024 08:41:12
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}),? " + _TIME + "$"),
)
_OFFSET = re.compile(r"^(?:utc|gmt)?(?P<sign>[+\-\u2212])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")


def _unaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class _Zones:
    """What a date line's zone abbreviation means (see the module docstring), cached per abbreviation."""

    def __init__(self, table: Mapping[str, Any], journal_zone: tzinfo) -> None:
        zones = table.get("zones")
        self.regions = (
            {str(k).upper(): v for k, v in zones.items() if isinstance(v, str)} if isinstance(zones, Mapping) else {}
        )
        self.journal = journal_zone
        self._own = self._abbreviations(journal_zone)
        self._cache: dict[str, tzinfo] = {}

    @staticmethod
    def _abbreviations(zone: tzinfo) -> set[str]:
        names_: set[str] = set()
        for year in range(2012, 2031):
            for month in (1, 7):
                name = datetime(year, month, 15, 12, tzinfo=zone).tzname()
                if name:
                    names_.add(name.upper())
        return names_

    def get(self, abbreviation: str | None) -> tzinfo:
        if not abbreviation:
            return self.journal
        zone = self._cache.get(abbreviation)
        if zone is None:
            zone = self._cache[abbreviation] = self._resolve(abbreviation)
        return zone

    def _resolve(self, abbreviation: str) -> tzinfo:
        upper = abbreviation.strip().upper()
        if upper in ("UTC", "Z", "UTC+0", "GMT+0", "UTC+00:00", "GMT+00:00"):
            return UTC
        offset = _OFFSET.match(abbreviation.strip().lower())
        if offset:
            minutes = int(offset["h"]) * 60 + int(offset["m"] or 0)
            return timezone(timedelta(minutes=-minutes if offset["sign"] != "+" else minutes))
        if upper in self._own:
            return self.journal
        region = self.regions.get(upper)
        if region:
            try:
                return ZoneInfo(region)
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return self.journal


def parse_date_line(line: str, zones: _Zones) -> datetime | None:
    """An HTML date line as an aware datetime, or None when the line is not a date."""
    text = " ".join(line.translate(_SPACES).split())
    if not text or not text[0].isalnum() or not any(c.isdigit() for c in text[-8:] + text[:12]):
        return None
    for rx in _DATE_LINES:
        m = rx.match(text.lower())
        if m is None:
            continue
        groups = m.groupdict()
        if "mon" in groups:
            month = _MONTHS.get(_unaccent(groups["mon"]).rstrip("."))
            if month is None:
                return None
        else:
            month = int(groups["m"])
        hour = int(groups["H"])
        if groups["ap"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if groups["ap"] == "p" else 0)
        zone_text = groups["z"]
        zone = zones.get(text[m.start("z") :].strip() if zone_text else None)
        try:
            y, d, minute, second = int(groups["y"]), int(groups["d"]), int(groups["M"]), int(groups["S"] or 0)
            return plausible(datetime(y, month, d, hour, minute, second, tzinfo=zone))
        except ValueError:
            return None
    if len(text) >= 19 and text[4] == "-" and text[10] in "T ":
        try:
            at = plausible(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return None
        return at if at.tzinfo else at.replace(tzinfo=zones.journal)
    return None


# --- JSON -------------------------------------------------------------------------------------------------


def _json_batches(stream: IO[bytes], progress: Any, where: str) -> Iterator[list[Any]]:
    """The items of the top-level array, streamed, in lists (one generator step per run, not per item).
    Fast path: in a pretty-printed array each item closes
    with a brace alone at the items' indentation (a raw newline can never be inside a JSON string), so the
    text up to the last such brace is a run of whole items, parsed in one ``json.loads``. If that run does
    not parse, its items are read one by one, which also finds the broken one."""
    reader = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict")
    decoder = json.JSONDecoder()
    buffer, pos, started, done = "", 0, False, False
    closing: str | None = None  # "\n}" once learnt from the first item; "" when the file is not pretty-printed
    slow_until = 0  # after a run that did not parse, its items are read one by one up to here
    while not done:
        try:
            data = reader.read(CHUNK)
        except UnicodeDecodeError:
            raise DataFileError(f"{where}: not UTF-8 text") from None
        progress(len(data))
        done = not data
        buffer = buffer[pos:] + data
        slow_until, pos = max(slow_until - pos, 0), 0
        if not started:
            stripped = buffer.lstrip()
            if not stripped:
                if done:
                    raise DataFileError(f"{where}: empty file")
                continue
            if stripped[0] != "[":
                raise DataFileError(f"{where}: not a My Activity JSON array")
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
                item, end = decoder.raw_decode(buffer, pos)
            except (ValueError, RecursionError) as exc:
                if not isinstance(exc, json.JSONDecodeError) or done or size - pos > 64 * CHUNK:
                    raise DataFileError(f"{where}: broken or truncated JSON") from None
                break  # the item goes on in the next chunk
            if end == size and not done:
                break
            if closing is None:
                closing = _closing(buffer, pos, end)
            yield [item]
            pos = end
    if started:
        raise DataFileError(f"{where}: truncated JSON (the array never closes)")
    raise DataFileError(f"{where}: empty file")


def _closing(buffer: str, start: int, end: int) -> str:
    """How an item of this file closes: ``"\\n}"`` (or ``"\\n  }"``) when pretty-printed, else ``""``."""
    if end - start < 2 or buffer[end - 1] != "}":
        return ""
    newline = buffer.rfind("\n", start, end - 1)
    if newline < 0 or buffer[newline + 1 : end - 1].strip(" \t"):
        return ""
    return buffer[newline:end]


# --- HTML -------------------------------------------------------------------------------------------------


class _Entry(NamedTuple):
    header: str | None
    lines: list[str]  # the first content cell, line by line (held only until its date is read)
    products: list[str]
    package: str | None
    finished: bool


class _ActivityHTML(HTMLParser):
    """Collects, per ``div.outer-cell``, the header cell's text, the first content cell's lines, the
    caption's products and a Play Store package id; finished entries wait in ``entries``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[_Entry] = []
        self._depth = 0
        self._entry_depth = 0
        self._cell_depth = 0
        self._mode: str | None = None  # "header", "body", "caption", "skip"
        self._reset()

    def _reset(self) -> None:
        self._header: list[str] = []
        self._lines: list[str] = []
        self._caption: list[tuple[bool, str]] = []
        self._line: list[str] = []
        self._bold = False
        self._body_seen = False
        self._package: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            self._depth += 1
            classes = next((v or "" for k, v in attrs if k == "class"), "").split()
            if "outer-cell" in classes:
                if self._entry_depth:
                    self._finish(False)
                self._reset()
                self._entry_depth, self._mode = self._depth, None
            elif self._entry_depth and self._mode is None and ("header-cell" in classes or "content-cell" in classes):
                self._cell_depth = self._depth
                if "header-cell" in classes:
                    self._mode = "header"
                elif "mdl-typography--caption" in classes:
                    self._mode = "caption"
                elif "mdl-typography--text-right" in classes or self._body_seen:
                    self._mode = "skip"
                else:
                    self._mode = "body"
        elif tag == "br":
            self._newline()
        elif tag == "b" and self._mode == "caption":
            self._newline()
            self._bold = True
        elif tag == "a" and self._mode == "body" and self._package is None:
            self._package = _package(next((v for k, v in attrs if k == "href"), None))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":  # <div/> opens nothing
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            if self._mode is not None and self._depth == self._cell_depth:
                self._newline()
                if self._mode == "body":
                    self._body_seen = True
                self._mode = None
            if self._entry_depth and self._depth == self._entry_depth:
                self._finish(True)
            self._depth = max(self._depth - 1, 0)
        elif tag == "p" and self._mode == "header":
            self._newline()

    def handle_data(self, data: str) -> None:
        if self._mode in ("header", "body", "caption"):
            self._line.append(data)

    def _newline(self) -> None:
        if self._mode is None or self._mode == "skip":
            self._line.clear()
            return
        text = " ".join("".join(self._line).translate(_SPACES).split())
        self._line.clear()
        if self._mode == "header":
            if text:
                self._header.append(text)
        elif self._mode == "body":
            self._lines.append(text)
        elif self._mode == "caption" and (text or self._bold):
            self._caption.append((self._bold, text))
        self._bold = False

    def _finish(self, finished: bool) -> None:
        products: list[str] = []
        in_products = False
        for bold, text in self._caption:
            if bold:
                in_products = fold(text).startswith(("product", "produit", "produkt", "producto", "prodott", "produto"))
            elif in_products and text:
                products.append(text)
        header = " ".join(self._header) or None
        self.entries.append(_Entry(header, self._lines, products, self._package, finished))
        self._entry_depth, self._mode = 0, None
        self._reset()

    def close(self) -> None:
        super().close()
        if self._entry_depth:
            self._finish(False)


# --- the importer ---------------------------------------------------------------------------------------


class GoogleTakeout:
    name = "google-takeout"
    description = "Google Takeout My Activity (JSON or HTML, any language): searches, videos, maps, app use"

    def detect(self, path: Path) -> bool:
        if path.is_file() and path.suffix.lower() in (".json", ".html", ".htm"):
            return self._file_source(path) is not None
        return any(_source(Member(n, 0, _no_open)) is not None for n in names(path))

    @staticmethod
    def _file_source(path: Path) -> _Source | None:
        member = file_member(path)
        found = _source(member)
        if found is not None:
            return found
        html = _sniff(path)
        return None if html is None else _Source(member, str(path), None, None, html)

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        sources: list[_Source] = []
        if path.is_file() and path.suffix.lower() in (".json", ".html", ".htm"):
            single = self._file_source(path)
            sources = [single._replace(label=str(path))] if single else []
        else:
            sources = [
                s._replace(label=f"{path}: {m.name}")
                for m in members(path, r"\.(json|html?)$")
                if (s := _source(m)) is not None
            ]
        if not sources:
            raise DataFileError(f"{path}: no Google Takeout My Activity files found")
        products = _Products(ctx.table("google"), AppNames(ctx.table("apps")))
        zones = _Zones(ctx.table("google"), ctx.zone)
        for source in sources:
            with source.member.open() as stream:
                if source.html:
                    yield from self._html(source, stream, ctx, products, zones)
                else:
                    yield from self._json(source, stream, ctx, products)

    @staticmethod
    def _json(source: _Source, stream: IO[bytes], ctx: ImportContext, products: _Products) -> Iterator[Record]:
        # The hot loop of a million-entry file: what an entry's header and products map to is worked out
        # once per distinct pair and cached as (touchpoint, group, apps) — or the issue's kind, or None to skip.
        where = source.member.name
        suffix = f"#{source.part}" if source.part else ""
        folder = source.folder
        parse = datetime.fromisoformat
        cache: dict[tuple[Any, Any], tuple[str, str, bool] | str | None] = {}

        def resolve(header: Any, names_: Any) -> tuple[str, str, bool] | str | None:
            product = products.find(header, names_, folder)
            if isinstance(product, str) or product is _IGNORED:
                return None if product is _IGNORED else product
            return product.touchpoint, product.group + suffix, product.apps

        i = 0
        for batch in _json_batches(stream, ctx.progress, source.label):
            for item in batch:
                i += 1
                if item.__class__ is not dict:
                    yield Issue("unreadable entry", f"{where} #{i}")
                    continue
                header = item.get("header")
                names_ = item.get("products")
                try:
                    key = (header, tuple(names_) if names_.__class__ is list else names_)
                    hit = cache[key]
                except KeyError:
                    hit = cache[key] = resolve(header, names_)
                except TypeError:  # a list or object where a name belongs: answered, not cached
                    hit = resolve(header, names_)
                if hit is None:
                    continue
                if hit.__class__ is str:
                    yield Issue(hit, f"{where} #{i}")  # type: ignore[arg-type]
                    continue
                tp, group, apps = hit  # type: ignore[misc]
                stamp = item.get("time")
                try:
                    at = plausible(parse(stamp))  # type: ignore[arg-type]
                except (TypeError, ValueError):
                    kind = "entry without a date" if stamp is None else "entry with an unreadable date"
                    yield Issue(kind, f"{where} #{i}")
                    continue
                if at.tzinfo is None:
                    at = at.replace(tzinfo=UTC)  # Takeout's JSON times are UTC
                if apps:
                    app_name = header if isinstance(header, str) else None
                    tp = products.app(tp, app_name, _package(item.get("titleUrl")))
                yield Touch(at, tp, 1, None, None, group)

    @staticmethod
    def _html(
        source: _Source, stream: IO[bytes], ctx: ImportContext, products: _Products, zones: _Zones
    ) -> Iterator[Record]:
        where = source.member.name
        suffix = f"#{source.part}" if source.part else ""
        decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        parser = _ActivityHTML()
        n = 0
        while True:
            data = stream.read(_HTML_CHUNK)
            ctx.progress(len(data))
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError:
                raise DataFileError(f"{source.label}: not UTF-8 text") from None
            if text:
                parser.feed(text)
            if not data:
                parser.close()
            for entry in parser.entries:
                n += 1
                record = _html_record(entry, f"{where} #{n}", source.folder, suffix, products, zones)
                if record is not None:
                    yield record
            parser.entries.clear()
            if not data:
                break


def _html_record(
    entry: _Entry, where: str, folder: str | None, suffix: str, products: _Products, zones: _Zones
) -> Record | None:
    if not entry.finished:
        return Issue("unfinished entry (truncated file?)", where)
    product = products.find(entry.header, entry.products, folder)
    if isinstance(product, str):
        return Issue(product, where)
    at = next((d for line in reversed(entry.lines) if line and (d := parse_date_line(line, zones))), None)
    if at is None:
        return Issue("entry without a date", where)
    if product is _IGNORED:
        return None
    tp = products.app(product.touchpoint, entry.header, entry.package) if product.apps else product.touchpoint
    return Touch(at, tp, 1, None, None, product.group + suffix)


def _no_open() -> IO[bytes]:
    raise OSError("detect never opens")


__all__ = ["GoogleTakeout", "parse_date_line"]
