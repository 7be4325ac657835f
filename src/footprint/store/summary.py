"""How an undo step's summary is stored: a phrase of the message catalogue kept as JSON (its msgid and
values), so that ``undo`` words it in the language spoken when it is undone, not when it was written.

A value is a string, a number or a ``Text`` (a touchpoint's label, a challenge's title: every language's
words travel with the step). A summary written by an older footprint is plain text and comes back as is.
"""

from __future__ import annotations

import json
from typing import Any

from ..domain.catalog import Text
from ..i18n import Message


def _value(value: Any) -> Any:
    if isinstance(value, Text):
        return {"text": list(value)}
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
        values = {
            k: Text(*v["text"]) if isinstance(v, dict) else v for k, v in dict(record["values"]).items()
        }
        return Message(str(record["msgid"]), record["plural"], record["n"], record["context"], values)
    except (ValueError, KeyError, TypeError):
        return text
