"""Putting a string footprint did not write (a catalog label, a note, a challenge's title) into Markdown.

A Markdown page is published as HTML, and Markdown lets raw HTML and links through: a touchpoint label
``<script>…</script>`` or ``![x](http://…)`` would become a script or an image fetched from elsewhere on
the reader's page. ``text`` makes such a string print as itself: ``&``, ``<`` and ``>`` become entities,
the backslash and the brackets of links and images are backslash-escaped, and line breaks become spaces
(a new line could start a heading, a list or a link definition).
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {
        "\\": "\\\\",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "[": "\\[",
        "]": "\\]",
        "\r": " ",
        "\n": " ",
    }
)


def text(value: object) -> str:
    """``value`` as inline Markdown text that renders as exactly itself, on one line."""
    return str(value).translate(_TABLE)


def cell(value: object) -> str:
    """Like ``text``, for a table cell (where ``|`` would end the cell)."""
    return text(value).replace("|", "\\|")


def destination(target: str) -> str:
    """A file name as a link or image destination: in ``<…>`` when it has spaces, brackets or parentheses
    (which would end a bare destination early), with ``<``, ``>`` and ``\\`` escaped inside."""
    if not any(c in target for c in " ()<>\\\n\r"):
        return target
    inner = target.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>")
    return "<" + inner.replace("\r", " ").replace("\n", " ") + ">"
