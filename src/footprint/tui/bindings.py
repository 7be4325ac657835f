"""Key bindings in the interface's language.

Bindings are declared once per class with a msgid as their description (``N_("Undo")``); each app or
screen instance swaps in the words of the current language when it is created, so the footer, the keys
screen and the palette speak the person's language. Textual keeps a per-instance copy of the bindings map
(``DOMNode._bindings``) for exactly this kind of change.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from ..i18n import N_, _


def word(msgid: str) -> str:
    """A binding's words: a msgid of the catalogue."""
    return _(msgid) if msgid else msgid


# Key names shown as words rather than symbols (``key_display``), translated like the descriptions.
KEY_WORDS = (N_("enter"),)


def _localized(b: Binding) -> Binding:
    if b.key_display in KEY_WORDS:
        b = replace(b, key_display=_(b.key_display))
    if b.description:
        b = replace(b, description=word(b.description), tooltip=word(b.tooltip))
    if b.group is not None:
        b = replace(b, group=Binding.Group(word(b.group.description), b.group.compact))
    return b


def localize(node: DOMNode, lang: str | None = None) -> None:
    """Replace the msgid descriptions of ``node``'s bindings with their words in the current language
    (``lang`` is the app's, already in use)."""
    keys = node._bindings.key_to_bindings
    for key, bindings in list(keys.items()):
        keys[key] = [_localized(b) for b in bindings]


def describe(node: DOMNode, action: str, description: str) -> None:
    """Change what the footer says for ``action`` (e.g. "Close day" once the day is reopened)."""
    keys = node._bindings.key_to_bindings
    for key, bindings in list(keys.items()):
        keys[key] = [replace(b, description=description) if b.action == action else b for b in bindings]
    node.refresh_bindings()
