"""Readers shared by the TUI tests: what a widget shows, a table's rows, the notifications, the journal."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from footprint.services import Service

FIVE = ("computer", "smartphone", "bank-card", "health-card", "smart-meter")
SIZE = (100, 30)


def stored(svc: Service) -> list[tuple[str, int]]:
    """(touchpoint, count) of every stored entry, read on a fresh connection."""
    fresh = Service(svc.settings)
    try:
        return [(e.touchpoint, e.count) for e in fresh.entries()]
    finally:
        fresh.close()


def shown(widget: Any) -> str:
    """The plain text a Static (or a widget with ``render``) shows."""
    content = widget.content if hasattr(widget, "content") else widget.render()
    return content.plain if isinstance(content, Text) else str(content)


def rows(table: Any) -> list[str]:
    """Each row of an entry list or a DataTable as one line of plain text."""
    if hasattr(table, "plain_rows"):
        return table.plain_rows()
    return [
        " ".join(c.plain if isinstance(c, Text) else str(c) for c in table.get_row_at(i))
        for i in range(table.row_count)
    ]


def notes(app: Any) -> list[tuple[str, str]]:
    """The notifications the app raised so far, as (severity, message)."""
    return [(n.severity, n.message) for n in app._notifications]
