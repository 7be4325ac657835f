"""``--columns`` for ``footprint import csv``: ``"date=When,touchpoint=What,count=N,minutes=Min,delimiter=;,
format=%d/%m/%Y"`` read into the columns' names (any order, spaces around names ignored; ``delimiter`` may be
``comma``, ``semicolon``, ``tab`` or ``pipe``)."""

from __future__ import annotations

from ..errors import BadInput
from ..i18n import N_

SPEC_KEYS = ("date", "touchpoint", "count", "minutes", "delimiter", "format")
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|", ",": ",", ";": ";", "|": "|", "\\t": "\t"}


def parse_spec(spec: str, fixed_touchpoint: str | None) -> dict[str, str]:
    """The spec's keys and values (``delimiter`` as its character); a malformed spec is ``BadInput``."""
    values: dict[str, str] = {}
    for part in _split_spec(spec):
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or key not in SPEC_KEYS or not value:
            raise BadInput(
                N_("--columns: {part} is not KEY=COLUMN (keys: {keys})"), part=repr(part.strip()), keys=", ".join(SPEC_KEYS)
            )
        if key in values:
            raise BadInput(N_("--columns: {key} given twice"), key=key)
        values[key] = value
    if "delimiter" in values:
        values["delimiter"] = DELIMITERS.get(values["delimiter"].lower(), values["delimiter"])
    if not values.get("date"):
        raise BadInput(N_("--columns: say which column holds the date (date=COLUMN)"))
    if not values.get("touchpoint") and not fixed_touchpoint:
        raise BadInput(N_("--columns: say which column holds the touchpoint (touchpoint=COLUMN), or give --touchpoint"))
    return values


def _split_spec(spec: str) -> list[str]:
    """Parts separated by commas, except commas inside a separator or date format (``delimiter=,``,
    ``format=%b %d, %Y``): a piece without ``=`` goes on the previous one when that is one of those."""
    parts: list[str] = []
    for piece in spec.split(","):
        previous = parts[-1].split("=", 1)[0].strip().lower() if parts else ""
        if "=" not in piece and previous in ("delimiter", "format"):
            parts[-1] += "," + piece
        elif piece.strip():
            parts.append(piece)
    return parts
