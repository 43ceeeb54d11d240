"""The case flow's six steps, always visible, the current one marked."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

STEPS = ("Sagen", "Børnelinealen", "Netværk", "Alternativer", "Beslutning", "Referat")


class Stepper(Widget):
    """`1 Sagen › 2 Børnelinealen › …` with the current step highlighted and its key shown."""

    DEFAULT_CSS = """
    Stepper { height: 1; width: 1fr; padding: 0 1; background: $panel; }
    """
    current: reactive[int] = reactive(1)
    """The step shown (1–6)."""

    def render(self) -> Text:
        """The steps in one line; narrow terminals get the numbers and the current label only."""
        wide = self.size.width >= 80
        text = Text()
        for number, label in enumerate(STEPS, start=1):
            if number > 1:
                text.append(" › ", style="dim")
            here = number == self.current
            shown = f"{number} {label}" if wide or here else str(number)
            text.append(f"[{shown}]" if here else shown, style="bold reverse" if here else "")
        return text
