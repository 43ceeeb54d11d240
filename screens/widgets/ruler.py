"""The Børnelineal drawn in its zone colours, each rater's mark below it, the consensus marked."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from screens.themes import chip_on, text_on


@dataclass(frozen=True)
class Mark:
    """One assessment on the ruler: the zone and who placed it there."""

    zone: int
    who: str
    consensus: bool = False


class Ruler(Widget):
    """Zones as coloured bands with number and label (wrapped, never cut); raters' marks under their zone;
    `▲ KONSENSUS`. The label is black or white, whichever reads better on the zone's colour."""

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
        width = self.zone_width()
        text = Text()
        bands = self.bands(width)
        page = self.app.theme_variables.get("background", "#000000")
        chips = [chip_on(colour, page) for _, colour in self.zones]
        for line in range(len(bands[0])):
            for chip, band in zip(chips, bands, strict=True):
                ink = "#000000" if text_on(chip) == "black" else "#FFFFFF"  # true colours, not the terminal's ANSI
                text.append(band[line].ljust(width), style=f"bold {ink} on {chip}")
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

    def zone_width(self, width: int | None = None) -> int:
        """The columns of one zone."""
        return max(8, (width or self.size.width or 80) // max(1, len(self.zones)))

    def bands(self, width: int) -> list[list[str]]:
        """Each zone's `number label`, wrapped to its width (a space each side), all as many lines as the longest."""
        wrapped = [textwrap.wrap(f"{n} {label}", max(4, width - 2), break_on_hyphens=False) or [""]
                   for n, (label, _) in enumerate(self.zones, start=1)]
        lines = max(len(w) for w in wrapped)
        return [[f" {part}" for part in w] + [""] * (lines - len(w)) for w in wrapped]

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        """Bands (as many lines as the longest label needs), marks, consensus."""
        return (len(self.bands(self.zone_width(width))[0]) if self.zones else 1) + 2
