"""The key bar at the bottom of every main screen: the keys that work here, in the person's language, and
the command palette's key on the right; a click on a key runs it.

One widget drawing one line: Textual's Footer builds a widget per key and redraws itself after the first
frame, which costs more than the rest of Today put together.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--off"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
    }
    KeyBar > .key-bar--key {
        color: $accent;
        text-style: bold;
    }
    KeyBar > .key-bar--off {
        color: $text-disabled;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str, Any]] = []  # (first column, end column, action, namespace)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Any) -> None:
        self.refresh()

    def render(self) -> Text:
        """The keys of the focused widget, the screen and the app, then the palette's key on the right
        (kept even when the others have to be cut)."""
        app = self.app
        key_style = self.get_component_rich_style("key-bar--key")
        off_style = self.get_component_rich_style("key-bar--off")
        items: list[tuple[Text, str, Any]] = []
        seen: set[str] = set()
        palette: Text | None = None
        palette_at: tuple[str, Any] | None = None
        group_open = None
        for active in self.screen.active_bindings.values():
            b = active.binding
            if b.action in ("command_palette", "app.command_palette"):
                palette = Text.assemble(" ", (app.get_key_display(b), key_style), f" {b.description} ")
                palette_at = (b.action, active.node)
                continue
            if not b.show or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            style = key_style if active.enabled else off_style
            key = app.get_key_display(b)
            if b.group is not None and group_open == b.group and items:
                previous, first_action, first_node = items[-1]  # a click on a group runs its first key
                items[-1] = (
                    Text.assemble(previous[: -len(b.group.description) - 2], (key, style), f" {b.group.description} "),
                    first_action,
                    first_node,
                )
            else:
                words = b.group.description if b.group is not None else b.description
                items.append(
                    (
                        Text.assemble(" ", (key, style), (f" {words} ", "" if active.enabled else off_style)),
                        b.action,
                        active.node,
                    )
                )
            group_open = b.group
        width = self.size.width
        room = width - (len(palette) if palette is not None else 0)
        text = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, str, Any]] = []
        for item, action, node in items:
            if len(text) + len(item) > room:
                break
            spans.append((len(text), len(text) + len(item), action, node))
            text.append_text(item)
        if palette is not None and palette_at is not None:
            text.append(" " * max(0, room - len(text)))
            spans.append((len(text), len(text) + len(palette), *palette_at))
            text.append_text(palette)
        self._spans = spans
        return text

    async def on_click(self, event: events.Click) -> None:
        for first, end, action, node in self._spans:
            if first <= event.x < end:
                event.stop()
                await self.app.run_action(action, node)
                return
