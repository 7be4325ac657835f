"""Key bindings in the interface's language.

Bindings are declared once per class with an i18n key as their description (``"tui.key.undo"``); each
app or screen instance swaps in its own words when it is created, so the footer, the keys screen and the
palette speak the person's language. Textual keeps a per-instance copy of the bindings map
(``DOMNode._bindings``) for exactly this kind of change.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from ..i18n_legacy import t


def _localized(b: Binding, lang: str) -> Binding:
    if b.description.startswith("tui."):
        b = replace(b, description=t(b.description, lang), tooltip=t(b.tooltip, lang) if b.tooltip else "")
    if b.group is not None and b.group.description.startswith("tui."):
        b = replace(b, group=Binding.Group(t(b.group.description, lang), b.group.compact))
    return b


def localize(node: DOMNode, lang: str) -> None:
    """Replace the i18n-key descriptions of ``node``'s bindings with their text in ``lang``."""
    keys = node._bindings.key_to_bindings
    for key, bindings in list(keys.items()):
        keys[key] = [_localized(b, lang) for b in bindings]


def describe(node: DOMNode, action: str, description: str) -> None:
    """Change what the footer says for ``action`` (e.g. "Close day" once the day is reopened)."""
    keys = node._bindings.key_to_bindings
    for key, bindings in list(keys.items()):
        keys[key] = [replace(b, description=description) if b.action == action else b for b in bindings]
    node.refresh_bindings()
