"""A field for a sentence or more (a purpose, a reason, a rationale): multi-line, shown whole on the wall."""

from __future__ import annotations

from textual.widgets import TextArea


class SentenceArea(TextArea):
    """Wraps and grows with its text (up to a limit, then scrolls); Tab leaves it; the keyboard lands at the end
    of what is written, so typing adds to it."""

    DEFAULT_CSS = "SentenceArea { height: auto; min-height: 3; max-height: 8; }"

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)  # type: ignore[arg-type]

    @property
    def value(self) -> str:
        """The text, read as an Input's value is."""
        return self.text

    def on_focus(self) -> None:
        """Arriving by Tab: the cursor goes after the text (never in front of the first word)."""
        if self.selection.is_empty and self.selection.end == (0, 0):
            self.move_cursor(self.document.end)
