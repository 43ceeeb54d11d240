"""The network map: the child in the centre, three rings, four sectors, people as labelled marks."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

SECTORS = {  # sector: (label, centre angle in degrees, counter-clockwise from east)
    "family": ("Familie", 135), "friends": ("Venner og naboer", 45),
    "school": ("Skole, dagtilbud, fritid", 225), "professional": ("Professionelle", 315),
}
GLYPH = {"resource": "+", "concern": "!", "both": "±"}
LEGEND = "+ ressource  ! bekymring  ± begge  ★ mulig anbringelse/støtte  ny/ændret: siden sidste beslutning"


@dataclass(frozen=True)
class Person:
    """A mark on the map."""

    label: str
    sector: str
    ring: int
    valence: str
    candidate: bool = False
    change: str = ""


class NetworkMap(Widget):
    """Rings and sectors drawn in characters; marks differ by symbol, never by colour alone."""

    DEFAULT_CSS = """
    NetworkMap { height: 1fr; min-height: 11; width: 1fr; }
    """
    people: reactive[tuple[Person, ...]] = reactive(tuple)
    """Who is on the map."""
    centre: reactive[str] = reactive("Barnet")
    """The child's label in the middle."""

    def render(self) -> Text:
        """Draw the map to fit the widget, then the legend."""
        width, height = max(30, self.size.width), max(10, self.size.height - 1)
        grid = [[" "] * width for _ in range(height)]
        cx, cy = width // 2, height // 2
        ry = (height - 1) / 2
        rx = min((width - 2) / 2, ry * 2.2)
        for ring in (1, 2, 3):
            for step in range(360):
                a = math.radians(step)
                x, y = round(cx + rx * ring / 3 * math.cos(a)), round(cy - ry * ring / 3 * math.sin(a))
                if 0 <= y < height and 0 <= x < width:
                    grid[y][x] = "·"
        for x in range(width):
            grid[cy][x] = "─" if grid[cy][x] == " " else grid[cy][x]
        for y in range(height):
            grid[y][cx] = "│"
        for key, (label, _) in SECTORS.items():
            left, top = key in ("family", "school"), key in ("family", "friends")
            _put(grid, 0 if top else height - 1, 0 if left else width - len(label), label)
        _put(grid, cy, cx - len(self.centre) // 2, self.centre)
        self._place(grid, cx, cy, rx, ry)
        text = Text("\n".join("".join(row).rstrip() for row in grid))
        text.append("\n" + LEGEND, style="dim")
        return text

    def _place(self, grid: list[list[str]], cx: int, cy: int, rx: float, ry: float) -> None:
        for (sector, ring), group in _groups(self.people).items():
            centre = SECTORS.get(sector, ("", 0))[1]
            for i, person in enumerate(group):
                spread = 70 / max(len(group), 1)
                angle = math.radians(centre - 35 + spread * (i + 0.5))
                x = round(cx + rx * (ring - 0.5) / 3 * math.cos(angle))
                y = round(cy - ry * (ring - 0.5) / 3 * math.sin(angle))
                mark = GLYPH.get(person.valence, "?") + ("★" if person.candidate else "")
                label = f"{mark} {person.label}" + (f" ({person.change})" if person.change else "")
                if x >= cx:
                    _put(grid, y, x, label)
                else:
                    _put(grid, y, x - len(label) + 1, label)


def _groups(people: tuple[Person, ...]) -> dict[tuple[str, int], list[Person]]:
    groups: dict[tuple[str, int], list[Person]] = {}
    for p in people:
        groups.setdefault((p.sector, p.ring), []).append(p)
    return groups


def _put(grid: list[list[str]], y: int, x: int, text: str) -> None:
    """Write text into the grid, moving to a free row nearby rather than over another label."""
    height, width = len(grid), len(grid[0])
    x = max(0, min(x, width - len(text)))
    for dy in (0, 1, -1, 2, -2, 3, -3):
        row = y + dy
        if 0 <= row < height and all(c in " ·─│" for c in grid[row][x:x + len(text)]):
            grid[row][x:x + len(text)] = list(text[: width - x])
            return
    if 0 <= y < height:
        grid[y][x:x + len(text)] = list(text[: width - x])
