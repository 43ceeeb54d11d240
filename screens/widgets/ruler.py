"""The Børnelineal drawn in its zone colours, each rater's mark below it, the consensus marked."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


@dataclass(frozen=True)
class Mark:
    """One assessment on the ruler: the zone and who placed it there."""

    zone: int
    who: str
    consensus: bool = False


class Ruler(Widget):
    """Zones as coloured bands with number and label; raters' marks under their zone; `▲ KONSENSUS`."""

    DEFAULT_CSS = """
    Ruler { height: auto; width: 1fr; }
    """
    zones: reactive[tuple[tuple[str, str], ...]] = reactive(tuple, layout=True)
    """(label, hex colour) per zone, zone 1 first: colours are the profile's data, not a theme."""
    marks: reactive[tuple[Mark, ...]] = reactive(tuple, layout=True)
    """The assessments to show."""

    def render(self) -> Text:
        """Bands, then one line of marks per zone that has any."""
        if not self.zones:
            return Text("")
        width = max(8, (self.size.width or 80) // len(self.zones))
        text = Text()
        for number, (label, colour) in enumerate(self.zones, start=1):
            text.append(f" {number} {label}"[:width].ljust(width), style=f"bold black on {colour}")
        text.append("\n")
        for number in range(1, len(self.zones) + 1):
            here = [m for m in self.marks if m.zone == number and not m.consensus]
            cell = ("▲ " * bool(here) + ", ".join(m.who for m in here))[:width]
            text.append(cell.ljust(width))
        text.append("\n")
        for number in range(1, len(self.zones) + 1):
            agreed = any(m.zone == number and m.consensus for m in self.marks)
            text.append(("▲ KONSENSUS" if agreed else "")[:width].ljust(width), style="bold")
        return text

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        """Bands, marks, consensus."""
        return 3
