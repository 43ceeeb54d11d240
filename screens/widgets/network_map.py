"""The network map: the child in the centre, three rings, four sectors, people as labelled marks.

Each sector owns a quadrant; a person's label is placed in its own sector's quadrant only, as near its ring
as the free space allows, never over another label (one blank cell between labels on a row). A label that
finds no room is counted in the quadrant's "+N" note (the table below the map lists everyone).
"""

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


@dataclass(frozen=True)
class Box:
    """A rectangle of cells: columns left … right-1, rows top … bottom-1."""

    left: int
    top: int
    right: int
    bottom: int

    def holds(self, x: int, y: int, length: int) -> bool:
        """Whether a label of `length` cells at (x, y) lies inside."""
        return self.left <= x and x + length <= self.right and self.top <= y < self.bottom


@dataclass(frozen=True)
class Placed:
    """A label where the map put it."""

    text: str
    x: int
    y: int
    sector: str


def quadrants(width: int, height: int) -> dict[str, Box]:
    """The quadrant of each sector (the centre row and column belong to none)."""
    cx, cy = width // 2, height // 2
    return {"family": Box(0, 0, cx, cy), "friends": Box(cx + 1, 0, width, cy),
            "school": Box(0, cy + 1, cx, height), "professional": Box(cx + 1, cy + 1, width, height)}


def label_text(person: Person) -> str:
    """The mark and the name as drawn."""
    mark = GLYPH.get(person.valence, "?") + ("★" if person.candidate else "")
    return f"{mark} {person.label}" + (f" ({person.change})" if person.change else "")


class Layout:
    """Free cells of the map and the labels placed so far."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.taken: set[tuple[int, int]] = set()
        self.placed: list[Placed] = []

    def free(self, x: int, y: int, length: int) -> bool:
        """No label within the span, nor in the cell either side of it."""
        return not any((cx, y) in self.taken for cx in range(x - 1, x + length + 1))

    def put(self, text: str, x: int, y: int, sector: str) -> None:
        """Claim the cells of a label."""
        self.taken.update((cx, y) for cx in range(x, x + len(text)))
        self.placed.append(Placed(text, x, y, sector))

    def find(self, box: Box, length: int, want_x: int, want_y: int) -> tuple[int, int] | None:
        """The free spot in the box nearest to (want_x, want_y): rows by distance, then columns by distance."""
        if length > box.right - box.left:
            return None
        rows = sorted(range(box.top, box.bottom), key=lambda y: (abs(y - want_y), y))
        start = max(box.left, min(want_x, box.right - length))
        columns = sorted(range(box.left, box.right - length + 1), key=lambda x: (abs(x - start), x))
        for y in rows:
            for x in columns:
                if self.free(x, y, length):
                    return x, y
        return None


def layout(people: tuple[Person, ...], width: int, height: int, centre: str = "") -> list[Placed]:
    """Where each sector's title, the child and every person's label go, none overlapping, each person in the
    quadrant of their sector."""
    spots = Layout(width, height)
    boxes = quadrants(width, height)
    cx, cy = width // 2, height // 2
    spots.put(centre[: width], max(0, cx - len(centre) // 2), cy, "")
    for key, (title, _) in SECTORS.items():
        box = boxes[key]
        top = key in ("family", "friends")
        title = title[: box.right - box.left]
        spots.put(title, box.left if key in ("family", "school") else box.right - len(title),
                  0 if top else height - 1, key)
    ry, rx = (height - 1) / 2, min((width - 2) / 2, (height - 1) / 2 * 2.2)
    missing: dict[str, int] = {}
    for (sector, ring), group in _groups(people).items():
        area = boxes.get(sector)
        centre_angle = SECTORS.get(sector, ("", 0))[1]
        for i, person in enumerate(group):
            angle = math.radians(centre_angle - 35 + 70 / len(group) * (i + 0.5))
            x = round(cx + rx * (ring - 0.5) / 3 * math.cos(angle))
            y = round(cy - ry * (ring - 0.5) / 3 * math.sin(angle))
            text = label_text(person)[: max(1, (area.right - area.left) if area else 1)]
            left = sector in ("family", "school")
            spot = spots.find(area, len(text), x - len(text) + 1 if left else x, y) if area else None
            if spot is None:
                missing[sector] = missing.get(sector, 0) + 1
            else:
                spots.put(text, *spot, sector)
    for sector, count in missing.items():
        if sector in boxes:
            _note(spots, boxes[sector], sector, count)
    return spots.placed


def _note(spots: Layout, box: Box, sector: str, count: int) -> None:
    """"+N i tabellen" in a full quadrant, making room by counting its last-placed labels in too."""
    while True:
        note = f"+{count} i tabellen"[: box.right - box.left]
        spot = spots.find(box, len(note), box.left, box.bottom - 1 if sector in ("school", "professional") else 1)
        if spot:
            spots.put(note, *spot, sector)
            return
        title = SECTORS[sector][0][: box.right - box.left]
        last = next((p for p in reversed(spots.placed) if p.sector == sector and p.text != title), None)
        if last is None:
            return
        spots.placed.remove(last)
        spots.taken.difference_update((x, last.y) for x in range(last.x, last.x + len(last.text)))
        count += 1


class NetworkMap(Widget):
    """Rings and sectors drawn in characters; marks differ by symbol, never by colour alone."""

    DEFAULT_CSS = """
    NetworkMap { height: 1fr; min-height: 11; width: 1fr; }
    """
    people: reactive[tuple[Person, ...]] = reactive(tuple)
    """Who is on the map."""
    centre: reactive[str] = reactive("Barnet")
    """The child's label in the middle."""

    placed: list[Placed] = []
    """The labels as last drawn (for tests and the curious)."""

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
        self.placed = layout(self.people, width, height, self.centre)
        for p in self.placed:
            grid[p.y][p.x:p.x + len(p.text)] = list(p.text)
        text = Text("\n".join("".join(row).rstrip() for row in grid))
        text.append("\n" + LEGEND, style="dim")
        return text


def _groups(people: tuple[Person, ...]) -> dict[tuple[str, int], list[Person]]:
    groups: dict[tuple[str, int], list[Person]] = {}
    for p in people:
        groups.setdefault((p.sector, p.ring), []).append(p)
    return dict(sorted(groups.items(), key=lambda item: item[0][1]))  # inner rings first: they get the room
