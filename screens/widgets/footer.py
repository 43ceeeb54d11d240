"""The footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (removes and mounts every key) on each bindings update; a step switch sends
several (the pane, the focus, the stepper), which cost a rebuild each although the keys stay the same.
"""

from __future__ import annotations

from typing import Any

from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Footer that skips rebuilds which would show the same keys."""

    shown: tuple[object, ...] | None = None
    """What the footer last showed: (key, description, action, enabled, tooltip) per shown binding."""

    def keys(self) -> tuple[object, ...]:
        """What the footer would show now."""
        return tuple((b.key, b.description, b.action, enabled, tooltip)
                     for _, b, enabled, tooltip in self.screen.active_bindings.values() if b.show)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild once, after the refresh, and only when the keys differ."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        try:
            keys = self.keys()
        except NoScreen:  # its screen closed before the refresh came (a dialog, the palette)
            return
        if keys != self.shown:
            self.shown = keys
            await self.recompose()
