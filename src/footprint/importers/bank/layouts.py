"""Bank CSV layouts as data: one mapping file per bank (``data/mappings/banks/*.toml``, and the user's own
in the ``banks`` folder of the config directory), read into ``Layout`` values and checked key by key.

A layout says where a statement's columns are (by header name, folded: case, accents and spacing do not
matter; or by position, 1 for the first column, for a file without a header), the separator, the encoding,
the date format, which column tells the kind of operation and which of its values are card payments, and
where the purchase date is (a column, or patterns in the label). A bad file is one error naming the file
and the key, never a half-read layout. The README ("Describe another bank") documents every key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...errors import DataFileError
from ...i18n import N_
from .rules import compile_pattern, fold

Column = str | int  # a header name (folded) or a 1-based position
ENCODINGS = ("auto", "utf-8", "cp1252", "iso-8859-1", "iso-8859-15")
_FIELDS = ("date", "purchase", "label", "amount", "debit", "credit", "kind", "state", "account")
_LAYOUT_KEYS = frozenset(
    {"name", "header", "row", "separator", "encoding", "date_format", "signature", "columns", "card", "states"}
)
_CARD_KEYS = frozenset({"kinds", "patterns", "exclude", "purchase_date", "every_debit"})
_STATE_KEYS = frozenset({"skip"})
_DIRECTIVES = {"%d": r"(?P<d>\d{1,2})", "%m": r"(?P<m>\d{1,2})", "%Y": r"(?P<y>\d{4})", "%y": r"(?P<y>\d{2})"}
_DIRECTIVES.update({"%H": r"\d{1,2}", "%M": r"\d{2}", "%S": r"\d{2}", "%b": r"(?P<b>[^\W\d_]{3,9})\.?"})


@dataclass(frozen=True)
class Layout:
    """One bank CSV layout, checked. ``columns`` maps a field to its alternatives (the first found in the
    header is used; positions need no header); ``label`` is every label column found, joined."""

    bank: str  # the bank's name, as ``import detect`` says it
    name: str  # this layout's own name ("Caisse d'Épargne, since 2024")
    source: str  # the mapping file, for messages
    header: bool
    row: re.Pattern[str] | None  # a data row of a file without header (detection; other rows are skipped)
    separator: str
    encoding: str
    dates: tuple[re.Pattern[str], ...]  # the date format(s), as patterns with groups d, m, y
    signature: tuple[str, ...]  # header names that must all be there (folded)
    columns: Mapping[str, tuple[Column, ...]]
    labels: tuple[Column, ...]
    card_kinds: frozenset[str]  # values of the kind column that are card payments (folded)
    card_patterns: tuple[re.Pattern[str], ...]  # this bank's own card markers, beside the shared ones
    card_exclude: tuple[re.Pattern[str], ...]  # labels of this bank that are never card payments (transfers…)
    purchase_patterns: tuple[re.Pattern[str], ...]  # this bank's own purchase-date patterns, tried first
    every_debit: bool  # a card's own statement: every debit is a purchase
    skip_states: frozenset[str]  # values of the state column that did not happen (declined)

    @property
    def title(self) -> str:
        return f"{self.bank} ({self.name})" if self.name else self.bank


class _Checker:
    """Reads one mapping file's tables; the first bad key is a ``DataFileError`` naming file and key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, msgid: str, **values: object) -> DataFileError:
        return DataFileError(msgid, file=self.source, key=key, **values)

    def table(self, value: object, key: str, allowed: frozenset[str]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(key, N_("{file}: {key} must be a table"))
        for name in value:
            if name not in allowed:
                raise self.fail(f"{key}.{name}" if key else name, N_("{file}: {key} is not a key of a bank layout"))
        return value

    def text(self, value: object, key: str) -> str:
        if not isinstance(value, str) or not value:
            raise self.fail(key, N_("{file}: {key} must be a text"))
        return value

    def texts(self, value: object, key: str) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
            raise self.fail(key, N_("{file}: {key} must be a text or a list of texts"))
        return tuple(items)

    def pattern(self, raw: str, key: str, groups: tuple[str, ...] = ()) -> re.Pattern[str]:
        try:
            rx = compile_pattern(raw)
        except re.error as exc:
            raise self.fail(
                key, N_("{file}: {key}: {pattern} is not a regular expression ({error})"), pattern=raw, error=str(exc)
            ) from None
        if any(g not in rx.groupindex for g in groups):
            raise self.fail(key, N_("{file}: {key}: {pattern} needs the named groups d and m"), pattern=raw)
        return rx

    def columns(self, value: object, key: str, header: bool) -> tuple[Column, ...]:
        items = value if isinstance(value, list) else [value]
        found: list[Column] = []
        for item in items:
            if (
                isinstance(item, bool)
                or not isinstance(item, str | int)
                or item in ("", 0)
                or (isinstance(item, int) and item < 0)
            ):
                raise self.fail(key, N_("{file}: {key} must be a column name, a column number or a list of them"))
            if isinstance(item, str) and not header:
                raise self.fail(key, N_("{file}: {key}: a file without a header has column numbers, not names"))
            found.append(fold(item) if isinstance(item, str) else item - 1)
        return tuple(found)

    def date_format(self, value: object, key: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for fmt in self.texts(value, key):
            parts = re.split(r"(%.)", fmt)
            rx = "".join(_DIRECTIVES.get(p, "") if p.startswith("%") and len(p) == 2 else re.escape(p) for p in parts)
            if any(p.startswith("%") and len(p) == 2 and p not in _DIRECTIVES for p in parts) or "(?P<d>" not in rx:
                raise self.fail(
                    key,
                    N_(
                        "{file}: {key}: {pattern} is not a date format footprint reads (%d, %m, %Y, %y, %b, %H, %M, %S)"
                    ),
                    pattern=fmt,
                )
            compiled.append(re.compile(r"\s*" + rx))
        return tuple(compiled)


def layouts_of(source: str, table: Mapping[str, Any]) -> list[Layout]:
    """The layouts one mapping file describes (``bank`` and one or more ``[[layout]]``)."""
    check = _Checker(source)
    check.table(table, "", frozenset({"schema", "bank", "layout"}))
    if table.get("schema", 1) != 1:
        raise check.fail("schema", N_("{file}: {key} must be 1"))
    bank = check.text(table.get("bank"), "bank")
    items = table.get("layout")
    if not isinstance(items, list) or not items:
        raise check.fail("layout", N_("{file}: {key} must be one or more [[layout]] tables"))
    return [_layout(check, bank, item, f"layout[{i}]") for i, item in enumerate(items, start=1)]


def _layout(check: _Checker, bank: str, raw: object, key: str) -> Layout:
    t = check.table(raw, key, _LAYOUT_KEYS)
    header = t.get("header", True)
    if not isinstance(header, bool):
        raise check.fail(f"{key}.header", N_("{file}: {key} must be true or false"))
    separator = t.get("separator", ";")
    if separator not in (";", ",", "\t", "|"):
        raise check.fail(f"{key}.separator", N_("{file}: {key} must be a semicolon, a comma, a vertical bar or a tab"))
    encoding = t.get("encoding", "auto")
    if encoding not in ENCODINGS:
        raise check.fail(f"{key}.encoding", N_("{file}: {key} must be one of {choices}"), choices=", ".join(ENCODINGS))
    row = check.pattern(check.text(t["row"], f"{key}.row"), f"{key}.row") if "row" in t else None
    if not header and row is None:
        raise check.fail(f"{key}.row", N_("{file}: {key} is needed by a file without a header"))
    cols = check.table(t.get("columns"), f"{key}.columns", frozenset(_FIELDS))
    columns = {f: check.columns(v, f"{key}.columns.{f}", header) for f, v in cols.items() if f != "label"}
    if "label" not in cols or "date" not in columns:
        raise check.fail(f"{key}.columns", N_("{file}: {key} needs date and label"))
    if not {"amount", "debit", "credit"} & columns.keys():
        raise check.fail(f"{key}.columns", N_("{file}: {key} needs amount, or debit and credit"))
    states = check.table(t.get("states", {}), f"{key}.states", _STATE_KEYS)
    return Layout(
        bank=bank,
        name=check.text(t["name"], f"{key}.name") if "name" in t else "",
        source=check.source,
        header=header,
        row=row,
        separator=separator,
        encoding=encoding,
        dates=check.date_format(t.get("date_format", "%d/%m/%Y"), f"{key}.date_format"),
        signature=tuple(fold(s) for s in _texts(check, t, "signature", key)),
        columns=columns,
        labels=check.columns(cols["label"], f"{key}.columns.label", header),
        skip_states=frozenset(fold(s) for s in _texts(check, states, "skip", f"{key}.states")),
        **_card(check, t, f"{key}.card"),
    )


def _card(check: _Checker, t: Mapping[str, Any], key: str) -> dict[str, Any]:
    """How the layout tells a card payment (``[layout.card]``), as ``Layout`` fields."""
    card = check.table(t.get("card", {}), key, _CARD_KEYS)
    every = card.get("every_debit", False)
    if not isinstance(every, bool):
        raise check.fail(f"{key}.every_debit", N_("{file}: {key} must be true or false"))
    dated = (check.pattern(p, f"{key}.purchase_date", ("d", "m")) for p in _texts(check, card, "purchase_date", key))
    return {
        "card_kinds": frozenset(fold(k) for k in _texts(check, card, "kinds", key)),
        "card_patterns": tuple(check.pattern(p, f"{key}.patterns") for p in _texts(check, card, "patterns", key)),
        "card_exclude": tuple(check.pattern(p, f"{key}.exclude") for p in _texts(check, card, "exclude", key)),
        "purchase_patterns": tuple(dated),
        "every_debit": every,
    }


def _texts(check: _Checker, table: Mapping[str, Any], name: str, key: str) -> tuple[str, ...]:
    return check.texts(table[name], f"{key}.{name}") if name in table else ()


def load(files: Iterable[tuple[str, Mapping[str, Any]]]) -> tuple[Layout, ...]:
    """Every layout of the given mapping files (name, tables), the user's after the shipped ones."""
    return tuple(layout for source, table in files for layout in layouts_of(source, table))


def read_folder(folder: Path, label: Callable[[Path], str]) -> list[tuple[str, Mapping[str, Any]]]:
    """The mapping files of ``folder`` (``*.toml``, in name order) as (name for messages, tables). The
    service reads the user's folder through this; the shipped one is read here too, for ``detect``, which
    is given no context (it is package data, like the code)."""
    import tomllib

    from ...files import open_regular

    found: list[tuple[str, Mapping[str, Any]]] = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            with open_regular(path) as f:
                found.append((label(path), tomllib.load(f)))
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(N_("{file}: not valid TOML ({error})"), file=label(path), error=str(exc)) from None
        except UnicodeDecodeError:
            raise DataFileError(N_("{file}: not UTF-8 text"), file=label(path)) from None
    return found


@cache
def shipped() -> tuple[Layout, ...]:
    """The layouts footprint ships (``data/mappings/banks``)."""
    from ...resources import shipped_dir

    return load(read_folder(shipped_dir("data") / "mappings" / "banks", lambda p: f"data/mappings/banks/{p.name}"))


__all__ = ["Column", "Layout", "layouts_of", "load", "read_folder", "shipped"]
