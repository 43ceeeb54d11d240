"""The Indsatstrappe drawn as stairs: the lowest step at the bottom left, the current and proposed steps marked."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Staircase(Widget):
    """Steps drawn as stairs with `● nu` on the current step and `◆ forslag` on the proposed one."""

    DEFAULT_CSS = """
    Staircase { height: auto; width: 1fr; }
    """
    labels: reactive[tuple[str, ...]] = reactive(tuple, layout=True)
    """The step labels, lowest first."""
    current: reactive[int] = reactive(0)
    """The child's step now."""
    proposed: reactive[int] = reactive(0)
    """The step proposed (0: none)."""

    def render(self) -> Text:
        """One line per step, highest first, each tread further right."""
        count = len(self.labels)
        tread = max(2, min(6, (self.size.width - 40) // max(count, 1))) if self.size.width else 4
        text = Text()
        for number in range(count, 0, -1):
            indent = " " * (tread * (number - 1))
            text.append(f"{indent}┌{'─' * tread}", style="dim")
            style = "bold reverse" if number == self.current else ("bold" if number == self.proposed else "")
            text.append(f" {number} {self.labels[number - 1]} ", style=style)
            if number == self.current:
                text.append(" ● nu", style="bold")
            if number == self.proposed:
                text.append(" ◆ forslag", style="bold")
            text.append("\n")
        text.rstrip()
        return text

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        """One row per step."""
        return max(1, len(self.labels))
