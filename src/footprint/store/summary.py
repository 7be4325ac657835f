"""How an undo step's summary is stored: a phrase of the message catalogue kept as JSON (its msgid and
values), so that ``undo`` words it in the language spoken when it is undone, not when it was written.

A value is a string, a number, a ``Text`` (a touchpoint's label, a challenge's title: every language's
words travel with the step) or a day (worded when undone: « la clôture du 21 nov. 2026 »). A summary
written by an older footprint is plain text and comes back as is.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..domain.catalog import Text
from ..i18n import Message


class Day:
    """A day kept in an undo step, written as the language spoken writes it when the step is shown."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __format__(self, spec: str) -> str:
        from ..l10n import medium_date  # Babel, loaded only when a step is worded (never on log's path)

        return medium_date(self.day)

    def __str__(self) -> str:
        return format(self, "")


def _value(value: Any) -> Any:
    if isinstance(value, Text):
        return {"text": list(value)}
    if isinstance(value, date):
        return {"day": value.isoformat()}
    if isinstance(value, str | int | float):
        return value
    return str(value)


def stored(summary: Message | str) -> str:
    """The summary as the ``ops`` table keeps it (the same text for the same step: a resumed import
    recognises its own step by it)."""
    if isinstance(summary, str):
        return summary
    record = {
        "msgid": summary.msgid,
        "plural": summary.plural,
        "n": summary.n,
        "context": summary.context,
        "values": {k: _value(v) for k, v in summary.values.items()},
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def restored(text: str) -> Message | str:
    """The summary from what ``stored`` wrote; plain text (an older journal's) as it is."""
    if not text.startswith("{"):
        return text
    try:
        record = json.loads(text)
        values = {k: _restored(v) for k, v in dict(record["values"]).items()}
        return Message(str(record["msgid"]), record["plural"], record["n"], record["context"], values)
    except (ValueError, KeyError, TypeError):
        return text


def _restored(value: Any) -> Any:
    if isinstance(value, dict) and "day" in value:
        return Day(date.fromisoformat(value["day"]))
    return Text(*value["text"]) if isinstance(value, dict) else value
