"""The footer: the keys of the screen and of the focused widget, drawn as one line of text.

Textual's Footer is a container of one widget per key, removed and mounted again on each bindings update (a
case opening or a step switch sends several). Drawn as one widget, a change of keys is a repaint of one line:
opening a case costs one frame less and no widgets are made. It looks as Textual's compact footer does
(theme variables `footer-*`), and a click on a key presses it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


def width_of(keys: list[Key]) -> int:
    """Columns the keys take drawn in one line (a space between)."""
    return sum(cell_len(k.display) + (cell_len(k.description) + 1 if k.description else 0) + 1 for k in keys) - 1


HELP_KEY = "f1"
"""The key whose description goes last: the help lists every key."""


def fitted(keys: list[Key], width: int) -> list[Key]:
    """The keys, with descriptions left out from the right until the line fits `width` (0: not laid out yet); the
    help's goes after its left neighbour's (`^q F1 Hjælp` before `^q Afslut F1`)."""
    keys = list(keys)
    order = list(reversed(range(len(keys))))
    helps = [n for n, i in enumerate(order) if keys[i].key == HELP_KEY]
    if helps and helps[0] + 1 < len(order):
        n = helps[0]
        order[n], order[n + 1] = order[n + 1], order[n]
    for i in order:
        if not width or width_of(keys) <= width:
            break
        keys[i] = keys[i]._replace(description="")
    return keys


class KeyFooter(Widget, can_focus=False):
    """The active bindings that are marked `show`, in one line: the key in bold, then what it does."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        .footer-key--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .footer-key--description { color: $footer-description-foreground; background: $footer-description-background; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.spans: list[tuple[int, int, Key]] = []
        """Where each key was drawn (start and end column), for clicks and tooltips."""

    def on_mount(self) -> None:
        """Repaint when the screen's bindings change (focus, a step, a check_action that now says otherwise)."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """The keys are read again when the line is next drawn."""
        if self.is_attached and screen is self.screen:
            self.refresh()

    def keys(self) -> list[Key]:
        """The keys to show now, one per action (the first binding of an action names it)."""
        try:
            active = self.screen.active_bindings
        except NoScreen:  # its screen closed before the repaint came
            return []
        keys: dict[str, Key] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = Key(binding.key, self.app.get_key_display(binding), binding.description,
                                           enabled, tooltip or binding.tooltip)
        return list(keys.values())

    def render(self) -> Text:
        """`key description` for each key, a space between (dimmed when the key does nothing now). When the line
        is wider than the footer, descriptions are left out from the right (the app's keys come last) until it
        fits, so every key stays on screen; F1 names them all."""
        key_style = self.get_component_rich_style("footer-key--key", partial=True)
        description_style = self.get_component_rich_style("footer-key--description", partial=True)
        keys = fitted(self.keys(), self.size.width)
        line, self.spans = Text(no_wrap=True, overflow="crop"), []
        for key in keys:
            start = line.cell_len
            dim = Style(dim=not key.enabled)
            line.append(key.display, key_style + dim)
            if key.description:
                line.append(f" {key.description}", description_style + dim)
            self.spans.append((start, line.cell_len, key))
            line.append(" ")
        return line

    def key_at(self, x: int) -> Key | None:
        """The key drawn at a column, if any."""
        return next((key for start, end, key in self.spans if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (a key that does nothing now rings the bell)."""
        key = self.key_at(event.x)
        if key is not None:
            self.app.simulate_key(key.key) if key.enabled else self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """The tooltip of the key under the pointer."""
        key = self.key_at(event.x)
        self.tooltip = (key.tooltip or None) if key is not None else None
