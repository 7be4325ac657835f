"""``footprint export --format md``: the journal as a readable Markdown table, a section per day."""

from __future__ import annotations

from collections.abc import Iterator

from . import markdown_text
from .base import JournalDump


def _cell(text: object) -> str:
    """A note or a name as it was typed, never as HTML, a link or a second table row."""
    return markdown_text.cell(text) if text is not None else ""


_HEADER = "| time | touchpoint | count | minutes | reason | note |\n|---|---|---|---|---|---|\n"


class JournalMarkdown:
    name = "md"
    extension = "md"

    def export(self, dump: JournalDump) -> Iterator[str]:
        closed = {d.day for d in dump.days if d.closed}
        yield f"# footprint journal\n\nExported {dump.exported_at} ({dump.timezone}).\n"
        current = None
        for e in dump.entries:
            if e.day != current:
                current = e.day
                mark = " (closed)" if current in closed else ""
                yield f"\n## {current.isoformat()}{mark}\n\n{_HEADER}"
            yield (
                f"| {e.at:%H:%M} | {_cell(e.touchpoint)} | {e.count} | {_cell(e.minutes)} | {_cell(e.reason)} "
                f"| {_cell(e.note)} |\n"
            )
