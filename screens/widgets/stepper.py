"""The case flow's steps, always visible, the current one marked; which steps there are depends on the profile."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

STEPS = ("Sagen", "Børnelinealen", "Netværk", "Alternativer", "Beslutning", "Referat")
"""The steps of every profile; a profile with Signs of Safety has one more (`case_flow.STEP_PANES`)."""


class Stepper(Widget):
    """`1 Sagen › 2 Børnelinealen › …` with the current step highlighted and its key shown."""

    DEFAULT_CSS = """
    Stepper { height: 1; width: 1fr; padding: 0 1; background: $panel; }
    """
    steps: reactive[tuple[str, ...]] = reactive(STEPS)
    """The labels of the steps shown, in order; step n has the key n."""
    current: reactive[int] = reactive(1)
    """The step shown (1 … len(steps))."""

    def render(self) -> Text:
        """The steps in one line; when they do not fit, the numbers and the current label only."""
        full = self.line(compact=False)
        return full if full.cell_len <= self.content_size.width else self.line(compact=True)

    def line(self, compact: bool) -> Text:
        """Every step with its number; `compact`: only the current one with its label."""
        text = Text()
        for number, label in enumerate(self.steps, start=1):
            if number > 1:
                text.append(" › ", style="dim")
            here = number == self.current
            shown = f"{number} {label}" if here or not compact else str(number)
            text.append(f"[{shown}]" if here else shown, style="bold reverse" if here else "")
        return text
